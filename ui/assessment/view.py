"""考核评价: a year's indicators counted from the records (value, target, weight, formula), the
records behind each (``DrillDownDialog``; a record opens through ``open_record``, which the
shell connects to the record's page), and the branch's annual self-assessment: its four
sections, saved as a draft, exported as a PDF (off the GUI thread) and submitted (then
read-only). Nothing here ranks or scores a member: the figures are the branch's.

Locking clears everything shown (``clear``); unlocking reloads it (``refresh``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import InvalidInputError
from app.services import assessment, assessment_report, dues_folds
from app.services.assessment import Assessment
from app.services.assessment_report import Report, Sections
from app.services.workspace import Workspace
from ui.assessment.drilldown import DrillDownDialog
from ui.assessment.settings_dialog import AssessmentSettingsDialog
from ui.assessment.texts import standing_label
from ui.common.assessment_texts import SECTIONS, section_label
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import (
    BackgroundTask,
    LatestOnly,
    TaskContext,
    run_in_background,
    run_quietly,
)
from ui.widgets import record_book

Today = Callable[[], date]


class AssessmentView(QWidget):
    open_record = Signal(str, str)  # entity, id: the shell opens the record's page
    changed = Signal()  # the report was saved or submitted
    refreshed = Signal()  # the year's figures are shown

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.found: Assessment | None = None
        self.report: Report | None = None
        self.dialog: DrillDownDialog | None = None
        self.settings_dialog: AssessmentSettingsDialog | None = None
        self.file_dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None
        self.last_task: BackgroundTask | None = None
        self.action_task: BackgroundTask | None = None  # a save or a submission running
        self._acted_for = 0  # counts actions and locks: an action's outcome shown if still wanted
        self._shown_year: int | None = None  # the year whose sections the editors hold
        self._loaded: dict[str, str] = {}  # the sections as stored, when shown
        self._unsaved: dict[int, dict[str, str]] = {}  # typed, not saved: kept until locked
        self._latest = LatestOnly(self, self._arrived, self._failed)
        self.year_spin = record_book.year_spin(today())
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = record_book.new_table(
            (self.tr("Indicator"), self.tr("Counted"), self.tr("Value"), self.tr("Target"),
             self.tr("Weight"), self.tr("Standing"), self.tr("How it is counted")),
            (160, 90, 70, 70, 50, 70, 400), stretch=6)
        self.table.doubleClicked.connect(lambda _i: self.show_records())
        self.records_button = QPushButton(self.tr("Records behind…"))
        self.records_button.setToolTip(self.tr("List the records this figure was counted from"))
        self.records_button.clicked.connect(lambda: self.show_records())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.settings_button = QPushButton(self.tr("Indicator settings…"))
        self.settings_button.setToolTip(self.tr(
            "Choose the indicators, their targets and weights (localities differ)"))
        self.settings_button.clicked.connect(lambda: self.edit_settings())
        self.editors: dict[str, QPlainTextEdit] = {}
        self.tabs = QTabWidget()
        for key in SECTIONS:
            editor = QPlainTextEdit()
            editor.setPlaceholderText(self.tr("Written by the secretary; printed as typed."))
            self.editors[key] = editor
            self.tabs.addTab(editor, section_label(key))
        self.state_label = QLabel()
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save draft"))
        self.save_button.clicked.connect(lambda: self.save())
        self.submit_button = QPushButton(self.tr("Submit…"))
        self.submit_button.setToolTip(self.tr(
            "Submit the year's self-assessment to the platform; it cannot be changed afterwards"))
        self.submit_button.clicked.connect(lambda: self.ask_submit())
        self.export_button = QPushButton(self.tr("Export PDF…"))
        self.export_button.setToolTip(self.tr("党支部年度工作情况 with the figures, as a PDF"))
        self.export_button.clicked.connect(lambda: self.choose_export_path())
        self._compose()

    def _compose(self) -> None:
        hint = QLabel(self.tr(
            "The branch's own figures, counted from its records: what was held, paid, studied, "
            "talked, rectified, answered and published against what was due. No member is "
            "ranked or given points."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(self.summary_label, 1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addWidget(self.records_button)
        row.addStretch(1)
        row.addWidget(self.settings_button)
        upper_layout.addLayout(row)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.state_label)
        lower_layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.save_button, self.export_button, self.submit_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.feedback_label)
        layout.addLayout(actions)
        self._update_buttons()

    # ---------------------------------------------------------------- showing the year
    def year(self) -> int:
        return self.year_spin.value()

    def refresh(self) -> None:
        """Count the year's indicators and load its report, off the GUI thread (a branch of
        10,000 members takes a moment). What was typed and not saved is kept (also for another
        year, shown again when that year is) until the data is locked."""
        if not self._workspace.is_unlocked:
            return
        self._keep_typed()
        year, today, workspace = self.year(), self._today(), self._workspace

        def operation(_context: TaskContext) -> tuple[Assessment, Report | None]:
            dues_folds.keep_current(workspace)  # members whose dues changed: kept first
            with workspace.unit_of_work(read_only=True) as uow:
                return (assessment.assess(uow, year, assessment.as_of_for(year, today)),
                        assessment_report.get(uow, year))

        self.summary_label.setText(self.tr("Counting…"))
        self._latest.run(operation)

    @property
    def busy(self) -> bool:
        """True while the year is counted, saved or submitted."""
        return self._latest.busy or self.action_task is not None

    def _failed(self, error: BaseException) -> None:
        self.summary_label.clear()
        self.feedback(message_for(error), ok=False)

    def _keep_typed(self) -> None:
        if self._shown_year is None:
            return
        typed = {key: editor.toPlainText() for key, editor in self.editors.items()
                 if editor.toPlainText() != self._loaded.get(key, "")}
        if typed:
            self._unsaved.setdefault(self._shown_year, {}).update(typed)

    def _arrived(self, outcome: tuple[Assessment, Report | None], saved: bool = False) -> None:
        """Show the year counted and its report; ``saved``: what was typed is now stored."""
        found, report = outcome
        self.found, self.report = found, report
        rows = []
        for indicator in found.indicators:
            shown = assessment_report.figure(assessment_report.snapshot_of(indicator))
            rows.append((indicator.code.value, (
                indicator.definition.name, shown.counted, shown.value, shown.target, shown.weight,
                standing_label(indicator.met), indicator.formula), indicator.met is False))
        record_book.fill(self.table, rows)
        met = sum(1 for i in found.indicators if i.met)
        counted = sum(1 for i in found.indicators if i.met is not None)
        share = found.weighted_share
        self.summary_label.setText(self.tr(
            "{met} of {counted} indicators met (as of {date}); weights of those met: "
            "{share}").format(met=met, counted=counted, date=found.as_of.isoformat(),
                              share=f"{share}%" if share is not None else "—"))
        sections = report.sections if report is not None else Sections()
        typed = self._unsaved.pop(found.year, {})
        if saved or (report is not None and report.submitted):
            typed = {}
        self._loaded = {key: getattr(sections, key) for key in self.editors}
        for key, editor in self.editors.items():
            editor.setPlainText(typed.get(key, self._loaded[key]))
        self._shown_year = found.year
        self._show_state()
        self._update_buttons()
        self.refreshed.emit()

    def _show_state(self) -> None:
        report = self.report
        if report is not None and report.submitted_on is not None:
            text = self.tr("Submitted on {date}: read-only. The report keeps the figures of "
                           "that day; the table above counts the records as they are now.").format(
                date=report.submitted_on.isoformat())
        elif report is not None:
            text = self.tr("Draft: saved, not yet submitted.")
        else:
            text = self.tr("Not yet written: write the four sections, save, then submit.")
        self.state_label.setText(text)

    def _update_buttons(self) -> None:
        submitted = self.report is not None and self.report.submitted
        unlocked = self._workspace.is_unlocked and self.found is not None
        idle = self.action_task is None
        self.records_button.setEnabled(unlocked and self.selected_code() is not None)
        self.settings_button.setEnabled(self._workspace.is_unlocked and idle)
        self.year_spin.setEnabled(idle)
        self.save_button.setEnabled(unlocked and idle and not submitted)
        self.submit_button.setEnabled(unlocked and idle and not submitted)
        self.export_button.setEnabled(unlocked and idle)
        for editor in self.editors.values():
            editor.setReadOnly(submitted or not idle)

    def selected_code(self) -> str | None:
        return record_book.selected_id(self.table)

    def select(self, code: str) -> bool:
        return record_book.select_id(self.table, code)

    def feedback(self, text: str, ok: bool = True) -> None:
        self.feedback_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback_label.setText(text)

    # ---------------------------------------------------------------- drill-down
    def show_records(self, code: str | None = None) -> DrillDownDialog | None:
        code = code or self.selected_code()
        if code is None or self.found is None:
            return None
        indicator = next(i for i in self.found.indicators if i.code.value == code)
        dialog = DrillDownDialog(indicator, self)
        dialog.open_record.connect(self.open_record)
        self.dialog = dialog
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- the indicator set
    def edit_settings(self) -> AssessmentSettingsDialog | None:
        """指标设置 (non-blocking); once saved, the year is counted again."""
        if not self._workspace.is_unlocked:
            return None
        dialog = AssessmentSettingsDialog(self._workspace, self)
        dialog.saved.connect(self.refresh)
        self.settings_dialog = dialog
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- the report
    def sections(self) -> Sections:
        return Sections(**{key: editor.toPlainText() for key, editor in self.editors.items()})

    def save(self) -> BackgroundTask:
        """Save what is typed as the draft, off the GUI thread, the year counted once (the
        figures shown are those saved)."""
        year, sections, today, workspace = self.year(), self.sections(), self._today(), \
            self._workspace

        def operation(_context: TaskContext) -> tuple[Assessment, Report | None]:
            dues_folds.keep_current(workspace)  # members whose dues changed: kept first
            with workspace.unit_of_work() as uow:
                found = assessment_report.count(uow, year, today)
                assessment_report.save(uow, year, sections, today, found)
                report = assessment_report.get(uow, year)
                uow.commit()
            return found, report

        return self._act(year, operation, self.tr("Saving…"), self.tr("Saved."))

    def ask_submit(self) -> QMessageBox | None:
        """Ask before submitting; a section left empty is named at once instead."""
        try:
            assessment_report.require_written(self.sections())
        except InvalidInputError as error:
            self.feedback(message_for(error), ok=False)
            return None
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Submit the self-assessment"),
            self.tr("Submit the {year} self-assessment? The figures are counted once more and "
                    "kept as they are today; the report can no longer be changed.").format(
                year=self.year()),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Submit"))
        box.button(QMessageBox.StandardButton.No).setText(
            QCoreApplication.translate("RecordBook", "Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.submit())
        box.open()
        self.question = box
        return box

    def submit(self) -> BackgroundTask:
        """Save what is typed, then submit, off the GUI thread: both in one transaction
        (nothing half done), the year counted once."""
        year, sections, today, workspace = self.year(), self.sections(), self._today(), \
            self._workspace

        def operation(_context: TaskContext) -> tuple[Assessment, Report | None]:
            dues_folds.keep_current(workspace)
            with workspace.unit_of_work() as uow:
                found = assessment_report.save_and_submit(uow, year, sections, today)
                report = assessment_report.get(uow, year)
                uow.commit()
            return found, report

        return self._act(year, operation, self.tr("Submitting…"), self.tr(
            "Submitted: it goes to the platform at the next synchronization."))

    def _act(
        self, year: int, operation: Callable[[TaskContext], tuple[Assessment, Report | None]],
        working: str, done: str,
    ) -> BackgroundTask:
        """Run a save or a submission quietly (the window stays usable); its buttons, the year
        and the sections stay locked until it ends; then its figures and report are shown
        with ``done``, or the error. A count running meanwhile is dropped: it would show the
        report as it was before."""
        interrupted = self._latest.busy
        self._latest.drop()
        self._acted_for += 1
        wanted = self._acted_for

        def succeeded(outcome: tuple[Assessment, Report | None]) -> None:
            if wanted != self._acted_for:
                return  # locked meanwhile
            if self.year() == year:
                self._arrived(outcome, saved=True)
            else:  # another year was chosen meanwhile (the report centre's): counted apart
                self._unsaved.pop(year, None)
            self.feedback(done)
            self.changed.emit()

        def failed(error: BaseException) -> None:
            if wanted != self._acted_for:
                return
            self.feedback(message_for(error), ok=False)
            if interrupted:
                self.refresh()  # the count dropped for this action

        self.feedback(working)
        task = run_quietly(self, operation, on_success=succeeded, on_failure=failed)
        task.finished.connect(lambda: self._action_ended(task))
        self.action_task = self.last_task = task
        self._update_buttons()
        return task

    def _action_ended(self, task: BackgroundTask) -> None:
        if self.action_task is task:
            self.action_task = None
        self._update_buttons()

    def choose_export_path(self) -> QFileDialog:
        year = self.year()
        self.file_dialog = record_book.ask_save_path(
            self, self.tr("Export the self-assessment"),
            self.tr("self-assessment {year}.pdf").format(year=year), pdf=True,
            on_path=lambda path: self.export(path, year))
        return self.file_dialog

    def export(self, path: Path, year: int | None = None) -> BackgroundTask:
        """Write the PDF off the GUI thread (recorded in the audit log): a draft with the
        sections as typed, saved or not (a submitted report prints what was submitted)."""
        year = year or self.year()
        workspace, today = self._workspace, self._today()
        typed = self.sections() if year == self._shown_year else None  # saved or not

        def operation(_context: TaskContext) -> int:
            with workspace.unit_of_work() as uow:
                pages = assessment_report.export_pdf(uow, year, path, today, typed)
                uow.commit()
            return pages

        self.feedback("")
        self.last_task = run_in_background(
            self, operation,
            on_success=lambda pages: self.feedback(self.tr(
                "Exported ({pages} pages): {file}").format(pages=pages, file=str(path))),
            on_failure=lambda error: self.feedback(message_for(error), ok=False),
            title=self.tr("Writing the PDF…"), cancellable=False)
        return self.last_task

    # ---------------------------------------------------------------- lock and unlock
    def clear(self) -> None:
        """Forget everything shown (the workspace was locked)."""
        self._latest.drop()
        self._acted_for += 1  # a save or submission running: its outcome is not shown
        self._shown_year = None
        self._loaded, self._unsaved = {}, {}
        if self.settings_dialog is not None:
            self.settings_dialog.reject()
        self.found, self.report = None, None
        self.table.setRowCount(0)
        self.summary_label.clear()
        self.state_label.clear()
        self.feedback_label.clear()
        for editor in self.editors.values():
            editor.clear()
        self._update_buttons()
