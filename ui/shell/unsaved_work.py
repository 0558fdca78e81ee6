"""Work typed and not saved: kept behind the lock screen, asked about before quitting.

Locking must not throw away what the secretary was typing. ``ParkedDialogs`` hides the dialogs
open over the main window when the data is locked and shows them again, as they were, after it is
unlocked: they stay in memory only (nothing is written to disk, so nothing leaves the encrypted
store in plaintext). File dialogs are closed instead (they hold nothing typed), as are dialogs
marked ``closes_on_lock`` (the one after a recovery: it belongs to that unlock).

An editor that holds typed work (a dialog or a tab of a page) offers ``UnsavedWork``; the main
window asks before quitting while any of them ``has_unsaved_work()``.
"""

from __future__ import annotations

from typing import Protocol, cast, runtime_checkable

import shiboken6
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QProgressDialog, QWidget

from ui.common.tasks import BackgroundTask


@runtime_checkable
class UnsavedWork(Protocol):
    """An editor whose typed work can be lost."""

    def has_unsaved_work(self) -> bool:
        """True while something typed is not saved."""
        ...

    def unsaved_work_title(self) -> str:
        """How the question before quitting names this work (e.g. the dialog's title)."""
        ...

    def save_unsaved_work(self) -> bool | BackgroundTask:
        """Save it: True when saved, False when refused (the reason is shown in the editor),
        or the task that is saving it."""
        ...


def open_dialogs(root: QWidget) -> list[QDialog]:
    """The dialogs shown over ``root``, parents before their children (the stubs type
    findChildren's result as Iterable[Never])."""
    return [
        dialog
        for dialog in cast("list[QDialog]", root.findChildren(QDialog))
        if dialog.isVisible() and not isinstance(dialog, QProgressDialog)
    ]


class ParkedDialogs:
    """Dialogs hidden while the data is locked, to be shown again after unlocking.

    Progress dialogs of running tasks are left alone (auto-lock waits for those).
    """

    def __init__(self) -> None:
        self._dialogs: list[QDialog] = []
        self._focus: QWidget | None = None

    @property
    def dialogs(self) -> list[QDialog]:
        """The parked dialogs that still exist."""
        self._dialogs = [d for d in self._dialogs if shiboken6.isValid(d)]
        return list(self._dialogs)

    def park(self, root: QWidget) -> None:
        """Hide the dialogs over ``root`` (children first), close those not worth keeping."""
        focus = QApplication.focusWidget()
        kept: list[QDialog] = []
        for dialog in reversed(open_dialogs(root)):
            if isinstance(dialog, QFileDialog) or dialog.property("closes_on_lock"):
                dialog.reject()
            else:
                dialog.hide()
                kept.append(dialog)
        self._dialogs = [*self.dialogs, *reversed(kept)]
        if focus is not None and (root.isAncestorOf(focus) or any(d.isAncestorOf(focus)
                                                                 for d in kept)):
            self._focus = focus  # in a dialog, or on a page (e.g. a search box)
        if kept:
            root.activateWindow()  # the lock screen takes the keyboard

    def show_again(self) -> None:
        """Show the parked dialogs in their order (the one on top last) and give the keyboard
        back to the field that had it."""
        dialogs, focus = self.dialogs, self._focus
        self._dialogs, self._focus = [], None
        for dialog in dialogs:
            dialog.show()
        if dialogs:
            dialogs[-1].activateWindow()  # shown last, so on top
        if focus is not None and shiboken6.isValid(focus) and focus.isVisible():
            focus.setFocus()

    def close_all(self) -> None:
        """Reject every parked dialog (the data they came from was replaced by a restore)."""
        dialogs = self.dialogs
        self._dialogs, self._focus = [], None
        for dialog in reversed(dialogs):
            dialog.reject()
