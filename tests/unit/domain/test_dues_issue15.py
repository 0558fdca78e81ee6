"""Party dues, issue 15: dated categories, quarterly payers (第十二条), the local amounts of 第六条
and the rounding setting, and how exempt and 0.00 months count for 第十三条."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain import dues_fen
from app.domain.calendar import Month, month_range
from app.domain.dues import (
    ArrearsLevel,
    BaseChange,
    CategoryChange,
    DueGenerated,
    DuesProfile,
    DuesRule,
    DuesSettings,
    HardshipRelief,
    LedgerEvent,
    Payment,
    PersonCategory,
    QuarterlyConsent,
    ReliefKind,
    arrears,
    category_for_month,
    due_for_month,
    fold,
    overlapping_consents,
    quarterly_months,
)
from app.domain.money import Precision, RoundingMode, RoundingSetting

D = Decimal
P = PersonCategory
YEAR = list(month_range(Month(2025, 1), Month(2025, 12)))


# ---------------------------------------------------------------- dated categories


def retiring_in_july() -> DuesProfile:
    return DuesProfile(
        "m", P.RETIRED,  # the record says 离退休 today
        bases=(BaseChange(Month(2025, 1), D("6000")),),
        categories=(CategoryChange(Month(2025, 7), P.RETIRED, P.IN_WORK),),
    )


def test_a_july_retirement_owes_the_in_work_rate_through_june() -> None:
    """Issue 15: 第二条 (在职, > 5000 to ≤ 10000: 1.5%) through June, 第五条 (离退休, > 5000: 1%)
    from July, whenever June is generated: 90.00 then 60.00 on 6,000."""
    profile = retiring_in_july()
    june = due_for_month(profile, Month(2025, 6))
    july = due_for_month(profile, Month(2025, 7))
    assert june is not None
    assert july is not None
    assert (june.amount, june.rule, june.category) == (D("90.00"), DuesRule.IN_WORK_RATE, P.IN_WORK)
    assert (july.amount, july.rule, july.category) == (D("60.00"), DuesRule.RETIRED_RATE, P.RETIRED)


def test_each_month_uses_the_category_and_base_in_force_in_it() -> None:
    """第十条 (the base from the month first paid) with the dated category: a student who starts
    work in September pays 0.20 (第六条) through August and 0.5% of the wage from September."""
    profile = DuesProfile(
        "s", P.IN_WORK,
        bases=(BaseChange(Month(2025, 9), D("2800")),),
        categories=(CategoryChange(Month(2025, 9), P.IN_WORK, P.STUDENT),),
    )
    amounts = [due_for_month(profile, m) for m in (Month(2025, 8), Month(2025, 9))]
    assert [a.amount for a in amounts if a] == [D("0.20"), D("14.00")]


def test_before_the_first_change_the_previous_category_stands() -> None:
    changes = (
        CategoryChange(Month(2025, 7), P.RETIRED, P.IN_WORK),
        CategoryChange(Month(2026, 3), P.OTHER, P.RETIRED),
    )
    assert category_for_month(changes, Month(2024, 1), P.OTHER) is P.IN_WORK
    assert category_for_month(changes, Month(2025, 12), P.OTHER) is P.RETIRED
    assert category_for_month(changes, Month(2026, 3), P.OTHER) is P.OTHER
    assert category_for_month((), Month(2025, 1), P.FARMER) is P.FARMER
    with pytest.raises(ValueError, match="same month"):
        DuesProfile("m", P.RETIRED, categories=(
            CategoryChange(Month(2025, 7), P.RETIRED, P.IN_WORK),
            CategoryChange(Month(2025, 7), P.OTHER, P.IN_WORK),
        ))


# ---------------------------------------------------------------- settings (第六条, rounding)


def test_the_fixed_amounts_of_article_6_are_local_settings_with_the_national_default() -> None:
    """第六条: farmers 0.20-1.00 (local), students / 下岗失业 / relief 0.20 nationally."""
    month = Month(2025, 3)
    local = DuesSettings(farmer_amount=D("0.50"), student_amount=D("0.30"),
                         unemployed_amount=D("0.40"), relief_amount=D("0.10"))
    expected = {P.FARMER: "0.50", P.STUDENT: "0.30", P.UNEMPLOYED: "0.40", P.RELIEF: "0.10",
                P.SUBSISTENCE: "0.10"}
    for category, amount in expected.items():
        found = due_for_month(DuesProfile("m", category), month, local)
        national = due_for_month(DuesProfile("m", category), month)
        assert found is not None
        assert found.amount == D(amount), category
        assert national is not None
        assert national.amount == D("0.20"), category
    for bad in ("0", "1.01", "0.255"):
        with pytest.raises(ValueError, match="fixed amount"):
            DuesSettings(student_amount=D(bad))


def test_the_rounding_setting_is_applied_to_the_monthly_amount() -> None:
    """The regulation sets no rounding: a setting (to the fen, half up by default)."""
    profile = DuesProfile("m", P.IN_WORK, bases=(BaseChange(Month(2025, 1), D("2999")),))
    yuan = DuesSettings(rounding=RoundingSetting(RoundingMode.HALF_UP, Precision.YUAN))
    national = due_for_month(profile, Month(2025, 1))
    rounded = due_for_month(profile, Month(2025, 1), yuan)
    assert national is not None
    assert national.amount == D("15.00")
    assert rounded is not None
    assert rounded.amount == D("15.00")
    down = DuesSettings(rounding=RoundingSetting(RoundingMode.DOWN, Precision.JIAO))
    found = due_for_month(profile, Month(2025, 1), down)
    assert found is not None
    assert found.amount == D("14.90")


# ---------------------------------------------------------------- quarterly payers (第十二条)


def test_a_quarterly_payer_is_counted_by_the_quarter() -> None:
    """第十二条: with the branch's consent a member pays by the quarter; 第十三条's count then
    goes by quarters: nothing is in arrears before the quarter is over, and one unpaid quarter is
    three unpaid months."""
    monthly = arrears(YEAR, [], date(2025, 3, 10))
    quarterly = arrears(YEAR, [], date(2025, 3, 10), quarterly=YEAR)
    assert monthly.unpaid == (Month(2025, 1), Month(2025, 2))
    assert quarterly.unpaid == ()
    after_q1 = arrears(YEAR, [], date(2025, 4, 1), quarterly=YEAR)
    assert after_q1.consecutive_months == 3
    assert after_q1.level is ArrearsLevel.WARNING
    assert after_q1.by_quarter
    # Two quarters unpaid: six months, 第十三条.
    assert arrears(YEAR, [], date(2025, 7, 1), quarterly=YEAR).level is ArrearsLevel.LAPSED
    # Something paid for the quarter (January) is a payment for the quarter.
    paid_january = arrears(YEAR, [Month(2025, 1)], date(2025, 7, 1), quarterly=YEAR)
    assert paid_january.unpaid == (Month(2025, 4), Month(2025, 5), Month(2025, 6))


def test_quarterly_consent_runs_whole_quarters_and_does_not_overlap() -> None:
    with pytest.raises(ValueError, match="starts with a quarter"):
        QuarterlyConsent(date(2025, 1, 5), Month(2025, 2))
    with pytest.raises(ValueError, match="ends with a quarter"):
        QuarterlyConsent(date(2025, 1, 5), Month(2025, 1), Month(2025, 4))
    first = QuarterlyConsent(date(2025, 1, 5), Month(2025, 1), Month(2025, 6))
    later = QuarterlyConsent(date(2025, 9, 1), Month(2025, 10))
    assert not overlapping_consents([later, first])
    assert overlapping_consents([first, QuarterlyConsent(date(2025, 3, 1), Month(2025, 4))])
    months = quarterly_months([first, later], [m.index for m in YEAR])
    assert sorted(Month.from_index(m).month for m in months) == [1, 2, 3, 4, 5, 6, 10, 11, 12]


# ---------------------------------------------------------------- exempt and 0.00 months (第十三条)


def test_an_exempt_month_ends_a_run_and_a_zero_month_is_bridged() -> None:
    """第十三条 ("无正当理由，连续6个月不交纳"): an exemption approved under 第七条 is a good reason
    and ends the run; a month that came out at 0.00 without one excuses nothing and asks nothing:
    it neither counts nor breaks. Unpaid January-March and May-July around April:"""
    april = Month(2025, 4)
    due = [m for m in YEAR[:7] if m != april]
    exempt = arrears(due, [], date(2025, 8, 1))  # April not passed as 0.00: it ends the run
    assert exempt.consecutive_months == 3
    assert exempt.level is ArrearsLevel.WARNING
    assert exempt.bridged == ()
    zero = arrears(due, [], date(2025, 8, 1), zero=[april])
    assert zero.consecutive_months == 6
    assert zero.level is ArrearsLevel.LAPSED
    assert zero.bridged == (april,)
    assert april not in zero.unpaid


def ledger_with_a_zero_april() -> list[LedgerEvent]:
    return [DueGenerated(f"d{m}", "a", m, D("0.00") if m.month == 4 else D("30.00"))
            for m in YEAR[:7]]


def test_the_ledgers_tell_an_exempt_april_from_a_zero_april() -> None:
    """The same rule in the Decimal ledger and in the fen fold: an April recorded at 0.00 is
    bridged unless the months excused under 第七条 include it."""
    events = ledger_with_a_zero_april()
    ledger = fold(events)
    fen = dues_fen.fold(dues_fen.fen_events(events))
    april = Month(2025, 4)
    as_of = date(2025, 8, 1)
    assert ledger.arrears("a", as_of).level is ArrearsLevel.LAPSED
    assert ledger.arrears("a", as_of, excused=[april]).level is ArrearsLevel.WARNING
    assert fen.arrears("a", as_of).level is ArrearsLevel.LAPSED
    assert fen.arrears("a", as_of, excused={april.index}).level is ArrearsLevel.WARNING
    quarters = frozenset(m.index for m in YEAR)
    assert fen.arrears("a", date(2025, 6, 30), quarterly=quarters).consecutive_months == 3
    paid = [*events, Payment("p", "a", date(2025, 2, 1), (Month(2025, 1),), D("30.00"))]
    assert fold(paid).arrears("a", as_of, quarterly=YEAR).unpaid == (
        Month(2025, 5), Month(2025, 6))


def test_an_exemption_and_a_reduction_to_zero_give_zero_months() -> None:
    """第七条: both are relief months recorded at 0.00 (the service passes them as excused)."""
    exempt = HardshipRelief(ReliefKind.EXEMPT, "上级党委", date(2025, 1, 2), Month(2025, 1),
                            Month(2025, 3))
    profile = DuesProfile("m", P.STUDENT, reliefs=(exempt,))
    found = due_for_month(profile, Month(2025, 2))
    assert found is not None
    assert found.amount == D("0.00")
    assert found.rule is DuesRule.HARDSHIP_EXEMPT
