"""One section of 工作台's reminders: a bold heading (a link to the record book's page), an
optional note, one line per entry, and a status line instead of the lines while the entries are
worked out or when that failed.

Every section loads its entries off the GUI thread: ``ui.common.tasks.LatestOnly`` runs the
section's ``operation`` (one at a time; only the newest wanted result is shown, not one refreshed
again since nor one that ends after the data was locked). A record book provides its section by
subclassing ``BackgroundList``: ``page`` (the page the heading links to), ``operation`` (how to
load the entries, in the operation's own read-only unit of work), ``working_text`` and
``failure_text`` (the status line), and ``lines`` (how to show the entries); ``ui.shell.dashboard``
lists the sections.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.common.tasks import LatestOnly, Operation

if TYPE_CHECKING:
    from app.services.workspace import Workspace

WARNING_STYLE = "color: #8a5300;"
Today = Callable[[], date]


class BackgroundList(QWidget):
    """Subclasses say what a section loads and how it is worded (see the module docstring).

    ``loaded`` is emitted when a refresh has been shown (its list, or why it failed).
    ``go_to`` (the page's name) when the heading's link is followed.
    """

    loaded = Signal()
    go_to = Signal(str)

    page = ""
    """The name of the page the heading links to (``ui.shell.pages``)."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, note: QLabel | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``note``: a line under the heading, shown with the list; the subclass sets the
        heading's text with ``set_heading``."""
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[Any] = []
        self.failed = False  # the last refresh could not work the entries out
        self.labels: list[QLabel] = []
        self._latest = LatestOnly(self, self._arrived, self._failed)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-weight: bold;")
        self.heading.linkActivated.connect(self.go_to)
        self.note_label = note
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self._layout.addWidget(self.heading)
        if note is not None:
            self._layout.addWidget(note)
        self._layout.addWidget(self.status_label)
        self.hide()

    def set_heading(self, text: str) -> None:
        """The heading, a link to ``page`` when there is one."""
        self.heading.setText(f'<a href="{self.page}">{escape(text)}</a>' if self.page
                             else escape(text))

    @property
    def busy(self) -> bool:
        """True from ``refresh`` until its list is shown."""
        return self._latest.busy

    def refresh(self) -> None:
        """Load the entries as of today off the GUI thread; a line says so meanwhile."""
        self.start(self.operation(self._today()), self.working_text())

    def start(self, operation: Operation, working: str) -> None:
        """Run ``operation`` off the GUI thread; ``working`` says so meanwhile."""
        self.failed = False
        self._show_status(working, HINT_STYLE)
        self._latest.run(operation)

    def clear(self) -> None:
        """Forget the list (the data was locked); a computation still running is ignored."""
        self._latest.drop()
        self.entries = []
        self.failed = False
        self._replace_labels([])
        self.hide()

    def operation(self, today: date) -> Operation:
        """The background operation that returns the entries as of ``today`` (a list), reading
        in its own read-only unit of work of ``self._workspace``. It must not touch widgets."""
        raise NotImplementedError

    def working_text(self) -> str:
        """The status line while the entries are worked out."""
        return QCoreApplication.translate("BackgroundList", "Looking through the records…")

    def failure_text(self, reason: str) -> str:
        """The status line when the list could not be worked out, ``reason`` the message."""
        return QCoreApplication.translate(
            "BackgroundList", "This could not be worked out: {reason}").format(reason=reason)

    def lines(self, entries: list[Any]) -> list[QLabel]:
        """The labels that show ``entries`` (word-wrapped and styled); shown only when there
        are entries, unless ``always_shown``."""
        raise NotImplementedError

    always_shown = False
    """True for a section that says something even when it has no entries."""

    def shown(self) -> list[Any]:
        """What is listed, in a form tests compare (the entries themselves by default)."""
        return list(self.entries)

    def _arrived(self, entries: list[Any]) -> None:
        self.show_entries(entries)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self.show_entries([])
        self.failed = True
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
        self._replace_labels(self.lines(self.entries) if self.entries or self.always_shown
                             else [])
        self.setVisible(bool(self.entries) or (self.always_shown and bool(self.labels)))

    def _replace_labels(self, labels: list[QLabel]) -> None:
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = labels
        for position, label in enumerate(self.labels, 1):  # after the heading
            self._layout.insertWidget(position, label)
            label.show()


def read_only_operation(
    workspace: Workspace, load: Callable[[Any], list[Any]]
) -> Operation:
    """An operation running ``load(uow)`` in its own read-only unit of work of ``workspace``."""

    def work(_context: object) -> list[Any]:
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            return load(uow)

    return work


def line_label(text: str, style: str, tooltip: str = "") -> QLabel:
    """One line of a section: word-wrapped, in ``style``."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    if tooltip:
        label.setToolTip(tooltip)
    return label


def shortened(labels: list[QLabel], total: int, shown: int, more: str) -> list[QLabel]:
    """``labels`` (the first ``shown`` of ``total`` entries), then ``more`` (a text with
    ``{count}``) when some were left out."""
    if total > shown:
        labels.append(more_label(more.format(count=total - shown)))
    return labels


def more_label(text: str) -> QLabel:
    """The last line of a shortened list ("N more: see …")."""
    label = QLabel(text)
    label.setStyleSheet(WARNING_STYLE)
    return label
