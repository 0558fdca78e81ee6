"""党务公开 on 工作台: a 公示期 ending in the next days, items approved but not yet published,
responses to a 发展/转正 公示 not yet in the member's record, and the yearly 党费 公开 not yet
made (from October)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.services import disclosures
from app.services.workspace import Workspace
from ui.common.tasks import Operation
from ui.widgets.background_list import (
    WARNING_STYLE,
    BackgroundList,
    Today,
    line_label,
    read_only_operation,
)


class DisclosureReminders(BackgroundList):
    """``entries``: what needs attention (empty: the widget is hidden)."""

    page = "disclosures"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Party-affairs disclosure"))
        self.entries: list[disclosures.Reminder] = []

    def operation(self, today: date) -> Operation:
        return read_only_operation(self._workspace,
                                   lambda uow: disclosures.reminders(uow, today))

    def lines(self, entries: list[disclosures.Reminder]) -> list[QLabel]:
        return [line_label(self._line(reminder), WARNING_STYLE) for reminder in entries]

    def _line(self, reminder: disclosures.Reminder) -> str:
        day = reminder.on.isoformat() if reminder.on else ""
        kind = disclosures.ReminderKind
        if reminder.kind is kind.ENDING:
            return self.tr("The disclosure period of “{title}” ends on {date}.").format(
                title=reminder.title, date=day)
        if reminder.kind is kind.WAITING:
            return self.tr("“{title}” was approved on {date} and is not yet published.").format(
                title=reminder.title, date=day)
        if reminder.kind is kind.UNNOTED:
            return self.tr(
                "Responses to “{title}” are not yet noted in the member's record."
            ).format(title=reminder.title)
        return self.tr(
            "The party dues collected and used have not been disclosed this year (at least "
            "once a year)."
        )
