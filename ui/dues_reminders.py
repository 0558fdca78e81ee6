"""Dues arrears on 工作台: members 3 or more consecutive months behind (第十三条).

Three or four months: a reminder. Five months: prominent, in red — one more month makes six, and
six months unpaid without good reason is treated as leaving the party (第十三条). Six or more:
prominent as well; the branch looks into it and decides. The app only reminds.

The list is folded from the whole dues ledger (a second or two for 10,000 members), so it is
worked out off the GUI thread (``ui.tasks.run_quietly``, with its own unit of work) while a line
says so. One computation at a time: a refresh asked for meanwhile runs when it ends, and a result
that is no longer wanted (refreshed again since, or the data was locked) is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.dues import ArrearsLevel
from app.services import dues
from app.services.dues import ArrearsEntry
from app.services.workspace import Workspace
from ui import dues_texts
from ui.messages import message_for
from ui.styles import ERROR_STYLE, HINT_STYLE
from ui.tasks import BackgroundTask, TaskContext, run_quietly

Today = Callable[[], date]

WARNING_STYLE = "color: #8a5300;"
PROMINENT_STYLE = (
    "color: #b00020; font-weight: bold; background: #fdecea; border: 1px solid #f5c2c0; "
    "border-radius: 3px; padding: 4px 6px;"
)
MAX_SHOWN = 12


def is_prominent(level: ArrearsLevel) -> bool:
    return level in (ArrearsLevel.SEVERE, ArrearsLevel.LAPSED)


class ArrearsReminders(QWidget):
    """One line per member in arrears, the longest first; nothing when nobody is.

    ``loaded`` is emitted when a refresh has been shown (its list, or why it failed).
    """

    loaded = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[ArrearsEntry] = []
        self.labels: list[QLabel] = []
        self.task: BackgroundTask | None = None  # the computation running, if any
        self._wanted = 0  # counts refreshes and clears: a result is shown only if still wanted
        self._again = False  # refreshed while a computation was running
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Party dues in arrears"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.note_label = QLabel(dues_texts.article_13_note())
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(HINT_STYLE)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.note_label)
        self._layout.addWidget(self.status_label)
        self.hide()

    @property
    def busy(self) -> bool:
        """True from ``refresh`` until its list is shown."""
        return self.task is not None

    def refresh(self) -> None:
        """Work out the arrears as of today off the GUI thread; a line says so meanwhile."""
        self._wanted += 1
        self._show_status(self.tr("Working out who is behind with their dues…"), HINT_STYLE)
        if self.task is not None:
            # One at a time: the running computation's result is no longer wanted; this one
            # starts when it ends.
            self._again = True
            return
        self._start()

    def clear(self) -> None:
        """Forget the list (the data was locked); a computation still running is ignored."""
        self._wanted += 1
        self._again = False
        self.show_entries([])

    def _start(self) -> None:
        workspace, today, wanted = self._workspace, self._today(), self._wanted

        def work(_context: TaskContext) -> list[ArrearsEntry]:
            with workspace.unit_of_work() as uow:  # this thread's own session
                return dues.arrears_list(uow, today)

        self.task = run_quietly(
            self, work,
            on_success=lambda entries: self._arrived(wanted, entries),
            on_failure=lambda error: self._arrived(wanted, error),
        )

    def _arrived(self, wanted: int, outcome: object) -> None:
        self.task = None
        if self._again:
            self._again = False
            self._start()
            return
        if wanted != self._wanted:  # cleared (locked) since it started
            return
        if isinstance(outcome, BaseException):
            self.show_entries([])
            self._show_status(self.tr("The dues arrears could not be worked out: {reason}")
                              .format(reason=message_for(outcome)), ERROR_STYLE)
        else:
            self.show_entries(cast("list[ArrearsEntry]", outcome))
        self.loaded.emit()

    def _show_status(self, text: str, style: str) -> None:
        """The heading and ``text`` in place of the list (a list shown before may be out of
        date: the refresh was asked for because something changed)."""
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        self.status_label.show()
        for label in self.labels:
            label.hide()
        self.note_label.hide()
        self.heading.show()
        self.show()

    def show_entries(self, entries: list[ArrearsEntry]) -> None:
        self.entries = list(entries)
        self.status_label.hide()
        self.heading.show()
        self.note_label.show()
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        position = 1  # after the heading
        for entry in self.entries[:MAX_SHOWN]:
            level = entry.arrears.level
            text = dues_texts.arrears_text(entry.name, entry.arrears)
            advice = dues_texts.arrears_advice(level)
            label = QLabel(self.tr("{line} {advice}").format(line=text, advice=advice))
            label.setWordWrap(True)
            label.setProperty("level", level.value)
            label.setStyleSheet(PROMINENT_STYLE if is_prominent(level) else WARNING_STYLE)
            self._layout.insertWidget(position, label)
            label.show()
            position += 1
            self.labels.append(label)
        hidden = len(self.entries) - MAX_SHOWN
        if hidden > 0:
            more = QLabel(self.tr(
                "{count} more members: see Party dues › Arrears."
            ).format(count=hidden))
            more.setStyleSheet(WARNING_STYLE)
            self._layout.insertWidget(position, more)
            more.show()
            self.labels.append(more)
        self.setVisible(bool(self.entries))

    def shown(self) -> list[tuple[str, ArrearsLevel]]:
        """(name, level) of every member listed (for tests)."""
        return [(e.name, e.arrears.level) for e in self.entries]
