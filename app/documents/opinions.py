"""The 意见建议 register's documents: the 转办单 (A4 PDF) that goes with an entry forwarded to a
unit, the cover slip of a report of misconduct handed to the 纪委 (no content, no author:
检举控告工作规则 第47条), and the year's register with its summary (xlsx).

The fixed wording is Chinese (documents are always Chinese, see ``app.documents.pdf``). The
callers hand over plain values; nothing here reads the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.documents.pdf import (
    FRAME_WIDTH,
    PageMarks,
    Target,
    build,
    check_glyphs,
    chinese_date,
    para,
    styles,
)

CHANNELS = {"meeting": "会议", "in_person": "当面", "written": "书面", "platform": "平台"}
CATEGORIES = {"business": "业务工作", "party_building": "党建工作", "conduct": "作风建设",
              "other": "其他"}
STATUSES = {"pending": "待处理", "forwarded": "已转办", "answered": "已答复",
            "implemented": "已落实", "declined": "不予采纳"}
CLASSIFICATIONS = {"public": "公开", "internal": "内部", "secret": "秘密"}
ANONYMOUS = "匿名"

SLIP_TITLE = "党员意见建议转办单"
COVER_TITLE = "检举控告材料移交单"
COVER_NOTE = ("本单所附检举控告材料原件密封移交，党支部不拆阅、不调查、不留存内容及检举人信息。"
              "根据《纪检监察机关处理检举控告工作规则》，检举控告内容及检举人信息严格保密。")
REGISTER_TITLE = "{year}年度党员意见建议登记表"
SUMMARY_TITLE = "{year}年度党员意见建议办理情况汇总"


@dataclass(frozen=True)
class TransferSlip:
    branch_name: str
    number: str  # the entry's short number on the slip
    received_on: date
    proposer: str  # "" when anonymous
    channel: str  # a code of CHANNELS
    category: str  # a code of CATEGORIES
    content: str
    unit: str
    forwarded_on: date
    due_on: date | None
    classification: str


@dataclass(frozen=True)
class CoverSlip:
    """The slip that goes with a report of misconduct to the 纪委: who hands it over and when,
    the 纪委's reference number, never what the report says nor who made it."""

    branch_name: str
    handed_on: date
    reference: str
    secretary: str
    contact: str


@dataclass(frozen=True)
class RegisterLine:
    received_on: date
    proposer: str
    channel: str
    category: str
    content: str
    forwarded_to: str
    forwarded_on: date | None
    reply: str
    measures: str
    status: str
    decline_reason: str
    answered_on: date | None
    feedback_on: date | None


# ---------------------------------------------------------------- PDF slips
def _grid(rows: list[list[Flowable | str]], spans: Sequence[int]) -> Table:
    label = 30 * mm
    value = (FRAME_WIDTH - 2 * label) / 2
    table = Table(rows, colWidths=[label, value, label, value], splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), styles().cell.fontName),
        ("GRID", (0, 0), (-1, -1), 0.75, "black"),
        ("BOX", (0, 0), (-1, -1), 1.25, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
    ]
    commands += [("SPAN", (1, row), (3, row)) for row in spans]
    table.setStyle(TableStyle(commands))
    return table


def _label(text: str) -> Paragraph:
    return Paragraph(text, styles().label)


def _cell(text: str) -> Paragraph:
    return para(text, styles().cell)


def _day(day: date | None) -> str:
    return chinese_date(day) if day else ""


def render_transfer_slip(slip: TransferSlip, target: Target) -> int:
    """The 转办单: the entry, the unit, the date and the time limit, and room for the unit's
    reply. Returns the page count; ``MissingGlyphsError`` when the font lacks a character."""
    proposer = slip.proposer or ANONYMOUS
    check_glyphs([slip.branch_name, proposer, slip.content, slip.unit, slip.number])
    s = styles()
    rows: list[list[Flowable | str]] = [
        [_label("编号"), _cell(slip.number), _label("收到日期"), _cell(_day(slip.received_on))],
        [_label("提出人"), _cell(proposer), _label("收集渠道"),
         _cell(CHANNELS.get(slip.channel, slip.channel))],
        [_label("类别"), _cell(CATEGORIES.get(slip.category, slip.category)),
         _label("办理时限"), _cell(f"{_day(slip.due_on)}前" if slip.due_on else "")],
        [_label("意见建议内容"), _cell(slip.content), "", ""],
        [_label("承办单位"), _cell(slip.unit), _label("转办日期"),
         _cell(_day(slip.forwarded_on))],
        [_label("办理情况及答复意见"), "\n\n\n\n\n\n", "", ""],
        [_label("整改落实措施"), "\n\n\n\n", "", ""],
        [_label("承办单位负责人（签字）"), "", _label("答复日期"), "      年    月    日"],
    ]
    story: list[Flowable] = [
        para(SLIP_TITLE, s.title),
        para(slip.branch_name, s.subtitle),
        _grid(rows, spans=(3, 5, 6)),
        Spacer(1, 6 * mm),
        para("请承办单位在办理时限内将办理情况及答复意见书面反馈党支部，由党支部向提出人反馈。",
             s.note),
    ]
    marks = PageMarks(top_right=CLASSIFICATIONS.get(slip.classification, ""))
    return build(story, target, title=SLIP_TITLE, marks=marks)


def render_cover_slip(slip: CoverSlip, target: Target) -> int:
    """The cover slip of a report of misconduct handed to the 纪委: no content, no author."""
    check_glyphs([slip.branch_name, slip.reference, slip.secretary, slip.contact])
    s = styles()
    rows: list[list[Flowable | str]] = [
        [_label("移交单位"), _cell(slip.branch_name), "", ""],
        [_label("移交日期"), _cell(_day(slip.handed_on)), _label("纪委受理编号"),
         _cell(slip.reference)],
        [_label("移交人（签字）"), _cell(slip.secretary), _label("接收人（签字）"), ""],
        [_label("接收单位"), _cell(slip.contact or "纪委"), "", ""],
    ]
    story: list[Flowable] = [
        para(COVER_TITLE, s.title),
        _grid(rows, spans=(0, 3)),
        Spacer(1, 6 * mm),
        para(COVER_NOTE, s.body),
    ]
    return build(story, target, title=COVER_TITLE, marks=PageMarks(top_right="秘密"))


# ---------------------------------------------------------------- the year's workbook
def write_year_workbook(
    path: Path, branch_name: str, year: int, lines: Iterable[RegisterLine],
    counts: dict[tuple[str, str], int], misconduct: int,
) -> int:
    """The register (one row per opinion; reports of misconduct are never listed) and the
    summary by category and status, with the number of reports handed to the 纪委. Returns the
    number of register rows."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    from app.documents.workbooks import new_workbook

    workbook = new_workbook()
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(vertical="center", wrap_text=True)

    def sheet_with(name: str, widths: Sequence[float], title: str) -> Any:
        sheet = workbook.create_sheet(name)
        sheet.freeze_panes = "A4"
        for index, width in enumerate(widths):
            sheet.column_dimensions[chr(ord("A") + index)].width = width
        heading = WriteOnlyCell(sheet, title)
        heading.font = Font(size=16, bold=True)
        sheet.append([heading])
        sheet.append([WriteOnlyCell(sheet, branch_name)])
        return sheet

    def cells(sheet: Any, values: Sequence[Any], header: bool = False) -> list[Any]:
        out = []
        for value in values:
            cell = WriteOnlyCell(sheet, value)
            cell.border = border
            cell.alignment = wrap
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            if header:
                cell.font = Font(bold=True)
                cell.fill = PatternFill("solid", fgColor="D9D9D9")
            out.append(cell)
        return out

    register = sheet_with("登记表", (6, 12, 10, 8, 10, 40, 14, 12, 30, 24, 10, 20, 12, 12),
                          REGISTER_TITLE.format(year=year))
    register.append(cells(register, (
        "序号", "收到日期", "提出人", "渠道", "类别", "意见建议内容", "承办单位", "转办日期",
        "答复意见", "落实措施", "办理状态", "不予采纳理由", "答复日期", "反馈日期"), header=True))
    number = 0
    for number, line in enumerate(lines, start=1):
        register.append(cells(register, (
            number, line.received_on, line.proposer or ANONYMOUS,
            CHANNELS.get(line.channel, line.channel), CATEGORIES.get(line.category, line.category),
            line.content, line.forwarded_to, line.forwarded_on, line.reply, line.measures,
            STATUSES.get(line.status, line.status), line.decline_reason, line.answered_on,
            line.feedback_on)))

    summary = sheet_with("汇总", (12, *([10] * (len(STATUSES) + 1))),
                         SUMMARY_TITLE.format(year=year))
    summary.append(cells(summary, ("类别", *STATUSES.values(), "合计"), header=True))
    for code, words in CATEGORIES.items():
        row = [counts.get((code, status), 0) for status in STATUSES]
        summary.append(cells(summary, (words, *row, sum(row))))
    totals = [sum(counts.get((c, s), 0) for c in CATEGORIES) for s in STATUSES]
    summary.append(cells(summary, ("合计", *totals, sum(totals)), header=True))
    summary.append([])
    summary.append(cells(summary, ("移交纪委的检举控告（件）", misconduct)))
    workbook.save(path)
    return number
