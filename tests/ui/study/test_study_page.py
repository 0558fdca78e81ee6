"""学习教育 with the real widgets on a real encrypted database: the year's table, a member's
entries (typed, from a meeting, with a proof), exemption, settings, import, export, 工作台."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.domain.meetings import MeetingType
from app.domain.study import ExemptReason, StudyForm
from app.services import meetings as mt
from app.services import study
from tests.integration.services.test_meetings import add_members
from ui.study.member_dialog import MemberStudyDialog
from ui.study.page import StudyPage
from ui.study.reminders import StudyReminders
from ui.study.table_model import FORMS, LEAD

TODAY = date(2026, 11, 25)


def page_of(qtbot, workspace) -> StudyPage:
    page = StudyPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1280, 640)
    page.show()
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.reload()
    return page


def row_of(page: StudyPage, name: str) -> int:
    return next(i for i, line in enumerate(page.model.lines) if line.name == name)


def cell(page: StudyPage, row: int, column: int) -> str:
    return page.model.index(row, column).data()


def test_the_table_shows_hours_by_form_against_the_target(qtbot, workspace, screenshot):
    ids = add_members(workspace, full=3, committee=1)
    with workspace.unit_of_work() as uow:
        mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.PARTY_LECTURE, held_on=date(2026, 10, 9), start_time="14:00",
            end_time="16:00", topics=("专题党课",)))
        study.add_entry(uow, study.EntryInput(
            ids[1], date(2026, 3, 1), StudyForm.ONLINE, "网上专题班", Decimal(30)))
        study.set_exemption(uow, ids[2], ExemptReason.ILL)
        uow.commit()
    page = page_of(qtbot, workspace)
    assert page.model.headerData(LEAD + FORMS.index(StudyForm.PARTY_LECTURE),
                                 Qt.Orientation.Horizontal) == "党课"
    member = row_of(page, "党员01")
    total = LEAD + len(FORMS)
    assert cell(page, member, total) == "32"
    assert cell(page, member, total + 3) == "已完成"
    secretary = row_of(page, "党员00")
    assert (cell(page, secretary, total), cell(page, secretary, total + 1)) == ("2", "56")
    assert cell(page, secretary, total + 3).startswith("落后于进度")
    assert cell(page, row_of(page, "党员02"), total + 3) == "免于要求（患病）"
    assert "2名应达标党员中1名已完成" in page.summary_label.text()
    screenshot(page, "study_page")


def test_a_member_entry_typed_in_the_dialog_and_a_proof_attached(qtbot, workspace, tmp_path,
                                                                   screenshot):
    add_members(workspace, full=1)
    page = page_of(qtbot, workspace)
    dialog = page.open_member(0)
    assert isinstance(dialog, MemberStudyDialog)
    dialog.add_entry()
    editor = dialog.editor
    assert editor is not None
    editor.topic_edit.setText("学习新党章")
    editor.hours_spin.setValue(3.5)
    editor.form_combo.setCurrentIndex(list(StudyForm).index(StudyForm.TRAINING))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        assert editor.save_unsaved_work()
    assert [e.data.topic for e in dialog.entries] == ["学习新党章"]
    assert cell(page, 0, LEAD + len(FORMS)) == "3.5"  # the page reloaded

    proof = tmp_path / "证书.png"
    proof.write_bytes(b"\x89PNG certificate")
    dialog.table.selectRow(0)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dialog.attach_proof(proof)
    assert dialog.entries[0].proof is not None
    out = tmp_path / "out.png"
    dialog.save_proof(out)
    assert out.read_bytes() == b"\x89PNG certificate"
    screenshot(dialog, "study_member_dialog")

    dialog.exempt_combo.setCurrentIndex(1 + list(ExemptReason).index(ExemptReason.OLD))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        dialog.save_exemption()
    assert cell(page, 0, LEAD + len(FORMS) + 3) == "免于要求（年老）"


def test_an_entry_from_a_meeting_cannot_be_deleted_here(qtbot, workspace):
    add_members(workspace, full=1)
    with workspace.unit_of_work() as uow:
        mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.THEME_DAY, held_on=date(2026, 10, 9), topics=("主题党日",)))
        uow.commit()
    page = page_of(qtbot, workspace)
    dialog = page.open_member(0)
    assert dialog is not None
    dialog.table.selectRow(0)
    dialog.delete_entry()
    assert "请修改该会议的出席情况" in dialog.error_label.text()
    assert len(dialog.entries) == 1
    dialog.edit_entry()
    assert dialog.editor is not None
    assert not dialog.editor.topic_edit.isEnabled()


def test_import_shows_the_problems_and_imports_nothing_until_correct(qtbot, workspace,
                                                                      tmp_path):
    add_members(workspace, full=1)
    page = page_of(qtbot, workspace)
    book = Workbook()
    book.active.append(["姓名", "日期", "课程", "学时"])
    book.active.append(["党员00", "2026-03-01", "网课", "x"])
    bad = tmp_path / "bad.xlsx"
    book.save(bad)
    task = page.import_hours(bad)
    assert task is not None
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=10000)
    dialog = page.dialog
    assert not dialog.import_button.isEnabled()
    assert "第 2 行，D 列（学时）" in dialog.problems_list.item(0).text()
    dialog.close()

    book.active["D2"] = 2.5
    good = tmp_path / "good.xlsx"
    book.save(good)
    page.dialog = None
    page.import_hours(good)
    qtbot.waitUntil(lambda: page.dialog is not None, timeout=10000)
    assert page.dialog.import_button.isEnabled()
    page.dialog.import_button.click()
    qtbot.waitUntil(lambda: cell(page, 0, LEAD + len(FORMS)) == "2.5", timeout=10000)
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox):
            assert "已导入1条学习记录" in widget.text()


def test_the_table_is_exported_as_a_workbook(qtbot, workspace, tmp_path):
    add_members(workspace, full=2)
    page = page_of(qtbot, workspace)
    target = tmp_path / "学时"
    task = page.export_table(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    rows = list(load_workbook(tmp_path / "学时.xlsx").active.iter_rows(values_only=True))
    assert rows[2][0] == "序号"


def test_settings_change_the_targets(qtbot, workspace):
    add_members(workspace, full=1)
    page = page_of(qtbot, workspace)
    dialog = page.open_settings()
    dialog.target_spin.setValue(40)
    with qtbot.waitSignal(page.loaded, timeout=10000):
        assert dialog.save_unsaved_work()
    assert cell(page, 0, LEAD + len(FORMS) + 1) == "40"


def test_the_dashboard_lists_members_behind_the_pace(qtbot, workspace):
    ids = add_members(workspace, full=2)
    with workspace.unit_of_work() as uow:
        study.add_entry(uow, study.EntryInput(
            ids[0], date(2026, 3, 1), StudyForm.TRAINING, "培训班", Decimal(30)))
        uow.commit()
    reminders = StudyReminders(workspace, lambda: TODAY)
    qtbot.addWidget(reminders)
    with qtbot.waitSignal(reminders.loaded, timeout=10000):
        reminders.refresh()
    assert reminders.shown() == ["党员01"]
    assert "按进度应达26.67学时" in reminders.labels[0].text()


def test_the_table_prints_through_the_preview(qtbot, workspace):
    from ui.widgets.printing import open_dialogs

    add_members(workspace, full=2)
    page = page_of(qtbot, workspace)
    task = page.print_table()
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    dialogs = open_dialogs()
    assert dialogs
    assert "2026年度学时统计表" in dialogs[-1].windowTitle()
    for dialog in dialogs:
        dialog.close()


def test_a_table_arriving_after_the_lock_is_dropped(qtbot, workspace):
    add_members(workspace, full=2)
    page = StudyPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.reload()
    page.clear()  # locked while the table was worked out
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.model.rowCount() == 0
    assert page.table is None


def test_an_entry_the_service_refuses_says_why_beside_the_fields(qtbot, workspace):
    (member_id,) = add_members(workspace, full=1)
    from ui.study.entry_dialog import EntryDialog

    editor = EntryDialog(workspace, member_id, "党员00", today=TODAY)
    qtbot.addWidget(editor)
    editor.show()
    editor.hours_spin.setValue(1)
    assert not editor.save_unsaved_work()  # no topic
    assert editor.error_label.text() == "课程：必填"
    editor.topic_edit.setText("网上专题班")
    assert editor.save_unsaved_work()
    with workspace.unit_of_work(read_only=True) as uow:
        assert [e.data.topic for e in study.member_entries(uow, member_id, 2026)] == [
            "网上专题班"]
