"""谈心谈话: the year's talks, and who is not yet covered (支部工作条例 第19条; DOMAIN.md counts the
委员–委员 and 委员–党员 pairs). 新建谈话 / 打开 open the ``TalkDialog``; 导出… writes the year's
workbook (the talks and the pairs not covered) off the GUI thread. Locking clears everything
shown (``clear``); unlocking reloads it (``refresh``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.domain.talks import Coverage
from app.errors import BranchDeskError
from app.services import talks
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext
from ui.talks.dialog import TalkDialog
from ui.talks.texts import kind_label, pair_label
from ui.widgets import record_book
from ui.widgets.empty_hint import EmptyHint

Today = Callable[[], date]


class TalksPage(record_book.YearBookPage):
    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, parent)
        self.dialog: TalkDialog | None = None
        self.coverage: Coverage | None = None
        self.table = record_book.new_table(
            (self.tr("Date"), self.tr("Kind"), self.tr("People"), self.tr("Topic"),
             self.tr("Follow-up needed"), member_texts.field_label("classification")),
            (100, 90, 200, 260, 180, 60), stretch=3)
        self.empty_hint = EmptyHint(self.table, lambda: self.tr(
            "No talks recorded for this year: click “New talk”."))
        self.coverage_label = QLabel()
        self.coverage_label.setWordWrap(True)
        self.missing_table = record_book.new_table(
            (self.tr("Pair"), self.tr("Committee member"), self.tr("With")), (200, 120, 120),
            stretch=2)
        self.missing_hint = EmptyHint(self.missing_table, lambda: self.tr("Nothing missing."))
        self.new_button.setText(self.tr("New talk"))
        self.new_button.clicked.connect(self.new_talk)
        self.export_button = QPushButton(self.tr("Export the year…"))
        self.export_button.setToolTip(self.tr(
            "The year's talks and the pairs not yet covered, as an Excel workbook"))
        self.export_button.clicked.connect(self.choose_export_path)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.coverage_label)
        lower_layout.addWidget(self.missing_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.compose(self.tr(
            "Committee members with each other, committee members with members and members with "
            "each other talk at least once a year (支部工作条例 第19条)."),
            splitter, [self.export_button])

    # ---------------------------------------------------------------- the list
    def refresh(self) -> None:
        """Reload the year from the (unlocked) workspace."""
        if not self._workspace.is_unlocked:
            return
        year = self.year_spin.value()
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                found = talks.talks_of_year(uow, year)
                self.coverage = talks.coverage(uow, year)
        except BranchDeskError as error:
            self.feedback(message_for(error), ok=False)
            return
        record_book.fill(self.table, [
            (t.id, (t.data.on_date.isoformat(), kind_label(t.data.kind), "、".join(t.names),
                    t.data.topic, t.data.follow_up,
                    member_texts.label(t.data.classification)), False)
            for t in found
        ])
        self.summary_label.setText(self.tr("{count} talks").format(count=len(found)))
        self._show_coverage(self.coverage)
        self._update_buttons()

    def _show_coverage(self, coverage: Coverage) -> None:
        if coverage.required == 0:
            text = self.tr("No pairs are required: the branch has no committee members on the "
                           "roll (set a member's branch post).")
        elif not coverage.missing:
            text = self.tr("All {required} pairs have talked this year.").format(
                required=coverage.required)
        else:
            text = self.tr(
                "{covered} of {required} pairs have talked this year; not yet: {missing} "
                "(listed below).").format(covered=coverage.covered,
                                          required=coverage.required,
                                          missing=len(coverage.missing))
        self.coverage_label.setText(text)
        self.coverage_label.setStyleSheet(NOTICE_STYLE if not coverage.missing else "")
        record_book.fill(self.missing_table, [
            ("", (pair_label(p.kind), p.first.name, p.second.name), False)
            for p in coverage.missing
        ])

    def selected_talk_id(self) -> str | None:
        return self.selected_id()

    # ---------------------------------------------------------------- editing
    def new_talk(self) -> TalkDialog:
        return self._open(None)

    def open_talk(self, talk_id: str | None = None) -> TalkDialog | None:
        return self.open_entry(talk_id)

    def open_entry(self, entry_id: str | None = None) -> TalkDialog | None:
        entry_id = entry_id or self.selected_id()
        return self._open(entry_id) if entry_id else None

    def _open(self, talk_id: str | None) -> TalkDialog:
        dialog = TalkDialog(self._workspace, talk_id, today=self._today, parent=self)
        dialog.saved.connect(self.after_save)
        self.dialog = dialog
        dialog.open()
        return dialog

    def delete_question(self) -> tuple[str, str]:
        return (self.tr("Delete the talk"),
                self.tr("Delete this talk? Delete only a talk entered by mistake."))

    def delete_entry(self, entry_id: str) -> None:
        with self._workspace.unit_of_work() as uow:
            talks.delete_talk(uow, entry_id)
            uow.commit()

    # ---------------------------------------------------------------- export
    def choose_export_path(self) -> QFileDialog:
        year = self.year_spin.value()
        self.file_dialog = record_book.ask_save_path(
            self, self.tr("Export the year's talks"),
            self.tr("talks {year}.xlsx").format(year=year), pdf=False,
            on_path=lambda path: self.export(path, year))
        return self.file_dialog

    def export(self, path: Path, year: int | None = None) -> BackgroundTask:
        """Write the year's workbook off the GUI thread (recorded in the audit log)."""
        year = year or self.year_spin.value()
        workspace = self._workspace

        def operation(_context: TaskContext) -> int:
            with workspace.unit_of_work() as uow:
                count = talks.write_report(uow, year, path)
                uow.commit()
            return count

        return self.run_export(
            operation, lambda count: self.tr("{count} talks exported: {file}").format(
                count=count, file=str(path)), self.tr("Writing the workbook…"))

    # ---------------------------------------------------------------- lock and unlock
    def clear(self) -> None:
        """Forget everything shown (the workspace was locked)."""
        self.clear_shown()
        self.missing_table.setRowCount(0)
        self.coverage_label.clear()
        self.coverage = None
