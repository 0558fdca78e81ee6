"""The committee's next 换届 on 工作台: shown from six months before its term ends (《中国共产党基层
组织选举工作条例》: the higher committee reminds six months ahead), in red once it has ended.

The term (3 years, 5 for 村 and 社区 branches) and the last 换届 are in 设置 › 支部; the services
work out the reminder (``branch.committee_status``). A branch without a committee (fewer than 7
full members, 支部工作条例 第二十一条) gets none.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.services import branch
from ui.common.styles import ERROR_STYLE
from ui.widgets.background_list import WARNING_STYLE


class ElectionReminder(QLabel):
    """Hidden unless the committee's term ends within six months or has ended."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("election_reminder")
        self.setWordWrap(True)
        self.hide()

    @property
    def shown(self) -> bool:
        return not self.isHidden()

    def show_status(self, committee: branch.CommitteeStatus) -> None:
        reminder = committee.reminder
        if reminder is None or not committee.has_committee:
            self.clear()
            return
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
        self.setText(text)
        self.setStyleSheet(ERROR_STYLE if reminder.overdue else WARNING_STYLE)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.hide()
