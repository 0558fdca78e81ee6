"""整改: the year's 整改台账 — every problem a 组织生活会 found (a member's or the committee's), its
measures, owner, deadline and status, with the open items of earlier years carried over and
overdue ones in red (支部工作条例 第17条; DOMAIN.md, "组织生活会 and 民主评议党员"). 新增问题 /
打开 open the ``ItemDialog``; the ledger exports as a workbook or prints (PDF) off the GUI
thread. Locking clears everything shown (``clear``); unlocking reloads it (``refresh``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError
from app.services import rectification as rect
from app.services.rectification import LedgerItem
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.rectification.dialog import ItemDialog
from ui.rectification.texts import status_label
from ui.widgets import record_book
from ui.widgets.empty_hint import EmptyHint

Today = Callable[[], date]


class RectificationPage(QWidget):
    """``changed`` after an item was written (工作台 reloads its reminders)."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.items: list[LedgerItem] = []
        self.dialog: ItemDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None
        self.last_task: BackgroundTask | None = None

        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(today().year)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.summary_label = QLabel()
        hint = QLabel(self.tr(
            "The problems each organizational life meeting found and their rectification; "
            "open items of earlier years are carried over, overdue ones are shown in red."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.table = record_book.new_table(
            (self.tr("Meeting"), self.tr("Whose problem"), self.tr("Problem"),
             self.tr("Responsible"), self.tr("Deadline"), self.tr("Status"),
             self.tr("Evidence"), member_texts.field_label("classification")),
            (95, 100, 280, 80, 95, 130, 60, 60), stretch=2)
        self.table.doubleClicked.connect(lambda _i: self.open_item())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty_hint = EmptyHint(self.table, lambda: self.tr(
            "No problems recorded for this year: hold the organizational life meeting "
            "(组织生活 page), then click “New problem” to enter its list of problems."))

        self.new_button = QPushButton(self.tr("New problem"))
        self.open_button = QPushButton(self.tr("Open"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export ledger (Excel)…"))
        self.pdf_button = QPushButton(self.tr("Export ledger (PDF)…"))
        self.pdf_button.setToolTip(self.tr("The printable ledger, to print and sign"))
        self.new_button.clicked.connect(lambda: self.new_item())
        self.open_button.clicked.connect(lambda: self.open_item())
        self.delete_button.clicked.connect(self.ask_delete)
        self.export_button.clicked.connect(lambda: self.choose_export_path(pdf=False))
        self.pdf_button.clicked.connect(lambda: self.choose_export_path(pdf=True))
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Year:")))
        filters.addWidget(self.year_spin)
        filters.addSpacing(12)
        filters.addWidget(self.summary_label, 1)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.pdf_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.feedback_label)
        layout.addLayout(actions)
        self._update_buttons()

    def refresh(self) -> None:
        """Reload the year's ledger from the (unlocked) workspace."""
        if not self._workspace.is_unlocked:
            return
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                self.items = rect.ledger(uow, self.year_spin.value(), self._today())
        except BranchDeskError as error:
            self._feedback(message_for(error), ok=False)
            return
        record_book.fill(self.table, [(i.id, self._cells(i), i.overdue) for i in self.items])
        done = sum(1 for i in self.items if i.data.status.value == "done")
        overdue = sum(1 for i in self.items if i.overdue)
        self.summary_label.setText(self.tr(
            "{count} items: {done} done, {overdue} overdue").format(
                count=len(self.items), done=done, overdue=overdue))
        self._update_buttons()

    def _cells(self, item: LedgerItem) -> tuple[str, ...]:
        status = status_label(item.data.status)
        if item.overdue:
            status = self.tr("{status}, overdue").format(status=status)
        if item.carried_over:
            status = self.tr("{status} (carried over)").format(status=status)
        return (item.meeting_date.isoformat(),
                item.member_name or self.tr("Committee"), item.data.problem.replace("\n", " "),
                item.owner_name, item.data.due_on.isoformat(), status,
                str(item.evidence) if item.evidence else "",
                member_texts.label(item.data.classification))

    def selected_item_id(self) -> str | None:
        return record_book.selected_id(self.table)

    def _update_buttons(self) -> None:
        chosen = self.selected_item_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _feedback(self, text: str, ok: bool = True) -> None:
        self.feedback_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback_label.setText(text)

    # ---------------------------------------------------------------- editing
    def new_item(self, meeting_id: str | None = None) -> ItemDialog:
        """A new problem, of ``meeting_id`` when given (the meeting editor's hook)."""
        return self._open(None, meeting_id)

    def open_item(self, item_id: str | None = None) -> ItemDialog | None:
        item_id = item_id or self.selected_item_id()
        return self._open(item_id, None) if item_id else None

    def _open(self, item_id: str | None, meeting_id: str | None) -> ItemDialog:
        dialog = ItemDialog(self._workspace, item_id, meeting_id, today=self._today,
                            parent=self)
        dialog.saved.connect(self._after_save)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_save(self, item_id: str) -> None:
        self.refresh()
        record_book.select_id(self.table, item_id)
        self._feedback(self.tr("Item saved."))
        self.changed.emit()

    def ask_delete(self) -> QMessageBox | None:
        item_id = self.selected_item_id()
        if item_id is None:
            return None
        self.question = record_book.ask_delete(
            self, self.tr("Delete the item"),
            self.tr("Delete this problem and its rectification? Delete only an item entered "
                    "by mistake; a finished one is marked done instead."),
            lambda: self.delete(item_id))
        return self.question

    def delete(self, item_id: str) -> None:
        try:
            with self._workspace.unit_of_work() as uow:
                rect.delete_item(uow, item_id)
                uow.commit()
        except BranchDeskError as error:
            self._feedback(message_for(error), ok=False)
            return
        self.refresh()
        self._feedback(self.tr("Item deleted."))
        self.changed.emit()

    # ---------------------------------------------------------------- export
    def choose_export_path(self, pdf: bool) -> QFileDialog:
        year = self.year_spin.value()
        name = self.tr("rectification ledger {year}").format(year=year)
        self.file_dialog = record_book.ask_save_path(
            self, self.tr("Export the rectification ledger"),
            f"{name}.{'pdf' if pdf else 'xlsx'}", pdf=pdf,
            on_path=lambda path: self.export(path, year))
        return self.file_dialog

    def export(self, path: Path, year: int | None = None) -> BackgroundTask:
        """Write the ledger (PDF for .pdf, else a workbook) off the GUI thread."""
        year = year or self.year_spin.value()
        workspace, today = self._workspace, self._today()

        def operation(_context: TaskContext) -> int:
            with workspace.unit_of_work() as uow:
                count = rect.write_ledger(uow, year, today, path)
                uow.commit()
            return count

        def done(count: Any) -> None:
            self._feedback(self.tr("Ledger exported ({count} items): {file}").format(
                count=count, file=str(path)))

        self._feedback("")
        self.last_task = run_in_background(
            self, operation, on_success=done,
            on_failure=lambda error: self._feedback(message_for(error), ok=False),
            title=self.tr("Writing the ledger…"), cancellable=False)
        return self.last_task

    def clear(self) -> None:
        """Forget everything shown (the workspace was locked)."""
        self.items = []
        self.table.setRowCount(0)
        self.summary_label.clear()
        self.feedback_label.clear()
