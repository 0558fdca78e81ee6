"""The lock screen: wrong passphrase in the dialog, the growing delay, the recovery code, typed text
surviving a lock, and which window a later start shows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.errors import WrongPassphraseError, WrongRecoveryCodeError
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE, PROFILE
from ui.shell.app import Shell
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES

Screenshot = Callable[[QWidget, str], Path]


class FrozenClock:
    """Monotonic time that moves only when told (the throttle's delays are then exact)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def locked_window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    workspace.lock()
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.is_locked
    return window


def type_and_unlock(qtbot: QtBot, window: MainWindow, secret: str) -> None:
    panel = window.unlock_panel
    edit = panel.recovery_edit if panel.using_recovery_code else panel.passphrase_edit
    edit.clear()
    qtbot.keyClicks(edit, secret)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not panel.unlocking, timeout=10_000)  # the key is derived off-thread


def test_wrong_passphrase_is_reported_in_the_dialog_and_then_delays(
    qtbot: QtBot,
    make_workspace: Callable[..., Workspace],
    screenshot: Screenshot,
) -> None:
    clock = FrozenClock()
    workspace = make_workspace(clock=clock)
    workspace.create(PROFILE, PASSPHRASE)
    window = locked_window(qtbot, workspace)
    panel = window.unlock_panel
    database = workspace.data_dir / "branchdesk.db"
    before = database.read_bytes() if database.exists() else b""

    type_and_unlock(qtbot, window, "not the passphrase")
    assert not workspace.is_unlocked
    assert panel.message_label.text() == "口令不正确。"
    assert panel.unlock_button.isEnabled()
    screenshot(window, "10-unlock-wrong-passphrase")

    type_and_unlock(qtbot, window, "still not it")
    type_and_unlock(qtbot, window, "nor this")
    assert panel.message_label.text().startswith("口令不正确。")
    assert "请等待 5 秒后再试" in panel.message_label.text()
    assert not panel.unlock_button.isEnabled()
    assert panel.unlock_button.text() == "解锁（请等待 5 秒）"
    screenshot(window, "11-unlock-throttled")
    qtbot.waitUntil(lambda: panel.unlock_button.text() == "解锁（请等待 4 秒）", timeout=2500)

    # Return while waiting does nothing; the database was not touched by any of this.
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not workspace.is_unlocked
    if before:
        assert database.read_bytes() == before


def test_unlock_with_the_recovery_code(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot
) -> None:
    window = locked_window(qtbot, workspace)
    panel = window.unlock_panel
    qtbot.mouseClick(panel.mode_button, Qt.MouseButton.LeftButton)
    assert panel.using_recovery_code
    assert "恢复码" in panel.prompt_label.text()
    screenshot(window, "12-unlock-recovery-code")
    type_and_unlock(qtbot, window, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    assert panel.message_label.text() == "恢复码不正确。"
    type_and_unlock(qtbot, window, workspace.recovery_code.lower())
    assert workspace.is_unlocked
    assert not window.is_locked


NEW_PASSPHRASE = "a passphrase I will remember"


def test_the_recovery_code_leads_to_a_new_passphrase_and_a_new_recovery_code(
    qtbot: QtBot,
    workspace: Workspace,
    make_workspace: Callable[..., Workspace],
    screenshot: Screenshot,
) -> None:
    old_code = workspace.recovery_code
    window = locked_window(qtbot, workspace)
    qtbot.mouseClick(window.unlock_panel.mode_button, Qt.MouseButton.LeftButton)
    type_and_unlock(qtbot, window, old_code)
    assert not window.is_locked
    dialog = window.after_recovery
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.windowTitle() == "设置新口令"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.new_edit)
    screenshot(dialog, "15-after-recovery-new-passphrase")

    qtbot.keyClicks(dialog.fields.new_edit, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.fields.confirm_edit, NEW_PASSPHRASE + "x")
    qtbot.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert dialog.fields.error_label.text() == "两次输入的口令不一致。"
    dialog.fields.confirm_edit.clear()
    qtbot.keyClicks(dialog.fields.confirm_edit, NEW_PASSPHRASE)
    qtbot.keyClick(dialog.fields.confirm_edit, Qt.Key.Key_Return)
    assert dialog.done_label.isVisible()
    assert not workspace.unlocked_with_recovery_code

    qtbot.mouseClick(dialog.new_code_button, Qt.MouseButton.LeftButton)
    new_code = dialog.recovery_view.code_label.text()
    assert new_code
    assert new_code != old_code
    assert "旧恢复码已失效" in dialog.recovery_feedback.text()
    screenshot(dialog, "16-after-recovery-new-code")
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.after_recovery is None)

    window.lock()
    other = make_workspace()
    with pytest.raises(WrongPassphraseError):
        other.unlock(PASSPHRASE)
    with pytest.raises(WrongRecoveryCodeError):
        other.unlock_with_recovery_code(old_code)
    other.unlock(NEW_PASSPHRASE)
    other.lock()
    other.unlock_with_recovery_code(new_code)
    other.lock()


def test_a_skipped_new_passphrase_is_asked_again_at_the_next_recovery(
    qtbot: QtBot, workspace: Workspace
) -> None:
    code = workspace.recovery_code
    window = locked_window(qtbot, workspace)
    qtbot.mouseClick(window.unlock_panel.mode_button, Qt.MouseButton.LeftButton)
    type_and_unlock(qtbot, window, code)
    dialog = window.after_recovery
    assert dialog is not None
    qtbot.mouseClick(dialog.later_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.after_recovery is None)
    assert not window.is_locked

    window.lock()  # with the passphrase: nothing to ask
    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked
    assert window.after_recovery is None

    window.lock()
    qtbot.mouseClick(window.unlock_panel.mode_button, Qt.MouseButton.LeftButton)
    type_and_unlock(qtbot, window, code)
    assert window.after_recovery is not None
    assert window.after_recovery.isVisible()
    window.lock()  # the question belongs to that unlock: locking closes it
    qtbot.waitUntil(lambda: window.after_recovery is None)


def test_text_typed_in_a_page_survives_lock_and_unlock(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace, auto_lock_ms=300)
    qtbot.addWidget(window)
    window.show()
    window.show_page(PAGES.index("settings"))
    field = window.settings.current_edit
    qtbot.keyClicks(field, "half-typed")

    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)
    assert not workspace.is_unlocked
    assert not field.isVisible()
    shown = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    assert not any(PROFILE.name in text for text in shown)

    type_and_unlock(qtbot, window, PASSPHRASE)
    assert not window.is_locked
    assert field.isVisible()
    assert field.text() == "half-typed"


def test_input_postpones_auto_lock(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace, auto_lock_ms=60_000)
    qtbot.addWidget(window)
    window.show()
    window.show_page(PAGES.index("settings"))
    # Pages are built on first visit, 同步 just after the unlock: once they are (the GUI thread
    # is busy meanwhile, with no input), a 0.6 s timeout.
    qtbot.waitUntil(lambda: window.sync_state_label.text() != "", timeout=10_000)
    window.idle_watch.set_timeout_ms(600)
    for _ in range(4):
        qtbot.wait(250)
        qtbot.keyClick(window.settings.current_edit, Qt.Key.Key_A)
    assert not window.is_locked  # a second of typing, with a 0.6 s timeout
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)


def test_lock_now_button(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    assert window.lock_button.text() == "立即锁定"
    qtbot.mouseClick(window.lock_button, Qt.MouseButton.LeftButton)
    assert window.is_locked
    assert not workspace.is_unlocked


def test_a_later_start_asks_for_the_passphrase(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.lock()
    window = Shell(workspace).start()
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    assert window.is_locked
    assert window.unlock_panel.prompt_label.text() == "请输入口令解锁："
