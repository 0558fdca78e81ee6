"""党内统计: the view. The year and reference date; the gaps found before the tables (each opens
the member's record: ``open_member``, for the shell to connect); the tables, one tab each; the
balance check; export as a workbook or a PDF; and submitting the counts to the platform.

The statistics are worked out off the GUI thread (``LatestOnly``: the newest request wins).
Not wired into the window here: the report centre (报表) places it.
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
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import statistics, statistics_export
from app.services.statistics import Report
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, LatestOnly, TaskContext, run_in_background
from ui.statistics import texts
from ui.widgets.date_field import DateField

Today = Callable[[], date]
MEMBER_ID = Qt.ItemDataRole.UserRole


class StatisticsView(QWidget):
    """``open_member(member_id)``: the secretary asked to see a member's record (a gap or a
    balance error); ``submitted`` after the counts were queued for the platform."""

    open_member = Signal(str)
    submitted = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace, self._today = workspace, today
        self.report: Report | None = None
        self.last_task: BackgroundTask | None = None
        self.loader = LatestOnly(self, self._show, self._failed)

        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today().year)
        self.year.setPrefix(self.tr("Year "))
        self.as_of = DateField()
        self.as_of.setToolTip(self.tr("Empty: 31 December of the year"))
        self.as_of.setMinimumWidth(170)
        self.make_button = QPushButton(self.tr("Make the tables"))
        self.make_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export workbook…"))
        self.export_button.clicked.connect(lambda: self.export(None, ".xlsx"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export(None, ".pdf"))
        self.submit_button = QPushButton(self.tr("Submit to the platform"))
        self.submit_button.setToolTip(self.tr(
            "Only the counts of the tables are sent; names and lists stay on this PC."))
        self.submit_button.clicked.connect(self.submit)
        bar = QHBoxLayout()
        bar.addWidget(self.year)
        bar.addWidget(QLabel(self.tr("Reference date:")))
        for widget in (self.as_of, self.make_button, self.export_button, self.pdf_button,
                       self.submit_button):
            bar.addWidget(widget)
        bar.addStretch(1)

        hint = QLabel(self.tr(
            "Every figure is counted from the dated records (admission, 转正, leaving, "
            "transfers, flow), so a past year's tables stay the same. Counts include every "
            "member; only the counts are submitted."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.status = QLabel()
        self.status.setWordWrap(True)

        self.gaps_label = QLabel(self.tr("Gaps in the records"))
        self.gaps = QListWidget()
        self.gaps.itemActivated.connect(self._open)
        self.balance_label = QLabel()
        self.balance_label.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.itemActivated.connect(self._open)
        checks = QWidget()
        side = QVBoxLayout(checks)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.gaps_label)
        side.addWidget(self.gaps, 2)
        side.addWidget(QLabel(self.tr("Balance check (end = start + increase − decrease)")))
        side.addWidget(self.balance_label)
        side.addWidget(self.errors, 1)

        self.tabs = QTabWidget()
        self.tabs.setUsesScrollButtons(True)
        splitter = QSplitter()
        splitter.addWidget(checks)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 1000])
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(hint)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)
        self._enable(False)

    # ------------------------------------------------------------ making the tables
    def refresh(self) -> None:
        year, as_of = self.year.value(), self.as_of.date_value()
        if as_of is not None and as_of.year != year:
            self._say(texts.as_of_outside_year(as_of, year), ok=False)
            return
        self._enable(False)  # the tables shown are another year's or day's until counted
        workspace = self._workspace
        self.status.setText(self.tr("Counting…"))
        self.status.setStyleSheet("")

        def operation(_context: TaskContext) -> Report:
            with workspace.unit_of_work(read_only=True) as uow:
                return statistics.make_report(uow, year, as_of)

        self.loader.run(operation)

    def clear(self) -> None:
        self.loader.drop()
        self.report = None
        self.gaps.clear()
        self.errors.clear()
        self.tabs.clear()
        self.status.clear()
        self.balance_label.clear()
        self._enable(False)

    def _failed(self, error: BaseException) -> None:
        self._say(message_for(error), ok=False)

    def _show(self, report: Any) -> None:
        self.report = report
        self.gaps.clear()
        for gap in report.gaps:
            item = QListWidgetItem(texts.gap_line(gap))
            item.setData(MEMBER_ID, gap.member_id)
            self.gaps.addItem(item)
        self.gaps_label.setText(texts.gaps_heading(len(report.gaps)))
        self.errors.clear()
        for error in report.errors:
            item = QListWidgetItem(texts.error_line(error))
            item.setData(MEMBER_ID, error.member_id)
            self.errors.addItem(item)
        self.balance_label.setText("\n".join(texts.balance_line(b) for b in report.balances))
        self.balance_label.setStyleSheet("" if report.balanced else ERROR_STYLE)
        self.tabs.clear()
        for table in report.tables:
            self.tabs.addTab(self._table_widget(table), table.title)
        self._say(texts.made(report), ok=report.balanced)
        self._enable(True)

    def _table_widget(self, table: Any) -> QTableWidget:
        widget = QTableWidget(len(table.rows), len(table.columns))
        widget.setHorizontalHeaderLabels(list(table.columns))
        widget.setVerticalHeaderLabels([row.label for row in table.rows])
        widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for r, row in enumerate(table.rows):
            for c, value in enumerate(row.cells):
                item = QTableWidgetItem(str(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                widget.setItem(r, c, item)
        header = widget.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return widget

    def _open(self, item: QListWidgetItem) -> None:
        self.open_member.emit(str(item.data(MEMBER_ID)))

    # ------------------------------------------------------------ export and submit
    def export(self, path: Path | None, suffix: str) -> BackgroundTask | None:
        report = self.report
        if report is None:
            return None
        if path is None:
            name = texts.file_name(report.year, suffix)
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export the statistics"), name, texts.file_filter(suffix))
            if not chosen:
                return None
            path = Path(chosen)
        target = path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
        workspace, today = self._workspace, self._today()

        def operation(_context: TaskContext) -> Any:
            with workspace.unit_of_work() as uow:
                if suffix == ".pdf":
                    statistics_export.export_pdf(uow, report, target, today)
                else:
                    statistics_export.export_workbook(uow, report, target, today)
                uow.commit()

        self.last_task = run_in_background(
            self, operation,
            on_success=lambda _r: self._say(texts.exported(target), ok=True),
            on_failure=lambda error: self._say(message_for(error), ok=False),
            title=self.tr("Writing the statistics…"), cancellable=False,
        )
        return self.last_task

    def submit(self) -> BackgroundTask | None:
        report = self.report
        if report is None:
            return None
        workspace = self._workspace

        def operation(_context: TaskContext) -> Any:
            with workspace.unit_of_work() as uow:
                statistics_export.submit(uow, report)
                uow.commit()

        def done(_result: Any) -> None:
            self._say(texts.submitted(report.year), ok=True)
            self.submitted.emit()

        self.last_task = run_in_background(
            self, operation, on_success=done,
            on_failure=lambda error: self._say(message_for(error), ok=False),
            title=self.tr("Submitting…"), cancellable=False,
        )
        return self.last_task

    def _enable(self, ready: bool) -> None:
        for button in (self.export_button, self.pdf_button, self.submit_button):
            button.setEnabled(ready)

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
