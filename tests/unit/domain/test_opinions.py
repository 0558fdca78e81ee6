"""Time limits of the 意见建议 register (DOMAIN.md: no national deadline, a setting)."""

from __future__ import annotations

from datetime import date

from app.domain.opinions import (
    DEFAULT_TIME_LIMIT_DAYS,
    Category,
    Status,
    due_on,
    is_overdue,
    time_limits,
)


def test_the_branch_limits_override_the_default_and_bad_values_are_ignored():
    limits = time_limits({"conduct": 7, "business": 0, "nonsense": 3, "other": "x"})
    assert limits[Category.CONDUCT] == 7
    assert limits[Category.BUSINESS] == DEFAULT_TIME_LIMIT_DAYS
    assert limits[Category.OTHER] == DEFAULT_TIME_LIMIT_DAYS


def test_only_open_entries_past_their_limit_are_overdue():
    limits = time_limits({"conduct": 7})
    received = date(2026, 11, 1)
    assert due_on(received, Category.CONDUCT, limits) == date(2026, 11, 8)
    assert not is_overdue(received, Category.CONDUCT, Status.PENDING, limits, date(2026, 11, 8))
    assert is_overdue(received, Category.CONDUCT, Status.FORWARDED, limits, date(2026, 11, 9))
    for done in (Status.ANSWERED, Status.IMPLEMENTED, Status.DECLINED):
        assert not is_overdue(received, Category.CONDUCT, done, limits, date(2027, 1, 1))
