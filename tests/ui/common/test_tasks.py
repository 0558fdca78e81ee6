"""ui/common/tasks.py: work runs off the GUI thread; progress, cancel, results and errors come
back."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.errors import CancelledError, NotABackupError
from ui.common import tasks
from ui.common.tasks import TaskContext, run_in_background

Screenshot = Callable[[QWidget, str], Path]


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    widget.resize(400, 300)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_the_operation_runs_off_the_gui_thread_and_its_result_comes_back(
    qtbot: QtBot, parent: QWidget
) -> None:
    gui_thread = QThread.currentThread()
    seen: dict[str, object] = {}

    def operation(context: TaskContext) -> int:
        seen["off_gui_thread"] = QThread.currentThread() is not gui_thread
        for done in range(1, 4):
            context.progress(done, 3)
        return 42

    def on_success(result: object) -> None:
        seen["result"] = result
        seen["on_gui_thread"] = QThread.currentThread() is gui_thread

    task = run_in_background(parent, operation, on_success=on_success, title="测试")
    assert tasks.running_count() == 1
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert seen == {"off_gui_thread": True, "result": 42, "on_gui_thread": True}
    assert tasks.running_count() == 0


def test_a_quiet_task_shows_no_dialog_and_reports_back(qtbot: QtBot, parent: QWidget) -> None:
    gui_thread = QThread.currentThread()
    release = threading.Event()
    seen: dict[str, object] = {}

    def operation(_context: TaskContext) -> str:
        seen["off_gui_thread"] = QThread.currentThread() is not gui_thread
        assert release.wait(10)
        raise NotABackupError(Path("x.bak"))

    task = tasks.run_quietly(parent, operation, on_failure=lambda e: seen.update(error=e))
    assert task.dialog is None
    assert tasks.running_count() == 1  # auto-lock waits for it like for any task
    assert QApplication.activeModalWidget() is None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        release.set()
    assert seen["off_gui_thread"] is True
    assert isinstance(seen["error"], NotABackupError)
    assert tasks.running_count() == 0


def test_cancel_reaches_the_operation(
    qtbot: QtBot, parent: QWidget, screenshot: Screenshot
) -> None:
    started = threading.Event()
    failures: list[BaseException] = []

    def operation(context: TaskContext) -> None:
        started.set()
        while not context.cancelled():
            threading.Event().wait(0.01)
        raise CancelledError()

    task = run_in_background(parent, operation, on_failure=failures.append, title="正在备份…")
    assert started.wait(5)
    qtbot.waitExposed(task.dialog)
    screenshot(task.dialog, "18-task-progress")
    cancel_button = task.dialog.findChild(QPushButton)
    assert cancel_button.text() == "取消"
    with qtbot.waitSignal(task.finished, timeout=10_000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert len(failures) == 1
    assert isinstance(failures[0], CancelledError)


def test_a_known_failure_is_shown_with_its_message(qtbot: QtBot, parent: QWidget) -> None:
    def operation(_context: TaskContext) -> None:
        raise NotABackupError(Path("notes.txt"))

    task = run_in_background(parent, operation, title="恢复")
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    box = next(b for b in parent.findChildren(QMessageBox) if b.isVisible())
    assert box.text() == "notes.txt 不是 BranchDesk 的备份文件。未做任何更改。"
    box.accept()


def test_an_unexpected_failure_is_logged_with_its_traceback_and_shown(
    qtbot: QtBot, parent: QWidget, caplog: pytest.LogCaptureFixture
) -> None:
    def operation(_context: TaskContext) -> None:
        raise RuntimeError("boom")

    with caplog.at_level(logging.ERROR, logger="ui.common.tasks"):
        task = run_in_background(parent, operation, title="测试")
        with qtbot.waitSignal(task.finished, timeout=10_000):
            pass
    [record] = [r for r in caplog.records if r.name == "ui.common.tasks"]
    assert record.exc_info is not None
    assert isinstance(record.exc_info[1], RuntimeError)
    box = next(b for b in parent.findChildren(QMessageBox) if b.isVisible())
    assert "意外" in box.text()
    assert QApplication.activeModalWidget() in (box, None)


def test_a_task_whose_window_closes_meanwhile_is_cancelled_and_forgotten(
    qtbot: QtBot, capfd: pytest.CaptureFixture[str]
) -> None:
    """The page that started a task can go (the window closes) while the task runs: the task
    learns it is cancelled, its late result goes nowhere without an error, and auto-lock no longer
    waits for it."""
    owner = QWidget()
    started, release = threading.Event(), threading.Event()
    seen: dict[str, object] = {}

    def operation(context: TaskContext) -> int:
        started.set()
        assert release.wait(10)
        seen["cancelled"] = context.cancelled()
        return 1

    tasks.run_quietly(owner, operation, on_success=lambda _r: seen.update(shown=True))
    assert started.wait(10)
    owner.deleteLater()
    qtbot.waitUntil(lambda: tasks.running_count() == 0, timeout=5_000)
    release.set()
    from PySide6.QtCore import QThreadPool

    assert QThreadPool.globalInstance().waitForDone(10_000)
    qtbot.wait(50)
    assert seen == {"cancelled": True}
    assert "already deleted" not in capfd.readouterr().err


def test_a_window_deleted_while_its_task_runs_leaves_the_task_nothing_to_crash_on(
    qtbot: QtBot,
) -> None:
    """The worker reports on a signals object that outlives the deleted window (its parent is
    the application); the deleted task's handlers are never called, the finished runner is let
    go, and the signals object is deleted afterwards on the GUI thread — not on the worker
    thread, which dropped the last Python reference to it."""
    window = QWidget()
    release = threading.Event()
    handled: list[object] = []
    deleted_on_gui_thread: list[bool] = []

    def operation(_context: TaskContext) -> int:
        release.wait(10)
        return 7

    task = tasks.run_quietly(window, operation, on_success=handled.append)
    signals = task._signals
    gui = QThread.currentThread()
    signals.destroyed.connect(
        lambda: deleted_on_gui_thread.append(QThread.currentThread() is gui),
        Qt.ConnectionType.DirectConnection)
    del task
    window.deleteLater()
    qtbot.waitUntil(lambda: not tasks._running, timeout=5_000)  # destroyed: forgotten
    assert signals.objectName() == ""  # still a live object: emitting on it is safe
    release.set()
    qtbot.waitUntil(lambda: not tasks._in_flight, timeout=5_000)
    qtbot.waitUntil(lambda: deleted_on_gui_thread == [True], timeout=5_000)
    assert handled == []
