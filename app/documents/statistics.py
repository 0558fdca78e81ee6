"""The annual statistics (党内统计) as an xlsx workbook and a PDF: one sheet per table in the
standard layout (title, a note with the branch and the reference date, the heading row 项目 and
the table's columns, the rows), and a sheet 校验 with the balance (年末数 = 年初数 + 增加 − 减少)
and the gaps found before the tables.

Pure: no Qt, no services, no database. The words are the documents' (always Chinese).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from app.documents.dues_reports import ReportSheet, day_text

Cell = int | str

TITLE = "{branch}{year}年党内统计　{table}"
PDF_TITLE = "{year}年党内统计报表"
NOTE = "党支部：{branch}　　统计时点：{as_of}　　统计期间：{first}至{as_of}　　制表日期：{day}"
ITEM = "项目"
CHECK_SHEET = "校验"
CHECK_TITLE = "{branch}{year}年党内统计　校验"
BALANCE_HEADERS = ("类别", "年初数", "增加", "减少", "年末数", "年初数+增加−减少", "结果")
BALANCE_OK, BALANCE_WRONG = "相符", "不符"
ERRORS_HEADING = "校验错误（须更正后重新统计）"
NO_ERRORS = "无校验错误。"
GAPS_HEADING = "信息缺项（已计入各表“未填”）"
NO_GAPS = "无信息缺项。"
GAP_HEADERS = ("序号", "姓名", "缺少项目")
SIGNATURE_WORDS = ("填报人：", "审核人：", "支部书记：")
SIGNATURES = "　　　　　　　　".join(SIGNATURE_WORDS)
GAP_SUMMARY = "{field}未填写：{count:,} 人"


@dataclass(frozen=True)
class Heading:
    branch: str
    year: int
    first: date
    as_of: date
    made_on: date

    def note(self) -> str:
        return NOTE.format(branch=self.branch, as_of=day_text(self.as_of),
                           first=day_text(self.first), day=day_text(self.made_on))

    def note_lines(self) -> str:
        """The note on two lines (the branch and the date; the period and the day made), so a
        printed line never breaks inside a word."""
        parts = self.note().split("　　")
        return "　　".join(parts[:2]) + "\n" + "　　".join(parts[2:])


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[Cell, ...]], ...]


@dataclass(frozen=True)
class BalanceLine:
    """One line of the balance: 年初数 + 增加 − 减少 against 年末数."""

    category: str  # as the sheet shows it (正式党员, 预备党员, 合计)
    start: int
    added: int
    removed: int
    end: int

    @property
    def expected(self) -> int:
        return self.start + self.added - self.removed


@dataclass(frozen=True)
class Checks:
    balances: tuple[BalanceLine, ...]
    errors: tuple[str, ...]  # one line each, naming the member
    gaps: tuple[tuple[str, str], ...]  # (name, missing field's heading)


def write_workbook(path: Path, heading: Heading, sheets: Sequence[Sheet], checks: Checks) -> None:
    """The tables, one sheet each, and the checks' sheet, at ``path``. Raises OSError."""
    from app.documents import workbooks

    workbook = workbooks.new_workbook()
    for table in sheets:
        widths = (30, *(max(10.0, min(24.0, 2.2 * len(c) + 2)) for c in table.columns))
        page = ReportSheet(workbook, table.title[:31], widths, "B4")
        page.title(TITLE.format(branch=heading.branch, year=heading.year, table=table.title),
                   heading.note())
        page.header([ITEM, *table.columns])
        left, center = page.styles.left, page.styles.center
        for label, cells in table.rows:
            page.append([page.cell(label, align=left),
                         *(page.cell(value, align=center) for value in cells)])
        page.signatures(SIGNATURES)
    _checks_sheet(workbook, heading, checks)
    workbook.save(path)


def _checks_sheet(workbook: Any, heading: Heading, checks: Checks) -> None:
    page = ReportSheet(workbook, CHECK_SHEET, (14, 10, 10, 10, 10, 18, 10), "A4")
    page.title(CHECK_TITLE.format(branch=heading.branch, year=heading.year), heading.note())
    page.header(BALANCE_HEADERS)
    center = page.styles.center
    for line in checks.balances:
        page.append([page.cell(line.category, align=center),
                     *(page.cell(v, align=center) for v in (
                         line.start, line.added, line.removed, line.end, line.expected)),
                     page.cell(BALANCE_OK if line.expected == line.end else BALANCE_WRONG,
                               align=center)])
    page.append([])
    page.append([page.cell(ERRORS_HEADING, border=False, bold=True)])
    for text in checks.errors or (NO_ERRORS,):
        page.append([page.cell(text, border=False, align=page.styles.left)])
    page.append([])
    page.append([page.cell(GAPS_HEADING, border=False, bold=True)])
    if not checks.gaps:
        page.append([page.cell(NO_GAPS, border=False)])
    else:
        for summary in gap_summary(checks):  # 10,000 lines after an upgrade: counts first
            page.append([page.cell(summary, border=False, align=page.styles.left)])
        page.append([page.cell(text, bold=True, align=center) for text in GAP_HEADERS])
        for number, (name, missing) in enumerate(checks.gaps, start=1):
            page.append([page.cell(number, align=center), page.cell(name),
                         page.cell(missing)])


def gap_summary(checks: Checks) -> list[str]:
    """One line per missing field with its count, the most frequent first."""
    counts = Counter(missing for _name, missing in checks.gaps)
    return [GAP_SUMMARY.format(field=field, count=count) for field, count in counts.most_common()]


def write_pdf(target: Any, heading: Heading, sheets: Sequence[Sheet], checks: Checks) -> int:
    """The tables and the balance on A4 pages (the gaps' names stay in the workbook and the
    window: a printed report goes up the line); returns the page count.

    One type size for every cell, header and line of the checks (the document styles' note
    size, as the other registers' tables), the tables' titles as section headings."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    from app.documents import pdf

    style = pdf.styles()
    cell = style.note.clone("statistics_cell", leading=12)
    centered = cell.clone("statistics_centered", alignment=TA_CENTER)
    texts: list[str] = [heading.branch, heading.note(), *BALANCE_HEADERS, *checks.errors,
                        *SIGNATURE_WORDS]
    story: list[Any] = [
        Paragraph(pdf.markup(heading.branch), style.subtitle),
        Paragraph(PDF_TITLE.format(year=heading.year), style.title),
        Paragraph(pdf.markup(heading.note_lines()), style.note),
    ]

    indented = cell.clone("statistics_indented", leftIndent=cell.fontSize)

    def label(text: str) -> Any:
        """A row's label; ``　其中：…`` stays indented under its row."""
        shown = text.lstrip("　")
        return Paragraph(pdf.markup(shown), indented if shown != text else cell)

    def grid(rows: list[list[Cell]], widths: list[float]) -> Any:
        """Every cell a paragraph in the one cell style: labels left, figures centred."""
        table = Table([[label(str(value)) if column == 0 else
                        Paragraph(pdf.markup(str(value)), centered)
                        for column, value in enumerate(row)] for row in rows],
                      colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), "#D9D9D9"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def section(title: str, body: list[Any]) -> Any:
        return KeepTogether([Paragraph(pdf.markup(title), style.heading), *body])

    for table in sheets:
        # Wide tables (the age and 职业 groupings) are laid out with their columns as rows.
        texts += [table.title, *table.columns, *(label for label, _c in table.rows)]
        rows: list[list[Cell]]
        if len(table.columns) > 5:
            rows = [[ITEM, *(label.strip("　") for label, _c in table.rows)]]
            rows += [[column, *(cells[i] for _l, cells in table.rows)]
                     for i, column in enumerate(table.columns)]
        else:
            rows = [[ITEM, *table.columns]]
            rows += [[label, *cells] for label, cells in table.rows]
        first = 60 * mm
        rest = (pdf.FRAME_WIDTH - first) / (len(rows[0]) - 1)
        story.append(section(table.title, [grid(rows, [first, *([rest] * (len(rows[0]) - 1))])]))
    balance_rows: list[list[Cell]] = [list(BALANCE_HEADERS)]
    for line in checks.balances:
        balance_rows.append([line.category, line.start, line.added, line.removed, line.end,
                             line.expected,
                             BALANCE_OK if line.expected == line.end else BALANCE_WRONG])
    story.append(section(CHECK_SHEET, [
        grid(balance_rows, [pdf.FRAME_WIDTH / 7] * 7), Spacer(0, 2 * mm),
        *(Paragraph(pdf.markup(text), cell) for text in checks.errors or (NO_ERRORS,)),
    ]))
    story += [Spacer(0, 10 * mm), pdf.signature_row(SIGNATURE_WORDS, style.body)]
    pdf.check_glyphs(texts)
    return pdf.build(story, target, title=PDF_TITLE.format(year=heading.year),
                     marks=pdf.PageMarks())
