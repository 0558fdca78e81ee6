"""Dialogs of the member register: leaving the branch (离开本支部) and timeline entries (记事).

Leaving is never a delete: the record stays, with the kind of leaving, the date and the reason
(and for 转出 the receiving organization and the 介绍信 number). Both dialogs call one service and
show its InvalidInputError beside the fields it names.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import LEAVING_KINDS, Classification, EventKind, Issue, MembershipStatus
from app.errors import BranchDeskError, InvalidInputError
from app.services import members
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.edits import on_user_edit
from ui.widgets.enum_combo import EnumCombo

Today = Callable[[], date]

# Events a secretary records by hand; 转入 and 离开 have their own way in.
RECORDABLE_EVENTS = (
    EventKind.REWARD, EventKind.DISCIPLINE, EventKind.FLOW_OUT, EventKind.FLOW_IN,
    EventKind.FLOW_END, EventKind.LOST_CONTACT, EventKind.CONTACT_RESTORED, EventKind.NOTE,
)
_NEEDS_PLACE = (EventKind.FLOW_OUT, EventKind.FLOW_IN)


class _MemberDialog(EditorDialog):
    """Shared frame: a form, messages beside fields, 确定/取消; ``done_for(member_id)``."""

    done_for = Signal(str)

    def __init__(
        self, workspace: Workspace, member_id: str, member_name: str, today: Today,
        parent: QWidget | None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._member_id = member_id
        self._today = today
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        self.form = QFormLayout()
        self.messages: dict[str, QLabel] = {}
        self.rows: dict[str, QVBoxLayout] = {}
        heading = QLabel(member_name)
        heading.setStyleSheet("font-weight: bold;")
        self.form.addRow(self.tr("Member:"), heading)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def add_field(self, field: str, widget: QWidget, label: str | None = None) -> None:
        message = QLabel()
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        message.hide()
        on_user_edit(widget, message.hide)  # the problem is being corrected
        self.form.addRow(
            self.tr("{field}:").format(field=label or member_texts.field_label(field)), column
        )
        self.messages[field] = message
        self.rows[field] = column

    def show_problems(self, problems: dict[str, str]) -> None:
        """``problems``: field → problem code; a field without a row goes to the status line."""
        for field, label in self.messages.items():
            code = problems.pop(field, None)
            label.setText(member_texts.issue_text(code) if code else "")
            label.setVisible(code is not None)
        self.status_label.setText(
            "\n".join(
                member_texts.describe(Issue(field, code))
                for field, code in problems.items()
            )
        )

    def submit(self) -> bool:
        """Record it; True when recorded (the dialog then closes)."""
        problems = self.local_problems()
        if problems:
            self.show_problems(problems)
            return False
        try:
            self.apply()
        except InvalidInputError as error:
            self.show_problems({p.field: p.code for p in error.problems})
            return False
        except BranchDeskError as error:
            self.status_label.setText(message_for(error))
            return False
        self.done_for.emit(self._member_id)
        self.accept()
        return True

    def save_unsaved_work(self) -> bool:
        return self.submit()

    def local_problems(self) -> dict[str, str]:
        return {}

    def apply(self) -> None:
        """Call the service in one unit of work and commit."""
        raise NotImplementedError


class LeaveDialog(_MemberDialog):
    """离开本支部: 转出, 停止党籍, 出党, 除名, 开除党籍, 死亡 — with date and reason."""

    def __init__(
        self, workspace: Workspace, member_id: str, member_name: str,
        today: Today = date.today, parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, member_id, member_name, today, parent)
        self.setWindowTitle(self.tr("Leave the branch"))
        self.kind_combo = EnumCombo(LEAVING_KINDS)
        self.date_edit = DateField()
        self.date_edit.set_date(today())
        self.reason_edit = QLineEdit()
        self.destination_edit = QLineEdit()
        self.destination_edit.setPlaceholderText(self.tr("the party organization receiving"))
        self.letter_edit = QLineEdit()
        self.add_field("status", self.kind_combo, self.tr("How"))
        self.add_field("left_date", self.date_edit)
        self.add_field("left_reason", self.reason_edit)
        self.add_field("transfer_destination", self.destination_edit)
        self.add_field("transfer_letter_no", self.letter_edit)
        note = QLabel(self.tr(
            "The record is kept for history and statistics; the member leaves the list of "
            "members on the roll."
        ))
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        self.form.addRow(note)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        transfer = self.kind_combo.value() is MembershipStatus.TRANSFERRED_OUT
        for field in ("transfer_destination", "transfer_letter_no"):
            self.form.setRowVisible(self.rows[field], transfer)

    def local_problems(self) -> dict[str, str]:
        if self.date_edit.date_value() is None:
            return {"left_date": "required" if self.date_edit.is_empty() else "not_a_date"}
        return {}

    def apply(self) -> None:
        on = self.date_edit.date_value()
        if on is None:  # local_problems refused it already
            return
        transfer = self.kind_combo.value() is MembershipStatus.TRANSFERRED_OUT
        with self._workspace.unit_of_work() as uow:
            members.record_leaving(
                uow, self._member_id, self.kind_combo.value(), on, self.reason_edit.text(),
                self.destination_edit.text() if transfer else "",
                self.letter_edit.text() if transfer else "",
            )
            uow.commit()


class EventDialog(_MemberDialog):
    """记事: reward, disciplinary action, flowing away and back, lost contact, a note."""

    def __init__(
        self, workspace: Workspace, member_id: str, member_name: str,
        today: Today = date.today, parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, member_id, member_name, today, parent)
        self.setWindowTitle(self.tr("Add to the record"))
        self.kind_combo = EnumCombo(RECORDABLE_EVENTS)
        self.date_edit = DateField()
        self.date_edit.set_date(today())
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setFixedHeight(80)
        self.place_edit = QLineEdit()
        self.contact_edit = QLineEdit()
        self.contact_edit.setPlaceholderText(self.tr("phone, WeChat or address while away"))
        self.card_edit = QLineEdit()
        self.classification_combo = EnumCombo(Classification)  # 秘密 stays on this PC
        self.classification_combo.set_value(Classification.INTERNAL)
        self.add_field("kind", self.kind_combo)
        self.add_field("on", self.date_edit)
        self.add_field("flow_place", self.place_edit)
        self.add_field("flow_contact", self.contact_edit)
        self.add_field("flow_card_no", self.card_edit)
        self.add_field("text", self.text_edit)
        self.add_field("classification", self.classification_combo)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        flowing = self.kind_combo.value() in _NEEDS_PLACE
        for field in ("flow_place", "flow_contact", "flow_card_no"):
            self.form.setRowVisible(self.rows[field], flowing)

    def local_problems(self) -> dict[str, str]:
        if self.date_edit.date_value() is None:
            return {"on": "required" if self.date_edit.is_empty() else "not_a_date"}
        return {}

    def apply(self) -> None:
        on = self.date_edit.date_value()
        if on is None:  # local_problems refused it already
            return
        flowing = self.kind_combo.value() in _NEEDS_PLACE
        with self._workspace.unit_of_work() as uow:
            members.add_event(
                uow, self._member_id, self.kind_combo.value(), on,
                self.text_edit.toPlainText(), self.place_edit.text() if flowing else "",
                self.classification_combo.value(),
                contact=self.contact_edit.text() if flowing else "",
                card_no=self.card_edit.text() if flowing else "",
            )
            uow.commit()
