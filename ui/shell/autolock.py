"""Idle auto-lock: after N minutes without keyboard or mouse input, ask for the data to be locked.

``IdleWatch`` filters every event of the application while it runs (it only looks; nothing is
consumed) and restarts a single-shot timer on user input. It is not installed before ``start``
(the unlock): a Python filter on the whole application before the first paint would slow the
start (see ``ui.shell.startup``). When the timer runs out it emits ``idle``; the main
window then locks the workspace and covers its pages. While a background task is running (a backup
may take minutes without input) the watch waits for it instead of firing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

from ui.common import tasks

MINUTE_MS = 60_000

USER_INPUT = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TabletPress,
    }
)


class IdleWatch(QObject):
    """Emits ``idle`` after ``timeout_ms`` without user input, once per ``start``."""

    idle = Signal()

    def __init__(self, parent: QObject | None = None, timeout_ms: int = 10 * MINUTE_MS) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._timeout_ms = timeout_ms
        self._armed = False
        self._watching = False

    @property
    def timeout_ms(self) -> int:
        return self._timeout_ms

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def set_timeout_ms(self, timeout_ms: int) -> None:
        """0 turns auto-lock off. Takes effect at once if the watch is running."""
        self._timeout_ms = timeout_ms
        if self._armed:
            self.start()

    def set_timeout_minutes(self, minutes: int) -> None:
        self.set_timeout_ms(minutes * MINUTE_MS)

    def start(self) -> None:
        self._armed = True
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True
        if self._timeout_ms > 0:
            self._timer.start(self._timeout_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        self._armed = False
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
            self._watching = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and self._timeout_ms > 0 and event.type() in USER_INPUT:
            self._timer.start(self._timeout_ms)
        return False

    def _timed_out(self) -> None:
        if tasks.running_count() > 0:
            self._timer.start(self._timeout_ms)
            return
        self._armed = False
        self.idle.emit()
