"""The committee's next 换届 on 工作台: shown from six months before its term ends (《中国共产党基层
组织选举工作条例》: the higher committee reminds six months ahead), in red once it has ended.

The term (3 years, 5 for 村 and 社区 branches) and the last 换届 are in 设置 › 支部; the services
work out the reminder (``branch.committee_status``). A branch without a committee (fewer than 7
full members, 支部工作条例 第二十一条) gets none.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.branch import ElectionReminder as Reminder
from app.services import branch
from app.services.workspace import Workspace
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import Operation
from ui.widgets.background_list import (
    WARNING_STYLE,
    BackgroundList,
    Today,
    read_only_operation,
)


def election_due(uow: Any, today: date) -> list[Reminder]:
    """The reminder of the committee's term, when there is a committee and one is due."""
    committee = branch.committee_status(uow, today)
    if committee.reminder is None or not committee.has_committee:
        return []
    return [committee.reminder]


class ElectionReminder(BackgroundList):
    """Hidden unless the committee's term ends within six months or has ended."""

    page = "settings"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Branch committee election"))
        self.entries: list[Reminder] = []

    def operation(self, today: date) -> Operation:
        return read_only_operation(self._workspace, lambda uow: election_due(uow, today))

    def lines(self, entries: list[Reminder]) -> list[QLabel]:
        reminder = entries[0]
        if reminder.overdue:
            text = self.tr(
                "The branch committee's term ended on {date} ({days} days ago): hold the "
                "election (换届), or record its date in Settings › Branch."
            ).format(date=reminder.due.isoformat(), days=-reminder.days_left)
        else:
            text = self.tr(
                "The branch committee's term ends on {date} (in {days} days): prepare the "
                "election (换届) and ask the higher party organization."
            ).format(date=reminder.due.isoformat(), days=reminder.days_left)
        label = QLabel(text)
        label.setObjectName("election_reminder")
        label.setWordWrap(True)
        label.setStyleSheet(ERROR_STYLE if reminder.overdue else WARNING_STYLE)
        return [label]
