"""The year's study table (教育管理条例 第20、23条) written as xlsx and PDF and read back."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from app.domain.study import ExemptReason, StudyForm
from app.services import study, study_reports
from tests.integration.services.test_meetings import add_members
from tests.unit.documents.test_minutes_pdf import compact, text_of

TODAY = date(2026, 11, 25)


def _year(ws) -> list[str]:
    ids = add_members(ws, full=3, committee=1)
    with ws.unit_of_work() as uow:
        study.add_entry(uow, study.EntryInput(
            ids[0], date(2026, 4, 1), StudyForm.TRAINING, "支部书记培训班", Decimal(56)))
        study.add_entry(uow, study.EntryInput(
            ids[1], date(2026, 5, 1), StudyForm.ONLINE, "网上学习", Decimal("12.5")))
        study.add_entry(uow, study.EntryInput(
            ids[1], date(2026, 6, 1), StudyForm.PARTY_LECTURE, "党课", Decimal(2)))
        study.add_entry(uow, study.EntryInput(
            ids[1], date(2025, 6, 1), StudyForm.PARTY_LECTURE, "去年的党课", Decimal(2)))
        study.set_exemption(uow, ids[2], ExemptReason.DISABLED)
        uow.commit()
    return ids


def test_the_workbook_has_every_member_with_totals_against_the_target(workspace, tmp_path):
    _year(workspace)
    path = tmp_path / "学时.xlsx"
    with workspace.unit_of_work() as uow:
        result = study_reports.export_workbook(uow, 2026, path, TODAY)
        uow.commit()
    assert (result.summary.with_target, result.summary.reached) == (2, 1)
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "机关第一党支部2026年度党员学习教育学时统计表"
    header = rows[2]
    assert header[:3] == ("序号", "姓名", "党小组")
    assert header[-4:] == ("合计", "年度目标", "尚差", "完成情况")
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows[3:6]}
    secretary = by_name["党员00（支委）"]
    assert (secretary["专题培训/培训班"], secretary["合计"], secretary["年度目标"]) == (56, 56, 56)
    assert secretary["完成情况"] == "已完成"
    member = by_name["党员01"]
    assert (member["网络学习"], member["党课"], member["合计"]) == (12.5, 2, 14.5)
    assert (member["年度目标"], member["尚差"], member["完成情况"]) == (32, 17.5, "未完成")
    exempt = by_name["党员02"]
    assert exempt["年度目标"] is None
    assert exempt["完成情况"] == "免于学时要求（第23条，残疾）"
    totals = rows[6]
    assert totals[0] == "合计"
    assert totals[header.index("合计")] == 70.5
    assert "已完成1人，完成率50.0%" in rows[7][0]


def test_the_printable_table_reads_back(workspace, tmp_path):
    _year(workspace)
    path = tmp_path / "学时.pdf"
    with workspace.unit_of_work() as uow:
        result = study_reports.export_pdf(uow, 2026, path, TODAY)
        uow.commit()
    assert result.pages == 1
    text = compact(text_of(path))
    assert "2026年度党员学习教育学时统计表" in text
    assert "党员01" in text
    assert "14.5" in text
    assert "免（残疾）" in text
    assert "完成率50.0%" in text
