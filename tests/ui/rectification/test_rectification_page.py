"""整改 page as a secretary uses it: problems of a 组织生活会 entered with owner, measures and
deadline, overdue ones in red, evidence added, the ledger exported and printed (支部工作条例
第17条; DOMAIN.md, "组织生活会 and 民主评议党员")."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.meetings import MeetingType
from app.domain.rectification import ItemStatus
from app.services import rectification as rect
from app.services.workspace import Workspace
from tests.ui.meetings.helpers import add_meeting, add_members
from ui.rectification.page import RectificationPage
from ui.widgets.record_book import WARNING_COLOUR

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2026, 12, 6)


def page_of(qtbot: QtBot, workspace: Workspace) -> RectificationPage:
    page = RectificationPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.refresh()
    return page


def test_a_problem_typed_in_the_dialog_is_in_the_ledger(qtbot, workspace, screenshot, tmp_path):
    add_members(workspace, full=4, committee=2)
    meeting = add_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20),
                          topic="2026年度组织生活会")
    page = page_of(qtbot, workspace)
    assert page.table.rowCount() == 0
    dialog = page.new_item(meeting)
    assert dialog.meeting_combo.currentData() == meeting
    dialog.problem_edit.setPlainText("理论学习不够系统")
    dialog.owner_combo.setCurrentIndex(dialog.owner_combo.findText("张伟"))
    dialog.whose_combo.setCurrentIndex(dialog.whose_combo.findText("张伟"))
    dialog.measures_edit.setPlainText("制定个人学习计划，每月读一本书")
    dialog.due_field.set_date(date(2026, 12, 1))
    screenshot(dialog, "rectification-dialog")
    assert dialog.save()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 5).text() == "未整改，已逾期"
    assert page.table.item(0, 2).foreground().color() == WARNING_COLOUR
    assert "共 1 项：已完成 0 项，逾期 1 项" in page.summary_label.text()

    reopened = page.open_item()
    assert reopened is not None
    evidence = tmp_path / "学习笔记.jpg"
    evidence.write_bytes(b"\xff\xd8\xff evidence")
    reopened.add_evidence([evidence])
    qtbot.waitUntil(lambda: reopened.evidence_table.rowCount() == 1, timeout=20_000)
    reopened.status_combo.setCurrentIndex(reopened.status_combo.findData(ItemStatus.DONE))
    reopened.done_field.set_date(date(2026, 12, 3))
    reopened.result_edit.setPlainText("已完成学习计划")
    assert reopened.save()
    assert page.table.item(0, 5).text() == "已完成"
    assert page.table.item(0, 6).text() == "1"
    screenshot(page, "rectification-page")


def test_a_done_item_without_its_date_is_refused_with_the_reason(qtbot, workspace):
    add_members(workspace, full=2)
    meeting = add_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20))
    dialog = page_of(qtbot, workspace).new_item(meeting)
    dialog.problem_edit.setPlainText("问题")
    dialog.measures_edit.setPlainText("措施")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData(ItemStatus.DONE))
    assert not dialog.save()
    text = dialog.message_label.text()
    assert "责任人：必填" in text
    assert "完成日期：必填" in text
    assert not dialog.add_evidence_button.isEnabled()


def test_the_ledger_exports_as_a_workbook_and_a_pdf(qtbot, workspace, tmp_path):
    ids = add_members(workspace, full=3, committee=1)
    meeting = add_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20))
    with workspace.unit_of_work() as uow:
        rect.create_item(uow, rect.ItemInput(
            meeting_id=meeting, problem="班子联系群众不够", owner_id=ids[0], measures="每月走访",
            due_on=date(2027, 1, 31)))
        uow.commit()
    page = page_of(qtbot, workspace)
    workbook, printable = tmp_path / "台账.xlsx", tmp_path / "台账.pdf"
    page.export(workbook)
    qtbot.waitUntil(lambda: "已导出整改台账（1 项）" in page.feedback_label.text(),
                    timeout=20_000)
    rows = list(openpyxl.load_workbook(workbook).active.iter_rows(min_row=4, values_only=True))
    assert rows[0][2:4] == ("支部委员会", "班子联系群众不够")
    page.feedback_label.clear()
    page.export(printable)
    qtbot.waitUntil(lambda: "已导出" in page.feedback_label.text(), timeout=20_000)
    text = subprocess.run(["pdftotext", str(printable), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "班子联系群众不够" in text


def test_the_dashboard_lists_overdue_items_carried_over_too(qtbot, workspace):
    from ui.rectification.reminders import RectificationReminders

    ids = add_members(workspace, full=2)
    old = add_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2025, 12, 10))
    with workspace.unit_of_work() as uow:
        rect.create_item(uow, rect.ItemInput(
            meeting_id=old, problem="去年查摆的问题尚未整改", owner_id=ids[1],
            measures="限期整改", due_on=date(2026, 3, 31), status=ItemStatus.IN_PROGRESS))
        uow.commit()
    reminders = RectificationReminders(workspace, today=lambda: TODAY)
    qtbot.addWidget(reminders)
    with qtbot.waitSignal(reminders.loaded, timeout=10_000):
        reminders.refresh()
    assert not reminders.isHidden()
    assert reminders.labels[0].text() == (
        "李红：去年查摆的问题尚未整改（时限 2026-03-31，已逾期 250 天）")


def test_the_page_shows_one_meetings_list_of_problems(qtbot, workspace):
    """The meeting editor's hook: one 组织生活会's 问题清单, and 新增问题 adds to it."""
    ids = add_members(workspace, full=2)
    old = add_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2025, 12, 10))
    new = add_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20))
    with workspace.unit_of_work() as uow:
        for meeting in (old, new):
            rect.create_item(uow, rect.ItemInput(
                meeting_id=meeting, problem="问题", owner_id=ids[0], measures="措施",
                due_on=date(2027, 6, 30)))
        uow.commit()
    page = page_of(qtbot, workspace)
    assert page.table.rowCount() == 2  # this year's and the one carried over
    page.show_meeting(old, date(2025, 12, 10))
    assert page.year_spin.value() == 2025
    assert page.table.rowCount() == 1
    assert page.new_item(page.meeting_id).meeting_combo.currentData() == old
    page.all_button.click()
    assert page.table.rowCount() == 1  # 2025's ledger: the old meeting's item only
    assert page.all_button.isHidden()
