"""The checks made with the annual statistics.

- Gaps (before the tables): members counted on the reference date whose record lacks a field a
  table groups by (性别, 民族, 出生日期, 学历, 职业, 入党时间). The tables are still made; a gap
  counts in the table's 未填 column.
- The balance (printed with the tables): 年末数 = 年初数 + 增加 − 减少, for 正式, 预备 and in total.
  The two ends are counted from each record's state on the two days (``counted_on`` and
  ``category_on``); the movements are counted from the dated events of the year (admission
  approved, letter in, 转正, leaving). A record whose status and dates disagree breaks the
  balance, and the error names it: a member counted at the start and not at the end with no
  reduction, a status of leaving without a leaving date, a leaving date on a member still on the
  roll, a 转正 date before admission…
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from app.documents.statistics import BalanceLine
from app.services.statistics_facts import Category, MemberFacts

GAP_FIELDS = (
    ("gender", "性别"), ("ethnic_group", "民族"), ("birth_date", "出生日期"),
    ("education", "学历"), ("occupation", "职业"), ("admission_date", "入党时间"),
)
"""(field, the table heading it is missing from)."""


@dataclass(frozen=True)
class Gap:
    member_id: str
    name: str
    field: str  # a member field name (GAP_FIELDS)


@dataclass(frozen=True)
class Movement:
    """One change of a member's count in the period, by its dated event."""

    member_id: str
    on: date
    kind: str  # "admitted", "transferred_in", "full", "left"
    category: str  # the category the member moves in (for "full": the new one, 正式)


@dataclass(frozen=True)
class Balance(BalanceLine):
    """年初数 + 增加 − 减少 against 年末数 for one category ("full", "probationary", "total")."""

    @property
    def ok(self) -> bool:
        return self.expected == self.end


@dataclass(frozen=True)
class BalanceError:
    member_id: str
    name: str
    code: str  # see ``balance``: no_reduction, no_increase, left_without_date, …


def gaps(people: list[MemberFacts], as_of: date) -> list[Gap]:
    found = []
    for person in people:
        if not person.counted_on(as_of):
            continue
        for name, _heading in GAP_FIELDS:
            if not getattr(person, name):
                found.append(Gap(person.id, person.name, name))
    return found


def movements(person: MemberFacts, first: date, last: date) -> list[Movement]:
    """The member's dated events between ``first`` and ``last`` (inclusive), oldest first."""
    found: list[Movement] = []
    since = person.in_branch_since
    if since is not None and first <= since <= last:
        kind = "transferred_in" if since == person.transfer_in_on else "admitted"
        found.append(Movement(person.id, since, kind, person.category_on(since)))
    full = person.full_since
    if full is not None and first <= full <= last and person.party_since not in (None, full):
        found.append(Movement(person.id, full, "full", Category.FULL))
    out = person.left_date
    if out is not None and first <= out <= last:
        found.append(Movement(person.id, out, "left", person.category_on(out)))
    return sorted(found, key=lambda m: (m.on, m.kind != "left"))


def balance(
    people: list[MemberFacts], start: date, as_of: date
) -> tuple[list[Balance], list[BalanceError]]:
    """The balance per category and in total, and the members whose records break it.
    ``start``: the day before the period (年初数 is the count at its end). 转正 moves a member
    from 预备 to 正式: a reduction of one and an increase of the other, not of the total."""
    begin: Counter[str] = Counter()
    end: Counter[str] = Counter()
    arrived: Counter[str] = Counter()
    departed: Counter[str] = Counter()
    converted = 0
    errors: list[BalanceError] = []
    first = date.fromordinal(start.toordinal() + 1)
    for person in people:
        was = person.category_on(start) if person.counted_on(start) else None
        now = person.category_on(as_of) if person.counted_on(as_of) else None
        if was:
            begin[was] += 1
        if now:
            end[now] += 1
        state = was
        problems: list[str] = []
        if person.left and person.left_date is None:
            problems.append("left_without_date")
        if not person.left and person.left_date is not None:
            problems.append("date_without_leaving")
        if (person.full_date and person.admission_date
                and person.full_date < person.admission_date):
            problems.append("full_before_admission")
        for move in movements(person, first, as_of):
            if move.kind in ("admitted", "transferred_in"):
                arrived[move.category] += 1
                state = move.category
            elif move.kind == "full":
                if state == Category.PROBATIONARY:
                    converted += 1
                    state = Category.FULL
            elif state is not None:  # left
                departed[state] += 1
                state = None
        if state != now and not problems:
            problems.append("no_reduction" if now is None else "no_increase")
        errors += [BalanceError(person.id, person.name, code) for code in problems]
    full, probationary = Category.FULL, Category.PROBATIONARY
    balances = [
        Balance(full, begin[full], arrived[full] + converted, departed[full], end[full]),
        Balance(probationary, begin[probationary], arrived[probationary],
                departed[probationary] + converted, end[probationary]),
        Balance("total", begin[full] + begin[probationary], sum(arrived.values()),
                sum(departed.values()), end[full] + end[probationary]),
    ]
    return balances, errors

