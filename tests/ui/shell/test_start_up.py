"""A window that paints at once (issue 14): the frame (or the lock screen) is on the screen before
the database, SQLAlchemy and the pages are loaded; pages are built on first visit and then show
the current data; locking and unlocking work whichever pages were built."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.services import branch
from app.services import members as m
from app.services.workspace import BranchProfile, DerivedKey, Workspace
from tests.conftest import PASSPHRASE, PROFILE, MemoryKeyring
from tests.conftest import id_number as number
from ui.shell.app import Shell
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES

ROOT = Path(__file__).resolve().parents[3]

HEAVY = ["sqlalchemy", "app.storage.models", "app.storage.vault", "cryptography", "keyring",
         "ui.shell.dashboard", "ui.members.page", "ui.meetings.page", "ui.dues.page",
         "ui.sync.page", "ui.settings.page", "ui.reports.page"]

# Runs the GUI in a child process as main.py does, the key remembered in a keyring that answers
# from the environment; at each milestone, writes down which heavy modules were loaded and what
# 工作台 shows.
CHILD = """
import json, os, sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from app.services.workspace import Workspace
from ui.shell import app

class Keyring:
    def get_password(self, service, name):
        return json.loads(os.environ["TEST_KEYRING"]).get(service + "/" + name)

seen = {}

def mark(milestone):
    windows = [w for w in QApplication.topLevelWidgets() if hasattr(w, "pages")]
    dashboard = windows[0].pages.built("dashboard") if windows else None
    seen[milestone] = {
        "loaded": [name for name in json.loads(os.environ["TEST_HEAVY"]) if name in sys.modules],
        "heading": dashboard.heading.text() if dashboard is not None else None,
        "locked": windows[0].is_locked if windows else None,
    }

app.mark = mark
status = app.run_gui(Workspace(Path(sys.argv[1]), keyring=Keyring()))
print(json.dumps(seen))
sys.exit(status)
"""


def start_in_a_process(data_dir: Path, keyring: MemoryKeyring) -> dict[str, dict[str, object]]:
    env = {**os.environ, "BRANCHDESK_QUIT_WHEN_READY": "1", "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT), "TEST_HEAVY": json.dumps(HEAVY),
           "TEST_KEYRING": json.dumps({f"{s}/{n}": key for (s, n), key in keyring.entries.items()})}
    result = subprocess.run([sys.executable, "-c", CHILD, str(data_dir)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    seen: dict[str, dict[str, object]] = json.loads(result.stdout.strip().splitlines()[-1])
    return seen


def test_with_the_key_remembered_the_frame_paints_before_the_data_and_pages_load(
    workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    workspace.set_remember_on_this_pc(True)
    workspace.lock()
    seen = start_in_a_process(workspace.data_dir, memory_keyring)
    assert list(seen) == ["first_paint", "ready"]
    assert seen["first_paint"] == {"loaded": [], "heading": None, "locked": False}
    ready = seen["ready"]
    assert ready["heading"] == PROFILE.name  # 工作台 filled before the script may quit
    assert ready["locked"] is False
    assert "sqlalchemy" in ready["loaded"]  # type: ignore[operator]
    assert "ui.settings.page" not in ready["loaded"]  # type: ignore[operator]


def test_without_it_the_lock_screen_is_ready_before_the_data_loads(
    workspace: Workspace, memory_keyring: MemoryKeyring
) -> None:
    workspace.lock()
    seen = start_in_a_process(workspace.data_dir, memory_keyring)
    assert list(seen) == ["first_paint", "ready"]
    assert seen["ready"] == {"loaded": [], "heading": None, "locked": True}


def test_a_later_start_opens_directly_when_remembered_on_this_pc(
    qtbot: QtBot, workspace: Workspace, make_workspace: Callable[..., Workspace]
) -> None:
    """(Moved from test_unlock.) The frame says the data is being opened, then shows it."""
    workspace.set_remember_on_this_pc(True)
    workspace.lock()
    shell = Shell(make_workspace())
    window = shell.start()
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert not window.is_locked
    assert window.pages.currentWidget().findChild(QLabel).text() == "正在打开数据…"
    assert all(window.pages.built(name) is None for name in PAGES)
    with qtbot.waitSignal(shell.ready, timeout=10_000):
        pass
    assert window.pages.built("dashboard") is window.pages.currentWidget()
    assert window.dashboard.heading.text() == PROFILE.name
    assert [name for name in PAGES if window.pages.built(name) is not None] == ["dashboard"]


def test_when_the_remembered_key_fails_the_lock_screen_follows(
    qtbot: QtBot, workspace: Workspace, make_workspace: Callable[..., Workspace],
    memory_keyring: MemoryKeyring,
) -> None:
    workspace.set_remember_on_this_pc(True)
    workspace.lock()
    memory_keyring.entries.clear()
    shell = Shell(make_workspace())
    window = shell.start()
    qtbot.addWidget(window)
    with qtbot.waitSignal(shell.ready, timeout=10_000):
        pass
    assert isinstance(window, MainWindow)
    assert window.is_locked
    assert window.pages.built("dashboard") is None


def test_a_page_built_on_first_visit_shows_the_current_data(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert [name for name in PAGES if window.pages.built(name) is not None] == ["dashboard"]
    with workspace.unit_of_work() as uow:  # written after the window opened
        m.create_member(uow, m.MemberInput(name="王新", id_number=number(1)), date(2020, 1, 1))
        branch.save_profile(uow, BranchProfile("改名党支部", PROFILE.code, PROFILE.higher_org,
                                               PROFILE.secretary))
        uow.commit()
    window.show_page(PAGES.index("members"))
    assert window.pages.currentWidget() is window.members
    qtbot.waitUntil(lambda: window.members.model.count == 1)
    window.show_page(PAGES.index("settings"))
    assert window.settings.branch_box.name_edit.text() == "改名党支部"


def test_lock_and_unlock_touch_only_the_pages_built(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.lock()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.is_locked
    assert all(window.pages.built(name) is None for name in PAGES)
    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlock_panel.unlocked, timeout=10_000):
        window.unlock_panel.try_unlock()
    assert not window.is_locked
    assert window.dashboard.heading.text() == PROFILE.name
    assert window.pages.built("members") is None
    window.lock()
    assert window.dashboard.heading.text() == ""
    members = window.members  # built while locked: empty, and filled at the unlock
    assert members.model.count == 0
    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlock_panel.unlocked, timeout=10_000):
        window.unlock_panel.try_unlock()
    assert window.dashboard.heading.text() == PROFILE.name
    assert window.pages.built("dues") is None


class ShownWindows(QObject):
    """Every widget shown as a window of its own (besides ``main``) while it watches."""

    def __init__(self, main: QWidget) -> None:
        super().__init__()
        self._main = main
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and watched is not self._main):
            self.shown.append(type(watched).__name__)
        return False


@pytest.mark.parametrize("name", [name for name in PAGES if name != "dashboard"])
def test_building_a_page_in_the_shown_window_flashes_no_window_of_its_own(
    qtbot: QtBot, workspace: Workspace, name: str
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    watch = ShownWindows(window)
    QApplication.instance().installEventFilter(watch)
    try:
        window.show_page(PAGES.index(name))
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert window.pages.currentWidget() is getattr(window, name)
    assert watch.shown == []


def test_the_passphrase_is_worked_into_the_key_off_the_gui_thread(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[threading.Thread] = []
    real = Workspace.derive_key

    def derive_key(self: Workspace, secret: str, recovery: bool = False) -> DerivedKey:
        threads.append(threading.current_thread())
        return real(self, secret, recovery)

    monkeypatch.setattr(Workspace, "derive_key", derive_key)
    workspace.lock()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    panel = window.unlock_panel
    panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(panel.unlocked, timeout=10_000):
        assert panel.try_unlock() is not None
        assert panel.unlocking
        assert not panel.unlock_button.isEnabled()
    assert not window.is_locked
    assert len(threads) == 1
    assert threads[0] is not threading.main_thread()


def test_the_idle_watch_filters_the_applications_events_only_while_it_runs(
    qapp: QApplication,
) -> None:
    # A Python filter on the whole application before the first paint slows the start: every
    # event of every object is converted to Python (README, "Start-up").
    from ui.shell.autolock import IdleWatch

    seen: list[QEvent.Type] = []

    class Watch(IdleWatch):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            seen.append(event.type())
            return super().eventFilter(watched, event)

    watch = Watch(timeout_ms=60_000)
    target = QObject()
    QApplication.sendEvent(target, QEvent(QEvent.Type.User))
    assert seen == []
    watch.start()
    QApplication.sendEvent(target, QEvent(QEvent.Type.User))
    assert seen == [QEvent.Type.User]
    watch.stop()
    QApplication.sendEvent(target, QEvent(QEvent.Type.User))
    assert seen == [QEvent.Type.User]
