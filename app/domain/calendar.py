"""Calendar months and quarters: the periods dues and meetings are counted in.

``Month(2024, 3)`` is March 2024. Months order, add and subtract whole months, and know their
quarter; ``Month.of(day)`` is the month containing a date. Nothing here reads the clock: "today"
is always a parameter of the caller.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import overload

_MONTH_TEXT = re.compile(r"^(\d{4})-(\d{2})$")


@dataclass(frozen=True, order=True, slots=True)
class Month:
    """A calendar month. Ordered by (year, month)."""

    year: int
    month: int

    def __post_init__(self) -> None:
        if isinstance(self.year, bool) or not isinstance(self.year, int):
            raise TypeError("year must be an int")
        if isinstance(self.month, bool) or not isinstance(self.month, int):
            raise TypeError("month must be an int")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year out of range: {self.year}")
        if not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")

    # ------------------------------------------------------------ construction
    @classmethod
    def of(cls, day: date) -> Month:
        """The month containing ``day``."""
        return cls(day.year, day.month)

    @classmethod
    def parse(cls, text: str) -> Month:
        """Parse ``YYYY-MM`` (the form ``str()`` gives and the database stores)."""
        match = _MONTH_TEXT.match(text)
        if match is None:
            raise ValueError(f"not a month (YYYY-MM): {text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def from_index(cls, index: int) -> Month:
        """Inverse of ``index``."""
        year, month0 = divmod(index, 12)
        return cls(year, month0 + 1)

    # ------------------------------------------------------------ arithmetic
    @property
    def index(self) -> int:
        """Months since year 0 (a dense integer key: consecutive months differ by 1)."""
        return self.year * 12 + self.month - 1

    def plus(self, months: int) -> Month:
        return Month.from_index(self.index + months)

    def __add__(self, months: int) -> Month:
        if isinstance(months, bool) or not isinstance(months, int):
            return NotImplemented
        return self.plus(months)

    @overload
    def __sub__(self, other: int) -> Month: ...

    @overload
    def __sub__(self, other: Month) -> int: ...

    def __sub__(self, other: int | Month) -> Month | int:
        """``month - n`` is n months earlier; ``month - other`` is the number of months between."""
        if isinstance(other, Month):
            return self.index - other.index
        if isinstance(other, bool) or not isinstance(other, int):
            return NotImplemented
        return self.plus(-other)

    def next(self) -> Month:
        return self.plus(1)

    def previous(self) -> Month:
        return self.plus(-1)

    # ------------------------------------------------------------ properties
    @property
    def quarter(self) -> int:
        """1 to 4."""
        return (self.month - 1) // 3 + 1

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def last_day(self) -> date:
        return date(self.year, self.month, _stdlib_calendar.monthrange(self.year, self.month)[1])

    def contains(self, day: date) -> bool:
        return day.year == self.year and day.month == self.month

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, order=True, slots=True)
class Quarter:
    """A calendar quarter (Q1 = January to March)."""

    year: int
    quarter: int

    def __post_init__(self) -> None:
        if not 1 <= self.quarter <= 4:
            raise ValueError(f"quarter out of range: {self.quarter}")
        Month(self.year, 1)  # validates the year

    @classmethod
    def of(cls, when: date | Month) -> Quarter:
        month = when if isinstance(when, Month) else Month.of(when)
        return cls(month.year, month.quarter)

    @property
    def first_month(self) -> Month:
        return Month(self.year, 3 * self.quarter - 2)

    @property
    def last_month(self) -> Month:
        return Month(self.year, 3 * self.quarter)

    @property
    def months(self) -> tuple[Month, Month, Month]:
        first = self.first_month
        return (first, first + 1, first + 2)

    def __str__(self) -> str:
        return f"{self.year:04d}-Q{self.quarter}"


def month_range(first: Month, last: Month) -> Iterator[Month]:
    """Every month from ``first`` to ``last``, both included (nothing if last < first)."""
    for index in range(first.index, last.index + 1):
        yield Month.from_index(index)


def months_of_year(year: int) -> tuple[Month, ...]:
    return tuple(Month(year, m) for m in range(1, 13))


def counted_to(year: int, today: date) -> date:
    """The day a year's figures are counted to: its last day, or today for the year still
    running (a report, a chart, the assessment of the year)."""
    return min(date(year, 12, 31), today)
