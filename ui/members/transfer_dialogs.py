"""Dialogs of 组织关系转接: issue a letter of introduction (转出), record its 回执 or its return
unused, and receive a member with a letter (转入).

Each calls one service of ``app.services.transfers`` and shows its ``InvalidInputError`` beside
the fields it names. Warnings (a paid-up month that differs from the ledger, a letter number
already used, a gap or an overlap of dues) are shown first; 确定 again records anyway.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QSpinBox, QWidget

from app.domain.development import Stage
from app.domain.members import Issue, Severity
from app.domain.transfers import MAX_VALID_DAYS, MIN_VALID_DAYS
from app.errors import BranchDeskError
from app.services import transfer_settings, transfers
from app.services.members import MemberInput
from app.services.workspace import UnitOfWork, Workspace
from ui.common import member_texts, transfer_texts
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.members.dialogs import Today, _MemberDialog
from ui.widgets.background_list import WARNING_STYLE
from ui.widgets.date_field import DateField
from ui.widgets.month_field import MonthField


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class _WarningsFirst(_MemberDialog):
    """确定 shows the warnings once; 确定 again (unchanged) records."""

    def __init__(self, *args: object) -> None:
        super().__init__(*args)  # type: ignore[arg-type]
        self._warned: tuple[Issue, ...] | None = None

    def warnings(self) -> list[Issue]:
        return []

    def local_problems(self) -> dict[str, str]:
        problems = self.field_problems()
        if problems:
            return problems
        try:
            found = tuple(self.warnings())
        except BranchDeskError:
            return {}  # the service reports it on apply
        if found and found != self._warned:
            self._warned = found
            self.status_label.setStyleSheet(WARNING_STYLE)
            self.status_label.setText("\n".join(
                [*(member_texts.describe(w) for w in found),
                 self.tr("Click OK again to record it all the same.")]))
            return {"_warned": ""}  # nothing beside a field; stops this submit
        return {}

    def show_problems(self, problems: dict[str, str]) -> None:
        if problems.pop("_warned", None) is not None and not problems:
            for label in self.messages.values():
                label.hide()
            return
        self.status_label.setStyleSheet(ERROR_STYLE)
        super().show_problems(problems)

    def field_problems(self) -> dict[str, str]:
        return {}


class TransferOutDialog(_WarningsFirst):
    """开具组织关系介绍信: the member becomes 转出待接收 until the 回执 is recorded."""

    def __init__(
        self, workspace: Workspace, member_id: str, member_name: str,
        today: Today = date.today, parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, member_id, member_name, today, parent)
        self.setWindowTitle(self.tr("Transfer out: letter of introduction"))
        self.letter_edit = QLineEdit()
        self.letter_edit.setPlaceholderText(self.tr("the number printed on all three parts"))
        self.destination_edit = QLineEdit()
        self.destination_edit.setPlaceholderText(self.tr("the party organization receiving"))
        self.date_edit = DateField()
        self.date_edit.set_date(today())
        self.paid_edit = MonthField()
        self.days_spin = QSpinBox()
        self.days_spin.setRange(MIN_VALID_DAYS, MAX_VALID_DAYS)
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. 工作调动"))
        self.add_field("transfer_letter_no", self.letter_edit)
        self.add_field("transfer_destination", self.destination_edit)
        self.add_field("transfer_date", self.date_edit)
        self.add_field("paid_until", self.paid_edit)
        self.add_field("valid_days", self.days_spin)
        self.add_field("left_reason", self.reason_edit)
        self.form.addRow(_hint(self.tr(
            "Until its receipt comes back the member stays this branch's responsibility "
            "(awaiting receipt) and is listed apart; the letter is then printed from the "
            "member's record."
        )))
        with workspace.unit_of_work(read_only=True) as uow:
            self.days_spin.setValue(transfer_settings.load(uow).valid_days)
            self.paid_edit.set_month(transfers.paid_through(uow, member_id))
        self.mark_clean()

    def letter(self) -> transfers.LetterOut | None:
        on = self.date_edit.date_value()
        if on is None:
            return None
        return transfers.LetterOut(
            letter_no=self.letter_edit.text(), destination=self.destination_edit.text(),
            issued_on=on, paid_until=self.paid_edit.month(), valid_days=self.days_spin.value(),
            reason=self.reason_edit.text(),
        )

    def field_problems(self) -> dict[str, str]:
        problems = date_problems("transfer_date", self.date_edit)
        if not self.paid_edit.is_empty() and self.paid_edit.month() is None:
            problems["paid_until"] = "not_a_month"
        return problems

    def warnings(self) -> list[Issue]:
        letter = self.letter()
        if letter is None:
            return []
        with self._workspace.unit_of_work(read_only=True) as uow:
            issues = transfers.check_transfer_out(uow, self._member_id, letter, self._today())
        if any(i.severity is Severity.ERROR for i in issues):
            return []  # the service refuses on apply, naming the fields
        return issues

    def apply(self) -> None:
        letter = self.letter()
        if letter is None:  # local_problems refused it already
            return
        with self._workspace.unit_of_work() as uow:
            transfers.transfer_out(uow, self._member_id, letter, self._today())
            uow.commit()


def date_problems(field: str, edit: DateField) -> dict[str, str]:
    """``{field: code}`` when ``edit`` is empty or holds no date."""
    if edit.date_value() is None:
        return {field: "required" if edit.is_empty() else "not_a_date"}
    return {}


class _DatedStep(_MemberDialog):
    """A step of a letter out on a date (today by default): ``record(uow, on)`` does it."""

    date_field = "on"

    def __init__(
        self, workspace: Workspace, member_id: str, member_name: str, today: Today,
        parent: QWidget | None,
    ) -> None:
        super().__init__(workspace, member_id, member_name, today, parent)
        self.date_edit = DateField()
        self.date_edit.set_date(today())
        self.add_field(self.date_field, self.date_edit)

    def local_problems(self) -> dict[str, str]:
        return date_problems(self.date_field, self.date_edit)

    def apply(self) -> None:
        on = self.date_edit.date_value()
        if on is None:  # local_problems refused it already
            return
        with self._workspace.unit_of_work() as uow:
            self.record(uow, on)
            uow.commit()

    def record(self, uow: UnitOfWork, on: date) -> None:
        raise NotImplementedError


class ReceiptDialog(_DatedStep):
    """回执收回: the receiving side accepted; the member leaves the roll."""

    date_field = "transfer_receipt_on"

    def __init__(
        self, workspace: Workspace, member_id: str, member_name: str,
        today: Today = date.today, parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, member_id, member_name, today, parent)
        self.setWindowTitle(self.tr("Receipt of the letter of introduction"))
        self.form.addRow(_hint(self.tr(
            "Paste the receipt on the stub of the letter. The record is kept for history and "
            "statistics; the member leaves the list of members on the roll."
        )))

    def record(self, uow: UnitOfWork, on: date) -> None:
        transfers.record_receipt(uow, self._member_id, on, self._today())


class CancelTransferDialog(_DatedStep):
    """介绍信退回: the letter came back unused; the member is on the roll again."""

    def __init__(
        self, workspace: Workspace, member_id: str, member_name: str,
        today: Today = date.today, parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, member_id, member_name, today, parent)
        self.setWindowTitle(self.tr("Letter of introduction returned unused"))
        self.reason_edit = QLineEdit()
        self.add_field("left_reason", self.reason_edit)

    def record(self, uow: UnitOfWork, on: date) -> None:
        transfers.cancel_transfer_out(uow, self._member_id, on, self.reason_edit.text())


class TransferInDialog(_WarningsFirst):
    """转入: a member arrives with a letter. A member who left this branch before is found by
    the ID number and put back on the roll; anyone else is added (the record can be completed
    afterwards in the member form)."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, "", "", today, parent)
        self.form.removeRow(0)  # no member yet: the dialog names one
        self.setWindowTitle(self.tr("Transfer in"))
        self.name_edit = QLineEdit()
        self.id_edit = QLineEdit()
        self.stage_combo = QComboBox()
        for stage in (Stage.FULL, Stage.PROBATIONARY):
            self.stage_combo.addItem(member_texts.label(stage), stage)
        self.admission_edit = DateField()
        self.letter_edit = QLineEdit()
        self.origin_edit = QLineEdit()
        self.origin_edit.setPlaceholderText(self.tr("the party organization that sent the letter"))
        self.date_edit = DateField()
        self.date_edit.set_date(today())
        self.paid_edit = MonthField()
        self.dues_label = _hint("")
        # Room for the longest explanation (three sentences), so the dialog does not squeeze it.
        self.dues_label.setMinimumHeight(self.dues_label.fontMetrics().lineSpacing() * 4 + 4)
        self.add_field("name", self.name_edit)
        self.add_field("id_number", self.id_edit)
        self.add_field("stage", self.stage_combo)
        self.add_field("admission_date", self.admission_edit)
        self.add_field("transfer_in_letter_no", self.letter_edit)
        self.add_field("transfer_in_origin", self.origin_edit)
        self.add_field("transfer_date", self.date_edit)
        self.add_field("paid_until", self.paid_edit)
        self.form.addRow(self.dues_label)
        for edit in (self.paid_edit, self.date_edit):
            edit.textChanged.connect(lambda _t: self.show_dues())
        self.show_dues()
        self.mark_clean()
        self.member_id: str | None = None

    def letter(self) -> transfers.LetterIn | None:
        on = self.date_edit.date_value()
        if on is None:
            return None
        return transfers.LetterIn(self.letter_edit.text(), self.origin_edit.text(), on,
                                  self.paid_edit.month())

    def data(self) -> MemberInput:
        return MemberInput(
            name=self.name_edit.text(), id_number=self.id_edit.text(),
            stage=self.stage_combo.currentData(), admission_date=self.admission_edit.date_value(),
        )

    def show_dues(self) -> None:
        """From which month the member will owe here, with the gaps and overlaps (live)."""
        letter = self.letter()
        if letter is None or (not self.paid_edit.is_empty() and letter.paid_until is None):
            self.dues_label.clear()
            return
        with self._workspace.unit_of_work(read_only=True) as uow:
            start = transfers.transfer_in_dues(uow, letter)
        self.dues_label.setStyleSheet(HINT_STYLE if not start.findings else WARNING_STYLE)
        self.dues_label.setText("\n".join(transfer_texts.dues_start_lines(start)))

    def field_problems(self) -> dict[str, str]:
        problems = date_problems("transfer_date", self.date_edit)
        if not self.paid_edit.is_empty() and self.paid_edit.month() is None:
            problems["paid_until"] = "not_a_month"
        if not self.admission_edit.is_empty() and self.admission_edit.date_value() is None:
            problems["admission_date"] = "not_a_date"
        return problems

    def apply(self) -> None:
        letter = self.letter()
        if letter is None:
            return
        with self._workspace.unit_of_work() as uow:
            self.member_id = transfers.transfer_in(uow, self.data(), letter, self._today())
            uow.commit()
        self._member_id = self.member_id  # done_for names the member
