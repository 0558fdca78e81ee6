"""Platform notices on 工作台: each notice still to answer (or, when it asks for no answer, to
read), overdue ones first and marked; a click opens it (``NoticeDialog``) to read it, save its
attachments and answer. A notice leaves the list once answered; a refused answer brings it back.

The section is self-contained (``refresh``, ``clear``, ``entries``) so that 工作台 holds it in one
place, like its other sections."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from sync import notice_tasks
from sync.notice_tasks import NoticeTask
from ui.common.styles import ERROR_STYLE
from ui.sync import notice_texts
from ui.sync.notice_dialog import NoticeDialog

Today = Callable[[], date]
SHOWN = 8
"""At most this many notices; the rest are counted (the 同步 page lists them all)."""


class NoticeSection(QWidget):
    """``entries``: the open notices; hidden when there are none."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[NoticeTask] = []
        self.dialog: NoticeDialog | None = None
        self.heading = QLabel(self.tr("Platform notices to answer"))
        self.heading.setStyleSheet("font-weight: bold;")
        self._rows = QVBoxLayout()
        self._rows.setContentsMargins(0, 0, 0, 0)
        self.more = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self._rows)
        layout.addWidget(self.more)
        self.buttons: list[QPushButton] = []
        self.hide()

    def refresh(self) -> None:
        """Read the open notices. Raises BranchDeskError."""
        today = self._today()
        self.entries = notice_tasks.open_tasks(self._workspace, today)
        self._clear_rows()
        if not self.entries:
            self.hide()
            return
        for task in self.entries[:SHOWN]:
            button = QPushButton(notice_texts.section_line(task, today))
            button.setFlat(True)
            button.setStyleSheet("text-align: left;" + (ERROR_STYLE if task.overdue(today)
                                                        else ""))
            button.setToolTip(self.tr("Open the notice to read it and answer"))
            button.clicked.connect(lambda _checked=False, n=task.id: self.open_notice(n))
            self._rows.addWidget(button)
            self.buttons.append(button)
        hidden = len(self.entries) - SHOWN
        self.more.setText(self.tr("and {count} more (see the Sync page)").format(count=hidden)
                          if hidden > 0 else "")
        self.more.setVisible(hidden > 0)
        self.show()

    def open_notice(self, notice_id: int) -> NoticeDialog:
        dialog = NoticeDialog(self._workspace, notice_id, self.window(), self._today)
        dialog.answered.connect(self._refresh_quietly)
        dialog.finished.connect(self._refresh_quietly)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _refresh_quietly(self) -> None:
        """After an answer or when the dialog closes (the data may be locked meanwhile: then
        the list was cleared and is read again at unlock)."""
        try:
            self.refresh()
        except BranchDeskError:
            self.clear()

    def _clear_rows(self) -> None:
        for button in self.buttons:
            self._rows.removeWidget(button)
            button.deleteLater()
        self.buttons = []

    def clear(self) -> None:
        self.entries = []
        self._clear_rows()
        self.more.clear()
        self.hide()
