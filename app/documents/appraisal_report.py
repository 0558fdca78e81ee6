"""民主评议党员结果表: the year's appraisal per member, as an xlsx workbook and a printable PDF.

One row per member: 自评, the 民主测评 counts per grade, the grade the branch decided (预备党员:
参加评议、不定等次, 第18条), and for 不合格 the handling (限期改正 with its deadline, 第30条; 劝退
and 除名 with the 支部大会 vote and the higher committee's approval, 党章 第9条; the 第31条 ground).
A summary line gives the counts per grade and the 优秀 limit (one third of the full members).

Pure: no Qt, no database. Words are document content (always Chinese), kept as constants.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from app.documents.dues_reports import _Sheet, new_workbook
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
from app.documents.vocabulary import CLASSIFICATION_LABELS
from app.domain.appraisal import GRADES, Grade, Handling, StrikeOffGround
from app.domain.members import Classification
from app.errors import FileAccessError

SHEET = "民主评议结果"
TITLE = "{branch}{year}年度民主评议党员结果表"
NOTE = "党支部：{branch}　　年度：{year}年　　制表日期：{day}"
HEADERS = (
    "序号", "姓名", "自评", "测评：优秀", "测评：合格", "测评：基本合格", "测评：不合格",
    "评定等次", "组织处置", "处置情况",
)
WIDTHS = (6, 10, 6, 10, 10, 13, 11, 12, 10, 60)
SUMMARY = (
    "正式党员{full}人，参加评议{recorded}人；优秀{excellent}人（上限{limit}人，不超过正式党员的三分之一），"
    "合格{qualified}人，基本合格{basic}人，不合格{unqualified}人。"
)
PROBATIONARY = "预备党员（不定等次）"
NOT_RECORDED = "未评议"
UNDECIDED = "待定"
DONE, NOT_DONE = "已完成", "未完成"
SECRET_ROW = "（秘密）"  # noqa: S105 - a classification mark
PENDING = "待上级党组织批准"
CORRECTION_DETAIL = "限期改正至{until}（第三十条）"
ASSEMBLY_DETAIL = (
    "支部大会{meeting}表决：应到{entitled}人、赞成{in_favour}人；上级党组织批准：{approved}"
)
SIGNATURES = "支部书记（签字）：　　　　　　　　　　　　　　　　党支部（盖章）"

GRADE_WORDS: dict[Grade, str] = {
    Grade.NONE: "",
    Grade.EXCELLENT: "优秀",
    Grade.QUALIFIED: "合格",
    Grade.BASIC: "基本合格",
    Grade.UNQUALIFIED: "不合格",
}
HANDLING_WORDS: dict[Handling, str] = {
    Handling.NONE: "",
    Handling.CORRECTION: "限期改正",
    Handling.PERSUADE: "劝其退党",
    Handling.STRIKE_OFF: "除名",
}
# 教育管理条例 第31条, in short.
GROUND_WORDS: dict[StrikeOffGround, str] = {
    StrikeOffGround.NONE: "",
    StrikeOffGround.LOST_CONVICTION: "；依据第三十一条（一）理想信念缺失、丧失党员条件",
    StrikeOffGround.RELIGION: "；依据第三十一条（二）信仰宗教经教育仍无转变",
    StrikeOffGround.DEGENERATE_QUIT: "；依据第三十一条（三）思想蜕化坚持退党",
    StrikeOffGround.QUIT_AS_THREAT: "；依据第三十一条（四）以退党相要挟经教育不改",
    StrikeOffGround.CORRECTION_FAILED: "；依据第三十一条（五）限期改正期满仍无转变",
    StrikeOffGround.SIX_MONTHS_ABSENT: "；依据第三十一条（六）无正当理由连续6个月不参加组织生活等",
}


@dataclass(frozen=True)
class AppraisalEntry:
    name: str
    probationary: bool
    self_assessed: bool
    votes: tuple[int, int, int, int]
    grade: Grade
    handling: Handling
    handling_detail: str
    recorded: bool
    secret: bool = False


@dataclass(frozen=True)
class AppraisalReport:
    branch: str
    year: int
    made_on: date
    full_members: int
    excellent_limit: int
    entries: tuple[AppraisalEntry, ...]

    @property
    def classification(self) -> Classification:
        secret = any(e.secret for e in self.entries)
        return Classification.SECRET if secret else Classification.INTERNAL

    def count(self, grade: Grade) -> int:
        return sum(1 for e in self.entries if e.grade is grade)


def grade_text(entry: AppraisalEntry) -> str:
    if entry.probationary:
        return PROBATIONARY
    if not entry.recorded:
        return NOT_RECORDED
    return GRADE_WORDS[entry.grade] or UNDECIDED


def summary_text(report: AppraisalReport) -> str:
    counts = {grade: report.count(grade) for grade in GRADES}
    return SUMMARY.format(
        full=report.full_members, recorded=sum(1 for e in report.entries if e.recorded),
        excellent=counts[Grade.EXCELLENT], limit=report.excellent_limit,
        qualified=counts[Grade.QUALIFIED], basic=counts[Grade.BASIC],
        unqualified=counts[Grade.UNQUALIFIED],
    )


def _row_texts(serial: int, entry: AppraisalEntry) -> list[str | int]:
    name = entry.name + (SECRET_ROW if entry.secret else "")
    return [
        serial, name, (DONE if entry.self_assessed else NOT_DONE) if entry.recorded else "",
        *entry.votes, grade_text(entry), HANDLING_WORDS[entry.handling], entry.handling_detail,
    ]


# ---------------------------------------------------------------- xlsx


def write_workbook(report: AppraisalReport, path: Path) -> None:
    """The result table as a one-sheet workbook written atomically. Raises FileAccessError."""
    workbook = new_workbook()
    sheet = _Sheet(workbook, SHEET, WIDTHS, freeze="C4")
    title = TITLE.format(branch=report.branch, year=report.year)
    note = NOTE.format(branch=report.branch, year=report.year, day=chinese_date(report.made_on))
    label = CLASSIFICATION_LABELS[report.classification]
    sheet.title(title, f"{note}　　密级：{label}")
    sheet.header(HEADERS)
    center = sheet.styles.center
    for serial, entry in enumerate(report.entries, start=1):
        cells = _row_texts(serial, entry)
        sheet.append([
            sheet.cell(value, "0" if isinstance(value, int) else None,
                       align=center if index != 9 else sheet.styles.wrap)
            for index, value in enumerate(cells)
        ])
    sheet.append([])
    sheet.append([sheet.cell(summary_text(report), border=False, align=sheet.styles.left)])
    _sign(sheet)
    try:
        workbook.save(path)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error


def _sign(sheet: _Sheet) -> None:
    sheet.append([])
    sheet.append([sheet.cell(SIGNATURES, border=False, align=sheet.styles.left)])


# ---------------------------------------------------------------- pdf


def _spaced(text: str, style: ParagraphStyle) -> Paragraph:
    """A line whose ideographic spaces stay (reportlab collapses whitespace)."""
    return Paragraph(escape(text).replace("\u3000", "&nbsp;&nbsp;&nbsp;"), style)


def texts(report: AppraisalReport) -> Iterator[str]:
    yield from (report.branch, summary_text(report), SIGNATURES, *HEADERS)
    for serial, entry in enumerate(report.entries, start=1):
        yield from (str(value) for value in _row_texts(serial, entry))


def render_pdf(report: AppraisalReport, target: Target) -> int:
    """The result table as a PDF on A4; returns its page count. Raises ``MissingGlyphsError``
    (nothing written) when the font lacks a character of a name."""
    check_glyphs(texts(report))
    st = styles()
    title = TITLE.format(branch=report.branch, year=report.year)
    story: list[Flowable] = [
        para(title, st.title),
        _spaced(NOTE.format(branch=report.branch, year=report.year,
                            day=chinese_date(report.made_on)), st.subtitle),
    ]
    small = st.note
    header = [
        "序号", "姓名", "自评", "优秀", "合格", "基本\n合格", "不合格", "评定等次", "处置情况",
    ]
    rows: list[list[Flowable | str]] = [[Paragraph(h.replace("\n", "<br/>"), small)
                                         for h in header]]
    for serial, entry in enumerate(report.entries, start=1):
        values = _row_texts(serial, entry)
        detail = str(values[9] or values[8])
        rows.append([para(str(v), small) for v in values[:8]] + [para(detail, small)])
    widths = [9 * mm, 20 * mm, 15 * mm, 9 * mm, 9 * mm, 9 * mm, 10 * mm, 22 * mm, 0.0]
    widths[-1] = FRAME_WIDTH - sum(widths)
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),
        ("GRID", (0, 0), (-1, -1), 0.6, "black"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    story += [table, Spacer(0, 4 * mm), para(summary_text(report), st.body),
              Spacer(0, 10 * mm), _spaced(SIGNATURES, st.body)]
    marks = PageMarks(top_right=CLASSIFICATION_LABELS[report.classification])
    return build(story, target, title=title, marks=marks)
