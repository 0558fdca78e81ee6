"""党内统计: the view. The year and reference date; the gaps found before the tables, grouped by
the field missing (a count each, expandable to the members; each member opens the record:
``open_member``, for the shell to connect); the tables, one tab each; the balance check; export
as a workbook or a PDF; and submitting the counts to the platform — not while the balance check
fails, and only after a confirmation while gaps remain.

The statistics are worked out off the GUI thread (``LatestOnly``: the newest request wins).
Not wired into the window here: the report centre (报表) places it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services import statistics, statistics_export
from app.services.statistics import Report
from app.services.statistics_checks import GAP_FIELDS, Gap
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, LatestOnly, TaskContext, run_in_background
from ui.statistics import texts
from ui.widgets.date_field import DateField
from ui.widgets.record_book import ask

Today = Callable[[], date]
MEMBER_ID = Qt.ItemDataRole.UserRole
GAP_FIELD = Qt.ItemDataRole.UserRole + 1  # a group's field, until its members are listed
EXPANDED_UP_TO = 30  # fewer gaps than this: every group is shown open


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
        self.year.valueChanged.connect(self._asked_changed)
        self.as_of.date_changed.connect(self._asked_changed)
        self.make_button = QPushButton(self.tr("Make the tables"))
        self.make_button.clicked.connect(self.refresh)
        self.export_button = QPushButton(self.tr("Export workbook…"))
        self.export_button.clicked.connect(lambda: self.export(None, ".xlsx"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.pdf_button.clicked.connect(lambda: self.export(None, ".pdf"))
        self.submit_button = QPushButton(self.tr("Submit to the platform"))
        self.submit_button.clicked.connect(self.submit)
        self.question: QMessageBox | None = None
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
        self.status = QLabel(self.tr("Choose the year and click “Make the tables”."))
        self.status.setWordWrap(True)

        self.gaps_label = QLabel(self.tr("Gaps in the records"))
        self.gaps_label.setWordWrap(True)  # long: it must not widen the side of the checks
        self.gaps = QTreeWidget()
        self.gaps.setHeaderHidden(True)
        self.gaps.setUniformRowHeights(True)
        self.gaps.itemExpanded.connect(self._list_members)
        self.gaps.itemActivated.connect(self._open)
        self._gap_groups: dict[str, list[Gap]] = {}
        self.balance_label = QLabel()
        self.balance_label.setWordWrap(True)
        self.errors = QListWidget()
        self.errors.setWordWrap(True)  # a line names the member and what to correct: whole
        self.errors.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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
        splitter.setSizes([400, 700])  # the checks' lines stay readable beside the tables
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

    def showEvent(self, event: QShowEvent) -> None:
        """Shown again (back from a member's record opened from the gaps, say): the tables
        shown are counted again, so what was corrected meanwhile is not submitted stale."""
        super().showEvent(event)
        if self.report is not None and not self.loader.busy and self._shows_asked():
            self.refresh()

    def _shows_asked(self) -> bool:
        """Whether the tables shown are those of the year and date now chosen."""
        report, as_of = self.report, self.as_of.date_value()
        return report is not None and report.year == self.year.value() and report.as_of == (
            as_of or date(report.year, 12, 31))

    def _asked_changed(self) -> None:
        if self.report is not None and not self.loader.busy:
            self._say_made(self.report)

    def _say_made(self, report: Report) -> None:
        """The tables shown are made: ready, unless another year or date is chosen now."""
        if self._shows_asked():
            self._say(texts.made(report), ok=report.balanced)
            self._enable(True)
        else:
            self._enable(False)
            self.status.setText(self.tr(
                "The year or the reference date was changed: click “Make the tables” before "
                "exporting or submitting."))
            self.status.setStyleSheet("")

    def clear(self) -> None:
        self.loader.drop()
        self.report = None
        self.gaps.clear()
        self._gap_groups = {}
        self.errors.clear()
        self.tabs.clear()
        self.status.clear()
        self.balance_label.clear()
        self._enable(False)

    def _failed(self, error: BaseException) -> None:
        self._say(message_for(error), ok=False)

    def _show(self, report: Any) -> None:
        self.report = report
        self._show_gaps(report.gaps)
        self.errors.clear()
        for error in report.errors:
            item = QListWidgetItem(texts.error_line(error))
            item.setToolTip(item.text())
            item.setData(MEMBER_ID, error.member_id)
            self.errors.addItem(item)
        self.errors.setVisible(bool(report.errors))  # the gaps get the room when none
        self.balance_label.setText("\n".join(texts.balance_line(b) for b in report.balances))
        self.balance_label.setStyleSheet("" if report.balanced else ERROR_STYLE)
        self.tabs.clear()
        for table in report.tables:
            self.tabs.addTab(self._table_widget(table), table.title)
        self._say_made(report)

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

    def _show_gaps(self, gaps: tuple[Gap, ...]) -> None:
        """One line per missing field with its count; its members are listed when it is opened
        (10,000 members without 职业 after an upgrade stay one line until then)."""
        self.gaps.clear()
        self._gap_groups = {}
        for gap in gaps:
            self._gap_groups.setdefault(gap.field, []).append(gap)
        for field, _heading in GAP_FIELDS:
            members = self._gap_groups.get(field)
            if not members:
                continue
            group = QTreeWidgetItem([texts.gap_group_line(field, len(members))])
            group.setData(0, GAP_FIELD, field)
            group.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self.gaps.addTopLevelItem(group)
            if len(gaps) < EXPANDED_UP_TO:
                group.setExpanded(True)
        self.gaps_label.setText(texts.gaps_heading(len(gaps)))

    def _list_members(self, group: QTreeWidgetItem) -> None:
        field = group.data(0, GAP_FIELD)
        if not field:
            return  # listed already
        group.setData(0, GAP_FIELD, None)
        children = []
        for gap in self._gap_groups.get(field, []):
            child = QTreeWidgetItem([gap.name])
            child.setData(0, MEMBER_ID, gap.member_id)
            children.append(child)
        group.addChildren(children)

    def _open(self, item: QListWidgetItem | QTreeWidgetItem, _column: int = 0) -> None:
        member_id = item.data(MEMBER_ID) if isinstance(item, QListWidgetItem) else item.data(
            0, MEMBER_ID)
        if member_id:  # a group's line opens and closes the group (double-click)
            self.open_member.emit(str(member_id))

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
        """Send the counts; while gaps remain, only once the secretary confirms (``question``,
        not blocking: ``send`` runs on 仍然报送). Not while the balance check fails."""
        report = self.report
        if report is None:
            return None
        if not report.balanced:  # the button is off; said again should it be reached anyway
            self._say(texts.submit_blocked(), ok=False)
            return None
        if report.gaps:
            self.question = ask(
                self, self.tr("Submit to the platform"),
                texts.confirm_gaps(report.year, len(report.gaps),
                                   {field: len(g) for field, g in self._gap_groups.items()}),
                self.tr("Submit anyway"), self._confirmed, icon=QMessageBox.Icon.Warning)
            self.question.finished.connect(self._answered)
            return None
        return self.send()

    def _confirmed(self) -> None:
        self.send()

    def _answered(self, _result: int) -> None:
        self.question = None  # the box closes itself (and is deleted)

    def send(self) -> BackgroundTask | None:
        """Submit the counts shown (the service refuses an unbalanced year again)."""
        report = self.report
        if report is None:
            return None
        self._enable(False)  # once: the buttons come back when it is done
        workspace = self._workspace

        def operation(_context: TaskContext) -> Any:
            with workspace.unit_of_work() as uow:
                statistics_export.submit(uow, report)
                uow.commit()

        def again() -> None:
            if self.report is report and not self.loader.busy:  # not while counting again
                self._enable(True)

        def done(_result: Any) -> None:
            again()
            self._say(texts.submitted(report.year), ok=True)
            self.submitted.emit()

        def failed(error: BaseException) -> None:
            again()
            self._say(message_for(error), ok=False)

        self.last_task = run_in_background(
            self, operation, on_success=done, on_failure=failed,
            title=self.tr("Submitting…"), cancellable=False,
        )
        return self.last_task

    def _enable(self, ready: bool) -> None:
        for button in (self.export_button, self.pdf_button):
            button.setEnabled(ready)
        balanced = ready and self.report is not None and self.report.balanced
        self.submit_button.setEnabled(balanced)
        self.submit_button.setToolTip(
            texts.submit_blocked() if ready and not balanced else self.tr(
                "Only the counts of the tables are sent; names and lists stay on this PC."))

    def _say(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
