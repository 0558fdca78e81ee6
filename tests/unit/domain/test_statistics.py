"""The groupings and reasons of the annual statistics (党内统计), as DOMAIN.md states them."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import statistics as s

BANDS = s.bands_for(2026)


@pytest.mark.parametrize(("birth", "band"), [
    (date(1996, 12, 31), "30岁及以下"),  # 30 on 31 December 2026
    (date(1995, 12, 31), "31至35岁"),
    (date(1966, 1, 1), "56至60岁"),
    (date(1965, 12, 31), "61岁及以上"),
    (None, "未填"),
])
def test_age_bands_on_the_reference_date(birth, band):
    assert s.age_band(BANDS, birth, date(2026, 12, 31)) == band


@pytest.mark.parametrize(("admitted", "band"), [
    (date(1949, 9, 30), "新中国成立前"),
    (date(1949, 10, 1), "新中国成立后至党的十一届三中全会前"),
    (date(1978, 12, 18), "党的十一届三中全会后至党的十八大前"),
    (date(2012, 11, 8), "党的十八大以来"),
    (None, "未填"),
])
def test_joined_bands(admitted, band):
    assert s.joined_band(BANDS, admitted) == band


def test_bands_are_data_per_year():
    later = s.Bands(ages=(s.AgeBand("全部", 0, None),), joined=BANDS.joined,
                    education=BANDS.education)
    table = {2023: BANDS, 2030: later}
    assert s.bands_for(2029, table) is BANDS
    assert s.bands_for(2031, table) is later
    assert s.bands_for(2010, table) is BANDS  # before every set: the oldest


@pytest.mark.parametrize(("code", "band"), [
    ("11", "研究生"), ("21", "大学本科"), ("31", "大学专科"), ("41", "中专"),
    ("61", "高中、中技"), ("47", "高中、中技"), ("71", "初中及以下"), ("", "未填"),
])
def test_education_groups(code, band):
    assert s.education_band(BANDS, code) == band


def test_minorities_are_the_55_groups():
    assert not s.is_minority("01")
    assert s.is_minority("02")
    assert s.is_minority("56")
    assert not s.is_minority("97")
    assert not s.is_minority("")


@pytest.mark.parametrize(("status", "reason", "probationary", "cancelled", "kind"), [
    ("deceased", "", False, False, s.Reduction.DEATH),
    ("expelled", "", False, False, s.Reduction.EXPELLED),
    ("stopped", "", False, False, s.Reduction.STOPPED),
    ("transfer_pending", "", False, False, s.Reduction.TRANSFERRED_OUT),
    ("struck_off", "", False, False, s.Reduction.LAPSED_STRUCK),
    ("struck_off", "劝而不退", False, False, s.Reduction.PERSUADED_STRUCK),
    ("withdrawn", "", False, False, s.Reduction.WITHDRAWAL_STRUCK),
    ("withdrawn", "经劝退", False, False, s.Reduction.PERSUADED),
    ("withdrawn", "", True, True, s.Reduction.PROBATION_CANCELLED),
])
def test_reasons_of_reduction(status, reason, probationary, cancelled, kind):
    assert s.reduction_of(status, reason, probationary, cancelled) is kind
