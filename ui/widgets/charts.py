"""Charts in the window, drawn with QPainter (PySide6-Essentials has no QtCharts): a donut for a
``PieFigure`` and bars — grouped when there are several series — for a ``BarFigure``
(``app.domain.figures``). The PDFs draw the very same figure objects with reportlab
(``app.documents.charts``), so the screen and the paper show the same numbers and colours.

Every bar and slice carries its value as text (a secretary reads the number, the shape only
guides the eye); the labels are the figure's own (Chinese, like the printed reports).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.figures import PALETTE, BarFigure, Figure, Number, PieFigure, value_text

NO_DATA = "（无数据）"


def colour(index: int) -> QColor:
    return QColor(PALETTE[index % len(PALETTE)])


class ChartWidget(QWidget):
    """One figure, drawn to the widget's size (set or replace it with ``set_figure``)."""

    def __init__(self, figure: Figure | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 220)
        self.setAutoFillBackground(False)

    def sizeHint(self) -> QSize:
        return QSize(520, 300)

    def set_figure(self, figure: Figure | None) -> None:
        self.figure = figure
        self.update()

    def bar_rects(self) -> list[QRectF]:
        """Where the bars are drawn, series by series within each category (tests look)."""
        figure = self.figure
        if not isinstance(figure, BarFigure):
            return []
        return [rect for rect, _value, _index in self._bars(figure, self._plot(figure))]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QColor("white"))
            if self.figure is None:
                return
            title = QFont(self.font())
            title.setBold(True)
            painter.setFont(title)
            painter.setPen(QColor("black"))
            metrics = QFontMetricsF(title)
            painter.drawText(QRectF(0, 4, self.width(), metrics.height() + 4),
                             Qt.AlignmentFlag.AlignHCenter, self.figure.title)
            painter.setFont(self.font())
            if isinstance(self.figure, PieFigure):
                self._paint_pie(painter, self.figure, metrics.height() + 12)
            else:
                self._paint_bars(painter, self.figure)
        finally:
            painter.end()

    # ---------------------------------------------------------------- donut
    def _paint_pie(self, painter: QPainter, figure: PieFigure, top: float) -> None:
        metrics = QFontMetricsF(self.font())
        area = QRectF(8, top, self.width() - 16, self.height() - top - 8)
        legend_width = max((metrics.horizontalAdvance(self._slice_text(figure, i))
                            for i in range(len(figure.slices))), default=0) + 24
        side = max(40.0, min(area.height(), area.width() - legend_width - 16))
        ring = QRectF(area.left(), area.top() + (area.height() - side) / 2, side, side)
        if not figure.total:
            painter.drawText(ring, Qt.AlignmentFlag.AlignCenter, NO_DATA)
            return
        start = 90.0 * 16
        painter.setPen(QPen(QColor("white"), 1.5))
        for index, part in enumerate(figure.slices):
            span = -360.0 * 16 * part.value / figure.total
            painter.setBrush(colour(index))
            painter.drawPie(ring, round(start), round(span))
            start += span
        hole = ring.adjusted(side * 0.225, side * 0.225, -side * 0.225, -side * 0.225)
        painter.setBrush(QColor("white"))
        painter.drawEllipse(hole)
        painter.setPen(QColor("black"))
        painter.drawText(hole, Qt.AlignmentFlag.AlignCenter, f"{figure.total}{figure.unit}")
        y = area.top() + (area.height() - len(figure.slices) * metrics.height() * 1.4) / 2
        x = ring.right() + 16
        for index in range(len(figure.slices)):
            painter.fillRect(QRectF(x, y + 3, 12, 12), colour(index))
            painter.drawText(QPointF(x + 18, y + metrics.ascent()),
                             self._slice_text(figure, index))
            y += metrics.height() * 1.4

    @staticmethod
    def _slice_text(figure: PieFigure, index: int) -> str:
        part = figure.slices[index]
        return f"{part.label}  {part.value}{figure.unit}（{figure.share(index)}%）"

    # ---------------------------------------------------------------- bars
    def _plot(self, figure: BarFigure) -> QRectF:
        line = QFontMetricsF(self.font()).height()
        top = line * 2 + 16 + line * 1.2  # title, legend, room for the tallest bar's value
        axis = self._axis_font(figure)
        bottom = QFontMetricsF(axis).height() * self._axis_lines(figure, axis) + 4
        if self._crowded(figure):  # the values stand upright above their bars
            small = QFontMetricsF(self._small_font(figure))
            top += max((small.horizontalAdvance(value_text(v)) for s in figure.series
                        for v in s.values), default=0) + 8 - line
        return QRectF(12, top, self.width() - 24, self.height() - top - bottom - 6)

    def _slot(self, figure: BarFigure) -> float:
        return (self.width() - 24) / max(1, len(figure.categories))

    def _axis_font(self, figure: BarFigure) -> QFont:
        """The categories' font: smaller when a short name (``10月``) would not fit its slot."""
        font = QFont(self.font())
        room = self._slot(figure) - 2
        metrics = QFontMetricsF(font)
        short = max((metrics.horizontalAdvance(c) for c in figure.categories if len(c) <= 3),
                    default=0)
        if short > room > 0:
            font.setPointSizeF(max(6.0, font.pointSizeF() * room / short))
        return font

    def _axis_lines(self, figure: BarFigure, font: QFont) -> int:
        """The lines the longest category name takes under its bars (at most three)."""
        metrics = QFontMetricsF(font)
        room = max(1.0, self._slot(figure) - 2)
        widest = max((metrics.horizontalAdvance(c) for c in figure.categories), default=0)
        return max(1, min(3, math.ceil(widest / room)))

    def _small_font(self, figure: BarFigure) -> QFont:
        """The values' font on crowded bars: no taller than a bar is wide, so they stay apart."""
        small = QFont(self.font())
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        bar = min(40.0, self._slot(figure) * 0.8 / max(1, len(figure.series)))
        height = QFontMetricsF(small).height()
        if height > bar:
            small.setPointSizeF(max(5.0, small.pointSizeF() * bar / height))
        return small

    @staticmethod
    def _crowded(figure: BarFigure) -> bool:
        return len(figure.categories) * len(figure.series) > 12

    def _bars(self, figure: BarFigure, plot: QRectF) -> list[tuple[QRectF, Number, int]]:
        largest = float(figure.largest) or 1.0
        slot = plot.width() / max(1, len(figure.categories))
        count = max(1, len(figure.series))
        width = min(40.0, slot * 0.8 / count)
        bars = []
        for column in range(len(figure.categories)):
            start = plot.left() + column * slot + (slot - width * count) / 2
            for index, series in enumerate(figure.series):
                value = series.values[column]
                height = plot.height() * float(value) / largest
                bars.append((QRectF(start + index * width, plot.bottom() - height, width, height),
                             value, index))
        return bars

    def _paint_bars(self, painter: QPainter, figure: BarFigure) -> None:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        x = 12.0
        legend_y = line + 14
        for index, series in enumerate(figure.series):
            label = f"{series.name}（{figure.unit}）" if figure.unit else series.name
            painter.fillRect(QRectF(x, legend_y + 3, 12, 12), colour(index))
            painter.drawText(QPointF(x + 18, legend_y + metrics.ascent()), label)
            x += 36 + metrics.horizontalAdvance(label)
        plot = self._plot(figure)
        painter.setPen(QPen(QColor("black"), 1))
        painter.drawLine(plot.bottomLeft(), plot.bottomRight())
        if not float(figure.largest):
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, NO_DATA)
        crowded = self._crowded(figure)
        small = self._small_font(figure) if crowded else QFont(self.font())
        for rect, value, index in self._bars(figure, plot):
            painter.fillRect(rect, colour(index))
            text = value_text(value)
            painter.setFont(small)
            if crowded:
                painter.save()
                painter.translate(rect.center().x() + QFontMetricsF(small).ascent() / 2 - 1,
                                  rect.top() - 3)
                painter.rotate(-90)
                painter.drawText(QPointF(0, 0), text)
                painter.restore()
            else:
                painter.drawText(QRectF(rect.left() - 30, rect.top() - line - 2,
                                        rect.width() + 60, line),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                                 text)
            painter.setFont(self.font())
        slot = plot.width() / max(1, len(figure.categories))
        axis = self._axis_font(figure)
        painter.setFont(axis)
        lines = QFontMetricsF(axis).height() * self._axis_lines(figure, axis)
        for column, category in enumerate(figure.categories):
            cell = QRectF(plot.left() + column * slot, plot.bottom() + 3, slot, lines + 2)
            painter.drawText(cell, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, category)
