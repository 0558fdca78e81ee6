"""民主评议: the page. One year's members with their 自评, 测评 counts, grade and handling; a
line of totals against the 优秀 limit (a third of the full members); the result table exported
as a workbook or printed (PDF through the print preview).

Everything is read and written through ``app.services.appraisal``. Locking clears the table
(``clear``), unlocking reloads it (``refresh``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.appraisal import Grade, Handling
from app.domain.members import Classification
from app.services import appraisal
from app.services.workspace import Workspace
from ui.appraisal.dialog import AppraisalDialog
from ui.appraisal.texts import label
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background

Today = Callable[[], date]


class AppraisalPage(QWidget):
    """``changed`` after a save (a member may have left the roll: the members page reloads)."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace, self._today = workspace, today
        self._lines: list[appraisal.AppraisalLine] = []
        self.dialog: AppraisalDialog | None = None
        self.last_task: BackgroundTask | None = None

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.setPrefix(self.tr("Year "))
        self.year.valueChanged.connect(self.refresh)
        self.edit_button = QPushButton(self.tr("Appraise…"))
        self.edit_button.clicked.connect(self.edit_current)
        self.export_button = QPushButton(self.tr("Export result table…"))
        self.export_button.clicked.connect(self.export_xlsx)
        self.print_button = QPushButton(self.tr("Print result table…"))
        self.print_button.clicked.connect(self.print_table)
        bar = QHBoxLayout()
        for widget in (self.year, self.edit_button, self.export_button, self.print_button):
            bar.addWidget(widget)
        bar.addStretch(1)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        hint = QLabel(self.tr(
            "Self-assessment, mutual appraisal and the appraisal vote come first; then the "
            "committee or the general meeting decides each grade. Probationary members take "
            "part without a grade. Double-click a member to record the appraisal."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)

        self.table = QTableWidget(0, 8)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Status"), self.tr("Self-assessment"),
            self.tr("Votes (E/Q/B/U)"), self.tr("Grade"), self.tr("Handling"),
            self.tr("Classification"), self.tr("Notes"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_current())

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.feedback)

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        year = self.year.value()
        with self._workspace.unit_of_work() as uow:
            self._lines = appraisal.year_lines(uow, year)
            found = appraisal.summary(uow, year, self._lines)
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            for column, text in enumerate(self._cells(line)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        counts = found.counts
        self.summary.setText(self.tr(
            "{year}: {full} full members, {recorded} appraised, {assessed} self-assessments. "
            "Excellent {excellent} (at most {limit}), qualified {qualified}, basically qualified "
            "{basic}, unqualified {unqualified}."
        ).format(
            year=year, full=found.full_members, recorded=found.recorded,
            assessed=found.self_assessed, excellent=counts[Grade.EXCELLENT],
            limit=found.excellent_limit, qualified=counts[Grade.QUALIFIED],
            basic=counts[Grade.BASIC], unqualified=counts[Grade.UNQUALIFIED],
        ))
        over = counts[Grade.EXCELLENT] > found.excellent_limit
        self.summary.setStyleSheet(ERROR_STYLE if over else "")

    def clear(self) -> None:
        self._lines = []
        self.table.setRowCount(0)
        self.summary.clear()
        self.feedback.clear()

    def _cells(self, line: appraisal.AppraisalLine) -> list[str]:
        status = (self.tr("Left the roll") if line.left else
                  self.tr("Probationary") if line.probationary else self.tr("Full member"))
        d = line.data
        if d is None:
            return [line.name, status, "", "", self.tr("Not appraised"), "", "", ""]
        grade = self.tr("No grade (probationary)") if line.probationary else label(d.grade)
        handling = label(d.handling) if d.handling is not Handling.NONE else ""
        if d.handling is Handling.CORRECTION and d.correction_until:
            handling += self.tr(" until {day}").format(day=d.correction_until.isoformat())
        return [
            line.name, status, self.tr("Done") if d.self_assessed else self.tr("Not done"),
            "/".join(str(v) for v in d.votes), grade, handling,
            label(d.classification) if d.classification is not Classification.INTERNAL else "",
            d.notes.replace("\n", " "),
        ]

    # ------------------------------------------------------------ recording
    def edit_current(self) -> AppraisalDialog | None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._lines):
            self._say(self.tr("Choose a member in the list first."), ok=False)
            return None
        line = self._lines[row]
        dialog = AppraisalDialog(self._workspace, line.member_id, line.name, self.year.value(),
                                 line.probationary, self._today(), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._edited(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _edited(self, dialog: AppraisalDialog) -> None:
        self.dialog = None
        if dialog.saved:
            self.refresh()
            self._say(self.tr("The appraisal was saved."), ok=True)
            self.changed.emit()

    # ------------------------------------------------------------ documents
    def export_xlsx(self, path: Path | None = None) -> BackgroundTask | None:
        year = self.year.value()
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export result table"),
                self.tr("Democratic appraisal {year}.xlsx").format(year=year),
                self.tr("Excel workbook (*.xlsx)"))
            if not chosen:
                return None
            path = Path(chosen)
        target = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
        workspace, today = self._workspace, self._today()

        def operation(_context: TaskContext) -> Any:
            with workspace.unit_of_work() as uow:
                appraisal.export_xlsx(uow, year, target, today)
                uow.commit()

        self.last_task = run_in_background(
            self, operation,
            on_success=lambda _r: self._say(
                self.tr("Result table exported: {file}").format(file=str(target)), ok=True),
            on_failure=lambda error: self._say(message_for(error), ok=False),
            title=self.tr("Writing the result table…"), cancellable=False,
        )
        return self.last_task

    def print_table(self) -> BackgroundTask:
        """The PDF rendered off the GUI thread, then the print preview (Save as PDF too)."""
        from ui.widgets import printing

        year, workspace, today = self.year.value(), self._workspace, self._today()

        def operation(_context: TaskContext) -> Any:
            with workspace.unit_of_work() as uow:
                return appraisal.pdf_bytes(uow, year, today)

        def save_as(path: Path) -> None:
            with workspace.unit_of_work() as uow:
                appraisal.export_pdf(uow, year, path, today)
                uow.commit()

        def show(data: Any) -> None:
            self.last_task = printing.print_pdf(
                self, data, title=self.tr("Democratic appraisal result table"), save_as=save_as)

        self.last_task = run_in_background(
            self, operation, on_success=show,
            on_failure=lambda error: self._say(message_for(error), ok=False),
            title=self.tr("Preparing the document…"), cancellable=False,
        )
        return self.last_task

    def _say(self, text: str, ok: bool) -> None:
        self.feedback.setText(text)
        self.feedback.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
