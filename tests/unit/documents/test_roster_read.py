"""Reading rosters as secretaries keep them: titles above the header, header variants, dates typed
every which way, ID numbers that Excel turned into numbers."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.documents import roster as sheet
from app.domain.development import Stage
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, check_character
from app.domain.members import BranchPost


def id_number(birth: str = "19900102", seq: str = "123", area: str = "420102") -> str:
    first17 = f"{area}{birth}{seq}"
    return first17 + check_character(first17)


def workbook(path: Path, rows: list[list[object]], title_rows: int = 2) -> Path:
    """A roster with ``title_rows`` merged title/note rows above the header."""
    book = Workbook()
    ws = book.active
    ws.title = "花名册"
    width = max(len(r) for r in rows)
    if title_rows >= 1:
        ws.append(["某某党支部党员花名册"])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    if title_rows >= 2:
        ws.append(["填报单位：某某党支部", None, None, "填报日期：2026年6月"])
        ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=3)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_header_found_below_merged_title_and_note_rows(tmp_path):
    path = workbook(tmp_path / "r.xlsx", [
        ["序号", "姓名", "性别", "民族", "出生年月", "公民身份号码", "文化程度", "入党时间"],
        [1, "张伟", "男", "汉族", "1990.01", id_number(), "大学本科", "2015年7月1日"],
    ])
    roster = sheet.read_roster(path)
    [data] = roster.sheets
    assert data.name == "花名册"
    assert data.header_row == 3
    [row] = data.rows
    assert row.row == 4
    assert row.values == {
        "name": "张伟", "gender": Gender.MALE, "ethnic_group": "01",
        "birth_date": date(1990, 1, 1), "id_number": id_number(), "education": "20",
        "admission_date": date(2015, 7, 1),
    }
    assert row.columns["id_number"] == "F"
    assert row.problems == ()
    assert roster.unknown_headers == []


@pytest.mark.parametrize(("header", "field"), [
    ("姓名", "name"), ("姓 名", "name"), ("性别", "gender"), ("民族", "ethnic_group"),
    ("出生日期", "birth_date"), ("出生年月", "birth_date"), ("身份证号", "id_number"),
    ("公民身份号码", "id_number"), ("身份证号码", "id_number"), ("身份证号（18位）", "id_number"),
    ("学历", "education"), ("文化程度", "education"), ("学位", "degree"), ("籍贯", "native_place"),
    ("入党时间", "admission_date"), ("入党日期", "admission_date"), ("转正时间", "full_date"),
    ("转正日期", "full_date"), ("工作单位及职务", "work_unit_and_post"), ("工作单位", "work_unit"),
    ("职务", "job_title"), ("联系电话", "phone"), ("手机号", "phone"), ("联系方式", "phone"),
    ("人员类别", "category"), ("党籍状态", "stage"), ("党员类型", "stage"),
    ("党小组", "party_group_id"), ("支部职务", "branch_post"), ("备注", "notes"),
    ("*姓名：", "name"), ("ＩＤ", None),
])
def test_header_variants(header, field):
    known, found = sheet.match_header(header)
    assert found == field
    assert known is (field is not None)


def test_serial_and_computed_columns_are_known_and_skipped():
    assert sheet.match_header("序号") == (True, None)
    assert sheet.match_header("年龄") == (True, None)


@pytest.mark.parametrize(("value", "expected"), [
    ("1990-01-02", date(1990, 1, 2)),
    ("1990.01.02", date(1990, 1, 2)),
    ("1990/1/2", date(1990, 1, 2)),
    ("1990年1月2日", date(1990, 1, 2)),
    ("19900102", date(1990, 1, 2)),
    ("１９９０．０１．０２", date(1990, 1, 2)),
    # month only: the 1st of the month
    ("199001", date(1990, 1, 1)),
    ("1990.01", date(1990, 1, 1)),
    ("1990.1", date(1990, 1, 1)),
    ("1990-10", date(1990, 10, 1)),
    ("1990年1月", date(1990, 1, 1)),
    # cells Excel typed
    (datetime(1990, 1, 2, 0, 0), date(1990, 1, 2)),
    (date(1990, 1, 2), date(1990, 1, 2)),
    (32875, date(1990, 1, 2)),  # a serial day number without a date format
    (19900102, date(1990, 1, 2)),
    (199001, date(1990, 1, 1)),
    (1990.01, date(1990, 1, 1)),
    (1990.11, date(1990, 11, 1)),
    (None, None),
    ("", None),
])
def test_dates_in_every_format(value, expected):
    assert sheet.parse_date(value) == expected


@pytest.mark.parametrize("value", ["1990-13-01", "1990年2月30日", "不详", "90.1.2", True])
def test_not_a_date(value):
    with pytest.raises(sheet.CellError) as caught:
        sheet.parse_date(value)
    assert caught.value.code == "not_a_date"


def test_a_numeric_year_dot_one_is_ambiguous():
    # 1990.1 in a number cell: typed as 1990.1 (January) or 1990.10 (October)? Never guessed.
    with pytest.raises(sheet.CellError) as caught:
        sheet.parse_date(1990.1)
    assert caught.value.code == "ambiguous_month"


def test_id_number_stored_as_a_number_has_lost_digits(tmp_path):
    number = id_number()
    path = workbook(tmp_path / "r.xlsx", [
        ["姓名", "身份证号", "联系电话"],
        ["张伟", float(number), 13800138000],  # what Excel keeps: 15 significant digits
        ["李娜", int(number[:17] + "0"), 13900139000.0],
        ["王芳", number, "13700137000"],
        ["赵强", 420102900102123, None],  # an old 15-digit number fits in a double
    ], title_rows=1)
    rows = sheet.read_roster(path).sheets[0].rows
    assert rows[0].problems == (sheet.CellProblem("B", "id_number", "precision_lost"),)
    assert "id_number" not in rows[0].values
    assert rows[0].values["phone"] == "13800138000"
    assert rows[1].problems == (sheet.CellProblem("B", "id_number", "precision_lost"),)
    assert rows[1].values["phone"] == "13900139000"
    assert rows[2].problems == ()
    assert rows[2].values["id_number"] == number
    assert rows[3].values["id_number"] == "420102900102123"


def test_choices_codes_and_problems(tmp_path):
    path = workbook(tmp_path / "r.xlsx", [
        ["姓名", "性别", "民族", "学历", "学位", "人员类别", "党员类型", "支部职务", "培训学时",
         "入党时间"],
        ["张伟", "女性", "回", "硕士", "硕士学位", "退休", "预备", "组织委员", "24学时", "2020.7"],
        ["李娜", "未知", "火星族", "本科", "", "在职", "正式", "", "很多", "不详"],
    ])
    first, second = sheet.read_roster(path).sheets[0].rows
    assert first.values["gender"] is Gender.FEMALE
    assert first.values["ethnic_group"] == "03"
    assert first.values["education"] == "14"
    assert first.values["degree"] == "3"
    assert first.values["category"] is PersonCategory.RETIRED
    assert first.values["stage"] is Stage.PROBATIONARY
    assert first.values["branch_post"] is BranchPost.ORGANIZATION
    assert first.values["training_hours"] == 24
    assert first.values["admission_date"] == date(2020, 7, 1)
    assert {(p.column, p.code) for p in second.problems} == {
        ("B", "unknown_value"), ("C", "unknown_value"), ("I", "not_a_number"),
        ("J", "not_a_date"),
    }
    assert second.values["branch_post"] is BranchPost.NONE
    assert second.values["degree"] == ""


def test_work_unit_and_post_split_only_where_separated(tmp_path):
    assert sheet.split_unit_and_post("市财政局 办公室主任") == ("市财政局", "办公室主任")
    assert sheet.split_unit_and_post("市财政局，科长") == ("市财政局", "科长")
    assert sheet.split_unit_and_post("市财政局预算科/副科长") == ("市财政局预算科", "副科长")
    assert sheet.split_unit_and_post("市财政局办公室主任") == ("市财政局办公室主任", "")
    path = workbook(tmp_path / "r.xlsx", [
        ["姓名", "工作单位及职务"], ["张伟", "市财政局 科员"],
    ])
    [row] = sheet.read_roster(path).sheets[0].rows
    assert row.values["work_unit"] == "市财政局"
    assert row.values["job_title"] == "科员"
    assert row.columns["job_title"] == "B"


def test_unknown_headers_reported_and_mapping_applied(tmp_path):
    path = workbook(tmp_path / "r.xlsx", [
        ["姓名", "身份证号", "户籍地址", "QQ号"],
        ["张伟", id_number(), "湖北省武汉市", "12345"],
    ])
    roster = sheet.read_roster(path)
    assert [(name, h.column, h.text) for name, h in roster.unknown_headers] == [
        ("花名册", "C", "户籍地址"), ("花名册", "D", "QQ号"),
    ]
    assert "native_place" not in roster.sheets[0].rows[0].values
    mapped = sheet.read_roster(path, {"户籍地址": "native_place", "QQ号": None})
    assert mapped.unknown_headers == []
    assert mapped.sheets[0].rows[0].values["native_place"] == "湖北省武汉市"


def test_empty_rows_footers_and_other_sheets_are_skipped(tmp_path):
    path = workbook(tmp_path / "r.xlsx", [
        ["序号", "姓名", "身份证号"],
        [1, "张伟", id_number()],
        [None, None, None],
        [2, None, None],
        [3, "李娜", id_number(seq="124")],
        ["填表人：王建国"],
    ])
    book = load_workbook(path)
    book.create_sheet("填表说明").append(["请按要求填写"])
    book.save(path)
    roster = sheet.read_roster(path)
    assert [r.row for r in roster.sheets[0].rows] == [4, 7]
    assert roster.skipped_sheets == ("填表说明",)


def test_a_file_that_is_not_a_roster(tmp_path):
    text = tmp_path / "名单.xlsx"
    text.write_text("姓名,身份证号\n", encoding="utf-8")
    with pytest.raises(sheet.RosterReadError) as caught:
        sheet.read_roster(text)
    assert caught.value.reason == "not_xlsx"
    path = workbook(tmp_path / "r.xlsx", [["会议记录"], ["内容"]])
    with pytest.raises(sheet.RosterReadError) as caught:
        sheet.read_roster(path)
    assert caught.value.reason == "no_header"
    with pytest.raises(sheet.RosterReadError) as caught:
        sheet.read_roster(tmp_path / "missing.xlsx")
    assert caught.value.os_error is not None


def test_written_roster_reads_back_in_the_same_layout(tmp_path):
    entry = sheet.RosterEntry({
        "name": "张伟", "gender": Gender.MALE, "id_number": id_number(), "ethnic_group": "01",
        "birth_date": date(1990, 1, 2), "phone": "13800138000", "stage": Stage.FULL,
        "category": PersonCategory.IN_WORK, "branch_post": BranchPost.SECRETARY,
        "education": "21", "degree": "408", "party_group_id": "第一党小组",
        "admission_date": date(2015, 7, 1), "training_hours": 24, "occupation": "03",
    })
    path = tmp_path / "out.xlsx"
    assert sheet.write_roster(path, "某党支部党员花名册", "导出日期：2026年7月1日", [entry]) == 1
    book = load_workbook(path)
    ws = book.active
    assert ws.freeze_panes == "C4"
    assert "A1:AF1" in {str(r) for r in ws.merged_cells.ranges}  # 32 columns
    assert ws["A1"].value == "某党支部党员花名册"
    assert ws["A3"].value == "序号"
    id_cell = ws.cell(row=4, column=[c.value for c in ws[3]].index("公民身份号码") + 1)
    assert id_cell.data_type == "s"
    assert id_cell.number_format == "@"
    birth = ws.cell(row=4, column=[c.value for c in ws[3]].index("出生日期") + 1)
    assert birth.is_date
    assert ws.column_dimensions["G"].width > 15
    [row] = sheet.read_roster(path).sheets[0].rows
    for name, value in entry.values.items():
        assert row.values[name] == value, name
