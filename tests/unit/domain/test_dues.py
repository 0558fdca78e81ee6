"""Party dues: the 2008 规定, article by article, and the ledger fold."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import Month, month_range
from app.domain.dues import (
    DEFAULT_SETTINGS,
    PREPAY_LIMIT_MONTHS,
    ArrearsLevel,
    BaseChange,
    DueGenerated,
    DuesProfile,
    DuesRule,
    DuesSettings,
    HardshipRelief,
    LedgerEvent,
    Payment,
    PaymentFlag,
    PaymentProblem,
    PersonCategory,
    ReliefKind,
    Remittance,
    Reversal,
    arrears,
    arrears_level,
    base_for_month,
    due_for_month,
    first_month_due,
    fold,
    member_arrears,
    monthly_due,
    months_paid_back,
    months_to_prepay,
    needs_base,
    payment_flags,
    payment_problems,
    self_employed_base,
    validate_farmer_amount,
)
from app.domain.money import Precision, RoundingMode, RoundingSetting, is_whole_fen

D = Decimal
P = PersonCategory
MAY = Month(2024, 5)


def relief(
    kind: ReliefKind,
    valid_from: Month,
    valid_until: Month,
    reduced: str | None = None,
) -> HardshipRelief:
    return HardshipRelief(
        kind=kind,
        approved_by="市直机关工委",
        approved_on=date(2024, 1, 10),
        valid_from=valid_from,
        valid_until=valid_until,
        reduced_amount=None if reduced is None else D(reduced),
    )


REDUCED_TO_10 = relief(ReliefKind.REDUCED, Month(2024, 1), Month(2024, 12), "10.00")
EXEMPT_2024 = relief(ReliefKind.EXEMPT, Month(2024, 1), Month(2024, 12))
EXPIRED_IN_MARCH = relief(ReliefKind.EXEMPT, Month(2023, 7), Month(2024, 3))
STARTS_IN_JUNE = relief(ReliefKind.EXEMPT, Month(2024, 6), Month(2024, 12))

HALF_EVEN = DuesSettings(rounding=RoundingSetting(RoundingMode.HALF_EVEN))
DOWN = DuesSettings(rounding=RoundingSetting(RoundingMode.DOWN))
TO_JIAO = DuesSettings(rounding=RoundingSetting(precision=Precision.JIAO))
TO_YUAN = DuesSettings(rounding=RoundingSetting(precision=Precision.YUAN))


@dataclass(frozen=True)
class Case:
    id: str
    category: PersonCategory
    base: str | None
    expected: str
    rule: DuesRule
    relief: HardshipRelief | None = None
    settings: DuesSettings = DEFAULT_SETTINGS
    farmer_amount: str | None = None


IW, RT, LF = DuesRule.IN_WORK_RATE, DuesRule.RETIRED_RATE, DuesRule.LOW_FIXED
CASES = [
    # 第二条: in work, every bracket boundary; one rate on the whole base.
    Case("in-work zero", P.IN_WORK, "0", "0.00", IW),
    Case("in-work 0.99 rounds to nothing", P.IN_WORK, "0.99", "0.00", IW),
    Case("in-work 100", P.IN_WORK, "100.00", "0.50", IW),
    Case("in-work 1234.56", P.IN_WORK, "1234.56", "6.17", IW),
    Case("in-work 2999.99 at 0.5%", P.IN_WORK, "2999.99", "15.00", IW),
    Case("in-work 3000.00 still 0.5%", P.IN_WORK, "3000.00", "15.00", IW),
    Case("in-work 3000.01 at 1%", P.IN_WORK, "3000.01", "30.00", IW),
    Case("in-work 4200", P.IN_WORK, "4200", "42.00", IW),
    Case("in-work 5000.00 still 1%", P.IN_WORK, "5000.00", "50.00", IW),
    Case("in-work 5000.01 at 1.5%", P.IN_WORK, "5000.01", "75.00", IW),
    Case("in-work 8000", P.IN_WORK, "8000", "120.00", IW),
    Case("in-work 10000.00 still 1.5%", P.IN_WORK, "10000.00", "150.00", IW),
    Case("in-work 10000.01 at 2%", P.IN_WORK, "10000.01", "200.00", IW),
    Case("in-work 12345.67", P.IN_WORK, "12345.67", "246.91", IW),
    Case("in-work 20000", P.IN_WORK, "20000", "400.00", IW),
    Case("other category uses the 第二条 scale", P.OTHER, "4000", "40.00", IW),
    # 第五条: retirees, base = pension.
    Case("retired zero", P.RETIRED, "0", "0.00", RT),
    Case("retired 3333.33 = 16.66665 half up", P.RETIRED, "3333.33", "16.67", RT),
    Case("retired 4999.99", P.RETIRED, "4999.99", "25.00", RT),
    Case("retired 5000.00 still 0.5%", P.RETIRED, "5000.00", "25.00", RT),
    Case("retired 5000.01 at 1%", P.RETIRED, "5000.01", "50.00", RT),
    Case("retired 8000 at 1%", P.RETIRED, "8000", "80.00", RT),
    # 第六条: fixed amounts.
    Case("farmer default 0.20", P.FARMER, None, "0.20", DuesRule.FARMER_FIXED),
    Case(
        "farmer set to 0.50",
        P.FARMER,
        None,
        "0.50",
        DuesRule.FARMER_FIXED,
        settings=DuesSettings(farmer_amount=D("0.50")),
    ),
    Case("farmer member at 1.00", P.FARMER, None, "1.00", DuesRule.FARMER_FIXED, farmer_amount="1"),
    Case("student", P.STUDENT, None, "0.20", DuesRule.LOW_FIXED),
    Case("student with a base ignores it", P.STUDENT, "8000", "0.20", DuesRule.LOW_FIXED),
    Case("unemployed", P.UNEMPLOYED, None, "0.20", DuesRule.LOW_FIXED),
    Case("relief (抚恤/救济)", P.RELIEF, None, "0.20", DuesRule.LOW_FIXED),
    Case("低保", P.SUBSISTENCE, None, "0.20", DuesRule.LOW_FIXED),
    # 第七条: hardship.
    Case("reduced", P.IN_WORK, "8000", "10.00", DuesRule.HARDSHIP_REDUCED, REDUCED_TO_10),
    Case("exempt", P.IN_WORK, "8000", "0.00", DuesRule.HARDSHIP_EXEMPT, EXEMPT_2024),
    Case("exempt student", P.STUDENT, None, "0.00", DuesRule.HARDSHIP_EXEMPT, EXEMPT_2024),
    Case("relief expired in March", P.IN_WORK, "8000", "120.00", IW, EXPIRED_IN_MARCH),
    Case("relief not yet begun", P.IN_WORK, "8000", "120.00", IW, STARTS_IN_JUNE),
    Case("reduction never raises", P.RETIRED, "1000", "5.00", RT, REDUCED_TO_10),
    # Rounding as a setting, applied once.
    Case("3333.33 retired rounded down", P.RETIRED, "3333.33", "16.66", RT, settings=DOWN),
    Case("3333.33 retired half even", P.RETIRED, "3333.33", "16.67", RT, settings=HALF_EVEN),
    Case("14.985 half up", P.IN_WORK, "2997.00", "14.99", IW),
    Case("14.985 half even", P.IN_WORK, "2997.00", "14.98", IW, settings=HALF_EVEN),
    Case("14.985 to the jiao", P.IN_WORK, "2997.00", "15.00", IW, settings=TO_JIAO),
    Case("fixed amounts are never rounded", P.STUDENT, None, "0.20", LF, settings=TO_YUAN),
    Case("14.985 to the yuan", P.IN_WORK, "2997.00", "15.00", IW, settings=TO_YUAN),
]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_monthly_amount(case: Case) -> None:
    due = monthly_due(
        case.category,
        MAY,
        None if case.base is None else D(case.base),
        relief=case.relief,
        settings=case.settings,
        farmer_amount=None if case.farmer_amount is None else D(case.farmer_amount),
    )
    assert due.amount == D(case.expected)
    assert due.amount.as_tuple().exponent == -2
    assert due.rule is case.rule
    assert due.month == MAY


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_rounding_happens_once_on_the_exact_amount() -> None:
    due = monthly_due(P.RETIRED, MAY, D("3333.33"))
    assert due.rate == D("0.005")
    assert due.exact == D("16.66665")
    assert due.amount == D("16.67")


def test_rate_applies_to_the_whole_base_not_progressively() -> None:
    # Progressive would be 3000*0.5% + 2000*1% + 1*1.5% = 35.02; the rule is 1.5% of everything.
    assert monthly_due(P.IN_WORK, MAY, D("5001")).amount == D("75.02")


def test_a_base_is_required_where_a_rate_applies() -> None:
    assert needs_base(P.IN_WORK)
    assert needs_base(P.RETIRED)
    assert not needs_base(P.FARMER)
    with pytest.raises(ValueError, match="needs a base"):
        monthly_due(P.IN_WORK, MAY)
    with pytest.raises(ValueError, match="base out of range"):
        monthly_due(P.IN_WORK, MAY, D("-1"))
    with pytest.raises(TypeError, match="float"):
        monthly_due(P.IN_WORK, MAY, 3000.0)  # type: ignore[arg-type]


@pytest.mark.parametrize("amount", ["0.19", "1.01", "0", "0.205"])
def test_farmer_amount_outside_0_20_to_1_00_is_refused(amount: str) -> None:
    with pytest.raises(ValueError, match="farmer amount"):
        validate_farmer_amount(D(amount))
    with pytest.raises(ValueError, match="farmer amount"):
        DuesSettings(farmer_amount=D(amount))


def test_relief_needs_an_approver_and_a_sensible_period() -> None:
    with pytest.raises(ValueError, match="approving committee"):
        HardshipRelief(ReliefKind.EXEMPT, " ", date(2024, 1, 1), MAY, MAY)
    with pytest.raises(ValueError, match="ends before it starts"):
        HardshipRelief(ReliefKind.EXEMPT, "党委", date(2024, 1, 1), MAY, MAY - 1)
    with pytest.raises(ValueError, match="reduced monthly amount"):
        HardshipRelief(ReliefKind.REDUCED, "党委", date(2024, 1, 1), MAY, MAY)
    with pytest.raises(ValueError, match="exemption has no amount"):
        HardshipRelief(ReliefKind.EXEMPT, "党委", date(2024, 1, 1), MAY, MAY, D("1.00"))


def test_self_employed_base_is_last_quarters_monthly_average() -> None:
    # 第四条
    assert self_employed_base(D("9000")) == D("3000")
    assert monthly_due(P.IN_WORK, MAY, self_employed_base(D("9000.00"))).amount == D("15.00")
    # 9000.03 / 3 = 3000.01: the 1% bracket.
    assert monthly_due(P.IN_WORK, MAY, self_employed_base(D("9000.03"))).amount == D("30.00")
    # 10000 / 3 = 3333.33...: 1% = 33.333... -> 33.33, rounded once.
    assert monthly_due(P.IN_WORK, MAY, self_employed_base(D("10000"))).amount == D("33.33")
    assert self_employed_base(D("-500")) == 0


# ---------------------------------------------------------------- when dues are owed
def test_probationary_member_owes_the_month_of_admission() -> None:
    # 第八条: admitted by the 支部党员大会 on 31 March: March is due, February is not.
    assert first_month_due(date(2024, 3, 31)) == Month(2024, 3)
    assert first_month_due(date(2024, 3, 1)) == Month(2024, 3)
    profile = DuesProfile("c", P.STUDENT, owes_from=first_month_due(date(2024, 3, 20)))
    assert due_for_month(profile, Month(2024, 2)) is None
    march = due_for_month(profile, Month(2024, 3))
    assert march is not None
    assert march.amount == D("0.20")


def test_new_wage_is_the_base_from_the_month_first_paid() -> None:
    # 第十条
    changes = [(Month(2024, 7), D("6000")), (Month(2024, 1), D("4000"))]  # any order
    assert base_for_month(changes, Month(2023, 12)) is None
    assert base_for_month(changes, Month(2024, 1)) == D("4000")
    assert base_for_month(changes, Month(2024, 6)) == D("4000")
    assert base_for_month(changes, Month(2024, 7)) == D("6000")
    assert base_for_month(changes, Month(2025, 3)) == D("6000")
    with pytest.raises(ValueError, match="two bases"):
        base_for_month([*changes, (Month(2024, 7), D("6100"))], Month(2024, 8))


def test_profile_refuses_overlapping_reliefs_and_stops_when_member_leaves() -> None:
    with pytest.raises(ValueError, match="same month"):
        DuesProfile("a", P.IN_WORK, reliefs=(EXEMPT_2024, STARTS_IN_JUNE))
    profile = DuesProfile(
        "a",
        P.IN_WORK,
        bases=(BaseChange(Month(2024, 1), D("4000")),),
        owes_until=Month(2024, 9),
    )
    assert due_for_month(profile, Month(2024, 10)) is None
    september = due_for_month(profile, Month(2024, 9))
    assert september is not None
    assert september.amount == D("40.00")
    with pytest.raises(ValueError, match="needs a base"):
        due_for_month(profile, Month(2023, 12))


# ---------------------------------------------------------------- payments
def pay(
    months: list[Month],
    amount: str,
    paid_on: date,
    *,
    member: str = "a",
    event_id: str = "p",
    voluntary: str = "0",
    note: str | None = None,
    payer: str | None = None,
) -> Payment:
    return Payment(
        event_id=event_id,
        member_id=member,
        paid_on=paid_on,
        months=tuple(months),
        amount=D(amount),
        voluntary=D(voluntary),
        note=note,
        payer=payer,
    )


def test_voluntary_extra_of_1000_goes_wholly_to_the_centre() -> None:
    # 第十一条: 自愿一次多交纳 1000 元以上（含 1000 元）
    assert PaymentFlag.REMIT_WHOLLY_TO_CENTRE in payment_flags(
        pay([MAY], "1040.00", date(2024, 5, 5), voluntary="1000.00")
    )
    assert PaymentFlag.REMIT_WHOLLY_TO_CENTRE not in payment_flags(
        pay([MAY], "1039.99", date(2024, 5, 5), voluntary="999.99")
    )
    # Six months of regular dues of a high earner is not a voluntary extra.
    half_year = list(month_range(Month(2024, 1), Month(2024, 6)))
    assert payment_flags(pay(half_year, "2400.00", date(2024, 6, 5))) == frozenset()


def test_back_payment_over_six_months_needs_a_note() -> None:
    # 第十二条: paid in August for February reaches back 6 months: allowed.
    six_back = pay(list(month_range(Month(2024, 2), Month(2024, 7))), "240", date(2024, 8, 15))
    assert months_paid_back(six_back) == 6
    assert payment_problems(six_back) == ()
    seven_back = pay(list(month_range(Month(2024, 1), Month(2024, 7))), "280", date(2024, 8, 1))
    assert months_paid_back(seven_back) == 7
    assert PaymentFlag.BACK_PAYMENT_OVER_LIMIT in payment_flags(seven_back)
    assert payment_problems(seven_back) == (PaymentProblem.NOTE_REQUIRED_FOR_BACK_PAYMENT,)
    explained = pay(
        list(month_range(Month(2024, 1), Month(2024, 7))),
        "280",
        date(2024, 8, 1),
        note="党员外出务工，支部同意补交",
    )
    assert payment_problems(explained) == ()
    # Paying ahead reaches back 0 months.
    assert months_paid_back(pay([Month(2024, 12)], "40", date(2024, 8, 1))) == 0


def test_payment_on_behalf_is_flagged() -> None:
    flags = payment_flags(pay([MAY], "40", date(2024, 5, 5), payer="李某（配偶）"))
    assert flags == frozenset({PaymentFlag.PAID_BY_OTHER})


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"amount": D("0")}, ValueError, "payment amount"),
        ({"amount": D("40.005")}, ValueError, "whole number of fen"),
        ({"amount": 40.0}, TypeError, "float"),
        ({"voluntary": D("50")}, ValueError, "exceeds"),
        ({"months": (MAY, MAY)}, ValueError, "twice"),
        ({"months": ()}, ValueError, "must name the months"),
    ],
)
def test_payment_validation(kwargs: dict[str, object], error: type[Exception], match: str) -> None:
    fields: dict[str, object] = {
        "event_id": "p",
        "member_id": "a",
        "paid_on": date(2024, 5, 5),
        "months": (MAY,),
        "amount": D("40"),
    }
    fields.update(kwargs)
    with pytest.raises(error, match=match):
        Payment(**fields)  # type: ignore[arg-type]


def test_a_purely_voluntary_payment_needs_no_months() -> None:
    gift = pay([], "2000.00", date(2024, 7, 1), voluntary="2000.00")
    assert PaymentFlag.REMIT_WHOLLY_TO_CENTRE in payment_flags(gift)
    ledger = fold([gift])
    assert ledger.total_for_centre == D("2000.00")
    assert ledger.member("a").voluntary == D("2000.00")
    assert ledger.total_paid == 0


# ---------------------------------------------------------------- arrears
JAN_TO_DEC = list(month_range(Month(2024, 1), Month(2024, 12)))


@pytest.mark.parametrize(
    ("as_of", "months", "level"),
    [
        (date(2024, 1, 31), 0, ArrearsLevel.NONE),  # January is not over
        (date(2024, 3, 1), 2, ArrearsLevel.NONE),
        (date(2024, 4, 1), 3, ArrearsLevel.WARNING),
        (date(2024, 5, 20), 4, ArrearsLevel.WARNING),
        (date(2024, 6, 1), 5, ArrearsLevel.SEVERE),
        (date(2024, 7, 1), 6, ArrearsLevel.LAPSED),
        (date(2024, 12, 31), 11, ArrearsLevel.LAPSED),
    ],
)
def test_arrears_levels(as_of: date, months: int, level: ArrearsLevel) -> None:
    result = arrears(JAN_TO_DEC, [], as_of)
    assert result.consecutive_months == months
    assert result.level is level


def test_level_thresholds() -> None:
    assert [arrears_level(n) for n in range(8)] == [
        ArrearsLevel.NONE,
        ArrearsLevel.NONE,
        ArrearsLevel.NONE,
        ArrearsLevel.WARNING,
        ArrearsLevel.WARNING,
        ArrearsLevel.SEVERE,
        ArrearsLevel.LAPSED,
        ArrearsLevel.LAPSED,
    ]


def test_a_month_with_nothing_due_breaks_a_run() -> None:
    due = [m for m in JAN_TO_DEC if m != Month(2024, 3)]  # exempt in March
    result = arrears(due, [], date(2024, 6, 1))
    assert result.longest_run == (Month(2024, 4), Month(2024, 5))
    assert result.unpaid == (Month(2024, 1), Month(2024, 2), Month(2024, 4), Month(2024, 5))
    assert result.level is ArrearsLevel.NONE


def dues_events(member: str, months: list[Month], amount: str) -> list[LedgerEvent]:
    return [DueGenerated(f"due-{member}-{m}", member, m, D(amount)) for m in months]


def test_arrears_warnings_at_months_3_and_5_clear_on_payment() -> None:
    events: list[LedgerEvent] = [*dues_events("a", JAN_TO_DEC, "40.00")]
    ledger = fold(events)
    assert member_arrears(ledger, "a", date(2024, 3, 15)).level is ArrearsLevel.NONE
    assert member_arrears(ledger, "a", date(2024, 4, 1)).level is ArrearsLevel.WARNING
    assert member_arrears(ledger, "a", date(2024, 6, 1)).level is ArrearsLevel.SEVERE

    # Back pay for January to May on 3 June clears it.
    events.append(pay(JAN_TO_DEC[:5], "200.00", date(2024, 6, 3)))
    ledger = fold(events)
    cleared = ledger.arrears("a", date(2024, 6, 4))
    assert cleared.level is ArrearsLevel.NONE
    assert cleared.unpaid == ()
    # The past is replayed faithfully: on 1 June the payment had not been made.
    assert ledger.arrears("a", date(2024, 6, 1)).level is ArrearsLevel.SEVERE
    # A partial payment is a payment (第十三条 is about not paying); the shortfall is money owed.
    events.append(pay([Month(2024, 6)], "10.00", date(2024, 6, 20), event_id="p2"))
    ledger = fold(events)
    assert ledger.arrears("a", date(2024, 7, 1)).unpaid == ()
    assert ledger.balance("a", Month(2024, 6)).outstanding == D("30.00")
    # Reversing the back payment brings the warning back.
    events.append(Reversal("r", of_event_id="p", reversed_on=date(2024, 7, 2), reason="bounced"))
    assert fold(events).arrears("a", date(2024, 7, 3)).level is ArrearsLevel.SEVERE


# ---------------------------------------------------------------- the ledger
def test_reversals_are_checked() -> None:
    due = DueGenerated("d1", "a", MAY, D("40.00"))
    with pytest.raises(ValueError, match="cannot be reversed"):
        fold([due, Reversal("r", "d1", date(2024, 5, 1)), Reversal("r2", "r", date(2024, 5, 2))])
    with pytest.raises(ValueError, match="duplicate event id"):
        fold([due, due])


def test_what_syncing_can_produce_folds() -> None:
    """Several PCs: the same payment reversed on two of them, a reversal pulled before the event
    it reverses, a reversal whose event has not arrived: the ledger folds, each reversal once."""
    due = DueGenerated("d1", "a", MAY, D("40.00"))
    twice = fold([due, Reversal("r", "d1", date(2024, 5, 1)),
                  Reversal("r2", "d1", date(2024, 5, 2))])
    assert twice.reversed_ids == frozenset({"d1"})
    assert twice.balance("a", MAY).due == 0
    early = fold([Reversal("r", "d1", date(2024, 5, 1)), due])
    assert early.balance("a", MAY).due == 0
    unknown = fold([due, Reversal("r", "elsewhere", date(2024, 5, 1))])
    assert unknown.balance("a", MAY).due == D("40.00")
    assert unknown.reversed_ids == frozenset()


def test_overpayment_is_held_unallocated_not_carried_forward() -> None:
    ledger = fold([*dues_events("a", [MAY, MAY + 1], "40.00"), pay([MAY], "50.00", MAY.first_day)])
    assert ledger.balance("a", MAY).paid == D("40.00")
    assert ledger.balance("a", MAY + 1).paid == 0
    assert ledger.member("a").unallocated == D("10.00")
    assert ledger.total_collected == D("50.00")


def small_branch_year() -> tuple[list[LedgerEvent], DuesSettings]:
    """A year for a four-member branch (see test_small_branch_year)."""
    settings = DuesSettings(farmer_amount=D("0.50"))
    year = list(month_range(Month(2024, 1), Month(2024, 12)))
    # a: in work; 4000 until a raise first paid in July (6000).
    a_before_raise = DuesProfile("a", P.IN_WORK, bases=(BaseChange(Month(2024, 1), D("4000")),))
    a = DuesProfile(
        "a",
        P.IN_WORK,
        bases=(BaseChange(Month(2024, 1), D("4000")), BaseChange(Month(2024, 7), D("6000"))),
    )
    # b: retired on a pension of 3333.33 (16.66665 a month -> 16.67).
    b = DuesProfile("b", P.RETIRED, bases=(BaseChange(Month(2023, 1), D("3333.33")),))
    # c: a student admitted as probationary member by the 支部党员大会 on 20 March.
    c = DuesProfile("c", P.STUDENT, owes_from=first_month_due(date(2024, 3, 20)))
    # d: a farmer at the branch's 0.50.
    d = DuesProfile("d", P.FARMER)

    events: list[LedgerEvent] = []
    # d prepays the whole year in January, before any dues are generated.
    events.append(pay(year, "6.00", date(2024, 1, 15), member="d", event_id="pay-d"))

    def generate(month: Month, profiles: list[DuesProfile]) -> None:
        for profile in profiles:
            due = due_for_month(profile, month, settings)
            if due is not None:
                events.append(
                    DueGenerated(
                        f"due-{profile.member_id}-{month}", profile.member_id, month, due.amount
                    )
                )

    for month in year:
        if month == Month(2024, 7):
            # July's dues were generated before the raise was entered: 40.00, then corrected.
            generate(month, [a_before_raise, b, c, d])
            events.append(Reversal("rev-a-july", "due-a-2024-07", date(2024, 7, 20), "raise"))
            due = due_for_month(a, month, settings)
            assert due is not None
            events.append(DueGenerated("due-a-2024-07-fixed", "a", month, due.amount))
        else:
            generate(month, [a, b, c, d])
        # b pays every month on the 10th; in December with a voluntary 100.00.
        if month == Month(2024, 12):
            events.append(
                pay(
                    [month],
                    "116.67",
                    date(2024, 12, 10),
                    member="b",
                    event_id="pay-b-12",
                    voluntary="100.00",
                )
            )
        else:
            events.append(
                pay(
                    [month],
                    "16.67",
                    month.first_day.replace(day=10),
                    member="b",
                    event_id=f"pay-b-{month}",
                )
            )
        # a pays each quarter on the 5th of its last month (a multi-month payment).
        if month.month % 3 == 0:
            quarter = [month - 2, month - 1, month]
            if month == Month(2024, 9):
                # Entered with the old rate by mistake, reversed the next day, entered again.
                events.append(pay(quarter, "120.00", date(2024, 9, 5), event_id="pay-a-q3-wrong"))
                events.append(
                    Reversal("rev-pay-a-q3", "pay-a-q3-wrong", date(2024, 9, 6), "old base")
                )
                events.append(pay(quarter, "270.00", date(2024, 9, 6), event_id="pay-a-q3"))
            else:
                amount = "120.00" if month.quarter <= 2 else "270.00"
                events.append(
                    pay(quarter, amount, month.first_day.replace(day=5), event_id=f"pay-a-{month}")
                )
    # c pays March to June in June and July to November in November; December is still owed.
    events.append(
        pay(
            list(month_range(Month(2024, 3), Month(2024, 6))),
            "0.80",
            date(2024, 6, 15),
            member="c",
            event_id="pay-c-1",
        )
    )
    events.append(
        pay(
            list(month_range(Month(2024, 7), Month(2024, 11))),
            "1.00",
            date(2024, 11, 20),
            member="c",
            event_id="pay-c-2",
        )
    )
    # Remittances each quarter of what was collected in it; Q4 first entered 1 fen short.
    events += [
        Remittance("rem-q1", date(2024, 4, 10), Month(2024, 1), Month(2024, 3), D("176.01")),
        Remittance("rem-q2", date(2024, 7, 10), Month(2024, 4), Month(2024, 6), D("170.81")),
        Remittance("rem-q3", date(2024, 10, 10), Month(2024, 7), Month(2024, 9), D("320.01")),
        Remittance(
            "rem-q4-wrong", date(2025, 1, 10), Month(2024, 10), Month(2024, 12), D("421.00")
        ),
    ]
    return events, settings


def test_small_branch_year() -> None:
    events, _ = small_branch_year()
    ledger = fold(events)

    a = ledger.member("a")
    assert [a.months[m].due for m in (Month(2024, 6), Month(2024, 7), Month(2024, 12))] == [
        D("40.00"),
        D("90.00"),  # 6000 at 1.5% from the month the raise was first paid
        D("90.00"),
    ]
    assert a.total_due == D("780.00")  # 6 x 40 + 6 x 90
    assert a.total_paid == D("780.00")
    assert a.outstanding == 0
    assert "pay-a-q3-wrong" not in {p.event_id for p in ledger.payments}
    assert {"due-a-2024-07", "pay-a-q3-wrong"} <= ledger.reversed_ids

    b = ledger.member("b")
    assert b.total_due == D("200.04")  # 12 x 16.67, rounded once per month
    assert b.total_paid == D("200.04")
    assert b.voluntary == D("100.00")

    c = ledger.member("c")
    assert min(c.months) == Month(2024, 3)  # nothing due before the month of admission
    assert c.total_due == D("2.00")
    assert c.total_paid == D("1.80")
    assert c.outstanding == D("0.20")
    assert ledger.balance("c", Month(2024, 12)).unpaid

    d = ledger.member("d")
    assert d.total_due == D("6.00")
    assert d.total_paid == D("6.00")
    assert all(balance.settled for balance in d.months.values())

    assert ledger.total_due == D("988.04")
    assert ledger.total_paid == D("987.84")
    assert ledger.total_outstanding == D("0.20")
    assert ledger.total_voluntary == D("100.00")
    assert ledger.total_for_centre == 0
    assert ledger.total_collected == D("1087.84")  # dues paid + voluntary
    assert ledger.total_collected == ledger.total_paid + ledger.total_voluntary

    # Quarters reconcile; Q4 is one fen short until the remittance is corrected.
    q4 = ledger.reconcile(Month(2024, 10), Month(2024, 12))
    assert (q4.collected, q4.remitted, q4.difference_fen) == (D("421.01"), D("421.00"), 1)
    assert not q4.balanced
    for first in (Month(2024, 1), Month(2024, 4), Month(2024, 7)):
        assert ledger.reconcile(first, first + 2).balanced

    events += [
        Reversal("rev-rem-q4", "rem-q4-wrong", date(2025, 1, 11), "1 fen short"),
        Remittance("rem-q4", date(2025, 1, 11), Month(2024, 10), Month(2024, 12), D("421.01")),
    ]
    corrected = fold(events)
    year = corrected.reconcile(Month(2024, 1), Month(2024, 12))
    assert year.balanced
    assert year.difference_fen == 0
    assert year.collected == year.remitted == D("1087.84")
    assert corrected.total_remitted == D("1087.84")


def test_reconcile_refuses_a_remittance_straddling_the_range() -> None:
    ledger = fold([Remittance("r", date(2024, 4, 1), Month(2024, 2), Month(2024, 4), D("10"))])
    with pytest.raises(ValueError, match="straddles"):
        ledger.reconcile(Month(2024, 1), Month(2024, 3))


# ---------------------------------------------------------------- properties
bases = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False)
categories = st.sampled_from(list(PersonCategory))
modes = st.sampled_from(list(RoundingMode))


@given(categories, bases, modes, st.sampled_from(list(Precision)))
def test_amounts_are_never_negative_and_in_whole_fen(
    category: PersonCategory, base: Decimal, mode: RoundingMode, precision: Precision
) -> None:
    settings = DuesSettings(rounding=RoundingSetting(mode, precision))
    due = monthly_due(category, MAY, base, settings=settings)
    assert due.amount >= 0
    assert is_whole_fen(due.amount)
    assert abs(due.amount - due.exact) < precision.quantum
    if not needs_base(category):
        assert due.amount == due.exact


@given(st.sampled_from([P.IN_WORK, P.RETIRED]), bases, bases)
def test_a_higher_base_never_pays_less(category: PersonCategory, x: Decimal, y: Decimal) -> None:
    low, high = sorted((x, y))
    assert monthly_due(category, MAY, low).amount <= monthly_due(category, MAY, high).amount


fen_amounts = st.integers(min_value=1, max_value=100_000).map(lambda f: D(f) / 100)


@given(
    st.lists(st.tuples(st.integers(1, 12), fen_amounts), min_size=1, max_size=12),
    st.lists(
        st.tuples(st.lists(st.integers(1, 12), min_size=1, max_size=4, unique=True), fen_amounts),
        max_size=6,
    ),
    st.data(),
)
def test_fold_accounts_for_every_fen(
    dues: list[tuple[int, Decimal]],
    payments: list[tuple[list[int], Decimal]],
    data: st.DataObject,
) -> None:
    events: list[LedgerEvent] = [
        DueGenerated(f"d{i}", "a", Month(2024, m), amount) for i, (m, amount) in enumerate(dues)
    ]
    events += [
        Payment(f"p{i}", "a", date(2024, 12, 1), tuple(Month(2024, m) for m in ms), amount)
        for i, (ms, amount) in enumerate(payments)
    ]
    reversible = [e.event_id for e in events]
    for i, target in enumerate(data.draw(st.lists(st.sampled_from(reversible), unique=True))):
        events.append(Reversal(f"r{i}", target, date(2024, 12, 2)))
    ledger = fold(events)
    member = ledger.member("a")
    in_force = [e for e in events if e.event_id not in ledger.reversed_ids]
    assert member.total_due == sum(
        (e.amount for e in in_force if isinstance(e, DueGenerated)), D(0)
    )
    assert ledger.total_collected == (
        member.total_paid + member.voluntary + member.unallocated + member.prepaid)
    for balance in member.months.values():
        assert 0 <= balance.paid <= balance.due
        assert balance.outstanding >= 0
    assert member.unallocated >= 0


def test_a_payment_ahead_is_held_as_prepaid_until_the_months_are_recorded() -> None:
    payment = pay([MAY, MAY + 1], "90.00", MAY.first_day)
    before = fold([*dues_events("a", [MAY], "40.00"), payment])
    assert before.member("a").prepaid == D("50.00")  # June's amount is not recorded yet
    assert before.member("a").unallocated == 0
    after = fold([*dues_events("a", [MAY], "40.00"), payment,
                  DueGenerated("june", "a", MAY + 1, D("40.00"))])
    assert after.balance("a", MAY + 1).paid == D("40.00")
    assert after.member("a").prepaid == 0
    assert after.member("a").unallocated == D("10.00")  # June is settled: 10.00 is an excess


def test_months_to_prepay_follow_the_amounts_the_bases_give() -> None:
    profile = DuesProfile("a", P.IN_WORK, bases=(BaseChange(Month(2024, 1), D("4000")),))
    assert months_to_prepay(profile, MAY, D("93.89")) == (MAY + 1, MAY + 2, MAY + 3)  # 40 a month
    assert months_to_prepay(profile, MAY, D("40.00")) == (MAY + 1,)
    assert months_to_prepay(profile, MAY, D("0")) == ()
    assert len(months_to_prepay(profile, MAY, D("10000"))) == PREPAY_LIMIT_MONTHS
    leaving = DuesProfile("b", P.IN_WORK, bases=profile.bases, owes_until=MAY + 1)
    assert months_to_prepay(leaving, MAY, D("200")) == (MAY + 1,)
