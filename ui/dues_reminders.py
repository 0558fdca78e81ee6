"""Dues arrears on 工作台: members 3 or more consecutive months behind (第十三条).

Three or four months: a reminder. Five months: prominent, in red — one more month makes six, and
six months unpaid without good reason is treated as leaving the party (第十三条). Six or more:
prominent as well; the branch looks into it and decides. The app only reminds.

The list is folded from the whole dues ledger (a second or two for 10,000 members), so it is
worked out off the GUI thread (``ui.tasks.LatestOnly``, with its own unit of work) while a line
says so: one computation at a time, and only the newest wanted result is shown (not one refreshed
again since, nor one that ends after the data was locked). 党费 › 欠缴提醒 works it out the same way
(``arrears_operation``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.dues import ArrearsLevel
from app.services import dues
from app.services.dues import ArrearsEntry
from app.services.workspace import Workspace
from ui import dues_texts
from ui.messages import message_for
from ui.styles import ERROR_STYLE, HINT_STYLE
from ui.tasks import LatestOnly, Operation, TaskContext

Today = Callable[[], date]

WARNING_STYLE = "color: #8a5300;"
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
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            return dues.arrears_list(uow, today)

    return work


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
        self._latest = LatestOnly(self, self._arrived, self._failed)
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
        return self._latest.busy

    def refresh(self) -> None:
        """Work out the arrears as of today off the GUI thread; a line says so meanwhile."""
        self._show_status(self.tr("Working out who is behind with their dues…"), HINT_STYLE)
        self._latest.run(arrears_operation(self._workspace, self._today()))

    def clear(self) -> None:
        """Forget the list (the data was locked); a computation still running is ignored."""
        self._latest.drop()
        self.show_entries([])

    def _arrived(self, entries: list[ArrearsEntry]) -> None:
        self.show_entries(entries)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.show_entries([])
        self._show_status(self.tr("The dues arrears could not be worked out: {reason}")
                          .format(reason=message_for(error)), ERROR_STYLE)
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
