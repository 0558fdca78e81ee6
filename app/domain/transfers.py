"""Transfers of membership (组织关系转接) and 流动党员: the rules, as pure functions.

Sources: 《中国共产党党员教育管理工作条例》(2019) 第二十四条 (the organizational relationship
follows the member: transfer when the work unit or residence changes, or when away six months or
more at a fixed place), 第二十五条 (流动党员: the sending branch keeps contact, 流动党员活动证),
第三十二条 (失联); 中组部《关于进一步加强和改进党员组织关系转接工作的通知》(组通字〔2006〕45号,
the letter's standard form and its use).

What is here:
- The letter (组织关系介绍信): three parts with one 编号 (存根, 介绍信, 回执); the paid-up
  month (党费已交到 年 月) and the validity (有效期 天) are written in 大写 numerals so that they
  cannot be altered (``daxie``, ``daxie_year``). Validity is the issuer's (locally 7 to 30
  days, at most three months: ``MAX_VALID_DAYS``), a setting with ``DEFAULT_VALID_DAYS``.
- Until the receiving side accepts (the 回执 comes back), the member stays the sending branch's
  responsibility: 转出待接收 (``MembershipStatus.TRANSFER_PENDING``). A letter past its
  validity without a 回执 is to be followed up (``letter_overdue``).
- Dues around a transfer (45号文: the letter states 党费已交到): the receiving branch charges from
  the month after the paid-up month (``DuesStartRule.AFTER_PAID_UP``, the default). Local practice
  differs (some charge from the month the member arrives: ``TRANSFER_MONTH``), so it is a setting,
  and the months nobody charges (a gap) or both branches charge (an overlap) are warned about.
  The sending branch charges up to the paid-up month it wrote on the letter.
- Only members (预备党员 and 正式党员) have an organizational relationship to transfer; an
  applicant's or activist's file follows another path (发展党员工作细则), not this letter.

Deliberately not modelled: the seal (盖章) and signatures (printed as places to sign); the
county-wide numbering of 流动党员活动证 (typed as given); transfers between systems handled by the
higher committee (the branch prints and records; it does not route).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.calendar import Month
from app.domain.development import Stage

# 45号文 and local practice: the issuer sets the validity, commonly 7 to 30 days, never more than
# three months.
DEFAULT_VALID_DAYS = 30
MIN_VALID_DAYS = 1
MAX_VALID_DAYS = 90

# 教育管理工作条例 第二十四条: away six months or more at a fixed place → transfer; less → 流动党员.
FLOW_TRANSFER_MONTHS = 6

_DAXIE_DIGITS = "零壹贰叁肆伍陆柒捌玖"


class DuesStartRule(enum.Enum):
    """From which month the receiving branch charges a member transferred in (a setting)."""

    AFTER_PAID_UP = "after_paid_up"  # 45号文: the month after 党费已交到 (default)
    TRANSFER_MONTH = "transfer_month"  # local practice: the month the member arrives


class DuesFinding(enum.Enum):
    """Stable codes of what ``dues_start`` warns about (the UI words them)."""

    PAID_UP_MISSING = "paid_up_missing"  # the letter's month not given: owed from arrival
    GAP = "gap"  # months after the paid-up month that no branch charges
    OVERLAP = "overlap"  # months the letter says are paid that are charged again here
    BACK_DUES = "back_dues"  # months before arrival charged here (unpaid at the former branch)


@dataclass(frozen=True)
class TransferSettings:
    """The branch's local practice (a setting, national rule as default): the letter's validity,
    the month dues start after a transfer in, and what the letter prints of the issuer (the
    基层党委 that seals it: name, address, phone, postcode; empty name = the branch profile's
    上级党组织)."""

    valid_days: int = DEFAULT_VALID_DAYS
    dues_start: DuesStartRule = DuesStartRule.AFTER_PAID_UP
    issuer: str = ""
    issuer_address: str = ""
    issuer_phone: str = ""
    issuer_postcode: str = ""

    def __post_init__(self) -> None:
        if not valid_days_ok(self.valid_days):
            raise ValueError(f"validity out of range: {self.valid_days}")


@dataclass(frozen=True)
class DuesStart:
    """The first month a member transferred in owes here, and the warnings with their months."""

    owes_from: Month
    findings: tuple[tuple[DuesFinding, tuple[Month, ...]], ...] = ()

    def codes(self) -> set[DuesFinding]:
        return {code for code, _months in self.findings}


def may_transfer(stage: Stage) -> bool:
    """Only 预备党员 and 正式党员 have an organizational relationship (党章 第五条、第七条)."""
    return stage in (Stage.PROBATIONARY, Stage.FULL)


def valid_days_ok(days: int) -> bool:
    return MIN_VALID_DAYS <= days <= MAX_VALID_DAYS


def expires_on(issued_on: date, valid_days: int) -> date:
    """The last day the letter is valid: ``有效期 N 天`` counted from the day it is issued."""
    return issued_on + timedelta(days=valid_days - 1)


def letter_overdue(issued_on: date, valid_days: int, receipt_on: date | None, today: date) -> bool:
    """A letter past its validity whose 回执 has not come back (工作台 follows it up)."""
    return receipt_on is None and today > expires_on(issued_on, valid_days)


def transfer_advised(flow_since: date | None, today: date) -> bool:
    """A member away six months or more (第二十四条) should transfer rather than stay 流出."""
    if flow_since is None:
        return False
    return Month.of(today) - Month.of(flow_since) > FLOW_TRANSFER_MONTHS or (
        Month.of(today) - Month.of(flow_since) == FLOW_TRANSFER_MONTHS
        and today.day >= flow_since.day
    )


def dues_start(
    paid_until: Month | None, transferred_on: date,
    rule: DuesStartRule = DuesStartRule.AFTER_PAID_UP,
) -> DuesStart:
    """The first month owed here by a member transferred in on ``transferred_on`` whose letter
    says 党费已交到 ``paid_until``; with the gaps and overlaps ``rule`` leaves (45号文)."""
    arrival = Month.of(transferred_on)
    if paid_until is None:
        return DuesStart(arrival, ((DuesFinding.PAID_UP_MISSING, ()),))
    findings: list[tuple[DuesFinding, tuple[Month, ...]]] = []
    if rule is DuesStartRule.AFTER_PAID_UP:
        owes_from = paid_until.next()
        if owes_from < arrival:
            findings.append((DuesFinding.BACK_DUES, _months(owes_from, arrival.previous())))
    else:
        owes_from = arrival
        if paid_until.next() < arrival:
            findings.append((DuesFinding.GAP, _months(paid_until.next(), arrival.previous())))
        if paid_until >= arrival:
            findings.append((DuesFinding.OVERLAP, _months(arrival, paid_until)))
    return DuesStart(owes_from, tuple(findings))


def dues_window(
    admitted: Month | None,
    transferred_in_on: date | None,
    paid_until_in: Month | None,
    left: Month | None,
    paid_until_out: Month | None,
    rule: DuesStartRule = DuesStartRule.AFTER_PAID_UP,
) -> tuple[Month | None, Month | None]:
    """The first and last month a member owes this branch (``None``: no limit on that side).

    From admission (会费规定 第八条), but not before ``dues_start`` after a transfer in; until the
    paid-up month written on the letter out (45号文) or else the month of leaving."""
    owes_from = admitted
    if transferred_in_on is not None:
        start = dues_start(paid_until_in, transferred_in_on, rule).owes_from
        owes_from = start if owes_from is None else max(owes_from, start)
    return owes_from, paid_until_out if paid_until_out is not None else left


def month_or_none(text: str | None) -> Month | None:
    """A stored ``YYYY-MM`` (``""``: not stated)."""
    return Month.parse(text) if text else None


def _months(first: Month, last: Month) -> tuple[Month, ...]:
    return tuple(Month.from_index(i) for i in range(first.index, last.index + 1))


def daxie(n: int) -> str:
    """A count in 大写 numerals, as written on forms that must not be altered: 30 → 叁拾,
    15 → 壹拾伍, 7 → 柒, 105 → 壹佰零伍 (0 to 9999)."""
    if not 0 <= n <= 9999:
        raise ValueError(f"out of range for 大写: {n}")
    if n == 0:
        return _DAXIE_DIGITS[0]
    parts = []
    zero_pending = False
    for value, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
        digit, n = divmod(n, value)
        if digit:
            if zero_pending:
                parts.append(_DAXIE_DIGITS[0])
                zero_pending = False
            parts.append(_DAXIE_DIGITS[digit] + unit)
        elif parts:
            zero_pending = True
    return "".join(parts)


def daxie_year(year: int) -> str:
    """A year digit by digit in 大写: 2025 → 贰零贰伍."""
    return "".join(_DAXIE_DIGITS[int(c)] for c in str(year))


def age_on(birth_date: date, day: date) -> int:
    """Full years of age on ``day`` (the letter's 年龄)."""
    return day.year - birth_date.year - ((day.month, day.day) < (birth_date.month, birth_date.day))
