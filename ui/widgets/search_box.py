"""A search box that filters as the user types: once typing pauses, or at once on Enter."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLineEdit

SEARCH_DELAY_MS = 150


def search_as_typed(edit: QLineEdit, apply: Callable[[], None], parent: QObject) -> QTimer:
    """Call ``apply`` when typing in ``edit`` has paused for ``SEARCH_DELAY_MS`` or Enter is
    pressed. Returns the timer: ``apply`` stops it (a filter applied otherwise need not run
    again), and so does a lock."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    timer.timeout.connect(apply)
    edit.textChanged.connect(lambda _text: timer.start())
    edit.returnPressed.connect(apply)
    return timer
