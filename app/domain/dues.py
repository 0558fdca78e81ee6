"""Party dues (党费): the rules of 中组部《关于中国共产党党费收缴、使用和管理的规定》(2008).

Every rule below cites its article (第一条 ... 第十四条) so that a secretary or an auditor can check
it against the text. Money is ``Decimal`` yuan (see ``app.domain.money``); the rounding setting is
applied once per member per month, to the computed monthly amount, never to the base or the rate.

What is here:

- categories of person and how their monthly base is found (第一条, 第三条, 第四条, 第五条);
  a change of category is dated (``CategoryChange``): every month's amount uses the category and
  the base in force in that month (a member who retires in July owes the 在职 rate through June);
- the monthly amount: the rate tables (第二条, 第五条), fixed amounts (第六条), hardship
  reduction or exemption (第七条);
- when dues are owed: probationary members from the month of the 支部党员大会 that admitted them
  (第八条); a new wage is the base from the month it is first paid (第十条);
- payment checks: voluntary extra of 1000 yuan or more in one payment goes wholly to the centre
  (第十一条); back payment more than 6 months back needs a note (第十二条);
- arrears in consecutive unpaid months with warning levels (第十三条: 6 months unpaid without good
  reason is treated as leaving the party — the app only warns; the branch decides); a month
  exempted under 第七条 ends a run, a 0.00 month without an exemption is counted through, and a
  quarterly payer with the branch's consent (第十二条, ``QuarterlyConsent``) counts by quarters;
- the local settings (``DuesSettings``): the rounding and the fixed amounts of 第六条, national
  defaults;
- an append-only ledger: events are folded into per-member, per-month balances; a reversal
  cancels an earlier event without editing it; collections reconcile with remittances to the fen;
- paying ahead (第十二条 lets several months be paid at once): the months an amount beyond what
  is owed pays for, at the amounts the member's bases give now (``months_to_prepay``); the
  ledger holds it as prepaid until those months' amounts are recorded.

What is deliberately NOT modelled (第十四条): the branch paying a member's dues for them (垫交),
deducting dues from wages (扣缴), and "special dues" (特殊党费) beyond the regulation. There is no
event, field or function for them, so the app cannot offer them.
"""

from __future__ import annotations

import decimal
import enum
import itertools
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import TypeVar

from app.domain.calendar import Month, month_range
from app.domain.money import (
    DEFAULT_ROUNDING,
    FEN,
    ZERO,
    RoundingSetting,
    is_whole_fen,
    require_decimal,
    round_money,
    to_fen,
)

# Intermediate results (a quarter's income / 3, base x rate) are computed with this many
# significant digits, far beyond any amount a branch sees, so that the single rounding at the end
# is the only one.
_WORKING_PRECISION = 50


def _exact() -> decimal.Context:
    return decimal.Context(prec=_WORKING_PRECISION, rounding=decimal.ROUND_HALF_EVEN)


def _amount(value: Decimal, what: str, *, allow_zero: bool = True) -> Decimal:
    """Validate a money input: a finite, non-negative Decimal (never a float)."""
    require_decimal(value, what)
    if value < 0 or (not allow_zero and value == 0):
        raise ValueError(f"{what} out of range: {value}")
    return value


def _fen_amount(value: Decimal, what: str, *, allow_zero: bool = True) -> Decimal:
    """A money input that must also be a whole number of fen (money actually handed over)."""
    _amount(value, what, allow_zero=allow_zero)
    if not is_whole_fen(value):
        raise ValueError(f"{what} is not a whole number of fen: {value}")
    return value


# ================================================================ categories and bases
class PersonCategory(enum.Enum):
    """Category of person for dues. Values are stable codes (stored, synced)."""

    # 在职: wage earners (第一条), annual-salary earners (第三条), self-employed (第四条)
    IN_WORK = "in_work"
    RETIRED = "retired"  # 离退休 (第五条)
    FARMER = "farmer"  # 农民 (第六条)
    STUDENT = "student"  # 学生 (第六条)
    UNEMPLOYED = "unemployed"  # 无固定职业 / 下岗失业 (第六条)
    RELIEF = "relief"  # 依靠抚恤或救济生活 (第六条)
    SUBSISTENCE = "subsistence"  # 领取当地最低生活保障金 / 低保 (第六条)
    OTHER = "other"  # 其他: not named by the regulation; the 第二条 scale on a base (judgement)


class BaseKind(enum.Enum):
    """How the monthly base of a member is found. Values are stable codes."""

    # 第一条: the relatively fixed, regular part of the monthly wage, after personal income tax
    # (and, per local practice, after the individual social-insurance share).
    MONTHLY_WAGE = "monthly_wage"
    # 第三条: annual-salary earners: the pay actually received in the month.
    ANNUAL_SALARY = "annual_salary"
    # 第四条: those without a monthly income (self-employed...): the average monthly net income of
    # the previous quarter. See ``self_employed_base``.
    SELF_EMPLOYED = "self_employed"
    # 第五条: retirees: the pension (离退休费 / 养老金) actually received.
    PENSION = "pension"
    # 第六条: a fixed amount, no base.
    NONE = "none"


BASE_KIND_BY_CATEGORY: Mapping[PersonCategory, tuple[BaseKind, ...]] = MappingProxyType(
    {
        PersonCategory.IN_WORK: (
            BaseKind.MONTHLY_WAGE,
            BaseKind.ANNUAL_SALARY,
            BaseKind.SELF_EMPLOYED,
        ),
        PersonCategory.RETIRED: (BaseKind.PENSION,),
        PersonCategory.FARMER: (BaseKind.NONE,),
        PersonCategory.STUDENT: (BaseKind.NONE,),
        PersonCategory.UNEMPLOYED: (BaseKind.NONE,),
        PersonCategory.RELIEF: (BaseKind.NONE,),
        PersonCategory.SUBSISTENCE: (BaseKind.NONE,),
        PersonCategory.OTHER: (
            BaseKind.MONTHLY_WAGE,
            BaseKind.ANNUAL_SALARY,
            BaseKind.SELF_EMPLOYED,
        ),
    }
)
"""Which kinds of base each category may have (第一条, 第三条, 第四条, 第五条, 第六条)."""


def needs_base(category: PersonCategory) -> bool:
    """True if the monthly amount is a rate of a base; False for the fixed amounts of 第六条."""
    return BASE_KIND_BY_CATEGORY[category] != (BaseKind.NONE,)


def self_employed_base(previous_quarter_net_income: Decimal) -> Decimal:
    """第四条: the base is the previous quarter's average monthly net income (total / 3).

    The result is not rounded (it may have many decimals): rounding happens once, on the
    monthly amount. A negative quarter (a loss) gives a base of 0.
    """
    require_decimal(previous_quarter_net_income, "income")
    if previous_quarter_net_income <= 0:
        return Decimal(0)
    return _exact().divide(previous_quarter_net_income, Decimal(3))


# ================================================================ rates
@dataclass(frozen=True, slots=True)
class Bracket:
    """A base up to and including ``up_to`` (None: no limit) pays ``rate`` on the whole base."""

    up_to: Decimal | None
    rate: Decimal


# 第二条: members in work, on the monthly base (after tax). One rate on the whole base, not a
# progressive scale: ≤ 3000 0.5%; > 3000 to ≤ 5000 1%; > 5000 to ≤ 10000 1.5%; > 10000 2%.
IN_WORK_BRACKETS: tuple[Bracket, ...] = (
    Bracket(Decimal("3000"), Decimal("0.005")),
    Bracket(Decimal("5000"), Decimal("0.01")),
    Bracket(Decimal("10000"), Decimal("0.015")),
    Bracket(None, Decimal("0.02")),
)

# 第五条: retirees, on the pension actually received: ≤ 5000 0.5%; > 5000 1%.
RETIRED_BRACKETS: tuple[Bracket, ...] = (
    Bracket(Decimal("5000"), Decimal("0.005")),
    Bracket(None, Decimal("0.01")),
)

# 第六条: farmers pay 0.2 to 1 yuan a month (the amount is set locally: a setting).
FARMER_MINIMUM = Decimal("0.20")
FARMER_MAXIMUM = Decimal("1.00")
# 第六条: students, the unemployed, those living on pensions for dependants or relief, and those
# on the local minimum living allowance (低保) pay 0.2 yuan a month.
LOW_FIXED_AMOUNT = Decimal("0.20")


def rate_for(base: Decimal, brackets: Sequence[Bracket]) -> Decimal:
    """The one rate that applies to the whole ``base`` (第二条, 第五条)."""
    _amount(base, "base")
    for bracket in brackets:
        if bracket.up_to is None or base <= bracket.up_to:
            return bracket.rate
    raise ValueError("the brackets have no open-ended last bracket")


def validate_farmer_amount(amount: Decimal) -> Decimal:
    """第六条: a farmer's monthly amount must be between 0.20 and 1.00 yuan, in whole fen."""
    _fen_amount(amount, "farmer amount")
    if not FARMER_MINIMUM <= amount <= FARMER_MAXIMUM:
        raise ValueError(f"farmer amount must be 0.20 to 1.00 yuan: {amount}")
    return amount


FIXED_AMOUNT_CEILING = FARMER_MAXIMUM
"""第六条 names amounts under a yuan; a local amount for students, the unemployed or those on
relief above the farmers' ceiling (1.00) is refused as a typing slip."""


def validate_fixed_amount(amount: Decimal) -> Decimal:
    """第六条: a local fixed amount (students, 下岗失业, relief): whole fen, 0.01 to 1.00 yuan."""
    _fen_amount(amount, "fixed amount", allow_zero=False)
    if amount > FIXED_AMOUNT_CEILING:
        raise ValueError(f"fixed amount above 1.00 yuan: {amount}")
    return amount


@dataclass(frozen=True, slots=True)
class DuesSettings:
    """The branch's (or locality's) dues settings; the national rule is the default.

    DOMAIN.md: "Where a rule differs by locality, it is a setting with the national rule as
    default": the rounding (not set by the regulation: to the fen, half up) and the fixed amounts
    of 第六条 (farmers 0.20-1.00, set locally, default 0.20; students, 下岗失业 / 无固定职业 and
    those living on 抚恤 / 救济 / 低保: 0.20).
    """

    rounding: RoundingSetting = DEFAULT_ROUNDING
    # 第六条: the farmers' amount within 0.20-1.00, set locally. Default: the national minimum.
    farmer_amount: Decimal = FARMER_MINIMUM
    # 第六条: students (学生).
    student_amount: Decimal = LOW_FIXED_AMOUNT
    # 第六条: 下岗失业 and those without a fixed occupation (无固定职业).
    unemployed_amount: Decimal = LOW_FIXED_AMOUNT
    # 第六条: those living on pensions for dependants or relief (抚恤 / 救济) and on 低保.
    relief_amount: Decimal = LOW_FIXED_AMOUNT

    def __post_init__(self) -> None:
        validate_farmer_amount(self.farmer_amount)
        for amount in (self.student_amount, self.unemployed_amount, self.relief_amount):
            validate_fixed_amount(amount)

    def fixed_amount(self, category: PersonCategory) -> Decimal:
        """第六条: the fixed monthly amount of a category without a base."""
        if category is PersonCategory.FARMER:
            return self.farmer_amount
        if category is PersonCategory.STUDENT:
            return self.student_amount
        if category is PersonCategory.UNEMPLOYED:
            return self.unemployed_amount
        if category in (PersonCategory.RELIEF, PersonCategory.SUBSISTENCE):
            return self.relief_amount
        raise ValueError(f"category {category.value} pays a rate, not a fixed amount")


DEFAULT_SETTINGS = DuesSettings()


# ================================================================ hardship (第七条)
class ReliefKind(enum.Enum):
    """第七条: a member in real hardship may pay less (少交) or nothing (免交)."""

    REDUCED = "reduced"
    EXEMPT = "exempt"


@dataclass(frozen=True, slots=True)
class HardshipRelief:
    """第七条: reduction or exemption, discussed by the branch and approved by the next-higher
    committee. Records who approved it, when, and the months it covers (both included).

    ``reduced_amount`` is the monthly amount owed while reduced (required for REDUCED, absent for
    EXEMPT). A relief never raises the amount: if the computed amount is already lower, it stands.
    """

    kind: ReliefKind
    approved_by: str
    approved_on: date
    valid_from: Month
    valid_until: Month
    reduced_amount: Decimal | None = None

    def __post_init__(self) -> None:
        if not self.approved_by.strip():
            raise ValueError("a relief needs the approving committee (第七条)")
        if self.valid_until < self.valid_from:
            raise ValueError("relief ends before it starts")
        if self.kind is ReliefKind.REDUCED:
            if self.reduced_amount is None:
                raise ValueError("a reduction needs the reduced monthly amount")
            _fen_amount(self.reduced_amount, "reduced amount")
        elif self.reduced_amount is not None:
            raise ValueError("an exemption has no amount")

    def covers(self, month: Month) -> bool:
        return self.valid_from <= month <= self.valid_until


# ================================================================ the monthly amount
class DuesRule(enum.Enum):
    """Which rule produced a monthly amount (shown next to it; stable codes)."""

    IN_WORK_RATE = "in_work_rate"  # 第二条 (with 第一条 / 第三条 / 第四条 for the base)
    RETIRED_RATE = "retired_rate"  # 第五条
    FARMER_FIXED = "farmer_fixed"  # 第六条
    LOW_FIXED = "low_fixed"  # 第六条
    HARDSHIP_REDUCED = "hardship_reduced"  # 第七条
    HARDSHIP_EXEMPT = "hardship_exempt"  # 第七条


@dataclass(frozen=True, slots=True)
class MonthlyDue:
    """The amount a member owes for one month, and how it was reached."""

    month: Month
    category: PersonCategory
    base: Decimal | None
    rate: Decimal | None
    exact: Decimal  # before rounding
    amount: Decimal  # after the one rounding, in whole fen
    rule: DuesRule


def monthly_due(
    category: PersonCategory,
    month: Month,
    base: Decimal | None = None,
    *,
    relief: HardshipRelief | None = None,
    settings: DuesSettings = DEFAULT_SETTINGS,
    farmer_amount: Decimal | None = None,
) -> MonthlyDue:
    """The dues of one member for one month.

    ``base`` is required for categories paid as a rate (IN_WORK, RETIRED, OTHER) and ignored for
    the fixed amounts. ``farmer_amount`` overrides ``settings.farmer_amount`` for one member. A
    ``relief`` that does not cover ``month`` is ignored (an expired relief no longer applies).
    The rounding setting is applied exactly once, to base x rate; the fixed amounts of 第六条 and
    an approved reduced amount (第七条) are exact and are not rounded.
    """
    rate: Decimal | None = None
    used_base: Decimal | None = None
    if needs_base(category):
        if base is None:
            raise ValueError(f"category {category.value} needs a base")
        used_base = _amount(base, "base")
        if category is PersonCategory.RETIRED:
            rate, rule = rate_for(used_base, RETIRED_BRACKETS), DuesRule.RETIRED_RATE  # 第五条
        else:
            rate, rule = rate_for(used_base, IN_WORK_BRACKETS), DuesRule.IN_WORK_RATE  # 第二条
        exact = _exact().multiply(used_base, rate)
        amount = round_money(exact, settings.rounding)  # the one rounding
    else:
        if category is PersonCategory.FARMER:
            # 第六条: 0.2-1 yuan, set locally.
            exact = validate_farmer_amount(
                settings.farmer_amount if farmer_amount is None else farmer_amount
            )
            rule = DuesRule.FARMER_FIXED
        else:  # 第六条: 0.2 yuan nationally, a local setting per group
            exact, rule = settings.fixed_amount(category), DuesRule.LOW_FIXED
        # A fixed amount is already exact: a coarse rounding setting (to the yuan) must not
        # turn 0.20 into 0.00.
        amount = exact.quantize(FEN)

    if relief is not None and relief.covers(month):  # 第七条
        if relief.kind is ReliefKind.EXEMPT:
            amount, rule = ZERO, DuesRule.HARDSHIP_EXEMPT
        else:
            reduced = relief.reduced_amount
            if reduced is not None and reduced < amount:
                amount, rule = reduced.quantize(FEN), DuesRule.HARDSHIP_REDUCED
    return MonthlyDue(month, category, used_base, rate, exact, amount, rule)


# ================================================================ when dues are owed
def first_month_due(admitted_on: date) -> Month:
    """第八条: a probationary member pays from the day the 支部党员大会 admitted them.

    Dues are monthly, so the month containing that day is owed in full (no proration): admitted
    on 31 March, March is due.
    """
    return Month.of(admitted_on)


@dataclass(frozen=True, slots=True, order=True)
class BaseChange:
    """第十条: from ``effective`` — the month the new wage (or pension) is first paid — the member's
    base is ``base``. The base is usually fixed once a year (核定) and changed only by this."""

    effective: Month
    base: Decimal

    def __post_init__(self) -> None:
        _amount(self.base, "base")


def base_for_month(
    changes: Iterable[BaseChange | tuple[Month, Decimal]], month: Month
) -> Decimal | None:
    """第十条: the base in force in ``month``: the latest change effective in or before it.

    ``None`` if no change is effective yet. Two changes for the same month are ambiguous and
    refused (correct the earlier one instead).
    """
    latest: BaseChange | None = None
    seen: set[Month] = set()
    for item in changes:
        change = item if isinstance(item, BaseChange) else BaseChange(item[0], item[1])
        if change.effective in seen:
            raise ValueError(f"two bases effective from {change.effective}")
        seen.add(change.effective)
        if change.effective <= month and (latest is None or change.effective > latest.effective):
            latest = change
    return None if latest is None else latest.base


@dataclass(frozen=True, slots=True)
class CategoryChange:
    """A dated change of the member's category of person: from ``effective`` (the first month in
    the new category: retired in July, July) the member is ``category``; before it, ``previous``.

    第一条 / 第二条 (在职), 第五条 (离退休) and 第六条 (fixed amounts) each apply to the months the
    member was in that category: a member who retires in July owes the 在职 rate through June,
    whenever June's amount is generated. ``previous`` is kept on the change itself so that the
    months before the first recorded change have a category without a separate record.
    """

    effective: Month
    category: PersonCategory
    previous: PersonCategory


def category_for_month(
    changes: Iterable[CategoryChange], month: Month, current: PersonCategory
) -> PersonCategory:
    """The category in force in ``month``: the latest change effective in or before it; before
    the first change, that change's ``previous``; ``current`` (the member's record) when no
    change is recorded. Two changes for the same month are ambiguous and refused."""
    ordered = sorted(changes, key=lambda c: c.effective)
    months = [c.effective for c in ordered]
    if len(set(months)) != len(months):
        raise ValueError("two category changes effective from the same month")
    if not ordered:
        return current
    found = ordered[0].previous
    for change in ordered:
        if change.effective > month:
            break
        found = change.category
    return found


# ================================================================ quarterly payers (第十二条)
@dataclass(frozen=True, slots=True)
class QuarterlyConsent:
    """第十二条: "党员应当增强党员意识，主动按月交纳党费。……经党支部同意，可以按季度交纳".
    The branch agreed on ``agreed_on`` that the member pays by calendar quarter, from the quarter
    starting at ``valid_from`` to the one ending at ``valid_until`` (None: until withdrawn).

    For such a member the quarter is the unit of 第十三条's count (``arrears_by_index``): a month
    is in arrears only once its quarter is over and if nothing was paid for that quarter.
    """

    agreed_on: date
    valid_from: Month
    valid_until: Month | None = None

    def __post_init__(self) -> None:
        if self.valid_from.month % 3 != 1:
            raise ValueError("quarterly payment starts with a quarter (January, April...)")
        if self.valid_until is not None:
            if self.valid_until.month % 3 != 0:
                raise ValueError("quarterly payment ends with a quarter (March, June...)")
            if self.valid_until < self.valid_from:
                raise ValueError("quarterly payment ends before it starts")

    def covers(self, month: Month) -> bool:
        return self.valid_from <= month and (self.valid_until is None or month <= self.valid_until)


def quarterly_months(consents: Iterable[QuarterlyConsent], months: Iterable[int]) -> frozenset[int]:
    """The months (``Month.index``) among ``months`` paid by the quarter under a consent."""
    consents = tuple(consents)
    if not consents:
        return frozenset()
    return frozenset(
        m for m in months if any(c.covers(Month.from_index(m)) for c in consents)
    )


def overlapping_consents(consents: Iterable[QuarterlyConsent]) -> bool:
    """True if two consents cover the same month (one must end before the next starts)."""
    ordered = sorted(consents, key=lambda c: c.valid_from)
    return any(
        earlier.valid_until is None or later.valid_from <= earlier.valid_until
        for earlier, later in itertools.pairwise(ordered)
    )


@dataclass(frozen=True, slots=True)
class DuesProfile:
    """What the monthly amounts of one member are computed from.

    ``owes_from`` is the first month due (``first_month_due(admission date)`` for a member admitted
    this year, or the month they transferred in); ``owes_until`` the last (left the branch), both
    included. ``None`` means no limit on that side.
    """

    member_id: str
    category: PersonCategory
    bases: tuple[BaseChange, ...] = ()
    owes_from: Month | None = None
    owes_until: Month | None = None
    reliefs: tuple[HardshipRelief, ...] = ()
    farmer_amount: Decimal | None = None
    # Dated changes of category; ``category`` (the member's record) stands when there are none.
    categories: tuple[CategoryChange, ...] = ()

    def __post_init__(self) -> None:
        base_for_month(self.bases, Month(9999, 12))  # refuses duplicate months
        category_for_month(self.categories, Month(9999, 12), self.category)  # and here
        ordered = sorted(self.reliefs, key=lambda r: r.valid_from)
        for earlier, later in itertools.pairwise(ordered):
            if later.valid_from <= earlier.valid_until:
                raise ValueError("two hardship reliefs cover the same month")
        if self.farmer_amount is not None:
            validate_farmer_amount(self.farmer_amount)

    def owes(self, month: Month) -> bool:
        if self.owes_from is not None and month < self.owes_from:
            return False
        return self.owes_until is None or month <= self.owes_until

    def relief_for(self, month: Month) -> HardshipRelief | None:
        return next((r for r in self.reliefs if r.covers(month)), None)

    def category_in(self, month: Month) -> PersonCategory:
        """The category in force in ``month`` (``category_for_month``)."""
        return category_for_month(self.categories, month, self.category)


def due_for_month(
    profile: DuesProfile, month: Month, settings: DuesSettings = DEFAULT_SETTINGS
) -> MonthlyDue | None:
    """The member's dues for ``month``; ``None`` if nothing is owed that month (not yet admitted,
    already left). Raises ``ValueError`` if a base is needed and none is in force.

    Every month uses the category and the base in force in that month (第十条 for the base; the
    dated category changes for 第二条 / 第五条 / 第六条), not the member's record of today."""
    if not profile.owes(month):
        return None
    category = profile.category_in(month)
    base = base_for_month(profile.bases, month) if needs_base(category) else None
    return monthly_due(
        category,
        month,
        base,
        relief=profile.relief_for(month),
        settings=settings,
        farmer_amount=profile.farmer_amount,
    )


# ================================================================ payments (第十一条, 第十二条)
# 第十一条: a voluntary extra of 1000 yuan or more paid at once goes wholly to the centre.
CENTRE_REMITTANCE_THRESHOLD = Decimal("1000")
# 第十二条: back payment is generally limited to 6 months; beyond that the payment needs a note.
BACK_PAYMENT_LIMIT_MONTHS = 6


class PaymentMethod(enum.Enum):
    CASH = "cash"
    TRANSFER = "transfer"  # bank transfer
    ONLINE = "online"  # a payment platform
    OTHER = "other"


class PaymentFlag(enum.Enum):
    """Facts about a payment the secretary must see. Stable codes; the UI words them."""

    REMIT_WHOLLY_TO_CENTRE = "remit_wholly_to_centre"  # 第十一条
    BACK_PAYMENT_OVER_LIMIT = "back_payment_over_limit"  # 第十二条
    PAID_BY_OTHER = "paid_by_other"  # 第十二条 allows a relative or another member to pay


class PaymentProblem(enum.Enum):
    """Why a payment cannot be recorded as entered. Stable codes."""

    NOTE_REQUIRED_FOR_BACK_PAYMENT = "note_required_for_back_payment"  # 第十二条


# ================================================================ ledger events
@dataclass(frozen=True, slots=True)
class DueGenerated:
    """The amount due from a member for a month (generated from ``due_for_month``)."""

    event_id: str
    member_id: str
    month: Month
    amount: Decimal

    def __post_init__(self) -> None:
        _fen_amount(self.amount, "amount due")


@dataclass(frozen=True, slots=True)
class Payment:
    """Money received from (or on behalf of) a member.

    ``months`` are the months it pays for (one payment may cover several, 第十二条); ``amount`` is
    everything handed over, of which ``voluntary`` is what the member chose to pay beyond their
    dues (第十一条). The rest is set against the dues of ``months``, oldest first. ``payer`` is
    set when a relative or another member pays on the member's behalf (第十二条).
    """

    event_id: str
    member_id: str
    paid_on: date
    months: tuple[Month, ...]
    amount: Decimal
    voluntary: Decimal = ZERO
    payer: str | None = None
    method: PaymentMethod = PaymentMethod.CASH
    receipt_no: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "months", tuple(self.months))
        _fen_amount(self.amount, "payment amount", allow_zero=False)
        _fen_amount(self.voluntary, "voluntary amount")
        if self.voluntary > self.amount:
            raise ValueError("the voluntary part exceeds the payment")
        if not self.months and self.voluntary != self.amount:
            raise ValueError("a payment of dues must name the months it covers")
        if len(set(self.months)) != len(self.months):
            raise ValueError("a month is listed twice in one payment")

    @property
    def dues_part(self) -> Decimal:
        return self.amount - self.voluntary


@dataclass(frozen=True, slots=True)
class Reversal:
    """Cancels an earlier event (a correction never edits a past event). Record a new event with
    the right values after it. A reversal itself cannot be reversed."""

    event_id: str
    of_event_id: str
    reversed_on: date
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Remittance:
    """Dues handed to the higher committee: collections of months ``first``..``last``."""

    event_id: str
    remitted_on: date
    first: Month
    last: Month
    amount: Decimal
    to_centre: bool = False  # a 第十一条 voluntary payment passed on to the centre

    def __post_init__(self) -> None:
        _fen_amount(self.amount, "remittance amount", allow_zero=False)
        if self.last < self.first:
            raise ValueError("remittance period ends before it starts")


LedgerEvent = DueGenerated | Payment | Reversal | Remittance


def payment_flags(payment: Payment) -> frozenset[PaymentFlag]:
    """What the secretary must be told about a payment."""
    flags: set[PaymentFlag] = set()
    if goes_wholly_to_centre(payment.voluntary):  # 第十一条
        flags.add(PaymentFlag.REMIT_WHOLLY_TO_CENTRE)
    if months_paid_back(payment) > BACK_PAYMENT_LIMIT_MONTHS:  # 第十二条
        flags.add(PaymentFlag.BACK_PAYMENT_OVER_LIMIT)
    if payment.payer is not None and payment.payer.strip():
        flags.add(PaymentFlag.PAID_BY_OTHER)
    return frozenset(flags)


def goes_wholly_to_centre(voluntary: Decimal) -> bool:
    """第十一条: a voluntary payment of 1000 yuan or more (in one payment) is remitted wholly to
    the centre."""
    return voluntary >= CENTRE_REMITTANCE_THRESHOLD


def months_paid_back(payment: Payment) -> int:
    """第十二条: how far back the payment reaches: months from its earliest covered month to the
    month it was paid (paid in August for February: 6). 0 if it covers no past month."""
    if not payment.months:
        return 0
    return max(0, Month.of(payment.paid_on) - min(payment.months))


def payment_problems(payment: Payment) -> tuple[PaymentProblem, ...]:
    """Reasons to refuse the payment as entered. 第十二条: back payment beyond 6 months is
    an exception the branch must explain, so it needs a note."""
    problems: list[PaymentProblem] = []
    if PaymentFlag.BACK_PAYMENT_OVER_LIMIT in payment_flags(payment) and not (
        payment.note and payment.note.strip()
    ):
        problems.append(PaymentProblem.NOTE_REQUIRED_FOR_BACK_PAYMENT)
    return tuple(problems)


# ================================================================ arrears (第十三条)
class ArrearsLevel(enum.Enum):
    """第十三条: 6 consecutive months unpaid without good reason is treated as leaving the party
    (自行脱党). The app warns; the branch investigates and decides. Stable codes."""

    NONE = "none"
    WARNING = "warning"  # 3 or 4 consecutive unpaid months
    SEVERE = "severe"  # 5: one more month and 第十三条 applies
    LAPSED = "lapsed"  # 6 or more: the branch must consider 第十三条


ARREARS_WARNING_MONTHS = 3
ARREARS_SEVERE_MONTHS = 5
ARREARS_LAPSED_MONTHS = 6  # 第十三条


def arrears_level(consecutive_unpaid: int) -> ArrearsLevel:
    if consecutive_unpaid >= ARREARS_LAPSED_MONTHS:
        return ArrearsLevel.LAPSED
    if consecutive_unpaid >= ARREARS_SEVERE_MONTHS:
        return ArrearsLevel.SEVERE
    if consecutive_unpaid >= ARREARS_WARNING_MONTHS:
        return ArrearsLevel.WARNING
    return ArrearsLevel.NONE


@dataclass(frozen=True, slots=True)
class Arrears:
    """Unpaid months of one member as of a date."""

    unpaid: tuple[Month, ...]  # every due, completed month with nothing paid, oldest first
    longest_run: tuple[Month, ...]  # the longest run of consecutive unpaid months (latest if tied)
    level: ArrearsLevel
    # 0.00 months the longest run goes through (they neither count nor break it: ``arrears``).
    bridged: tuple[Month, ...] = ()
    # Months counted by the quarter (第十二条 quarterly payer with the branch's consent).
    by_quarter: bool = False

    @property
    def consecutive_months(self) -> int:
        return len(self.longest_run)


def arrears(
    due: Iterable[Month],
    paid: Iterable[Month],
    as_of: date,
    *,
    zero: Iterable[Month] = (),
    quarterly: Iterable[Month] = (),
) -> Arrears:
    """Consecutive unpaid months as of ``as_of`` (第十三条: "党员无正当理由，连续6个月不交纳党费的，
    按自行脱党处理").

    ``due`` are the months with a positive amount due; ``paid`` the months with something paid
    (by ``as_of``). A month counts once it is over: on 10 April, January to March can be unpaid,
    April cannot yet. A partly paid month is not unpaid here — 第十三条 is about not paying; the
    ledger shows the shortfall in money.

    "Consecutive" means consecutive calendar months, and the months with nothing to pay count so:

    - a month with nothing due because the member did not owe it (before admission, after
      leaving) or because the branch exempted it under 第七条 (免交, or 少交 to 0.00: approved
      by the branch, a 正当理由 in 第十三条's words) ends a run: the months on either side are
      not consecutive months "without good reason";
    - a month whose amount came out as 0.00 with no exemption (a base of 0, a coarse rounding
      setting) — ``zero`` — is not unpaid (there was nothing to pay) but excuses nothing either: it
      neither counts nor breaks, the run goes through it (``Arrears.bridged`` names it).

    ``quarterly`` months are paid by the quarter with the branch's consent (第十二条): such a
    month counts only once its calendar quarter is over, and is unpaid only if nothing was paid
    for any month of that quarter.
    """
    return arrears_by_index(
        [m.index for m in due], [m.index for m in paid], Month.of(as_of).index,
        zero=[m.index for m in zero], quarterly=frozenset(m.index for m in quarterly),
    )


_NO_ARREARS = Arrears((), (), ArrearsLevel.NONE)


def quarter_of(index: int) -> range:
    """The months (``Month.index``) of the calendar quarter holding ``index``."""
    first = index - (index % 12) % 3
    return range(first, first + 3)


def arrears_by_index(
    due: Iterable[int],
    paid: Iterable[int],
    current: int,
    *,
    zero: Iterable[int] = (),
    quarterly: frozenset[int] = frozenset(),
) -> Arrears:
    """``arrears`` with months as ``Month.index`` and ``current`` the index of the month of
    ``as_of`` (for a fold over a whole branch, which keys its months by index)."""
    paid_set = set(paid)

    def unpaid_month(month: int) -> bool:
        if month not in quarterly:
            return month < current and month not in paid_set
        quarter = quarter_of(month)  # 第十二条: the quarter is the unit
        return quarter[-1] < current and not any(m in paid_set for m in quarter)

    if quarterly:
        unpaid = sorted({m for m in due if unpaid_month(m)})
    else:  # the usual case, kept as cheap as before (a fold over 10,000 members)
        unpaid = sorted({m for m in due if m < current and m not in paid_set})
    if not unpaid:
        return _NO_ARREARS
    zero_set = set(zero)
    longest: list[int] = []
    run: list[int] = []
    for month in unpaid:
        between = range(run[-1] + 1, month) if run else range(0)
        consecutive = bool(run) and all(m in zero_set for m in between)
        run = [*run, month] if consecutive else [month]
        if len(run) >= len(longest):
            longest = run
    bridged = [m for m in range(longest[0], longest[-1]) if m in zero_set]
    return Arrears(
        tuple(map(Month.from_index, unpaid)),
        tuple(map(Month.from_index, longest)),
        arrears_level(len(longest)),
        tuple(map(Month.from_index, bridged)),
        any(m in quarterly for m in unpaid),
    )


# ================================================================ the ledger fold
@dataclass(frozen=True, slots=True)
class MonthBalance:
    """One member's month: what was due and what was set against it."""

    month: Month
    due: Decimal
    paid: Decimal

    @property
    def outstanding(self) -> Decimal:
        """Still owed (never negative: an overpayment is held on the member, not the month)."""
        return max(self.due - self.paid, ZERO)

    @property
    def settled(self) -> bool:
        return self.paid >= self.due

    @property
    def unpaid(self) -> bool:
        """Something was due and nothing was paid."""
        return self.due > 0 and self.paid == 0


@dataclass(frozen=True, slots=True)
class Allocation:
    """The part of a payment set against one month of dues."""

    payment_id: str
    member_id: str
    month: Month
    amount: Decimal
    paid_on: date


@dataclass(frozen=True, slots=True)
class MemberLedger:
    member_id: str
    months: Mapping[Month, MonthBalance]
    voluntary: Decimal  # 第十一条 voluntary extras (all of them)
    unallocated: Decimal  # paid beyond what the months named owe: to refund or correct
    # Paid ahead: what is left of payments naming months whose amounts are not recorded yet
    # (they are set against them once generated; see ``fold``).
    prepaid: Decimal = ZERO

    @property
    def total_due(self) -> Decimal:
        return sum((b.due for b in self.months.values()), ZERO)

    @property
    def total_paid(self) -> Decimal:
        """Dues set against months (excludes voluntary and unallocated money)."""
        return sum((b.paid for b in self.months.values()), ZERO)

    @property
    def outstanding(self) -> Decimal:
        return sum((b.outstanding for b in self.months.values()), ZERO)


@dataclass(frozen=True, slots=True)
class Reconciliation:
    """Collections against remittances for a period of months. ``difference`` is to the fen:
    positive means money collected and not yet remitted."""

    first: Month
    last: Month
    collected: Decimal
    remitted: Decimal

    @property
    def difference(self) -> Decimal:
        return self.collected - self.remitted

    @property
    def difference_fen(self) -> int:
        return to_fen(self.difference)

    @property
    def balanced(self) -> bool:
        return self.difference == 0


@dataclass(frozen=True, slots=True)
class Ledger:
    """The result of folding the events: balances and totals are derived, never typed in."""

    members: Mapping[str, MemberLedger]
    payments: tuple[Payment, ...]  # in force (not reversed), in recorded order
    remittances: tuple[Remittance, ...]  # in force
    allocations: tuple[Allocation, ...]  # how the payments were set against months
    reversed_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def total_due(self) -> Decimal:
        return sum((m.total_due for m in self.members.values()), ZERO)

    @property
    def total_paid(self) -> Decimal:
        return sum((m.total_paid for m in self.members.values()), ZERO)

    @property
    def total_voluntary(self) -> Decimal:
        return sum((m.voluntary for m in self.members.values()), ZERO)

    @property
    def total_outstanding(self) -> Decimal:
        return sum((m.outstanding for m in self.members.values()), ZERO)

    @property
    def total_prepaid(self) -> Decimal:
        return sum((m.prepaid for m in self.members.values()), ZERO)

    @property
    def total_collected(self) -> Decimal:
        """Every yuan received: dues, voluntary, prepaid and unallocated."""
        return sum((p.amount for p in self.payments), ZERO)

    @property
    def total_for_centre(self) -> Decimal:
        """第十一条: voluntary payments of 1000 yuan or more, remitted wholly to the centre."""
        return sum(
            (
                p.voluntary
                for p in self.payments
                if PaymentFlag.REMIT_WHOLLY_TO_CENTRE in payment_flags(p)
            ),
            ZERO,
        )

    @property
    def total_remitted(self) -> Decimal:
        return sum((r.amount for r in self.remittances), ZERO)

    def member(self, member_id: str) -> MemberLedger:
        empty = MemberLedger(member_id, MappingProxyType({}), ZERO, ZERO)
        return self.members.get(member_id, empty)

    def balance(self, member_id: str, month: Month) -> MonthBalance:
        return self.member(member_id).months.get(month, MonthBalance(month, ZERO, ZERO))

    def collected_in(self, first: Month, last: Month) -> Decimal:
        """Money received (by payment date) in months ``first``..``last``."""
        return sum((p.amount for p in self.payments if first <= Month.of(p.paid_on) <= last), ZERO)

    def reconcile(self, first: Month, last: Month) -> Reconciliation:
        """Collections received in ``first``..``last`` against remittances for periods lying in
        it. A remittance whose period straddles the range is refused (ambiguous)."""
        remitted = remitted_in(self.remittances, first, last)
        return Reconciliation(first, last, self.collected_in(first, last), remitted)

    def arrears(
        self,
        member_id: str,
        as_of: date,
        *,
        excused: Iterable[Month] = (),
        quarterly: Iterable[Month] = (),
    ) -> Arrears:
        """第十三条 for one member, counting payments made by ``as_of`` (``member_arrears``)."""
        return member_arrears(self, member_id, as_of, excused=excused, quarterly=quarterly)


def remitted_in(remittances: Iterable[Remittance], first: Month, last: Month) -> Decimal:
    """The remittances for periods lying in ``first``..``last``; a remittance whose period
    straddles the range is refused (ValueError: it cannot be reconciled against it)."""
    remitted = ZERO
    for r in remittances:
        inside = first <= r.first and r.last <= last
        outside = r.last < first or last < r.first
        if not (inside or outside):
            raise ValueError(f"remittance {r.event_id} straddles {first}..{last}")
        if inside:
            remitted += r.amount
    return remitted


def reversed_event_ids(events: Iterable[tuple[str, str | None]]) -> frozenset[str]:
    """The ids reversed by the events given, in recorded order, as (event id, id of the event it
    reverses or None). Raises ValueError for a duplicate id and for a reversal of a reversal.

    What syncing several PCs can produce folds without an error: a second reversal of the same
    event is the same reversal (idempotent), a reversal recorded before the event it reverses
    reverses it all the same, and one of an event not in the ledger reverses nothing. (Shared by
    ``fold`` and the integer-fen fold of ``app.domain.dues_fen``.)"""
    events = list(events)
    # Built by comprehensions (a branch's ledger has some 200,000 events, a few reversals).
    ids = [event_id for event_id, _target in events]
    seen = set(ids)
    if len(seen) != len(ids):
        duplicate = next(i for i, count in Counter(ids).items() if count > 1)
        raise ValueError(f"duplicate event id {duplicate}")
    reversals = {event_id: target for event_id, target in events if target is not None}
    reversed_ids = {target for target in reversals.values() if target in seen}
    if not reversed_ids.isdisjoint(reversals):
        raise ValueError("a reversal cannot be reversed; record the event again")
    return frozenset(reversed_ids)


def _in_force(
    events: Sequence[LedgerEvent],
) -> tuple[list[DueGenerated | Payment | Remittance], frozenset[str]]:
    """Apply reversals: the events still in force, and the ids reversed."""
    reversed_ids = reversed_event_ids(
        (e.event_id, e.of_event_id if isinstance(e, Reversal) else None) for e in events
    )
    kept = [e for e in events if not isinstance(e, Reversal) and e.event_id not in reversed_ids]
    return kept, reversed_ids


_Key = TypeVar("_Key", int, Month)
_Amount = TypeVar("_Amount", int, Decimal)


def set_against(
    left: _Amount, months: Iterable[_Key], due: Mapping[_Key, _Amount], paid: dict[_Key, _Amount]
) -> tuple[list[tuple[_Key, _Amount]], _Amount]:
    """The dues part ``left`` of one payment set against the months it lists, oldest first, each
    up to what it still owes (``due`` less ``paid``; ``paid`` is updated): the (month, share) set
    and what is left over (unallocated). Amounts are ``Decimal`` yuan or integer fen alike.
    (Shared by ``fold`` and the integer-fen fold of ``app.domain.dues_fen``.)"""
    zero = left - left
    shares: list[tuple[_Key, _Amount]] = []
    for month in sorted(months):
        share = min(left, max(due.get(month, zero) - paid.get(month, zero), zero))
        if share > 0:
            paid[month] = paid.get(month, zero) + share
            shares.append((month, share))
        left -= share
    return shares, left


def pays_ahead(months: Iterable[_Key], due: Mapping[_Key, object]) -> bool:
    """A payment whose leftover is held as prepaid: it names a month with no amount recorded.
    (Shared by ``fold`` and the integer-fen fold of ``app.domain.dues_fen``.)"""
    return any(month not in due for month in months)


def fold(events: Iterable[LedgerEvent]) -> Ledger:
    """Fold the append-only events (in recorded order) into the ledger.

    Dues: the sum of the ``DueGenerated`` in force for each member and month. Payments, in
    recorded order: the voluntary part is set aside; the rest goes to the listed months, oldest
    first, up to what each still owes; anything left over is ``prepaid`` when the payment names
    a month whose amount is not recorded yet (paid ahead: it is set against that month once its
    amount is generated, since dues are summed before payments), else ``unallocated`` (an
    overpayment the secretary must sort out — it is never silently carried to other months).
    """
    kept, reversed_ids = _in_force(list(events))
    due: dict[str, dict[Month, Decimal]] = {}
    for event in kept:
        if isinstance(event, DueGenerated):
            months = due.setdefault(event.member_id, {})
            months[event.month] = months.get(event.month, ZERO) + event.amount

    paid: dict[str, dict[Month, Decimal]] = {}
    voluntary: dict[str, Decimal] = {}
    unallocated: dict[str, Decimal] = {}
    prepaid: dict[str, Decimal] = {}
    payments: list[Payment] = []
    remittances: list[Remittance] = []
    allocations: list[Allocation] = []
    for event in kept:
        if isinstance(event, Remittance):
            remittances.append(event)
        if not isinstance(event, Payment):
            continue
        payments.append(event)
        member = event.member_id
        voluntary[member] = voluntary.get(member, ZERO) + event.voluntary
        shares, left = set_against(
            event.dues_part, event.months, due.get(member, {}), paid.setdefault(member, {})
        )
        allocations.extend(
            Allocation(event.event_id, member, month, share, event.paid_on)
            for month, share in shares
        )
        held = prepaid if pays_ahead(event.months, due.get(member, {})) else unallocated
        held[member] = held.get(member, ZERO) + left

    members: dict[str, MemberLedger] = {}
    for member in sorted(set(due) | set(paid) | set(voluntary)):
        member_due = due.get(member, {})
        member_paid = paid.get(member, {})
        balances = {
            month: MonthBalance(month, member_due.get(month, ZERO), member_paid.get(month, ZERO))
            for month in sorted(set(member_due) | set(member_paid))
        }
        members[member] = MemberLedger(
            member,
            MappingProxyType(balances),
            voluntary.get(member, ZERO),
            unallocated.get(member, ZERO),
            prepaid.get(member, ZERO),
        )
    return Ledger(
        MappingProxyType(members),
        tuple(payments),
        tuple(remittances),
        tuple(allocations),
        reversed_ids,
    )


def member_arrears(
    ledger: Ledger,
    member_id: str,
    as_of: date,
    *,
    excused: Iterable[Month] = (),
    quarterly: Iterable[Month] = (),
) -> Arrears:
    """第十三条 for one member as of ``as_of``: months due with nothing paid by that date.

    Money paid after ``as_of`` does not count, so the warnings of a past date can be replayed.
    ``excused``: the months exempted under 第七条 (they end a run); the other months recorded at
    0.00 are bridged (see ``arrears``). ``quarterly``: months paid by the quarter (第十二条).
    """
    balances = ledger.member(member_id).months.values()
    member_due = [b.month for b in balances if b.due > 0]
    excused = set(excused)
    zero = [b.month for b in balances if b.due == 0 and b.month not in excused]
    paid_months = [
        a.month for a in ledger.allocations if a.member_id == member_id and a.paid_on <= as_of
    ]
    return arrears(member_due, paid_months, as_of, zero=zero, quarterly=quarterly)


def months_due(profile: DuesProfile, first: Month, last: Month) -> list[Month]:
    """Months in ``first``..``last`` the member owes anything for (used to generate dues)."""
    return [m for m in month_range(first, last) if profile.owes(m)]


# ================================================================ paying ahead (第十二条)
PREPAY_LIMIT_MONTHS = 12
"""At most a year paid ahead in one payment (a longer prepayment is a note for the branch)."""


def months_to_prepay(
    profile: DuesProfile, after: Month, amount: Decimal, settings: DuesSettings = DEFAULT_SETTINGS
) -> tuple[Month, ...]:
    """The months after ``after`` that ``amount`` (beyond what is owed up to ``after``) pays
    ahead for: each following month, at the amount the member's base and category give now,
    while money is left, at most ``PREPAY_LIMIT_MONTHS``. Nothing for a month the member will
    not owe (left the branch) or cannot be computed (no base). 第十二条 allows several months
    at once; the amounts actually set against them are those generated later (``fold``)."""
    _amount(amount, "prepaid amount")
    months: list[Month] = []
    left, month = amount, after
    while left > 0 and len(months) < PREPAY_LIMIT_MONTHS:
        month = month + 1
        try:
            due = due_for_month(profile, month, settings)
        except ValueError:  # no base in force
            break
        if due is None:
            break
        months.append(month)
        left -= due.amount
    return tuple(months)
