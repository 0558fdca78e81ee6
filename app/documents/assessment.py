"""党支部年度工作情况: the branch's annual self-assessment as a PDF — the year's indicators with
their figures, formulas and targets, and the sections the secretary wrote (基本情况, 主要工作和
成效, 存在的问题, 下一步打算).

The story is built from named parts (``PARTS``) so that a part can be added between them
without touching the others: ``story(report, extra={"charts": [...]})`` puts the given
flowables in the ``charts`` slot (after the figures). Takes plain values (``Report``):
``app.services.assessment_report`` maps the assessment onto them. Fixed wording is Chinese.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents import pdf

TITLE = "党支部年度工作情况"
SECTION_TITLES = {
    "situation": "基本情况",
    "achievements": "主要工作和成效",
    "problems": "存在的问题",
    "plans": "下一步打算",
}
FIGURES_TITLE = "考核指标完成情况"
NOTHING_WRITTEN = "（未填写）"
NO_FROZEN_CHARTS = ("本报告报送时未保存图表数据，故不附图表"
                    "（不按当前记录重绘，以免与报送时的数据不一致）。")
MET_WORDS = {True: "达标", False: "未达标", None: "无应计事项"}
PARTS = ("title", "situation", "figures", "charts", "achievements", "problems", "plans",
         "signature")
"""The order of the story; ``charts`` is empty unless given (``story``'s ``extra``)."""


@dataclass(frozen=True)
class Figure:
    """One indicator as printed."""

    name: str
    formula: str
    counted: str  # "46 / 48", or "3"
    value: str  # "95.8%", "3人", "—"
    target: str  # "≥ 90%", "≤ 0人"
    weight: str
    met: bool | None


@dataclass(frozen=True)
class Report:
    branch: str
    year: int
    as_of: date
    figures: Sequence[Figure]
    weighted_share: str  # "80.0%" or "—"
    sections: Mapping[str, str]  # SECTION_TITLES' keys
    submitted_on: date | None  # None: a draft

    def title(self) -> str:
        return f"{self.branch}{self.year}年度工作情况"


def texts(report: Report) -> Iterator[str]:
    yield from (report.title(), report.branch)
    for figure in report.figures:
        yield from (figure.name, figure.formula, figure.counted, figure.value, figure.target)
    yield from report.sections.values()


def _title(report: Report) -> list[Flowable]:
    style = pdf.styles()
    state = (f"{pdf.chinese_date(report.submitted_on)}报送" if report.submitted_on
             else "草稿")
    return [
        pdf.para(TITLE, style.title),
        pdf.para(f"{report.branch}　{report.year}年度　（统计截至{pdf.chinese_date(report.as_of)}，"
                 f"{state}）", style.subtitle),
    ]


def _section(number: int, key: str) -> Callable[[Report], list[Flowable]]:
    def part(report: Report) -> list[Flowable]:
        style = pdf.styles()
        found = [pdf.para(f"{pdf.chinese_numeral(number)}、{SECTION_TITLES[key]}", style.heading)]
        lines = pdf.paragraphs_of(report.sections.get(key, ""))
        found += [pdf.para(line, style.indented) for line in lines or [NOTHING_WRITTEN]]
        return found
    return part


def _figures(report: Report) -> list[Flowable]:
    style = pdf.styles()
    cell = style.note
    centered = ParagraphStyle("assessment_header", parent=cell, alignment=TA_CENTER)
    header = [Paragraph(t, centered) for t in
              ("序号", "指标", "计算方法", "计数", "完成值", "目标", "权重", "情况")]
    rows: list[list[Flowable | str]] = [list(header)]
    for number, figure in enumerate(report.figures, start=1):
        rows.append([
            Paragraph(str(number), centered), pdf.para(figure.name, cell),
            pdf.para(figure.formula, cell), pdf.para(figure.counted, centered),
            pdf.para(figure.value, centered), pdf.para(figure.target, centered),
            pdf.para(figure.weight, centered), pdf.para(MET_WORDS[figure.met], centered),
        ])
    widths = [11 * mm, 24 * mm, 0, 18 * mm, 16 * mm, 17 * mm, 11 * mm, 16 * mm]
    widths[2] = pdf.FRAME_WIDTH - sum(widths)
    table = pdf.ruled_table(rows, widths)
    return [
        pdf.para(f"二、{FIGURES_TITLE}", style.heading),
        table,
        Spacer(1, 2 * mm),
        pdf.para(f"达标指标权重占比（已达标指标的权重之和 ÷ 可计算指标的权重之和）："
                 f"{report.weighted_share}。各项数据均由本支部记录统计，不对党员个人评分或排名。",
                 style.note),
    ]


def no_frozen_charts() -> list[Flowable]:
    """The charts part of a report submitted before its charts were kept: one line saying so."""
    return [pdf.para(NO_FROZEN_CHARTS, pdf.styles().note)]


def _signature(report: Report) -> list[Flowable]:
    style = pdf.styles()
    return [Spacer(1, 10 * mm),
            pdf.para("党支部书记（签字）：　　　　　　　　　　年　　月　　日", style.body)]


_BUILDERS: dict[str, Callable[[Report], list[Flowable]]] = {
    "title": _title,
    "situation": _section(1, "situation"),
    "figures": _figures,
    "achievements": _section(3, "achievements"),
    "problems": _section(4, "problems"),
    "plans": _section(5, "plans"),
    "signature": _signature,
}


def story(
    report: Report, extra: Mapping[str, Sequence[Flowable]] | None = None
) -> list[Flowable]:
    """The flowables of the report, part by part (``PARTS``); ``extra`` adds flowables at the end
    of the named parts (``charts`` is empty otherwise)."""
    extra = extra or {}
    found: list[Flowable] = []
    for name in PARTS:
        builder = _BUILDERS.get(name)
        if builder is not None:
            found += builder(report)
        found += list(extra.get(name, ()))
    return found


def write_pdf(
    report: Report, target: pdf.Target, extra: Mapping[str, Sequence[Flowable]] | None = None
) -> int:
    """The report as a PDF; returns the page count. Raises MissingGlyphsError before writing."""
    pdf.check_glyphs(texts(report))
    marks = pdf.PageMarks(top_right="" if report.submitted_on else pdf.DRAFT_MARK)
    return pdf.build(story(report, extra), target, title=report.title(), marks=marks)
