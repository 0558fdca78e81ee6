"""设置: the branch profile is editable (audited, queued for sync), the title bar shows the branch,
and printed name lists can be ordered by 姓氏笔画 (issue 13)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.name_order import NameOrder
from app.services import branch
from app.services.workspace import Workspace
from app.storage.models import AuditEntry, OutboxEntry
from tests.conftest import PROFILE
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.show()
    main.show_page(PAGES.index("settings"))
    qtbot.waitExposed(main)
    return main


def type_chinese(edit, text: str) -> None:
    """Chinese arrives committed from the input method (QTest cannot type it as keys)."""
    edit.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def retype(qtbot: QtBot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_chinese(edit, text)


def test_the_title_bar_shows_the_branch(window: MainWindow) -> None:
    assert window.windowTitle() == f"BranchDesk 支部工作台 — {PROFILE.name}"
    window.lock()
    assert window.windowTitle() == "BranchDesk 支部工作台"


def test_edit_the_branch_profile(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                 screenshot) -> None:
    box = window.settings.branch_box
    assert box.name_edit.text() == PROFILE.name
    assert box.secretary_edit.text() == PROFILE.secretary
    retype(qtbot, box.name_edit, "机关第二党支部")
    retype(qtbot, box.secretary_edit, "李秀英")
    type_chinese(box.committee_edit, "赵志强（组织委员）、孙丽（宣传委员）")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.feedback.text() == "已保存。"
    screenshot(window, "settings-branch-profile")

    with workspace.unit_of_work() as uow:
        profile = branch.load_profile(uow)
        audit = uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "branch.update")).one()
        outbox = uow.session.scalars(
            select(OutboxEntry.patch).where(OutboxEntry.entity == "branch")).all()[-1]
    assert (profile.name, profile.secretary) == ("机关第二党支部", "李秀英")
    assert profile.committee == "赵志强（组织委员）、孙丽（宣传委员）"
    assert json.loads(audit)["fields"] == ["committee", "name", "secretary"]
    assert json.loads(outbox)["committee"] == profile.committee
    assert window.windowTitle() == "BranchDesk 支部工作台 — 机关第二党支部"

    qtbot.keyClicks(box.higher_org_edit, "x")
    assert box.feedback.text() == ""  # "已保存" no longer describes what is typed


def test_the_branch_name_is_required(qtbot: QtBot, window: MainWindow,
                                     workspace: Workspace) -> None:
    box = window.settings.branch_box
    retype(qtbot, box.name_edit, "")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.required_labels[box.name_edit].text() == "必填"
    with workspace.unit_of_work() as uow:
        assert branch.load_profile(uow).name == PROFILE.name
    type_chinese(box.name_edit, "新")
    assert box.required_labels[box.name_edit].text() == ""


def test_choose_stroke_order_for_printed_lists(qtbot: QtBot, window: MainWindow,
                                               workspace: Workspace) -> None:
    combo = window.settings.name_order_box.order_combo
    assert combo.currentData() is NameOrder.PINYIN
    combo.setCurrentIndex(combo.findData(NameOrder.STROKES))
    combo.activated.emit(combo.currentIndex())
    with workspace.unit_of_work() as uow:
        assert branch.load_name_order(uow) is NameOrder.STROKES
