"""What every printed form shares: A4 page, paragraph styles in the CJK font, escaping, Chinese
numerals and dates, the page marks (``第 N 页 共 M 页``, classification, draft), and writing the
finished bytes to a path or a stream.

Fixed wording of the printed forms is Chinese on purpose: documents are always Chinese (DESIGN.md)
and are not UI strings, so they are not translated through Qt.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table, TableStyle

from app.documents.fonts import DocumentFont, document_font
from app.errors import FileAccessError, MissingGlyphsError
from app.files import write_atomically

# ---------------------------------------------------------------- fixed wording (always Chinese)
PAGE_OF = "第 {page} 页 共 {pages} 页"
DRAFT_MARK = "草稿（未定稿）"
WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_DIGITS = "〇一二三四五六七八九"

# ---------------------------------------------------------------- page geometry
PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT_MARGIN = RIGHT_MARGIN = 25 * mm
TOP_MARGIN = 25 * mm
BOTTOM_MARGIN = 22 * mm
FRAME_WIDTH = PAGE_WIDTH - LEFT_MARGIN - RIGHT_MARGIN

Target = str | Path | BinaryIO


# ---------------------------------------------------------------- text helpers
def markup(text: str) -> str:
    """User text as Paragraph markup: escaped, line breaks kept."""
    return "<br/>".join(escape(line) for line in text.strip().splitlines())


def paragraphs_of(text: str) -> list[str]:
    """The non-empty paragraphs of a long text (one per line), stripped of the indentation a
    writer typed by hand (the style indents the first line itself)."""
    return [line.strip(" \t\u3000") for line in text.splitlines() if line.strip(" \t\u3000")]


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一 (1 to 99, for section and item numbers)."""
    if not 1 <= n <= 99:
        return str(n)
    tens, ones = divmod(n, 10)
    text = ("" if tens == 1 else _DIGITS[tens]) + "十" if tens else ""
    return text + (_DIGITS[ones] if ones else "")


def chinese_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def clock(moment: datetime) -> str:
    return f"{moment.hour}:{moment.minute:02d}"


def meeting_time(start: datetime, end: datetime | None) -> str:
    """``2025年3月12日（星期三）14:30至16:00``; an end on another day carries its own date."""
    text = f"{chinese_date(start.date())}（{WEEKDAYS[start.weekday()]}）{clock(start)}"
    if end is None:
        return text
    if end.date() == start.date():
        return f"{text}至{clock(end)}"
    return f"{text}至{chinese_date(end.date())}{clock(end)}"


# ---------------------------------------------------------------- styles
@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    indented: ParagraphStyle
    cell: ParagraphStyle
    label: ParagraphStyle
    small_center: ParagraphStyle
    note: ParagraphStyle


_styles: Styles | None = None


def styles() -> Styles:
    """Paragraph styles in the document font (built once; the font is registered first)."""
    global _styles
    if _styles is None:
        name = document_font().name

        def style(key: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
            return ParagraphStyle(
                key, fontName=name, fontSize=size, leading=leading, wordWrap="CJK", **kw
            )

        _styles = Styles(
            title=style("title", 20, 28, alignment=TA_CENTER, spaceAfter=4 * mm),
            subtitle=style("subtitle", 12, 18, alignment=TA_CENTER, spaceAfter=4 * mm),
            heading=style("heading", 14, 20, spaceBefore=5 * mm, spaceAfter=2 * mm, keepWithNext=1),
            body=style("body", 12, 20, alignment=TA_LEFT),
            indented=style("indented", 12, 20, firstLineIndent=24, spaceAfter=1 * mm),
            cell=style("cell", 11, 16),
            label=style("label", 11, 16, alignment=TA_CENTER),
            small_center=style("small_center", 10, 14, alignment=TA_CENTER),
            note=style("note", 9.5, 14),
        )
    return _styles


def para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of user text (escaped)."""
    return Paragraph(markup(text), style)


def ruled_table(rows: list[list[Flowable | str]], widths: list[float]) -> Table:
    """A table of a register: ruled, its header row (the first) grey and repeated on every
    page, cells centred vertically, in the document font."""
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#D9D9D9")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), document_font().name),
    ]))
    return table


def signature_row(words: Iterable[str], style: ParagraphStyle) -> Table:
    """制表人 / 审核人 / 支部书记… spread over the width, room to sign after each (spaces
    typed between them collapse in a paragraph)."""
    cells = [Paragraph(markup(word), style) for word in words]
    table = Table([cells], colWidths=[FRAME_WIDTH / len(cells)] * len(cells))
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return table


# ---------------------------------------------------------------- glyph check
def check_glyphs(texts: Iterable[str], font: DocumentFont | None = None) -> None:
    """Raise ``MissingGlyphsError`` naming every character of ``texts`` the font cannot print."""
    missing = (font or document_font()).missing(list(texts))
    if missing:
        raise MissingGlyphsError("".join(missing))


# ---------------------------------------------------------------- page marks
@dataclass
class PageMarks:
    """What is drawn on every page once the page count is known; ``pages`` is filled in."""

    top_left: str = ""
    top_right: str = ""
    pages: int = field(default=0, init=False)


class _MarkedCanvas(Canvas):
    """Keeps each page until the end so the footer can say how many pages there are."""

    def __init__(self, *args: Any, marks: PageMarks, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._marks = marks
        self._saved_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        self._marks.pages = total
        for number, state in enumerate(self._saved_pages, start=1):
            self.__dict__.update(state)
            self._draw_marks(number, total)
            super().showPage()
        super().save()

    def _draw_marks(self, page: int, pages: int) -> None:
        name = document_font().name
        self.saveState()
        self.setFont(name, 10.5)
        width, height = self._pagesize  # A4 portrait, or landscape (``build``)
        self.drawCentredString(width / 2, 12 * mm, PAGE_OF.format(page=page, pages=pages))
        top = height - 15 * mm
        self.setFont(name, 12)
        if self._marks.top_left:
            self.drawString(LEFT_MARGIN, top, self._marks.top_left)
        if self._marks.top_right:
            self.drawRightString(width - RIGHT_MARGIN, top, self._marks.top_right)
        self.restoreState()


def build(
    story: list[Flowable], target: Target, *, title: str, marks: PageMarks,
    landscape: bool = False,
) -> int:
    """Lay out ``story`` on A4 pages (portrait, or ``landscape``) with ``marks`` and write the
    PDF to ``target``; returns the page count. A path is written only once the whole document
    is laid out, and atomically (``app.files.write_atomically``): a kill leaves the old file or
    the new one."""
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=(PAGE_HEIGHT, PAGE_WIDTH) if landscape else A4,
        leftMargin=LEFT_MARGIN,
        rightMargin=RIGHT_MARGIN,
        topMargin=TOP_MARGIN,
        bottomMargin=BOTTOM_MARGIN,
        title=title,
        author="",
        subject="",
        creator="BranchDesk",
        initialFontName=document_font().name,  # else reportlab adds Helvetica, not embedded
    )
    template.build(story, canvasmaker=functools.partial(_MarkedCanvas, marks=marks))
    data = buffer.getvalue()
    if isinstance(target, str | Path):
        path = Path(target)
        try:
            write_atomically(path, data)
        except OSError as error:
            raise FileAccessError.from_os_error(path, error) from error
    else:
        target.write(data)
    return marks.pages
