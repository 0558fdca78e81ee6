"""Dues arrears on 工作台: members 3 or more consecutive months behind (第十三条).

Three or four months: a reminder. Five months: prominent, in red — one more month makes six, and
six months unpaid without good reason is treated as leaving the party (第十三条). Six or more:
prominent as well; the branch looks into it and decides. The app only reminds.

The list is worked out from every member's dues fold (``app.services.dues_folds``: the folds of
the members changed since the last time are kept first, a moment for 10,000 members after a
month's amounts), off the GUI thread (``ui.widgets.background_list``, with its own unit of work)
while a line says so: one computation at a time, and only the newest wanted result is shown (not
one refreshed again since, nor one that ends after the data was locked). 党费 › 欠缴提醒 works it
out the same way (``arrears_operation``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.dues import ArrearsLevel
from app.services import dues, dues_folds
from app.services.dues import ArrearsEntry
from app.services.workspace import Workspace
from ui.common import dues_texts
from ui.common.styles import HINT_STYLE
from ui.common.tasks import Operation, TaskContext
from ui.widgets.background_list import WARNING_STYLE, BackgroundList, more_label

Today = Callable[[], date]

PROMINENT_STYLE = (
    "color: #b00020; font-weight: bold; background: #fdecea; border: 1px solid #f5c2c0; "
    "border-radius: 3px; padding: 4px 6px;"
)
MAX_SHOWN = 12


def is_prominent(level: ArrearsLevel) -> bool:
    return level in (ArrearsLevel.SEVERE, ArrearsLevel.LAPSED)


def arrears_operation(workspace: Workspace, today: date) -> Operation:
    """The background operation that lists the arrears as of ``today``, in its own session."""

    def work(_context: TaskContext) -> list[ArrearsEntry]:
        dues_folds.keep_current(workspace)  # the members changed since: kept once, here
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            return dues.arrears_list(uow, today, dues_folds.members_ledger(uow))

    return work


class ArrearsReminders(BackgroundList):
    """One line per member in arrears, the longest first; nothing when nobody is.

    ``loaded`` is emitted when a refresh has been shown (its list, or why it failed).
    """

    page = "dues"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        note = QLabel(dues_texts.article_13_note())
        note.setWordWrap(True)
        note.setStyleSheet(HINT_STYLE)
        super().__init__(workspace, today, note, parent)
        self.set_heading(self.tr("Party dues in arrears"))
        self.entries: list[ArrearsEntry] = []

    def operation(self, today: date) -> Operation:
        return arrears_operation(self._workspace, today)

    def working_text(self) -> str:
        return self.tr("Working out who is behind with their dues…")

    def failure_text(self, reason: str) -> str:
        return self.tr("The dues arrears could not be worked out: {reason}").format(reason=reason)

    def lines(self, entries: list[ArrearsEntry]) -> list[QLabel]:
        labels = []
        for entry in entries[:MAX_SHOWN]:
            level = entry.arrears.level
            text = dues_texts.arrears_text(entry.name, entry.arrears)
            advice = dues_texts.arrears_advice(level)
            label = QLabel(self.tr("{line} {advice}").format(line=text, advice=advice))
            label.setWordWrap(True)
            label.setToolTip(dues_texts.arrears_notes(entry.arrears, entry.exempt))
            label.setProperty("level", level.value)
            label.setStyleSheet(PROMINENT_STYLE if is_prominent(level) else WARNING_STYLE)
            labels.append(label)
        hidden = len(entries) - MAX_SHOWN
        if hidden > 0:
            labels.append(more_label(self.tr(
                "{count} more members: see Party dues › Arrears."
            ).format(count=hidden)))
        return labels

    def shown(self) -> list[tuple[str, ArrearsLevel]]:
        """(name, level) of every member listed (for tests)."""
        return [(e.name, e.arrears.level) for e in self.entries]
