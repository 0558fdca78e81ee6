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
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

MILESTONES_ENV = "BRANCHDESK_MILESTONES"


class _AfterPaint(QObject):
    """Waits for the next paint event of ``widget`` or of a widget in it (a plain container gets
    none of its own), then runs ``callback`` on the next turn of the event loop (the painted frame
    has been handed to the screen by then). Watches the application's events until then."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback = callback
        self._waiting = True
        _application().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._waiting and event.type() == QEvent.Type.Paint
                and isinstance(watched, QWidget)
                and (watched is self._widget or self._widget.isAncestorOf(watched))):
            self._waiting = False
            _application().removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        self.deleteLater()
        self._callback()


def _application() -> QCoreApplication:
    return cast(QCoreApplication, QApplication.instance())


def after_paint(widget: QWidget, callback: Callable[[], None]) -> None:
    """Run ``callback`` once ``widget`` has next been painted (never, if it is never painted)."""
    _AfterPaint(widget, callback)


def mark(milestone: str) -> None:
    """Record that ``milestone`` was reached now, for the benchmark (see the module docstring)."""
    path = os.environ.get(MILESTONES_ENV)
    if path:
        with open(path, "a", encoding="utf-8") as file:
            file.write(f"{milestone} {time.time():.6f}\n")
