"""Python's cyclic garbage collector, run on the GUI thread only.

A Qt object owned by Python (one without a parent) that sits in a reference cycle is deleted when
the collector frees the cycle — on whichever thread happened to allocate at that moment: a
background task's worker thread, or a library's own thread. Deleting a QObject away from its
thread crashes the process at times (a segfault seen in the test suite: the collector ran on a
thread of the test runner while 工作台's sections worked in the background). So the automatic
collector is switched off and a timer on the GUI thread collects instead, by the collector's own
thresholds; reference counting frees everything else at once, as before.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250


class GuiThreadCollector(QObject):
    """Switches the automatic collector off and collects on the GUI thread (the thread this
    object lives in) every ``INTERVAL_MS``, when the collector would have."""

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.collect)
        self._timer.start(INTERVAL_MS)

    def collect(self) -> int:
        return collect_due()


def collect_due() -> int:
    """Collect the generations whose thresholds are passed, on the calling thread; returns how
    many objects were found unreachable (0 when none was due)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    if counts[0] < thresholds[0]:
        return 0
    generation = 2 if counts[2] > thresholds[2] else 1 if counts[1] > thresholds[1] else 0
    return gc.collect(generation)
