"""整改: the year's 整改台账 — every problem a 组织生活会 found (a member's or the committee's), its
measures, owner, deadline and status, with the open items of earlier years carried over and
overdue ones in red (支部工作条例 第17条; DOMAIN.md, "组织生活会 and 民主评议党员"). 新增问题 /
打开 open the ``ItemDialog``; the ledger exports as a workbook or prints (PDF) off the GUI
thread. Locking clears everything shown (``clear``); unlocking reloads it (``refresh``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget

from app.domain.rectification import ItemStatus
from app.errors import BranchDeskError
from app.services import rectification as rect
from app.services.rectification import LedgerItem
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.tasks import BackgroundTask, TaskContext
from ui.rectification.dialog import ItemDialog
from ui.rectification.texts import status_label
from ui.widgets import record_book
from ui.widgets.empty_hint import EmptyHint

Today = Callable[[], date]


class RectificationPage(record_book.YearBookPage):
    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, parent)
        self.items: list[LedgerItem] = []
        self.dialog: ItemDialog | None = None
        self.meeting_id: str | None = None  # only this meeting's items (``show_meeting``)
        self.table = record_book.new_table(
            (self.tr("Meeting"), self.tr("Whose problem"), self.tr("Problem"),
             self.tr("Responsible"), self.tr("Deadline"), self.tr("Status"),
             self.tr("Evidence"), member_texts.field_label("classification")),
            (95, 100, 280, 80, 95, 130, 60, 60), stretch=2)
        self.empty_hint = EmptyHint(self.table, lambda: self.tr(
            "No problems recorded for this year: hold the organizational life meeting "
            "(组织生活 page), then click “New problem” to enter its list of problems."))
        self.new_button.setText(self.tr("New problem"))
        self.new_button.clicked.connect(lambda: self.new_item(self.meeting_id))
        self.export_button = QPushButton(self.tr("Export ledger (Excel)…"))
        self.pdf_button = QPushButton(self.tr("Export ledger (PDF)…"))
        self.pdf_button.setToolTip(self.tr("The printable ledger, to print and sign"))
        self.export_button.clicked.connect(lambda: self.choose_export_path(pdf=False))
        self.pdf_button.clicked.connect(lambda: self.choose_export_path(pdf=True))
        self.all_button = QPushButton(self.tr("Show the whole year"))
        self.all_button.clicked.connect(lambda: self.show_meeting(None))
        self.all_button.hide()
        self.compose(self.tr(
            "The problems each organizational life meeting found and their rectification; "
            "open items of earlier years are carried over, overdue ones are shown in red."),
            self.table, [self.all_button, self.export_button, self.pdf_button])

    def refresh(self) -> None:
        """Reload the year's ledger from the (unlocked) workspace."""
        if not self._workspace.is_unlocked:
            return
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                self.items = [
                    i for i in rect.ledger(uow, self.year_spin.value(), self._today())
                    if self.meeting_id in (None, i.data.meeting_id)]
        except BranchDeskError as error:
            self.feedback(message_for(error), ok=False)
            return
        record_book.fill(self.table, [(i.id, self._cells(i), i.overdue) for i in self.items])
        done = sum(1 for i in self.items if i.data.status is ItemStatus.DONE)
        overdue = sum(1 for i in self.items if i.overdue)
        self.summary_label.setText(self.tr(
            "{count} items: {done} done, {overdue} overdue").format(
                count=len(self.items), done=done, overdue=overdue))
        self._update_buttons()

    def show_meeting(self, meeting_id: str | None, held_on: date | None = None) -> None:
        """Only the 问题清单 of one 组织生活会 (the meeting editor's hook), or the whole year
        again (None); 新增问题 then adds to that meeting."""
        self.meeting_id = meeting_id
        self.all_button.setVisible(meeting_id is not None)
        if held_on is not None and held_on.year != self.year_spin.value():
            self.year_spin.setValue(held_on.year)  # refreshes
        else:
            self.refresh()

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
        return self.selected_id()

    # ---------------------------------------------------------------- editing
    def new_item(self, meeting_id: str | None = None) -> ItemDialog:
        """A new problem, of ``meeting_id`` when given (the meeting editor's hook)."""
        return self._open(None, meeting_id)

    def open_item(self, item_id: str | None = None) -> ItemDialog | None:
        return self.open_entry(item_id)

    def open_entry(self, entry_id: str | None = None) -> ItemDialog | None:
        entry_id = entry_id or self.selected_id()
        return self._open(entry_id, None) if entry_id else None

    def _open(self, item_id: str | None, meeting_id: str | None) -> ItemDialog:
        dialog = ItemDialog(self._workspace, item_id, meeting_id, today=self._today,
                            parent=self)
        dialog.saved.connect(self.after_save)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_question(self) -> tuple[str, str]:
        return (self.tr("Delete the item"),
                self.tr("Delete this problem and its rectification? Delete only an item "
                        "entered by mistake; a finished one is marked done instead."))

    def delete_entry(self, entry_id: str) -> None:
        with self._workspace.unit_of_work() as uow:
            rect.delete_item(uow, entry_id)
            uow.commit()

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

        return self.run_export(
            operation, lambda count: self.tr("Ledger exported ({count} items): {file}").format(
                count=count, file=str(path)), self.tr("Writing the ledger…"))

    def clear(self) -> None:
        """Forget everything shown (the workspace was locked)."""
        self.items = []
        self.clear_shown()
