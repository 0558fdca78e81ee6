"""Wording traps of issue 13: the 党小组 name box, a blank vote form, error lines that outlive the
error, and Enter on the 定稿 confirmation."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.meetings import MeetingType
from app.services import meetings
from app.services.workspace import Workspace
from tests.ui.meetings.helpers import TODAY, add_members, fill_details, open_editor
from ui.meetings.page import MeetingsPage
from ui.members.page import MembersPage


def meetings_page(qtbot: QtBot, workspace: Workspace) -> MeetingsPage:
    page = MeetingsPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    return page


def test_the_party_group_box_asks_for_a_group_name_not_a_person_name(
    qtbot: QtBot, workspace: Workspace
) -> None:
    page = MembersPage(workspace)
    qtbot.addWidget(page)
    box = page.groups_tab.name_edit.parentWidget()
    assert isinstance(box, QGroupBox)
    assert box.title() == "党小组名称"

    page.groups_tab.add_group()  # empty: refused
    assert page.groups_tab.feedback.text().startswith("党小组名称")
    qtbot.keyClicks(page.groups_tab.name_edit, "x")
    assert page.groups_tab.feedback.text() == ""  # the error goes once the name is being typed


def test_a_blank_vote_form_gives_no_verdict(qtbot: QtBot, workspace: Workspace) -> None:
    add_members(workspace, full=5)
    editor = open_editor(qtbot, meetings_page(qtbot, workspace), MeetingType.MEMBERS_ASSEMBLY)
    fill_details(qtbot, editor, "讨论接收预备党员")
    editor.refresh_vote_preview()
    editor.tabs.setCurrentIndex(editor.votes_tab_index)
    text = editor.votes.vote_result_label.text()
    assert "未通过" not in text
    assert text == "填入票数后，这里显示表决结果。"
    assert "bold" not in editor.votes.vote_result_label.styleSheet()
    assert "b00020" not in editor.votes.vote_result_label.styleSheet()  # not red
    editor.votes.in_favour_spin.setValue(1)
    assert "未通过" in editor.votes.vote_result_label.text()
    editor.votes.in_favour_spin.setValue(3)
    assert editor.votes.vote_result_label.text().startswith("通过")


def test_error_lines_go_when_the_error_is_corrected(qtbot: QtBot, workspace: Workspace) -> None:
    add_members(workspace, full=3)
    editor = open_editor(qtbot, meetings_page(qtbot, workspace), MeetingType.COMMITTEE)
    fill_details(qtbot, editor, "研究工作")
    editor.details.start_edit.clear()
    qtbot.keyClicks(editor.details.start_edit, "25:99")
    assert not editor.save()
    assert editor.field_message("start_time")
    assert editor.field_message("end_time")  # "早于开始时间"
    assert editor.message_label.text() == "请修改标红的内容。"

    editor.details.start_edit.clear()
    qtbot.keyClicks(editor.details.start_edit, "14:30")
    assert editor.field_message("start_time") == ""
    assert editor.field_message("end_time") == ""  # it was about the start time
    assert editor.message_label.text() == ""  # the line asking for corrections went too

    # A vote refused for a missing subject: the message goes when the subject is typed.
    editor.tabs.setCurrentIndex(editor.votes_tab_index)
    editor.votes.in_favour_spin.setValue(2)
    assert not editor.record_vote()
    assert editor.votes.vote_message.text()
    qtbot.keyClicks(editor.votes.subject_edit, "x")
    assert editor.votes.vote_message.text() == ""


def test_enter_on_the_finalize_confirmation_cancels_and_says_so(
    qtbot: QtBot, workspace: Workspace
) -> None:
    add_members(workspace, full=3)
    editor = open_editor(qtbot, meetings_page(qtbot, workspace), MeetingType.COMMITTEE)
    fill_details(qtbot, editor, "研究工作")
    assert editor.save()
    box = editor.ask_finalize()
    qtbot.waitExposed(box)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.Yes).text() == "定稿"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert not editor.is_finalized
    assert editor.message_label.text() == "未定稿：会议记录仍可修改。"
    with workspace.unit_of_work() as uow:
        meeting_id = meetings.meeting_ids(uow, meetings.MeetingFilter())[0]
        assert meetings.get_meeting(uow, meeting_id).finalized_on is None


def test_a_member_dialog_error_goes_when_the_field_is_corrected(
    qtbot: QtBot, workspace: Workspace
) -> None:
    from app.domain.members import MembershipStatus
    from ui.members.dialogs import LeaveDialog

    member_id = add_members(workspace, full=1)[0]
    dialog = LeaveDialog(workspace, member_id, "王建国", today=lambda: TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind_combo.set_value(MembershipStatus.TRANSFERRED_OUT)
    dialog.submit()  # destination and letter missing
    message = dialog.messages["transfer_destination"]
    assert message.isVisible()
    assert message.text() == "必填"
    qtbot.keyClicks(dialog.destination_edit, "x")
    assert not message.isVisible()
    assert dialog.messages["transfer_letter_no"].isVisible()  # not corrected yet


def test_the_end_time_example_is_a_later_time(qtbot: QtBot, workspace: Workspace) -> None:
    """Both time boxes said "例如 14:30": a meeting from 14:30 to 14:30."""
    add_members(workspace, full=3)
    editor = open_editor(qtbot, meetings_page(qtbot, workspace), MeetingType.COMMITTEE)
    assert editor.details.start_edit.placeholderText() == "例如 14:30"
    assert editor.details.end_edit.placeholderText() == "例如 16:00"
