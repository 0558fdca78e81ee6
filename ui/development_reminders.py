"""Developing new members on 工作台: the deadlines of the coming weeks (a talk with an applicant, an
activist's half-yearly review, the committee's approval, the end of a probation year), overdue
ones first in red.

Worked out off the GUI thread (``ui.tasks.LatestOnly``, its own read-only unit of work), like
the dues arrears beside it: every member in development is folded through the rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.development import Deadline
from app.services import members
from app.services.workspace import Workspace
from ui import member_texts
from ui.messages import message_for
from ui.pages.members import deadline_words
from ui.styles import ERROR_STYLE, HINT_STYLE
from ui.tasks import LatestOnly, Operation, TaskContext

Today = Callable[[], date]

WITHIN_DAYS = 30
MAX_SHOWN = 6
WARNING_STYLE = "color: #8a5300;"


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
        return sorted(found, key=lambda p: (p.deadline.due_date, p.name))

    return work


class DevelopmentReminders(QWidget):
    """One line per deadline; nothing when none is near. ``loaded`` after each refresh."""

    loaded = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[PipelineDeadline] = []
        self.labels: list[QLabel] = []
        self._latest = LatestOnly(self, self._arrived, self._failed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Developing new members"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.status_label)
        self.hide()

    @property
    def busy(self) -> bool:
        return self._latest.busy

    def refresh(self) -> None:
        self._show_status(self.tr("Looking for development deadlines…"), HINT_STYLE)
        self._latest.run(pipeline_operation(self._workspace, self._today()))

    def clear(self) -> None:
        self._latest.drop()
        self.show_entries([])

    def _arrived(self, entries: list[PipelineDeadline]) -> None:
        self.show_entries(entries)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.show_entries([])
        self._show_status(self.tr("The development deadlines could not be worked out: {reason}")
                          .format(reason=message_for(error)), ERROR_STYLE)
        self.loaded.emit()

    def _show_status(self, text: str, style: str) -> None:
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        self.status_label.show()
        for label in self.labels:
            label.hide()
        self.show()

    def show_entries(self, entries: list[PipelineDeadline]) -> None:
        self.entries = list(entries)
        self.status_label.hide()
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        today = self._today()
        for entry in self.entries[:MAX_SHOWN]:
            label = QLabel(self.tr("{name}: {deadline} on {date} ({when})").format(
                name=entry.name, deadline=member_texts.label(entry.deadline.kind),
                date=entry.deadline.due_date.isoformat(),
                when=deadline_words(entry.deadline, today),
            ))
            label.setWordWrap(True)
            overdue = entry.deadline.due_date < today
            label.setStyleSheet(ERROR_STYLE if overdue else WARNING_STYLE)
            self._layout.addWidget(label)
            self.labels.append(label)
        hidden = len(self.entries) - MAX_SHOWN
        if hidden > 0:
            more = QLabel(self.tr(
                "{count} more: see Members › Development of new members."
            ).format(count=hidden))
            more.setStyleSheet(WARNING_STYLE)
            self._layout.addWidget(more)
            self.labels.append(more)
        self.setVisible(bool(self.entries))

    def shown(self) -> list[tuple[str, str]]:
        """(name, deadline kind code) of every deadline listed (for tests)."""
        return [(e.name, e.deadline.kind.value) for e in self.entries]
