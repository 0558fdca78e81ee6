"""Branch structure: committee, term and 换届 (支部工作条例 第二十一条; 基层组织选举工作条例
2020)."""

from __future__ import annotations

from datetime import date

from app.domain.branch import (
    BranchKind,
    election_reminder,
    has_committee,
    next_election,
    required_frequencies,
    term_years,
)
from app.domain.meetings import DEFAULT_FREQUENCIES, Frequency, MeetingType, frequencies


def test_a_committee_only_from_seven_full_members() -> None:
    # 条例第二十一条: 有正式党员7人以上的党支部，应当设立党支部委员会.
    assert not has_committee(6)
    assert has_committee(7)


def test_the_committee_meeting_requirement_follows_the_branch_size() -> None:
    # Under 7 full members no 支委会 is required; at 7 it is again (the branch's own setting).
    small = required_frequencies(DEFAULT_FREQUENCIES, 6)
    assert small[MeetingType.COMMITTEE] is None
    assert small[MeetingType.MEMBERS_ASSEMBLY] is Frequency.QUARTERLY
    assert required_frequencies(DEFAULT_FREQUENCIES, 7)[MeetingType.COMMITTEE] is (
        Frequency.MONTHLY
    )
    own = frequencies({MeetingType.COMMITTEE: Frequency.QUARTERLY})
    assert required_frequencies(own, 8)[MeetingType.COMMITTEE] is Frequency.QUARTERLY


def test_term_is_three_years_five_for_village_and_community() -> None:
    assert term_years(BranchKind.GENERAL) == 3
    assert term_years(BranchKind.VILLAGE) == 5
    assert term_years(BranchKind.COMMUNITY) == 5
    assert next_election(date(2023, 5, 10), BranchKind.GENERAL) == date(2026, 5, 10)
    assert next_election(date(2023, 5, 10), BranchKind.COMMUNITY) == date(2028, 5, 10)


def test_the_reminder_starts_six_months_before_the_term_ends() -> None:
    elected = date(2023, 5, 10)
    assert election_reminder(elected, BranchKind.GENERAL, date(2025, 11, 9)) is None
    reminder = election_reminder(elected, BranchKind.GENERAL, date(2025, 11, 10))
    assert reminder is not None
    assert (reminder.due, reminder.overdue) == (date(2026, 5, 10), False)
    late = election_reminder(elected, BranchKind.GENERAL, date(2026, 5, 11))
    assert late is not None
    assert (late.days_left, late.overdue) == (-1, True)
    assert election_reminder(elected, BranchKind.VILLAGE, date(2026, 5, 11)) is None
    assert election_reminder(None, BranchKind.GENERAL, date(2026, 5, 11)) is None
