"""Figures a secretary would rather look at than read: the numbers behind the report centre's
charts, as plain values that the window (``ui.widgets.charts``, QPainter) and the printed reports
(``app.documents.charts``, reportlab) both draw, so the picture on the screen and on paper is made
from the very same numbers (``app.services.figures`` counts them from the records).

Two shapes cover the four charts of issue 18: a ``PieFigure`` (parts of a whole: the roll's
composition) and a ``BarFigure`` (one bar per category and series: dues due and paid per month,
meetings required and held per type, members by the share of their study target reached).

Labels are Chinese on purpose: the figures print in the documents, which are always Chinese
(DESIGN.md), like every other fixed wording of ``app.documents``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

Number = int | Decimal


@dataclass(frozen=True)
class Slice:
    label: str
    value: int


@dataclass(frozen=True)
class PieFigure:
    """Parts of a whole (drawn as a donut, the total in its hole)."""

    title: str
    slices: tuple[Slice, ...]
    unit: str = "人"

    @property
    def total(self) -> int:
        return sum(s.value for s in self.slices)

    def share(self, index: int) -> Decimal:
        """Slice ``index`` as a percentage of the total, to one decimal (0 when empty)."""
        if not self.total:
            return Decimal(0)
        return (Decimal(100) * self.slices[index].value / self.total).quantize(Decimal("0.1"))


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[Number, ...]


@dataclass(frozen=True)
class BarFigure:
    """Bars per category, one per series side by side (a grouped bar chart when two or more)."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = ""

    def __post_init__(self) -> None:
        for series in self.series:
            if len(series.values) != len(self.categories):
                raise ValueError("a series has one value per category")

    @property
    def largest(self) -> Number:
        return max((v for s in self.series for v in s.values), default=0)

    def total(self, series: int) -> Number:
        return sum(self.series[series].values, start=0)


Figure = PieFigure | BarFigure


def value_text(value: Number) -> str:
    """A value as the charts print it: counts plain, money with its fen as the ledger prints it
    (6701.70, 0.00)."""
    return str(value) if isinstance(value, int) else f"{value:f}"


#: The colours of the series and slices, in order (hex; the window and the PDFs use the same):
#: party red first, then colours whose grays stay apart when printed on a black-and-white
#: printer (luminance about 77, 187, 117, 212, 140, 51 of 255).
PALETTE = ("#B22222", "#9CC3E6", "#5E8C3A", "#F5D76E", "#9B7BC0", "#333333")
