"""谈心谈话 page as a secretary uses it: a talk entered with its people, the year's coverage
(支部工作条例 第19条: 委员–委员 and 委员–党员 pairs), a 秘密 talk, deleting one entered by mistake,
the export read back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.members import Classification
from app.domain.talks import TalkKind
from app.services import talks
from app.services.workspace import Workspace
from tests.ui.meetings.helpers import add_members
from ui.talks.page import TalksPage

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2026, 11, 25)


def page_of(qtbot: QtBot, workspace: Workspace) -> TalksPage:
    page = TalksPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    page.refresh()
    return page


def test_a_talk_typed_in_the_dialog_covers_its_pair(qtbot, workspace, screenshot):
    add_members(workspace, full=4, committee=2)  # 王建国, 李红 委员: 1 + 4 pairs
    page = page_of(qtbot, workspace)
    assert "应谈 5 对，已谈 0 对，尚未谈话 5 对" in page.coverage_label.text()
    dialog = page.new_talk()
    dialog.topic_edit.setText("交流本年度工作体会")
    dialog.choose(["王建国", "张伟"])
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(TalkKind.REMINDER))
    dialog.record_edit.setPlainText("提醒按时参加组织生活")
    dialog.follow_up_edit.setText("下月回访")
    assert dialog.chosen_label.text() == "已选：王建国（委员）、张伟"
    screenshot(dialog, "talks-dialog")
    assert dialog.save()
    assert page.table.rowCount() == 1
    assert page.table.item(0, 1).text() == "提醒谈话"
    assert page.table.item(0, 2).text() == "王建国、张伟"
    assert "已谈 1 对，尚未谈话 4 对" in page.coverage_label.text()
    assert page.missing_table.rowCount() == 4
    assert page.missing_table.item(0, 0).text() == "委员之间"
    screenshot(page, "talks-page")


def test_a_talk_of_one_person_is_refused_with_the_reason(qtbot, workspace):
    add_members(workspace, full=2)
    page = page_of(qtbot, workspace)
    dialog = page.new_talk()
    dialog.topic_edit.setText("谈话")
    dialog.choose(["王建国"])
    assert not dialog.save()
    assert "请至少选择两人" in dialog.message_label.text()
    with workspace.unit_of_work() as uow:
        assert talks.talks_of_year(uow, 2026) == []


def test_closing_the_dialog_after_checking_a_person_asks_first(qtbot, workspace):
    add_members(workspace, full=2)
    dialog = page_of(qtbot, workspace).new_talk()
    assert not dialog.has_unsaved_work()
    dialog.choose(["李红"])
    assert dialog.has_unsaved_work()


def test_a_secret_talk_is_marked_and_a_mistaken_one_deleted(qtbot, workspace, tmp_path):
    ids = add_members(workspace, full=3, committee=1)
    with workspace.unit_of_work() as uow:
        talk_id = talks.create_talk(uow, talks.TalkInput(
            on_date=date(2026, 5, 4), kind=TalkKind.HEART_TO_HEART, topic="家庭困难",
            people=(ids[0], ids[1]), classification=Classification.SECRET))
        talks.create_talk(uow, talks.TalkInput(
            on_date=date(2026, 6, 4), kind=TalkKind.HEART_TO_HEART, topic="误录",
            people=(ids[0], ids[2])))
        uow.commit()
    page = page_of(qtbot, workspace)
    assert page.table.item(0, 5).text() == "秘密"
    opened = page.open_talk(talk_id)
    assert opened is not None
    assert opened.classification_combo.value() is Classification.SECRET
    opened.close()
    page.table.selectRow(1)
    box = page.ask_delete()
    assert box is not None
    assert box.button(QMessageBox.StandardButton.Yes).text() == "删除"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.table.rowCount() == 1)
    path = tmp_path / "谈心谈话.xlsx"
    page.export(path)
    qtbot.waitUntil(lambda: "已导出 1 次谈话" in page.feedback_label.text(), timeout=20_000)
    rows = list(openpyxl.load_workbook(path).worksheets[0].iter_rows(min_row=4, values_only=True))
    assert [r[4] for r in rows] == ["家庭困难"]


def test_locking_clears_the_page(qtbot, workspace):
    ids = add_members(workspace, full=2, committee=1)
    with workspace.unit_of_work() as uow:
        talks.create_talk(uow, talks.TalkInput(
            on_date=date(2026, 5, 4), kind=TalkKind.HEART_TO_HEART, topic="谈心",
            people=tuple(ids)))
        uow.commit()
    page = page_of(qtbot, workspace)
    assert page.table.rowCount() == 1
    page.clear()
    assert page.table.rowCount() == 0
    assert page.coverage_label.text() == ""


def test_the_dashboard_lists_who_is_not_covered_in_the_last_quarter(qtbot, workspace):
    from ui.talks.reminders import TalkReminders

    ids = add_members(workspace, full=3, committee=2)  # 1 + 2 pairs
    with workspace.unit_of_work() as uow:
        talks.create_talk(uow, talks.TalkInput(
            on_date=date(2026, 3, 1), kind=TalkKind.HEART_TO_HEART, topic="谈心",
            people=(ids[0], ids[1])))
        uow.commit()
    september = TalkReminders(workspace, today=lambda: date(2026, 9, 30))
    qtbot.addWidget(september)
    with qtbot.waitSignal(september.loaded, timeout=10_000):
        september.refresh()
    assert september.coverage is None
    assert september.isHidden()
    december = TalkReminders(workspace, today=lambda: TODAY)
    qtbot.addWidget(december)
    with qtbot.waitSignal(december.loaded, timeout=10_000):
        december.refresh()
    assert not december.isHidden()
    text = december.labels[0].text()
    assert "2026年：应谈 3 对，尚有 2 对未谈话" in text
    assert "王建国" in text
    assert "张伟" in text
