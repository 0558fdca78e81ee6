"""The year's study table (党员学习教育学时统计表, 教育管理条例 第20、23条) as an xlsx
workbook and a printable PDF: one row per member, hours per form, the total against the
annual target, and the count of members who reached it (exempt members, 第23条, are out of
targets and rates).

Pure: no Qt, no services, no database. Hours are ``Decimal`` 学时 written as numbers; the words
are the documents' (always Chinese, not Qt translations).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.documents.dues_reports import ReportSheet, day_text
from app.documents.roster import column_letter
from app.domain.study import ExemptReason, StudyForm, hours_text, total

# ---------------------------------------------------------------- the documents' words
FORM_WORDS: dict[StudyForm, str] = {
    StudyForm.COLLECTIVE: "集中学习",
    StudyForm.PARTY_LECTURE: "党课",
    StudyForm.THEME_DAY: "主题党日",
    StudyForm.TRAINING: "专题培训/培训班",
    StudyForm.ONLINE: "网络学习",
    StudyForm.OTHER: "其他",
}
EXEMPT_WORDS: dict[ExemptReason, str] = {
    ExemptReason.OLD: "年老",
    ExemptReason.ILL: "患病",
    ExemptReason.DISABLED: "残疾",
}
SHEET = "学习教育学时统计"
TITLE = "{branch}{year}年度党员学习教育学时统计表"
NOTE = "党支部：{branch}　　年度：{year}年　　统计截至：{as_of}　　制表日期：{day}　　单位：学时"
LEAD_HEADERS = ("序号", "姓名", "党小组")
TAIL_HEADERS = ("合计", "年度目标", "尚差", "完成情况")
WIDTHS = (6, 10, 12, 10, 8, 10, 16, 10, 8, 9, 10, 8, 22)
TOTAL = "合计"
REACHED, NOT_REACHED = "已完成", "未完成"
EXEMPT = "免于学时要求（第23条，{reason}）"
PDF_EXEMPT = "免（{reason}）"
LEFT = "已不在本支部"
COMMITTEE_MARK = "（支委）"
SUMMARY = (
    "应完成学时要求{with_target}人（免于要求{exempt}人），已完成{reached}人，完成率{rate}；"
    "人均{average}学时。"
)
NO_RATE = "—"
RULE_NOTE = (
    "注：依据《中国共产党党员教育管理工作条例》第二十条，党员每年集中学习培训时间一般不少于32学时；"
    "支部书记和委员按培训计划要求执行。第二十三条规定的年老、患病、残疾党员不计入学时要求和完成率。"
    "参加党课、主题党日等活动的学时按出席情况自动记入。"
)
SIGNATURES = "制表人：　　　　　　　　审核人：　　　　　　　　支部书记："
SIGNATURE_WORDS = ("制表人：", "审核人：", "支部书记：")
PDF_TITLE = "{year}年度党员学习教育学时统计表"
PDF_HEADERS = ("序号", "姓名", "集中学习", "党课", "主题党日", "专题培训", "网络学习", "其他",
               "合计", "目标", "完成情况")


@dataclass(frozen=True)
class StudyLine:
    name: str
    party_group: str
    committee: bool
    hours: dict[StudyForm, Decimal]
    total: Decimal
    target: Decimal | None  # None: exempt (第23条), or no longer on the roll
    exempt: ExemptReason | None = None
    on_roll: bool = True

    @property
    def reached(self) -> bool:
        return self.target is not None and self.total >= self.target

    @property
    def shortfall(self) -> Decimal | None:
        if self.target is None:
            return None
        return max(self.target - self.total, Decimal(0))

    @property
    def status(self) -> str:
        if not self.on_roll:
            return LEFT
        if self.target is None:
            return EXEMPT.format(reason=EXEMPT_WORDS[self.exempt] if self.exempt else "")
        return REACHED if self.reached else NOT_REACHED


@dataclass(frozen=True)
class StudyHeading:
    branch: str
    year: int
    as_of: date
    made_on: date


@dataclass(frozen=True)
class Summary:
    members: int
    with_target: int
    reached: int
    total: Decimal

    @property
    def rate(self) -> str:
        if not self.with_target:
            return NO_RATE
        return f"{self.reached * 100 / self.with_target:.1f}%"

    @property
    def average(self) -> str:
        if not self.members:
            return "0"
        return hours_text((self.total / self.members).quantize(Decimal("0.01")))

    def text(self) -> str:
        return SUMMARY.format(with_target=self.with_target,
                              exempt=self.members - self.with_target, reached=self.reached,
                              rate=self.rate, average=self.average)


def summary(lines: Sequence[StudyLine]) -> Summary:
    on_roll = [line for line in lines if line.on_roll]
    with_target = [line for line in on_roll if line.target is not None]
    return Summary(len(on_roll), len(with_target),
                   sum(1 for line in with_target if line.reached),
                   total(line.total for line in on_roll))


def _name(line: StudyLine) -> str:
    return line.name + (COMMITTEE_MARK if line.committee else "")


# ---------------------------------------------------------------- xlsx


def write_workbook(path: Path, heading: StudyHeading, lines: Sequence[StudyLine]) -> Summary:
    """The study table as a one-sheet workbook at ``path``. Raises OSError."""
    from app.documents import workbooks

    workbook = workbooks.new_workbook()
    page = ReportSheet(workbook, SHEET, WIDTHS, "C4")
    page.title(
        TITLE.format(branch=heading.branch, year=heading.year),
        NOTE.format(branch=heading.branch, year=heading.year, as_of=day_text(heading.as_of),
                    day=day_text(heading.made_on)),
    )
    forms = list(StudyForm)
    page.header([*LEAD_HEADERS, *(FORM_WORDS[f] for f in forms), *TAIL_HEADERS])
    styles = page.styles
    center = page.style(align=styles.center)
    plain = page.style()
    cell = _cell_maker(page.sheet)
    sums = dict.fromkeys(forms, Decimal(0))
    for number, line in enumerate(lines, start=1):
        row = [cell(number, center), cell(_name(line), plain), cell(line.party_group, plain)]
        for form in forms:
            value = line.hours.get(form)
            if value is not None:
                sums[form] += value
            row.append(cell(value, plain))
        row += [cell(line.total, plain), cell(line.target, plain),
                cell(line.shortfall, plain), cell(line.status, plain)]
        page.append(row)
    result = summary(lines)
    page.append([
        page.cell(TOTAL, bold=True, align=styles.center), page.cell(None), page.cell(None),
        *(page.cell(sums[f], bold=True) for f in forms),
        page.cell(result.total, bold=True), page.cell(None), page.cell(None), page.cell(None),
    ])
    for text in (result.text(), RULE_NOTE):
        page.append([page.cell(text, border=False, align=styles.wrap)])
        row_number = page.rows
        page.sheet.merged_cells.add(f"A{row_number}:{column_letter(page.width - 1)}{row_number}")
    page.append([])
    page.append([page.cell(SIGNATURES, border=False, align=styles.left)])
    workbook.save(path)
    return result


def _cell_maker(sheet: Any) -> Any:
    from openpyxl.cell import Cell

    def make(value: Any, style: Any) -> Any:
        return Cell(sheet, row=1, column=1, value=value, style_array=style)

    return make


# ---------------------------------------------------------------- PDF


def write_pdf(
    target: Any, heading: StudyHeading, lines: Sequence[StudyLine], charts: Sequence[Any] = (),
) -> int:
    """The study table on A4 pages (header repeated, page marks), ``charts`` (flowables) after
    its summary; returns the page count."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    from app.documents import pdf

    style = pdf.styles()
    forms = list(StudyForm)
    texts = [PDF_TITLE, heading.branch, *PDF_HEADERS, RULE_NOTE]
    rows: list[list[Any]] = [list(PDF_HEADERS)]
    for number, line in enumerate(lines, start=1):
        status = line.status if line.target is not None or not line.on_roll else (
            PDF_EXEMPT.format(reason=EXEMPT_WORDS[line.exempt] if line.exempt else ""))
        rows.append([
            str(number), _name(line),
            *(hours_text(line.hours[f]) if f in line.hours else "" for f in forms),
            hours_text(line.total), hours_text(line.target) if line.target is not None else "—",
            status,
        ])
        texts.append(line.name)
    result = summary(lines)
    sums = [total(line.hours.get(f, Decimal(0)) for line in lines) for f in forms]
    rows.append([TOTAL, "", *(hours_text(v) if v else "" for v in sums),
                 hours_text(total(line.total for line in lines)), "", ""])
    pdf.check_glyphs(texts)
    widths = [9 * mm, 0.0, *([13.5 * mm] * len(forms)), 13 * mm, 11 * mm, 17 * mm]
    widths[1] = pdf.FRAME_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), style.cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("FONTSIZE", (0, 0), (-1, 0), 8),
        ("GRID", (0, 0), (-1, -1), 0.5, "black"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("ALIGN", (1, 1), (1, -1), "LEFT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), "#D9D9D9"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]))
    story = [
        Paragraph(pdf.markup(heading.branch), style.subtitle),
        Paragraph(PDF_TITLE.format(year=heading.year), style.title),
        Paragraph(pdf.markup(NOTE.format(
            branch=heading.branch, year=heading.year, as_of=day_text(heading.as_of),
            day=day_text(heading.made_on))), style.note),
        Spacer(0, 2 * mm),
        table,
        Spacer(0, 3 * mm),
        Paragraph(pdf.markup(result.text()), style.body),
        Spacer(0, 2 * mm),
        *charts,
        Paragraph(pdf.markup(RULE_NOTE), style.note),
        Spacer(0, 8 * mm),
        pdf.signature_row(SIGNATURE_WORDS, style.body),
    ]
    return pdf.build(story, target, title=PDF_TITLE.format(year=heading.year),
                     marks=pdf.PageMarks())
