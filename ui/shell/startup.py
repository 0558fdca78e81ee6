"""What runs once a widget has been painted, and the start-up milestones the benchmark reads.

The window paints first and opens the database afterwards (issue 14): ``after_paint`` runs the
rest once the frame is on the screen. ``mark`` appends a milestone ("first_paint", "ready") with
its wall-clock time to the file named by ``BRANCHDESK_MILESTONES`` (set by ``bench/startup.py``);
without it, it does nothing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

MILESTONES_ENV = "BRANCHDESK_MILESTONES"
PAINT = QEvent.Type.Paint


class _AfterPaint(QObject):
    """Waits for the next paint event of ``widget`` (or, with ``children``, of a widget in it),
    then runs ``callback`` on the next turn of the event loop (the painted frame has been handed
    to the screen by then).

    It watches those widgets' own events only: a Python filter on the whole application converts
    every event of every object to Python until the paint, and PySide6 creates the Python enum
    types of each class it meets on the way, ~140 of them before the first paint, a quarter of a
    bare window's start. A top-level window is painted itself; a page may be painted only in its
    children's places (hence ``children``, which wraps every widget in it for Python)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None], children: bool) -> None:
        super().__init__(widget)
        self._watched = [widget, *(widget.findChildren(QWidget) if children else [])]
        self._callback = callback
        self._waiting = True
        for watched in self._watched:
            watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._waiting and event.type() == PAINT:
            self._waiting = False
            for widget in self._watched:
                if isValid(widget):  # a child may have been deleted since (a list's line)
                    widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self.deleteLater()
        self._callback()


def after_paint(widget: QWidget, callback: Callable[[], None], children: bool = True) -> None:
    """Run ``callback`` once ``widget`` (with ``children``: or a widget in it) has next been
    painted (never, if it is never painted)."""
    _AfterPaint(widget, callback, children)


def mark(milestone: str) -> None:
    """Record that ``milestone`` was reached now, for the benchmark (see the module docstring)."""
    path = os.environ.get(MILESTONES_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as file:
            file.write(f"{milestone} {time.time():.6f}\n")
