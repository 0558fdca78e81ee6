"""Run long work off the GUI thread, with a progress dialog and a cancel button.

Every operation that may take longer than a moment (backup, restore, later import, export, PDF and
sync) goes through ``run_in_background``; work a page does for itself while the user goes on
working (工作台's dues arrears, the 党费 page's bases, remittances and arrears) goes through
``run_quietly``, without the dialog, the page showing a placeholder instead (``LatestOnly`` keeps
one such computation at a time and shows only the newest one's outcome). The operation runs on a
thread of the global thread pool and never touches a widget: it reports progress and learns about
cancellation through the ``TaskContext`` it receives. Its result or its exception comes back to
the GUI thread by a signal. A failure is never swallowed: it is logged with its traceback and
handed to ``on_failure``, which by default shows ``message_for(error)`` in a window-modal message
box.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

from app.errors import BranchDeskError, CancelledError
from ui.common.branding import app_title
from ui.common.messages import message_for

log = logging.getLogger(__name__)


class TaskContext:
    """What an operation sees of the GUI: a way to report progress and to ask about cancelling."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        """Report ``done`` out of ``total`` (total 0 = unknown); may be called from any thread."""
        with contextlib.suppress(RuntimeError):  # its window closed: nobody is watching
            self._signals.progressed.emit(done, total)

    def note(self, text: str) -> None:
        """Say ``text`` in the progress dialog in place of its title (what the operation is
        waiting for, e.g. a retry); may be called from any thread."""
        with contextlib.suppress(RuntimeError):
            self._signals.noted.emit(text)

    def cancelled(self) -> bool:
        """True once the user pressed Cancel; the operation should stop and raise CancelledError."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()


Operation = Callable[[TaskContext], Any]
SuccessHandler = Callable[[Any], None]
FailureHandler = Callable[[BaseException], None]


class _Signals(QObject):
    progressed = Signal(int, int)
    noted = Signal(str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Runner(QRunnable):
    def __init__(self, operation: Operation, context: TaskContext, signals: _Signals) -> None:
        super().__init__()
        self._operation = operation
        self._context = context
        self._signals = signals
        self.setAutoDelete(False)  # the BackgroundTask owns it; PySide and the pool must not both

    def run(self) -> None:
        try:
            result = self._operation(self._context)
        except BaseException as error:  # every failure goes back to the GUI thread, none is lost
            self._report(self._signals.failed, error)
        else:
            self._report(self._signals.succeeded, result)
        finally:
            # Qt 6 reads autoDelete before run(): the pool no longer touches this runnable.
            _in_flight.discard(self)

    def _report(self, signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the task went with the window that started it: nobody waits
            log.info("background task ended after its window closed: %r", value)


_running: set[BackgroundTask] = set()
_in_flight: set[_Runner] = set()
"""Runners on the pool. Each holds its signals object, whose parent is the application, not the
task: when the window that started a task is deleted meanwhile (with the task), the signals the
worker thread emits on still exist — Qt has disconnected them from the deleted task — instead of
being deleted under the emitting thread (a crash seen when a 工作台 section was refreshed while
its page closed). Owned by Qt, the signals object is not deleted either when the worker drops the
runner, the last Python reference to it, on its own thread: it deletes itself later on the GUI
thread, once its outcome is delivered."""


def running_count() -> int:
    """How many background tasks are running (auto-lock waits while any is)."""
    return len(_running)


class BackgroundTask(QObject):
    """One operation on the thread pool and its progress dialog (none when ``quiet``).
    ``finished`` is emitted last, after ``on_success`` or ``on_failure`` ran, on the GUI thread;
    ``noted(text)`` when the operation says what it is waiting for (``TaskContext.note``)."""

    finished = Signal()
    noted = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        operation: Operation,
        on_success: SuccessHandler | None,
        on_failure: FailureHandler | None,
        title: str,
        cancellable: bool,
        quiet: bool = False,
    ) -> None:
        super().__init__(parent)
        self._parent_widget = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self._signals = _Signals(QCoreApplication.instance())  # see ``_in_flight``
        self.context = TaskContext(self._signals)
        self._runner = _Runner(operation, self.context, self._signals)
        self._signals.succeeded.connect(self._succeed)
        self._signals.failed.connect(self._fail)
        self._signals.noted.connect(self._note)
        # Deleted on the GUI thread once the outcome is delivered (after the task's own slots),
        # never by the worker dropping the last Python reference to it.
        self._signals.succeeded.connect(self._signals.deleteLater)
        self._signals.failed.connect(self._signals.deleteLater)
        self.dialog: QProgressDialog | None = None
        if not quiet:
            self.dialog = self._progress_dialog(parent, title, cancellable)
            self._signals.progressed.connect(self._show_progress)

    def _progress_dialog(self, parent: QWidget, title: str, cancellable: bool) -> QProgressDialog:
        dialog = QProgressDialog(parent)
        dialog.setWindowTitle(title)
        dialog.setLabelText(title)
        from PySide6.QtCore import Qt

        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setRange(0, 0)  # busy until the first progress report
        dialog.setMinimumWidth(360)
        if cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(self._cancel)
        else:
            # None removes the button (Qt API); the stubs do not allow None.
            dialog.setCancelButton(None)  # type: ignore[arg-type]
        return dialog

    def start(self) -> None:
        _running.add(self)
        # The window that started it may close first (Qt then deletes this task with it): the
        # operation is asked to stop and auto-lock no longer waits for it.
        context = self.context

        def forget(*_args: object) -> None:
            context.cancel()
            _running.discard(self)

        self.destroyed.connect(forget)
        if self.dialog is not None:
            self.dialog.show()
        _in_flight.add(self._runner)
        QThreadPool.globalInstance().start(self._runner)

    def _cancel(self) -> None:
        self.context.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))
            self.dialog.show()  # stays up until the operation has actually stopped

    def _note(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.setLabelText(text)
        self.noted.emit(text)

    def _show_progress(self, done: int, total: int) -> None:
        if self.dialog is None:
            return
        if total > 0:
            # QProgressDialog counts in int; scale big byte counts down to permille.
            self.dialog.setRange(0, 1000)
            self.dialog.setValue(min(1000, done * 1000 // total))
        else:
            self.dialog.setRange(0, 0)

    def _succeed(self, result: object) -> None:
        self._end()
        if self._on_success is not None:
            self._on_success(result)
        self.finished.emit()

    def _fail(self, error: BaseException) -> None:
        self._end()
        if isinstance(error, CancelledError):
            log.info("background task cancelled")
        elif isinstance(error, BranchDeskError):
            log.warning("background task failed: %s", type(error).__name__, exc_info=error)
        else:
            log.error("background task failed unexpectedly", exc_info=error)
        handler = self._on_failure or (lambda e: show_error(self._parent_widget, e))
        handler(error)
        self.finished.emit()

    def _end(self) -> None:
        _running.discard(self)
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()


def run_in_background(
    parent: QWidget,
    operation: Operation,
    on_success: SuccessHandler | None = None,
    on_failure: FailureHandler | None = None,
    title: str = "",
    cancellable: bool = True,
) -> BackgroundTask:
    """Run ``operation(context)`` on the thread pool while a progress dialog shows ``title``.

    ``on_success(result)`` or ``on_failure(error)`` is then called on the GUI thread; without
    ``on_failure`` the error is shown with ``show_error``. Returns the started task (tests wait on
    its ``finished`` signal).
    """
    task = BackgroundTask(parent, operation, on_success, on_failure, title, cancellable)
    task.start()
    return task


def run_quietly(
    parent: QWidget,
    operation: Operation,
    on_success: SuccessHandler | None = None,
    on_failure: FailureHandler | None = None,
) -> BackgroundTask:
    """``run_in_background`` without the progress dialog: for work a page does for itself while
    the window stays usable (the page shows that it is working). ``on_success`` and
    ``on_failure`` as there; the failure is logged either way."""
    task = BackgroundTask(parent, operation, on_success, on_failure, "", False, quiet=True)
    task.start()
    return task


class LatestOnly:
    """The newest of a widget's quiet computations (``run_quietly``), one at a time.

    For a page that works out what it shows off the GUI thread each time it reloads: ``run``
    starts ``operation``, unless one is running, in which case it waits for that one to end (the
    running one's outcome is then dropped, and so is any operation that was waiting before it).
    ``drop`` forgets whatever runs or waits (the data was locked). Only the outcome of the newest
    operation still wanted goes to ``on_success`` or ``on_failure``, on the GUI thread.
    """

    def __init__(
        self, parent: QWidget, on_success: SuccessHandler, on_failure: FailureHandler
    ) -> None:
        self._parent = parent
        self._on_success = on_success
        self._on_failure = on_failure
        self.task: BackgroundTask | None = None  # the computation running, if any
        self._waiting: Operation | None = None  # asked for while one was running
        self._wanted = 0  # counts runs and drops: an outcome is handed on only if still wanted

    @property
    def busy(self) -> bool:
        """True while a computation runs (also one whose outcome will be dropped)."""
        return self.task is not None

    def run(self, operation: Operation) -> None:
        self._wanted += 1
        if self.task is not None:
            self._waiting = operation
            return
        self._start(operation)

    def drop(self) -> None:
        self._wanted += 1
        self._waiting = None

    def _start(self, operation: Operation) -> None:
        wanted = self._wanted
        self.task = run_quietly(
            self._parent, operation,
            on_success=lambda result: self._arrived(wanted, self._on_success, result),
            on_failure=lambda error: self._arrived(wanted, self._on_failure, error),
        )

    def _arrived(self, wanted: int, handler: Callable[[Any], None], outcome: object) -> None:
        self.task = None
        if self._waiting is not None:
            operation, self._waiting = self._waiting, None
            self._start(operation)
            return
        if wanted == self._wanted:
            handler(outcome)


def show_error(parent: QWidget, error: BaseException) -> QMessageBox:
    """Show ``message_for(error)`` in a window-modal box that does not block the caller."""
    from PySide6.QtWidgets import QMessageBox

    return show_message(parent, message_for(error), QMessageBox.Icon.Warning)


def show_message(
    parent: QWidget, text: str, icon: QMessageBox.Icon | None = None
) -> QMessageBox:
    """A non-blocking message box (``open()``, never ``exec()``), deleted when closed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    if icon is None:
        icon = QMessageBox.Icon.Information
    box = QMessageBox(icon, app_title(), text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
