"""A payroll workbook (工资表) read for dues bases (党费基数, 第一条 / 第五条).

Finds, on each sheet, the header row that names an ID-number column and a base column (after
title and note rows), and reads every row below it: the ID number as text (a number cell that lost
digits in Excel is a problem, never a guess), the name if there is one, and the base as an exact
``Decimal`` in yuan. Each cell problem carries its Excel column letter and a stable code.

Header words, ID-number cells and problem records are the roster reader's
(``app.documents.roster``): a secretary sees the same report for both imports. Pure: no Qt, no
services, no database.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from app.documents.roster import (
    HEADER_SEARCH_ROWS,
    CellError,
    CellProblem,
    column_letter,
    header_key,
    match_header,
    parse_id_number,
)
from app.domain.money import is_whole_fen, parse_yuan

# The base column, best first: an explicit 党费基数 beats a wage column; among wages, the after-tax
# pay (第一条) — never the gross (应发), which is not the base.
BASE_HEADERS: tuple[str, ...] = (
    "党费基数", "党费计算基数", "交纳基数", "缴纳基数", "核定基数", "月基数", "基数",
    "税后工资", "税后收入", "税后月工资", "月工资收入", "工资收入", "实发工资", "实发金额",
    "实发数", "实发合计", "离退休费", "退休费", "养老金", "退休金",
)
_BASE_RANK = {header_key(text): rank for rank, text in enumerate(BASE_HEADERS)}

SheetT = TypeVar("SheetT")

ID_NUMBER = "id_number"
NAME = "name"
BASE = "base"
_FOOTER_WORDS = ("合计", "总计", "小计", "制表人", "审核人", "填表人", "负责人", "注:", "说明")


@dataclass(frozen=True)
class PayrollRow:
    sheet: str
    row: int  # 1-based Excel row
    id_number: str  # as written (not validated here); "" when empty or in error
    name: str
    base: Decimal | None  # None when empty or in error
    columns: dict[str, str]  # field → Excel column letter
    problems: tuple[CellProblem, ...] = ()


@dataclass(frozen=True)
class PayrollSheet:
    name: str
    header_row: int
    base_header: str  # the header text the base was read from
    rows: tuple[PayrollRow, ...]


@dataclass(frozen=True)
class PayrollFile:
    path: Path
    sheets: tuple[PayrollSheet, ...]
    skipped_sheets: tuple[str, ...] = ()


class PayrollReadError(Exception):
    """The file cannot be read: ``reason`` "not_xlsx", or "os_error" with ``os_error``."""

    def __init__(self, path: Path, reason: str, os_error: OSError | None = None) -> None:
        super().__init__(f"{path.name}: {reason}")
        self.path = path
        self.reason = reason
        self.os_error = os_error


def parse_base(value: object) -> Decimal | None:
    """A base cell as exact yuan; None when empty. Raises CellError: "not_an_amount",
    "negative", "not_whole_fen" (a computed 4833.3333: the payroll must show the real pay).

    A number cell is an IEEE double: its shortest decimal form (``repr``) is the number Excel
    shows and was typed, so it is taken as that decimal — no arithmetic is done on the float.
    """
    if value is None:
        return None
    if isinstance(value, bool | datetime | date):
        raise CellError("not_an_amount")
    if isinstance(value, int):
        amount = Decimal(value)
    elif isinstance(value, float):
        amount = Decimal(repr(value))
    else:
        text = str(value).strip()
        if not text:
            return None
        try:
            amount = parse_yuan(text)
        except (ValueError, InvalidOperation):
            raise CellError("not_an_amount") from None
    if not amount.is_finite():
        raise CellError("not_an_amount")
    if amount < 0:
        raise CellError("negative")
    if not is_whole_fen(amount):
        raise CellError("not_whole_fen")
    return amount


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _columns(row: Sequence[object]) -> tuple[dict[str, int], str] | None:
    """Field → column index for a header row naming an ID number and a base, else None."""
    found: dict[str, int] = {}
    best: tuple[int, int, str] | None = None
    for index, value in enumerate(row):
        if not isinstance(value, str):
            continue
        key = header_key(value)
        rank = _BASE_RANK.get(key)
        if rank is not None:
            if best is None or rank < best[0]:
                best = (rank, index, value.strip())
            continue
        known, field = match_header(value)
        if known and field in (ID_NUMBER, NAME) and field not in found:
            found[field] = index
    if best is None or ID_NUMBER not in found:
        return None
    found[BASE] = best[1]
    return found, best[2]


def _is_footer(values: Sequence[object]) -> bool:
    filled = [_text(v) for v in values if _text(v)]
    return bool(filled) and header_key(filled[0]).startswith(_FOOTER_WORDS)


def _read_sheet(worksheet: Any) -> PayrollSheet | None:
    if hasattr(worksheet, "reset_dimensions"):
        worksheet.reset_dimensions()  # some programs write a wrong <dimension>
    rows: Iterator[tuple[object, ...]] = worksheet.iter_rows(values_only=True)
    top: list[tuple[object, ...]] = []
    header: tuple[dict[str, int], str] | None = None
    for row in rows:
        top.append(tuple(row))
        header = _columns(top[-1])
        if header is not None or len(top) >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        return None
    columns, base_header = header
    header_row = len(top)
    letters = {field: column_letter(index) for field, index in columns.items()}
    out: list[PayrollRow] = []
    for number, values in enumerate(rows, start=header_row + 1):
        cells = {f: (values[i] if i < len(values) else None) for f, i in columns.items()}
        if all(not _text(v) for v in cells.values()) or _is_footer(values):
            continue
        problems: list[CellProblem] = []
        try:
            id_number = parse_id_number(cells[ID_NUMBER])
        except CellError as error:
            problems.append(CellProblem(letters[ID_NUMBER], ID_NUMBER, error.code))
            id_number = ""
        try:
            base = parse_base(cells[BASE])
        except CellError as error:
            problems.append(CellProblem(letters[BASE], BASE, error.code))
            base = None
        out.append(PayrollRow(
            str(worksheet.title), number, id_number, _text(cells.get(NAME)), base, letters,
            tuple(problems),
        ))
    return PayrollSheet(str(worksheet.title), header_row, base_header, tuple(out))


def read_payroll(path: Path) -> PayrollFile:
    """Read every sheet of ``path`` with a payroll header. Raises PayrollReadError."""
    sheets, skipped = read_workbook(Path(path), _read_sheet)
    return PayrollFile(Path(path), tuple(sheets), tuple(skipped))


def read_workbook(
    path: Path, read_sheet: Callable[[Any], SheetT | None]
) -> tuple[list[SheetT], list[str]]:
    """(the sheets ``read_sheet`` made something of, the titles of the others) of the workbook
    at ``path``. Raises PayrollReadError ("not_xlsx", "os_error")."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except OSError as error:
        raise PayrollReadError(path, "os_error", error) from error
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as error:
        raise PayrollReadError(path, "not_xlsx") from error
    sheets: list[SheetT] = []
    skipped: list[str] = []
    try:
        for worksheet in workbook.worksheets:
            sheet = read_sheet(worksheet)
            if sheet is None:
                skipped.append(str(worksheet.title))
            else:
                sheets.append(sheet)
    finally:
        workbook.close()
    return sheets, skipped
