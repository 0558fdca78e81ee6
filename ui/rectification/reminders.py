"""组织生活会 整改 on 工作台: the items past their deadline and not done, whatever year's
组织生活会 found them (open items carry over; DOMAIN.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from app.services import rectification
from app.services.rectification import LedgerItem
from app.services.workspace import Workspace
from ui.common.styles import ERROR_STYLE
from ui.widgets.reminder_section import ReminderSection

Today = Callable[[], date]
MAX_SHOWN = 8


class RectificationReminders(ReminderSection):
    """``entries``: the overdue items (the widget is hidden when there are none)."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, self.tr("Rectification overdue"),
                         "rectification_overdue", ERROR_STYLE, parent)
        self.entries: list[LedgerItem] = []

    def refresh(self) -> None:
        """Read the overdue items as of today. Raises BranchDeskError."""
        today = self._today()
        with self._workspace.unit_of_work(read_only=True) as uow:
            self.entries = rectification.overdue(uow, today)
        if not self.entries:
            self.clear()
            return
        lines = [
            self.tr("{owner}: {problem} (deadline {due}, {days} days overdue)").format(
                owner=item.owner_name, problem=_short(item.data.problem),
                due=item.data.due_on.isoformat(), days=(today - item.data.due_on).days)
            for item in self.entries[:MAX_SHOWN]
        ]
        if len(self.entries) > MAX_SHOWN:
            lines.append(self.tr("… and {count} more (整改 page)").format(
                count=len(self.entries) - MAX_SHOWN))
        self.say("\n".join(lines))

    def clear(self) -> None:
        self.entries = []
        self.say("")


def _short(text: str, length: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"
