"""Confirmations name their action on the buttons (生成新恢复码 / 取消), never 是/否, and the safe
answer is the default."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.errors import MassDeletionConfirmationRequired
from app.services.workspace import Workspace
from ui.shell.main_window import MainWindow
from ui.sync import page as sync_page
from ui.sync.page import SyncPage

UI = Path(__file__).resolve().parents[2] / "ui"
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def answers(box: QMessageBox) -> tuple[str, str]:
    assert box.defaultButton() is box.button(NO)
    return box.button(YES).text(), box.button(NO).text()


def test_the_recovery_code_question_names_its_action(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    box = window.settings.ask_new_recovery_code()
    assert answers(box) == ("生成新恢复码", "取消")
    box.reject()


def test_the_sync_page_questions_name_their_action(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = SyncPage(workspace)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    page.connection_box.server_edit.setText("http://platform.intranet.example:8765")
    page.connection_box.save_button.click()
    assert page.connection_box.insecure_box is not None
    assert answers(page.connection_box.insecure_box) == ("使用未加密地址", "取消")
    page.connection_box.insecure_box.reject()

    def refused(*_args: Any, **_kwargs: Any) -> None:
        raise MassDeletionConfirmationRequired(40, 0.1)

    monkeypatch.setattr(sync_page.service, "sync_now", refused)
    page.sync_now()
    assert page.last_task is not None
    with qtbot.waitSignal(page.last_task.finished, timeout=10000):
        pass
    assert page.mass_deletion_box is not None
    assert answers(page.mass_deletion_box) == ("从本机删除", "取消")
    page.mass_deletion_box.reject()


def test_no_question_in_the_ui_keeps_qts_yes_and_no_texts() -> None:
    """Every box made with the Yes/No buttons renames both (or Qt shows 是/否), and none uses
    the static QMessageBox.question, whose buttons cannot be renamed."""
    for source in UI.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "QMessageBox.question(" not in text, source.name
        made = len(re.findall(r"StandardButton\.Yes\s*\|", text))
        named = len(re.findall(r"button\(QMessageBox\.StandardButton\.Yes\)\.setText", text))
        renamed_no = len(re.findall(r"button\(QMessageBox\.StandardButton\.No\)\.setText", text))
        assert made == named == renamed_no, source.name
