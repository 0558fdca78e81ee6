"""Development stages, interval rules and deadlines (《中国共产党发展党员工作细则》2014)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.development import (
    ARTICLES,
    NATIONAL_RULES,
    Deadline,
    DeadlineKind,
    Decision,
    DecisionVote,
    DevelopmentRecord,
    Finding,
    Rules,
    Stage,
    StepWarning,
    add_months,
    check_record,
    check_step,
    current_stage,
    full_membership_overdue,
    full_membership_start,
    party_standing_years,
    probation_end,
    upcoming_deadlines,
)

# A textbook path that keeps every rule.
GOOD = DevelopmentRecord(
    birth_date=date(2000, 5, 20),
    application_received=date(2020, 3, 2),
    talk=date(2020, 3, 20),
    activist_since=date(2020, 9, 1),
    contacts=2,
    last_review=date(2021, 8, 30),
    candidate_since=date(2021, 9, 1),
    training_days=3,
    sponsors=2,
    admitted=date(2022, 6, 28),
    admission_vote=DecisionVote(entitled=30, in_favour=20, present=28),
    approved=date(2022, 8, 15),
    full_since=date(2023, 6, 28),
    full_vote=DecisionVote(entitled=30, in_favour=22, present=25),
)


def codes_of(warnings: list[StepWarning]) -> list[Finding]:
    return [w.code for w in warnings]


# ---------------------------------------------------------------- month arithmetic


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),  # leap year: clamp to 29 Feb
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 2, 29), 12, date(2025, 2, 28)),
        (date(2024, 3, 31), 6, date(2024, 9, 30)),
        (date(2024, 11, 15), 3, date(2025, 2, 15)),
        (date(2024, 5, 10), 0, date(2024, 5, 10)),
        (date(2024, 3, 31), -1, date(2024, 2, 29)),
    ],
)
def test_add_months_clamps_to_month_end(start: date, months: int, expected: date) -> None:
    assert add_months(start, months) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)), st.integers(0, 240))
def test_add_months_properties(start: date, months: int) -> None:
    moved = add_months(start, months)
    assert (moved.year * 12 + moved.month) - (start.year * 12 + start.month) == months
    assert moved.day <= start.day
    assert moved >= start


# ---------------------------------------------------------------- a clean path


def test_textbook_path_has_no_warnings() -> None:
    assert check_record(GOOD) == []
    assert current_stage(GOOD) is Stage.FULL


def test_stages_in_order() -> None:
    assert current_stage(DevelopmentRecord()) is None
    record = DevelopmentRecord(application_received=date(2024, 1, 1))
    assert current_stage(record) is Stage.APPLICANT
    record = dataclasses.replace(record, activist_since=date(2024, 6, 1))
    assert current_stage(record) is Stage.ACTIVIST


def test_every_finding_cites_an_article() -> None:
    assert set(ARTICLES) == set(Finding)
    assert all(a.startswith(("细则", "党章")) for a in ARTICLES.values())


# ---------------------------------------------------------------- each rule


def test_applicant_must_be_eighteen() -> None:
    record = DevelopmentRecord(birth_date=date(2006, 9, 1))
    warnings = check_step(record, Stage.APPLICANT, date(2024, 8, 31))
    assert codes_of(warnings) == [Finding.UNDER_MINIMUM_AGE]
    assert warnings[0].limit == date(2024, 9, 1)
    assert warnings[0].article == "细则第五条"
    assert check_step(record, Stage.APPLICANT, date(2024, 9, 1)) == []


def test_applicant_born_on_leap_day_is_eighteen_on_28_february() -> None:
    record = DevelopmentRecord(birth_date=date(2004, 2, 29))
    assert check_step(record, Stage.APPLICANT, date(2022, 2, 28)) == []
    assert codes_of(check_step(record, Stage.APPLICANT, date(2022, 2, 27))) == [
        Finding.UNDER_MINIMUM_AGE
    ]


def test_talk_within_one_month() -> None:
    base = DevelopmentRecord(application_received=date(2024, 1, 31), contacts=1)
    on_time = dataclasses.replace(base, talk=date(2024, 2, 29))
    assert check_step(on_time, Stage.ACTIVIST, date(2024, 8, 1)) == []
    late = dataclasses.replace(base, talk=date(2024, 3, 1))
    warnings = check_step(late, Stage.ACTIVIST, date(2024, 8, 1))
    assert codes_of(warnings) == [Finding.TALK_LATE]
    assert warnings[0].limit == date(2024, 2, 29)
    assert codes_of(check_step(base, Stage.ACTIVIST, date(2024, 8, 1))) == [Finding.TALK_MISSING]


def test_late_talk_is_reported_while_still_an_applicant() -> None:
    record = DevelopmentRecord(application_received=date(2024, 1, 10), talk=date(2024, 3, 1))
    assert codes_of(check_record(record)) == [Finding.TALK_LATE]


@pytest.mark.parametrize(
    ("contacts", "expected"),
    [
        (None, [Finding.CONTACTS_MISSING]),
        (0, [Finding.CONTACTS_MISSING]),
        (1, []),
        (2, []),
        (3, [Finding.TOO_MANY_CONTACTS]),
    ],
)
def test_one_or_two_contacts(contacts: int | None, expected: list[Finding]) -> None:
    record = DevelopmentRecord(
        application_received=date(2024, 1, 1), talk=date(2024, 1, 15), contacts=contacts
    )
    assert codes_of(check_step(record, Stage.ACTIVIST, date(2024, 7, 1))) == expected


def test_one_year_as_activist_before_candidate() -> None:
    record = DevelopmentRecord(activist_since=date(2023, 3, 15), last_review=date(2024, 3, 1))
    warnings = check_step(record, Stage.CANDIDATE, date(2024, 3, 14))
    assert codes_of(warnings) == [Finding.ACTIVIST_PERIOD_SHORT]
    assert warnings[0].limit == date(2024, 3, 15)
    assert check_step(record, Stage.CANDIDATE, date(2024, 3, 15)) == []


def test_review_every_six_months() -> None:
    record = DevelopmentRecord(activist_since=date(2022, 1, 10), last_review=date(2023, 1, 5))
    warnings = check_step(record, Stage.CANDIDATE, date(2023, 9, 1))
    assert codes_of(warnings) == [Finding.REVIEW_OVERDUE]
    assert warnings[0].limit == date(2023, 7, 5)


def test_training_three_days_or_twenty_four_hours() -> None:
    base = dataclasses.replace(GOOD, training_days=None, training_hours=None)
    on = GOOD.admitted
    assert on is not None
    assert codes_of(check_step(base, Stage.PROBATIONARY, on)) == [Finding.TRAINING_MISSING]
    short = dataclasses.replace(base, training_days=2, training_hours=20)
    assert codes_of(check_step(short, Stage.PROBATIONARY, on)) == [Finding.TRAINING_SHORT]
    by_hours = dataclasses.replace(base, training_days=2, training_hours=24)
    assert check_step(by_hours, Stage.PROBATIONARY, on) == []


@pytest.mark.parametrize(
    ("sponsors", "expected"),
    [
        (None, [Finding.SPONSORS_MISSING]),
        (1, [Finding.SPONSORS_NOT_TWO]),
        (2, []),
        (3, [Finding.SPONSORS_NOT_TWO]),
    ],
)
def test_two_sponsors(sponsors: int | None, expected: list[Finding]) -> None:
    record = dataclasses.replace(GOOD, sponsors=sponsors)
    assert codes_of(check_step(record, Stage.PROBATIONARY, date(2022, 6, 28))) == expected


@pytest.mark.parametrize(
    ("votes_for", "present", "expected"),
    [
        (16, 20, []),  # 16 of 30 entitled: more than half
        (15, 20, [Finding.VOTES_INSUFFICIENT]),  # exactly half is not enough
        (15, 15, [Finding.QUORUM_NOT_MET, Finding.VOTES_INSUFFICIENT]),
        (16, None, []),
    ],
)
def test_admission_vote_must_exceed_half_of_those_entitled(
    votes_for: int, present: int | None, expected: list[Finding]
) -> None:
    record = dataclasses.replace(
        GOOD, admission_vote=DecisionVote(entitled=30, in_favour=votes_for, present=present)
    )
    assert codes_of(check_step(record, Stage.PROBATIONARY, date(2022, 6, 28))) == expected


def test_admission_without_vote_figures() -> None:
    record = dataclasses.replace(GOOD, admission_vote=None)
    assert codes_of(check_step(record, Stage.PROBATIONARY, date(2022, 6, 28))) == [
        Finding.VOTES_MISSING
    ]


@pytest.mark.parametrize(
    ("approved", "expected"),
    [
        (date(2022, 9, 28), []),  # 3 months to the day
        (date(2022, 9, 29), [Finding.APPROVAL_LATE]),
        (date(2022, 12, 28), [Finding.APPROVAL_LATE]),  # 6 months: the limit
        (date(2022, 12, 29), [Finding.APPROVAL_OVERDUE]),
    ],
)
def test_party_committee_approval_within_three_months_at_most_six(
    approved: date, expected: list[Finding]
) -> None:
    record = dataclasses.replace(GOOD, approved=approved)
    assert codes_of(check_record(record)) == expected


def test_probation_is_one_year_from_the_branch_meeting() -> None:
    assert probation_end(GOOD) == date(2023, 6, 28)
    early = check_step(GOOD, Stage.FULL, date(2023, 6, 27))
    assert codes_of(early) == [Finding.PROBATION_NOT_COMPLETE]
    assert early[0].limit == date(2023, 6, 28)
    assert early[0].article == "细则第三十一条"


def test_probation_extension_once_by_six_to_twelve_months() -> None:
    extended = dataclasses.replace(
        GOOD, probation_extensions=(6,), extension_vote=DecisionVote(30, 16, 20)
    )
    assert probation_end(extended) == date(2023, 12, 28)
    assert codes_of(check_step(extended, Stage.FULL, date(2023, 6, 28))) == [
        Finding.PROBATION_NOT_COMPLETE
    ]
    assert check_step(extended, Stage.FULL, date(2023, 12, 28)) == []
    short = dataclasses.replace(GOOD, probation_extensions=(3,))
    assert Finding.EXTENSION_OUT_OF_RANGE in codes_of(
        check_step(short, Stage.FULL, date(2024, 1, 1))
    )
    twice = dataclasses.replace(GOOD, probation_extensions=(6, 6))
    assert Finding.TOO_MANY_EXTENSIONS in codes_of(check_step(twice, Stage.FULL, date(2025, 1, 1)))


def test_full_membership_without_approval() -> None:
    record = dataclasses.replace(GOOD, approved=None)
    assert codes_of(check_step(record, Stage.FULL, date(2023, 6, 28))) == [Finding.APPROVAL_MISSING]


def test_skipping_a_stage_or_going_back_in_time() -> None:
    record = DevelopmentRecord(application_received=date(2024, 1, 1))
    assert codes_of(check_step(record, Stage.CANDIDATE, date(2025, 1, 1))) == [
        Finding.PREVIOUS_STAGE_MISSING
    ]
    warnings = check_step(
        dataclasses.replace(record, talk=date(2024, 1, 5), contacts=1),
        Stage.ACTIVIST,
        date(2023, 12, 31),
    )
    assert codes_of(warnings) == [Finding.DATE_BEFORE_PREVIOUS_STAGE]
    assert warnings[0].limit == date(2024, 1, 1)


def test_party_standing_counts_from_full_membership() -> None:
    def full(on: date) -> DevelopmentRecord:  # an old roster: the 转正 date only
        return DevelopmentRecord(full_since=on)

    assert party_standing_years(full(date(2023, 6, 28)), date(2024, 6, 27)) == 0
    assert party_standing_years(full(date(2023, 6, 28)), date(2024, 6, 28)) == 1
    assert party_standing_years(full(date(1990, 7, 1)), date(2025, 7, 1)) == 35
    assert party_standing_years(full(date(2024, 2, 29)), date(2025, 2, 28)) == 1
    assert party_standing_years(DevelopmentRecord(admitted=date(2020, 1, 1)), TODAY) == 0


def test_party_standing_runs_from_the_end_of_probation_not_the_late_meeting() -> None:
    # 党章第七条: 党龄从预备期满转为正式党员之日算起. The example: admitted 2023-06-01,
    # 转正 meeting 2024-09-01 — 党龄 runs from 2024-06-01.
    record = DevelopmentRecord(admitted=date(2023, 6, 1), full_since=date(2024, 9, 1))
    assert full_membership_start(record) == date(2024, 6, 1)
    assert party_standing_years(record, date(2025, 6, 1)) == 1
    assert party_standing_years(record, date(2025, 5, 31)) == 0
    # An extension moves the end of probation, and 党龄 with it.
    extended = dataclasses.replace(record, probation_extensions=(6,))
    assert party_standing_years(extended, date(2025, 6, 1)) == 0
    assert party_standing_years(extended, date(2025, 12, 1)) == 1


def test_a_late_full_membership_meeting_is_a_warning() -> None:
    # 细则第三十三条: 预备期满，党支部应当及时讨论. Three months late (the new-user try).
    late = dataclasses.replace(GOOD, full_since=date(2023, 9, 28))
    warnings = check_step(late, Stage.FULL, date(2023, 9, 28))
    assert codes_of(warnings) == [Finding.FULL_MEMBERSHIP_LATE]
    assert warnings[0].limit == date(2023, 6, 28)
    assert warnings[0].article == "细则第三十三条"
    assert check_step(GOOD, Stage.FULL, date(2023, 6, 28)) == []


def test_overdue_full_membership_is_listed_until_the_branch_decides() -> None:
    probationary = dataclasses.replace(GOOD, full_since=None, full_vote=None)
    assert full_membership_overdue(probationary, date(2023, 6, 28)) is None  # the day itself
    assert full_membership_overdue(probationary, date(2023, 9, 1)) == date(2023, 6, 28)
    assert full_membership_overdue(GOOD, date(2023, 9, 1)) is None
    cancelled = dataclasses.replace(
        probationary, cancellation_vote=DecisionVote(entitled=30, in_favour=20, present=25)
    )
    assert full_membership_overdue(cancelled, date(2023, 9, 1)) is None


@pytest.mark.parametrize(
    ("vote", "expected"),
    [
        (DecisionVote(entitled=30, in_favour=16, present=20), []),
        (None, [Finding.VOTES_MISSING]),
        (DecisionVote(entitled=30, in_favour=15, present=20), [Finding.VOTES_INSUFFICIENT]),
        (
            DecisionVote(entitled=30, in_favour=16, present=15),
            [Finding.QUORUM_NOT_MET],  # 16 in favour with written opinions, 15 present
        ),
    ],
)
def test_full_membership_vote_is_checked_like_admission(
    vote: DecisionVote | None, expected: list[Finding]
) -> None:
    # 细则第三十三条: 转正 follows the admission procedure — quorum and majority of the entitled.
    warnings = check_step(dataclasses.replace(GOOD, full_vote=vote), Stage.FULL, date(2023, 6, 28))
    assert codes_of(warnings) == expected
    assert all(w.decision is Decision.FULL_MEMBERSHIP for w in warnings)
    assert all(w.article == "细则第三十三条" for w in warnings)


def test_extension_and_cancellation_votes_are_checked_like_admission() -> None:
    # 细则第三十三条: 延长预备期 and 取消预备党员资格 are decided like an admission.
    extended = dataclasses.replace(GOOD, probation_extensions=(6,), full_since=date(2023, 12, 28))
    warnings = check_step(extended, Stage.FULL, date(2023, 12, 28))
    assert [(w.code, w.decision) for w in warnings] == [
        (Finding.VOTES_MISSING, Decision.EXTENSION)
    ]
    voted = dataclasses.replace(extended, extension_vote=DecisionVote(30, 16, 20))
    assert check_step(voted, Stage.FULL, date(2023, 12, 28)) == []
    failed = dataclasses.replace(
        GOOD, full_since=None, full_vote=None, cancellation_vote=DecisionVote(30, 12, 20)
    )
    assert [(w.code, w.decision) for w in check_record(failed)] == [
        (Finding.VOTES_INSUFFICIENT, Decision.CANCELLATION)
    ]


def test_a_locality_can_set_its_own_rules() -> None:
    strict = Rules(talk_within_months=0)
    record = DevelopmentRecord(application_received=date(2024, 1, 1), talk=date(2024, 1, 2))
    assert check_record(record) == []
    assert codes_of(check_record(record, strict)) == [Finding.TALK_LATE]
    assert NATIONAL_RULES.probation_months == 12


# ---------------------------------------------------------------- deadlines

TODAY = date(2024, 6, 1)


def test_talk_due() -> None:
    record = DevelopmentRecord(application_received=date(2024, 5, 20))
    assert upcoming_deadlines(record, TODAY) == [Deadline(DeadlineKind.TALK_DUE, date(2024, 6, 20))]
    talked = dataclasses.replace(record, talk=date(2024, 5, 25))
    assert upcoming_deadlines(talked, TODAY) == []


def test_overdue_talk_is_listed_and_marked() -> None:
    record = DevelopmentRecord(application_received=date(2024, 3, 1))
    [deadline] = upcoming_deadlines(record, TODAY)
    assert deadline.kind is DeadlineKind.TALK_DUE
    assert deadline.is_overdue(TODAY)


def test_activist_review_due_from_last_review() -> None:
    record = DevelopmentRecord(
        application_received=date(2023, 1, 1),
        talk=date(2023, 1, 10),
        activist_since=date(2023, 6, 1),
        last_review=date(2023, 12, 20),
    )
    assert upcoming_deadlines(record, TODAY) == [
        Deadline(DeadlineKind.REVIEW_DUE, date(2024, 6, 20))
    ]
    assert upcoming_deadlines(record, TODAY, within_days=10) == []


def test_probation_ending_and_approval_due() -> None:
    record = DevelopmentRecord(admitted=date(2023, 6, 20))
    assert upcoming_deadlines(record, TODAY) == [
        Deadline(DeadlineKind.APPROVAL_DUE, date(2023, 9, 20)),
        Deadline(DeadlineKind.PROBATION_ENDS, date(2024, 6, 20)),
    ]
    approved = dataclasses.replace(record, approved=date(2023, 8, 1))
    assert upcoming_deadlines(approved, TODAY) == [
        Deadline(DeadlineKind.PROBATION_ENDS, date(2024, 6, 20))
    ]
    assert upcoming_deadlines(approved, TODAY, within_days=7) == []


def test_full_members_have_no_deadlines() -> None:
    assert upcoming_deadlines(GOOD, TODAY, within_days=3650) == []


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2030, 12, 31)), st.integers(0, 400))
def test_deadlines_are_sorted_and_within_horizon(admitted: date, within: int) -> None:
    record = DevelopmentRecord(admitted=admitted)
    found = upcoming_deadlines(record, TODAY, within_days=within)
    assert found == sorted(found, key=lambda d: d.due_date)
    assert all(d.due_date <= TODAY + timedelta(days=within) for d in found)


def test_an_undiscussed_full_membership_is_listed_as_overdue() -> None:
    # 细则第三十三条: 预备期满，党支部应当及时讨论 — once probation has ended without a 转正
    # discussion, the deadline says so (工作台 lists it in red).
    record = DevelopmentRecord(admitted=date(2023, 3, 1), approved=date(2023, 4, 1))
    assert upcoming_deadlines(record, TODAY) == [
        Deadline(DeadlineKind.FULL_MEMBERSHIP_OVERDUE, date(2024, 3, 1))
    ]
    assert upcoming_deadlines(record, date(2024, 3, 1)) == [
        Deadline(DeadlineKind.PROBATION_ENDS, date(2024, 3, 1))
    ]
