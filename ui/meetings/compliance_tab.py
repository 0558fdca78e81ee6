"""组织生活's 统计 tab: for a year, every month, quarter and the year with each required meeting
type — held, missed (the period is over) or still due. The required frequencies are settings
(要求召开的频次…, ``FrequenciesDialog``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app.domain.calendar import Quarter
from app.domain.meetings import Frequency, MeetingType, Period
from app.errors import BranchDeskError
from app.services import meetings
from app.services.meetings import ComplianceReport
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import HINT_STYLE
from ui.meetings.frequencies_dialog import FrequenciesDialog

Today = Callable[[], date]

HELD_BRUSH = QBrush(QColor("#e8f5e9"))
MISSED_BRUSH = QBrush(QColor("#ffebee"))
DUE_BRUSH = QBrush(QColor("#fff8e1"))
NOT_REQUIRED_BRUSH = QBrush(QColor("#f5f5f5"))


def period_text(period: Period) -> str:
    """A period as a secretary names it: 2026年11月, 2026年第四季度, 2026年全年."""
    if period.frequency is Frequency.MONTHLY:
        return QCoreApplication.translate("MeetingsPage", "{month}/{year}").format(
            year=period.first.year, month=period.first.month
        )
    if period.frequency is Frequency.QUARTERLY:
        quarters = (
            QCoreApplication.translate("MeetingsPage", "first quarter"),
            QCoreApplication.translate("MeetingsPage", "second quarter"),
            QCoreApplication.translate("MeetingsPage", "third quarter"),
            QCoreApplication.translate("MeetingsPage", "fourth quarter"),
        )
        return QCoreApplication.translate("MeetingsPage", "{quarter} of {year}").format(
            year=period.first.year, quarter=quarters[Quarter.of(period.first).quarter - 1]
        )
    return QCoreApplication.translate("MeetingsPage", "{year} (whole year)").format(
        year=period.first.year
    )


class ComplianceTab(QWidget):
    """``frequencies_saved`` after the required frequencies were changed. ``report`` is what is
    shown (None until the tab was first read, and after ``clear``)."""

    frequencies_saved = Signal()

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.report: ComplianceReport | None = None
        self.frequencies_dialog: FrequenciesDialog | None = None
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(self._today().year)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.frequencies_button = QPushButton(self.tr("Required meetings…"))
        self.frequencies_button.clicked.connect(self.edit_frequencies)
        self.summary = QLabel()
        self.summary.setObjectName("compliance_summary")
        self.summary.setWordWrap(True)
        legend = QLabel(self.tr(
            "✓ held   ✗ missed (the period is over)   ○ still due   blank: not required in "
            "this period"
        ))
        legend.setStyleSheet(HINT_STYLE)
        self.table = QTableWidget(0, 0)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.verticalHeader().setDefaultSectionSize(26)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addSpacing(12)
        top.addWidget(self.summary, 1)
        top.addWidget(self.frequencies_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(legend)
        layout.addWidget(self.table, 1)

    def show_unread(self) -> None:
        """Read the report the first time the tab is shown."""
        if self.report is None:
            try:
                self.refresh()
            except BranchDeskError as error:
                self.summary.setText(message_for(error))

    def refresh(self) -> None:
        """Read the year's report from the (unlocked) workspace; raises BranchDeskError."""
        if not self._workspace.is_unlocked:
            return
        with self._workspace.unit_of_work(read_only=True) as uow:
            self.report = meetings.compliance_report(
                uow, self.year_spin.value(), as_of=self._today()
            )
        self._show(self.report)

    def _show(self, report: ComplianceReport) -> None:
        types = [t for t in MeetingType if any(t in p.required for p in report.periods)]
        table = self.table
        table.clear()
        table.setColumnCount(len(types))
        table.setRowCount(len(report.periods))
        table.setHorizontalHeaderLabels([member_texts.label(t) for t in types])
        table.setVerticalHeaderLabels([period_text(p.period) for p in report.periods])
        held = missed = due = 0
        for row, period in enumerate(report.periods):
            for column, meeting_type in enumerate(types):
                if meeting_type not in period.required:
                    item = QTableWidgetItem("")
                    item.setBackground(NOT_REQUIRED_BRUSH)
                elif meeting_type in period.held:
                    held += 1
                    item = QTableWidgetItem(self.tr("✓ held"))
                    item.setBackground(HELD_BRUSH)
                elif period.closed:
                    missed += 1
                    item = QTableWidgetItem(self.tr("✗ missed"))
                    item.setBackground(MISSED_BRUSH)
                    item.setForeground(QBrush(QColor("#b00020")))
                else:
                    due += 1
                    item = QTableWidgetItem(self.tr("○ still due"))
                    item.setBackground(DUE_BRUSH)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary.setText(self.tr(
            "{year}: {held} required meetings held, {missed} missed, {due} still due."
        ).format(year=report.year, held=held, missed=missed, due=due))

    def cells(self) -> dict[tuple[str, str], str]:
        """(period, type) → cell text of the compliance table, for tests."""
        table = self.table
        cells = {}
        for row in range(table.rowCount()):
            period = table.verticalHeaderItem(row)
            for column in range(table.columnCount()):
                kind = table.horizontalHeaderItem(column)
                item = table.item(row, column)
                if period and kind and item:
                    cells[(period.text(), kind.text())] = item.text()
        return cells

    def edit_frequencies(self) -> FrequenciesDialog:
        dialog = FrequenciesDialog(self._workspace, self)
        dialog.saved.connect(self._after_frequencies)
        self.frequencies_dialog = dialog
        dialog.open()
        return dialog

    def _after_frequencies(self) -> None:
        try:
            self.refresh()
        except BranchDeskError as error:
            self.summary.setText(message_for(error))
        self.frequencies_saved.emit()

    def clear(self) -> None:
        """Forget the report shown (the workspace was locked); the year stays."""
        self.report = None
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)
        self.summary.clear()
