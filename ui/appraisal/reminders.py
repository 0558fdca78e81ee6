"""民主评议 on 工作台: members whose 限期改正 (第30条) ends within 30 days or has ended without a
later appraisal, overdue ones in red. Worked out off the GUI thread like the other reminders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.services import appraisal
from app.services.workspace import Workspace
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import Operation, TaskContext
from ui.widgets.background_list import WARNING_STYLE, BackgroundList, more_label

Today = Callable[[], date]

WITHIN_DAYS = 30
MAX_SHOWN = 6


def corrections_operation(workspace: Workspace, today: date) -> Operation:
    def work(_context: TaskContext) -> list[appraisal.CorrectionDue]:
        with workspace.unit_of_work(read_only=True) as uow:
            return appraisal.corrections_due(uow, today, WITHIN_DAYS)

    return work


class CorrectionReminders(BackgroundList):
    """One line per 限期改正 due for review; nothing when none is. ``loaded`` after a refresh."""

    page = "appraisal"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Democratic appraisal: corrections to review"))
        self.entries: list[appraisal.CorrectionDue] = []

    def operation(self, today: date) -> Operation:
        return corrections_operation(self._workspace, today)

    def working_text(self) -> str:
        return self.tr("Looking for corrections to review…")

    def failure_text(self, reason: str) -> str:
        return self.tr("The corrections could not be listed: {reason}").format(reason=reason)

    def lines(self, entries: list[appraisal.CorrectionDue]) -> list[QLabel]:
        today = self._today()
        labels = []
        for entry in entries[:MAX_SHOWN]:
            overdue = entry.until < today
            text = (self.tr("{name}: the correction period of {year} ended on {date}; review it")
                    if overdue else
                    self.tr("{name}: the correction period of {year} ends on {date}"))
            label = QLabel(text.format(name=entry.name, year=entry.year,
                                       date=entry.until.isoformat()))
            label.setWordWrap(True)
            label.setStyleSheet(ERROR_STYLE if overdue else WARNING_STYLE)
            labels.append(label)
        hidden = len(entries) - MAX_SHOWN
        if hidden > 0:
            labels.append(more_label(self.tr(
                "{count} more: see Democratic appraisal.").format(count=hidden)))
        return labels

    def shown(self) -> list[str]:
        return [e.name for e in self.entries]
