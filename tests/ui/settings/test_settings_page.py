"""设置: change passphrase, remember on this PC (working and broken keyring), auto-lock minutes,
new recovery code, backup and restore through the background-task helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.errors import WrongPassphraseError
from app.services import branch
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE, PROFILE, BrokenKeyring
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES

Screenshot = Callable[[QWidget, str], Path]
NEW_PASSPHRASE = "a new and longer passphrase"


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    main.show_page(PAGES.index("settings"))
    qtbot.waitExposed(main)
    return main


def message_box(widget: QWidget) -> QMessageBox:
    boxes = [box for box in widget.findChildren(QMessageBox) if box.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_change_passphrase(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, screenshot: Screenshot
) -> None:
    page = window.settings
    qtbot.keyClicks(page.current_edit, PASSPHRASE)
    qtbot.keyClicks(page.new_passphrase.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(page.new_passphrase.confirm_edit, NEW_PASSPHRASE + "x")
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.new_passphrase.error_label.text() == "两次输入的口令不一致。"

    page.new_passphrase.confirm_edit.clear()
    qtbot.keyClicks(page.new_passphrase.confirm_edit, NEW_PASSPHRASE)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.passphrase_feedback.text() == "口令已更改。"
    assert page.current_edit.text() == ""
    screenshot(window, "13-settings-passphrase-changed")

    workspace.lock()
    with pytest.raises(WrongPassphraseError):
        workspace.unlock(PASSPHRASE)
    workspace.unlock(NEW_PASSPHRASE)


def test_change_passphrase_with_a_wrong_current_one(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = window.settings
    qtbot.keyClicks(page.current_edit, "wrong current passphrase")
    qtbot.keyClicks(page.new_passphrase.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(page.new_passphrase.confirm_edit, NEW_PASSPHRASE)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    assert page.passphrase_feedback.text() == "口令或恢复码不正确。"
    workspace.lock()
    workspace.unlock(PASSPHRASE)


def test_change_passphrase_with_the_recovery_code_as_the_current_secret(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    page = window.settings
    assert page.current_edit.placeholderText() == "忘记了口令？这里也可以输入恢复码。"
    qtbot.keyClicks(page.current_edit, workspace.recovery_code)
    qtbot.keyClicks(page.new_passphrase.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(page.new_passphrase.confirm_edit, NEW_PASSPHRASE)
    qtbot.mouseClick(page.change_button, Qt.MouseButton.LeftButton)
    # The way to a new recovery code is named (the CLI said so; the page did not).
    assert page.passphrase_feedback.text() == (
        "口令已更改。恢复码仍然有效；如可能已被他人看到，请使用下方的“生成新的恢复码…”。")
    workspace.lock()
    with pytest.raises(WrongPassphraseError):
        workspace.unlock(PASSPHRASE)
    workspace.unlock(NEW_PASSPHRASE)


def test_remember_on_this_pc_with_a_working_keyring(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    make_workspace: Callable[..., Workspace],
) -> None:
    page = window.settings
    assert not page.remember_check.isChecked()
    page.remember_check.click()
    assert workspace.remembered_on_this_pc
    assert "不再询问口令" in page.remember_feedback.text()
    other = make_workspace()  # a later start, same keyring
    assert other.unlock_from_this_pc()
    other.lock()

    page.remember_check.click()
    assert not workspace.remembered_on_this_pc
    assert not make_workspace().unlock_from_this_pc()


def test_remember_on_this_pc_with_a_broken_keyring(
    qtbot: QtBot,
    make_workspace: Callable[..., Workspace],
    screenshot: Screenshot,
) -> None:
    workspace = make_workspace(keyring=BrokenKeyring())
    workspace.create(PROFILE, PASSPHRASE)
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page(PAGES.index("settings"))
    page = window.settings
    page.remember_check.click()
    assert not page.remember_check.isChecked()
    assert "凭据" in page.remember_feedback.text()
    screenshot(window, "14-settings-keyring-unavailable")


def test_auto_lock_minutes_are_saved_and_applied(window: MainWindow, workspace: Workspace) -> None:
    page = window.settings
    assert page.auto_lock_spin.value() == 10
    assert window.idle_watch.timeout_ms == 10 * 60_000
    page.auto_lock_spin.setValue(3)
    assert window.idle_watch.timeout_ms == 3 * 60_000
    assert "3 分钟" in page.auto_lock_feedback.text()
    with workspace.unit_of_work() as uow:
        assert branch.load_preferences(uow).auto_lock_minutes == 3
    page.auto_lock_spin.setValue(0)
    assert page.auto_lock_spin.text() == "从不"
    assert window.idle_watch.timeout_ms == 0
    assert not window.idle_watch.active


def test_new_recovery_code(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, screenshot: Screenshot
) -> None:
    page = window.settings
    old_code = workspace.recovery_code
    qtbot.mouseClick(page.recovery_button, Qt.MouseButton.LeftButton)
    box = message_box(page)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    new_code = page.recovery_view.code_label.text()
    assert new_code
    assert new_code != old_code
    assert page.recovery_view.isVisible()
    label = page.recovery_view.code_label
    qtbot.waitUntil(lambda: label.height() >= label.sizeHint().height())
    qtbot.waitUntil(lambda: not page.recovery_feedback.visibleRegion().isEmpty())
    screenshot(window, "15-settings-new-recovery-code")

    window.lock()  # the code on screen goes away with the lock
    assert page.recovery_view.code_label.text() == ""
    window.unlock_panel.toggle_mode()
    window.unlock_panel.recovery_edit.setText(new_code)
    with qtbot.waitSignal(window.unlock_panel.unlocked, timeout=10_000):  # key derived off-thread
        window.unlock_panel.try_unlock()
    assert workspace.is_unlocked


def test_backup_runs_through_the_task_helper_and_writes_the_file(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    screenshot: Screenshot,
) -> None:
    page = window.settings
    target = tmp_path / "备份"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    qtbot.mouseClick(page.backup_button, Qt.MouseButton.LeftButton)
    task = page.last_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    written = target.with_suffix(".bdbackup")
    assert written.is_file()
    assert written.stat().st_size > 0
    assert page.backup_feedback.text() == f"备份已保存到 {written}。"
    screenshot(window, "16-settings-backup-done")


def test_backup_to_a_missing_folder_says_so(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    page = window.settings
    task = page.back_up_to(tmp_path / "no such folder" / "b.bdbackup")
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert "不存在" in page.backup_feedback.text()


def test_restore_locks_and_shows_the_unlock_screen(
    qtbot: QtBot,
    window: MainWindow,
    workspace: Workspace,
    tmp_path: Path,
    screenshot: Screenshot,
) -> None:
    page = window.settings
    backup = tmp_path / "b.bdbackup"
    workspace.backup(backup)
    box = page.ask_restore(backup)
    assert "b.bdbackup" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    task = page.last_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert window.is_locked
    assert not workspace.is_unlocked
    assert "已从备份恢复" in window.unlock_panel.message_label.text()
    screenshot(window, "17-restored-locked")
    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(window.unlock_panel.unlocked, timeout=10_000):  # key derived off-thread
        window.unlock_panel.try_unlock()
    assert not window.is_locked


def test_restoring_a_file_that_is_not_a_backup_is_refused(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path
) -> None:
    page = window.settings
    bogus = tmp_path / "notes.bdbackup"
    bogus.write_text("not a backup", encoding="utf-8")
    task = page.restore_from(bogus)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert "不是" in page.backup_feedback.text()
    assert workspace.is_unlocked
    assert not window.is_locked
