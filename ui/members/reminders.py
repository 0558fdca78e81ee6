"""Developing new members on 工作台: the deadlines of the coming weeks (a talk with an applicant, an
activist's half-yearly review, the committee's approval, the end of a probation year), overdue
ones first in red.

Worked out off the GUI thread (``ui.widgets.background_list``, its own read-only unit of work), like
the dues arrears beside it: every member in development is folded through the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.development import Deadline
from app.domain.name_order import pinyin_key
from app.services import members
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import Operation, TaskContext
from ui.members.development_tab import deadline_words
from ui.widgets.background_list import WARNING_STYLE, BackgroundList, more_label

Today = Callable[[], date]

WITHIN_DAYS = 30
MAX_SHOWN = 6


@dataclass(frozen=True)
class PipelineDeadline:
    member_id: str
    name: str
    deadline: Deadline


def pipeline_operation(workspace: Workspace, today: date) -> Operation:
    """The background operation listing the development deadlines due within WITHIN_DAYS of
    ``today`` (overdue ones included), the earliest first."""

    def work(_context: TaskContext) -> list[PipelineDeadline]:
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            items = members.development_overview(uow, today, WITHIN_DAYS)
        found = [PipelineDeadline(i.member_id, i.name, d) for i in items for d in i.deadlines]
        return sorted(found, key=lambda p: (p.deadline.due_date, pinyin_key(p.name)))

    return work


class DevelopmentReminders(BackgroundList):
    """One line per deadline; nothing when none is near. ``loaded`` after each refresh."""

    page = "members"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Developing new members"))
        self.entries: list[PipelineDeadline] = []

    def operation(self, today: date) -> Operation:
        return pipeline_operation(self._workspace, today)

    def working_text(self) -> str:
        return self.tr("Looking for development deadlines…")

    def failure_text(self, reason: str) -> str:
        return self.tr(
            "The development deadlines could not be worked out: {reason}"
        ).format(reason=reason)

    def lines(self, entries: list[PipelineDeadline]) -> list[QLabel]:
        today = self._today()
        labels = []
        for entry in entries[:MAX_SHOWN]:
            label = QLabel(self.tr("{name}: {deadline} on {date} ({when})").format(
                name=entry.name, deadline=member_texts.label(entry.deadline.kind),
                date=entry.deadline.due_date.isoformat(),
                when=deadline_words(entry.deadline, today),
            ))
            label.setWordWrap(True)
            overdue = entry.deadline.due_date < today
            label.setStyleSheet(ERROR_STYLE if overdue else WARNING_STYLE)
            labels.append(label)
        hidden = len(entries) - MAX_SHOWN
        if hidden > 0:
            labels.append(more_label(self.tr(
                "{count} more: see Members › Development of new members."
            ).format(count=hidden)))
        return labels

    def shown(self) -> list[tuple[str, str]]:
        """(name, deadline kind code) of every deadline listed (for tests)."""
        return [(e.name, e.deadline.kind.value) for e in self.entries]
