"""Empty tables say what to do, and the hint goes once there are rows (issue 13)."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from app.domain.meetings import MeetingType
from app.services import members
from app.services.workspace import Workspace
from tests.conftest import id_number
from tests.ui.meetings.helpers import TODAY, add_meeting, open_editor
from ui.meetings.page import MeetingsPage
from ui.members.page import MembersPage
from ui.members.roster_io import RosterImportDialog


def test_the_member_list(qtbot: QtBot, workspace: Workspace, screenshot) -> None:
    page = MembersPage(workspace)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    page.refresh()
    assert page.empty_hint.text == (
        "尚无党员：点击“新增党员”，或点击“导入花名册…”读入花名册工作簿。"
    )
    assert page.empty_hint.label.isVisible()
    screenshot(page, "members-empty")
    assert page.groups_tab.empty_hint.text.startswith("尚无党小组")

    with workspace.unit_of_work() as uow:
        members.create_member(uow, members.MemberInput(name="安然", id_number=id_number(1)),
                              date(2026, 11, 25))
        uow.commit()
    page.refresh()
    assert page.empty_hint.text == ""
    page.search_edit.setText("没有这个人")
    page.apply_filter()
    assert page.empty_hint.text == "没有符合搜索和筛选条件的党员。"


def test_the_meeting_list(qtbot: QtBot, workspace: Workspace) -> None:
    page = MeetingsPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.empty_hint.text == "2026年尚无会议：点击“新建会议”记录一次会议。"
    add_meeting(workspace, MeetingType.COMMITTEE, date(2026, 3, 5))
    page.refresh()
    assert page.empty_hint.text == ""

    editor = open_editor(qtbot, page, MeetingType.MEMBERS_ASSEMBLY)
    assert editor.votes.votes_empty_hint.text.startswith("尚无表决")
    assert editor.attachments.attachments_empty_hint.text.startswith("尚无附件")


def test_the_roster_import_dialog(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = RosterImportDialog(workspace, None, choose_file=lambda _parent: None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty_hint.text.startswith("点击“选择文件…”检查花名册工作簿")
