"""设置's branch boxes: the branch profile (支部信息) and the order of printed name lists.

The profile is what the setup wizard asked for, plus the committee members; saving it goes
through ``branch.save_profile`` (audited, queued for sync). The order of printed name lists
(出席人员, 签到表) is 按拼音 or 按姓氏笔画, as official documents often want.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.name_order import NameOrder
from app.errors import BranchDeskError
from app.services import branch
from app.services.workspace import BranchProfile, Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE

MAX_FIELD_LENGTH = 200
MAX_COMMITTEE_LENGTH = 500


def _write(workspace: Workspace, feedback: QLabel, write: Callable[[Any], None]) -> bool:
    """Run ``write`` in a unit of work and commit; say "已保存。" or the error in ``feedback``."""
    try:
        with workspace.unit_of_work() as uow:
            write(uow)
            uow.commit()
    except BranchDeskError as error:
        feedback.setStyleSheet(ERROR_STYLE)
        feedback.setText(message_for(error))
        return False
    feedback.setStyleSheet(NOTICE_STYLE)
    feedback.setText(QCoreApplication.translate("BranchSettings", "Saved."))
    return True


class BranchProfileBox(QGroupBox):
    """支部信息: edit and save the profile. ``saved(name)`` after a change was saved."""

    saved = Signal(str)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Branch"), parent)
        self._workspace = workspace
        self.name_edit = QLineEdit()
        self.code_edit = QLineEdit()
        self.higher_org_edit = QLineEdit()
        self.secretary_edit = QLineEdit()
        self.committee_edit = QLineEdit()
        self.committee_edit.setMaxLength(MAX_COMMITTEE_LENGTH)
        self.committee_edit.setPlaceholderText(
            self.tr("e.g. Li Xiuying (organization), Zhao Zhiqiang (propaganda)")
        )
        form = QFormLayout(self)
        self.required_labels: dict[QLineEdit, QLabel] = {}
        for label, edit, required in (
            (self.tr("Branch name:"), self.name_edit, True),
            (self.tr("Branch code:"), self.code_edit, True),
            (self.tr("Higher party organization:"), self.higher_org_edit, False),
            (self.tr("Branch secretary:"), self.secretary_edit, False),
            (self.tr("Committee members:"), self.committee_edit, False),
        ):
            if edit is not self.committee_edit:
                edit.setMaxLength(MAX_FIELD_LENGTH)
            if required:
                error = QLabel()
                error.setStyleSheet(ERROR_STYLE)
                edit.textChanged.connect(error.clear)
                self.required_labels[edit] = error
                row = QHBoxLayout()
                row.addWidget(edit, 1)
                row.addWidget(error)
                form.addRow(label, row)
            else:
                form.addRow(label, edit)
            edit.textEdited.connect(self._edited)
        self.save_button = QPushButton(self.tr("Save branch information"))
        self.save_button.clicked.connect(self.save)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.feedback, 1)
        form.addRow("", row)

    def refresh(self) -> None:
        with self._workspace.unit_of_work(read_only=True) as uow:
            profile = branch.load_profile(uow)
        self.name_edit.setText(profile.name)
        self.code_edit.setText(profile.code)
        self.higher_org_edit.setText(profile.higher_org)
        self.secretary_edit.setText(profile.secretary)
        self.committee_edit.setText(profile.committee)
        self.feedback.clear()

    def clear(self) -> None:
        for edit in (self.name_edit, self.code_edit, self.higher_org_edit, self.secretary_edit,
                     self.committee_edit):
            edit.clear()
        self.feedback.clear()

    def profile(self) -> BranchProfile:
        return BranchProfile(
            name=self.name_edit.text().strip(),
            code=self.code_edit.text().strip(),
            higher_org=self.higher_org_edit.text().strip(),
            secretary=self.secretary_edit.text().strip(),
            committee=self.committee_edit.text().strip(),
        )

    def _edited(self) -> None:
        self.feedback.clear()  # an old "saved" or error no longer describes what is typed

    def save(self) -> None:
        missing = [edit for edit in self.required_labels if not edit.text().strip()]
        for edit in missing:
            self.required_labels[edit].setText(self.tr("Required"))
        if missing:
            missing[0].setFocus()
            return
        profile = self.profile()
        if _write(self._workspace, self.feedback, lambda uow: branch.save_profile(uow, profile)):
            self.saved.emit(profile.name)


class NameOrderBox(QGroupBox):
    """打印名单排序: the order of names in printed minutes and sign-in sheets."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Printed name lists"), parent)
        self._workspace = workspace
        self.order_combo = QComboBox()
        self.order_combo.addItem(self.tr("By pinyin"), NameOrder.PINYIN)
        self.order_combo.addItem(self.tr("By the surname's stroke count"), NameOrder.STROKES)
        self.order_combo.setMaximumWidth(240)
        self.order_combo.activated.connect(self.save)
        hint = QLabel(self.tr(
            "The order of the attendees in printed minutes and of the names on sign-in sheets. "
            "Lists on screen and exported rosters are always by pinyin."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Order of names:"), self.order_combo)
        form.addRow("", hint)
        form.addRow("", self.feedback)

    def refresh(self) -> None:
        with self._workspace.unit_of_work(read_only=True) as uow:
            order = branch.load_name_order(uow)
        self.order_combo.setCurrentIndex(self.order_combo.findData(order))
        self.feedback.clear()

    def save(self) -> None:
        order = self.order_combo.currentData()
        _write(self._workspace, self.feedback, lambda uow: branch.save_name_order(uow, order))
