"""The transfer rules (组通字〔2006〕45号; 教育管理工作条例 第二十四条), as pure functions."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.transfers import (
    DuesFinding,
    DuesStartRule,
    TransferSettings,
    age_on,
    daxie,
    daxie_year,
    dues_start,
    dues_window,
    expires_on,
    letter_overdue,
    may_transfer,
    transfer_advised,
)


@pytest.mark.parametrize(("n", "text"), [
    (0, "零"), (7, "柒"), (10, "壹拾"), (15, "壹拾伍"), (30, "叁拾"), (90, "玖拾"),
    (105, "壹佰零伍"), (1001, "壹仟零壹"), (1010, "壹仟零壹拾"), (2025, "贰仟零贰拾伍"),
])
def test_counts_in_daxie_numerals_as_the_letter_writes_them(n, text):
    assert daxie(n) == text


def test_years_in_daxie_digit_by_digit():
    assert daxie_year(2025) == "贰零贰伍"
    with pytest.raises(ValueError, match="out of range"):
        daxie(10000)


def test_validity_counts_the_day_of_issue():
    assert expires_on(date(2025, 8, 20), 30) == date(2025, 9, 18)
    assert not letter_overdue(date(2025, 8, 20), 30, None, date(2025, 9, 18))
    assert letter_overdue(date(2025, 8, 20), 30, None, date(2025, 9, 19))
    assert not letter_overdue(date(2025, 8, 20), 30, date(2025, 9, 1), date(2026, 1, 1))


def test_validity_is_a_setting_of_at_most_three_months():
    assert TransferSettings().valid_days == 30
    assert TransferSettings(valid_days=90).valid_days == 90
    with pytest.raises(ValueError, match="validity"):
        TransferSettings(valid_days=91)
    with pytest.raises(ValueError, match="validity"):
        TransferSettings(valid_days=0)


def test_dues_after_a_transfer_start_the_month_after_the_paid_up_month():
    assert dues_start(Month(2025, 5), date(2025, 6, 10)).owes_from == Month(2025, 6)
    assert dues_start(Month(2025, 5), date(2025, 6, 10)).findings == ()
    ahead = dues_start(Month(2025, 8), date(2025, 6, 10))
    assert (ahead.owes_from, ahead.findings) == (Month(2025, 9), ())
    back = dues_start(Month(2025, 2), date(2025, 6, 10))
    assert back.owes_from == Month(2025, 3)
    assert dict(back.findings) == {DuesFinding.BACK_DUES: (Month(2025, 3), Month(2025, 4),
                                                           Month(2025, 5))}
    missing = dues_start(None, date(2025, 6, 10))
    assert (missing.owes_from, missing.codes()) == (Month(2025, 6), {DuesFinding.PAID_UP_MISSING})


def test_charging_from_the_arrival_month_warns_on_gaps_and_overlaps():
    rule = DuesStartRule.TRANSFER_MONTH
    assert dues_start(Month(2025, 5), date(2025, 6, 10), rule).findings == ()
    gap = dues_start(Month(2025, 3), date(2025, 6, 10), rule)
    assert dict(gap.findings) == {DuesFinding.GAP: (Month(2025, 4), Month(2025, 5))}
    overlap = dues_start(Month(2025, 6), date(2025, 6, 10), rule)
    assert dict(overlap.findings) == {DuesFinding.OVERLAP: (Month(2025, 6),)}


def test_the_dues_window_joins_admission_transfer_in_and_letter_out():
    # 第八条: a member admitted after the transfer month owes from admission
    assert dues_window(Month(2025, 9), date(2025, 6, 10), Month(2025, 5), None, None) == (
        Month(2025, 9), None)
    assert dues_window(Month(2010, 7), date(2025, 6, 10), Month(2025, 5), None, None) == (
        Month(2025, 6), None)
    # the sending branch charges up to the letter's paid-up month, not to the month of leaving
    assert dues_window(None, None, None, Month(2025, 8), Month(2025, 6)) == (None, Month(2025, 6))


def test_only_members_transfer_and_six_months_away_advises_a_transfer():
    assert may_transfer(Stage.FULL)
    assert may_transfer(Stage.PROBATIONARY)
    assert not may_transfer(Stage.ACTIVIST)
    assert not transfer_advised(date(2025, 3, 2), date(2025, 9, 1))
    assert transfer_advised(date(2025, 3, 1), date(2025, 9, 1))
    assert not transfer_advised(None, date(2025, 9, 1))
    assert age_on(date(1990, 9, 2), date(2025, 9, 1)) == 34
    assert age_on(date(1990, 9, 1), date(2025, 9, 1)) == 35
