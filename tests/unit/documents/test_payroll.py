"""Payroll cells read as exact amounts; problems are codes, never guesses."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.documents.payroll import parse_base
from app.documents.roster import CellError


@pytest.mark.parametrize(("cell", "amount"), [
    (None, None),
    ("", None),
    (8700, Decimal("8700")),
    (8700.5, Decimal("8700.5")),
    (0.1, Decimal("0.1")),  # the double 0.1 is taken as the 0.1 Excel shows
    (3000.01, Decimal("3000.01")),
    ("8,700.50", Decimal("8700.50")),
    ("￥6000元", Decimal("6000")),
])
def test_amounts(cell, amount):
    assert parse_base(cell) == amount


@pytest.mark.parametrize(("cell", "code"), [
    ("七千", "not_an_amount"),
    (True, "not_an_amount"),
    (date(2025, 1, 1), "not_an_amount"),
    (-5, "negative"),
    (4833.3333, "not_whole_fen"),
    ("1e3", "not_an_amount"),
])
def test_problems(cell, code):
    with pytest.raises(CellError) as caught:
        parse_base(cell)
    assert caught.value.code == code
