"""A workbook we wrote, printed as a PDF: the report centre's PDF (preview, print, export) of a
report whose document is a workbook (the roster, the dues ledger, the talks, the opinions register,
the disclosure register).

The workbook is the report (its writer in this package decides every cell); this module only lays
its sheets out on A4 pages as tables — each sheet on new pages, its title rows (the rows above the
print titles) as headings, the print-title rows repeated on every page, the columns as wide as the
sheet sets them, landscape when the sheets are wide — and prints the classification the sheet's
page header carries (a roster with 秘密 members says 秘密 on every page, as its printed workbook
does). ``extra`` adds flowables (a chart) after the sheets.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import load_workbook
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from app.documents import pdf

DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters
LANDSCAPE_FROM = 90.0  # characters of column width: wider sheets print across the page
CELL_SIZE = 7.5


def _text(cell: Any) -> str:
    """A cell as the workbook shows it: money with its two decimals, a month as 2025年3月."""
    value = cell.value
    if value is None:
        return ""
    form = str(cell.number_format or "")
    if isinstance(value, datetime.date | datetime.datetime):
        if "d" not in form.lower():
            return f"{value.year}年{value.month}月"
        return f"{value.year}-{value.month:02d}-{value.day:02d}"
    if isinstance(value, float | int) and not isinstance(value, bool) and "0.00" in form:
        return f"{value:.2f}"
    return str(value)


def _cell_size(characters: float) -> float:
    """The text size of a sheet ``characters`` wide (Excel's column widths): smaller as it
    grows, so that an amount stays on one line (the dues ledger has 30 columns)."""
    return CELL_SIZE if characters <= 120 else 6.5 if characters <= 200 else 5.5


def _title_row(values: Sequence[str]) -> bool:
    return sum(1 for v in values if v) <= 1


def _header_rows(sheet: Any, rows: list[list[str]]) -> tuple[int, int]:
    """(first, last) index of the rows repeated on every page (0-based; the print titles, else
    the first row with two or more cells)."""
    titles = sheet.print_title_rows
    if titles:
        first, _colon, last = str(titles).partition(":")
        return int(first.strip("$")) - 1, int(last.strip("$")) - 1
    for index, values in enumerate(rows):
        if not _title_row(values):
            return index, index
    return 0, 0


def _widths(sheet: Any, columns: int) -> list[float]:
    from openpyxl.utils import get_column_letter

    widths = []
    for index in range(1, columns + 1):
        dimension = sheet.column_dimensions.get(get_column_letter(index))
        width = dimension.width if dimension is not None and dimension.width else DEFAULT_WIDTH
        widths.append(float(width))
    return widths


def _spans(sheet: Any, first: int, count: int, columns: int) -> list[tuple[Any, ...]]:
    """The sheet's merged cells below row ``first`` as table spans."""
    spans = []
    for merged in sheet.merged_cells.ranges:
        top, bottom = merged.min_row - 1 - first, merged.max_row - 1 - first
        if top < 0 or top >= count or merged.min_col > columns:
            continue
        spans.append(("SPAN", (merged.min_col - 1, top),
                      (min(merged.max_col, columns) - 1, min(bottom, count - 1))))
    return spans


def _marking(workbook: Any) -> str:
    for sheet in workbook.worksheets:
        text = sheet.oddHeader.left.text
        if text:
            return str(text)
    return ""


def write_pdf(
    xlsx: bytes, target: pdf.Target, title: str, extra: Sequence[Flowable] = (),
) -> int:
    """The sheets of the workbook ``xlsx`` (its bytes) as a PDF; returns the page count."""
    workbook = load_workbook(io.BytesIO(xlsx))
    sheets = []
    texts: list[str] = [title]
    for sheet in workbook.worksheets:
        rows = [[_text(c) for c in row] for row in sheet.iter_rows()]
        while rows and not any(rows[-1]):
            rows.pop()
        columns = max((max((i + 1 for i, v in enumerate(r) if v), default=0) for r in rows),
                      default=0)
        rows = [r[:columns] + [""] * (columns - len(r)) for r in rows]
        sheets.append((sheet, rows, columns))
        texts += [v for r in rows for v in r]
    pdf.check_glyphs(texts)
    wide = any(sum(_widths(s, c)) > LANDSCAPE_FROM for s, _r, c in sheets)
    frame = (pdf.PAGE_HEIGHT if wide else pdf.PAGE_WIDTH) - pdf.LEFT_MARGIN - pdf.RIGHT_MARGIN
    style = pdf.styles()
    story: list[Flowable] = []
    for number, (sheet, rows, columns) in enumerate(sheets):
        size = _cell_size(sum(_widths(sheet, columns)))
        cell = style.cell.clone("sheet_cell", fontSize=size, leading=size + 2)
        if number:
            story.append(PageBreak())
        first, last = _header_rows(sheet, rows)
        for index, values in enumerate(rows[:first]):
            line = next((v for v in values if v), "")
            if line:
                story.append(Paragraph(pdf.markup(line), style.subtitle if index == 0
                                       else style.note))
        body = rows[first:]
        if not body or not columns:
            continue
        widths = _widths(sheet, columns)
        scale = frame / sum(widths)
        table = Table([[Paragraph(pdf.markup(v), cell) for v in r] for r in body],
                      colWidths=[w * scale for w in widths], repeatRows=last - first + 1)
        table.setStyle(TableStyle([
            *_spans(sheet, first, len(body), columns),
            *(("SPAN", (0, index), (-1, index)) for index, values in enumerate(body)
              if _title_row(values) and len(values[0]) > widths[0]),  # a note across the sheet
            ("GRID", (0, 0), (-1, -1), 0.4, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, last - first), "#D9D9D9"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ]))
        story.append(table)
    if extra:
        story += [Spacer(0, 6 * mm), *extra]
    return pdf.build(story, target, title=title, marks=pdf.PageMarks(top_left=_marking(workbook)),
                     landscape=wide)
