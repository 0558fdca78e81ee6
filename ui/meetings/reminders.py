"""Organizational life on 工作台: required meetings not yet held in the running periods (with the
days left), and those missed in the period just ended (last month, last quarter, last year).

The required frequencies are the branch's settings (组织生活 → 统计 → 要求召开的频次…).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.meetings import MeetingType, Period
from app.services import meetings
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.meetings.compliance_tab import period_text

Today = Callable[[], date]

WARNING_STYLE = "color: #8a5300;"
URGENT_DAYS = 7
"""A meeting due within this many days is shown in the warning colour."""


class MeetingReminders(QWidget):
    """``due``: (type, period, days left) still to hold; ``missed``: (period, type) of the
    periods just ended."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.due: list[tuple[MeetingType, Period, int]] = []
        self.missed: list[tuple[Period, MeetingType]] = []
        self.heading = QLabel(self.tr("Organizational life"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.due_label = QLabel()
        self.due_label.setObjectName("meetings_due")
        self.due_label.setWordWrap(True)
        self.missed_label = QLabel()
        self.missed_label.setObjectName("meetings_missed")
        self.missed_label.setWordWrap(True)
        self.missed_label.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.due_label)
        layout.addWidget(self.missed_label)
        self.hide()

    def refresh(self) -> None:
        """Read what is due and what was missed as of today. Raises BranchDeskError."""
        today = self._today()
        with self._workspace.unit_of_work(read_only=True) as uow:
            due = meetings.reminders(uow, today, within_days=366)
            since = meetings.records_since(uow)
            frequencies = meetings.load_frequencies(uow)
            previous = {
                Period.containing(f, Period.containing(f, today).start - timedelta(days=1))
                for f in set(frequencies.values()) if f is not None
            }
            reports = {
                year: meetings.compliance_report(uow, year, as_of=today)
                for year in {p.first.year for p in previous}
            }
        self.due = [(r.meeting_type, r.period, r.days_left) for r in due]
        self.missed = sorted(
            ((period, kind) for report in reports.values() for period, kind in report.missed
             if period in previous and period.start >= since),
            key=lambda pk: (pk[0].first, pk[1].value),
        )
        self._show()

    def _show(self) -> None:
        if self.due:
            lines = []
            urgent = False
            for kind, period, days_left in self.due:
                urgent = urgent or days_left <= URGENT_DAYS
                lines.append(self.tr("{type} ({period}): not held yet, {days} days left").format(
                    type=member_texts.label(kind), period=period_text(period), days=days_left
                ))
            self.due_label.setStyleSheet(WARNING_STYLE if urgent else HINT_STYLE)
            self.due_label.setText("\n".join(lines))
        else:
            self.due_label.setStyleSheet(NOTICE_STYLE)
            self.due_label.setText(self.tr("Every required meeting of this period has been held."))
        if self.missed:
            self.missed_label.setText("\n".join(
                self.tr("Missed: {type} ({period})").format(
                    type=member_texts.label(kind), period=period_text(period)
                )
                for period, kind in self.missed
            ))
            self.missed_label.show()
        else:
            self.missed_label.clear()
            self.missed_label.hide()
        self.show()

    def clear(self) -> None:
        self.due = []
        self.missed = []
        self.due_label.clear()
        self.missed_label.clear()
        self.hide()
