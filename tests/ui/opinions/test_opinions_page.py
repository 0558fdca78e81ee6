"""意见建议 page with the real widgets on a real encrypted database: an entry received,
forwarded (the 转办单 printed), answered, fed back; a report handed to the 纪委 with the
instructions and the cover slip; the year's export; overdue entries on 工作台; screenshots."""

from __future__ import annotations

import subprocess
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from pytestqt.qtbot import QtBot

from app.domain.opinions import Category, Channel, Kind, Status
from app.services import members as m
from app.services import opinions
from app.services.workspace import Workspace
from tests.conftest import id_number
from ui.opinions.page import OpinionsPage
from ui.opinions.reminders import OpinionReminders

TODAY = date(2026, 12, 6)


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> OpinionsPage:
    with workspace.unit_of_work() as uow:
        m.create_member(uow, m.MemberInput(name="王芳", id_number=id_number(3)), TODAY)
        opinions.set_units(uow, ["办公室", "财务处"])
        opinions.set_discipline_contact(uow, "机关纪委办公室（3号楼201，电话 8888）")
        uow.commit()
    widget = OpinionsPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1100, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "slip.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_an_entry_runs_its_course_from_the_page(page, workspace, tmp_path, screenshot):
    assert page.model.rowCount() == 0
    assert "登记" in page.empty_hint.text
    dialog = page.add_entry()
    assert dialog.proposer.currentText() == "王芳"
    dialog.category.setCurrentIndex(dialog.category.findData(Category.CONDUCT))
    dialog.content.setPlainText("会议通知太晚，建议提前三天")
    screenshot(dialog, "opinions-entry")
    assert dialog.save()
    assert page.model.rowCount() == 1
    entry = page.selected()
    assert entry is not None
    assert (entry.proposer, entry.category, entry.channel) == ("王芳", Category.CONDUCT,
                                                               Channel.MEETING)
    assert not page.slip_button.isEnabled()
    assert not page.feedback_button.isEnabled()

    forward = page.forward_entry()
    assert forward.unit.currentText() == "办公室"
    assert forward.save()
    assert page.slip_button.isEnabled()
    text = _pdf_text(page.slip_pdf(), tmp_path)
    assert "党员意见建议转办单" in text
    assert "会议通知太晚" in text

    answer = page.answer_entry()
    answer.outcome.setCurrentIndex(answer.outcome.findData(Status.DECLINED))
    assert not answer.save()  # no reason given
    assert "理由" in answer.message_label.text()
    answer.reason.setPlainText("会议时间由上级确定")
    assert answer.save()
    assert page.selected().status is Status.DECLINED
    assert page.feedback_button.isEnabled()
    assert page.feedback_entry().save()
    assert page.selected().feedback_on == TODAY
    assert "不予采纳" in page.model.cells(page.selected())[6]
    assert "会议时间由上级确定" in page.course.text()
    screenshot(page, "opinions-page")


def test_a_report_is_handed_over_without_content(page, workspace, tmp_path, screenshot):
    dialog = page.hand_over()
    steps = dialog.steps.text()
    assert "机关纪委办公室（3号楼201，电话 8888）" in steps
    assert "秘密" in steps
    assert not hasattr(dialog, "content")
    dialog.reference.setText("JW-12")
    screenshot(dialog, "opinions-handover")
    assert dialog.save()
    entry = page.selected()
    assert entry.kind is Kind.MISCONDUCT
    assert not page.answer_button.isEnabled()
    assert page.cover_button.isEnabled()
    text = _pdf_text(page.slip_pdf(cover=True), tmp_path)
    assert "检举控告材料移交单" in text
    assert "JW-12" in text


def test_the_year_is_exported_and_a_bad_folder_is_said(page, workspace, tmp_path):
    with workspace.unit_of_work() as uow:
        opinions.record_opinion(uow, opinions.OpinionInput(
            TODAY, Channel.MEETING, Category.OTHER, "多组织集中学习"))
        uow.commit()
    page.reload()
    target = tmp_path / "register.xlsx"
    assert page.export_year(target, 2026)
    assert "register.xlsx" in page.feedback.text()
    assert openpyxl.load_workbook(target)["登记表"]["F4"].value == "多组织集中学习"
    assert not page.export_year(tmp_path / "missing" / "x.xlsx", 2026)
    assert "x.xlsx" in page.feedback.text()


def test_settings_change_the_time_limits_and_overdue_goes_to_the_dashboard(
    qtbot, page, workspace
):
    with workspace.unit_of_work() as uow:
        opinions.record_opinion(uow, opinions.OpinionInput(
            TODAY - timedelta(days=10), Channel.IN_PERSON, Category.CONDUCT, "作风问题"))
        uow.commit()
    reminders = OpinionReminders(workspace, lambda: TODAY)
    qtbot.addWidget(reminders)
    with qtbot.waitSignal(reminders.loaded, timeout=10_000):
        reminders.refresh()
    assert reminders.entries == []
    assert reminders.isHidden()
    dialog = page.edit_settings()
    dialog.limits[Category.CONDUCT].setValue(7)
    dialog.units.setPlainText("办公室\n人事处")
    assert dialog.save()
    with qtbot.waitSignal(reminders.loaded, timeout=10_000):
        reminders.refresh()
    assert len(reminders.entries) == 1
    assert "作风建设" in reminders.labels[0].text()
    with workspace.unit_of_work(read_only=True) as uow:
        assert opinions.units(uow) == ["办公室", "人事处"]


def test_files_are_attached_and_copied_back(page, workspace, tmp_path):
    with workspace.unit_of_work() as uow:
        opinion = opinions.record_opinion(uow, opinions.OpinionInput(
            TODAY, Channel.WRITTEN, Category.OTHER, "附信一封"))
        uow.commit()
    page.reload()
    page.select(opinion)
    letter = tmp_path / "来信.txt"
    letter.write_text("信的内容", encoding="utf-8")
    dialog = page.show_attachments()
    assert dialog.add_files([letter])
    assert dialog.files.count() == 1
    assert not dialog.add_files([tmp_path / "none.txt"])
    assert "none.txt" in dialog.message.text()
    dialog.files.setCurrentRow(0)
    copy = tmp_path / "copy.txt"
    assert dialog.save_copy(dialog._ids[0], copy)
    assert copy.read_text(encoding="utf-8") == "信的内容"
    dialog.close()
