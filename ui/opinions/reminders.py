"""意见建议 on 工作台: entries still unanswered after the branch's time limit for their category
(settings on the 意见建议 page), oldest first."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.services import opinions
from app.services.opinions import Opinion
from app.services.workspace import Workspace
from ui.common import opinion_texts
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import Operation
from ui.widgets.background_list import (
    BackgroundList,
    Today,
    line_label,
    read_only_operation,
    shortened,
)

SHOWN = 8
"""At most this many lines; the rest are counted."""


class OpinionReminders(BackgroundList):
    """``entries``: the overdue opinions; hidden when there are none."""

    page = "opinions"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Opinions and suggestions"))
        self.entries: list[Opinion] = []

    def operation(self, today: date) -> Operation:
        return read_only_operation(self._workspace, lambda uow: opinions.overdue(uow, today))

    def lines(self, entries: list[Opinion]) -> list[QLabel]:
        labels = [line_label(self.tr(
            "Overdue: received {date} ({category}), {status}, answer was due by "
            "{due}").format(
                date=e.received_on.isoformat(),
                category=opinion_texts.label(e.category) if e.category else "",
                status=opinion_texts.label(e.status),
                due=e.due_on.isoformat() if e.due_on else ""), ERROR_STYLE)
            for e in entries[:SHOWN]]
        return shortened(labels, len(entries), SHOWN,
                         self.tr("and {count} more (see the Opinions page)"))
