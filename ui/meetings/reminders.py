"""Organizational life on 工作台: required meetings not yet held in the running periods (with the
days left), and those missed in the period just ended (last month, last quarter, last year).

The required frequencies are the branch's settings (组织生活 → 统计 → 要求召开的频次…).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.meetings import MeetingType, Period
from app.services import meetings
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import Operation
from ui.meetings.compliance_tab import period_text
from ui.widgets.background_list import (
    WARNING_STYLE,
    BackgroundList,
    Today,
    read_only_operation,
)

URGENT_DAYS = 7
"""A meeting due within this many days is shown in the warning colour."""


@dataclass(frozen=True)
class MeetingDue:
    """A required meeting not held yet in a running period (``days_left`` in it), or, with
    ``missed``, one not held in the period just ended."""

    meeting_type: MeetingType
    period: Period
    days_left: int = 0
    missed: bool = False


def meetings_due(uow: Any, today: date) -> list[MeetingDue]:
    """What is due as of ``today``, then what was missed in the periods just ended."""
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
    missed = sorted(
        ((period, kind) for report in reports.values() for period, kind in report.missed
         if period in previous and period.start >= since),
        key=lambda pk: (pk[0].first, pk[1].value),
    )
    return ([MeetingDue(r.meeting_type, r.period, r.days_left) for r in due]
            + [MeetingDue(kind, period, missed=True) for period, kind in missed])


class MeetingReminders(BackgroundList):
    """``due``: (type, period, days left) still to hold; ``missed``: (period, type) of the
    periods just ended. Always shown once loaded: no meeting due is said too."""

    page = "meetings"
    always_shown = True

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Organizational life"))
        self.entries: list[MeetingDue] = []

    @property
    def due(self) -> list[tuple[MeetingType, Period, int]]:
        return [(e.meeting_type, e.period, e.days_left) for e in self.entries if not e.missed]

    @property
    def missed(self) -> list[tuple[Period, MeetingType]]:
        return [(e.period, e.meeting_type) for e in self.entries if e.missed]

    def operation(self, today: date) -> Operation:
        return read_only_operation(self._workspace, lambda uow: meetings_due(uow, today))

    def lines(self, entries: list[MeetingDue]) -> list[QLabel]:
        due_label = QLabel()
        due_label.setObjectName("meetings_due")
        due_label.setWordWrap(True)
        due = [e for e in entries if not e.missed]
        if due:
            due_label.setStyleSheet(
                WARNING_STYLE if any(e.days_left <= URGENT_DAYS for e in due) else HINT_STYLE)
            due_label.setText("\n".join(
                self.tr("{type} ({period}): not held yet, {days} days left").format(
                    type=member_texts.label(e.meeting_type), period=period_text(e.period),
                    days=e.days_left)
                for e in due))
        else:
            due_label.setStyleSheet(NOTICE_STYLE)
            due_label.setText(self.tr("Every required meeting of this period has been held."))
        missed = [e for e in entries if e.missed]
        if not missed:
            return [due_label]
        missed_label = QLabel("\n".join(
            self.tr("Missed: {type} ({period})").format(
                type=member_texts.label(e.meeting_type), period=period_text(e.period))
            for e in missed))
        missed_label.setObjectName("meetings_missed")
        missed_label.setWordWrap(True)
        missed_label.setStyleSheet(ERROR_STYLE)
        return [due_label, missed_label]
