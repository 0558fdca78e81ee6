"""With the key remembered, the window shows 工作台 as kept in the database when it is provably
current — before the data is opened — and the live 工作台 takes its place once loaded; after any
change it shows no kept copy (issue 14). Real windows, a real SQLCipher file."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from app.services import members
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE, PROFILE
from tests.conftest import id_number as number
from ui.shell.main_window import MainWindow


def open_window(qtbot: QtBot, workspace: Workspace, **kwargs: object) -> MainWindow:
    window = MainWindow(workspace, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(window)
    window.resize(1000, 700)
    return window


def filled_once(qtbot: QtBot, workspace: Workspace) -> list[str]:
    """Open the window unlocked, wait for 工作台 and for it to be kept; the texts it showed."""
    window = open_window(qtbot, workspace)
    window.show()
    qtbot.waitUntil(lambda: window.dashboard.filled, timeout=30_000)
    qtbot.waitUntil(lambda: workspace.dashboard_from_this_pc(date.today()) is not None,
                    timeout=10_000)
    texts = [label.text() for label in window.dashboard.findChildren(type(window.state_label))
             if label.isVisibleTo(window.dashboard) and label.text()]
    window.close()
    workspace.lock()
    return texts


def add_member(workspace: Workspace) -> None:
    workspace.unlock(PASSPHRASE)
    with workspace.unit_of_work() as uow:
        members.create_member(uow, members.MemberInput(name="新党员", id_number=number(9)),
                              date.today())
        uow.commit()
    workspace.lock()


def test_the_kept_dashboard_shows_first_then_the_live_one(
    qtbot: QtBot, workspace: Workspace
) -> None:
    workspace.set_remember_on_this_pc(True)
    live = filled_once(qtbot, workspace)
    assert live[0] == PROFILE.name

    window = open_window(qtbot, workspace, open_from_this_pc=True)
    unlocked_when_ready: list[bool] = []
    window.ready.connect(lambda: unlocked_when_ready.append(workspace.is_unlocked))
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert unlocked_when_ready == [False]  # filled from the kept copy, before the data opened
    kept = window.snapshot
    assert kept is not None
    texts = [label.text() for label in kept.findChildren(type(window.state_label))
             if label.isVisibleTo(kept) and label.text()]
    assert texts == live  # the same texts as the live 工作台 showed
    assert PROFILE.name in window.windowTitle()

    # The data opens just after, and the live 工作台 takes the copy's place once loaded.
    qtbot.waitUntil(lambda: window.snapshot is None, timeout=30_000)
    assert workspace.is_unlocked
    assert window.pages.currentWidget() is window.dashboard
    assert window.dashboard.filled


def test_after_a_change_no_kept_copy_is_shown(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.set_remember_on_this_pc(True)
    filled_once(qtbot, workspace)
    add_member(workspace)

    window = open_window(qtbot, workspace, open_from_this_pc=True)
    unlocked_when_ready: list[bool] = []
    window.ready.connect(lambda: unlocked_when_ready.append(window.dashboard.filled))
    shown_kept: list[bool] = []
    window.pages.currentChanged.connect(lambda _i: shown_kept.append(window.snapshot is not None))
    with qtbot.waitSignal(window.ready, timeout=30_000):
        window.show()
    assert unlocked_when_ready == [True]  # ready once the live 工作台 was filled
    assert window.snapshot is None
    assert not any(shown_kept)
