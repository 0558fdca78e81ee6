"""ui/common/collector.py: the cyclic garbage collector runs on the GUI thread only (a Qt
object freed by it on a worker thread crashed the process at times)."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from ui.common.collector import GuiThreadCollector


class _Cycle:
    """Half of a reference cycle that records the thread it is freed on."""

    def __init__(self, freed_on: list[bool], gui: QThread) -> None:
        self.other: object = self
        self._freed_on, self._gui = freed_on, gui

    def __del__(self) -> None:
        self._freed_on.append(QThread.currentThread() is self._gui)


def test_the_app_collects_cycles_on_the_gui_thread_only(qtbot: QtBot, qapp) -> None:
    assert not gc.isenabled()  # switched off by configure_application (tests/ui/conftest.py)
    assert qapp.findChildren(GuiThreadCollector)
    gui = QThread.currentThread()
    freed_on: list[bool] = []
    _Cycle(freed_on, gui)  # unreachable at once: only the collector can free it

    kept: list[list[object]] = []

    def allocate() -> None:  # a worker thread allocating far past the threshold (and keeping
        kept.append([[] for _ in range(gc.get_threshold()[0] * 5)])  # it: freeing uncounts)

    worker = threading.Thread(target=allocate)
    worker.start()
    worker.join()
    assert freed_on == []  # the worker's allocations did not run the collector there
    qtbot.waitUntil(lambda: freed_on == [True], timeout=5_000)
    kept.clear()


def test_nothing_is_collected_before_the_threshold(qtbot: QtBot) -> None:
    collector = GuiThreadCollector(None)
    try:
        gc.collect()
        assert collector.collect() == 0
    finally:
        collector._timer.stop()
        collector.deleteLater()
