"""Cold start of BranchDesk vs a bare PySide6 QMainWindow, in the same run (issues 2 and 14).

Two figures, each against the bare window's first paint:

* **first paint** — the first window on the screen: with the key remembered on this PC, the main
  window's frame with 工作台 saying that the data is being opened (goal <= 1.5x);
* **usable** — 工作台 filled with the branch's data, every page reachable (goal <= 3x). The
  warm-up run opens the data and keeps 工作台 in the database; the timed runs start on the same
  day with nothing changed, so they fill 工作台 from that copy (``ui.shell.dashboard_frame``).
  The start without it (the first of a day, or after a change) is printed for information.

Both are measured the same way: the wall-clock time from spawning a fresh Python process until
the process writes the milestone's wall-clock time to the file named by ``BRANCHDESK_MILESTONES``
(``ui.shell.startup.mark``; the bare script writes its first paint the same way), once the window
(or a widget in it) has been painted and the event loop has turned once. BranchDesk starts
through ``main.py`` exactly as a user's shortcut does. The lock screen (no remembered key) is
timed too, for information: it is the first window of a PC where the key is not remembered.
Runs alternate between the programs (the machine's load hits both alike); medians of ``RUNS``.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7
FIRST_PAINT_GOAL = 1.5
USABLE_GOAL = 3.0
MILESTONES_ENV = "BRANCHDESK_MILESTONES"  # as ui.shell.startup (not imported: no Qt here)
NO_KEPT_DASHBOARD_ENV = "BRANCHDESK_NO_KEPT_DASHBOARD"  # as ui.shell.main_window

BARE = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


def painted():
    with open(os.environ["BRANCHDESK_MILESTONES"], "a", encoding="utf-8") as file:
        file.write(f"first_paint {time.time():.6f}\\n")
    app.quit()


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and (watched is window or window.isAncestorOf(watched))):
            app.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1100, 720)
first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.show()
app.exec()
"""


def milestones(args: list[str], env: dict[str, str]) -> dict[str, float]:
    """Run ``args`` once; the seconds from spawning it to each milestone it wrote."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "milestones.txt"
        start = time.time()
        subprocess.run(args, cwd=ROOT, env={**env, MILESTONES_ENV: str(path)}, check=True,
                       stdout=subprocess.DEVNULL)
        lines = path.read_text(encoding="utf-8").split("\n")
    return {name: float(stamp) - start for name, stamp in (line.split() for line in lines if line)}


Program = tuple[list[str], dict[str, str]]  # the command and what it adds to the environment


def medians(programs: dict[str, Program], env: dict[str, str]) -> dict[str, dict[str, float]]:
    """Run each program ``RUNS`` times, alternating; the median seconds of each milestone."""
    for args, extra in programs.values():
        milestones(args, {**env, **extra})  # warm the OS file cache and .pyc files once
    runs: dict[str, list[dict[str, float]]] = {name: [] for name in programs}
    for _ in range(RUNS):
        for name, (args, extra) in programs.items():
            runs[name].append(milestones(args, {**env, **extra}))
    return {
        name: {key: statistics.median(run[key] for run in found) for key in found[0]}
        for name, found in runs.items()
    }


def bench_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHON_KEYRING_BACKEND"] = "bench.file_keyring.FileKeyring"
    env["BENCH_KEYRING_FILE"] = str(folder / "keyring.json")
    env["PYTHONPATH"] = str(ROOT)
    env["BRANCHDESK_QUIT_WHEN_READY"] = "1"
    # A user's start reads compiled modules (installed .pyc files, the bundle's archive): the
    # warm-up run writes them, unless the shell said not to (then every run compiled the app's
    # sources, which the bare window, all in site-packages, never does).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _prepare(folder: Path, env: dict[str, str], remember: bool = True) -> Path:
    data_dir = folder / "data"
    sys.path.insert(0, str(ROOT))
    from app.services.workspace import BranchProfile, Workspace

    os.environ.update(env)
    from main import OsKeyring

    workspace = Workspace(data_dir, keyring=OsKeyring())
    workspace.create(BranchProfile("基准测试党支部", "BENCH", "上级党委", "书记"), "benchmark pass")
    if remember:
        workspace.set_remember_on_this_pc(True)
    workspace.lock()
    return data_dir


def _ratio(name: str, seconds: float, floor: float, goal: float) -> str:
    ratio = seconds / floor
    verdict = "OK" if ratio <= goal else "OVER"
    return (f"startup: {name} {seconds * 1000:.0f} ms, ratio {ratio:.2f}x (goal <= {goal}x) "
            f"{verdict}")


def main() -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = bench_env(folder)
        remembered = _prepare(folder / "remembered", env)
        locked = _prepare(folder / "locked", env, remember=False)
        main_py = [sys.executable, str(ROOT / "main.py"), "--data-dir"]
        found = medians({
            "bare": ([sys.executable, "-c", BARE], {}),
            "remembered": ([*main_py, str(remembered)], {}),
            "first of the day": ([*main_py, str(remembered)], {NO_KEPT_DASHBOARD_ENV: "1"}),
            "locked": ([*main_py, str(locked)], {}),
        }, env)
    floor = found["bare"]["first_paint"]
    print(f"startup: bare QMainWindow first paint {floor * 1000:.0f} ms (median of {RUNS})")
    print(_ratio("first paint (工作台 opening, key remembered)",
                 found["remembered"]["first_paint"], floor, FIRST_PAINT_GOAL))
    print(_ratio("usable (工作台 filled)", found["remembered"]["ready"], floor, USABLE_GOAL))
    first = found["first of the day"]["ready"]
    print(f"startup: for information, usable without 工作台 kept in the database (the first "
          f"start of a day, or after a change) {first * 1000:.0f} ms, {first / floor:.2f}x")
    print(f"startup: for information, the lock screen (key not remembered) "
          f"{found['locked']['first_paint'] * 1000:.0f} ms, "
          f"{found['locked']['first_paint'] / floor:.2f}x")
