"""党费 › 月度收缴: one month's collection, typed from the keyboard.

Pick a month, generate its amounts due (a background task; members without a base are named),
then type what each member hands over: Enter moves down, totals follow as you type, one action
marks the selected (or all) rows as paid in full. More than the month owes is asked about
(voluntary dues, months paid ahead, or a slip). 保存 records every typed row in one unit of work:
if any row is refused (e.g. a back payment of more than 6 months without a note, 第十二条)
nothing is recorded and the reason is shown beside that row. The collection sheet and the
annual ledger are exported from here where this build has the reports.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import Month
from app.domain.dues import PaymentMethod
from app.errors import BranchDeskError
from app.services import dues
from app.services.dues import GenerationResult
from app.services.dues_recheck import StaleDue
from app.services.workspace import Workspace
from ui.common import dues_texts
from ui.common.dues_texts import month_text, yuan_text
from ui.common.messages import message_for
from ui.common.tasks import BackgroundTask, run_in_background
from ui.dues import exports, recheck
from ui.dues.month_entry import Overpayment, PendingPayment
from ui.dues.month_model import EDITABLE, Col, DuesMonthModel
from ui.dues.operations import Saved, generate_month_operation, record_payments_operation
from ui.dues.overpayment import overpayment_question
from ui.dues.tab_parts import (
    MonthEdit,
    Today,
    day_of,
    feedback,
    hint,
    problems_text,
    qdate,
)
from ui.widgets.entry_table import EntryTableView


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
        self.recheck_button = QPushButton(self.tr("Check amounts…"))
        self.recheck_button.setToolTip(self.tr(
            "Compare the month's recorded amounts with what the members' records give now (a "
            "category, hardship relief, base or transfer letter entered afterwards), and work "
            "the wrong ones out again."
        ))
        self.recheck_button.clicked.connect(self.recheck)
        self.recheck_box: QMessageBox | None = None
        self.paid_on_edit = QDateEdit()
        self.paid_on_edit.setDisplayFormat("yyyy-MM-dd")
        self.paid_on_edit.setCalendarPopup(True)
        self.paid_on_edit.setDate(qdate(today()))
        self.paid_on_edit.dateChanged.connect(
            lambda _d: self.model.set_paid_on(day_of(self.paid_on_edit)))
        self.method_combo = QComboBox()
        for method in PaymentMethod:
            self.method_combo.addItem(dues_texts.method_text(method), method)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Month:")))
        top.addWidget(self.month_edit)
        top.addWidget(self.generate_button)
        top.addWidget(self.recheck_button)
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
        # Parented at once: shown while parentless, a button is a window of its own for a moment.
        self.export_button = QPushButton(self.tr("Export collection sheet…"), self)
        self.export_button.clicked.connect(self.export_month_sheet)
        self.export_button.setVisible(exports.reports_module() is not None)
        self.export_year_button = QPushButton(self.tr("Export annual ledger…"), self)
        self.export_year_button.setToolTip(self.tr(
            "One workbook for the year of the selected month: every member's 12 months, the "
            "arrears list and the remittance record."
        ))
        self.export_year_button.clicked.connect(lambda: self.export_year())
        self.export_year_button.setVisible(exports.reports_module() is not None)
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
        layout.addWidget(hint(self.tr(
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
            feedback(self.feedback_label, message_for(error), ok=False)
            return
        self.model.load(self.month, lines, day_of(self.paid_on_edit))
        if not lines:
            self._nothing_due = self.tr(
                "Nothing is due for {month} yet: press “Generate this month's dues”."
            ).format(month=month_text(self.month))
            feedback(self.feedback_label, self._nothing_due, ok=False)
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
        self.recheck_button.setEnabled(has_rows and not busy)

    # ---------------------------------------------------------------- generating
    def generate(self) -> BackgroundTask | None:
        if self.last_task is not None:
            return None
        month = self.month
        self.last_task = run_in_background(
            self, generate_month_operation(self._workspace, month),
            on_success=self._generated, on_failure=self._failed,
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
        feedback(self.feedback_label, text, ok=not names)
        self.start_entry()
        self.changed.emit()

    # ---------------------------------------------------------------- checking the amounts
    def recheck(self) -> BackgroundTask | None:
        """Look for the month's amounts the records no longer give; ask whether to correct."""
        if self.last_task is not None:
            return None
        month = self.month
        self.last_task = run_in_background(
            self, recheck.stale_operation(self._workspace, month),
            on_success=lambda stale: self._rechecked(month, stale), on_failure=self._failed,
            title=self.tr("Checking the amounts of {month}…").format(month=month_text(month)),
            cancellable=False,
        )
        self.last_task.finished.connect(self._task_done)
        self._update_buttons()
        return self.last_task

    def _rechecked(self, month: Month, stale: object) -> None:
        items: list[StaleDue] = stale  # type: ignore[assignment]
        if not items:
            feedback(self.feedback_label, self.tr(
                "Every amount recorded for {month} is what the members' records give."
            ).format(month=month_text(month)), ok=True)
            return
        box = recheck.question(self, month, items)
        box.accepted.connect(lambda: self._recalculate(month, items))
        self.recheck_box = box
        box.open()

    def _recalculate(self, month: Month, items: list[StaleDue]) -> None:
        self.last_task = run_in_background(
            self, recheck.recalculate_operation(
                self._workspace, month, {i.event_id for i in items}, self._today()),
            on_success=lambda done: self._recalculated(month, done), on_failure=self._failed,
            title=self.tr("Working out the dues of {month}…").format(month=month_text(month)),
            cancellable=False,
        )
        self.last_task.finished.connect(self._task_done)
        self._update_buttons()

    def _recalculated(self, month: Month, done: object) -> None:
        self.reload()
        feedback(self.feedback_label, self.tr(
            "{month}: the amounts of {count} members worked out again; each wrong amount is "
            "reversed with the reason (see “History and reversal…”)."
        ).format(month=month_text(month), count=done), ok=True)
        self.changed.emit()

    # ---------------------------------------------------------------- entering
    def mark_paid_in_full(self) -> int:
        rows = self.table.selected_rows()
        if len(rows) <= 1:
            rows = list(range(self.model.rowCount()))
        count = self.model.mark_paid_in_full(rows)
        feedback(self.feedback_label, self.tr(
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
        box, answer = overpayment_question(
            self, line.name, line.outstanding, self.month,
            self.model.index(row, Col.AMOUNT).data(), excess)
        member_id = line.member_id

        def answered() -> None:
            self.overpayment_box = None
            choice = answer()
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
            feedback(self.feedback_label, self.tr(
                "Nothing was saved: correct the {count} rows marked in red."
            ).format(count=len(wrong)), ok=False)
            self.table.go_to(self.model.index(wrong[0], Col.AMOUNT))
            return None
        if not pending:
            feedback(self.feedback_label, self.tr("No amounts typed: nothing to save."),
                     ok=False)
            return None
        paid_on = day_of(self.paid_on_edit)
        method = PaymentMethod(self.method_combo.currentData())
        self._last_pending = pending
        work = record_payments_operation(self._workspace, self.month, paid_on, method, pending)
        self.last_task = run_in_background(
            self, work, on_success=self._saved, on_failure=self._failed,
            title=self.tr("Recording {count} payments…").format(count=len(pending)),
        )
        self.last_task.finished.connect(self._task_done)
        self._update_buttons()
        return self.last_task

    def _saved(self, outcome: object) -> None:
        if not isinstance(outcome, Saved):
            return
        if outcome.problems:
            marked: list[int] = []
            for member_id, error in outcome.problems.items():
                self.model.set_message(member_id, problems_text(error), error=True)
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
            feedback(self.feedback_label, text, ok=False)
            return
        self.model.clear_entries(outcome.done)
        for member_id, receipt in outcome.done.items():
            words = [self.tr("recorded"), *dues_texts.flags_short(receipt.flags)]
            self.model.set_message(member_id, "；".join(words), error=False)
        total = sum((p.amount for p in self._last_pending if p.member_id in outcome.done),
                    Decimal(0))
        self.reload()
        feedback(self.feedback_label, self.tr(
            "{count} payments recorded, {total} yuan."
        ).format(count=len(outcome.done), total=yuan_text(total)), ok=True)
        self.changed.emit()

    def _failed(self, error: BaseException) -> None:
        feedback(self.feedback_label, message_for(error), ok=False)

    def _task_done(self) -> None:
        self.last_task = None
        self._update_buttons()

    def _read_only_typed(self, _index: QModelIndex) -> None:
        feedback(self.feedback_label, self.tr(
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
        return exports.export_month_sheet(self, self._workspace, self.month, self._today(),
                                          self._tell)

    def export_year(self, choose: Callable[[str], str] | None = None) -> BackgroundTask | None:
        """Write the year's ledger workbook where the secretary chooses (off the GUI thread)."""
        return exports.export_year(self, self._workspace, self.month.year, self._today(),
                                   self._tell, choose)

    def _tell(self, text: str, ok: bool) -> None:
        feedback(self.feedback_label, text, ok)
