"""The study record on 工作台: members behind their pace for the year's target (教育管理条例
第20条: 32 学时; 56 for the secretary and committee members). On pace is the target spread over
the months already over; exempt members (第23条) never show. Worked out off the GUI thread like
the dues arrears (``ui.widgets.background_list``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.study import hours_text
from app.services import study
from app.services.study import TableLine
from app.services.workspace import Workspace
from ui.common.tasks import Operation, TaskContext
from ui.widgets.background_list import WARNING_STYLE, BackgroundList, more_label

Today = Callable[[], date]
MAX_SHOWN = 8


def behind_operation(workspace: Workspace, today: date) -> Operation:
    def work(_context: TaskContext) -> list[TableLine]:
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            return study.behind_pace(uow, today)

    return work


class StudyReminders(BackgroundList):
    """One line per member behind the pace, the furthest behind first."""

    page = "study"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Study hours behind the pace"))
        self.entries: list[TableLine] = []

    def operation(self, today: date) -> Operation:
        return behind_operation(self._workspace, today)

    def working_text(self) -> str:
        return self.tr("Working out the study hours of the year…")

    def failure_text(self, reason: str) -> str:
        return self.tr("The study hours could not be worked out: {reason}").format(reason=reason)

    def lines(self, entries: list[TableLine]) -> list[QLabel]:
        labels = []
        for line in entries[:MAX_SHOWN]:
            label = QLabel(self.tr(
                "{name}: {hours} of {target} hours this year (on pace: {expected})"
            ).format(name=line.name, hours=hours_text(line.total),
                     target=hours_text(line.target) if line.target is not None else "",
                     expected=hours_text(line.expected)))
            label.setWordWrap(True)
            label.setStyleSheet(WARNING_STYLE)
            labels.append(label)
        hidden = len(entries) - MAX_SHOWN
        if hidden > 0:
            labels.append(more_label(self.tr(
                "{count} more members: see Study record."
            ).format(count=hidden)))
        return labels

    def shown(self) -> list[str]:
        return [line.name for line in self.entries]
