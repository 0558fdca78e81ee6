"""学习教育: the year's study table (every member's 学时 by form against the target, 教育管理条例
第20条; exempt members, 第23条, out of targets and rates), a member's entries, the import of hours
from a workbook, the table as a workbook or printed, and the settings."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import study, study_import, study_reports
from app.services.study_import import HoursPlan
from app.services.workspace import Workspace
from ui.common import study_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.common.tasks import (
    BackgroundTask,
    LatestOnly,
    TaskContext,
    run_in_background,
    show_error,
    show_message,
)
from ui.study.import_dialog import HoursImportDialog
from ui.study.member_dialog import MemberStudyDialog
from ui.study.settings_dialog import StudySettingsDialog
from ui.study.table_model import StudyTableModel
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.printing import print_pdf

Today = Callable[[], date]


class StudyPage(QWidget):
    """``loaded`` is emitted when a reload has been shown (its table, or why it failed);
    ``changed`` when something was recorded here (工作台's reminders follow)."""

    loaded = Signal()
    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None,
                 today: Today = date.today) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.table: study.StudyTable | None = None
        self.dialog: QWidget | None = None  # the dialog opened last (tests)
        self.task: BackgroundTask | None = None
        self._latest = LatestOnly(self, self._arrived, self._failed)

        heading = QLabel(self.tr("Study record"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2100)
        self.year_spin.setValue(today().year)
        self.year_spin.setPrefix(self.tr("Year "))
        self.year_spin.valueChanged.connect(lambda _year: self.reload())
        self.entries_button = QPushButton(self.tr("Entries of the member…"))
        self.entries_button.clicked.connect(lambda: self.open_member())
        self.import_button = QPushButton(self.tr("Import hours…"))
        self.import_button.clicked.connect(lambda: self.import_hours())
        self.template_button = QPushButton(self.tr("Blank import template…"))
        self.template_button.clicked.connect(lambda: self.export_template())
        self.export_button = QPushButton(self.tr("Export table…"))
        self.export_button.clicked.connect(lambda: self.export_table())
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_table)
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.clicked.connect(self.open_settings)
        bar = QHBoxLayout()
        bar.addWidget(self.year_spin)
        for button in (self.entries_button, self.import_button, self.template_button,
                       self.export_button, self.print_button, self.settings_button):
            bar.addWidget(button)
        bar.addStretch(1)
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setStyleSheet(HINT_STYLE)

        self.model = StudyTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(self._double_clicked)
        self.empty_hint = EmptyHint(self.view, self.tr(
            "No members on the roll yet: add them on the Members page. Attendance at party "
            "lectures and theme days is recorded here by itself."))

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.view, 1)

    @property
    def year(self) -> int:
        return self.year_spin.value()

    def refresh(self) -> None:
        """The window's name for ``reload`` (after unlocking, a sync, a restore)."""
        self.reload()

    def _recorded(self) -> None:
        self.reload()
        self.changed.emit()

    @property
    def busy(self) -> bool:
        """True from ``reload`` until its table is shown."""
        return self._latest.busy

    def reload(self) -> None:
        """Work out the year's table off the GUI thread (10,000 members: a few tenths of a
        second); the line above the table says so meanwhile. ``loaded`` once shown."""
        workspace, year = self._workspace, self.year
        as_of = study_reports.as_of(year, self._today())

        def work(_context: TaskContext) -> study.StudyTable:
            with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
                return study.year_table(uow, year, as_of)

        self.summary_label.setStyleSheet(HINT_STYLE)
        self.summary_label.setText(self.tr("Adding up the study hours of the year…"))
        self._latest.run(work)

    def _failed(self, error: BaseException) -> None:
        self.summary_label.setStyleSheet(ERROR_STYLE)
        self.summary_label.setText(self.tr(
            "The study hours could not be added up: {reason}").format(reason=message_for(error)))
        self.loaded.emit()

    def _arrived(self, table: study.StudyTable) -> None:
        self.table = table
        self.model.set_lines(list(table.lines))
        self.summary_label.setText(self.tr(
            "{members} members, {hours} hours in all; {reached} of {with_target} reached the "
            "target; {behind} behind the pace. Exempt members (art. 23) are not counted."
        ).format(members=len(table.lines), hours=study_texts.hours(table.total),
                 reached=table.reached, with_target=len(table.with_target),
                 behind=len(table.behind)))
        self.loaded.emit()

    def clear(self) -> None:
        """Forget what was shown (the data was locked)."""
        self._latest.drop()
        self.table = None
        self.model.set_lines([])
        self.summary_label.clear()

    # ------------------------------------------------------------ a member's entries
    def _double_clicked(self, index: QModelIndex) -> None:
        self.open_member(index.row())

    def open_member(self, row: int | None = None) -> MemberStudyDialog | None:
        if row is None:
            rows = self.view.selectionModel().selectedRows()
            if not rows:
                show_message(self, self.tr("Choose a member in the table first."))
                return None
            row = rows[0].row()
        line = self.model.line(row)
        dialog = MemberStudyDialog(self._workspace, line.member_id, line.name, self.year,
                                   self._today(), self)
        dialog.changed.connect(self._recorded)
        self.dialog = dialog
        dialog.open()
        return dialog

    # ------------------------------------------------------------ import
    def import_hours(self, path: Path | None = None) -> BackgroundTask | None:
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import study hours"), "", self.tr("Excel workbooks (*.xlsx)"))
            if not chosen:
                return None
            path = Path(chosen)
        workspace, today = self._workspace, self._today()

        def plan(_context: object) -> HoursPlan:
            with workspace.unit_of_work(read_only=True) as uow:
                return study_import.plan_hours_import(uow, path, today)

        self.task = run_in_background(self, plan, on_success=self._show_plan,
                                      title=self.tr("Reading the workbook…"))
        return self.task

    def _show_plan(self, plan: HoursPlan) -> None:
        dialog = HoursImportDialog(plan, self)
        dialog.confirmed.connect(lambda: self._apply(plan))
        self.dialog = dialog
        dialog.open()

    def _apply(self, plan: HoursPlan) -> None:
        workspace = self._workspace

        def apply(_context: object) -> study_import.HoursImportResult:
            with workspace.unit_of_work() as uow:
                result = study_import.apply_hours_import(uow, plan)
                uow.commit()
            return result

        def done(result: study_import.HoursImportResult) -> None:
            self._recorded()
            show_message(self, study_texts.result_text(result))

        self.task = run_in_background(self, apply, on_success=done,
                                      title=self.tr("Importing…"))

    def export_template(self, path: Path | None = None) -> None:
        from app.documents import study_hours

        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Blank import template"), self.tr("study hours template.xlsx"),
                self.tr("Excel workbooks (*.xlsx)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            study_hours.write_template(path)
        except OSError as error:
            from app.errors import FileAccessError

            show_error(self, FileAccessError.from_os_error(path, error))
            return
        show_message(self, self.tr("Saved to {file}.").format(file=path))

    # ------------------------------------------------------------ export and print
    def export_table(self, path: Path | None = None) -> BackgroundTask | None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the study table"),
                self.tr("study table {year}.xlsx").format(year=self.year),
                self.tr("Excel workbooks (*.xlsx)"))
            if not chosen:
                return None
            path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        workspace, year, today = self._workspace, self.year, self._today()

        def export(_context: object) -> Path:
            with workspace.unit_of_work() as uow:
                study_reports.export_workbook(uow, year, path, today)
                uow.commit()
            return path

        def done(written: Path) -> None:
            show_message(self, self.tr("Saved to {file}.").format(file=written))

        self.task = run_in_background(self, export, on_success=done,
                                      title=self.tr("Writing the workbook…"))
        return self.task

    def print_table(self) -> BackgroundTask:
        workspace, year, today = self._workspace, self.year, self._today()
        buffer = io.BytesIO()
        with workspace.unit_of_work(read_only=True) as uow:
            study_reports.export_pdf(uow, year, buffer, today)

        def save_as(path: Path) -> None:
            with workspace.unit_of_work() as uow:
                study_reports.export_pdf(uow, year, path, today)
                uow.commit()

        self.task = print_pdf(self, buffer.getvalue(),
                              title=self.tr("Study table {year}").format(year=year),
                              save_as=save_as)
        return self.task

    # ------------------------------------------------------------ settings
    def open_settings(self) -> StudySettingsDialog:
        dialog = StudySettingsDialog(self._workspace, self.year, self)
        dialog.saved.connect(self._recorded)
        self.dialog = dialog
        dialog.open()
        return dialog
