"""Dues reports from a real encrypted database: a small branch's year → the four sheets."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.documents import dues_reports as doc
from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.dues import (
    ArrearsLevel,
    DuesRule,
    HardshipRelief,
    PersonCategory,
    ReliefKind,
)
from app.errors import FileAccessError
from app.services import dues as d
from app.services import dues_reports as reports
from app.services import members as m
from app.storage.models import AuditEntry
from tests.conftest import id_number as number

D = Decimal
YEAR = 2025
MONTHS = [Month(YEAR, i) for i in range(1, 13)]
TODAY = date(2026, 1, 10)


def money(value: object) -> Decimal:
    """A number cell read back, as the exact Decimal it shows (two decimals)."""
    assert isinstance(value, int | float), value
    return D(repr(value)).quantize(D("0.01"))


@pytest.fixture
def year(workspace):
    """The small branch of issue 5 for 2025: a multi-month payment, a reversal, a wage change in
    July, a probationary member admitted in March, a member paid for by a relative, a hardship
    exemption, a member who stopped paying, and a remittance for the year."""
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2025, 1, 1)),
            "retiree": m.create_member(uow, m.MemberInput(
                name="李老", id_number=number(2), category=PersonCategory.RETIRED),
                date(2025, 1, 1)),
            "student": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(3), category=PersonCategory.STUDENT),
                date(2025, 1, 1)),
            "new": m.create_member(uow, m.MemberInput(
                name="钱新", id_number=number(4), stage=Stage.PROBATIONARY,
                admission_date=date(2025, 3, 18)), date(2025, 3, 20)),
            "absent": m.create_member(uow, m.MemberInput(name="孙缺", id_number=number(5)),
                                      date(2025, 1, 1)),
            "poor": m.create_member(uow, m.MemberInput(name="周困", id_number=number(6)),
                                    date(2025, 1, 1)),
        }
        d.set_base(uow, ids["worker"], Month(2025, 1), D("4800.00"))  # 1%: 48.00
        d.set_base(uow, ids["worker"], Month(2025, 7), D("5200.00"))  # 1.5%: 78.00
        d.set_base(uow, ids["retiree"], Month(2025, 1), D("5000.00"))  # 0.5%: 25.00
        d.set_base(uow, ids["new"], Month(2025, 3), D("3333.33"))  # 1%: 33.33
        d.set_base(uow, ids["absent"], Month(2025, 1), D("2000.00"))  # 0.5%: 10.00
        d.set_base(uow, ids["poor"], Month(2025, 1), D("2500.00"))  # 0.5%: 12.50
        d.add_relief(uow, ids["poor"], HardshipRelief(
            ReliefKind.EXEMPT, "机关党委", date(2025, 2, 20), Month(2025, 3), Month(2025, 8)))
        for month in MONTHS:
            d.generate_month(uow, month)
        d.record_payment(uow, ids["worker"], date(2025, 6, 30), MONTHS[:6], D("288.00"))
        wrong = d.record_payment(uow, ids["retiree"], date(2025, 3, 1), MONTHS[:3], D("57.00"))
        d.reverse(uow, wrong.event_id, date(2025, 3, 2), "金额录错")
        d.record_payment(uow, ids["retiree"], date(2025, 3, 2), MONTHS[:3], D("75.00"),
                         payer="李小明")
        d.record_payment(uow, ids["student"], date(2025, 12, 1), MONTHS, D("2.40"),
                         note="在外实习，年底一次交清")
        d.record_payment(uow, ids["new"], date(2025, 12, 1), MONTHS[2:], D("333.30"),
                         note="预备党员补交")
        d.record_payment(uow, ids["worker"], date(2025, 12, 1), MONTHS[6:], D("468.00"))
        d.record_payment(uow, ids["absent"], date(2025, 1, 31), MONTHS[:1], D("10.00"))
        d.record_payment(uow, ids["poor"], date(2025, 12, 20), MONTHS, D("75.00"),
                         note="年底补交")
        d.record_remittance(uow, date(2025, 12, 28), Month(2025, 1), Month(2025, 12),
                            D("1251.70"))
        uow.commit()
    return workspace, ids


def test_collection_sheet_of_march(year, tmp_path):
    ws, _ids = year
    path = tmp_path / "2025年3月党费收缴登记表.xlsx"
    with ws.unit_of_work() as uow:
        result = reports.export_month_sheet(uow, Month(2025, 3), path, TODAY)
        uow.commit()
    assert result.members == 6
    # due: 48 + 25 + 0.20 + 33.33 + 10 + 0 (exempt) = 116.53; all paid but 孙缺's 10.00
    assert (result.due, result.paid, result.outstanding) == (D("116.53"), D("106.53"), D("10.00"))

    sheet = load_workbook(path)[doc.COLLECTION_SHEET]
    assert sheet["A1"].value == "机关第一党支部党费收缴登记表"
    assert "2025年3月" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == list(doc.COLLECTION_HEADERS)
    rows = {r[1].value: r for r in sheet.iter_rows(min_row=4) if r[1].value}
    worker = rows["王工"]
    assert money(worker[3].value) == D("4800.00")
    assert worker[4].value == pytest.approx(0.01)
    assert worker[4].number_format == "0.0%"
    assert money(worker[5].value) == D("48.00")
    assert worker[5].number_format == "#,##0.00"
    assert worker[8].value == datetime(2025, 6, 30)
    assert rows["李老"][9].value == "李小明代交"
    assert money(rows["李老"][6].value) == D("25.00")
    assert rows["周困"][4].value == "困难免交"
    assert money(rows["周困"][5].value) == D("0.00")
    assert rows["赵生"][4].value == "定额"
    assert rows["赵生"][3].value is None
    assert rows["钱新"][9].value == "预备党员补交"
    assert rows["孙缺"][8].value is None
    assert money(rows["孙缺"][7].value) == D("10.00")
    total = next(r for r in sheet.iter_rows(min_row=4) if r[0].value == doc.TOTAL)
    assert [money(c.value) for c in total[5:8]] == [D("116.53"), D("106.53"), D("10.00")]
    body = [r for r in sheet.iter_rows(min_row=4) if isinstance(r[0].value, int)]
    assert sum(money(r[5].value) for r in body) == D("116.53")

    with ws.unit_of_work() as uow:
        detail = uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "dues.export")
        ).one()
    assert str(path) in detail


def test_year_workbook_has_the_ledger_arrears_and_remittances(year, tmp_path):
    ws, _ids = year
    path = tmp_path / "台账.xlsx"
    with ws.unit_of_work() as uow:
        result = reports.export_year(uow, YEAR, path, TODAY)
        uow.commit()
    assert result.members == 6
    # 王工 756.00 + 李老 300.00 + 赵生 2.40 + 钱新 333.30 + 孙缺 120.00 + 周困 75.00
    assert result.totals.due == D("1586.70")
    assert result.totals.paid == D("1251.70")
    assert result.totals.outstanding == D("335.00")

    book = load_workbook(path)
    assert book.sheetnames == [doc.LEDGER_SHEET, doc.ARREARS_SHEET, doc.REMITTANCE_SHEET]
    ledger = book[doc.LEDGER_SHEET]
    assert ledger.freeze_panes == "D5"
    rows = {r[1].value: r for r in ledger.iter_rows(min_row=5) if isinstance(r[0].value, int)}
    worker = rows["王工"]
    assert [money(worker[3 + 2 * i].value) for i in (5, 6)] == [D("48.00"), D("78.00")]
    assert money(worker[27].value) == D("756.00")
    assert money(worker[28].value) == D("756.00")
    new = rows["钱新"]
    assert new[3].value is None
    assert new[4].value is None
    assert money(new[3 + 2 * 2].value) == D("33.33")
    assert money(rows["李老"][29].value) == D("225.00")  # April to December unpaid
    total = next(r for r in ledger.iter_rows(min_row=5) if r[0].value == doc.TOTAL)
    assert money(total[27].value) == D("1586.70")
    # every month's total is the sum of its column; the totals reconcile to the fen
    for column in range(3, 30):
        body = sum((money(r[column].value) for r in rows.values()
                    if r[column].value is not None), D(0))
        assert body == money(total[column].value), column
    assert sum(money(total[3 + 2 * i].value) for i in range(12)) == money(total[27].value)

    arrears = book[doc.ARREARS_SHEET]
    lines = {r[1].value: r for r in arrears.iter_rows(min_row=4) if isinstance(r[0].value, int)}
    assert set(lines) == {"李老", "孙缺"}
    assert lines["孙缺"][3].value == 11  # February to December
    assert lines["孙缺"][4].value == datetime(2025, 2, 1)
    assert lines["孙缺"][4].number_format == doc.MONTH_FORMAT
    assert lines["孙缺"][5].value == datetime(2025, 12, 1)
    assert money(lines["孙缺"][7].value) == D("110.00")
    assert lines["孙缺"][8].value == doc.ARREARS_WORDS[ArrearsLevel.LAPSED]
    assert lines["李老"][3].value == 9

    remit = book[doc.REMITTANCE_SHEET]
    cells = [[c.value for c in r] for r in remit.iter_rows(min_row=4)]
    assert cells[0][1] == datetime(2025, 12, 28)
    assert money(cells[0][3]) == D("1251.70")
    assert cells[0][4] == doc.NO
    conclusion = next(r for r in cells if r[0] == doc.CONCLUSION)
    assert conclusion[3] == doc.RECONCILED
    difference = next(r for r in cells if r[0] == doc.RECONCILIATION_ROWS[3])
    assert money(difference[3]) == D("0.00")
    monthly = [r for r in cells if isinstance(r[0], datetime) and isinstance(r[1], int | float)]
    assert len(monthly) == 12
    assert sum(money(r[1]) for r in monthly) == D("1251.70")


def test_collection_lines_name_rules(year):
    ws, _ids = year
    with ws.unit_of_work() as uow:
        lines = {line.name: line for line in reports.collection_lines(uow, Month(2025, 7))}
    assert lines["王工"].rate == D("0.015")
    assert lines["王工"].base == D("5200.00")
    assert lines["王工"].rule is DuesRule.IN_WORK_RATE
    assert lines["周困"].rule is DuesRule.HARDSHIP_EXEMPT
    assert lines["周困"].rate is None


def test_a_straddling_remittance_is_not_reconciled_by_year(year, tmp_path):
    ws, _ids = year
    with ws.unit_of_work() as uow:
        d.record_remittance(uow, date(2026, 1, 5), Month(2025, 12), Month(2026, 1), D("10.00"))
        report = reports.remittance_report(uow, YEAR)
    assert report.reconciliation is None
    assert len(report.lines) == 2


def test_an_unwritable_path_is_a_file_error_and_nothing_is_audited(year, tmp_path):
    ws, _ids = year
    with ws.unit_of_work() as uow:
        with pytest.raises(FileAccessError) as caught:
            reports.export_year(uow, YEAR, tmp_path / "missing" / "x.xlsx", TODAY)
        assert caught.value.reason == "not_found"
        assert not uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "dues.export")
        ).all()
