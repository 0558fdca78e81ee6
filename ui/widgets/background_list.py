"""A list on 工作台 worked out off the GUI thread: a bold heading, an optional note, one line per
entry, and a status line instead of the lines while the list is worked out or when it failed.

``ui.common.tasks.LatestOnly`` runs the computation (one at a time; only the newest wanted result is
shown, not one refreshed again since nor one that ends after the data was locked). The dues
arrears and the development deadlines are such lists.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.common.tasks import LatestOnly, Operation

WARNING_STYLE = "color: #8a5300;"


class BackgroundList(QWidget):
    """Subclasses say how a list is worded: ``failure_text`` and ``lines``.

    ``loaded`` is emitted when a refresh has been shown (its list, or why it failed).
    """

    loaded = Signal()

    def __init__(self, note: QLabel | None = None, parent: QWidget | None = None) -> None:
        """``note``: a line under the heading, shown with the list; the subclass sets the
        heading's text."""
        super().__init__(parent)
        self.entries: list[Any] = []
        self.labels: list[QLabel] = []
        self._latest = LatestOnly(self, self._arrived, self._failed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.note_label = note
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._layout.addWidget(self.heading)
        if note is not None:
            self._layout.addWidget(note)
        self._layout.addWidget(self.status_label)
        self.hide()

    @property
    def busy(self) -> bool:
        """True from ``start`` until its list is shown."""
        return self._latest.busy

    def start(self, operation: Operation, working: str) -> None:
        """Run ``operation`` off the GUI thread; ``working`` says so meanwhile."""
        self._show_status(working, HINT_STYLE)
        self._latest.run(operation)

    def clear(self) -> None:
        """Forget the list (the data was locked); a computation still running is ignored."""
        self._latest.drop()
        self.show_entries([])

    def failure_text(self, reason: str) -> str:
        """The status line when the list could not be worked out, ``reason`` the message."""
        raise NotImplementedError

    def lines(self, entries: list[Any]) -> list[QLabel]:
        """The labels that show ``entries`` (word-wrapped and styled)."""
        raise NotImplementedError

    def _arrived(self, entries: list[Any]) -> None:
        self.show_entries(entries)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.show_entries([])
        self._show_status(self.failure_text(message_for(error)), ERROR_STYLE)
        self.loaded.emit()

    def _show_status(self, text: str, style: str) -> None:
        """The heading and ``text`` in place of the list (a list shown before may be out of
        date: the refresh was asked for because something changed)."""
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        self.status_label.show()
        for label in self.labels:
            label.hide()
        if self.note_label is not None:
            self.note_label.hide()
        self.heading.show()
        self.show()

    def show_entries(self, entries: list[Any]) -> None:
        self.entries = list(entries)
        self.status_label.hide()
        self.heading.show()
        if self.note_label is not None:
            self.note_label.show()
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = self.lines(self.entries)
        for position, label in enumerate(self.labels, 1):  # after the heading
            self._layout.insertWidget(position, label)
            label.show()
        self.setVisible(bool(self.entries))


def more_label(text: str) -> QLabel:
    """The last line of a shortened list ("N more: see …")."""
    label = QLabel(text)
    label.setStyleSheet(WARNING_STYLE)
    return label
