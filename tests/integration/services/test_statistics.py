"""党内统计 on a real encrypted database: the demo branch's tables against an independent count
of the exported roster workbook, the balance check failing loudly on a broken record, and last
year's tables unchanged by this year's edits."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select, update

from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.members import MembershipStatus
from app.errors import StatisticsUnbalancedError
from app.services import demo, roster, statistics, statistics_export, transfers
from app.services import members as m
from app.storage.models import MemberRow, OutboxEntry, StatisticsReportRow
from tests.conftest import id_number

TODAY = date(2026, 11, 25)


@pytest.fixture
def demo_branch(workspace):
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, 80)
        uow.commit()
    return workspace


def _roster_counts(path) -> dict[str, Counter[str]]:
    """Count the roster workbook itself: its members (正式 and 预备) by column value."""
    sheet = load_workbook(path).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    header = list(rows[2])
    counts: dict[str, Counter[str]] = {}
    for row in rows[3:]:
        record = dict(zip(header, row, strict=False))
        if record.get("党籍状态") not in ("正式党员", "预备党员"):
            continue
        for column in ("党籍状态", "性别", "民族", "学历", "职业", "人员类别"):
            counts.setdefault(column, Counter())[str(record.get(column) or "")] += 1
        born = record["出生日期"]
        age = TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))
        counts.setdefault("age", Counter())["30岁及以下" if age <= 30 else
                                            "61岁及以上" if age >= 61 else "31-60"] += 1
        joined = record["入党时间"]
        counts.setdefault("joined", Counter())[
            "十八大以来" if joined.date() >= date(2012, 11, 8) else "十八大前"] += 1
    return counts


def test_demo_tables_agree_with_a_count_of_the_exported_roster(demo_branch, tmp_path):
    path = tmp_path / "roster.xlsx"
    with demo_branch.unit_of_work() as uow:
        roster.export_roster(uow, path, TODAY, demo.PROFILE.name, include_secret=True)
        report = statistics.make_report(uow, TODAY.year, TODAY)
        uow.commit()
    counted = _roster_counts(path)
    basic = report.table("basic")
    assert basic.cell("合计", "党员总数") == sum(counted["党籍状态"].values()) > 40
    assert basic.cell("正式党员", "党员总数") == counted["党籍状态"]["正式党员"]
    assert basic.cell("预备党员", "党员总数") == counted["党籍状态"]["预备党员"] > 0
    assert basic.cell("合计", "女性") == counted["性别"]["女"]
    assert basic.cell("合计", "少数民族") == sum(
        n for name, n in counted["民族"].items() if name not in ("汉族", ""))
    occupation = report.table("occupation")
    for name in ("专业技术人员", "管理人员", "党政机关工作人员", "学生", "离退休人员"):
        assert occupation.cell("合计", name) == counted["职业"][name]
    assert occupation.cell("合计", "未填") == counted["职业"][""]
    category = report.table("category")
    for word in ("在职", "离退休", "学生"):
        assert category.cell("合计", word) == counted["人员类别"][word]
    education = report.table("education")
    assert education.cell("合计", "研究生") == sum(
        n for name, n in counted["学历"].items() if "研究生" in name)
    assert education.cell("合计", "大学本科") == sum(
        n for name, n in counted["学历"].items() if "大学本科" in name)
    age = report.table("age")
    assert age.cell("合计", "30岁及以下") == counted["age"]["30岁及以下"]
    assert age.cell("合计", "61岁及以上") == counted["age"]["61岁及以上"]
    assert report.table("joined").cell("合计", "党的十八大以来") == counted["joined"]["十八大以来"]
    assert report.balanced
    # the gaps name the members whose 职业 is not recorded, and the table counts them as 未填
    assert {g.name for g in report.gaps if g.field == "occupation"}
    assert len([g for g in report.gaps if g.field == "occupation"]) == counted["职业"][""]


def test_the_balance_check_fails_loudly_on_a_broken_record(demo_branch, tmp_path):
    with demo_branch.unit_of_work() as uow:
        assert statistics.make_report(uow, TODAY.year, TODAY).balanced
        (dead_id, dead), (moved_id, moved) = uow.session.execute(
            select(MemberRow.id, MemberRow.name).where(
                MemberRow.status == "active", MemberRow.stage == "full").order_by(
                MemberRow.sort_key).limit(2)).tuples()
        # a death recorded without its date; a leaving date on a member still on the roll
        uow.session.execute(update(MemberRow).where(MemberRow.id == dead_id).values(
            status=MembershipStatus.DECEASED.value, left_date=None))
        uow.session.execute(update(MemberRow).where(MemberRow.id == moved_id).values(
            left_date=date(2026, 3, 1)))
        report = statistics.make_report(uow, TODAY.year, TODAY)
        assert not report.balanced
        assert {(e.name, e.code) for e in report.errors} == {
            (dead, "left_without_date"), (moved, "date_without_leaving")}
        full = next(b for b in report.balances if b.category == "full")
        assert not full.ok  # counted at the end, and removed by its leaving date
        statistics_export.export_workbook(uow, report, tmp_path / "stats.xlsx", TODAY)
    book = load_workbook(tmp_path / "stats.xlsx")
    lines = [str(c) for row in book["校验"].iter_rows(values_only=True) for c in row if c]
    assert "不符" in lines
    assert f"{dead}：记录为已离开本支部，但没有离开日期" in lines
    assert f"{moved}：有离开日期，但记录仍在册" in lines



def record_death_without_date(workspace) -> str:
    """Break the balance: the first member on the roll recorded as dead, without the date."""
    with workspace.unit_of_work() as uow:
        broken_id = uow.session.scalar(select(MemberRow.id).where(
            MemberRow.status == "active").order_by(MemberRow.sort_key).limit(1))
        uow.session.execute(update(MemberRow).where(MemberRow.id == broken_id).values(
            status=MembershipStatus.DECEASED.value, left_date=None))
        uow.commit()
    return broken_id


def test_an_unbalanced_year_is_not_submitted(demo_branch):
    """The platform never receives tables that contradict each other: the year submitted while
    it balanced stays as it was, and nothing more is stored or queued."""
    with demo_branch.unit_of_work() as uow:
        record_id = statistics_export.submit(uow, statistics.make_report(uow, TODAY.year))
        uow.commit()
    with demo_branch.unit_of_work(read_only=True) as uow:
        stored = uow.session.get(StatisticsReportRow, record_id).tables
        queued = uow.session.scalar(select(func.count()).select_from(OutboxEntry))
    record_death_without_date(demo_branch)
    with demo_branch.unit_of_work() as uow:
        report = statistics.make_report(uow, TODAY.year)
        assert not report.balanced
        with pytest.raises(StatisticsUnbalancedError) as refused:
            statistics_export.submit(uow, report)
        uow.commit()
    assert (refused.value.year, refused.value.count) == (TODAY.year, 1)
    with demo_branch.unit_of_work(read_only=True) as uow:
        assert uow.session.get(StatisticsReportRow, record_id).tables == stored
        assert uow.session.scalar(select(func.count()).select_from(OutboxEntry)) == queued
        assert uow.session.scalar(select(func.count()).select_from(StatisticsReportRow)) == 1

def _member(uow, name: str, i: int, **fields) -> str:
    return m.create_member(uow, m.MemberInput(
        name=name, id_number=id_number(i), gender=None, ethnic_group="01", education="21",
        occupation="05", **fields), TODAY)


def test_last_years_tables_are_unchanged_by_this_years_edits(workspace):
    with workspace.unit_of_work() as uow:
        full = [_member(uow, f"党员{i}", i, stage=Stage.FULL, admission_date=date(2010, 5, 1),
                        approval_date=date(2010, 6, 1), full_date=date(2011, 6, 1))
                for i in range(1, 9)]
        probationary = _member(uow, "预备甲", 20, stage=Stage.PROBATIONARY,
                               admission_date=date(2025, 3, 1), approval_date=date(2025, 4, 1),
                               application_date=date(2023, 1, 5),
                               activist_date=date(2023, 3, 1), candidate_date=date(2024, 6, 1))
        candidate = _member(uow, "发展乙", 21, stage=Stage.CANDIDATE,
                            application_date=date(2023, 1, 5), activist_date=date(2023, 3, 1),
                            candidate_date=date(2025, 9, 1))
        uow.commit()
    with workspace.unit_of_work() as uow:
        before = statistics_export.payload(statistics.make_report(uow, 2025))
        report_2025 = statistics.make_report(uow, 2025)
    assert report_2025.balanced
    assert report_2025.table("basic").cell("合计", "党员总数") == 9
    assert report_2025.table("development").cell("发展党员", "本期人数") == 1

    # This year: the candidate admitted, the probationary member 转正, one full member
    # transferred out, one dies, a member transferred in, a new applicant.
    with workspace.unit_of_work() as uow:
        data = m.get_member(uow, candidate).data
        m.update_member(uow, candidate, replace(
            data, stage=Stage.PROBATIONARY, admission_date=date(2026, 3, 10),
            approval_date=date(2026, 4, 2)), TODAY)
        data = m.get_member(uow, probationary).data
        m.update_member(uow, probationary, replace(
            data, stage=Stage.FULL, full_date=date(2026, 3, 1)), TODAY)
        transfers.transfer_out(uow, full[0], transfers.LetterOut(
            "组转字〔2026〕第001号", "市审计局机关党委", date(2026, 5, 6), Month(2026, 4),
            reason="工作调动"), TODAY)
        m.record_leaving(uow, full[1], MembershipStatus.DECEASED, date(2026, 7, 8), "因病去世")
        transfers.transfer_in(uow, m.MemberInput(
            name="转入丙", id_number=id_number(30), stage=Stage.FULL, ethnic_group="01",
            admission_date=date(2015, 6, 1), full_date=date(2016, 6, 1)),
            transfers.LetterIn("组转字〔2026〕第088号", "区财政局党组", date(2026, 2, 3),
                               Month(2026, 1)), TODAY)
        _member(uow, "申请丁", 31, stage=Stage.APPLICANT, application_date=date(2026, 6, 1))
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert statistics_export.payload(statistics.make_report(uow, 2025)) == before
        now = statistics.make_report(uow, 2026, TODAY)
    assert now.balanced, now.errors
    assert now.table("development").cell("发展党员", "本期人数") == 1
    assert now.table("development").cell("预备党员转正", "本期人数") == 1
    assert now.table("development").cell("递交入党申请书", "本期人数") == 1
    assert now.table("reduction").cell("死亡", "合计") == 1
    assert now.table("reduction").cell("转出", "正式党员") == 1
    assert now.table("transfer").cell("转入", "正式党员") == 1
    total = next(b for b in now.balances if b.category == "total")
    assert (total.start, total.added, total.removed, total.end) == (9, 2, 2, 9)
    full_line = next(b for b in now.balances if b.category == "full")
    assert (full_line.start, full_line.added, full_line.removed, full_line.end) == (8, 2, 2, 8)


def test_a_reference_date_outside_the_year_is_refused(workspace):
    from app.errors import InvalidInputError

    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError):
        statistics.make_report(uow, 2026, date(2025, 12, 31))


def test_workbook_and_pdf_read_back(demo_branch, tmp_path):
    import subprocess

    with demo_branch.unit_of_work() as uow:
        report = statistics.make_report(uow, TODAY.year)
        statistics_export.export_workbook(uow, report, tmp_path / "s.xlsx", TODAY)
        pages = statistics_export.export_pdf(uow, report, tmp_path / "s.pdf", TODAY)
        uow.commit()
    book = load_workbook(tmp_path / "s.xlsx")
    assert book.sheetnames == [t.title for t in report.tables] + ["校验"]
    rows = list(book["党员基本情况"].iter_rows(values_only=True))
    assert rows[2][:3] == ("项目", "党员总数", "女性")
    assert rows[3][0] == "合计"
    assert rows[3][1] == report.table("basic").cell("合计", "党员总数")
    assert pages >= 1
    text = subprocess.run(["pdftotext", str(tmp_path / "s.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    for heading in ("党员基本情况", "发展党员情况", "党员减少情况", "流动党员", "校验"):
        assert heading in text


def test_occupation_is_read_from_a_roster_column_by_name_or_short_form(workspace, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "公民身份号码", "党籍状态", "人员类别", "职业"])
    sheet.append(["甲", id_number(41), "正式党员", "在职", "公务员"])
    sheet.append(["乙", id_number(42), "正式党员", "离退休", "离退休人员"])
    sheet.append(["丙", id_number(43), "正式党员", "在职", "宇航员"])
    book.save(tmp_path / "r.xlsx")
    with workspace.unit_of_work() as uow:
        plan = roster.plan_import(uow, tmp_path / "r.xlsx", TODAY)
    refused = [(p.row, p.field, p.code) for p in plan.problems]
    assert refused == [(4, "occupation", "unknown_value")]  # nothing is imported
    sheet.delete_rows(4)
    book.save(tmp_path / "r.xlsx")
    with workspace.unit_of_work() as uow:
        plan = roster.plan_import(uow, tmp_path / "r.xlsx", TODAY)
        roster.apply_import(uow, plan, TODAY)
        uow.commit()
    with workspace.unit_of_work() as uow:
        found = dict(list(uow.session.execute(
            select(MemberRow.name, MemberRow.occupation)).tuples()))
    assert found == {"甲": "05", "乙": "08"}


def test_a_member_admitted_elsewhere_and_transferred_in_is_no_admission_here(workspace):
    with workspace.unit_of_work() as uow:
        transfers.transfer_in(uow, m.MemberInput(
            name="转入戊", id_number=id_number(50), stage=Stage.PROBATIONARY, ethnic_group="97",
            application_date=date(2024, 1, 3), activist_date=date(2024, 4, 1),
            candidate_date=date(2025, 5, 1), admission_date=date(2026, 2, 1),
            approval_date=date(2026, 3, 1)),
            transfers.LetterIn("组转字〔2026〕第099号", "区财政局党组", date(2026, 6, 3),
                               Month(2026, 5)), TODAY)
        uow.commit()
    with workspace.unit_of_work() as uow:
        report = statistics.make_report(uow, 2026, TODAY)
    assert report.balanced
    assert report.table("development").cell("发展党员", "本期人数") == 0
    assert report.table("development").cell("发展党员", "期末在册") == 1
    assert report.table("transfer").cell("转入", "预备党员") == 1
    assert report.table("basic").cell("合计", "少数民族") == 0  # 97: not one of the 55


def test_the_transfers_out_and_the_reductions_count_the_same_people(workspace):
    """Review: 转出 is counted in two tables; an applicant whose (non-member) record is marked
    transferred out is no party member leaving the roll, and neither table counts him."""
    with workspace.unit_of_work() as uow:
        member = _member(uow, "党员甲", 1, stage=Stage.FULL, admission_date=date(2010, 5, 1),
                         approval_date=date(2010, 6, 1), full_date=date(2011, 6, 1))
        applicant = _member(uow, "申请乙", 2, stage=Stage.APPLICANT,
                            application_date=date(2025, 6, 1))
        transfers.transfer_out(uow, member, transfers.LetterOut(
            "组转字〔2026〕第001号", "市审计局机关党委", date(2026, 5, 6), Month(2026, 4),
            reason="工作调动"), TODAY)
        uow.session.execute(update(MemberRow).where(MemberRow.id == applicant).values(
            status=MembershipStatus.TRANSFERRED_OUT.value, left_date=date(2026, 5, 7)))
        uow.commit()
    with workspace.unit_of_work() as uow:
        report = statistics.make_report(uow, 2026, TODAY)
    assert report.table("reduction").cell("转出", "合计") == 1
    assert report.table("transfer").cell("转出", "合计") == 1


def _sizes(path) -> dict[str, set[float]]:
    """Each printed character of the PDF at ``path`` and the type sizes it is printed in."""
    import pypdfium2
    import pypdfium2.raw as pdfium_raw

    found: dict[str, set[float]] = {}
    document = pypdfium2.PdfDocument(str(path))
    try:
        for page in document:
            text_page = page.get_textpage()
            for index in range(text_page.count_chars()):
                char = text_page.get_text_range(index, 1)
                if char.strip():
                    found.setdefault(char, set()).add(
                        round(pdfium_raw.FPDFText_GetFontSize(text_page.raw, index), 1))
    finally:
        document.close()
    return found


def test_the_pdf_prints_every_table_in_one_type_size(demo_branch, tmp_path):
    """Headings, labels and figures of the tables in the note's size (9.5 pt), the titles of
    the tables as the documents' section headings; signed by 填报人 in the workbook too."""
    with demo_branch.unit_of_work() as uow:
        report = statistics.make_report(uow, TODAY.year)
        statistics_export.export_pdf(uow, report, tmp_path / "s.pdf", TODAY)
        statistics_export.export_workbook(uow, report, tmp_path / "s.xlsx", TODAY)
        uow.commit()
    sizes = _sizes(tmp_path / "s.pdf")
    assert set().union(*sizes.values()) == {20.0, 14.0, 12.0, 10.5, 9.5}
    # in the tables only: column headings, row labels, indented labels, 相符
    for char in "总数劝其退岁及以下相符":
        assert sizes[char] == {9.5}, char
    assert sizes["况"] == {14.0}  # the headings …情况 (and nothing else)
    book = load_workbook(tmp_path / "s.xlsx")
    lines = [str(c) for sheet in book for row in sheet.iter_rows(values_only=True)
             for c in row if c]
    assert not any("收缴人" in line for line in lines)  # the dues ledger's signature
    assert sum(line.startswith("填报人：") for line in lines) == len(report.tables)
    gaps = len(report.gaps)
    assert gaps > 0
    assert f"职业未填写：{gaps} 人" in lines
