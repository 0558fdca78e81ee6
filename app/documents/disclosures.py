"""党务公开 documents: the printed 公示 notice (A4 PDF, fixed format) and the year's register
(xlsx).

The notice: the title, the text, the 公示期 (start to end), where to send objections, the
branch and the date of publication; the scope under the title. Pure: no services, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from app.documents.disclosure_texts import CATEGORY_NAMES, SCOPE_NAMES, STATUS_NAMES
from app.documents.pdf import (
    PageMarks,
    Target,
    build,
    check_glyphs,
    chinese_date,
    para,
    paragraphs_of,
    styles,
)

PERIOD_LINE = "公示期：{start}至{end}（共{days}天）"
CHANNEL_HEADING = "意见反映方式："
SCOPE_LINE = "公开范围：{scope}"
SIGNATURE_DATE = "{day}"

REPORT_SHEET = "党务公开登记"
REPORT_TITLE = "{branch}{year}年党务公开登记表"
REPORT_HEADERS = (
    "序号", "类别", "标题", "公开范围", "公示开始", "公示结束", "拟稿人", "拟稿日期", "审核人",
    "审核日期", "审批人", "审批日期", "公开日期", "撤回日期", "状态", "收到意见（条）",
)
REPORT_WIDTHS = (6, 16, 40, 12, 12, 12, 10, 12, 10, 12, 10, 12, 12, 12, 10, 14)


@dataclass(frozen=True)
class Notice:
    branch: str
    title: str
    content: str
    scope: str  # the stored code
    scope_note: str
    start_on: date
    end_on: date
    feedback_channel: str
    dated: date  # the day it was published (or approved, when printed before)
    classification_mark: str = ""


def notice_texts(notice: Notice) -> Iterator[str]:
    yield from (notice.branch, notice.title, notice.content, notice.scope_note,
                notice.feedback_channel)


def render_notice(notice: Notice, target: Target) -> int:
    """Write the 公示 notice to ``target``; returns the page count (``MissingGlyphsError``,
    nothing written, when the font lacks a character)."""
    check_glyphs(notice_texts(notice))
    s = styles()
    scope = SCOPE_NAMES.get(notice.scope, notice.scope)
    if notice.scope_note:
        scope = f"{scope}（{notice.scope_note}）"
    right = ParagraphStyle("right", parent=s.body, alignment=TA_RIGHT)
    story: list[Flowable] = [para(notice.title, s.title), para(SCOPE_LINE.format(scope=scope),
                                                               s.subtitle)]
    story += [para(text, s.indented) for text in paragraphs_of(notice.content)]
    story.append(Spacer(1, 4 * mm))
    days = (notice.end_on - notice.start_on).days + 1
    story.append(para(PERIOD_LINE.format(start=chinese_date(notice.start_on),
                                         end=chinese_date(notice.end_on), days=days), s.indented))
    story.append(para(CHANNEL_HEADING, s.indented))
    story += [para(text, s.indented) for text in paragraphs_of(notice.feedback_channel)]
    story.append(Spacer(1, 12 * mm))
    story.append(para(notice.branch, right))
    story.append(para(SIGNATURE_DATE.format(day=chinese_date(notice.dated)), right))
    marks = PageMarks(top_right=notice.classification_mark)
    return build(story, target, title=notice.title, marks=marks)


@dataclass(frozen=True)
class ReportLine:
    category: str
    title: str
    scope: str
    start_on: date
    end_on: date
    drafted_by: str
    drafted_on: date | None
    reviewed_by: str
    reviewed_on: date | None
    approved_by: str
    approved_on: date | None
    published_on: date | None
    withdrawn_on: date | None
    status: str
    feedback: int


def write_year_report(path: Path, branch: str, year: int, lines: Iterable[ReportLine]) -> int:
    """The year's register of items (one row each, no feedback content); returns the rows.
    Written in memory and atomically to ``path`` only (``app.documents.workbooks``). Raises
    OSError."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    from app.documents.workbooks import new_workbook

    workbook = new_workbook()
    sheet: Any = workbook.create_sheet(REPORT_SHEET)
    for column, width in enumerate(REPORT_WIDTHS, start=1):
        sheet.column_dimensions[_letter(column)].width = width
    sheet.freeze_panes = "C3"
    sheet.print_title_rows = "2:2"
    sheet.page_setup.orientation = "landscape"
    title = WriteOnlyCell(sheet, value=REPORT_TITLE.format(branch=branch, year=year))
    title.font = Font(bold=True, size=14)
    sheet.append([title])
    sheet.append(list(REPORT_HEADERS))
    count = 0
    for count, line in enumerate(lines, start=1):
        cells = []
        for value in _row(count, line):
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(path)
    return count


def _row(number: int, line: ReportLine) -> Sequence[Any]:
    return (
        number, CATEGORY_NAMES.get(line.category, line.category), line.title,
        SCOPE_NAMES.get(line.scope, line.scope), line.start_on, line.end_on, line.drafted_by,
        line.drafted_on, line.reviewed_by or None, line.reviewed_on, line.approved_by or None,
        line.approved_on, line.published_on, line.withdrawn_on,
        STATUS_NAMES.get(line.status, line.status), line.feedback,
    )


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return str(get_column_letter(column))
