"""Transfers on 工作台: letters of introduction past their validity whose receipt has not come
back (组通字〔2006〕45号: the sending branch stays responsible until it does), and members away
six months or more who should transfer rather than stay 流出 (教育管理工作条例 第二十四条).

Worked out off the GUI thread (``ui.widgets.background_list``), like the reminders beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.documents.vocabulary import letter_number
from app.services import transfers
from app.services.workspace import Workspace
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import Operation, TaskContext
from ui.widgets.background_list import WARNING_STYLE, BackgroundList, more_label

Today = Callable[[], date]
MAX_SHOWN = 6


@dataclass(frozen=True)
class TransferReminder:
    member_id: str
    name: str
    letter: transfers.PendingTransfer | None = None  # an overdue letter
    flow: transfers.FlowEntry | None = None  # away long enough to transfer


def transfer_operation(workspace: Workspace, today: date) -> Operation:
    def work(_context: TaskContext) -> list[TransferReminder]:
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            letters = [p for p in transfers.pending_transfers(uow, today) if p.overdue]
            flows = [f for f in transfers.flow_members(uow, today) if f.transfer_advised]
        return ([TransferReminder(p.member_id, p.name, letter=p) for p in letters]
                + [TransferReminder(f.member_id, f.name, flow=f) for f in flows])

    return work


class TransferReminders(BackgroundList):
    """One line per overdue letter or long absence; nothing when there is none."""

    page = "members"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Transfers of membership"))
        self.entries: list[TransferReminder] = []

    def operation(self, today: date) -> Operation:
        return transfer_operation(self._workspace, today)

    def working_text(self) -> str:
        return self.tr("Looking for letters of introduction…")

    def failure_text(self, reason: str) -> str:
        return self.tr("The transfers could not be checked: {reason}").format(reason=reason)

    def lines(self, entries: list[TransferReminder]) -> list[QLabel]:
        labels = []
        for entry in entries[:MAX_SHOWN]:
            if entry.letter is not None:
                text = self.tr(
                    "{name}: the letter of introduction {number} to {destination} was valid "
                    "until {date}, and its receipt has not come back."
                ).format(name=entry.name, number=letter_number(entry.letter.letter_no),
                         destination=entry.letter.destination,
                         date=entry.letter.expires_on.isoformat())
                style = ERROR_STYLE
            else:
                assert entry.flow is not None  # noqa: S101 - one of the two is set
                text = self.tr(
                    "{name}: away in {place} since {date} (six months or more): the membership "
                    "should be transferred."
                ).format(name=entry.name, place=entry.flow.place,
                         date=entry.flow.since.isoformat() if entry.flow.since else "")
                style = WARNING_STYLE
            label = QLabel(text)
            label.setWordWrap(True)
            label.setStyleSheet(style)
            labels.append(label)
        hidden = len(entries) - MAX_SHOWN
        if hidden > 0:
            labels.append(more_label(self.tr(
                "{count} more: see Members › Register › Awaiting receipt."
            ).format(count=hidden)))
        return labels

    def shown(self) -> list[str]:
        """The member names listed (for tests)."""
        return [e.name for e in self.entries]
