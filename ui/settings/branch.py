"""设置's branch boxes: the branch profile (支部信息) and the order of printed name lists.

The profile is what the setup wizard asked for, plus the committee members, the kind of branch
(its committee's term: 3 years, 5 for 村 and 社区, 支部工作条例 第二十一条) and the day the
committee was elected, from which the next 换届 follows; saving it goes through
``branch.save_profile`` (audited, queued for sync). The order of printed name lists (出席人员,
签到表) is 按拼音 or 按姓氏笔画, as official documents often want.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
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

from app.domain.branch import BranchKind
from app.domain.name_order import NameOrder
from app.errors import BranchDeskError
from app.services import branch
from app.services.workspace import BranchProfile, Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.widgets.date_field import DateField

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
        self.kind_combo = QComboBox()
        for kind in BranchKind:
            self.kind_combo.addItem(member_texts.label(kind), kind)
        self.kind_combo.activated.connect(self._edited)
        self.elected_edit = DateField()
        self.elected_edit.setMaximumWidth(140)
        self.elected_edit.textEdited.connect(self._edited)
        self.elected_error = QLabel()
        self.elected_error.setStyleSheet(ERROR_STYLE)
        self.elected_edit.textEdited.connect(self.elected_error.clear)
        self.term_label = QLabel()
        self.term_label.setObjectName("committee_term")
        self.term_label.setWordWrap(True)
        self.term_label.setStyleSheet(HINT_STYLE)
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
        form.addRow(self.tr("Kind of branch:"), self.kind_combo)
        elected = QHBoxLayout()
        elected.addWidget(self.elected_edit)
        elected.addWidget(self.elected_error)
        elected.addStretch(1)
        form.addRow(self.tr("Committee elected on:"), elected)
        form.addRow("", self.term_label)
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
            status = branch.committee_status(uow, date.today())
        self.kind_combo.setCurrentIndex(max(self.kind_combo.findData(profile.kind), 0))
        self.elected_edit.set_date(profile.committee_elected_on)
        self.elected_error.clear()
        self._show_term(status)
        self.name_edit.setText(profile.name)
        self.code_edit.setText(profile.code)
        self.higher_org_edit.setText(profile.higher_org)
        self.secretary_edit.setText(profile.secretary)
        self.committee_edit.setText(profile.committee)
        self.feedback.clear()

    def clear(self) -> None:
        for edit in (self.name_edit, self.code_edit, self.higher_org_edit, self.secretary_edit,
                     self.committee_edit, self.elected_edit):
            edit.clear()
        self.term_label.clear()
        self.feedback.clear()

    def _show_term(self, status: branch.CommitteeStatus) -> None:
        """Whether the branch has a committee (7 or more full members) and its next 换届."""
        if not status.has_committee:
            text = self.tr(
                "{count} full members: fewer than 7, so the branch has a secretary and no "
                "committee; no committee meetings are required until it reaches 7."
            ).format(count=status.full_members)
        elif status.next_election is None:
            text = self.tr(
                "{count} full members: the branch has a committee. Enter the day it was elected "
                "to be reminded of the next election six months ahead."
            ).format(count=status.full_members)
        else:
            text = self.tr(
                "{count} full members: the branch has a committee. Next election (换届) due on "
                "{date}."
            ).format(count=status.full_members, date=status.next_election.isoformat())
        self.term_label.setText(text)

    def profile(self) -> BranchProfile:
        return BranchProfile(
            name=self.name_edit.text().strip(),
            code=self.code_edit.text().strip(),
            higher_org=self.higher_org_edit.text().strip(),
            secretary=self.secretary_edit.text().strip(),
            committee=self.committee_edit.text().strip(),
            kind=self.kind_combo.currentData() or BranchKind.GENERAL,
            committee_elected_on=self.elected_edit.date_value(),
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
        if not self.elected_edit.is_empty() and not self.elected_edit.is_valid():
            self.elected_error.setText(self.tr("Not a date"))
            self.elected_edit.setFocus()
            return
        profile = self.profile()
        if _write(self._workspace, self.feedback, lambda uow: branch.save_profile(uow, profile)):
            with self._workspace.unit_of_work(read_only=True) as uow:
                self._show_term(branch.committee_status(uow, date.today()))
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
