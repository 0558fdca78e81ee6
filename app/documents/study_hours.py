"""A workbook of study hours (e.g. an online learning platform's export) read for the study
record: who (name or ID number), date, course, hours, and optionally form and organizer.

Finds, on each sheet, the header row naming the person, a date, a course and hours (after title
and note rows), and reads every row below it. Each cell problem carries its Excel column letter,
a stable code and the cell's value, as the roster reader's do (``app.documents.roster``): the
secretary sees the same report for every import. Pure: no Qt, no services, no database.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.documents.payroll import PayrollReadError, read_workbook
from app.documents.roster import (
    EXAMPLE_MARK,
    HEADER_SEARCH_ROWS,
    CellError,
    CellProblem,
    column_letter,
    header_key,
    match_header,
    parse_date,
    parse_id_number,
    shown_value,
)
from app.documents.study_table import FORM_WORDS
from app.domain.study import HoursError, StudyForm, parse_hours

NAME = "name"
ID_NUMBER = "id_number"
DATE = "on_date"
TOPIC = "topic"
HOURS = "hours"
FORM = "form"
ORGANIZER = "organizer"

HEADERS: dict[str, tuple[str, ...]] = {
    DATE: ("日期", "学习日期", "完成日期", "培训日期", "学习时间", "完成时间", "时间"),
    TOPIC: ("课程", "课程名称", "课程/专题", "学习内容", "内容", "主题", "培训内容", "培训名称",
            "专题", "培训班名称"),
    HOURS: ("学时", "学时数", "获得学时", "完成学时", "课时", "学习学时"),
    FORM: ("形式", "学习形式", "类别", "学习类别", "类型"),
    ORGANIZER: ("组织单位", "主办单位", "举办单位", "培训机构", "学习平台", "平台", "组织者"),
}
_HEADER_FIELDS = {header_key(text): f for f, texts in HEADERS.items() for text in texts}
REQUIRED = (DATE, TOPIC, HOURS)
_FOOTER_WORDS = ("合计", "总计", "小计", "制表人", "审核人", "填表人", "负责人", "注:", "说明")


def _forms() -> dict[str, StudyForm]:
    variants = {
        StudyForm.COLLECTIVE: ("集中学习", "集中轮训", "中心组学习", "理论宣讲", "集中培训"),
        StudyForm.PARTY_LECTURE: ("党课", "专题党课"),
        StudyForm.THEME_DAY: ("主题党日", "主题党日活动"),
        StudyForm.TRAINING: ("专题培训", "培训班", "专题培训/培训班", "培训"),
        StudyForm.ONLINE: ("网络学习", "在线学习", "网上学习", "在线学习培训", "网络培训"),
        StudyForm.OTHER: ("其他", "其它"),
    }
    return {header_key(text): form for form, texts in variants.items() for text in texts}


FORMS = _forms()


@dataclass(frozen=True)
class HoursRow:
    sheet: str
    row: int  # 1-based Excel row
    name: str
    id_number: str  # as written (not validated here)
    on_date: date | None
    topic: str
    hours: Decimal | None
    form: StudyForm | None  # None: not given
    organizer: str
    columns: dict[str, str]  # field → Excel column letter
    problems: tuple[CellProblem, ...] = ()


@dataclass(frozen=True)
class HoursSheet:
    name: str
    header_row: int
    rows: tuple[HoursRow, ...]


@dataclass(frozen=True)
class HoursFile:
    path: Path
    sheets: tuple[HoursSheet, ...]
    skipped_sheets: tuple[str, ...] = ()


HoursReadError = PayrollReadError
"""The file cannot be read: ``reason`` "not_xlsx", or "os_error" with ``os_error``."""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _columns(row: Sequence[object]) -> dict[str, int] | None:
    """Field → column index for a header row naming the person, date, course and hours."""
    found: dict[str, int] = {}
    for index, value in enumerate(row):
        if not isinstance(value, str):
            continue
        key = header_key(value)
        field = _HEADER_FIELDS.get(key)
        if field is None:
            known, roster_field = match_header(value)
            field = roster_field if known and roster_field in (NAME, ID_NUMBER) else None
        if field is not None and field not in found:
            found[field] = index
    if not (NAME in found or ID_NUMBER in found) or any(f not in found for f in REQUIRED):
        return None
    return found


def _is_skipped(values: Sequence[object]) -> bool:
    filled = [_text(v) for v in values if _text(v)]
    if not filled:
        return True
    if filled[0] == EXAMPLE_MARK:
        return True
    return len(filled) <= 2 and header_key(filled[0]).startswith(_FOOTER_WORDS)


def _read_sheet(worksheet: Any) -> HoursSheet | None:
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()
    rows: Iterator[tuple[object, ...]] = worksheet.iter_rows(values_only=True)
    columns: dict[str, int] | None = None
    header_row = 0
    for header_row, row in enumerate(rows, start=1):
        columns = _columns(tuple(row))
        if columns is not None or header_row >= HEADER_SEARCH_ROWS:
            break
    if columns is None:
        return None
    letters = {field: column_letter(index) for field, index in columns.items()}
    out: list[HoursRow] = []
    for number, values in enumerate(rows, start=header_row + 1):
        cells = {f: (values[i] if i < len(values) else None) for f, i in columns.items()}
        if _is_skipped(list(cells.values())):
            continue
        problems: list[CellProblem] = []

        def problem(field: str, code: str, value: object, out: list[CellProblem] = problems
                    ) -> None:
            out.append(CellProblem(letters[field], field, code, shown_value(value)))

        id_number = ""
        if ID_NUMBER in cells:
            try:
                id_number = parse_id_number(cells[ID_NUMBER])
            except CellError as error:
                problem(ID_NUMBER, error.code, cells[ID_NUMBER])
        on_date = None
        try:
            on_date = parse_date(cells[DATE])
        except CellError as error:
            problem(DATE, error.code, cells[DATE])
        hours = None
        if _text(cells[HOURS]):
            try:
                hours = parse_hours(cells[HOURS])
            except HoursError as error:
                problem(HOURS, error.code, cells[HOURS])
        form = None
        if _text(cells.get(FORM)):
            form = FORMS.get(header_key(_text(cells[FORM])))
            if form is None:
                problem(FORM, "unknown_value", cells[FORM])
        out.append(HoursRow(
            str(worksheet.title), number, _text(cells.get(NAME)), id_number, on_date,
            _text(cells[TOPIC]), hours, form, _text(cells.get(ORGANIZER)), letters,
            tuple(problems),
        ))
    return HoursSheet(str(worksheet.title), header_row, tuple(out))


def read_hours(path: Path) -> HoursFile:
    """Read every sheet of ``path`` with a study-hours header. Raises HoursReadError."""
    sheets, skipped = read_workbook(Path(path), _read_sheet)
    return HoursFile(Path(path), tuple(sheets), tuple(skipped))


TEMPLATE_HEADERS = ("姓名", "身份证号", "日期", "课程", "学时", "形式", "组织单位")


def write_template(path: Path) -> None:
    """A blank workbook with the columns the import reads and one example row (序号-less, so
    the first cell says 示例 and the import skips it). Raises OSError."""
    from app.documents import workbooks

    workbook = workbooks.new_workbook()
    sheet = workbook.create_sheet("学时")
    for index, width in enumerate((10, 22, 12, 36, 8, 14, 20)):
        sheet.column_dimensions[column_letter(index)].width = width
    sheet.append(list(TEMPLATE_HEADERS))
    sheet.append([EXAMPLE_MARK, "", "2026-03-15", "学习贯彻党的二十届三中全会精神", 2,
                  FORM_WORDS[StudyForm.ONLINE], "某某学习平台"])
    workbook.save(path)
