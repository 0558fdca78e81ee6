"""Closing an editor (取消, Esc, the window's close button) with typed work asks 放弃修改 / 继续编辑
first; nothing typed, nothing asked. The question before quitting lists those editors, briefly."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.domain.development import Stage
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number
from ui.common.screen_fit import LISTED_LINES
from ui.meetings.finalizing import AmendmentDialog
from ui.meetings.frequencies_dialog import FrequenciesDialog
from ui.members.dialogs import EventDialog, LeaveDialog
from ui.shell.main_window import MainWindow
from ui.widgets.editor_dialog import EditorDialog


@pytest.fixture
def member_id(workspace: Workspace) -> str:
    with workspace.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(
            name="王建国", id_number=id_number(1), stage=Stage.FULL, full_date=date(2010, 7, 1),
        ), date(2024, 1, 1))
        uow.commit()
    return member_id


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, member_id: str) -> MainWindow:
    main = MainWindow(workspace)
    qtbot.addWidget(main)
    main.resize(1100, 720)
    main.show()
    qtbot.waitExposed(main)
    return main


def answer_buttons(box: QMessageBox) -> dict[str, QPushButton]:
    return {b.text(): b for b in box.findChildren(QPushButton) if b in box.buttons()}


def asked(dialog: EditorDialog) -> QMessageBox:
    box = dialog.discard_box
    assert box is not None
    assert box.isVisible()
    assert dialog.isVisible()
    return box


def test_escape_on_a_member_form_with_typed_text_asks_and_keep_editing_is_the_default(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page(1)
    form = window.members.add_member()
    qtbot.waitExposed(form)
    qtbot.keyClicks(form.name_edit, "Li")
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    box = asked(form)
    buttons = answer_buttons(box)
    assert set(buttons) == {"放弃修改", "继续编辑"}
    assert box.defaultButton() is buttons["继续编辑"]
    qtbot.keyClick(box, Qt.Key.Key_Return)  # the default keeps the text
    assert form.discard_box is None
    assert form.isVisible()
    assert form.name_edit.text() == "Li"

    form.close()  # the window's close button
    qtbot.mouseClick(answer_buttons(asked(form))["放弃修改"], Qt.MouseButton.LeftButton)
    assert not form.isVisible()


def test_cancel_on_the_meeting_editor_asks_only_when_something_was_typed(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.show_page(2)
    editor = window.meetings.new_meeting()
    qtbot.waitExposed(editor)
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert editor.discard_box is None
    assert not editor.isVisible()

    editor = window.meetings.new_meeting()
    qtbot.waitExposed(editor)
    editor.details.topics_edit.insertPlainText("学习党章")
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(answer_buttons(asked(editor))["继续编辑"], Qt.MouseButton.LeftButton)
    assert editor.isVisible()
    assert editor.details.topics_edit.toPlainText() == "学习党章"


def _leave(workspace: Workspace, member_id: str, window: MainWindow) -> EditorDialog:
    return LeaveDialog(workspace, member_id, "王建国", date.today, window)


def _event(workspace: Workspace, member_id: str, window: MainWindow) -> EditorDialog:
    return EventDialog(workspace, member_id, "王建国", date.today, window)


def _amendment(workspace: Workspace, _member_id: str, window: MainWindow) -> EditorDialog:
    return AmendmentDialog(workspace, "no-meeting", "李红", date.today, window)


def _frequencies(workspace: Workspace, _member_id: str, window: MainWindow) -> EditorDialog:
    return FrequenciesDialog(workspace, window)


def _type(dialog: EditorDialog) -> None:
    if isinstance(dialog, LeaveDialog):
        dialog.reason_edit.setText("工作调动")
    elif isinstance(dialog, (EventDialog, AmendmentDialog)):
        dialog.text_edit.setPlainText("会议地点应为二楼会议室。")
    else:
        assert isinstance(dialog, FrequenciesDialog)
        combo = next(iter(dialog.combos.values()))
        combo.setCurrentIndex((combo.currentIndex() + 1) % combo.count())


Make = Callable[[Workspace, str, MainWindow], EditorDialog]


@pytest.mark.parametrize("make", [_leave, _event, _amendment, _frequencies])
def test_the_other_editing_dialogs_ask_before_cancel_throws_their_input_away(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, member_id: str, make: Make
) -> None:
    dialog = make(workspace, member_id, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.has_unsaved_work()  # nothing typed: closes without asking
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    dialog = make(workspace, member_id, window)
    dialog.show()
    qtbot.waitExposed(dialog)
    _type(dialog)
    assert dialog in window.unsaved_work()
    cancel = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(answer_buttons(asked(dialog))["放弃修改"], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_the_quit_question_lists_a_typed_remittance(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(3)
    window.dues.remittance_tab.amount_edit.setText("1166.70")
    assert window.dues.remittance_tab in window.unsaved_work()


class _Work:
    def __init__(self, n: int) -> None:
        self.n = n

    def has_unsaved_work(self) -> bool:
        return True

    def unsaved_work_title(self) -> str:
        return f"编辑窗口 {self.n}"

    def save_unsaved_work(self) -> bool:
        return False


def test_the_quit_question_keeps_a_long_list_short(qtbot: QtBot, window: MainWindow) -> None:
    box = window.ask_before_quitting([_Work(n) for n in range(LISTED_LINES + 5)])
    shown = [line for line in box.text().splitlines() if line.startswith("·")]
    assert len(shown) == LISTED_LINES
    assert "编辑窗口 12" in box.detailedText()
    box.reject()
