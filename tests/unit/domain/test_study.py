"""The study rules (党员教育管理工作条例, 2019), each with its source."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.meetings import MeetingType
from app.domain.study import (
    Conversion,
    HoursError,
    StudyForm,
    StudyRules,
    behind_pace,
    expected_by,
    from_hundredths,
    hours_text,
    parse_hours,
    to_hundredths,
)


def test_article_20_a_member_studies_at_least_32_hours_a_year():
    assert StudyRules().target_for(committee=False, exempt=False) == 32


def test_secretaries_and_committee_members_56_in_the_national_training_plan():
    assert StudyRules().target_for(committee=True, exempt=False) == 56


def test_article_23_old_ill_or_disabled_members_have_no_target_and_are_never_behind():
    rules = StudyRules()
    assert rules.target_for(committee=False, exempt=True) is None
    assert rules.target_for(committee=True, exempt=True) is None
    assert not behind_pace(Decimal(0), None, 2026, date(2026, 12, 31))


@pytest.mark.parametrize(("minutes", "hours"), [
    (0, 0), (45, 1), (60, 1), (90, Decimal("1.5")), (100, Decimal("1.5")), (150, Decimal("2.5")),
    (179, 3), (180, 4), (359, 4), (360, 8), (480, 8),
])
def test_conversion_is_local_one_per_hour_four_per_half_day_eight_per_day(minutes, hours):
    """DOMAIN.md: converting activities to hours is local (e.g. 1 per hour, 4 per half day, 8
    per day): the defaults of a setting."""
    assert Conversion().hours_for_minutes(minutes) == hours


def test_a_meeting_without_times_counts_as_the_setting_says():
    conversion = Conversion(untimed_meeting=Decimal(3))
    assert conversion.meeting_hours("", "") == 3
    assert conversion.meeting_hours("14:30", "14:30") == 3
    assert conversion.meeting_hours("14:30", "16:00") == Decimal("1.5")


def test_lectures_and_theme_days_count_others_when_the_settings_say():
    rules = StudyRules()
    assert rules.form_for_meeting(MeetingType.PARTY_LECTURE) is StudyForm.PARTY_LECTURE
    assert rules.form_for_meeting(MeetingType.THEME_DAY) is StudyForm.THEME_DAY
    assert rules.form_for_meeting(MeetingType.COMMITTEE) is None
    wider = StudyRules(counted_meetings=frozenset({MeetingType.PARTY_GROUP}))
    assert wider.form_for_meeting(MeetingType.PARTY_GROUP) is StudyForm.COLLECTIVE
    assert wider.form_for_meeting(MeetingType.PARTY_LECTURE) is None


@pytest.mark.parametrize(("value", "hours"), [
    (2, Decimal(2)), (1.5, Decimal("1.5")), ("0.25", Decimal("0.25")), ("3学时", Decimal(3)),
    (Decimal("500"), Decimal(500)),
])
def test_hours_as_typed_or_read(value, hours):
    assert parse_hours(value) == hours


@pytest.mark.parametrize(("value", "code"), [
    ("abc", "not_hours"), (True, "not_hours"), (0, "not_positive"), (-1, "not_positive"),
    (501, "too_many_hours"), ("1.333", "too_precise"), (float("nan"), "not_hours"),
])
def test_hours_that_are_refused(value, code):
    with pytest.raises(HoursError) as refused:
        parse_hours(value)
    assert refused.value.code == code


def test_hours_are_kept_in_hundredths_and_written_as_people_write_them():
    assert to_hundredths(Decimal("12.5")) == 1250
    assert from_hundredths(1250) == Decimal("12.5")
    assert [hours_text(from_hundredths(v)) for v in (3200, 150, 25, 0)] == ["32", "1.5",
                                                                           "0.25", "0"]


def test_the_pace_counts_the_months_already_over():
    assert expected_by(Decimal(32), 2026, date(2026, 1, 31)) == 0
    assert expected_by(Decimal(32), 2026, date(2026, 7, 1)) == 16
    assert expected_by(Decimal(32), 2026, date(2027, 1, 5)) == 32
    assert expected_by(Decimal(32), 2027, date(2026, 12, 31)) == 0
    assert behind_pace(Decimal(15), Decimal(32), 2026, date(2026, 7, 1))
    assert not behind_pace(Decimal(16), Decimal(32), 2026, date(2026, 7, 1))
