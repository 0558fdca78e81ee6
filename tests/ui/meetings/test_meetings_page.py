"""组织生活 page: a 支委会 from creation to finalized minutes with a correction and a PDF, the vote
panel's quorum at a 支部党员大会, compliance, the 工作台 reminders, and the meeting list model."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.domain.development import Stage
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost
from app.errors import MeetingFinalizedError
from app.services import meetings, members
from app.services.meetings import Attendance, MeetingFilter, MeetingInput
from app.services.workspace import Workspace
from app.storage.models import AmendmentRow
from tests.conftest import PASSPHRASE, id_number
from ui.meetings.attendance_model import REASON, STATUS
from ui.meetings.editor import MeetingEditor
from ui.meetings.page import MeetingsPage
from ui.meetings.reminders import MeetingReminders
from ui.meetings.table_model import ID_ROLE, MeetingTableModel
from ui.shell.main_window import MainWindow

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2026, 11, 25)
NAMES = ["王建国", "李红", "张伟", "刘芳", "陈静", "杨洋", "赵磊", "黄丽", "周杰", "吴敏",
         "徐强", "孙燕", "马超"]


def number(i: int) -> str:
    return id_number(i, first_year=1960)


def add_members(ws: Workspace, full: int, probationary: int = 0, committee: int = 0) -> list[str]:
    ids = []
    with ws.unit_of_work() as uow:
        for i in range(full + probationary):
            stage = Stage.FULL if i < full else Stage.PROBATIONARY
            ids.append(members.create_member(uow, members.MemberInput(
                name=NAMES[i], id_number=number(i), stage=stage,
                admission_date=date(2026, 3, 1) if stage is Stage.PROBATIONARY else None,
                full_date=date(2010, 7, 1) if stage is Stage.FULL else None,
                branch_post=BranchPost.ORGANIZATION if i < committee else BranchPost.NONE,
            ), TODAY))
        uow.commit()
    return ids


def add_meeting(ws: Workspace, kind: MeetingType, held_on: date, topic: str = "学习党章",
                place: str = "三楼会议室") -> str:
    with ws.unit_of_work() as uow:
        meeting_id = meetings.create_meeting(uow, MeetingInput(
            type=kind, held_on=held_on, start_time="14:30", end_time="16:00", place=place,
            topics=(topic,), host="王建国", recorder="李红",
        ))
        uow.commit()
    return meeting_id


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> MeetingsPage:
    widget = MeetingsPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(980, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget


def open_editor(qtbot: QtBot, page: MeetingsPage, kind: MeetingType) -> MeetingEditor:
    editor = page.new_meeting()
    qtbot.waitExposed(editor)
    editor.type_combo.set_value(kind)
    return editor


def fill_details(qtbot: QtBot, editor: MeetingEditor, topic: str) -> None:
    qtbot.keyClicks(editor.start_edit, "14:30")
    qtbot.keyClicks(editor.end_edit, "16:00")
    editor.place_edit.insert("三楼会议室")  # as the input method commits it
    editor.topics_edit.insertPlainText(topic)
    editor.host_combo.setCurrentText("王建国")
    editor.recorder_combo.setCurrentText("李红")


def answer(qtbot: QtBot, box: QMessageBox | None, button: QMessageBox.StandardButton) -> None:
    assert box is not None
    assert box.isVisible()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


# ---------------------------------------------------------------- a 支委会 from start to PDF


def test_committee_meeting_absence_finalize_and_correction(
    qtbot: QtBot, page: MeetingsPage, screenshot: Screenshot
) -> None:
    add_members(page._workspace, full=6, committee=3)  # 王建国, 李红, 张伟 are on the committee
    page.refresh()
    editor = open_editor(qtbot, page, MeetingType.COMMITTEE)
    assert [r.name for r in editor.attendance.rows] == ["李红", "王建国", "张伟"]  # by pinyin
    fill_details(qtbot, editor, "研究十二月主题党日安排\n讨论发展对象名单")

    # Attendance from the keyboard: go to 张伟, press 3 (absent), type the reason, Enter.
    editor.tabs.setCurrentIndex(editor.attendance_tab_index)
    view = editor.attendance_view
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
    assert editor.counts_label.text() == "应到 3 人 · 实到 2 人 · 请假 0 人 · 缺席 1 人"
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
    assert editor.place_edit.isReadOnly()
    assert editor.topics_edit.isReadOnly()
    assert editor.discussion_edit.isReadOnly()
    assert editor.held_on_edit.isReadOnly()
    assert not editor.type_combo.isEnabled()
    assert not editor.host_combo.isEnabled()
    assert not editor.save_button.isVisible()
    assert not editor.finalize_button.isVisible()
    assert editor.amend_button.isVisible()
    assert not (editor.attendance.flags(editor.attendance.index(0, STATUS))
                & Qt.ItemFlag.ItemIsEditable)
    qtbot.keyClick(view, Qt.Key.Key_2)  # marking keys do nothing now
    assert [r.status for r in editor.attendance.rows].count(Attendance.LEAVE) == 0
    assert not editor.add_attachment_button.isEnabled()
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
    assert editor.amendments_table.rowCount() == 1
    with page._workspace.unit_of_work() as uow:
        assert uow.session.scalars(select(AmendmentRow.classification)).all() == ["internal"]
    assert editor.amendments_table.item(0, 2).text() == "会议结束时间应为16:30。"
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
    assert "原因" in editor.attendance_message.text()
    editor.attendance.set_reason(1, "病假")
    assert editor.save()


def test_service_problems_appear_beside_the_fields(qtbot: QtBot, page: MeetingsPage) -> None:
    editor = open_editor(qtbot, page, MeetingType.COMMITTEE)
    qtbot.keyClicks(editor.start_edit, "25:00")
    assert not editor.save()
    assert editor.field_message("topics") == "必填"
    assert "14:30" in editor.field_message("start_time")
    editor.held_on_edit.clear()
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
    assert editor.entitled_label.text() == "10 名正式党员"
    assert editor.voting_present_label.text() == "10"

    full_rows = [i for i, r in enumerate(editor.attendance.rows) if not r.probationary]
    view = editor.attendance_view
    editor.tabs.setCurrentIndex(editor.attendance_tab_index)
    view.setFocus()
    view.setCurrentIndex(editor.attendance.index(full_rows[0], STATUS))
    selection = view.selectionModel()
    for i in full_rows[1:5]:  # as Ctrl+click does
        selection.select(editor.attendance.index(i, 0),
                         selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
    qtbot.keyClick(view, Qt.Key.Key_2)  # five full members on leave at once
    assert editor.attendance.counts()[Attendance.LEAVE] == 5
    qtbot.waitUntil(lambda: editor.voting_present_label.text() == "5")
    assert "未达到法定人数" in editor.quorum_label.text()
    assert editor._preview is not None
    assert not editor._preview.quorum_met

    editor.tabs.setCurrentIndex(editor.votes_tab_index)
    editor.subject_edit.insert("接收马超同志为中共预备党员")
    editor.in_favour_spin.setValue(5)
    assert "未通过" in editor.vote_result_label.text()
    editor.resize(1040, 720)
    screenshot(editor, "meeting-editor-vote-no-quorum")

    # One comes back: 6 of 10 present is a quorum, yet 5 in favour is not more than half of 10.
    editor.attendance.set_status(full_rows[0], Attendance.PRESENT)
    qtbot.waitUntil(lambda: editor.voting_present_label.text() == "6")
    assert "已达到法定人数" in editor.quorum_label.text()
    assert "未通过" in editor.vote_result_label.text()
    editor.in_favour_spin.setValue(6)
    assert "通过" in editor.vote_result_label.text()
    assert "未通过" not in editor.vote_result_label.text()
    screenshot(editor, "meeting-editor-vote-passed")

    for i in full_rows[1:5]:
        editor.attendance.set_reason(i, "出差")
    qtbot.mouseClick(editor.record_vote_button, Qt.MouseButton.LeftButton)
    assert editor.meeting_id is not None, editor.message_label.text()
    assert editor.votes_table.rowCount() == 1
    assert editor.votes_table.item(0, 1).text() == "10 / 6"
    assert editor.votes_table.item(0, 4).text() == "通过"
    with page._workspace.unit_of_work() as uow:
        [vote] = meetings.get_meeting(uow, editor.meeting_id).votes
    assert (vote.result.entitled, vote.result.present, vote.result.passed) == (10, 6, True)


# ---------------------------------------------------------------- compliance and 工作台


def test_compliance_view_and_dashboard_reminders(
    qtbot: QtBot, page: MeetingsPage, screenshot: Screenshot, workspace: Workspace
) -> None:
    add_members(workspace, full=3, committee=3)
    for month in (2, 8):  # no 党员大会 in Q2; Q4 still running
        add_meeting(workspace, MeetingType.MEMBERS_ASSEMBLY, date(2026, month, 10))
    for month in range(1, 12):
        if month not in (4, 9, 11):  # April and September missed; November still due
            add_meeting(workspace, MeetingType.COMMITTEE, date(2026, month, 5))
    page.tabs.setCurrentIndex(1)
    dialog = page.edit_frequencies()
    for meeting_type, combo in dialog.combos.items():
        if meeting_type not in (MeetingType.MEMBERS_ASSEMBLY, MeetingType.COMMITTEE):
            combo.setCurrentIndex(combo.findData(None))
    assert dialog.save()
    cells = page.compliance_cells()
    assert cells[("2026年第二季度", "支部党员大会")] == "✗ 未开"
    assert cells[("2026年第一季度", "支部党员大会")] == "✓ 已开"
    assert cells[("2026年第四季度", "支部党员大会")] == "○ 待开"
    assert cells[("2026年4月", "支部委员会会议")] == "✗ 未开"
    assert cells[("2026年9月", "支部委员会会议")] == "✗ 未开"
    assert cells[("2026年11月", "支部委员会会议")] == "○ 待开"
    assert cells[("2026年4月", "支部党员大会")] == ""
    assert sum(text == "✗ 未开" for text in cells.values()) == 3
    assert "缺 3 次" in page.compliance_summary.text()
    screenshot(page, "meetings-compliance")

    reminders = MeetingReminders(workspace, lambda: date(2026, 10, 3))
    qtbot.addWidget(reminders)
    reminders.refresh()
    due = {(kind, days) for kind, _period, days in reminders.due}
    assert due == {(MeetingType.MEMBERS_ASSEMBLY, 89), (MeetingType.COMMITTEE, 28)}
    assert [(str(p), kind) for p, kind in reminders.missed] == [
        ("2026-09", MeetingType.COMMITTEE)
    ]
    assert "支部委员会会议（2026年9月）" in reminders.missed_label.text()


def test_main_window_shows_the_page_and_clears_it_when_locked(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot
) -> None:
    add_members(workspace, full=3, committee=3)
    add_meeting(workspace, MeetingType.COMMITTEE, date.today())
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show()
    window.show_page(2)
    assert window.pages.currentWidget() is window.meetings
    assert window.meetings.model.count == 1
    assert window.dashboard.meetings.isVisibleTo(window.dashboard)
    screenshot(window, "meetings-in-main-window")
    window.lock()
    assert window.meetings.model.count == 0
    assert window.dashboard.meetings.due_label.text() == ""
    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)
    assert window.meetings.model.count == 1


# ---------------------------------------------------------------- the list model


def test_meeting_table_model_filters_in_sql_and_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: object, workspace: Workspace
) -> None:
    add_members(workspace, full=3, committee=3)
    kinds = [MeetingType.COMMITTEE, MeetingType.THEME_DAY, MeetingType.PARTY_LECTURE]
    for i in range(30):
        add_meeting(workspace, kinds[i % 3], date(2026, 1 + i % 12, 1 + i % 27),
                    topic=f"议题{i:02d}", place="二楼会议室" if i % 5 == 0 else "三楼会议室")
    model = MeetingTableModel(workspace, page_size=7)
    model.set_filter(MeetingFilter(year=2026))
    assert model.count == 30
    assert model.loaded_rows == 7
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    dates = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert model.loaded_rows == 30  # read a page at a time as rows were shown
    assert dates == sorted(dates, reverse=True)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "议题"
    model.set_filter(MeetingFilter(year=2026, month=3))
    assert {model.index(r, 0).data()[:7] for r in range(model.rowCount())} == {"2026-03"}
    model.set_filter(MeetingFilter(year=2026, type=MeetingType.THEME_DAY))
    assert model.count == 10
    assert {model.index(r, 1).data() for r in range(model.rowCount())} == {"主题党日"}
    model.set_filter(MeetingFilter(year=2026, text="二楼"))
    assert model.count == 6
    meeting_id = model.index(0, 0).data(ID_ROLE)
    assert model.row_of(meeting_id) == 0
    model.set_filter(MeetingFilter(year=2025))
    assert model.count == 0
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    model.clear()
    assert model.rowCount() == 0


# ---------------------------------------------------------------- the minutes PDF


def test_export_the_minutes_pdf_of_finalized_minutes_with_a_correction(
    qtbot: QtBot, page: MeetingsPage, tmp_path: Path
) -> None:
    ids = add_members(page._workspace, full=6, committee=3)
    meeting_id = add_meeting(page._workspace, MeetingType.COMMITTEE, TODAY,
                             topic="研究十二月主题党日安排")
    with page._workspace.unit_of_work() as uow:
        meetings.set_attendance(uow, meeting_id, ids[2], Attendance.ABSENT, "出差在外")
        meetings.finalize(uow, meeting_id, TODAY)
        meetings.add_amendment(uow, meeting_id, TODAY, "李红", "会议结束时间应为16:30。")
        uow.commit()
    page.refresh()
    assert page.select_meeting(meeting_id)
    assert page.export_button.isEnabled()
    assert page.print_button.isEnabled()
    target = tmp_path / "会议记录.pdf"
    task = page.export_minutes(target)
    assert task is not None
    qtbot.waitUntil(lambda: "已导出" in page.feedback_label.text(), timeout=20_000)
    text = pdf_text(target)
    for expected in ("支部委员会", "三楼会议室", "研究十二月主题党日安排", "张伟", "出差在外",
                     "会议结束时间应为16:30。", "王建国", "李红"):
        assert expected in text, expected
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(target),
         str(Path(__file__).resolve().parents[3] / "screenshots" / "meeting-minutes-pdf")],
        check=True,
    )


def test_a_new_meeting_is_chaired_by_the_branch_secretary(qtbot: QtBot, page: MeetingsPage) -> None:
    from tests.conftest import PROFILE

    editor = open_editor(qtbot, page, MeetingType.COMMITTEE)
    assert editor.host_combo.currentText() == PROFILE.secretary
    assert editor.recorder_combo.currentText() == ""


def test_the_topics_take_the_room_of_a_wide_window(
    qtbot: QtBot, workspace: Workspace, page: MeetingsPage
) -> None:
    """At 1366×768 the topics were cut with "…" while the status column stood mostly empty."""
    long_topic = "学习贯彻党的二十届三中全会精神并结合本单位实际研究落实措施和分工安排"
    add_meeting(workspace, MeetingType.COMMITTEE, date(2026, 11, 3), topic=long_topic)
    page.resize(1200, 600)
    page.refresh()
    qtbot.wait(50)
    header = page.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[2] == max(widths)
    assert widths[-1] <= 150
