"""The bases' plausibility check: warnings for what looks like a typing slip, never refusals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from app.domain.dues import PersonCategory as P
from app.domain.dues_bases import BaseCheckSettings, BaseWarning, base_warnings

D = Decimal


def test_a_wage_below_the_minimum_warns_for_members_in_work_only() -> None:
    assert base_warnings(P.IN_WORK, D("10.00"), None) == (BaseWarning.BELOW_MINIMUM,)
    assert base_warnings(P.IN_WORK, D("1500.00"), None) == ()
    assert base_warnings(P.RETIRED, D("800.00"), None) == ()  # small pensions are real
    assert base_warnings(P.STUDENT, D("0"), None) == ()  # a fixed amount: no base


def test_above_the_maximum_and_a_large_change_warn() -> None:
    assert base_warnings(P.RETIRED, D("68600.00"), None) == (BaseWarning.ABOVE_MAXIMUM,)
    assert base_warnings(P.IN_WORK, D("686.00"), D("6860.00")) == (
        BaseWarning.BELOW_MINIMUM, BaseWarning.LARGE_CHANGE)
    assert base_warnings(P.IN_WORK, D("9000.00"), D("6000.00")) == ()  # exactly +50 %
    assert base_warnings(P.IN_WORK, D("9000.01"), D("6000.00")) == (BaseWarning.LARGE_CHANGE,)
    assert base_warnings(P.IN_WORK, D("2999.99"), D("6000.00")) == (BaseWarning.LARGE_CHANGE,)


def test_the_thresholds_are_settings() -> None:
    local = BaseCheckSettings(wage_minimum=D("2690"), maximum=D("30000"), change_share=D("0.2"))
    assert base_warnings(P.IN_WORK, D("2500"), D("2400"), local) == (BaseWarning.BELOW_MINIMUM,)
    assert base_warnings(P.IN_WORK, D("31000"), D("30000"), local) == (
        BaseWarning.ABOVE_MAXIMUM,)
    assert base_warnings(P.IN_WORK, D("5000"), D("4000"), local) == (BaseWarning.LARGE_CHANGE,)
    with pytest.raises(ValueError, match="out of range"):
        BaseCheckSettings(wage_minimum=D("5000"), maximum=D("4000"))
