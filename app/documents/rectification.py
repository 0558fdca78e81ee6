"""The 整改台账 of a year (支部工作条例 第17条; DOMAIN.md, "组织生活会 and 民主评议党员"): every
problem a 组织生活会 found, its measures, owner, deadline and status, the items carried over from
earlier years first. As a workbook and as a printable PDF.

Takes plain values (``LedgerLine``): ``app.services.rectification`` maps the stored records onto
them. Fixed wording is Chinese, as every document's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents import pdf
from app.documents.record_books import Sheet
from app.documents.workbooks import new_workbook

STATUS_NAMES = {"open": "未整改", "in_progress": "整改中", "done": "已完成"}
COMMITTEE = "支部委员会"
CARRIED = "（上年结转）"
OVERDUE = "（已逾期）"


@dataclass(frozen=True)
class LedgerLine:
    meeting_date: date
    whose: str  # a member's name, or "" for the committee's problem
    problem: str
    measures: str
    owner: str
    due_on: date
    status: str  # domain.rectification.ItemStatus value
    done_on: date | None
    result: str
    evidence: int
    overdue: bool
    carried_over: bool
    classification: str  # 公开 / 内部 / 秘密


@dataclass(frozen=True)
class Ledger:
    branch: str
    year: int
    lines: Sequence[LedgerLine]
    as_of: date

    @property
    def done(self) -> int:
        return sum(1 for line in self.lines if line.status == "done")

    @property
    def overdue(self) -> int:
        return sum(1 for line in self.lines if line.overdue)

    def summary(self) -> str:
        return (f"共 {len(self.lines)} 项，已完成 {self.done} 项，逾期未完成 {self.overdue} 项"
                f"（统计至{pdf.chinese_date(self.as_of)}）")

    def title(self) -> str:
        return f"{self.branch}{self.year}年组织生活会整改台账"

    def classification(self) -> str:
        return "秘密" if any(line.classification == "秘密" for line in self.lines) else ""


def _status(line: LedgerLine) -> str:
    text = STATUS_NAMES.get(line.status, line.status)
    if line.done_on is not None:
        text += f"（{line.done_on.isoformat()}）"
    return text + (OVERDUE if line.overdue else "")


def _problem(line: LedgerLine) -> str:
    return (CARRIED if line.carried_over else "") + line.problem


def write_workbook(ledger: Ledger, path: Path) -> None:
    """The 整改台账 as a workbook at ``path``, atomically (raises OSError)."""
    workbook = new_workbook()
    sheet = Sheet(workbook, "整改台账", (6, 12, 12, 36, 36, 10, 12, 16, 30, 8, 8))
    sheet.title(ledger.title(), ledger.summary())
    sheet.header(("序号", "会议日期", "问题对象", "问题", "整改措施", "责任人", "整改时限",
                  "状态", "整改情况", "佐证材料", "密级"))
    for number, line in enumerate(ledger.lines, start=1):
        sheet.row((number, line.meeting_date, line.whose or COMMITTEE, _problem(line),
                   line.measures, line.owner, line.due_on, _status(line), line.result,
                   f"{line.evidence} 份" if line.evidence else "", line.classification))
    workbook.save(path)


def texts(ledger: Ledger) -> Iterator[str]:
    yield from (ledger.title(), ledger.branch, ledger.summary(), ledger.classification())
    for line in ledger.lines:
        yield from (line.whose, line.problem, line.measures, line.owner, line.result)


def write_pdf(ledger: Ledger, target: pdf.Target) -> int:
    """The 整改台账 as a PDF (A4, the table repeating its header on every page); returns the
    page count. Raises MissingGlyphsError before writing anything."""
    pdf.check_glyphs(texts(ledger))
    style = pdf.styles()
    cell = style.note  # 9.5 pt: seven columns on an A4 page
    centered = ParagraphStyle("ledger_header", parent=cell, alignment=TA_CENTER)
    header = [Paragraph(t, centered) for t in
              ("序号", "对象", "问题", "整改措施", "责任人", "时限", "状态及整改情况")]
    rows: list[list[Flowable | str]] = [list(header)]
    for number, line in enumerate(ledger.lines, start=1):
        state = "\n".join(t for t in (
            _status(line), CARRIED.strip("（）") if line.carried_over else "", line.result) if t)
        rows.append([
            Paragraph(str(number), centered), pdf.para(line.whose or COMMITTEE, cell),
            pdf.para(line.problem, cell), pdf.para(line.measures, cell),
            pdf.para(line.owner, cell), pdf.para(line.due_on.isoformat(), cell),
            pdf.para(state, cell),
        ])
    widths = [11 * mm, 20 * mm, 33 * mm, 33 * mm, 15 * mm, 22 * mm]
    widths.append(pdf.FRAME_WIDTH - sum(widths))
    table = pdf.ruled_table(rows, widths)
    story: list[Flowable] = [
        pdf.para(f"{ledger.year}年组织生活会整改台账", style.title),
        pdf.para(f"{ledger.branch}　{ledger.summary()}", style.subtitle),
        table, Spacer(1, 10 * mm),
        pdf.para("支部书记（签字）：　　　　　　　　　　年　　月　　日", style.body),
    ]
    marks = pdf.PageMarks(top_right=ledger.classification())
    return pdf.build(story, target, title=ledger.title(), marks=marks)


def write_files(ledger: Ledger, path: Path) -> None:
    """By the file's suffix: ``.pdf`` a PDF, else a workbook."""
    if path.suffix.lower() == ".pdf":
        write_pdf(ledger, path)
    else:
        write_workbook(ledger, path)
