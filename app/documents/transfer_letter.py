"""The 中国共产党党员组织关系介绍信 in its standard form (组通字〔2006〕45号): one A4 sheet of three
parts with one 编号, separated by cut lines — the 存根 the branch keeps (the 回执 is pasted on it
when it comes back), the 介绍信 the member carries, and the 回执 the receiving side returns.

The paid-up month (党费已交到 年 月) and the validity (有效期 天) are written in 大写 numerals
(``app.domain.transfers.daxie``) so that they cannot be altered. The seal and the receiving
side's date are left blank to be filled by hand. Fixed wording is Chinese on purpose (documents
are always Chinese, DESIGN.md), not Qt translations.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents.fonts import document_font
from app.documents.pdf import (
    FRAME_WIDTH,
    PageMarks,
    Target,
    build,
    check_glyphs,
    chinese_date,
    markup,
    styles,
)
from app.documents.vocabulary import letter_number
from app.domain.calendar import Month
from app.domain.transfers import daxie, daxie_year

# ---------------------------------------------------------------- fixed wording of the form
TITLE = "中国共产党党员组织关系介绍信"
STUB_TITLE = "中国共产党党员组织关系介绍信（存根）"
RECEIPT_TITLE = "中国共产党党员组织关系介绍信回执"
STUB_BODY = ("{name}同志系中共{status}党员，组织关系由{origin}转到{destination}。"
             "党费已交到{paid}。有效期{days}天。")
LETTER_BODY = ("{name}同志（{gender}，{age}岁，{ethnic}），系中共{status}党员，"
               "身份证号码{id_number}，由{origin}去{destination}，请转接组织关系。")
PAID = "该同志党费已交到{paid}。"
PAID_MONTH = "{year}年{month}月"
VALIDITY = "（有效期{days}天）"
SEAL = "（盖章）"
RECEIPT_BODY = "{name}同志的党员组织关系已转达我处，特此回复。"
BLANK_DATE = "年　　月　　日"
MEMBER_CONTACT = "党员联系电话或其他联系方式：{phone}"
ISSUER_ADDRESS = "党员原所在基层党委通讯地址：{address}"
ISSUER_PHONE = "联系电话：{phone}　　邮编：{postcode}"
PASTE_HERE = "（回执粘贴处）"
CUT = "（沿此线剪开）　{number}"
STATUS_FULL = "正式"
STATUS_PROBATIONARY = "预备"
BLANK = "　　　　"
WIDE_BLANK = "　　　　　　　　"


@dataclass(frozen=True)
class TransferLetter:
    """What the three parts print, already in the form's words (``正式``, ``男``, ``汉族``)."""

    letter_no: str
    name: str
    gender: str  # 男 / 女, "" if unknown
    age: int | None
    ethnic_group: str  # 汉族…
    status: str  # STATUS_FULL or STATUS_PROBATIONARY
    id_number: str
    origin: str  # 由: the member's branch
    destination: str  # 转到 / 去
    addressee: str  # the letter's 抬头
    paid_until: Month
    valid_days: int
    issued_on: date
    member_phone: str
    issuer: str  # the committee that seals it: the 回执 is addressed to it
    issuer_address: str
    issuer_phone: str
    issuer_postcode: str
    classification: str = ""  # printed at the top when not empty (秘密)


def letter_texts(letter: TransferLetter) -> Iterator[str]:
    """Every text of ``letter`` that prints (for the glyph check)."""
    yield from (letter.letter_no, letter.name, letter.gender, letter.ethnic_group, letter.status,
                letter.id_number, letter.origin, letter.destination, letter.addressee,
                letter.member_phone, letter.issuer, letter.issuer_address, letter.issuer_phone,
                letter.issuer_postcode, letter.classification)


def paid_month(month: Month) -> str:
    """党费已交到 ``贰零贰伍年捌月`` (大写)."""
    return PAID_MONTH.format(year=daxie_year(month.year), month=daxie(month.month))


def render_transfer_letter(letter: TransferLetter, target: Target) -> int:
    """Write the letter as a one-page PDF to ``target``; returns the page count. Raises
    ``MissingGlyphsError`` (nothing written) or ``FileAccessError`` like the other documents."""
    check_glyphs(letter_texts(letter))
    s = _styles()
    number = letter_number(letter.letter_no)
    paid = paid_month(letter.paid_until)
    days = daxie(letter.valid_days)
    fields = {
        "name": letter.name, "status": letter.status, "origin": letter.origin,
        "destination": letter.destination, "paid": paid, "days": days,
    }
    story: list[Flowable] = [
        # 存根
        Paragraph(markup(STUB_TITLE), s["title"]),
        Paragraph(markup(number), s["right"]),
        Paragraph(markup(STUB_BODY.format(**fields)), s["body"]),
        Paragraph(markup(chinese_date(letter.issued_on)), s["right"]),
        Paragraph(markup(PASTE_HERE), s["note"]),
        _CutLine(CUT.format(number=number)),
        # 介绍信
        Paragraph(markup(TITLE), s["title"]),
        Paragraph(markup(number), s["right"]),
        Paragraph(markup(f"{letter.addressee}："), s["plain"]),
        Paragraph(markup(LETTER_BODY.format(
            gender=letter.gender or BLANK, age=letter.age if letter.age is not None else BLANK,
            ethnic=letter.ethnic_group or BLANK + "族", id_number=letter.id_number, **fields,
        )), s["body"]),
        Paragraph(markup(PAID.format(paid=paid)), s["body"]),
        Paragraph(markup(VALIDITY.format(days=days)), s["body"]),
        Paragraph(markup(SEAL), s["right"]),
        Paragraph(markup(chinese_date(letter.issued_on)), s["right"]),
        Paragraph(markup(MEMBER_CONTACT.format(phone=letter.member_phone or WIDE_BLANK)),
                  s["small"]),
        Paragraph(markup(ISSUER_ADDRESS.format(address=letter.issuer_address or WIDE_BLANK)),
                  s["small"]),
        Paragraph(markup(ISSUER_PHONE.format(phone=letter.issuer_phone or WIDE_BLANK,
                                         postcode=letter.issuer_postcode or BLANK)), s["small"]),
        _CutLine(CUT.format(number=number)),
        # 回执
        Paragraph(markup(RECEIPT_TITLE), s["title"]),
        Paragraph(markup(number), s["right"]),
        Paragraph(markup(f"{letter.issuer}："), s["plain"]),
        Paragraph(markup(RECEIPT_BODY.format(name=letter.name)), s["body"]),
        Spacer(0, 4 * mm),
        Paragraph(markup(SEAL), s["right"]),
        Paragraph(markup(BLANK_DATE), s["right"]),
    ]
    marks = PageMarks(top_right=letter.classification)
    return build(story, target, title=f"{TITLE}{number}", marks=marks)


def _styles() -> dict[str, ParagraphStyle]:
    base = styles().body
    name = base.fontName

    def style(key: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(f"transfer_{key}", fontName=name, fontSize=size, leading=leading,
                              wordWrap="CJK", **kw)

    return {
        "title": style("title", 15, 21, alignment=TA_CENTER, spaceBefore=1 * mm),
        "right": style("right", 11.5, 18, alignment=TA_RIGHT),
        "plain": style("plain", 11.5, 19),
        "body": style("body", 11.5, 19, firstLineIndent=23),
        "small": style("small", 10.5, 16),
        "note": style("note", 9.5, 14, alignment=TA_CENTER, textColor="#555555"),
    }


class _CutLine(Flowable):
    """A dashed line across the page with the letter's number in its middle (骑缝)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.width = FRAME_WIDTH
        self.height = 12 * mm

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        middle = self.height / 2
        font = document_font().name
        canvas.saveState()
        canvas.setFont(font, 9)
        text_width = canvas.stringWidth(self.text, font, 9)
        gap_from = (self.width - text_width) / 2 - 2 * mm
        gap_to = (self.width + text_width) / 2 + 2 * mm
        canvas.setDash(3, 3)
        canvas.setLineWidth(0.6)
        canvas.line(0, middle, gap_from, middle)
        canvas.line(gap_to, middle, self.width, middle)
        canvas.drawCentredString(self.width / 2, middle - 3, self.text)
        canvas.restoreState()
