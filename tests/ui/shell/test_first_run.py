"""First run in Chinese: setup wizard → main window → auto-lock → unlock, with screenshots."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QWidget, QWizard
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE, PROFILE
from ui.shell.app import Shell
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES
from ui.shell.setup_wizard import SetupWizard

Screenshot = Callable[[QWidget, str], Path]
RECOVERY_CODE = re.compile(r"^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$")
NAVIGATION = ["工作台", "党员", "组织生活", "党费", "学习教育", "谈心谈话", "组织生活会整改",
              "民主评议", "意见建议", "党务公开", "报表", "同步", "设置"]


def visible_texts(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]


def type_text(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Type like a user: keys for ASCII; Chinese arrives committed from the input method (QTest
    cannot synthesise keys for it)."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.setFocus()
        edit.insert(text)


def click(qtbot: QtBot, wizard: QWizard, button: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(button), Qt.MouseButton.LeftButton)


def test_setup_wizard_then_main_window_then_auto_lock_then_unlock(
    qtbot: QtBot,
    make_workspace: Callable[[], Workspace],
    screenshot: Screenshot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    workspace = make_workspace()
    shell = Shell(workspace, auto_lock_ms=400)
    wizard = shell.start()
    assert isinstance(wizard, SetupWizard)  # the shell deletes it when done
    qtbot.waitExposed(wizard)
    assert wizard.windowTitle() == "BranchDesk 支部工作台"

    # 支部信息: every field is required, and says so beside the field.
    page = wizard.branch_page
    assert page.title() == "支部信息"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is page
    assert [label.text() for label in page.error_labels.values()] == ["必填"] * 4
    screenshot(wizard, "01-setup-branch-required")

    type_text(qtbot, page.name_edit, PROFILE.name)
    type_text(qtbot, page.code_edit, PROFILE.code)
    type_text(qtbot, page.higher_org_edit, PROFILE.higher_org)
    type_text(qtbot, page.secretary_edit, PROFILE.secretary)
    assert [label.text() for label in page.error_labels.values()] == [""] * 4
    screenshot(wizard, "02-setup-branch-filled")
    click(qtbot, wizard, QWizard.WizardButton.NextButton)

    # 设置口令: a live strength hint; a short passphrase is refused beside the fields.
    passphrase_page = wizard.passphrase_page
    assert wizard.currentPage() is passphrase_page
    assert passphrase_page.title() == "设置口令"
    fields = passphrase_page.fields
    qtbot.keyClicks(fields.new_edit, "short")
    assert "太短" in fields.strength_label.text()
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)
    assert wizard.currentPage() is passphrase_page
    assert fields.error_label.text() == "口令至少需要 8 个字符。"
    assert not workspace.exists()
    fields.new_edit.clear()
    qtbot.keyClicks(fields.new_edit, PASSPHRASE)
    qtbot.keyClicks(fields.confirm_edit, PASSPHRASE)
    assert "强度" in fields.strength_label.text()
    screenshot(wizard, "03-setup-passphrase")
    click(qtbot, wizard, QWizard.WizardButton.CommitButton)

    # 恢复码: shown once; finishing needs the confirmation; saving writes the chosen file.
    recovery_page = wizard.recovery_page
    assert wizard.currentPage() is recovery_page
    assert workspace.exists()
    assert workspace.is_unlocked
    code = recovery_page.view.code_label.text()
    assert RECOVERY_CODE.match(code)
    assert recovery_page.title() == "恢复码"
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()

    sheet = tmp_path / "恢复码.txt"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(sheet), ""))
    qtbot.mouseClick(recovery_page.view.save_button, Qt.MouseButton.LeftButton)
    text = sheet.read_text(encoding="utf-8")
    assert code in text
    assert "恢复码" in text
    assert "已保存到" in recovery_page.view.feedback_label.text()

    recovery_page.kept_check.setChecked(True)
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    screenshot(wizard, "04-setup-recovery-code")
    click(qtbot, wizard, QWizard.WizardButton.FinishButton)

    # The main window: Chinese navigation, the branch on 工作台, placeholder pages say so.
    window = shell.main_window
    assert isinstance(window, MainWindow)
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.windowTitle() == f"BranchDesk 支部工作台 — {PROFILE.name}"
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert labels == NAVIGATION
    assert PROFILE.name in visible_texts(window)
    assert PROFILE.secretary in visible_texts(window)
    screenshot(window, "05-main-dashboard")
    window.show_page(PAGES.index("sync"))  # 同步
    assert "尚未注册：请输入平台发放的一次性注册码。" in visible_texts(window)
    assert window.sync_state_label.text() == "同步：未注册"
    screenshot(window, "06-main-sync")
    window.show_page(PAGES.index("settings"))
    screenshot(window, "07-main-settings")

    # Auto-lock: the key is dropped and nothing of the data stays on screen.
    qtbot.waitUntil(lambda: window.is_locked, timeout=5000)
    assert not workspace.is_unlocked
    assert not window.content.isVisible()
    texts = visible_texts(window)
    assert not any(PROFILE.name in text or PROFILE.secretary in text for text in texts)
    assert "已锁定" in texts
    assert any("一段时间未操作" in text for text in texts)
    screenshot(window, "08-locked")

    # Unlock: back where the user was.
    qtbot.keyClicks(window.unlock_panel.passphrase_edit, PASSPHRASE)
    with qtbot.waitSignal(window.unlock_panel.unlocked, timeout=10_000):
        qtbot.mouseClick(window.unlock_panel.unlock_button, Qt.MouseButton.LeftButton)
    assert workspace.is_unlocked
    assert not window.is_locked
    assert window.pages.currentWidget() is window.settings
    window.show_page(0)
    assert PROFILE.name in visible_texts(window)
    screenshot(window, "09-unlocked-again")


def test_cancelling_the_wizard_before_the_passphrase_page_creates_nothing(
    qtbot: QtBot, make_workspace: Callable[[], Workspace]
) -> None:
    workspace = make_workspace()
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    with qtbot.waitSignal(wizard.rejected):
        wizard.reject()
    assert not workspace.exists()


def test_the_wizard_cannot_be_closed_before_the_recovery_code_is_confirmed(
    qtbot: QtBot, make_workspace: Callable[[], Workspace]
) -> None:
    workspace = make_workspace()
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.branch_page
    for edit, value in [
        (page.name_edit, PROFILE.name),
        (page.code_edit, PROFILE.code),
        (page.higher_org_edit, PROFILE.higher_org),
        (page.secretary_edit, PROFILE.secretary),
    ]:
        edit.setText(value)
    wizard.next()
    wizard.passphrase_page.fields.new_edit.setText(PASSPHRASE)
    wizard.passphrase_page.fields.confirm_edit.setText(PASSPHRASE)
    wizard.next()
    assert wizard.currentPage() is wizard.recovery_page
    wizard.reject()
    wizard.close()
    assert wizard.isVisible()
    wizard.recovery_page.kept_check.setChecked(True)
    wizard.close()
    assert not wizard.isVisible()
