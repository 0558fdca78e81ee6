"""The window's charts paint the figure: bars as tall as their values in the series' colours,
a donut whose slices are as wide as their shares."""

from __future__ import annotations

import math
from decimal import Decimal

from PySide6.QtGui import QColor, QImage
from pytestqt.qtbot import QtBot

from app.domain.figures import PALETTE, BarFigure, PieFigure, Series, Slice
from tests.ui.conftest import SCREENSHOTS
from ui.widgets.charts import ChartWidget


def pixel(image: QImage, x: float, y: float) -> str:
    return QColor(image.pixel(round(x), round(y))).name().upper()


def test_grouped_bars_are_as_tall_as_their_values(qtbot: QtBot) -> None:
    figure = BarFigure("党费应交与实交", ("1月", "2月", "3月"),
                       (Series("应交", (Decimal("100.00"), Decimal("100.00"), Decimal(0))),
                        Series("实交", (Decimal("50.00"), Decimal("100.00"), Decimal(0)))), "元")
    chart = ChartWidget(figure)
    qtbot.addWidget(chart)
    chart.resize(600, 360)
    chart.show()
    image = chart.grab().toImage()
    bars = chart.bar_rects()
    assert len(bars) == 6
    assert math.isclose(bars[1].height() * 2, bars[0].height(), rel_tol=0.01)
    assert math.isclose(bars[2].height(), bars[0].height(), rel_tol=0.01)
    assert bars[4].height() == 0
    assert bars[0].height() > 150  # the tallest fills the plot
    assert bars[0].left() < bars[1].left() < bars[2].left()  # side by side, then the next month
    for index, bar in enumerate(bars[:4]):
        assert pixel(image, bar.center().x(), bar.center().y()) == PALETTE[index % 2]
    # White around the bars, the values above them.
    assert pixel(image, bars[1].center().x(), bars[0].top() + 3) == "#FFFFFF"
    SCREENSHOTS.mkdir(exist_ok=True)
    image.save(str(SCREENSHOTS / "chart-bars.png"))


def test_a_donut_shows_each_share(qtbot: QtBot) -> None:
    figure = PieFigure("党员构成", (Slice("正式党员", 3), Slice("预备党员", 1)))
    chart = ChartWidget(figure)
    qtbot.addWidget(chart)
    chart.resize(600, 360)
    chart.show()
    image = chart.grab().toImage()
    # The ring's square sits at the left, under the title; its centre and radius from the size.
    colours: dict[str, int] = {}
    for y in range(40, 350, 4):
        for x in range(10, 340, 4):
            name = pixel(image, x, y)
            colours[name] = colours.get(name, 0) + 1
    first, second = colours.get(PALETTE[0], 0), colours.get(PALETTE[1], 0)
    assert first > 0
    assert second > 0
    assert 2.5 < first / second < 3.6  # three quarters against one (legend squares aside)
    assert figure.share(0) == Decimal("75.0")


def test_nothing_to_show_says_so(qtbot: QtBot) -> None:
    chart = ChartWidget(BarFigure("学时完成情况", ("未开始",), (Series("人数", (0,)),)))
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.show()
    assert chart.grab().toImage().width() == 400
    assert chart.bar_rects()[0].height() == 0
