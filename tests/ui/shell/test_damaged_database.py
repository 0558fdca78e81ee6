"""A damaged database in the window: unlocking (and the pages read right after it) say what
happened and what to do, in Chinese, and the window stays locked; no traceback."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services import demo
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE, overwrite_bytes
from tests.ui.shell.test_unlock import locked_window, type_and_unlock
from ui.common.messages import damaged_database_text

Screenshot = Callable[[QWidget, str], Path]


@pytest.mark.parametrize("where", ["header", "middle", "end"])
def test_unlocking_a_damaged_database_says_so(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot, where: str
) -> None:
    with workspace.unit_of_work() as uow:
        demo.populate(uow, date(2026, 11, 25), 60)
        uow.commit()
    workspace.lock()
    database = workspace.data_dir / "branchdesk.db"
    size = database.stat().st_size
    overwrite_bytes(database, {"header": 0, "middle": size // 2, "end": -8}[where])

    window = locked_window(qtbot, workspace)
    type_and_unlock(qtbot, window, PASSPHRASE)

    def told() -> None:
        assert window.unlock_panel.message_label.text() == damaged_database_text()

    qtbot.waitUntil(told)
    assert window.is_locked
    assert not workspace.is_unlocked
    assert "备份" in damaged_database_text()
    screenshot(window, f"damaged-database-{where}")


def test_the_lock_screen_restores_the_latest_backup(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path, screenshot: Screenshot
) -> None:
    backup = tmp_path / "latest.bdbackup"
    workspace.backup(backup)
    workspace.lock()
    database = workspace.data_dir / "branchdesk.db"
    overwrite_bytes(database, 0)

    window = locked_window(qtbot, workspace)
    panel = window.unlock_panel
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: panel.restore_button.isVisible())
    assert panel.message_label.text() == damaged_database_text()
    screenshot(window, "damaged-database-restore")

    task = panel.restore_from(backup)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert not panel.restore_button.isVisible()
    assert list((workspace.data_dir / "replaced").glob("*/branchdesk.db"))  # kept aside
    type_and_unlock(qtbot, window, PASSPHRASE)
    qtbot.waitUntil(lambda: not window.is_locked)
    assert workspace.check().ok
