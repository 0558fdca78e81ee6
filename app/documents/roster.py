"""The member roster (党员花名册) as secretaries keep it in Excel: read it, write it.

Reading: a workbook as it really is — title and note rows above the header (merged cells), header
names in their common variants, dates typed in half a dozen ways, ID numbers that Excel turned into
numbers. Every sheet with a recognizable header is read into rows of typed values keyed by member
field, with the problems of each cell (its Excel column letter and a stable code). Nothing here
decides whether a row is a valid member: the services do that with the domain's rules.

Writing: the same layout (title row merged across, a note row, a frozen header, column widths, ID
numbers and phones as text cells, dates as real dates), so an exported roster imports again.

Pure: no Qt, no services, no database. The words in the file are Chinese data, not UI text.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from app.domain import codes
from app.domain.development import Stage
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, IdType
from app.domain.members import BranchPost, Classification

# ---------------------------------------------------------------- vocabulary of the file


class Kind(enum.Enum):
    """How a column's cells are read and written."""

    TEXT = "text"
    ID_NUMBER = "id_number"  # text; a number cell is checked for lost digits
    PHONE = "phone"  # text; a number cell is taken as its digits
    DATE = "date"
    INT = "int"
    CHOICE = "choice"  # one of an enum's values, by its Chinese words
    CODE = "code"  # a national code table, by name or alias


# The Chinese words of each enum value; the first is written on export, all are read.
GENDER_WORDS: dict[Gender, tuple[str, ...]] = {
    Gender.MALE: ("男", "男性", "1"),
    Gender.FEMALE: ("女", "女性", "2"),
}
ID_TYPE_WORDS: dict[IdType, tuple[str, ...]] = {
    IdType.RESIDENT: ("居民身份证", "身份证", "二代身份证", "公民身份证"),
    IdType.HMT_RESIDENCE_PERMIT: ("港澳台居民居住证", "居住证"),
    IdType.FOREIGN_PERMANENT_RESIDENT: ("外国人永久居留身份证", "外国人永久居留证", "永居证"),
    IdType.HK_MACAO_PERMIT: ("港澳居民来往内地通行证", "回乡证", "港澳通行证"),
    IdType.TAIWAN_PERMIT: ("台湾居民来往大陆通行证", "台胞证"),
    IdType.PASSPORT: ("护照",),
}
CATEGORY_WORDS: dict[PersonCategory, tuple[str, ...]] = {
    PersonCategory.IN_WORK: ("在职", "在职人员", "在岗", "在职职工"),
    PersonCategory.RETIRED: ("离退休", "退休", "离休", "离退休人员", "退休人员"),
    PersonCategory.FARMER: ("农民", "农牧渔民"),
    PersonCategory.STUDENT: ("学生", "在校学生"),
    PersonCategory.UNEMPLOYED: ("无固定职业", "下岗失业", "失业", "无业", "下岗"),
    PersonCategory.RELIEF: ("依靠抚恤或救济生活", "抚恤救济"),
    PersonCategory.SUBSISTENCE: ("领取最低生活保障金", "低保"),
    PersonCategory.OTHER: ("其他",),
}
STAGE_WORDS: dict[Stage, tuple[str, ...]] = {
    Stage.APPLICANT: ("入党申请人", "申请人"),
    Stage.ACTIVIST: ("入党积极分子", "积极分子"),
    Stage.CANDIDATE: ("发展对象",),
    Stage.PROBATIONARY: ("预备党员", "预备", "中共预备党员"),
    Stage.FULL: ("正式党员", "正式", "中共党员", "党员"),
}
BRANCH_POST_WORDS: dict[BranchPost, tuple[str, ...]] = {
    BranchPost.NONE: ("", "无", "-", "—", "/"),
    BranchPost.SECRETARY: ("书记", "支部书记", "党支部书记"),
    BranchPost.DEPUTY_SECRETARY: ("副书记", "支部副书记", "党支部副书记"),
    BranchPost.ORGANIZATION: ("组织委员",),
    BranchPost.PROPAGANDA: ("宣传委员",),
    BranchPost.DISCIPLINE: ("纪检委员", "纪律检查委员"),
    BranchPost.YOUTH: ("青年委员",),
    BranchPost.WOMEN: ("妇女委员",),
    BranchPost.OTHER: ("委员", "支部委员", "其他委员"),
}
CLASSIFICATION_WORDS: dict[Classification, tuple[str, ...]] = {
    Classification.PUBLIC: ("公开",),
    Classification.INTERNAL: ("内部",),
    Classification.SECRET: ("秘密",),
}

_CHOICES: dict[str, Mapping[Any, tuple[str, ...]]] = {
    "gender": GENDER_WORDS,
    "id_type": ID_TYPE_WORDS,
    "category": CATEGORY_WORDS,
    "stage": STAGE_WORDS,
    "branch_post": BRANCH_POST_WORDS,
    "classification": CLASSIFICATION_WORDS,
}
_CODE_TABLES: dict[str, Callable[[], codes.CodeTable]] = {
    "ethnic_group": codes.ethnic_groups,
    "education": codes.education_levels,
    "degree": codes.degrees,
    "occupation": codes.occupations,
}

WORK_UNIT_AND_POST = "work_unit_and_post"
"""A pseudo-field: the common single column 工作单位及职务, split into work unit and post."""

PARTY_GROUP = "party_group_id"
"""The party group column holds the group's name; the services turn it into an id."""


@dataclass(frozen=True)
class Column:
    field: str  # a MemberInput field (or WORK_UNIT_AND_POST)
    header: str  # written on export
    kind: Kind
    width: float
    variants: tuple[str, ...] = ()  # other header names read as this column


# Export order: the columns of a usual 花名册 first, the development milestones after them.
COLUMNS: tuple[Column, ...] = (
    Column("name", "姓名", Kind.TEXT, 10, ("党员姓名", "名字")),
    Column("gender", "性别", Kind.CHOICE, 6),
    Column("ethnic_group", "民族", Kind.CODE, 8),
    Column("birth_date", "出生日期", Kind.DATE, 12, ("出生年月", "出生年月日", "出生时间", "生日")),
    Column("id_type", "证件类型", Kind.CHOICE, 12, ("身份证件类型",)),
    Column(
        "id_number",
        "公民身份号码",
        Kind.ID_NUMBER,
        21,
        (
            "身份证号",
            "身份证号码",
            "身份证",
            "公民身份证号码",
            "公民身份证号",
            "证件号码",
            "身份证件号码",
            "居民身份证号码",
        ),
    ),
    Column("native_place", "籍贯", Kind.TEXT, 12),
    Column("education", "学历", Kind.CODE, 12, ("文化程度", "最高学历", "学历层次")),
    Column("degree", "学位", Kind.CODE, 12, ("最高学位",)),
    Column("work_unit", "工作单位", Kind.TEXT, 24, ("单位", "工作单位名称", "所在单位")),
    Column("job_title", "职务", Kind.TEXT, 14, ("职务职称", "职务/职称", "岗位", "现任职务")),
    Column("occupation", "职业", Kind.CODE, 16, ("职业类别", "现职业")),
    Column(
        "phone",
        "联系电话",
        Kind.PHONE,
        14,
        ("手机号", "手机号码", "联系方式", "电话", "手机", "电话号码"),
    ),
    Column("category", "人员类别", Kind.CHOICE, 10, ("人员类型", "党员类别", "身份类别")),
    Column("stage", "党籍状态", Kind.CHOICE, 12, ("党员类型", "党员身份", "政治面貌")),
    Column(PARTY_GROUP, "党小组", Kind.TEXT, 12, ("所在党小组", "党小组名称")),
    Column("branch_post", "支部职务", Kind.CHOICE, 10, ("党内职务", "支委职务", "支部委员会职务")),
    Column("admission_date", "入党时间", Kind.DATE, 12, ("入党日期", "入党年月")),
    Column("full_date", "转正时间", Kind.DATE, 12, ("转正日期", "转正年月")),
    Column(
        "application_date", "递交入党申请书时间", Kind.DATE, 12, ("申请入党时间", "入党申请时间")
    ),
    Column("talk_date", "谈话时间", Kind.DATE, 12),
    Column("activist_date", "确定为积极分子时间", Kind.DATE, 12, ("确定入党积极分子时间",)),
    Column("contacts", "培养联系人", Kind.TEXT, 12),
    Column("last_review_date", "最近考察时间", Kind.DATE, 12),
    Column("candidate_date", "列为发展对象时间", Kind.DATE, 12, ("确定发展对象时间",)),
    Column("training_hours", "培训学时", Kind.INT, 8),
    Column("sponsors", "入党介绍人", Kind.TEXT, 12, ("介绍人",)),
    Column("approval_date", "党委审批时间", Kind.DATE, 12, ("审批时间",)),
    Column("probation_extension_months", "延长预备期（月）", Kind.INT, 8, ("延长预备期",)),
    Column("classification", "密级", Kind.CHOICE, 6),
    Column("notes", "备注", Kind.TEXT, 20, ("说明",)),
)
# Read, never written: the combined column of many rosters.
_READ_ONLY_COLUMNS = (
    Column(
        WORK_UNIT_AND_POST,
        "工作单位及职务",
        Kind.TEXT,
        30,
        ("单位及职务", "工作单位和职务", "工作单位及职务（职称）", "工作单位及职务职称"),
    ),
)
BY_FIELD: dict[str, Column] = {c.field: c for c in (*COLUMNS, *_READ_ONLY_COLUMNS)}
MAPPABLE_FIELDS: tuple[str, ...] = tuple(BY_FIELD)
"""Targets the mapping step offers for a header this module does not know."""

SERIAL_HEADER = "序号"
# Headers that are known and deliberately skipped (computed or bookkeeping columns).
IGNORED_HEADERS = ("序号", "编号", "年龄", "党龄", "排序")


def header_key(text: str) -> str:
    """A header as compared: full-width folded, whitespace, '*' marks and a trailing colon gone."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(text.split()).replace("*", "").rstrip(":")
    return text


def _without_brackets(key: str) -> str:
    return re.sub(r"\([^)]*\)", "", key)


_HEADER_FIELDS: dict[str, str | None] = {}
for _column in (*COLUMNS, *_READ_ONLY_COLUMNS):
    for _name in (_column.header, *_column.variants):
        _HEADER_FIELDS[header_key(_name)] = _column.field
for _name in IGNORED_HEADERS:
    _HEADER_FIELDS[header_key(_name)] = None


def match_header(text: str) -> tuple[bool, str | None]:
    """(known, field) for a header cell: field None for a known column that is skipped."""
    key = header_key(text)
    for candidate in (key, _without_brackets(key)):
        if candidate in _HEADER_FIELDS:
            return True, _HEADER_FIELDS[candidate]
    return False, None


# ---------------------------------------------------------------- reading cells


@dataclass(frozen=True)
class CellProblem:
    column: str  # Excel column letter
    field: str
    code: str  # "precision_lost", "not_a_date", "ambiguous_month", "not_a_number", "unknown_value"
    value: str = ""  # the cell as the user sees it, for the message ("“1985.13.01”不是日期")


MAX_SHOWN_VALUE = 40


def shown_value(value: object) -> str:
    """A cell's value as text for a message: dates as ISO dates, long text cut."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        text = value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    elif isinstance(value, date):
        text = value.isoformat()
    else:
        text = str(value).strip()
    return text if len(text) <= MAX_SHOWN_VALUE else text[: MAX_SHOWN_VALUE - 1] + "…"


class CellError(ValueError):
    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


_DATE_PATTERNS = (
    # Full dates: 1990-01-02, 1990.01.02, 1990/1/2, 1990年1月2日, 19900102
    re.compile(r"(?P<y>\d{4})[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\.?"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    # Month only (rosters often give 出生年月 / 入党时间 to the month): 1990.01, 1990-1,
    # 1990年1月, 199001. Such a date is taken as the 1st of that month.
    re.compile(r"(?P<y>\d{4})[-./](?P<m>\d{1,2})\.?"),
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月?"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})"),
)
# Excel's serial day numbers that are plausible dates for a roster (1927-05-18 to 2173-10-14).
_SERIAL_RANGE = range(10_000, 100_000)
_EXCEL_EPOCH = date(1899, 12, 30)  # serial 0 in the 1900 system (after Excel's 1900-02-29 bug)


def parse_date(value: object) -> date | None:
    """A roster date from an Excel date, a number or text; None for an empty cell.

    Raises CellError("not_a_date"), or CellError("ambiguous_month") for a number like 1990.1,
    which Excel shows for both 1990.1 and 1990.10 once the cell is numeric.
    """
    return parse_date_and_precision(value)[0]


def parse_date_and_precision(value: object) -> tuple[date | None, bool]:
    """(date, month_only): a month-only date (1990.01, 199001, 1990年1月) is the 1st of the month,
    and ``month_only`` says the day was not given."""
    if value is None:
        return None, False
    if isinstance(value, datetime):
        return value.date(), False
    if isinstance(value, date):
        return value, False
    if isinstance(value, bool):
        raise CellError("not_a_date")
    if isinstance(value, float) and not value.is_integer():
        text = repr(value)
        if re.fullmatch(r"\d{4}\.\d", text):
            raise CellError("ambiguous_month")
        return _date_from_text(text)
    if isinstance(value, int | float):
        number = int(value)
        if number in _SERIAL_RANGE:
            return _EXCEL_EPOCH + timedelta(days=number), False
        return _date_from_text(str(number))
    return _date_from_text(str(value))


def _date_from_text(raw: str) -> tuple[date | None, bool]:
    text = "".join(unicodedata.normalize("NFKC", raw).split())
    if not text:
        return None, False
    for pattern in _DATE_PATTERNS:
        match = pattern.fullmatch(text)
        if match is None:
            continue
        parts = match.groupdict()
        try:
            day = parts.get("d")
            return date(int(parts["y"]), int(parts["m"]), int(day or 1)), day is None
        except ValueError:
            raise CellError("not_a_date") from None
    raise CellError("not_a_date")


# An IEEE double (what Excel keeps for a number) holds 15 significant decimal digits for certain.
EXCEL_DIGITS = 15


def parse_id_number(value: object) -> str:
    """An ID number cell as text. A number cell longer than 15 digits has lost its last digits
    in Excel (1.10105199001021E+17): CellError("precision_lost"), never a guess."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise CellError("unknown_value")
    if isinstance(value, float):
        if not value.is_integer():
            raise CellError("precision_lost")
        value = int(value)
    if isinstance(value, int):
        digits = str(abs(value))
        if len(digits) > EXCEL_DIGITS:
            raise CellError("precision_lost")
        return digits
    if isinstance(value, datetime | date):
        raise CellError("unknown_value")
    return str(value).strip()


def parse_phone(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return _text(value)


def parse_int(value: object) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise CellError("not_a_number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise CellError("not_a_number")
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d+)(?:\.0+)?\s*(学时|个月|月|小时)?", text)
    if match is None:
        raise CellError("not_a_number")
    return int(match.group(1))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _choice_lookup(words: Mapping[Any, tuple[str, ...]]) -> dict[str, Any]:
    lookup: dict[str, Any] = {}
    for value, names in words.items():
        for name in names:
            lookup.setdefault(header_key(name), value)
    return lookup


_CHOICE_LOOKUPS = {name: _choice_lookup(words) for name, words in _CHOICES.items()}


def parse_choice(field_name: str, value: object) -> Any:
    """The enum value named in the cell; None for an empty cell. CellError("unknown_value")."""
    text = _text(value)
    if not text and field_name != "branch_post":
        return None
    found = _CHOICE_LOOKUPS[field_name].get(header_key(text))
    if found is None:
        raise CellError("unknown_value")
    return found


def parse_code(field_name: str, value: object) -> str:
    """The code of the national table entry named (or coded) in the cell; "" when empty."""
    text = _text(value)
    if not text:
        return ""
    table = _CODE_TABLES[field_name]()
    code = table.code_for(text)
    if code is None and text in table:
        code = text
    if code is None:
        raise CellError("unknown_value")
    return code


_UNIT_POST_SEPARATORS = re.compile(r"[\s,，、/／;；|]+")


def split_unit_and_post(text: str) -> tuple[str, str]:
    """工作单位及职务 → (unit, post). Split only where the writer separated them (a space, comma,
    slash…): the last part is the post. "市财政局 办公室主任" → ("市财政局", "办公室主任");
    without a separator ("市财政局办公室主任") nobody can tell where the unit ends, so the whole
    text stays the work unit."""
    text = text.strip()
    parts = [p for p in _UNIT_POST_SEPARATORS.split(text) if p]
    if len(parts) < 2:
        return text, ""
    post = parts[-1]
    unit = text[: text.rstrip().rfind(post)].rstrip(" \t,，、/／;；|")
    return unit, post


def read_cell(column: Column, value: object) -> Any:
    """The typed value of one cell of ``column``; raises CellError."""
    kind = column.kind
    if kind is Kind.DATE:
        return parse_date(value)
    if kind is Kind.ID_NUMBER:
        return parse_id_number(value)
    if kind is Kind.PHONE:
        return parse_phone(value)
    if kind is Kind.INT:
        return parse_int(value)
    if kind is Kind.CHOICE:
        return parse_choice(column.field, value)
    if kind is Kind.CODE:
        return parse_code(column.field, value)
    return value.strip() if type(value) is str else _text(value)


# ---------------------------------------------------------------- reading a workbook


@dataclass(frozen=True)
class HeaderCell:
    column: str  # Excel letter
    text: str
    field: str | None  # None: skipped (a known bookkeeping column, an unknown or ignored one)
    known: bool  # False: the mapping step should ask about it


@dataclass(frozen=True)
class RosterRow:
    sheet: str
    row: int  # 1-based Excel row
    values: dict[str, Any]  # field → typed value (a cell in error is left out)
    columns: dict[str, str]  # field → Excel column letter
    problems: tuple[CellProblem, ...] = ()
    month_only: frozenset[str] = frozenset()  # date fields given to the month (the 1st is set)


@dataclass(frozen=True)
class RosterSheet:
    name: str
    header_row: int
    headers: tuple[HeaderCell, ...]
    rows: tuple[RosterRow, ...]

    @property
    def fields(self) -> frozenset[str]:
        return frozenset(h.field for h in self.headers if h.field is not None)


@dataclass(frozen=True)
class RosterFile:
    path: Path
    sheets: tuple[RosterSheet, ...]
    skipped_sheets: tuple[str, ...] = ()  # sheets without a roster header (instructions, lists)

    @property
    def unknown_headers(self) -> list[tuple[str, HeaderCell]]:
        return [(s.name, h) for s in self.sheets for h in s.headers if not h.known]

    @property
    def row_count(self) -> int:
        return sum(len(s.rows) for s in self.sheets)


class RosterReadError(Exception):
    """The file cannot be read as a roster: ``reason`` "not_xlsx", "no_header" or an OSError."""

    def __init__(self, path: Path, reason: str, os_error: OSError | None = None) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        self.os_error = os_error


HEADER_SEARCH_ROWS = 20
"""The header is looked for in the first rows; titles and notes above it are skipped."""

_FOOTER_WORDS = ("填表人", "制表人", "审核人", "负责人", "填报", "注:", "说明", "合计", "备注:")


def column_letter(index: int) -> str:
    """0-based column index → Excel letters (0 → A, 26 → AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _find_header(rows: Sequence[tuple[object, ...]]) -> int | None:
    """Index of the first row that names the person and at least one more known column."""
    for index, row in enumerate(rows):
        found = set()
        for value in row:
            if isinstance(value, str):
                known, field_name = match_header(value)
                if known and field_name is not None:
                    found.add(field_name)
        if "name" in found and len(found) >= 2:
            return index
    return None


def _headers(row: tuple[object, ...], mapping: Mapping[str, str | None]) -> list[HeaderCell]:
    cells = []
    seen: set[str] = set()
    for index, value in enumerate(row):
        text = _text(value)
        if not text:
            continue
        letter = column_letter(index)
        if text in mapping or header_key(text) in mapping:
            target = mapping.get(text, mapping.get(header_key(text)))
            field_name = target if target in BY_FIELD else None
            known = True
        else:
            known, field_name = match_header(text)
        if field_name is not None and field_name in seen:
            field_name = None  # a second column of the same meaning: the first one counts
        if field_name is not None:
            seen.add(field_name)
        cells.append(HeaderCell(letter, text, field_name, known))
    return cells


def _is_example(values: Sequence[object]) -> bool:
    """The template's example row (序号 "示例"): read past, never imported."""
    return bool(values) and isinstance(values[0], str) and values[0].strip() == EXAMPLE_MARK


def _is_footer(values: Sequence[object]) -> bool:
    filled = [v for v in values if _filled(v)]
    if len(filled) != 1 or not isinstance(filled[0], str):
        return False
    text = header_key(filled[0])
    return text.startswith(_FOOTER_WORDS)


def _filled(value: object) -> bool:
    return value is not None and (not isinstance(value, str) or bool(value.strip()))


# A sheet's mapped columns, worked out once: (cell index, field, Excel letter, column).
_Layout = list[tuple[int, str, str, Column]]


def _layout(headers: Sequence[HeaderCell]) -> _Layout:
    return [
        (_column_index(h.column), h.field, h.column, BY_FIELD[h.field])
        for h in headers
        if h.field is not None
    ]


def _read_row(
    sheet: str, number: int, values: tuple[object, ...], layout: _Layout
) -> RosterRow | None:
    size = len(values)
    if (not any(_filled(values[i]) for i, *_rest in layout if i < size) or _is_footer(values)
            or _is_example(values)):
        return None  # empty, a footer ("填表人：…"), the template's example, or nothing here
    out: dict[str, Any] = {}
    columns: dict[str, str] = {}
    problems: list[CellProblem] = []
    month_only: set[str] = set()
    typed: Any
    for index, name, letter, column in layout:
        value = values[index] if index < size else None
        try:
            if column.kind is Kind.DATE:
                typed, to_month = parse_date_and_precision(value)
                if to_month:
                    month_only.add(name)
            else:
                typed = read_cell(column, value)
        except CellError as error:
            # A number that lost its digits is not shown: Excel's rounded form would mislead.
            shown = "" if error.code == "precision_lost" else shown_value(value)
            problems.append(CellProblem(letter, name, error.code, shown))
            columns[name] = letter
            continue
        if name == WORK_UNIT_AND_POST:
            unit, post = split_unit_and_post(typed)
            for part_name, part in (("work_unit", unit), ("job_title", post)):
                if part_name not in out:  # separate columns, when present, win
                    out[part_name] = part
                    columns[part_name] = letter
            continue
        columns[name] = letter
        if typed is None and column.kind is Kind.CHOICE and name != "gender":
            continue  # an empty choice keeps the default (or, on update, the stored value)
        out[name] = typed
    return RosterRow(sheet, number, out, columns, tuple(problems), frozenset(month_only))


def _column_index(letter: str) -> int:
    index = 0
    for char in letter:
        index = index * 26 + (ord(char) - 64)
    return index - 1


def read_roster(path: Path, mapping: Mapping[str, str | None] | None = None) -> RosterFile:
    """Read every sheet of ``path`` that has a roster header.

    ``mapping`` gives the field (or None: ignore) for header texts the reader does not know (or
    overrides one it knows). Raises RosterReadError.
    """
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise RosterReadError(path, "os_error", error) from error
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise RosterReadError(path, "not_xlsx") from error
    try:
        sheets: list[RosterSheet] = []
        skipped: list[str] = []
        for worksheet in workbook.worksheets:
            sheet = _read_sheet(worksheet, mapping or {})
            if sheet is None:
                skipped.append(worksheet.title)
            else:
                sheets.append(sheet)
    finally:
        workbook.close()
    if not sheets:
        raise RosterReadError(path, "no_header")
    return RosterFile(path, tuple(sheets), tuple(skipped))


def _read_sheet(worksheet: Any, mapping: Mapping[str, str | None]) -> RosterSheet | None:
    if hasattr(worksheet, "reset_dimensions"):
        # Some programs write a wrong <dimension>; read what is really there.
        worksheet.reset_dimensions()
    rows: Iterator[tuple[object, ...]] = worksheet.iter_rows(values_only=True)
    top: list[tuple[object, ...]] = []
    for row in rows:
        top.append(tuple(row))
        if len(top) >= HEADER_SEARCH_ROWS:
            break
    found = _find_header(top)
    if found is None:
        return None
    headers = _headers(top[found], mapping)
    layout = _layout(headers)
    title = str(worksheet.title)
    out: list[RosterRow] = []

    def rest() -> Iterable[tuple[int, tuple[object, ...]]]:
        yield from ((found + 2 + i, r) for i, r in enumerate(top[found + 1 :]))
        yield from ((len(top) + 1 + i, tuple(r)) for i, r in enumerate(rows))

    for number, values in rest():
        entry = _read_row(title, number, values, layout)
        if entry is not None:
            out.append(entry)
    return RosterSheet(title, found + 1, tuple(headers), tuple(out))


# ---------------------------------------------------------------- writing


@dataclass(frozen=True)
class RosterEntry:
    """One member as the export writes it: field → value (enums, codes, dates, text)."""

    values: dict[str, Any] = field(default_factory=dict)


def cell_text(column: Column, value: Any) -> Any:
    """What a cell of ``column`` holds on export: Chinese words for enums and codes."""
    if value is None:
        return None
    if column.kind is Kind.CHOICE:
        return _CHOICES[column.field][value][0] or None
    if column.kind is Kind.CODE:
        return _CODE_TABLES[column.field]().name_of(value) if value else None
    if isinstance(value, str):
        return value or None
    return value


EXAMPLE_MARK = "示例"  # in the 序号 column of the template's example row
MARKED_TITLE = "【{marking}】{title}"  # a classified roster's title


def write_roster(
    path: Path,
    title: str,
    note: str,
    entries: Iterable[RosterEntry],
    sheet_name: str = "党员花名册",
    serial: str | None = None,
    marking: str | None = None,
) -> int:
    """Write the roster to ``path`` (atomically: a temporary file beside it, then renamed).

    ``serial``, when given, fills the 序号 column instead of the row count (``EXAMPLE_MARK`` for
    the blank template's example row). ``marking`` (a classification such as "秘密") prints in
    the header of every page and before the title. Returns the number of members written.
    Raises OSError.
    """
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from app.documents import workbooks

    path = Path(path)
    workbook = workbooks.new_workbook()
    sheet = workbook.create_sheet(sheet_name)
    columns = (Column("", SERIAL_HEADER, Kind.INT, 6), *COLUMNS)
    last = column_letter(len(columns) - 1)
    for index, column in enumerate(columns):
        sheet.column_dimensions[column_letter(index)].width = column.width
    sheet.freeze_panes = "C4"  # header and 序号/姓名 stay visible
    sheet.merged_cells.add(f"A1:{last}1")
    sheet.merged_cells.add(f"A2:{last}2")
    sheet.print_title_rows = "3:3"
    if marking:
        for header in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):
            header.left.text = marking
            header.left.size = 14
        title = MARKED_TITLE.format(marking=marking, title=title)

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    title_cell = WriteOnlyCell(sheet, value=title)
    title_cell.font = Font(name="宋体", size=16, bold=True)
    title_cell.alignment = Alignment(horizontal="center", vertical="center")
    sheet.append([title_cell])
    note_cell = WriteOnlyCell(sheet, value=note)
    note_cell.alignment = Alignment(horizontal="left", vertical="center")
    sheet.append([note_cell])
    header_font = Font(bold=True)
    header_fill = PatternFill("solid", fgColor="D9D9D9")
    header_alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header_cells = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font, cell.fill, cell.border = header_font, header_fill, border
        cell.alignment = header_alignment
        header_cells.append(cell)
    sheet.append(header_cells)

    count = 0
    for count, entry in enumerate(entries, start=1):
        cells: list[Any] = [count if serial is None else serial]
        for column in COLUMNS:
            value = cell_text(column, entry.values.get(column.field))
            if column.kind in (Kind.ID_NUMBER, Kind.PHONE) and value is not None:
                cell = WriteOnlyCell(sheet, value=str(value))
                cell.number_format = "@"  # text: Excel must not turn the digits into a number
                cells.append(cell)
            elif column.kind is Kind.DATE and value is not None:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)

    workbook.save(path)
    return count
