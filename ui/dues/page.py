"""党费: monthly collection, the yearly 核定 of bases, remittances and arrears — one tab each.

- 月度收缴: pick a month, generate its amounts due (a background task; members without a base are
  named), then type what each member hands over: Enter moves down, totals follow as you type,
  one action marks the selected (or all) rows as paid in full. 保存 records every typed row in one
  unit of work: if any row is refused (e.g. a back payment of more than 6 months without a
  note, 第十二条) nothing is recorded and the reason is shown beside that row.
- 基数核定: every paying member with last year's base; type the new bases and the month they
  apply from (第十条), then save.
- 上缴记录: record what was handed to the higher committee, and compare with what was collected.
- 欠费提醒: members 3 or more consecutive months behind; 5 months in red (第十三条).

Everything is read and written through ``app.services.dues``; long writes run through
``ui.common.tasks.run_in_background``. The last two tabs fold the whole ledger to show anything
(seconds for 10,000 members), so they work it out off the GUI thread
(``ui.common.tasks.LatestOnly``: the newest reload wins, one computation at a time) and say so
meanwhile; 基数核定 reads its rows the same way
(half a second for 10,000 members). Locking clears what is shown
(``clear``), unlocking reloads it (``refresh``); what was typed and not saved stays.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import Month
from app.domain.dues import PaymentMethod, needs_base
from app.domain.dues_bases import BaseCheckSettings
from app.domain.money import parse_yuan
from app.domain.name_order import pinyin_key
from app.errors import BranchDeskError, CancelledError, FieldProblem, InvalidInputError
from app.services import dues, members
from app.services.dues import (
    ArrearsEntry,
    BaseLine,
    GenerationResult,
    PaymentReceipt,
    RemittanceSummary,
)
from app.services.workspace import Workspace
from ui.common import dues_texts
from ui.common.branding import app_title
from ui.common.dues_texts import month_text, yuan_text
from ui.common.messages import message_for
from ui.common.screen_fit import set_listed_text
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, LatestOnly, TaskContext, run_in_background
from ui.dues.bases_model import BaseCol, DuesBaseModel
from ui.dues.member_dues import MemberDuesDialog
from ui.dues.month_model import EDITABLE, Col, DuesMonthModel, Overpayment, PendingPayment
from ui.dues.reminders import WARNING_STYLE, arrears_operation, is_prominent
from ui.widgets.entry_table import EntryTableView

if TYPE_CHECKING:
    from ui.dues.base_checks import BaseChecksDialog

Today = Callable[[], date]

PAYROLL_IMPORT_MODULE = "app.services.dues_import"
REPORTS_MODULE = "app.services.dues_reports"
MONEY_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _optional_module(name: str) -> ModuleType | None:
    """A module another part of the app provides, or None where this build has none."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _feedback(label: QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
    label.setText(text)


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(edit: QDateEdit) -> date:
    """The day a date field shows (the stubs type ``toPython`` loosely)."""
    value = edit.date().toPython()
    if not isinstance(value, date):
        raise TypeError("not a date")
    return value


def _month_of(value: QDate) -> Month:
    return Month(value.year(), value.month())


class MonthEdit(QDateEdit):
    """A month picker: Up/Down change the month, the year and month can be typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(self.tr("MM/yyyy"))
        self.setCurrentSection(QDateEdit.Section.MonthSection)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2099, 12, 1))

    def month(self) -> Month:
        return _month_of(self.date())

    def set_month(self, month: Month) -> None:
        self.setDate(QDate(month.year, month.month, 1))


@dataclass(frozen=True)
class _Saved:
    """What a background save did: results per member id, or the problems that stopped it."""

    done: dict[str, PaymentReceipt] = field(default_factory=dict)
    problems: dict[str, InvalidInputError] = field(default_factory=dict)


def _problems_text(error: InvalidInputError) -> str:
    return " ".join(dict.fromkeys(dues_texts.problem_text(p.code) for p in error.problems))


# ==================================================================== 月度收缴
class MonthTab(QWidget):
    """``changed`` after amounts were generated or payments recorded."""

    changed = Signal()
    history_requested = Signal(str)

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.last_task: BackgroundTask | None = None
        self._last_pending: list[PendingPayment] = []
        self._nothing_due = ""
        self.overpayment_box: QMessageBox | None = None
        self.model = DuesMonthModel(self)
        # Asked once the cell's editor has closed and Enter has moved on (a queued call).
        self.model.overpaid.connect(
            lambda row: QTimer.singleShot(0, lambda: self.ask_overpayment(row)),
            Qt.ConnectionType.QueuedConnection)

        self.month_edit = MonthEdit()
        self.month_edit.set_month(Month.of(today()))
        self.month_edit.dateChanged.connect(lambda _d: self.reload())
        self.generate_button = QPushButton(self.tr("Generate this month's dues"))
        self.generate_button.setToolTip(self.tr(
            "Work out every member's amount due for the month from their base and category "
            "(Ctrl+G). Members done before are left as they are."
        ))
        self.generate_button.clicked.connect(self.generate)
        self.paid_on_edit = QDateEdit()
        self.paid_on_edit.setDisplayFormat("yyyy-MM-dd")
        self.paid_on_edit.setCalendarPopup(True)
        self.paid_on_edit.setDate(_qdate(today()))
        self.paid_on_edit.dateChanged.connect(
            lambda _d: self.model.set_paid_on(_day(self.paid_on_edit)))
        self.method_combo = QComboBox()
        for method in PaymentMethod:
            self.method_combo.addItem(dues_texts.method_text(method), method)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:")))
        top.addWidget(self.month_edit)
        top.addWidget(self.generate_button)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("Paid on:")))
        top.addWidget(self.paid_on_edit)
        top.addWidget(QLabel(self.tr("Method:")))
        top.addWidget(self.method_combo)
        top.addStretch(1)

        self.table = EntryTableView()
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        widths = {Col.NAME: 80, Col.CATEGORY: 70, Col.DUE: 66, Col.PAID: 66,
                  Col.OUTSTANDING: 66, Col.AMOUNT: 80, Col.VOLUNTARY: 96, Col.PAYER: 80,
                  Col.NOTE: 120}
        for column, width in widths.items():
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.entry_column = Col.AMOUNT
        self.table.read_only_typed.connect(self._read_only_typed)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.totals_label = QLabel()
        self.totals_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.model.totals_changed.connect(self._show_totals)

        self.mark_button = QPushButton()
        self.mark_button.setToolTip(self.tr(
            "Type each row's unpaid amount as paid now (Ctrl+M). With several rows selected, "
            "only those; otherwise every row."
        ))
        self.mark_button.clicked.connect(self.mark_paid_in_full)
        self.history_button = QPushButton(self.tr("History and reversal…"))
        self.history_button.setToolTip(self.tr(
            "The selected member's dues month by month, their payments, and reversing a wrong "
            "payment (also by double-clicking the name)."
        ))
        self.history_button.clicked.connect(self._open_history_of_current)
        self.export_button = QPushButton(self.tr("Export collection sheet…"))
        self.export_button.clicked.connect(self.export_month_sheet)
        self.export_button.setVisible(_optional_module(REPORTS_MODULE) is not None)
        self.export_year_button = QPushButton(self.tr("Export annual ledger…"))
        self.export_year_button.setToolTip(self.tr(
            "One workbook for the year of the selected month: every member's 12 months, the "
            "arrears list and the remittance record."
        ))
        self.export_year_button.clicked.connect(lambda: self.export_year())
        self.export_year_button.setVisible(_optional_module(REPORTS_MODULE) is not None)
        self.save_button = QPushButton(self.tr("Save payments"))
        self.save_button.setToolTip(self.tr("Record every amount typed (Ctrl+S)."))
        self.save_button.setDefault(False)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+M"), self, self.mark_paid_in_full,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        QShortcut(QKeySequence("Ctrl+G"), self, self.generate,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

        # The totals have a line of their own: beside the buttons they made the page (and so
        # the main window) wider than a window 1000 pixels wide, cutting every page's right edge.
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.mark_button)
        bottom.addWidget(self.history_button)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.export_year_button)
        bottom.addWidget(self.save_button)

        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(_hint(self.tr(
            "Type the amount each member hands over in “Paid now” and press Enter to go to the "
            "next member. Part of the amount may be paid. Ctrl+S saves."
        )))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)
        layout.addLayout(bottom)
        layout.addWidget(self.feedback_label)
        self._show_totals()
        self._update_buttons()

    # ---------------------------------------------------------------- loading
    @property
    def month(self) -> Month:
        return self.month_edit.month()

    def reload(self) -> None:
        """Read the month's sheet; what was typed for it and not saved stays."""
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                lines = dues.month_sheet(uow, self.month)
        except BranchDeskError as error:
            _feedback(self.feedback_label, message_for(error), ok=False)
            return
        self.model.load(self.month, lines, _day(self.paid_on_edit))
        if not lines:
            self._nothing_due = self.tr(
                "Nothing is due for {month} yet: press “Generate this month's dues”."
            ).format(month=month_text(self.month))
            _feedback(self.feedback_label, self._nothing_due, ok=False)
        elif self._nothing_due and self.feedback_label.text() == self._nothing_due:
            self.feedback_label.clear()
        self._update_buttons()

    def start_entry(self) -> None:
        """Put the cursor on the first “Paid now” cell."""
        if self.model.rowCount() > 0:
            self.table.go_to(self.model.index(0, Col.AMOUNT))
        self.table.setFocus()

    def clear(self) -> None:
        self.table.commit_open_editor()  # a cell being typed in when the data locks is kept
        self.model.clear()
        self.feedback_label.clear()
        self._update_buttons()

    # ---------------------------------------------------------------- unsaved work (quitting)
    def has_unsaved_work(self) -> bool:
        self.table.commit_open_editor()
        return self.model.has_typed()

    def unsaved_work_title(self) -> str:
        return self.tr("Party dues, monthly collection: amounts typed")

    def save_unsaved_work(self) -> bool | BackgroundTask:
        task = self.save()
        return task if task is not None else False

    def _show_totals(self) -> None:
        totals = self.model.totals()
        self.totals_label.setText(self.tr(
            "Due {due} · paid {paid} · typed now {entered} · still unpaid {unpaid} (yuan)"
        ).format(due=yuan_text(totals.due), paid=yuan_text(totals.paid),
                 entered=yuan_text(totals.entered), unpaid=yuan_text(totals.unpaid_after)))
        self._update_buttons()

    def _update_buttons(self) -> None:
        several = len(self.table.selected_rows()) > 1
        self.mark_button.setText(
            self.tr("Mark selected as paid in full") if several
            else self.tr("Mark all as paid in full")
        )
        has_rows = self.model.rowCount() > 0
        busy = self.last_task is not None
        self.mark_button.setEnabled(has_rows and not busy)
        self.history_button.setEnabled(self.table.currentIndex().isValid())
        self.save_button.setEnabled(has_rows and not busy)
        self.generate_button.setEnabled(not busy)

    # ---------------------------------------------------------------- generating
    def generate(self) -> BackgroundTask | None:
        if self.last_task is not None:
            return None
        workspace, month = self._workspace, self.month

        def work(_context: TaskContext) -> tuple[GenerationResult, list[str]]:
            with workspace.unit_of_work() as uow:
                result = dues.generate_month(uow, month)
                names = sorted((row.name for row in
                                members.member_rows(uow, list(result.missing_base))),
                               key=pinyin_key)
                uow.commit()
            return result, names

        self.last_task = run_in_background(
            self, work, on_success=self._generated, on_failure=self._failed,
            title=self.tr("Working out the dues of {month}…").format(month=month_text(month)),
            cancellable=False,
        )
        self.last_task.finished.connect(self._task_done)
        self._update_buttons()
        return self.last_task

    def _generated(self, outcome: object) -> None:
        result: GenerationResult
        names: list[str]
        result, names = outcome  # type: ignore[misc]
        text = self.tr(
            "{month}: amounts due recorded for {count} members, {total} yuan in total."
        ).format(month=month_text(result.month), count=result.created,
                 total=yuan_text(result.total))
        if result.already_generated:
            text += " " + self.tr("{count} members had theirs already.").format(
                count=result.already_generated)
        if names:
            text += " " + self.tr(
                "No base yet, so nothing was recorded for: {names}. Enter their bases under "
                "“Bases”, then generate again."
            ).format(names="、".join(names))
        self.reload()
        _feedback(self.feedback_label, text, ok=not names)
        self.start_entry()
        self.changed.emit()

    # ---------------------------------------------------------------- entering
    def mark_paid_in_full(self) -> int:
        rows = self.table.selected_rows()
        if len(rows) <= 1:
            rows = list(range(self.model.rowCount()))
        count = self.model.mark_paid_in_full(rows)
        _feedback(self.feedback_label, self.tr(
            "{count} rows marked as paid in full. Check them, then save."
        ).format(count=count), ok=True)
        return count

    def ask_overpayment(self, row: int, then_save: bool = False) -> QMessageBox | None:
        """More was typed in ``row`` than the month still owes: ask what the rest is —
        voluntary dues (第十一条), the following months paid ahead, or a slip to correct.
        ``then_save``: saving goes on after the answer (unless the amount is corrected)."""
        if self.overpayment_box is not None or not 0 <= row < self.model.rowCount():
            return None
        excess = self.model.excess(row)
        if excess <= 0 or self.model.entry(row).prepay:
            return None
        line = self.model.line(row)
        box = QMessageBox(QMessageBox.Icon.Question, app_title(), self.tr(
            "{name} still owes {owed} yuan for {month}, and {amount} yuan was typed: {excess} "
            "yuan more. What is it?").format(
                name=line.name, owed=yuan_text(line.outstanding), month=month_text(self.month),
                amount=self.model.index(row, Col.AMOUNT).data(),
                excess=yuan_text(excess)),
            QMessageBox.StandardButton.NoButton, self)
        choices = {
            box.addButton(self.tr("Voluntary dues (art. 11)"),
                          QMessageBox.ButtonRole.AcceptRole): Overpayment.VOLUNTARY,
            box.addButton(self.tr("Pay the following months ahead"),
                          QMessageBox.ButtonRole.AcceptRole): Overpayment.PREPAY,
        }
        correct = box.addButton(self.tr("Correct the amount"), QMessageBox.ButtonRole.RejectRole)
        choices[correct] = Overpayment.CORRECT
        box.setDefaultButton(correct)
        box.setEscapeButton(correct)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        member_id = line.member_id

        def answered() -> None:
            self.overpayment_box = None
            clicked = box.clickedButton()
            choice = next((c for b, c in choices.items() if b is clicked), Overpayment.CORRECT)
            where = self.model.row_of(member_id)
            if where is None:
                return
            self.model.decide(where, choice)
            if choice is Overpayment.CORRECT:
                index = self.model.index(where, Col.AMOUNT)
                self.table.go_to(index)
                self.table.setFocus()
                self.table.edit(index)
            else:
                self.table.setFocus()  # typing goes on where Enter left it
                if then_save:
                    self.save()

        box.finished.connect(answered)
        self.overpayment_box = box
        box.open()
        return box

    def save(self) -> BackgroundTask | None:
        if self.last_task is not None or self.overpayment_box is not None:
            return None
        self.table.commit_open_editor()  # Ctrl+S while typing keeps what was typed
        undecided = self.model.undecided()
        if undecided:
            self.table.go_to(self.model.index(undecided[0], Col.AMOUNT))
            self.ask_overpayment(undecided[0], then_save=True)
            return None
        pending, wrong = self.model.pending()
        if wrong:
            _feedback(self.feedback_label, self.tr(
                "Nothing was saved: correct the {count} rows marked in red."
            ).format(count=len(wrong)), ok=False)
            self.table.go_to(self.model.index(wrong[0], Col.AMOUNT))
            return None
        if not pending:
            _feedback(self.feedback_label, self.tr("No amounts typed: nothing to save."),
                      ok=False)
            return None
        workspace, month = self._workspace, self.month
        paid_on = _day(self.paid_on_edit)
        method = PaymentMethod(self.method_combo.currentData())
        return self._run_save(workspace, month, paid_on, method, pending)

    def _run_save(self, workspace: Workspace, month: Month, paid_on: date,
                  method: PaymentMethod, pending: list[PendingPayment]) -> BackgroundTask:
        self._last_pending = pending

        def work(context: TaskContext) -> _Saved:
            saved = _Saved()
            with workspace.unit_of_work() as uow:
                prepaid = dues.months_to_prepay(
                    uow, month, {p.member_id: p.prepaid for p in pending if p.prepaid > 0})
                for number, item in enumerate(pending, 1):
                    if context.cancelled():
                        raise CancelledError()
                    try:
                        ahead = prepaid.get(item.member_id, ())
                        if item.prepaid > 0 and not ahead:
                            raise InvalidInputError([FieldProblem("amount", "cannot_prepay")])
                        saved.done[item.member_id] = dues.record_payment(
                            uow, item.member_id, paid_on, [month, *ahead], item.amount,
                            voluntary=item.voluntary, payer=item.payer, method=method,
                            note=item.note,
                        )
                    except InvalidInputError as error:
                        saved.problems[item.member_id] = error
                    context.progress(number, len(pending))
                if not saved.problems:
                    uow.commit()  # all rows or none
            return saved

        self.last_task = run_in_background(
            self, work, on_success=self._saved, on_failure=self._failed,
            title=self.tr("Recording {count} payments…").format(count=len(pending)),
        )
        self.last_task.finished.connect(self._task_done)
        self._update_buttons()
        return self.last_task

    def _saved(self, outcome: object) -> None:
        if not isinstance(outcome, _Saved):
            return
        if outcome.problems:
            marked: list[int] = []
            for member_id, error in outcome.problems.items():
                self.model.set_message(member_id, _problems_text(error), error=True)
                row = self.model.row_of(member_id)
                if row is not None:
                    marked.append(row)
                    self.table.resizeRowToContents(row)  # the whole reason, wrapped
            if marked:
                self.table.go_to(self.model.index(min(marked), Col.NOTE))
            if len(marked) == 1:
                text = self.tr("Nothing was saved. {name}: {problem}").format(
                    name=self.model.line(marked[0]).name,
                    problem=self.model.status_text(marked[0]))
            else:
                text = self.tr(
                    "Nothing was saved: {count} rows need attention (see “Remarks”)."
                ).format(count=len(outcome.problems))
            _feedback(self.feedback_label, text, ok=False)
            return
        self.model.clear_entries(outcome.done)
        for member_id, receipt in outcome.done.items():
            words = [self.tr("recorded"), *dues_texts.flags_short(receipt.flags)]
            self.model.set_message(member_id, "；".join(words), error=False)
        total = sum((p.amount for p in self._last_pending if p.member_id in outcome.done),
                    Decimal(0))
        self.reload()
        _feedback(self.feedback_label, self.tr(
            "{count} payments recorded, {total} yuan."
        ).format(count=len(outcome.done), total=yuan_text(total)), ok=True)
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        _feedback(self.feedback_label, message_for(error), ok=False)

    def _task_done(self) -> None:
        self.last_task = None
        self._update_buttons()

    def _read_only_typed(self, _index: QModelIndex) -> None:
        _feedback(self.feedback_label, self.tr(
            "Nothing was typed: this column cannot be changed. Type the amount in “Paid now” "
            "(Enter goes there)."), ok=False)

    # ---------------------------------------------------------------- history, export
    def _double_clicked(self, index: QModelIndex) -> None:
        if Col(index.column()) not in EDITABLE:
            self.history_requested.emit(self.model.member_id(index.row()))

    def _open_history_of_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.history_requested.emit(self.model.member_id(index.row()))

    def export_month_sheet(self) -> BackgroundTask | None:
        reports = _optional_module(REPORTS_MODULE)
        if reports is None:
            return None
        month = self.month
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the collection sheet"),
            self.tr("Dues collection {month}.xlsx").format(month=str(month)),
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if not name:
            return None
        workspace, today, path = self._workspace, self._today(), Path(name)

        def work(_context: TaskContext) -> Path:
            with workspace.unit_of_work() as uow:
                reports.export_month_sheet(uow, month, path, today)
                uow.commit()
            return path

        task = run_in_background(
            self, work, on_failure=self._failed,
            on_success=lambda p: _feedback(self.feedback_label, self.tr(
                "The collection sheet was saved to {file}.").format(file=p), ok=True),
            title=self.tr("Writing the collection sheet…"), cancellable=False,
        )
        return task


    def export_year(self, choose: Callable[[str], str] | None = None) -> BackgroundTask | None:
        """Write the year's ledger workbook where the secretary chooses (off the GUI thread)."""
        reports = _optional_module(REPORTS_MODULE)
        if reports is None:
            return None
        year = self.month.year
        suggested = self.tr("Party dues ledger {year}.xlsx").format(year=year)
        if choose is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export the annual ledger"), suggested,
                self.tr("Excel workbooks (*.xlsx)"),
            )
        else:
            name = choose(suggested)
        if not name:
            return None
        workspace, today, path = self._workspace, self._today(), Path(name)

        def work(_context: TaskContext) -> Path:
            with workspace.unit_of_work() as uow:
                reports.export_year(uow, year, path, today)
                uow.commit()
            return path

        return run_in_background(
            self, work, on_failure=self._failed,
            on_success=lambda p: _feedback(self.feedback_label, self.tr(
                "The annual ledger was saved to {file}.").format(file=p), ok=True),
            title=self.tr("Writing the annual ledger…"), cancellable=False,
        )


# ==================================================================== 基数核定
class BasesTab(QWidget):
    """The yearly 核定: type each member's monthly base and the month it applies from.

    Every paying member's bases are read off the GUI thread (``LatestOnly``: half a second for
    10,000 members); meanwhile the table is empty, the line under it says so and nothing can be
    saved. What was typed waits for the rows. ``loaded`` is emitted when they are shown (or why
    they could not be read).
    """

    changed = Signal()
    loaded = Signal()

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.last_task: BackgroundTask | None = None
        self.model = DuesBaseModel(self)
        self.import_dialog: QDialog | None = None
        self.warning_box: QMessageBox | None = None
        self._loading = False  # from ``reload`` until its rows (or its failure) are shown
        self._load_error = ""  # why the rows could not be read, until the next reload

        year = today().year
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2099)
        self.year_spin.setValue(year)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.effective_edit = MonthEdit()
        self.effective_edit.set_month(Month(year, 1))
        self.effective_edit.setToolTip(self.tr(
            "The first month the new bases apply to: the month the new wage or pension is first "
            "paid (art. 10)."
        ))
        self.import_button = QPushButton(self.tr("Import from a payroll file…"))
        self.import_button.clicked.connect(self.import_payroll)
        self.checks_button = QPushButton(self.tr("Checks…"))
        self.checks_button.setToolTip(self.tr(
            "The limits outside which a typed base is pointed out before saving."))
        self.checks_button.clicked.connect(lambda: self.edit_checks())
        self.checks_dialog: QDialog | None = None
        self.import_button.setVisible(self._payroll_import() is not None)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("New bases apply from:")))
        top.addWidget(self.effective_edit)
        top.addStretch(1)
        top.addWidget(self.checks_button)
        top.addWidget(self.import_button)

        self.table = EntryTableView()
        self.table.setModel(self.model)
        for column, width in {BaseCol.NAME: 90, BaseCol.CATEGORY: 110, BaseCol.PREVIOUS: 110,
                              BaseCol.CURRENT: 110, BaseCol.NEW: 120}.items():
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.entry_column = BaseCol.NEW
        self.table.read_only_typed.connect(self._read_only_typed)

        self.missing_label = QLabel()
        self.copy_button = QPushButton(self.tr("Keep current bases"))
        self.copy_button.setToolTip(self.tr(
            "Type the current base as the new base where nothing is typed (the selected rows, "
            "or every row)."
        ))
        self.copy_button.clicked.connect(self.keep_current_bases)
        self.save_button = QPushButton(self.tr("Save bases"))
        self.save_button.setToolTip(self.tr("Record every base typed (Ctrl+S)."))
        self.save_button.clicked.connect(lambda: self.save())
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.save(),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.model.changed.connect(self._show_missing)

        bottom = QHBoxLayout()
        bottom.addWidget(self.missing_label, 1)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.save_button)
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(_hint(self.tr(
            "The base is the monthly wage after tax (art. 1), or the pension for retirees "
            "(art. 5). Type the new base in “New monthly base” and press Enter for the next "
            "member; members paying a fixed amount need none."
        )))
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.feedback_label)
        self._latest = LatestOnly(self, self._arrived, self._failed)

    @property
    def year(self) -> int:
        return self.year_spin.value()

    @property
    def busy(self) -> bool:
        """True from ``reload`` until its rows are shown."""
        return self._latest.busy

    def _year_changed(self, year: int) -> None:
        self.effective_edit.set_month(Month(year, 1))
        self.reload(keep_typed=False)

    def reload(self, keep_typed: bool = True) -> None:
        """Read the year's rows off the GUI thread; the table is empty meanwhile. What was typed
        is kept for the members listed again, unless ``keep_typed`` is False."""
        workspace, year = self._workspace, self.year

        def work(_context: TaskContext) -> tuple[list[BaseLine], BaseCheckSettings]:
            with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
                return dues.base_lines(uow, year), dues.base_check_settings(uow)

        if keep_typed:
            self.table.commit_open_editor()
        self._loading, self._load_error = True, ""
        self.model.hide_rows(keep_typed=keep_typed)
        self._show_missing()
        self._latest.run(work)

    def _arrived(self, outcome: tuple[list[BaseLine], BaseCheckSettings]) -> None:
        lines, self.model.check_settings = outcome
        self._loading = False
        self.model.load(lines, keep_typed=True)  # what reload did not drop
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self._load_error = self.tr("The bases could not be read: {reason}").format(
            reason=message_for(error))
        self._show_missing()
        self.loaded.emit()

    def clear(self) -> None:
        """Forget the rows (the data was locked); a read still running is ignored. What was
        typed waits for them, as for a reload."""
        self._latest.drop()
        self._loading, self._load_error = False, ""
        self.table.commit_open_editor()
        self.model.hide_rows(keep_typed=True)
        self.missing_label.clear()
        self.feedback_label.clear()

    def has_unsaved_work(self) -> bool:
        self.table.commit_open_editor()
        return self.model.has_typed()

    def unsaved_work_title(self) -> str:
        return self.tr("Party dues, bases: bases typed")

    def save_unsaved_work(self) -> bool | BackgroundTask:
        task = self.save()
        return task if task is not None else False

    def _show_missing(self) -> None:
        """The line under the table: reading, why reading failed, or who still has no base."""
        self.save_button.setEnabled(not self._loading)
        self.copy_button.setEnabled(not self._loading)
        if self._loading:
            self.missing_label.setStyleSheet(HINT_STYLE)
            self.missing_label.setText(self.tr("Reading the members' bases…"))
            return
        if self._load_error:
            self.missing_label.setStyleSheet(ERROR_STYLE)
            self.missing_label.setText(self._load_error)
            return
        missing = self.model.missing_count()
        self.missing_label.setStyleSheet(ERROR_STYLE if missing else HINT_STYLE)
        self.missing_label.setText(
            self.tr("{count} members still have no base.").format(count=missing) if missing
            else self.tr("{count} members listed.").format(count=self.model.rowCount())
        )

    def edit_checks(self) -> BaseChecksDialog:
        """The plausibility thresholds (a setting kept in the database)."""
        from ui.dues.base_checks import BaseChecksDialog  # opened rarely

        dialog = BaseChecksDialog(self._workspace, self.model.check_settings, self)
        dialog.saved.connect(self._checks_saved)
        dialog.open()
        self.checks_dialog = dialog
        return dialog

    def _checks_saved(self, settings: BaseCheckSettings) -> None:
        self.model.check_settings = settings
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, BaseCol.STATUS),
                                        self.model.index(self.model.rowCount() - 1,
                                                         BaseCol.STATUS))

    def _read_only_typed(self, index: QModelIndex) -> None:
        """A key typed where no base can be typed: nothing changed; say why."""
        if index.isValid() and not needs_base(self.model.line(index.row()).category):
            text = self.tr("{name} pays a fixed amount (art. 6) and needs no base: nothing was "
                           "typed.").format(name=self.model.line(index.row()).name)
        else:
            text = self.tr("Nothing was typed: type the base in “New monthly base” (Enter "
                           "goes there).")
        _feedback(self.feedback_label, text, ok=False)

    def keep_current_bases(self) -> int:
        rows = self.table.selected_rows()
        if len(rows) <= 1:
            rows = list(range(self.model.rowCount()))
        return self.model.copy_current(rows)

    def _ask_about_warnings(self, rows: list[int]) -> None:
        """List the bases that look like slips; save them only if the secretary says so."""
        lines = [self.tr("{name}: {base} yuan — {reasons}").format(
            name=self.model.line(row).name,
            base=self.model.index(row, BaseCol.NEW).data(),
            reasons="；".join(self.model.warnings(row))) for row in rows]
        box = QMessageBox(QMessageBox.Icon.Warning, app_title(), "",
                          QMessageBox.StandardButton.NoButton, self)
        set_listed_text(box, self.tr("Please check these bases before saving:"), lines)
        save = box.addButton(self.tr("Save as typed"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Correct them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            self.warning_box = None
            if box.clickedButton() is save:
                self.save(confirmed=True)
            else:
                self.table.go_to(self.model.index(rows[0], BaseCol.NEW))
                self.table.setFocus()

        box.finished.connect(answered)
        self.warning_box = box
        box.open()

    def save(self, confirmed: bool = False) -> BackgroundTask | None:
        """Record the typed bases; bases that look like slips are listed first (``confirmed``:
        the secretary has seen the list and saves them as typed)."""
        if self.last_task is not None or self._loading:  # no rows to save while they are read
            return None
        self.table.commit_open_editor()
        pending, wrong = self.model.pending()
        if wrong:
            _feedback(self.feedback_label, self.tr(
                "Nothing was saved: correct the {count} rows marked in red."
            ).format(count=len(wrong)), ok=False)
            return None
        if not pending:
            _feedback(self.feedback_label, self.tr("No bases typed: nothing to save."), ok=False)
            return None
        warned = [row for row in range(self.model.rowCount()) if self.model.warnings(row)]
        if warned and not confirmed:
            self._ask_about_warnings(warned)
            return None
        workspace, effective = self._workspace, self.effective_edit.month()

        def work(context: TaskContext) -> dict[str, InvalidInputError]:
            problems: dict[str, InvalidInputError] = {}
            with workspace.unit_of_work() as uow:
                for number, (member_id, base) in enumerate(pending, 1):
                    if context.cancelled():
                        raise CancelledError()
                    try:
                        dues.set_base(uow, member_id, effective, base)
                    except InvalidInputError as error:
                        problems[member_id] = error
                    context.progress(number, len(pending))
                if not problems:
                    uow.commit()
            return problems

        def saved(outcome: object) -> None:
            problems: dict[str, InvalidInputError] = outcome  # type: ignore[assignment]
            if problems:
                for member_id, error in problems.items():
                    self.model.set_message(member_id, _problems_text(error), error=True)
                _feedback(self.feedback_label, self.tr(
                    "Nothing was saved: {count} rows need attention (see “Remarks”)."
                ).format(count=len(problems)), ok=False)
                return
            saved_ids = [member_id for member_id, _ in pending]
            self.model.clear_typed(saved_ids)
            self.reload()
            for member_id in saved_ids:
                self.model.set_message(member_id, self.tr("saved"), error=False)
            _feedback(self.feedback_label, self.tr(
                "{count} bases saved, applying from {month}."
            ).format(count=len(pending), month=month_text(effective)), ok=True)
            self.changed.emit()

        self.last_task = run_in_background(
            self, work, on_success=saved,
            on_failure=lambda e: _feedback(self.feedback_label, message_for(e), ok=False),
            title=self.tr("Saving {count} bases…").format(count=len(pending)),
        )
        self.last_task.finished.connect(self._task_done)
        return self.last_task

    def _task_done(self) -> None:
        self.last_task = None

    # ---------------------------------------------------------------- payroll import
    @staticmethod
    def _payroll_import() -> ModuleType | None:
        return _optional_module(PAYROLL_IMPORT_MODULE)

    def import_payroll(self, path: Path | None = None) -> BackgroundTask | None:
        """Read and check a payroll xlsx (bases matched by ID number), then show what it would
        change before anything is written."""
        module = self._payroll_import()
        if module is None or self.last_task is not None:
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import bases from a payroll file"), "",
                self.tr("Excel workbooks (*.xlsx)"),
            )
            if not name:
                return None
            path = Path(name)
        workspace, effective, today, chosen = (
            self._workspace, self.effective_edit.month(), self._today(), path)

        def work(_context: TaskContext) -> object:
            with workspace.unit_of_work() as uow:
                return module.plan_base_import(uow, chosen, effective, today)

        self.last_task = run_in_background(
            self, work, on_success=self._show_plan,
            on_failure=lambda e: _feedback(self.feedback_label, message_for(e), ok=False),
            title=self.tr("Reading {file}…").format(file=chosen.name), cancellable=False,
        )
        self.last_task.finished.connect(self._task_done)
        return self.last_task

    def _show_plan(self, plan: object) -> None:
        from ui.dues.import_dialog import BaseImportDialog

        self.import_dialog = BaseImportDialog(plan, self)  # type: ignore[arg-type]
        self.import_dialog.confirmed.connect(lambda: self._apply_plan(plan))
        self.import_dialog.open()

    def _apply_plan(self, plan: object) -> BackgroundTask | None:
        module = self._payroll_import()
        if module is None:
            return None
        workspace = self._workspace

        def work(_context: TaskContext) -> object:
            with workspace.unit_of_work() as uow:
                result = module.apply_base_import(uow, plan)
                uow.commit()
            return result

        def applied(result: object) -> None:
            self.reload(keep_typed=False)
            _feedback(self.feedback_label, self.tr(
                "{count} bases imported, applying from {month}; {unchanged} were unchanged."
            ).format(count=getattr(result, "applied", 0),
                     unchanged=getattr(result, "unchanged", 0),
                     month=month_text(getattr(plan, "effective", self.effective_edit.month()))),
                      ok=True)
            self.changed.emit()

        self.last_task = run_in_background(
            self, work, on_success=applied,
            on_failure=lambda e: _feedback(self.feedback_label, message_for(e), ok=False),
            title=self.tr("Importing bases…"), cancellable=False,
        )
        self.last_task.finished.connect(self._task_done)
        return self.last_task


# ==================================================================== 上缴记录
class RemittanceTab(QWidget):
    """Record a remittance to the higher committee; compare collections with remittances.

    The comparison is folded from the whole ledger, so ``reload`` works it out off the GUI thread
    (``LatestOnly``) while a line in its place says so; ``loaded`` is emitted when it is shown
    (its figures, or why they could not be worked out).
    """

    changed = Signal()
    loaded = Signal()

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        now = today()

        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(_qdate(now))
        self.date_edit.setMaximumWidth(150)
        self.first_edit = MonthEdit()
        self.first_edit.set_month(Month(now.year, 1))
        self.last_edit = MonthEdit()
        self.last_edit.set_month(Month.of(now))
        self.amount_edit = QLineEdit()
        self.amount_edit.setAlignment(MONEY_ALIGNMENT)
        self.amount_edit.setPlaceholderText(self.tr("e.g. 1166.70"))
        self.amount_edit.setMaximumWidth(160)
        self.amount_edit.returnPressed.connect(self.record)
        self.centre_check = QCheckBox(self.tr(
            "Voluntary dues of 1000 yuan or more, remitted wholly to the centre (art. 11)"
        ))
        self.record_button = QPushButton(self.tr("Record remittance"))
        self.record_button.clicked.connect(self.record)
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        period = QHBoxLayout()
        period.addWidget(self.first_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.last_edit)
        period.addStretch(1)
        form_box = QGroupBox(self.tr("Record a remittance to the higher party committee"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Remitted on:"), self.date_edit)
        form.addRow(self.tr("Collections of:"), period)
        form.addRow(self.tr("Amount (yuan):"), self.amount_edit)
        form.addRow("", self.centre_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.feedback_label, 1)
        form.addRow("", buttons)

        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2099)
        self.year_spin.setValue(now.year)
        self.year_spin.valueChanged.connect(lambda _y: self.reload())
        self.year_spin.setMaximumWidth(90)
        self.collected_label = QLabel()
        self.remitted_label = QLabel()
        self.difference_label = QLabel()
        self.centre_label = QLabel()
        for label in (self.collected_label, self.remitted_label, self.difference_label,
                      self.centre_label):
            label.setAlignment(MONEY_ALIGNMENT)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        reconcile_box = QGroupBox(self.tr("Collections and remittances"))
        reconcile = QFormLayout(reconcile_box)
        self._reconcile_form = reconcile
        reconcile.addRow(self.tr("Year:"), self.year_spin)
        reconcile.addRow(self.status_label)
        reconcile.setRowVisible(self.status_label, False)
        reconcile.addRow(self.tr("Collected (by date paid):"), self.collected_label)
        reconcile.addRow(self.tr("Remitted for the year:"), self.remitted_label)
        reconcile.addRow(self.tr("Not yet remitted:"), self.difference_label)
        reconcile.addRow(self.tr("Of all collections, for the centre (art. 11):"),
                         self.centre_label)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            self.tr("Remitted on"), self.tr("Collections of"), self.tr("Amount"),
            self.tr("To the centre"),
        ])
        amount_header = self.table.horizontalHeaderItem(2)
        if amount_header is not None:
            amount_header.setTextAlignment(MONEY_ALIGNMENT)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for column, width in enumerate((110, 220, 110)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)

        upper = QHBoxLayout()
        upper.addWidget(form_box, 3)
        upper.addWidget(reconcile_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(upper)
        layout.addWidget(QLabel(self.tr("Remittances recorded:")))
        layout.addWidget(self.table, 1)
        self._latest = LatestOnly(self, self._arrived, self._failed)

    @property
    def busy(self) -> bool:
        """True from ``reload`` until its figures are shown."""
        return self._latest.busy

    def reload(self) -> None:
        """Work out the year's figures and the remittances off the GUI thread; a line says so
        meanwhile (figures shown before may be out of date: hence the reload)."""
        workspace, year = self._workspace, self.year_spin.value()

        def work(_context: TaskContext) -> RemittanceSummary:
            with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
                return dues.remittance_summary(uow, year)

        self._clear_figures()
        self._show_status(self.tr("Adding up the collections and remittances…"), HINT_STYLE)
        self._latest.run(work)

    def _arrived(self, summary: RemittanceSummary) -> None:
        self._show_status("", HINT_STYLE)
        self.show_summary(summary)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._show_status(self.tr("The collections and remittances could not be added up: "
                                  "{reason}").format(reason=message_for(error)), ERROR_STYLE)
        self.loaded.emit()

    def _show_status(self, text: str, style: str) -> None:
        """``text`` in the line under the year (hidden when empty)."""
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        self._reconcile_form.setRowVisible(self.status_label, bool(text))

    def _clear_figures(self) -> None:
        self.table.setRowCount(0)
        for label in (self.collected_label, self.remitted_label, self.difference_label,
                      self.centre_label):
            label.clear()

    def show_summary(self, summary: RemittanceSummary) -> None:
        remittances = summary.remittances
        self.table.setRowCount(len(remittances))
        for row, remittance in enumerate(remittances):
            cells = [
                QTableWidgetItem(remittance.remitted_on.isoformat()),
                QTableWidgetItem(dues_texts.period_text(remittance.first, remittance.last)),
                QTableWidgetItem(yuan_text(remittance.amount)),
                QTableWidgetItem(self.tr("yes") if remittance.to_centre else ""),
            ]
            cells[2].setTextAlignment(MONEY_ALIGNMENT)
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.centre_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(summary.for_centre)))
        result = summary.reconciliation
        if result is None:
            self.collected_label.setText(self.tr("{amount} yuan").format(
                amount=yuan_text(summary.collected)))
            self.remitted_label.setText(self.tr("a remittance spans two years"))
            self.difference_label.clear()
            return
        self.collected_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(result.collected)))
        self.remitted_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(result.remitted)))
        self.difference_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(result.difference)))
        self.difference_label.setStyleSheet(NOTICE_STYLE if result.balanced else ERROR_STYLE)

    def clear(self) -> None:
        """Forget what is shown (the data was locked); a computation still running is ignored."""
        self._latest.drop()
        self._clear_figures()
        self._show_status("", HINT_STYLE)
        self.feedback_label.clear()

    def has_unsaved_work(self) -> bool:
        return bool(self.amount_edit.text().strip())

    def unsaved_work_title(self) -> str:
        return self.tr("Party dues, remittances: a remittance typed")

    def save_unsaved_work(self) -> bool:
        return self.record()

    def record(self) -> bool:
        try:
            amount = parse_yuan(self.amount_edit.text())
        except ValueError:
            _feedback(self.feedback_label, self.tr("Type the amount, e.g. 1166.70."), ok=False)
            self.amount_edit.setFocus()
            return False
        first, last = self.first_edit.month(), self.last_edit.month()
        if last < first:
            _feedback(self.feedback_label, self.tr("The period ends before it starts."),
                      ok=False)
            return False
        remitted_on = _day(self.date_edit)
        try:
            with self._workspace.unit_of_work() as uow:
                dues.record_remittance(uow, remitted_on, first, last, amount,
                                       to_centre=self.centre_check.isChecked())
                uow.commit()
        except InvalidInputError as error:
            _feedback(self.feedback_label, self.tr(
                "Not recorded: the amount must be above 0 and in whole fen."
            ) if error.problems else message_for(error), ok=False)
            return False
        except BranchDeskError as error:
            _feedback(self.feedback_label, message_for(error), ok=False)
            return False
        self.amount_edit.clear()
        self.centre_check.setChecked(False)
        _feedback(self.feedback_label, self.tr("Recorded: {amount} yuan for {period}.").format(
            amount=yuan_text(amount), period=dues_texts.period_text(first, last)), ok=True)
        self.reload()
        self.changed.emit()
        return True


# ==================================================================== 欠费提醒
class ArrearsTab(QWidget):
    """Everyone 3 or more months behind. The list is folded from the whole ledger, so ``reload``
    works it out off the GUI thread (``LatestOnly``) while the summary line says so; ``loaded``
    is emitted when it is shown (the list, or why it could not be worked out)."""

    history_requested = Signal(str)
    loaded = Signal()

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[ArrearsEntry] = []
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Months unpaid in a row"), self.tr("Months"),
            self.tr("What to do"), self.tr("How the months count"),
        ])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for column, width in enumerate((100, 110, 200, 220)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self.history_requested.emit(self.entries[row].member_id))
        layout = QVBoxLayout(self)
        layout.addWidget(_hint(dues_texts.article_13_note()))
        layout.addWidget(_hint(dues_texts.article_13_counting_note()))
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        self._latest = LatestOnly(self, self._arrived, self._failed)

    @property
    def busy(self) -> bool:
        """True from ``reload`` until its list is shown."""
        return self._latest.busy

    def reload(self) -> None:
        """Work out the arrears as of today off the GUI thread; the summary line says so
        meanwhile (a list shown before may be out of date: hence the reload)."""
        self._show_rows([])
        self.summary_label.setStyleSheet(HINT_STYLE)
        self.summary_label.setText(self.tr("Working out who is behind with their dues…"))
        self._latest.run(arrears_operation(self._workspace, self._today()))

    def _arrived(self, entries: list[ArrearsEntry]) -> None:
        self.show_entries(entries)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._show_rows([])
        self.summary_label.setStyleSheet(ERROR_STYLE)
        self.summary_label.setText(self.tr("The dues arrears could not be worked out: {reason}")
                                   .format(reason=message_for(error)))
        self.loaded.emit()

    def show_entries(self, entries: list[ArrearsEntry]) -> None:
        self._show_rows(entries)
        prominent = sum(1 for e in self.entries if is_prominent(e.arrears.level))
        if not self.entries:
            self.summary_label.setStyleSheet(NOTICE_STYLE)
            self.summary_label.setText(self.tr(
                "No member is three or more months behind with their dues."))
        else:
            self.summary_label.setStyleSheet(
                "color: #b00020; font-weight: bold;" if prominent else WARNING_STYLE)
            self.summary_label.setText(self.tr(
                "{count} members are three or more months behind; {urgent} of them five months "
                "or more."
            ).format(count=len(self.entries), urgent=prominent))

    def _show_rows(self, entries: list[ArrearsEntry]) -> None:
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            level = entry.arrears.level
            cells = [
                QTableWidgetItem(entry.name),
                QTableWidgetItem(str(entry.arrears.consecutive_months)),
                QTableWidgetItem(dues_texts.months_text(entry.arrears.longest_run)),
                QTableWidgetItem(dues_texts.arrears_advice(level)),
                QTableWidgetItem(dues_texts.arrears_notes(entry.arrears, entry.exempt)),
            ]
            cells[1].setTextAlignment(MONEY_ALIGNMENT)
            for column, item in enumerate(cells):
                if is_prominent(level):
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setBackground(QBrush(QColor("#fdecea")))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                else:
                    item.setForeground(QBrush(QColor("#8a5300")))
                item.setData(Qt.ItemDataRole.UserRole, level.value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def clear(self) -> None:
        """Forget the list (the data was locked); a computation still running is ignored."""
        self._latest.drop()
        self.show_entries([])
        self.summary_label.clear()

    def rows(self) -> list[tuple[str, int, str]]:
        """(name, months, level code) of every row (for tests)."""
        return [(e.name, e.arrears.consecutive_months, e.arrears.level.value)
                for e in self.entries]

    def notes(self) -> list[str]:
        """The "how the months count" column, row by row (for tests)."""
        items = (self.table.item(row, 4) for row in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]


# ==================================================================== the page
class DuesPage(QWidget):
    """``changed`` after anything was recorded (the 工作台 reminders may need a reload)."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self._active = False
        self.history_dialog: MemberDuesDialog | None = None

        self.month_tab = MonthTab(workspace, today)
        self.bases_tab = BasesTab(workspace, today)
        self.remittance_tab = RemittanceTab(workspace, today)
        self.arrears_tab = ArrearsTab(workspace, today)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.month_tab, self.tr("Monthly collection"))
        self.tabs.addTab(self.bases_tab, self.tr("Bases"))
        self.tabs.addTab(self.remittance_tab, self.tr("Remittances"))
        self.tabs.addTab(self.arrears_tab, self.tr("Arrears"))
        self.tabs.currentChanged.connect(lambda _i: self._reload_current())

        for tab in (self.month_tab, self.bases_tab, self.remittance_tab):
            tab.changed.connect(self.changed)
        self.month_tab.history_requested.connect(self.show_history)
        self.arrears_tab.history_requested.connect(self.show_history)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        """Reload the tab in view (the others reload when they are shown)."""
        self._active = True
        self._reload_current()

    def clear(self) -> None:
        """Forget what was shown (the workspace was locked); typed text stays in the editors."""
        self._active = False
        for tab in (self.month_tab, self.bases_tab, self.remittance_tab, self.arrears_tab):
            tab.clear()

    def editors(self) -> list[QWidget]:
        """The tabs that hold typed work until it is saved (asked about before quitting)."""
        return [self.month_tab, self.bases_tab, self.remittance_tab]

    def _reload_current(self) -> None:
        if not self._active:
            return
        current = self.tabs.currentWidget()
        if isinstance(current, (MonthTab, BasesTab, RemittanceTab, ArrearsTab)):
            current.reload()

    def show_history(self, member_id: str) -> MemberDuesDialog | None:
        """The member's dues month by month, with their payments (and 冲销)."""
        try:
            dialog = MemberDuesDialog(self._workspace, member_id, self._today, self)
        except BranchDeskError as error:
            _feedback(self.month_tab.feedback_label, message_for(error), ok=False)
            return None
        dialog.changed.connect(self._after_history_change)
        dialog.open()
        self.history_dialog = dialog
        return dialog

    def _after_history_change(self, _member_id: str) -> None:
        self._reload_current()
        self.changed.emit()
