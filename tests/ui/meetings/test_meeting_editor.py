"""The meeting editor: a 支委会 from creation to finalized minutes with a correction, an absence
without a reason, files after finalizing, the services' problems beside the fields, and the vote
panel at a 支部党员大会: its quorum, written opinions and a vote naming its decision and person."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.development import Decision
from app.domain.meetings import MeetingType
from app.errors import MeetingFinalizedError
from app.services import meetings
from app.services.meetings import Attendance
from app.storage.models import AmendmentRow
from tests.ui.meetings.helpers import Screenshot, add_members, answer, fill_details, open_editor
from tests.ui.screen_fit import problems
from ui.meetings.attendance_model import REASON, STATUS
from ui.meetings.page import MeetingsPage

# ---------------------------------------------------------------- a 支委会 from start to PDF


def test_committee_meeting_absence_finalize_and_correction(
    qtbot: QtBot, page: MeetingsPage, screenshot: Screenshot, tmp_path: Path
) -> None:
    add_members(page._workspace, full=6, committee=3)  # 王建国, 李红, 张伟 are on the committee
    page.refresh()
    editor = open_editor(qtbot, page, MeetingType.COMMITTEE)
    assert [r.name for r in editor.attendance.rows] == ["李红", "王建国", "张伟"]  # by pinyin
    fill_details(qtbot, editor, "研究十二月主题党日安排\n讨论发展对象名单")

    # Attendance from the keyboard: go to 张伟, press 3 (absent), type the reason, Enter.
    editor.tabs.setCurrentIndex(editor.attendance_tab_index)
    view = editor.attendance_tab.view
    view.setFocus()
    row = next(i for i, r in enumerate(editor.attendance.rows) if r.name == "张伟")
    view.setCurrentIndex(editor.attendance.index(0, STATUS))
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_3)
    assert editor.attendance.rows[row].status is Attendance.ABSENT
    assert view.currentIndex().column() == REASON  # the reason is open for typing
    assert view.state() == view.State.EditingState
    focus = view.viewport().findChild(QLineEdit)
    assert isinstance(focus, QLineEdit)
    focus.insert("出差在外")  # as the input method commits it
    qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: editor.attendance.rows[row].reason == "出差在外")  # queued by Qt
    counts = editor.attendance_tab.counts_label.text()
    assert counts == "应到 3 人 · 实到 2 人 · 请假 0 人 · 缺席 1 人"
    editor.resize(1040, 700)
    screenshot(editor, "meeting-editor-attendance")

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.meeting_id is not None, editor.message_label.text()
    meeting_id = editor.meeting_id
    assert page.model.count == 1
    assert page.selected_meeting_id() == meeting_id
    assert page.model.index(0, 4).data() == "3 / 2"
    assert page.model.index(0, 5).data() == "草稿"
    with page._workspace.unit_of_work() as uow:
        stored = meetings.get_meeting(uow, meeting_id)
    assert [(a.name, a.status, a.reason) for a in stored.attendance if a.name == "张伟"] == [
        ("张伟", Attendance.ABSENT, "出差在外")
    ]
    assert stored.data.topics == ("研究十二月主题党日安排", "讨论发展对象名单")
    editor.tabs.setCurrentIndex(0)
    screenshot(editor, "meeting-editor-details")

    # Finalize (a non-blocking confirmation), then everything is read-only.
    qtbot.mouseClick(editor.finalize_button, Qt.MouseButton.LeftButton)
    answer(qtbot, editor.confirm_box, QMessageBox.StandardButton.Yes)
    assert editor.is_finalized
    assert editor.details.place_edit.isReadOnly()
    assert editor.details.topics_edit.isReadOnly()
    assert editor.details.discussion_edit.isReadOnly()
    assert editor.details.held_on_edit.isReadOnly()
    assert not editor.details.type_combo.isEnabled()
    assert not editor.details.host_combo.isEnabled()
    assert not editor.save_button.isVisible()
    assert not editor.finalize_button.isVisible()
    assert editor.amend_button.isVisible()
    assert not (editor.attendance.flags(editor.attendance.index(0, STATUS))
                & Qt.ItemFlag.ItemIsEditable)
    qtbot.keyClick(view, Qt.Key.Key_2)  # marking keys do nothing now
    assert [r.status for r in editor.attendance.rows].count(Attendance.LEAVE) == 0
    # Files still come in after finalizing (the signed scan of the minutes usually comes later).
    assert editor.attachments.add_attachment_button.isEnabled()
    scan = tmp_path / "会议记录签字页.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    task = editor.attachments.add_attachments([scan])
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert editor.attachments.attachments_table.item(0, 0).text() == "会议记录签字页.pdf"
    assert editor.is_finalized
    assert "定稿" in editor.finalized_banner.text()
    assert page.model.index(0, 5).data() == "已定稿"
    with page._workspace.unit_of_work() as uow, pytest.raises(MeetingFinalizedError):
        meetings.update_meeting(uow, meeting_id, stored.data)

    # A correction: its own date and author; it is listed and prints.
    dialog = editor.add_amendment()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.author_edit.text() == "李红"
    assert dialog.classification_combo.currentText() == "内部"
    dialog.text_edit.insertPlainText("会议结束时间应为16:30。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert editor.amendments.amendments_table.rowCount() == 1
    with page._workspace.unit_of_work() as uow:
        assert uow.session.scalars(select(AmendmentRow.classification)).all() == ["internal"]
    assert editor.amendments.amendments_table.item(0, 2).text() == "会议结束时间应为16:30。"
    editor.tabs.setCurrentIndex(editor.amendments_tab_index)
    screenshot(editor, "meeting-editor-finalized")
    editor.close()
    screenshot(page, "meetings-list")


def test_saving_an_absence_without_a_reason_is_refused_beside_the_row(
    qtbot: QtBot, page: MeetingsPage
) -> None:
    add_members(page._workspace, full=3, committee=3)
    editor = open_editor(qtbot, page, MeetingType.COMMITTEE)
    fill_details(qtbot, editor, "研究工作")
    editor.attendance.set_status(1, Attendance.LEAVE)
    assert not editor.save()
    assert editor.meeting_id is None
    assert editor.tabs.currentIndex() == editor.attendance_tab_index
    assert "原因" in editor.attendance_tab.message.text()
    editor.attendance.set_reason(1, "病假")
    assert editor.save()


def test_service_problems_appear_beside_the_fields(qtbot: QtBot, page: MeetingsPage) -> None:
    editor = open_editor(qtbot, page, MeetingType.COMMITTEE)
    qtbot.keyClicks(editor.details.start_edit, "25:00")
    assert not editor.save()
    assert editor.field_message("topics") == "必填"
    assert "14:30" in editor.field_message("start_time")
    editor.details.held_on_edit.clear()
    assert not editor.save()
    assert editor.field_message("held_on") == "必填"


# ---------------------------------------------------------------- the vote panel


def test_vote_panel_exactly_half_present_is_no_quorum(
    qtbot: QtBot, page: MeetingsPage, screenshot: Screenshot
) -> None:
    add_members(page._workspace, full=10, probationary=3)
    editor = open_editor(qtbot, page, MeetingType.MEMBERS_ASSEMBLY)
    assert editor.tabs.isTabVisible(editor.votes_tab_index)
    assert len(editor.attendance.rows) == 13
    fill_details(qtbot, editor, "讨论接收预备党员")
    editor.refresh_vote_preview()
    assert editor.votes.entitled_label.text() == "10 名正式党员"
    assert editor.votes.voting_present_label.text() == "10"

    full_rows = [i for i, r in enumerate(editor.attendance.rows) if not r.probationary]
    view = editor.attendance_tab.view
    editor.tabs.setCurrentIndex(editor.attendance_tab_index)
    view.setFocus()
    view.setCurrentIndex(editor.attendance.index(full_rows[0], STATUS))
    selection = view.selectionModel()
    for i in full_rows[1:5]:  # as Ctrl+click does
        selection.select(editor.attendance.index(i, 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    qtbot.keyClick(view, Qt.Key.Key_2)  # five full members on leave at once
    assert editor.attendance.counts()[Attendance.LEAVE] == 5
    qtbot.waitUntil(lambda: editor.votes.voting_present_label.text() == "5")
    assert "未达到法定人数" in editor.votes.quorum_label.text()
    assert editor.votes.preview is not None
    assert not editor.votes.preview.quorum_met

    editor.tabs.setCurrentIndex(editor.votes_tab_index)
    editor.votes.subject_edit.insert("接收马超同志为中共预备党员")
    editor.votes.in_favour_spin.setValue(5)
    assert "未通过" in editor.votes.vote_result_label.text()
    editor.resize(1040, 720)
    screenshot(editor, "meeting-editor-vote-no-quorum")

    # One comes back: 6 of 10 present is a quorum, yet 5 in favour is not more than half of 10.
    editor.attendance.set_status(full_rows[0], Attendance.PRESENT)
    qtbot.waitUntil(lambda: editor.votes.voting_present_label.text() == "6")
    assert "已达到法定人数" in editor.votes.quorum_label.text()
    assert "未通过" in editor.votes.vote_result_label.text()
    editor.votes.in_favour_spin.setValue(6)
    assert "通过" in editor.votes.vote_result_label.text()
    assert "未通过" not in editor.votes.vote_result_label.text()
    screenshot(editor, "meeting-editor-vote-passed")

    for i in full_rows[1:5]:
        editor.attendance.set_reason(i, "出差")
    qtbot.mouseClick(editor.votes.record_vote_button, Qt.MouseButton.LeftButton)
    assert editor.meeting_id is not None, editor.message_label.text()
    assert editor.votes.votes_table.rowCount() == 1
    assert editor.votes.votes_table.item(0, 1).text() == "10 / 6"
    assert editor.votes.votes_table.item(0, 4).text() == "通过"
    with page._workspace.unit_of_work() as uow:
        [vote] = meetings.get_meeting(uow, editor.meeting_id).votes
    assert (vote.result.entitled, vote.result.present, vote.result.passed) == (10, 6, True)


def test_written_opinions_count_and_a_full_membership_vote_names_its_person(
    qtbot: QtBot, page: MeetingsPage
) -> None:
    # 发展党员工作细则 第二十一条 and 第三十三条: 4 marks an absent member with a written opinion,
    # counted in the votes; the 转正 vote names its decision and the probationary member.
    ids = add_members(page._workspace, full=10, probationary=1)
    editor = open_editor(qtbot, page, MeetingType.MEMBERS_ASSEMBLY)
    fill_details(qtbot, editor, "讨论预备党员转正")
    full_rows = [i for i, r in enumerate(editor.attendance.rows) if not r.probationary]
    view = editor.attendance_tab.view
    editor.tabs.setCurrentIndex(editor.attendance_tab_index)
    view.setFocus()
    for row, key in ((full_rows[0], Qt.Key.Key_2), (full_rows[1], Qt.Key.Key_2),
                     (full_rows[2], Qt.Key.Key_2), (full_rows[3], Qt.Key.Key_4)):
        view.setCurrentIndex(editor.attendance.index(row, STATUS))
        view.selectRow(row)
        qtbot.keyClick(view, key)
        view.commit_open_editor()
        editor.attendance.set_reason(row, "出差")
    assert editor.attendance.counts()[Attendance.WRITTEN] == 1
    assert "书面意见 1" in editor.attendance_tab.counts_label.text()
    votes = editor.votes
    qtbot.waitUntil(lambda: votes.voting_written_label.text() == "1")
    assert votes.voting_present_label.text() == "6"

    editor.tabs.setCurrentIndex(editor.votes_tab_index)
    votes.subject_edit.insert("党员10同志按期转为正式党员")
    assert not votes.person_combo.isEnabled()  # another resolution names nobody
    votes.decision_combo.setCurrentIndex(votes.decision_combo.findText("预备党员转正"))
    assert votes.person_combo.isEnabled()
    votes.person_combo.setCurrentIndex(votes.person_combo.findData(ids[-1]))
    votes.in_favour_spin.setValue(6)
    votes.against_spin.setValue(1)  # 7 votes: 6 present + 1 written opinion
    assert "通过" in votes.vote_result_label.text()
    assert "未通过" not in votes.vote_result_label.text()
    qtbot.mouseClick(votes.record_vote_button, Qt.MouseButton.LeftButton)
    assert editor.meeting_id is not None, editor.message_label.text()
    assert votes.votes_table.item(0, 1).text() == "10 / 6（另书面意见 1）"
    table = votes.votes_table  # review of issue 15: this cell was cut to “10 / 6（另书…”
    for column in range(1, table.columnCount()):
        texts = [table.item(0, column).text(), table.horizontalHeaderItem(column).text()]
        widest = max(table.fontMetrics().horizontalAdvance(text) for text in texts)
        assert table.columnWidth(column) > widest, texts
    with page._workspace.unit_of_work() as uow:
        [vote] = meetings.get_meeting(uow, editor.meeting_id).votes
    assert (vote.result.written, vote.result.passed) == (1, True)
    assert (vote.decision, vote.member_id) == (Decision.FULL_MEMBERSHIP, ids[-1])
    assert votes.decision_combo.currentData() is None  # the form is ready for the next vote



def test_the_votes_tab_counts_who_may_vote_once_the_details_are_typed(
    qtbot: QtBot, page: MeetingsPage
) -> None:
    # Review of issue 15: the type chosen first (nothing to count yet), then the topic typed, then
    # the 表决 tab opened without marking anyone absent: the tab said "shown once the date and
    # topics are filled in" although they were.
    add_members(page._workspace, full=5)
    editor = open_editor(qtbot, page, MeetingType.MEMBERS_ASSEMBLY)
    fill_details(qtbot, editor, "讨论接收预备党员")
    editor.tabs.setCurrentIndex(editor.votes_tab_index)
    qtbot.waitUntil(lambda: editor.votes.entitled_label.text() == "5 名正式党员", timeout=5_000)
    assert editor.votes.voting_present_label.text() == "5"
    hints = [label.text() for label in editor.votes.findChildren(QLabel)]
    assert any("（在“出席情况”中按 4 标记）" in text for text in hints)  # the tab's name


def test_a_written_opinion_fits_its_attendance_cell(qtbot: QtBot, page: MeetingsPage) -> None:
    # Review of issue 15: “缺席（书面意见）” was cut to “缺席（书面…” in a 90-pixel column.
    add_members(page._workspace, full=3)
    editor = open_editor(qtbot, page, MeetingType.MEMBERS_ASSEMBLY)
    editor.tabs.setCurrentIndex(editor.attendance_tab_index)
    editor.attendance.set_status(0, Attendance.WRITTEN)
    assert editor.attendance.index(0, STATUS).data() == "缺席（书面意见）"
    assert not [fault for fault in problems(editor) if "AttendanceView" in fault]


def test_a_new_meeting_is_chaired_by_the_branch_secretary(qtbot: QtBot, page: MeetingsPage) -> None:
    from tests.conftest import PROFILE

    editor = open_editor(qtbot, page, MeetingType.COMMITTEE)
    assert editor.details.host_combo.currentText() == PROFILE.secretary
    assert editor.details.recorder_combo.currentText() == ""
