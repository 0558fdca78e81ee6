"""Platform notices on 工作台: each notice still to answer (or, when it asks for no answer, to
read), overdue ones first and marked; a notice's line is a link that opens it (``NoticeDialog``)
to read it, save its attachments and answer. A notice leaves the list once answered; a refused
answer brings it back. A section of ``ui.shell.dashboard`` like the record books' own
(``BackgroundList``: loaded off the GUI thread).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from app.services.workspace import Workspace
from sync import notice_tasks
from sync.notice_tasks import NoticeTask
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.sync import notice_texts
from ui.sync.notice_dialog import NoticeDialog
from ui.widgets.background_list import BackgroundList

Today = Callable[[], date]
Operation = Callable[[Any], list[NoticeTask]]
OVERDUE_COLOUR = ERROR_STYLE.split(":")[1].strip(" ;")
"""A link is drawn in the palette's link colour whatever the label's style: an overdue one
carries the error colour itself."""
SHOWN = 8
"""At most this many notices; the rest are counted (the 同步 page lists them all)."""


class NoticeSection(BackgroundList):
    """``entries``: the open notices; hidden when there are none."""

    page = "sync"
    """The page the heading links to (its notices list shows every notice)."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, parent=parent)
        self.dialog: NoticeDialog | None = None
        self.set_heading(self.tr("Platform notices to answer"))

    # ---------------------------------------------------------------- the section's interface
    def operation(self, today: date) -> Operation:
        """Loads the open notices (in its own read-only units of work; touches no widget)."""
        workspace = self._workspace
        return lambda _context: notice_tasks.open_tasks(workspace, today)

    def lines(self, entries: list[NoticeTask]) -> list[QLabel]:
        today = self._today()
        labels = []
        for task in entries[:SHOWN]:
            overdue = task.overdue(today)
            colour = f' style="color: {OVERDUE_COLOUR}"' if overdue else ""
            label = QLabel(f'<a href="{task.id}"{colour}>'
                           f"{escape(notice_texts.section_line(task, today))}</a>")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            label.setToolTip(self.tr("Open the notice to read it and answer"))
            if overdue:
                label.setStyleSheet(ERROR_STYLE)
            label.linkActivated.connect(lambda link: self.open_notice(int(link)))
            labels.append(label)
        if len(entries) > SHOWN:
            more = QLabel(self.tr("and {count} more (see the Sync page)").format(
                count=len(entries) - SHOWN))
            more.setStyleSheet(HINT_STYLE)
            labels.append(more)
        return labels

    # ---------------------------------------------------------------- the dialog
    def open_notice(self, notice_id: int) -> NoticeDialog:
        dialog = NoticeDialog(self._workspace, notice_id, self.window(), self._today)
        dialog.answered.connect(self._refresh_quietly)
        dialog.finished.connect(self._refresh_quietly)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _refresh_quietly(self) -> None:
        """After an answer or when the dialog closes (read off the GUI thread; a result
        arriving after the data was locked is dropped, and the list is read again at unlock)."""
        self.refresh()
