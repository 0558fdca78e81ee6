"""Moving to a new PC: the first-run wizard restores a backup instead of creating a branch."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring
from ui.shell.app import Shell
from ui.shell.main_window import MainWindow
from ui.shell.setup_wizard import SetupWizard

Screenshot = Callable[[QWidget, str], Path]


def old_pc_backup(tmp_path: Path) -> Path:
    old = Workspace(tmp_path / "old-pc", keyring=MemoryKeyring(), kdf=FAST_KDF)
    old.create(PROFILE, PASSPHRASE)
    backup = tmp_path / "搬家.bdbackup"
    old.backup(backup)
    old.lock()
    return backup


def test_restore_from_a_backup_in_the_setup_wizard(
    qtbot: QtBot,
    make_workspace: Callable[..., Workspace],
    tmp_path: Path,
    screenshot: Screenshot,
) -> None:
    backup = old_pc_backup(tmp_path)
    workspace = make_workspace()
    shell = Shell(workspace)
    wizard = shell.start()
    assert isinstance(wizard, SetupWizard)  # the shell deletes it when done

    dialog = wizard.ask_backup_passphrase(backup)
    assert "搬家.bdbackup" in dialog.labelText()
    dialog.setTextValue("wrong passphrase")
    dialog.accept()
    task = wizard.last_task
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert wizard.isVisible()
    assert wizard.branch_page.restore_feedback.text().startswith("口令不正确")
    assert not workspace.exists()
    screenshot(wizard, "19-setup-restore-wrong-passphrase")

    task = wizard.restore_from(backup, PASSPHRASE)
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    window = shell.main_window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert workspace.exists()
    # The passphrase typed for the backup is not asked for a second time.
    assert not window.is_locked
    assert "已从备份恢复" in window.state_label.text()
    assert window.dashboard.name_label.text() == PROFILE.name
    assert window.after_recovery is None  # the passphrase, not the recovery code, was typed


def test_restore_with_the_recovery_code_leads_to_a_new_passphrase(
    qtbot: QtBot,
    make_workspace: Callable[..., Workspace],
    tmp_path: Path,
) -> None:
    old = Workspace(tmp_path / "old-pc", keyring=MemoryKeyring(), kdf=FAST_KDF)
    code = old.create(PROFILE, PASSPHRASE)
    backup = tmp_path / "搬家.bdbackup"
    old.backup(backup)
    old.lock()
    workspace = make_workspace()
    shell = Shell(workspace)
    wizard = shell.start()
    assert isinstance(wizard, SetupWizard)
    task = wizard.restore_from(backup, code.lower())
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    window = shell.main_window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    assert not window.is_locked
    qtbot.waitUntil(lambda: window.after_recovery is not None)
    dialog = window.after_recovery
    assert dialog is not None
    assert dialog.isVisible()
    dialog.fields.new_edit.setText("the passphrase of the new pc")
    dialog.fields.confirm_edit.setText("the passphrase of the new pc")
    assert dialog.set_passphrase()
    workspace.lock()
    workspace.unlock("the passphrase of the new pc")
