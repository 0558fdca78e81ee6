"""组织生活会 整改 on 工作台: the items past their deadline and not done, whatever year's
组织生活会 found them (open items carry over; DOMAIN.md)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.services import rectification
from app.services.rectification import LedgerItem
from app.services.workspace import Workspace
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import Operation
from ui.widgets.background_list import (
    BackgroundList,
    Today,
    line_label,
    read_only_operation,
    shortened,
)

MAX_SHOWN = 8


class RectificationReminders(BackgroundList):
    """``entries``: the overdue items (the widget is hidden when there are none)."""

    page = "rectification"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Rectification overdue"))
        self.entries: list[LedgerItem] = []

    def operation(self, today: date) -> Operation:
        return read_only_operation(self._workspace,
                                   lambda uow: rectification.overdue(uow, today))

    def lines(self, entries: list[LedgerItem]) -> list[QLabel]:
        today = self._today()
        labels = [line_label(self.tr(
            "{owner}: {problem} (deadline {due}, {days} days overdue)").format(
                owner=item.owner_name, problem=_short(item.data.problem),
                due=item.data.due_on.isoformat(), days=(today - item.data.due_on).days),
            ERROR_STYLE) for item in entries[:MAX_SHOWN]]
        return shortened(labels, len(entries), MAX_SHOWN,
                         self.tr("… and {count} more (整改 page)"))


def _short(text: str, length: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[:length] + "…"
