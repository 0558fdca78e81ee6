"""The terms a member's dues are owed on, in the member's dues window: dated category changes,
quarterly payment with the branch's consent (第十二条) and hardship reliefs (第七条), each listed
and recorded by a small dialog (``app.services.dues_terms``; ``dues.add_relief``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import Month
from app.domain.dues import PersonCategory, ReliefKind
from app.errors import BranchDeskError
from app.services import dues, dues_terms
from app.services.workspace import UnitOfWork, Workspace
from ui.common import dues_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.enum_combo import EnumCombo

Today = Callable[[], date]


class MonthEdit(QWidget):
    """A month: year and month spin boxes."""

    def __init__(self, month: Month, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.month_spin = QSpinBox()
        self.month_spin.setRange(1, 12)
        self.month_spin.setSuffix(self.tr(" (month)"))
        self.set_month(month)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.year_spin)
        layout.addWidget(self.month_spin)
        layout.addStretch(1)

    def month(self) -> Month:
        return Month(self.year_spin.value(), self.month_spin.value())

    def set_month(self, month: Month) -> None:
        self.year_spin.setValue(month.year)
        self.month_spin.setValue(month.month)


def _quarter_start(month: Month) -> Month:
    return Month(month.year, month.month - (month.month - 1) % 3)


class _TermDialog(EditorDialog):
    """A form, a message line and 确定/取消; ``saved`` once ``save`` went through."""

    saved = Signal()

    def __init__(self, workspace: Workspace, member_id: str, today: Today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace, self._member_id, self._today = workspace, member_id, today
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(480)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(HINT_STYLE)
        self.form = QFormLayout()
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint_label)
        layout.addLayout(self.form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        self.result_text = ""

    def save(self, uow: UnitOfWork) -> str:
        """Record what the form holds; returns what to tell the secretary (may be empty)."""
        raise NotImplementedError

    def submit(self) -> None:
        try:
            with self._workspace.unit_of_work() as uow:
                self.result_text = self.save(uow)
                uow.commit()
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return
        self.saved.emit()
        self.accept()


class CategoryChangeDialog(_TermDialog):
    """The member's category of person from a month on (retired in July: July)."""

    def __init__(self, workspace: Workspace, member_id: str, today: Today,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, member_id, today, parent)
        self.setWindowTitle(self.tr("Change of category"))
        self.hint_label.setText(self.tr(
            "The months before keep the former category: a member who retires in July pays the "
            "rate of members in work through June (art. 2, art. 5)."))
        self.category_combo = EnumCombo(PersonCategory)
        self.month_edit = MonthEdit(Month.of(today()))
        self.form.addRow(self.tr("New category:"), self.category_combo)
        self.form.addRow(self.tr("From month:"), self.month_edit)
        self.mark_clean()

    def save(self, uow: UnitOfWork) -> str:
        result = dues_terms.change_category(
            uow, self._member_id, self.month_edit.month(), self.category_combo.value(),
            self._today())
        texts = []
        if result.change is None:
            texts.append(dues_texts.category_withdrawn_text(self.month_edit.month()))
        if result.already_generated:
            texts.append(dues_texts.already_generated_text(result.already_generated))
        return " ".join(texts)


class QuarterlyDialog(_TermDialog):
    """第十二条: the branch agreed that the member pays by the quarter."""

    def __init__(self, workspace: Workspace, member_id: str, today: Today,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, member_id, today, parent)
        self.setWindowTitle(self.tr("Pay by the quarter"))
        self.hint_label.setText(self.tr(
            "With the branch's consent a member may pay by the quarter (art. 12). The months "
            "then count for art. 13 by whole quarters: a quarter is unpaid once it is over "
            "with nothing paid for it."))
        self.agreed_edit = DateField()
        self.agreed_edit.set_date(today())
        self.from_edit = MonthEdit(_quarter_start(Month.of(today())))
        self.until_check = QCheckBox(self.tr("Until the quarter ending:"))
        self.until_edit = MonthEdit(Month(today().year, 12))
        self.until_edit.setEnabled(False)
        self.until_check.toggled.connect(self.until_edit.setEnabled)
        self.form.addRow(self.tr("Agreed by the branch on:"), self.agreed_edit)
        self.form.addRow(self.tr("From the quarter starting:"), self.from_edit)
        self.form.addRow(self.until_check, self.until_edit)
        self.mark_clean()

    def save(self, uow: UnitOfWork) -> str:
        agreed = self.agreed_edit.date_value()
        assert agreed is not None  # noqa: S101 - submit checked it
        dues_terms.agree_quarterly(
            uow, self._member_id, agreed, self.from_edit.month(),
            self.until_edit.month() if self.until_check.isChecked() else None)
        return ""

    def submit(self) -> None:
        if self.agreed_edit.date_value() is None:
            self.message_label.setText(self.tr("Enter the date the branch agreed."))
            return
        super().submit()


class EndQuarterlyDialog(_TermDialog):
    """The member pays monthly again after a quarter (第十二条)."""

    def __init__(self, workspace: Workspace, member_id: str, consent_id: str, today: Today,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, member_id, today, parent)
        self._consent_id = consent_id
        self.setWindowTitle(self.tr("Pay monthly again"))
        start = _quarter_start(Month.of(today()))
        self.last_edit = MonthEdit(start + 2)
        self.form.addRow(self.tr("Last month paid by the quarter:"), self.last_edit)
        self.mark_clean()

    def save(self, uow: UnitOfWork) -> str:
        dues_terms.end_quarterly(uow, self._consent_id, self.last_edit.month())
        return ""


class ReliefDialog(_TermDialog):
    """第七条: a reduction or exemption, discussed by the branch and approved above it."""

    def __init__(self, workspace: Workspace, member_id: str, today: Today,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, member_id, today, parent)
        self.setWindowTitle(self.tr("Hardship relief"))
        self.hint_label.setText(self.tr(
            "A member in real hardship may pay less or nothing (art. 7), after the branch "
            "discussed it and the higher committee approved it. Exempt months end a run of "
            "unpaid months (art. 13)."))
        self.kind_combo = QComboBox()
        for kind in ReliefKind:
            self.kind_combo.addItem(dues_texts.relief_kind_text(kind), kind)
        self.amount_edit = QLineEdit()
        self.amount_edit.setPlaceholderText(self.tr("e.g. 5.00"))
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.approver_edit = QLineEdit()
        self.approver_edit.setPlaceholderText(self.tr("e.g. 机关党委"))
        self.approved_edit = DateField()
        self.approved_edit.set_date(today())
        month = Month.of(today())
        self.from_edit = MonthEdit(month)
        self.until_edit = MonthEdit(Month(month.year, 12))
        self.form.addRow(self.tr("Kind:"), self.kind_combo)
        self.form.addRow(self.tr("Reduced monthly amount (yuan):"), self.amount_edit)
        self.form.addRow(self.tr("Approved by:"), self.approver_edit)
        self.form.addRow(self.tr("Approved on:"), self.approved_edit)
        self.form.addRow(self.tr("From month:"), self.from_edit)
        self.form.addRow(self.tr("To month:"), self.until_edit)
        self._kind_changed()
        self.mark_clean()

    def _kind_changed(self) -> None:
        self.amount_edit.setEnabled(self.kind_combo.currentData() is ReliefKind.REDUCED)

    def save(self, uow: UnitOfWork) -> str:
        kind: ReliefKind = self.kind_combo.currentData()
        amount: Decimal | None = None
        if kind is ReliefKind.REDUCED:
            try:
                amount = Decimal(self.amount_edit.text().strip() or "x")
            except InvalidOperation:
                amount = Decimal("-1")  # refused as not an amount by relief_from
        approved = self.approved_edit.date_value() or date.min
        relief = dues_terms.relief_from(
            kind, self.approver_edit.text(), approved, self.from_edit.month(),
            self.until_edit.month(), amount)
        dues.add_relief(uow, self._member_id, relief)
        return ""


class MemberDuesTerms(QGroupBox):
    """The member's category changes, quarterly payment and reliefs, with buttons to record
    them. ``changed(member_id)`` after something was recorded."""

    changed = Signal(str)

    def __init__(self, workspace: Workspace, member_id: str, today: Today = date.today,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Terms of payment"))
        self._workspace, self._member_id, self._today = workspace, member_id, today
        self._open_consent: str | None = None
        self.list = QListWidget()
        self.list.setMaximumHeight(96)
        self.category_button = QPushButton(self.tr("Change of category…"))
        self.quarterly_button = QPushButton(self.tr("Pay by the quarter…"))
        self.monthly_button = QPushButton(self.tr("Pay monthly again…"))
        self.relief_button = QPushButton(self.tr("Hardship relief…"))
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        self.category_button.clicked.connect(lambda: self.open_dialog(CategoryChangeDialog))
        self.quarterly_button.clicked.connect(lambda: self.open_dialog(QuarterlyDialog))
        self.relief_button.clicked.connect(lambda: self.open_dialog(ReliefDialog))
        self.monthly_button.clicked.connect(self.open_end_quarterly)
        buttons = QHBoxLayout()
        for button in (self.category_button, self.quarterly_button, self.monthly_button,
                       self.relief_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback_label)

    def refresh(self) -> None:
        """Read the terms again. Raises BranchDeskError (e.g. locked)."""
        with self._workspace.unit_of_work(read_only=True) as uow:
            changes = dues_terms.categories_by_member(uow, [self._member_id]).get(
                self._member_id, ())
            consents = dues_terms.quarterly_consents(uow, self._member_id)
            reliefs = dues_terms.reliefs_of(uow, self._member_id)
        lines = [dues_texts.category_change_text(c) for c in changes]
        lines += [dues_texts.quarterly_text(c.consent) for c in consents]
        lines += [dues_texts.relief_text(r.relief) for r in reliefs]
        self.list.clear()
        self.list.addItems(lines or [self.tr(
            "Monthly, in the category of the member's record; no relief.")])
        self._open_consent = next(
            (c.consent_id for c in consents if c.consent.valid_until is None), None)
        self.monthly_button.setEnabled(self._open_consent is not None)

    def lines(self) -> list[str]:
        return [self.list.item(i).text() for i in range(self.list.count())]

    def open_dialog(self, kind: type[_TermDialog]) -> _TermDialog:
        return self._open(kind(self._workspace, self._member_id, self._today, self))

    def open_end_quarterly(self) -> _TermDialog | None:
        if self._open_consent is None:
            return None
        return self._open(EndQuarterlyDialog(
            self._workspace, self._member_id, self._open_consent, self._today, self))

    def _open(self, dialog: _TermDialog) -> _TermDialog:
        dialog.saved.connect(lambda: self._after_save(dialog.result_text))
        dialog.open()
        return dialog

    def _after_save(self, text: str) -> None:
        try:
            self.refresh()
        except BranchDeskError as error:
            self.feedback_label.setStyleSheet(ERROR_STYLE)
            self.feedback_label.setText(message_for(error))
            return
        self.feedback_label.setStyleSheet(NOTICE_STYLE)
        self.feedback_label.setText(text or self.tr("Recorded."))
        self.changed.emit(self._member_id)
