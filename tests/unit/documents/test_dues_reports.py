"""The dues workbooks read back with openpyxl: numbers as numbers, formats, dates, totals."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.documents import dues_reports as doc
from app.domain.calendar import Month
from app.domain.dues import ArrearsLevel, DuesRule, PersonCategory, Reconciliation

D = Decimal
HEADING = doc.Heading("机关第一党支部", date(2026, 1, 10))
IN_WORK, RETIRED = PersonCategory.IN_WORK, PersonCategory.RETIRED


def exact(value: object) -> Decimal:
    """What a number cell holds, as the decimal Excel shows (the shortest repr of the double)."""
    assert isinstance(value, int | float), value
    return D(repr(value))


def collection(tmp_path: Path) -> Path:
    path = tmp_path / "登记表.xlsx"
    doc.write_collection_sheet(path, HEADING, Month(2025, 3), [
        doc.CollectionLine("王工", IN_WORK, D("48.00"), D("48.00"), D("4800.00"), D("0.01"),
                           DuesRule.IN_WORK_RATE, date(2025, 3, 12)),
        doc.CollectionLine("李老", RETIRED, D("0.10"), D("0.10"), rule=DuesRule.HARDSHIP_REDUCED,
                           paid_on=date(2025, 3, 2), paid_by="李小明", note="代交"),
        doc.CollectionLine("赵生", PersonCategory.STUDENT, D("0.20"), D("0.00"),
                           rule=DuesRule.LOW_FIXED),
        doc.CollectionLine("钱多", IN_WORK, D("12345678.91"), D("12345678.90"),
                           D("617283945.50"), D("0.02"), DuesRule.IN_WORK_RATE, date(2025, 3, 31)),
    ])
    return path


def test_collection_sheet_layout(tmp_path):
    sheet = load_workbook(collection(tmp_path))[doc.COLLECTION_SHEET]
    assert sheet["A1"].value == "机关第一党支部党费收缴登记表"
    assert "A1:J1" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet["A2"].value == (
        "党支部：机关第一党支部　　所属月份：2025年3月　　制表日期：2026年1月10日"
    )
    assert [c.value for c in sheet[3]] == list(doc.COLLECTION_HEADERS)
    assert sheet.freeze_panes == "C4"
    assert sheet.column_dimensions["J"].width == 28
    assert sheet.page_setup.orientation == "landscape"


def test_collection_values_are_numbers_with_formats_and_dates(tmp_path):
    sheet = load_workbook(collection(tmp_path))[doc.COLLECTION_SHEET]
    wang = [c for c in sheet[4]]
    assert wang[0].value == 1
    assert exact(wang[3].value) == D("4800")
    assert wang[3].number_format == doc.MONEY_FORMAT
    assert exact(wang[4].value) == D("0.01")
    assert wang[4].number_format == doc.RATE_FORMAT
    assert exact(wang[5].value) == D("48")
    assert wang[5].number_format == doc.MONEY_FORMAT
    assert exact(wang[7].value) == D("0")
    assert wang[8].value == datetime(2025, 3, 12)
    assert wang[8].number_format == doc.DATE_FORMAT
    li = [c.value for c in sheet[5]]
    assert li[4] == "困难减交"
    assert li[9] == "李小明代交；代交"
    zhao = [c.value for c in sheet[6]]
    assert zhao[3] is None
    assert zhao[4] == "定额"
    assert exact(zhao[7]) == D("0.2")
    qian = [c.value for c in sheet[7]]
    assert exact(qian[3]) == D("617283945.5")  # large amounts keep every fen
    assert exact(qian[7]) == D("0.01")


def test_collection_totals_reconcile_to_the_fen(tmp_path):
    sheet = load_workbook(collection(tmp_path))[doc.COLLECTION_SHEET]
    total = [c.value for c in sheet[8]]
    assert total[0] == doc.TOTAL
    assert exact(total[5]) == D("12345727.21")
    assert exact(total[6]) == D("12345727.00")
    assert exact(total[7]) == D("0.21")
    body = [[c.value for c in sheet[r]] for r in range(4, 8)]
    for column in (5, 6, 7):
        assert sum(exact(row[column]) for row in body) == exact(total[column])
    assert sheet[sheet.max_row][0].value == doc.SIGNATURES


def amounts(*pairs: tuple[str, str] | None) -> tuple[doc.MonthAmounts | None, ...]:
    months = [None if pair is None else doc.MonthAmounts(D(pair[0]), D(pair[1]))
              for pair in pairs]
    return tuple(months + [None] * (12 - len(months)))


def test_annual_ledger_rows_and_totals(tmp_path):
    path = tmp_path / "台账.xlsx"
    members = [
        doc.LedgerMember("王工", IN_WORK, tuple([doc.MonthAmounts(D("48.00"), D("48.00"))] * 6
                                               + [doc.MonthAmounts(D("78.00"), D("0.00"))] * 6)),
        doc.LedgerMember("钱新", IN_WORK, amounts(None, None, ("33.33", "33.33"),
                                                 ("33.33", "10.00"))),
    ]
    workbook = doc.new_workbook()
    totals = doc.add_annual_ledger(workbook, HEADING, 2025, members)
    workbook.save(path)
    assert totals.members == 2
    assert totals.due == D("822.66")
    assert totals.paid == D("331.33")
    assert totals.outstanding == D("491.33")
    assert totals.due_by_month[2] == D("81.33")

    sheet = load_workbook(path)[doc.LEDGER_SHEET]
    assert sheet.freeze_panes == "D5"
    assert sheet["A1"].value == "机关第一党支部2025年度党费收缴台账"
    assert sheet["D3"].value == "1月"
    assert sheet["D4"].value == "应交"
    assert sheet["E4"].value == "实交"
    assert sheet["AB3"].value == "全年应交"
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert {"D3:E3", "Z3:AA3", "A3:A4", "AD3:AD4"} <= merged
    wang = [c for c in sheet[5]]
    assert [wang[0].value, wang[1].value, wang[2].value] == [1, "王工", "在职"]
    assert exact(wang[3].value) == D("48")
    assert wang[3].number_format == doc.MONEY_FORMAT
    assert exact(wang[27].value) == D("756")
    assert exact(wang[29].value) == D("468")
    qian = [c.value for c in sheet[6]]
    assert qian[3] is None
    assert qian[4] is None
    assert exact(qian[7]) == D("33.33")
    total = [c for c in sheet[7]]
    assert total[0].value == doc.TOTAL
    assert total[7].font.b
    assert exact(total[7].value) == D("81.33")
    assert exact(total[27].value) == D("822.66")
    for column in range(3, 30):
        column_sum = sum((exact(v) for r in (5, 6) if (v := sheet.cell(r, column + 1).value)
                          is not None), D(0))
        assert column_sum == exact(total[column].value)


def test_each_cell_keeps_its_own_style(tmp_path):
    """Styles are made once per kind of cell and copied: the title's size, the header's fill and
    borders stay on those cells and do not reach the totals row made with the same options."""
    path = tmp_path / "台账.xlsx"
    members = [doc.LedgerMember("王工", IN_WORK, amounts(("48.00", "48.00"), None))]
    workbook = doc.new_workbook()
    doc.add_annual_ledger(workbook, HEADING, 2025, members)
    doc.add_arrears_sheet(workbook, HEADING, date(2026, 1, 1), [
        doc.ArrearsLine("孙缺", IN_WORK, 6, Month(2025, 7), Month(2025, 12), 7, D("70.00"),
                        ArrearsLevel.LAPSED),
    ])
    workbook.save(path)
    book = load_workbook(path)
    ledger = book[doc.LEDGER_SHEET]
    title, header, body, total = ledger["A1"], ledger["A3"], ledger["D5"], ledger["A6"]
    assert (title.font.sz, title.font.b, title.border.left.style) == (16, True, None)
    assert title.alignment.horizontal == "center"
    assert header.font.b
    assert header.fill.fgColor.rgb.endswith("D9D9D9")
    assert header.border.left.style == "thin"
    assert (total.value, total.font.b, total.border.left.style) == (doc.TOTAL, True, "thin")
    assert total.fill.fill_type is None
    assert (body.number_format, body.font.b, body.border.left.style) == (
        doc.MONEY_FORMAT, False, None)
    assert ledger["AB6"].number_format == doc.MONEY_FORMAT
    assert ledger["AB6"].font.b
    arrears = book[doc.ARREARS_SHEET]
    assert arrears["A3"].fill.fgColor.rgb.endswith("D9D9D9")
    assert arrears["A4"].fill.fill_type is None
    assert arrears["A4"].number_format == doc.COUNT_FORMAT
    assert arrears["A4"].border.bottom.style == "thin"
    assert arrears["I4"].alignment.wrap_text
    assert not arrears["B4"].font.b


def test_arrears_sheet(tmp_path):
    path = tmp_path / "欠缴.xlsx"
    workbook = doc.new_workbook()
    count = doc.add_arrears_sheet(workbook, HEADING, date(2026, 1, 1), [
        doc.ArrearsLine("孙缺", IN_WORK, 6, Month(2025, 7), Month(2025, 12), 7, D("70.00"),
                        ArrearsLevel.LAPSED),
        doc.ArrearsLine("周慢", RETIRED, 3, Month(2025, 10), Month(2025, 12), 3, D("7.50"),
                        ArrearsLevel.WARNING),
    ])
    workbook.save(path)
    assert count == 2
    sheet = load_workbook(path)[doc.ARREARS_SHEET]
    row = [c for c in sheet[4]]
    assert row[3].value == 6
    assert row[4].value == datetime(2025, 7, 1)
    assert row[4].number_format == doc.MONTH_FORMAT
    assert row[5].value == datetime(2025, 12, 1)
    assert exact(row[7].value) == D("70")
    assert "第十三条" in row[8].value
    assert exact(sheet["H6"].value) == D("77.5")
    assert "2026年1月1日" in sheet["A2"].value


def test_no_arrears_says_so(tmp_path):
    path = tmp_path / "欠缴.xlsx"
    workbook = doc.new_workbook()
    assert doc.add_arrears_sheet(workbook, HEADING, date(2026, 1, 1), []) == 0
    workbook.save(path)
    assert load_workbook(path)[doc.ARREARS_SHEET]["A4"].value == doc.ARREARS_NONE


@pytest.mark.parametrize(("remitted", "conclusion"), [
    ("1000.00", doc.RECONCILED),
    ("900.00", "尚有100.00元未上缴"),
    ("1200.50", "上缴多于收缴200.50元，请核查"),
])
def test_remittance_sheet_reconciles(tmp_path, remitted, conclusion):
    path = tmp_path / "上缴.xlsx"
    collected = tuple([D("100.00")] * 10 + [D("0.00")] * 2)
    report = doc.RemittanceReport(
        2025,
        (doc.RemittanceLine(date(2025, 12, 28), Month(2025, 1), Month(2025, 12), D(remitted)),
         doc.RemittanceLine(date(2025, 6, 1), Month(2025, 5), Month(2025, 5), D("1000.00"),
                            to_centre=True)),
        collected,
        Reconciliation(Month(2025, 1), Month(2025, 12), D("1000.00"), D(remitted)),
    )
    workbook = doc.new_workbook()
    doc.add_remittance_sheet(workbook, HEADING, report)
    workbook.save(path)
    sheet = load_workbook(path)[doc.REMITTANCE_SHEET]
    assert sheet["B4"].value == datetime(2025, 12, 28)
    assert sheet["B4"].number_format == doc.DATE_FORMAT
    assert sheet["C4"].value == "2025年1月—2025年12月"
    assert exact(sheet["D4"].value) == D(remitted)
    assert sheet["E5"].value == doc.YES
    assert "第十一条" in sheet["F5"].value
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert next(r for r in rows if r[0] == doc.CONCLUSION)[3] == conclusion
    monthly = [r for r in rows if isinstance(r[0], datetime) and len(r) > 1
               and isinstance(r[1], int | float)]
    assert sum(exact(r[1]) for r in monthly) == D("1000")


def test_a_straddling_year_is_not_reconciled(tmp_path):
    path = tmp_path / "上缴.xlsx"
    report = doc.RemittanceReport(2025, (), tuple([D("0.00")] * 12), None)
    workbook = doc.new_workbook()
    doc.add_remittance_sheet(workbook, HEADING, report)
    workbook.save(path)
    values = [c.value for r in load_workbook(path)[doc.REMITTANCE_SHEET].iter_rows() for c in r]
    assert doc.NOT_RECONCILED in values


def test_a_file_that_cannot_be_written_leaves_nothing(tmp_path):
    target = tmp_path / "missing" / "x.xlsx"
    with pytest.raises(FileNotFoundError):
        doc.write_collection_sheet(target, HEADING, Month(2025, 1), [])
    assert not list(tmp_path.rglob("*"))
