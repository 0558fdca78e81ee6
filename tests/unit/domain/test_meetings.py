"""Organizational life: meeting types and frequencies, votes, compliance."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.calendar import Month, months_of_year
from app.domain.meetings import (
    DEFAULT_FREQUENCIES,
    Ballot,
    Frequency,
    HeldMeeting,
    MeetingType,
    MembershipState,
    PartyStanding,
    Period,
    VoteError,
    VoteProblem,
    Voter,
    VoteResult,
    compliance,
    due_soon,
    entitled_to_vote,
    frequencies,
    frequencies_from_codes,
    frequencies_to_codes,
    majority_reached,
    missing_meetings,
    periods_of_year,
    quorum_met,
    tally,
)

T = MeetingType
M, Q, Y = Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.YEARLY


# ---------------------------------------------------------------- types and frequencies
def test_default_frequencies_follow_the_table() -> None:
    assert dict(DEFAULT_FREQUENCIES) == {
        T.MEMBERS_ASSEMBLY: Q,
        T.COMMITTEE: M,
        T.PARTY_GROUP: M,
        T.PARTY_LECTURE: Q,
        T.THEME_DAY: M,
        T.ORGANIZATIONAL_LIFE: Y,
        T.DEMOCRATIC_APPRAISAL: Y,
        T.OTHER: None,
    }


def test_codes_are_stable() -> None:
    assert [t.value for t in MeetingType] == [
        "members_assembly",
        "committee",
        "party_group",
        "party_lecture",
        "theme_day",
        "organizational_life",
        "democratic_appraisal",
        "other",
    ]
    assert [f.value for f in Frequency] == ["monthly", "quarterly", "yearly"]


def test_frequencies_are_overridable_settings() -> None:
    # A small branch without a committee or party groups, with the national 党课 minimum.
    merged = frequencies({T.COMMITTEE: None, T.PARTY_GROUP: None, T.PARTY_LECTURE: Y})
    assert merged[T.COMMITTEE] is None
    assert merged[T.PARTY_LECTURE] is Y
    assert merged[T.MEMBERS_ASSEMBLY] is Q
    assert DEFAULT_FREQUENCIES[T.COMMITTEE] is M  # the defaults are untouched
    stored = frequencies_to_codes(merged)
    assert stored["party_lecture"] == "yearly"
    assert stored["committee"] is None
    assert frequencies_from_codes(stored) == merged
    with pytest.raises(ValueError, match="weekly"):
        frequencies_from_codes({"committee": "weekly"})
    with pytest.raises(ValueError, match="coffee"):
        frequencies_from_codes({"coffee": "monthly"})


def test_periods() -> None:
    assert len(periods_of_year(M, 2024)) == 12
    quarters = periods_of_year(Q, 2024)
    assert [str(p) for p in quarters] == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"]
    assert quarters[1].start == date(2024, 4, 1)
    assert quarters[1].end == date(2024, 6, 30)
    assert str(periods_of_year(Y, 2024)[0]) == "2024"
    assert Period.containing(M, date(2024, 2, 29)).end == date(2024, 2, 29)


# ---------------------------------------------------------------- compliance
def a_full_year(year: int) -> list[HeldMeeting]:
    """Every required meeting of ``year`` held once in its period."""
    held: list[HeldMeeting] = []
    for month in months_of_year(year):
        held.append(HeldMeeting(T.COMMITTEE, date(year, month.month, 3)))
        held.append(HeldMeeting(T.PARTY_GROUP, date(year, month.month, 12)))
        held.append(HeldMeeting(T.THEME_DAY, date(year, month.month, 1)))
        if month.month % 3 == 2:
            held.append(HeldMeeting(T.MEMBERS_ASSEMBLY, date(year, month.month, 20)))
            held.append(HeldMeeting(T.PARTY_LECTURE, date(year, month.month, 21)))
    held.append(HeldMeeting(T.ORGANIZATIONAL_LIFE, date(year, 12, 18)))
    held.append(HeldMeeting(T.DEMOCRATIC_APPRAISAL, date(year, 12, 19)))
    held.append(HeldMeeting(T.OTHER, date(year, 7, 1)))
    return held


def test_a_complete_year_is_complete() -> None:
    report = compliance(a_full_year(2024), 2024)
    assert len(report) == 1 + 4 + 12  # year, quarters, months
    assert all(pc.complete and pc.closed for pc in report)
    assert missing_meetings(report) == []


def test_missing_quarter_assembly_and_two_committee_months_are_reported_exactly() -> None:
    held = [
        m
        for m in a_full_year(2024)
        if not (m.type is T.MEMBERS_ASSEMBLY and m.held_on.month in (4, 5, 6))
        and not (m.type is T.COMMITTEE and m.held_on.month in (2, 8))
    ]
    # Meetings of another year do not count.
    held.append(HeldMeeting(T.MEMBERS_ASSEMBLY, date(2023, 5, 20)))
    held.append(HeldMeeting(T.COMMITTEE, date(2025, 2, 3)))
    report = compliance(held, 2024)
    assert missing_meetings(report) == [
        (Period.containing(M, Month(2024, 2)), T.COMMITTEE),
        (Period.containing(Q, Month(2024, 4)), T.MEMBERS_ASSEMBLY),
        (Period.containing(M, Month(2024, 8)), T.COMMITTEE),
    ]
    q2 = next(pc for pc in report if str(pc.period) == "2024-Q2")
    assert q2.required == {T.MEMBERS_ASSEMBLY, T.PARTY_LECTURE}
    assert q2.held == {T.PARTY_LECTURE}
    assert q2.missing == {T.MEMBERS_ASSEMBLY}
    february = next(pc for pc in report if pc.period == Period.containing(M, Month(2024, 2)))
    assert february.held == {T.PARTY_GROUP, T.THEME_DAY}
    assert february.missing == {T.COMMITTEE}


def test_tuples_are_accepted_and_settings_change_what_is_required() -> None:
    held = [(T.PARTY_LECTURE, date(2024, 11, 1))]
    only_lecture_yearly = {t: None for t in MeetingType} | {T.PARTY_LECTURE: Y}
    report = compliance(held, 2024, frequencies=only_lecture_yearly)
    assert len(report) == 1
    assert report[0].complete


def test_compliance_up_to_a_date() -> None:
    # The whole year's records; meetings after as_of (10 May) must not count.
    report = compliance(a_full_year(2024), 2024, as_of=date(2024, 5, 10))
    assert [str(pc.period) for pc in report] == [
        "2024",
        "2024-Q1",
        "2024-01",
        "2024-02",
        "2024-03",
        "2024-Q2",
        "2024-04",
        "2024-05",
    ]
    open_periods = [str(pc.period) for pc in report if not pc.closed]
    assert open_periods == ["2024", "2024-Q2", "2024-05"]
    # Still due, not missed: nothing in a running period is reported as missing.
    assert missing_meetings(report) == []
    may = report[-1]
    assert may.held == {T.COMMITTEE, T.THEME_DAY}
    assert may.missing == {T.PARTY_GROUP}  # held on 12 May, after as_of
    q2 = report[5]
    assert q2.missing == {T.MEMBERS_ASSEMBLY, T.PARTY_LECTURE}


def test_due_soon_reminders() -> None:
    held = [
        HeldMeeting(T.COMMITTEE, date(2024, 6, 3)),
        HeldMeeting(T.PARTY_LECTURE, date(2024, 5, 10)),
        HeldMeeting(T.THEME_DAY, date(2024, 5, 1)),  # last month: does not count for June
        HeldMeeting(T.PARTY_GROUP, date(2024, 6, 28)),  # after as_of: not yet held
    ]
    reminders = due_soon(held, date(2024, 6, 25))
    assert [(r.meeting_type, str(r.period), r.days_left) for r in reminders] == [
        (T.MEMBERS_ASSEMBLY, "2024-Q2", 5),
        (T.PARTY_GROUP, "2024-06", 5),
        (T.THEME_DAY, "2024-06", 5),
        (T.DEMOCRATIC_APPRAISAL, "2024", 189),
        (T.ORGANIZATIONAL_LIFE, "2024", 189),
    ]
    soon = due_soon(held, date(2024, 6, 25), within_days=7)
    assert {r.meeting_type for r in soon} == {T.MEMBERS_ASSEMBLY, T.PARTY_GROUP, T.THEME_DAY}
    assert due_soon(a_full_year(2024), date(2024, 12, 31)) == ()


# ---------------------------------------------------------------- votes
def test_who_is_entitled_to_vote() -> None:
    assert entitled_to_vote(PartyStanding.FULL, MembershipState.ACTIVE)
    assert not entitled_to_vote(PartyStanding.PROBATIONARY, MembershipState.ACTIVE)
    assert not entitled_to_vote(PartyStanding.FULL, MembershipState.STOPPED)
    assert not entitled_to_vote(PartyStanding.FULL, MembershipState.LEFT)


@pytest.mark.parametrize(
    ("entitled", "present", "quorate"),
    [(10, 5, False), (10, 6, True), (9, 4, False), (9, 5, True), (1, 1, True), (0, 0, False)],
)
def test_quorum_is_more_than_half_exactly_half_is_not(
    entitled: int, present: int, quorate: bool
) -> None:
    assert quorum_met(entitled, present) is quorate


def test_pass_needs_more_than_half_of_the_entitled_not_of_those_present() -> None:
    # 6 of 10 present, 5 in favour: a majority of those present, not of the entitled.
    result = VoteResult.compute(entitled=10, present=6, in_favour=5, against=1, abstain=0)
    assert result.quorum_met
    assert not result.passed
    assert VoteResult.compute(entitled=10, present=6, in_favour=6, against=0, abstain=0).passed
    assert not majority_reached(10, 5)
    assert majority_reached(10, 6)


def test_no_quorum_no_resolution() -> None:
    result = VoteResult.compute(entitled=10, present=5, in_favour=5, against=0, abstain=0)
    assert not result.quorum_met
    assert not result.passed


def test_tally_from_the_register() -> None:
    full = [Voter(f"f{i}", PartyStanding.FULL, MembershipState.ACTIVE) for i in range(8)]
    others = [
        Voter("p1", PartyStanding.PROBATIONARY, MembershipState.ACTIVE),
        Voter("p2", PartyStanding.PROBATIONARY, MembershipState.ACTIVE),
        Voter("s1", PartyStanding.FULL, MembershipState.STOPPED),
        Voter("l1", PartyStanding.FULL, MembershipState.LEFT),
    ]
    voters = full + others
    # Exactly half of the 8 entitled present, with two probationary and a stopped member
    # attending: no quorum, whatever they vote.
    half = ["f0", "f1", "f2", "f3", "p1", "p2", "s1"]
    result = tally(voters, half, {f"f{i}": Ballot.IN_FAVOUR for i in range(4)})
    assert (result.entitled, result.present, result.quorum_met, result.passed) == (
        8,
        4,
        False,
        False,
    )
    # Five present: quorum. Four in favour is a majority of those present but not of 8.
    five = [*half, "f4"]
    ballots = {f"f{i}": Ballot.IN_FAVOUR for i in range(4)} | {"f4": Ballot.AGAINST}
    result = tally(voters, five, ballots)
    assert result.quorum_met
    assert not result.passed
    assert (result.in_favour, result.against, result.abstain) == (4, 1, 0)
    result = tally(voters, five, {f"f{i}": Ballot.IN_FAVOUR for i in range(5)})
    assert result.passed
    with pytest.raises(VoteError) as not_entitled:
        tally(voters, five, {"p1": Ballot.IN_FAVOUR})
    assert not_entitled.value.problem is VoteProblem.NOT_ENTITLED
    with pytest.raises(VoteError) as absent:
        tally(voters, five, {"f7": Ballot.IN_FAVOUR})
    assert absent.value.problem is VoteProblem.NOT_PRESENT


@pytest.mark.parametrize(
    ("counts", "problem"),
    [
        ((10, 6, 4, 2, 1, True, False), VoteProblem.VOTES_EXCEED_PRESENT),
        ((10, 11, 6, 0, 0, True, False), VoteProblem.PRESENT_EXCEEDS_ENTITLED),
        ((10, 6, -1, 0, 0, True, False), VoteProblem.NEGATIVE_COUNT),
        ((10, 6, 6, 0, 0, True, False), VoteProblem.INCONSISTENT_RESULT),
        ((10, 5, 5, 0, 0, True, True), VoteProblem.INCONSISTENT_RESULT),
    ],
)
def test_vote_result_validation(
    counts: tuple[int, int, int, int, int, bool, bool], problem: VoteProblem
) -> None:
    with pytest.raises(VoteError) as error:
        VoteResult(*counts)
    assert error.value.problem is problem


@given(st.integers(0, 200), st.data())
def test_vote_properties(entitled: int, data: st.DataObject) -> None:
    present = data.draw(st.integers(0, entitled))
    in_favour = data.draw(st.integers(0, present))
    against = data.draw(st.integers(0, present - in_favour))
    abstain = data.draw(st.integers(0, present - in_favour - against))
    result = VoteResult.compute(
        entitled=entitled, present=present, in_favour=in_favour, against=against, abstain=abstain
    )
    half = Fraction(entitled, 2)
    assert result.quorum_met == (present > half)
    assert result.passed == (result.quorum_met and in_favour > half)
    if result.passed:
        # More than half of the entitled is more than everyone else present put together.
        assert in_favour > against + abstain + result.not_voting
    assert result.not_voting >= 0


def test_a_period_must_be_a_real_month_quarter_or_year() -> None:
    with pytest.raises(ValueError, match="quarterly"):
        Period(Month(2024, 2), Month(2024, 4), Q)
    assert Period.containing(M, Month(2024, 1)) < Period.containing(Q, Month(2024, 1))


# ---------------------------------------------------------------- written opinions (issue 15)
def test_written_opinions_count_in_the_votes_not_in_the_quorum() -> None:
    # 发展党员工作细则 第二十一条: an entitled member absent with a written opinion handed in before
    # the meeting is counted in the votes. The example: 10 entitled, 6 present, 6 in
    # favour and 1 against — 7 votes, one of them written.
    result = VoteResult.compute(
        entitled=10, present=6, in_favour=6, against=1, abstain=0, written=1
    )
    assert result.quorum_met
    assert result.passed
    assert result.not_voting == 0
    # 第二十二条: the quorum counts only those present — 5 present and 3 written is no quorum.
    no_quorum = VoteResult.compute(
        entitled=10, present=5, in_favour=8, against=0, abstain=0, written=3
    )
    assert not no_quorum.quorum_met
    assert not no_quorum.passed
    # Passing counts votes present and written against more than half of ALL entitled.
    with_written = VoteResult.compute(
        entitled=10, present=6, in_favour=6, against=0, abstain=0, written=2
    )
    assert with_written.passed
    short = VoteResult.compute(entitled=10, present=6, in_favour=5, against=2, abstain=1, written=2)
    assert short.quorum_met
    assert not short.passed


def test_more_votes_than_present_and_written_is_refused() -> None:
    with pytest.raises(VoteError) as without:
        VoteResult.compute(entitled=10, present=6, in_favour=6, against=1, abstain=0)
    assert without.value.problem is VoteProblem.VOTES_EXCEED_PRESENT
    with pytest.raises(VoteError) as too_many:
        VoteResult.compute(entitled=10, present=6, in_favour=7, against=1, abstain=0, written=1)
    assert too_many.value.problem is VoteProblem.VOTES_EXCEED_PRESENT
    # Written opinions come from the absent: present + written never exceeds the entitled.
    with pytest.raises(VoteError) as written:
        VoteResult.compute(entitled=10, present=9, in_favour=6, against=0, abstain=0, written=2)
    assert written.value.problem is VoteProblem.WRITTEN_EXCEED_ABSENT


def test_tally_accepts_the_ballot_of_an_absent_member_with_a_written_opinion() -> None:
    # 细则第二十一条: the ballot of an absent member counts when they handed in a written opinion.
    voters = [Voter(f"f{i}", PartyStanding.FULL, MembershipState.ACTIVE) for i in range(10)]
    present = [f"f{i}" for i in range(6)]
    ballots = {f"f{i}": Ballot.IN_FAVOUR for i in range(6)} | {"f6": Ballot.AGAINST}
    result = tally(voters, present, ballots, written=["f6", "f7"])
    assert (result.present, result.written, result.in_favour, result.against) == (6, 2, 6, 1)
    assert result.passed
    assert result.not_voting == 1  # f7's written opinion is there, without a ballot counted
    # An absent member without a written opinion still cannot vote.
    with pytest.raises(VoteError) as absent:
        tally(voters, present, ballots | {"f8": Ballot.IN_FAVOUR}, written=["f6"])
    assert absent.value.problem is VoteProblem.NOT_PRESENT
    # A "written opinion" of someone present or not entitled is not one.
    probationary = [*voters, Voter("p1", PartyStanding.PROBATIONARY, MembershipState.ACTIVE)]
    result = tally(probationary, present, {}, written=["f0", "p1"])
    assert result.written == 0
