"""The report centre's charts in PDFs: reportlab drawings (``reportlab.graphics``) of the figures
of ``app.domain.figures`` — the numbers the window draws with QPainter (``ui.widgets.charts``).

Every chart is a ``Drawing`` (a flowable: it goes into any report's story) with its title, its
labels and each bar's or slice's value as text in the document font, so a reader of the paper
copy gets the numbers, not only the shapes. ``write_year_charts`` makes the 年度图表 report: the
four charts of a year on A4 pages.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String, Wedge
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from app.documents import pdf
from app.domain.figures import PALETTE, BarFigure, Figure, PieFigure, value_text

WIDTH = pdf.FRAME_WIDTH
HEIGHT = 80 * mm
YEAR_TITLE = "{branch}{year}年度图表"
YEAR_NOTE = "数据截至{as_of}，由支部工作台根据记录统计生成；制表日期：{day}。"
NO_DATA = "（无数据）"


def figure_texts(figure: Figure) -> list[str]:
    """Every text a chart of ``figure`` prints (for the glyph check)."""
    if isinstance(figure, PieFigure):
        return [figure.title, figure.unit, *(s.label for s in figure.slices)]
    return [figure.title, figure.unit, *figure.categories, *(s.name for s in figure.series)]


def drawing(figure: Figure, width: float = WIDTH, height: float = HEIGHT) -> Drawing:
    """``figure`` as a reportlab drawing of ``width`` x ``height`` points."""
    chart = Drawing(width, height)
    chart.hAlign = "CENTER"  # also on a landscape page (a wide workbook's)
    font = pdf.document_font().name
    chart.add(String(width / 2, height - 14, figure.title, fontName=font, fontSize=12,
                     textAnchor="middle"))
    if isinstance(figure, PieFigure):
        _pie(chart, figure, font, width, height - 24)
    else:
        _bars(chart, figure, font, width, height - 24)
    return chart


def _pie(chart: Drawing, figure: PieFigure, font: str, width: float, height: float) -> None:
    radius = min(height - 10, width / 2) / 2
    cx, cy = radius + 20, height / 2 + 2
    total = figure.total
    if not total:
        chart.add(String(cx, cy, NO_DATA, fontName=font, fontSize=10, textAnchor="middle"))
        return
    start = 90.0
    for index, part in enumerate(figure.slices):
        sweep = 360.0 * part.value / total
        if sweep >= 360.0:
            sweep = 359.99  # a full circle as one wedge draws nothing in some viewers
        chart.add(Wedge(cx, cy, radius, start - sweep, start, radius1=radius * 0.55,
                        fillColor=_colour(index), strokeColor=colors.white, strokeWidth=1))
        start -= sweep
    chart.add(String(cx, cy - 4, f"{total}{figure.unit}", fontName=font, fontSize=12,
                     textAnchor="middle"))
    x, y = cx + radius + 30, height / 2 + len(figure.slices) * 8
    for index, part in enumerate(figure.slices):
        chart.add(Rect(x, y - 2, 9, 9, fillColor=_colour(index), strokeColor=None))
        chart.add(String(x + 14, y, f"{part.label}  {part.value}{figure.unit}"
                                    f"（{figure.share(index)}%）", fontName=font, fontSize=10))
        y -= 16


def _bars(chart: Drawing, figure: BarFigure, font: str, width: float, height: float) -> None:
    left, right, bottom, top = 34.0, 8.0, 30.0, height - 16
    plot_width = width - left - right
    chart.add(Line(left, bottom, left + plot_width, bottom, strokeColor=colors.black,
                   strokeWidth=0.8))
    # The legend, on one line under the title.
    x = left
    for index, series in enumerate(figure.series):
        chart.add(Rect(x, top + 2, 8, 8, fillColor=_colour(index), strokeColor=None))
        label = f"{series.name}（{figure.unit}）" if figure.unit else series.name
        chart.add(String(x + 12, top + 3, label, fontName=font, fontSize=9))
        x += 24 + 9 * len(label)
    largest = float(figure.largest)
    if largest <= 0:
        chart.add(String(left + plot_width / 2, bottom + (top - bottom) / 2, NO_DATA,
                         fontName=font, fontSize=10, textAnchor="middle"))
        largest = 1.0
    crowded = len(figure.categories) * len(figure.series) > 12  # values stand upright on bars
    scale = (top - bottom - (34 if crowded else 12)) / largest
    slot = plot_width / max(1, len(figure.categories))
    count = max(1, len(figure.series))
    bar = min(28.0, slot * 0.8 / count)
    for column, category in enumerate(figure.categories):
        start = left + column * slot + (slot - bar * count) / 2
        for index, series in enumerate(figure.series):
            value = series.values[column]
            bar_height = float(value) * scale
            x0 = start + index * bar
            chart.add(Rect(x0, bottom, bar, bar_height, fillColor=_colour(index),
                           strokeColor=None))
            text = value_text(value)
            if crowded:
                label = Group(String(0, 0, text, fontName=font, fontSize=7))
                label.transform = (0, 1, -1, 0, x0 + bar / 2 + 2.5, bottom + bar_height + 2)
                chart.add(label)
            else:
                chart.add(String(x0 + bar / 2, bottom + bar_height + 2, text, fontName=font,
                                 fontSize=8, textAnchor="middle"))
        chart.add(String(left + column * slot + slot / 2, bottom - 12, category, fontName=font,
                         fontSize=8 if len(category) > 4 else 9, textAnchor="middle"))


def _colour(index: int) -> Any:
    return colors.HexColor(PALETTE[index % len(PALETTE)])


def flowables(figures: Sequence[Figure]) -> list[Flowable]:
    """The charts of ``figures`` for a report's story, each with a little space after it."""
    pdf.check_glyphs(text for figure in figures for text in figure_texts(figure))
    story: list[Flowable] = []
    for figure in figures:
        story += [drawing(figure), Spacer(0, 6 * mm)]
    return story


def write_year_charts(
    target: pdf.Target, branch: str, year: int, as_of: str, made_on: str,
    figures: Sequence[Figure], marking: str = "",
) -> int:
    """The 年度图表 report: the year's charts on A4 pages; returns the page count."""
    style = pdf.styles()
    title = YEAR_TITLE.format(branch=branch, year=year)
    pdf.check_glyphs([title, branch])
    story: list[Flowable] = [
        Paragraph(pdf.markup(title), style.title),
        Paragraph(pdf.markup(YEAR_NOTE.format(as_of=as_of, day=made_on)), style.note),
        Spacer(0, 4 * mm),
        *flowables(figures),
    ]
    return pdf.build(story, target, title=title, marks=pdf.PageMarks(top_left=marking))
