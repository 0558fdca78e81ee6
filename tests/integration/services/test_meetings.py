"""Meetings on a real encrypted database: attendance, votes from the register, finality."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.development import Stage
from app.domain.id_numbers import check_character
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost, MembershipStatus
from app.errors import InvalidInputError, MeetingFinalizedError
from app.services import meetings as mt
from app.services import members as m

TODAY = date(2026, 11, 25)


def number(i: int) -> str:
    first17 = f"110105{1960 + i % 40}0101{i:03d}"
    return first17 + check_character(first17)


def add_members(ws, full: int, probationary: int = 0, committee: int = 0) -> list[str]:
    ids = []
    with ws.unit_of_work() as uow:
        for i in range(full + probationary):
            stage = Stage.FULL if i < full else Stage.PROBATIONARY
            ids.append(m.create_member(uow, m.MemberInput(
                name=f"党员{i:02d}", id_number=number(i), stage=stage,
                admission_date=date(2026, 3, 1) if stage is Stage.PROBATIONARY else None,
                branch_post=BranchPost.ORGANIZATION if i < committee else BranchPost.NONE,
            ), TODAY))
        uow.commit()
    return ids


def new_meeting(ws, kind=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 11, 20)) -> str:
    with ws.unit_of_work() as uow:
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=kind, held_on=held_on, start_time="14:30", end_time="16:00",
            place="三楼会议室", topics=("讨论接收预备党员",), host="王建国", recorder="李红"))
        uow.commit()
    return meeting_id


def mark_absent(ws, meeting_id: str, member_ids: list[str]) -> None:
    with ws.unit_of_work() as uow:
        for member_id in member_ids:
            mt.set_attendance(uow, meeting_id, member_id, mt.Attendance.LEAVE, "出差")
        uow.commit()


def test_everyone_expected_is_present_by_default(workspace):
    add_members(workspace, full=5, probationary=2)
    meeting_id = new_meeting(workspace)
    with workspace.unit_of_work() as uow:
        meeting = mt.get_meeting(uow, meeting_id)
    assert (meeting.expected, meeting.present) == (7, 7)
    assert sum(a.probationary for a in meeting.attendance) == 2


def test_committee_meetings_expect_the_committee(workspace):
    add_members(workspace, full=6, committee=3)
    meeting_id = new_meeting(workspace, MeetingType.COMMITTEE)
    with workspace.unit_of_work() as uow:
        assert mt.get_meeting(uow, meeting_id).expected == 3


def test_exactly_half_present_is_not_a_quorum(workspace):
    ids = add_members(workspace, full=10, probationary=3)
    meeting_id = new_meeting(workspace)
    mark_absent(workspace, meeting_id, ids[:5])
    with workspace.unit_of_work() as uow:
        preview = mt.vote_preview(uow, meeting_id)
        assert (preview.entitled, preview.present) == (10, 5)
        assert not preview.quorum_met
        result = mt.record_vote(uow, meeting_id, "接收张三为预备党员", 5, 0, 0)
        uow.commit()
    assert not result.quorum_met
    assert not result.passed


def test_probationary_and_stopped_members_are_not_entitled(workspace):
    ids = add_members(workspace, full=9, probationary=4)
    with workspace.unit_of_work() as uow:
        m.record_leaving(uow, ids[0], MembershipStatus.STOPPED, TODAY, "停止党籍")
        uow.commit()
    meeting_id = new_meeting(workspace)
    with workspace.unit_of_work() as uow:
        preview = mt.vote_preview(uow, meeting_id)
    assert preview.entitled == 8


def test_a_pass_needs_more_than_half_of_the_entitled_not_of_those_present(workspace):
    ids = add_members(workspace, full=10)
    meeting_id = new_meeting(workspace)
    mark_absent(workspace, meeting_id, ids[:4])  # 6 of 10 present: quorate
    with workspace.unit_of_work() as uow:
        five = mt.record_vote(uow, meeting_id, "议题一", 5, 1, 0)  # 5 of 6 present, 5 of 10
        six = mt.record_vote(uow, meeting_id, "议题二", 6, 0, 0)
        with pytest.raises(InvalidInputError):
            mt.record_vote(uow, meeting_id, "议题三", 5, 2, 0)  # 7 votes from 6 present
        uow.commit()
        stored = mt.get_meeting(uow, meeting_id).votes
    assert five.quorum_met
    assert not five.passed
    assert six.passed
    assert [v.result.passed for v in stored] == [False, True]


def test_votes_only_at_a_members_assembly(workspace):
    add_members(workspace, full=3, committee=3)
    meeting_id = new_meeting(workspace, MeetingType.COMMITTEE)
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError):
        mt.record_vote(uow, meeting_id, "x", 3, 0, 0)


def test_finalized_minutes_refuse_edits_and_take_amendments(workspace):
    ids = add_members(workspace, full=3)
    meeting_id = new_meeting(workspace)
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError):
            mt.add_amendment(uow, meeting_id, TODAY, "李红", "更正")
        mt.finalize(uow, meeting_id, TODAY)
        uow.commit()
    with workspace.unit_of_work() as uow:
        data = mt.get_meeting(uow, meeting_id).data
        with pytest.raises(MeetingFinalizedError):
            mt.update_meeting(uow, meeting_id, data)
        with pytest.raises(MeetingFinalizedError):
            mt.set_attendance(uow, meeting_id, ids[0], mt.Attendance.ABSENT, "病假")
        with pytest.raises(MeetingFinalizedError):
            mt.add_attachment(uow, meeting_id, "a.jpg", b"jpeg")
        mt.add_amendment(uow, meeting_id, TODAY, "李红", "会议地点应为二楼会议室。")
        uow.commit()
        meeting = mt.get_meeting(uow, meeting_id)
    assert meeting.finalized_on == TODAY
    assert [a.text for a in meeting.amendments] == ["会议地点应为二楼会议室。"]


def test_absence_needs_a_reason_and_attachments_stay_inside(workspace):
    ids = add_members(workspace, full=2)
    meeting_id = new_meeting(workspace)
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError):
            mt.set_attendance(uow, meeting_id, ids[0], mt.Attendance.ABSENT)
        attachment = mt.add_attachment(uow, meeting_id, "签到表.jpg", b"\xff\xd8scan")
        uow.commit()
        assert mt.attachment_data(uow, attachment) == b"\xff\xd8scan"
        assert mt.get_meeting(uow, meeting_id).attachments[0].file_name == "签到表.jpg"


def test_compliance_reports_a_missing_quarter_and_two_missing_months(workspace):
    add_members(workspace, full=3, committee=3)
    for quarter_month in (2, 8, 11):  # no 党员大会 in Q2
        new_meeting(workspace, MeetingType.MEMBERS_ASSEMBLY, date(2025, quarter_month, 10))
    for month in range(1, 13):
        if month not in (4, 9):  # two months without 支委会
            new_meeting(workspace, MeetingType.COMMITTEE, date(2025, month, 5))
    with workspace.unit_of_work() as uow:
        frequencies = {t: None for t in MeetingType}
        frequencies[MeetingType.MEMBERS_ASSEMBLY] = mt.Frequency.QUARTERLY
        frequencies[MeetingType.COMMITTEE] = mt.Frequency.MONTHLY
        mt.save_frequencies(uow, frequencies)
        uow.commit()
        report = mt.compliance_report(uow, 2025, as_of=date(2026, 1, 15))
    missed = sorted((period.start, kind.value) for period, kind in report.missed)
    assert missed == [
        (date(2025, 4, 1), "committee"),
        (date(2025, 4, 1), "members_assembly"),  # the second quarter
        (date(2025, 9, 1), "committee"),
    ]
    quarters = [p for p in report.periods if p.period.frequency is mt.Frequency.QUARTERLY]
    assert [p.complete for p in quarters] == [True, False, True, True]


def test_list_by_period_and_type(workspace):
    add_members(workspace, full=2, committee=2)
    a = new_meeting(workspace, MeetingType.COMMITTEE, date(2026, 10, 5))
    b = new_meeting(workspace, MeetingType.MEMBERS_ASSEMBLY, date(2026, 11, 5))
    with workspace.unit_of_work() as uow:
        assert mt.meeting_ids(uow, mt.MeetingFilter(year=2026)) == [b, a]
        assert mt.meeting_ids(uow, mt.MeetingFilter(year=2026, month=10)) == [a]
        assert mt.meeting_ids(uow, mt.MeetingFilter(type=MeetingType.MEMBERS_ASSEMBLY)) == [b]
        rows = mt.meeting_rows(uow, [a, b])
    assert [(r.expected, r.present) for r in rows] == [(2, 2), (2, 2)]


def test_records_start_when_the_database_was_set_up_or_at_the_first_meeting(workspace):
    with workspace.unit_of_work() as uow:
        assert mt.records_since(uow) == date.today()
    add_members(workspace, full=2, committee=2)
    new_meeting(workspace, MeetingType.COMMITTEE, date(2024, 5, 6))
    with workspace.unit_of_work() as uow:
        assert mt.records_since(uow) == date(2024, 5, 6)
