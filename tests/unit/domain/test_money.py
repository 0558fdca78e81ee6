"""Money: Decimal yuan, integer fen, rounding as a setting, locale-free text."""

from __future__ import annotations

import locale
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.money import (
    DEFAULT_ROUNDING,
    Precision,
    RoundingMode,
    RoundingSetting,
    format_fen,
    format_yuan,
    from_fen,
    is_whole_fen,
    parse_yuan,
    round_money,
    to_fen,
    yuan,
)

D = Decimal


def test_floats_are_refused_everywhere() -> None:
    with pytest.raises(TypeError, match="float"):
        yuan(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        to_fen(0.1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        round_money(16.66665)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="float"):
        format_yuan(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        yuan(True)
    with pytest.raises(TypeError):
        from_fen(D(12))  # type: ignore[arg-type]


def test_yuan_accepts_int_str_decimal() -> None:
    assert yuan(12) == D("12")
    assert yuan("12.30") == D("12.30")
    assert yuan(D("0.005")) == D("0.005")  # not rounded
    with pytest.raises(ValueError, match="finite"):
        yuan(D("NaN"))


def test_fen_conversion() -> None:
    assert to_fen(D("12.34")) == 1234
    assert to_fen(D("12.3")) == 1230
    assert to_fen(D("-0.01")) == -1
    assert to_fen(D("0")) == 0
    assert from_fen(1234) == D("12.34")
    assert str(from_fen(5)) == "0.05"
    assert str(from_fen(-100)) == "-1.00"


def test_to_fen_refuses_sub_fen_amounts() -> None:
    assert not is_whole_fen(D("16.66665"))
    with pytest.raises(ValueError, match="whole number of fen"):
        to_fen(D("16.66665"))


@pytest.mark.parametrize(
    ("amount", "setting", "expected"),
    [
        # the default: to the fen, half up
        (D("16.66665"), DEFAULT_ROUNDING, D("16.67")),
        (D("0.005"), DEFAULT_ROUNDING, D("0.01")),
        (D("0.004999"), DEFAULT_ROUNDING, D("0.00")),
        (D("12"), DEFAULT_ROUNDING, D("12.00")),
        # half even (banker's)
        (D("0.005"), RoundingSetting(RoundingMode.HALF_EVEN), D("0.00")),
        (D("0.015"), RoundingSetting(RoundingMode.HALF_EVEN), D("0.02")),
        # down: never more than the exact amount
        (D("16.66665"), RoundingSetting(RoundingMode.DOWN), D("16.66")),
        (D("16.661"), RoundingSetting(RoundingMode.UP), D("16.67")),
        # coarser precisions still give two decimals
        (D("16.66665"), RoundingSetting(precision=Precision.JIAO), D("16.70")),
        (D("16.5"), RoundingSetting(precision=Precision.YUAN), D("17.00")),
        (D("16.5"), RoundingSetting(RoundingMode.HALF_EVEN, Precision.YUAN), D("16.00")),
    ],
)
def test_rounding_settings(amount: Decimal, setting: RoundingSetting, expected: Decimal) -> None:
    rounded = round_money(amount, setting)
    assert rounded == expected
    assert rounded.as_tuple().exponent == -2
    assert setting.apply(amount) == expected


def test_setting_codes_are_stable() -> None:
    assert RoundingSetting() == RoundingSetting(RoundingMode.HALF_UP, Precision.FEN)
    assert RoundingMode("half_up") is RoundingMode.HALF_UP
    assert Precision("fen") is Precision.FEN


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12", D("12")),
        ("12.5", D("12.5")),
        (" 1,234.50 ", D("1234.50")),
        ("¥12.30", D("12.30")),
        ("￥ 0.2", D("0.2")),
        ("12元", D("12")),
        ("-3.00", D("-3.00")),
        (".5", D("0.5")),
    ],
)
def test_parse_yuan(text: str, expected: Decimal) -> None:
    assert parse_yuan(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "1e3", "NaN", "1,23.00", "12,34", "1.2.3", "Infinity"])
def test_parse_yuan_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="not an amount"):
        parse_yuan(text)


def test_format_is_locale_free() -> None:
    assert format_yuan(D("1234.5")) == "1234.50"
    assert format_yuan(D("1234567.5"), grouping=True) == "1,234,567.50"
    assert format_yuan(D("-0.05")) == "-0.05"
    assert format_fen(0) == "0.00"
    assert format_fen(-123456, grouping=True) == "-1,234.56"
    with pytest.raises(ValueError, match="round it first"):
        format_yuan(D("0.005"))


def test_a_comma_decimal_locale_changes_nothing() -> None:
    previous = locale.setlocale(locale.LC_NUMERIC)
    try:
        locale.setlocale(locale.LC_NUMERIC, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no de_DE.UTF-8 locale on this machine")
    try:
        assert format_yuan(D("1234.5"), grouping=True) == "1,234.50"
        assert parse_yuan("1,234.50") == D("1234.50")
    finally:
        locale.setlocale(locale.LC_NUMERIC, previous)


fen_values = st.integers(min_value=-(10**12), max_value=10**12)


@given(fen_values)
def test_fen_round_trip(fen: int) -> None:
    assert to_fen(from_fen(fen)) == fen
    assert parse_yuan(format_fen(fen)) == from_fen(fen)
    assert parse_yuan(format_fen(fen, grouping=True)) == from_fen(fen)


@given(
    st.decimals(min_value=-(10**9), max_value=10**9, allow_nan=False, places=6),
    st.sampled_from(list(RoundingMode)),
)
def test_rounding_stays_within_one_fen(amount: Decimal, mode: RoundingMode) -> None:
    rounded = round_money(amount, RoundingSetting(mode))
    assert is_whole_fen(rounded)
    assert abs(rounded - amount) < D("0.01")
    if mode is RoundingMode.DOWN:
        assert abs(rounded) <= abs(amount)
