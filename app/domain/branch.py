"""Branch structure (支部委员会): whether the branch has a committee, its term and next 换届.

Sources: 《中国共产党支部工作条例（试行）》(2018) 第二十一条 ("条例" below) and 《中国共产党基层
组织选举工作条例》(2020, "选举条例" below), as DOMAIN.md states them.

- 条例第二十一条: a branch with 7 or more full members (正式党员) sets up a 支部委员会; with
  fewer it has a 书记 (and a 副书记 if needed) and no committee — so no 支委会 meetings are
  required. The requirement follows the number by itself: off under 7, on again at 7.
- Term (条例第二十一条; 选举条例, 2020): 3 years; 5 years for 村 and 社区 branches.
- 选举条例: the higher committee reminds the branch 6 months before the term ends; bringing an
  election forward or putting it off needs approval and is limited to 1 year — not modelled:
  the secretary records the new 换届 date when it happens.

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from app.domain.branch_kind import BranchKind
from app.domain.development import add_months
from app.domain.meetings import Frequency, MeetingType

# 条例第二十一条: 有正式党员7人以上的党支部，应当设立党支部委员会.
COMMITTEE_MIN_FULL_MEMBERS = 7
# 条例第二十一条: 党支部委员会每届任期3年 (村、社区党支部 5年, 选举条例 2020).
TERM_YEARS = 3
TERM_YEARS_VILLAGE_COMMUNITY = 5
# 选举条例: 上级党组织 reminds 6 months before the term ends.
REMINDER_MONTHS = 6


def has_committee(full_members: int) -> bool:
    """条例第二十一条: a 支部委员会 only with 7 or more full members."""
    return full_members >= COMMITTEE_MIN_FULL_MEMBERS


def term_years(kind: BranchKind) -> int:
    if kind in (BranchKind.VILLAGE, BranchKind.COMMUNITY):
        return TERM_YEARS_VILLAGE_COMMUNITY
    return TERM_YEARS


def next_election(elected_on: date, kind: BranchKind) -> date:
    """The day the term of a committee elected on ``elected_on`` ends (the next 换届)."""
    return add_months(elected_on, 12 * term_years(kind))


@dataclass(frozen=True)
class ElectionReminder:
    """The next 换届: due on ``due``; ``overdue`` once the term has ended."""

    elected_on: date
    due: date
    days_left: int  # negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0


def election_reminder(
    elected_on: date | None, kind: BranchKind, today: date
) -> ElectionReminder | None:
    """A reminder from 6 months before the term ends (选举条例), None before that or when the
    last election is not recorded."""
    if elected_on is None:
        return None
    due = next_election(elected_on, kind)
    if today < add_months(due, -REMINDER_MONTHS):
        return None
    return ElectionReminder(elected_on, due, (due - today).days)


def required_frequencies(
    frequencies: Mapping[MeetingType, Frequency | None], full_members: int
) -> Mapping[MeetingType, Frequency | None]:
    """The branch's meeting requirements given its size: without a committee (under 7 full
    members, 条例第二十一条) no 支委会 is required; at 7 the branch's own setting applies again."""
    if has_committee(full_members):
        return frequencies
    merged = dict(frequencies)
    merged[MeetingType.COMMITTEE] = None
    return MappingProxyType(merged)
