"""Months and quarters: ordering, arithmetic, the month of a date."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import Month, Quarter, month_range, months_of_year

months = st.builds(Month, st.integers(1900, 2200), st.integers(1, 12))


def test_ordering_is_by_year_then_month() -> None:
    assert Month(2023, 12) < Month(2024, 1) < Month(2024, 2)
    assert sorted([Month(2024, 3), Month(2023, 11), Month(2024, 1)]) == [
        Month(2023, 11),
        Month(2024, 1),
        Month(2024, 3),
    ]


def test_arithmetic_crosses_years() -> None:
    assert Month(2024, 11) + 3 == Month(2025, 2)
    assert Month(2024, 2) - 3 == Month(2023, 11)
    assert Month(2025, 2) - Month(2024, 11) == 3
    assert Month(2024, 1).previous() == Month(2023, 12)
    assert Month(2024, 12).next() == Month(2025, 1)


def test_of_date_quarter_and_bounds() -> None:
    assert Month.of(date(2024, 2, 29)) == Month(2024, 2)
    assert Month(2024, 2).last_day == date(2024, 2, 29)
    assert Month(2023, 2).last_day == date(2023, 2, 28)
    assert Month(2024, 2).first_day == date(2024, 2, 1)
    assert [Month(2024, m).quarter for m in (1, 3, 4, 6, 7, 9, 10, 12)] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert Month(2024, 5).contains(date(2024, 5, 31))
    assert not Month(2024, 5).contains(date(2023, 5, 1))


def test_text_round_trip_and_validation() -> None:
    assert str(Month(2024, 3)) == "2024-03"
    assert Month.parse("2024-03") == Month(2024, 3)
    for bad in ("2024-3", "2024-13", "24-03", "2024/03"):
        with pytest.raises(ValueError, match="month"):
            Month.parse(bad)
    with pytest.raises(ValueError, match="month out of range"):
        Month(2024, 0)
    with pytest.raises(TypeError):
        Month(2024, True)


def test_quarters() -> None:
    q2 = Quarter.of(date(2024, 5, 20))
    assert q2 == Quarter(2024, 2)
    assert q2.months == (Month(2024, 4), Month(2024, 5), Month(2024, 6))
    assert str(q2) == "2024-Q2"
    with pytest.raises(ValueError, match="quarter"):
        Quarter(2024, 5)


def test_ranges() -> None:
    assert list(month_range(Month(2023, 11), Month(2024, 2))) == [
        Month(2023, 11),
        Month(2023, 12),
        Month(2024, 1),
        Month(2024, 2),
    ]
    assert list(month_range(Month(2024, 2), Month(2024, 1))) == []
    assert len(months_of_year(2024)) == 12


@given(months, st.integers(-500, 500))
def test_add_then_subtract_is_identity(month: Month, n: int) -> None:
    assert (month + n) - n == month
    assert (month + n) - month == n
    assert (month + n > month) == (n > 0)


@given(months)
def test_text_and_index_round_trip(month: Month) -> None:
    assert Month.parse(str(month)) == month
    assert Month.from_index(month.index) == month
    assert Quarter.of(month).first_month <= month <= Quarter.of(month).last_month
