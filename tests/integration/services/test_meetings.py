"""Meetings on a real encrypted database: attendance, votes from the register, finality."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

import pytest
from sqlalchemy import select, text

from app.domain.branch import BranchKind
from app.domain.development import Decision, Stage
from app.domain.id_numbers import check_character
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost, MembershipStatus
from app.errors import InvalidInputError, MeetingFinalizedError
from app.services import branch, decisions
from app.services import meetings as mt
from app.services import members as m
from app.storage.models import AuditEntry

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
    add_members(workspace, full=7, committee=3)  # 7 full members: a committee
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


def test_the_list_counts_no_deleted_attendance_row(workspace):
    """An attendance row deleted by a sync (a tombstone: ``deleted_at`` set) is no longer
    expected, nor present, in the list's counts (the assessment's attendance uses them)."""
    ids = add_members(workspace, full=3)
    meeting_id = new_meeting(workspace)
    mark_absent(workspace, meeting_id, [ids[1]])
    with workspace.unit_of_work() as uow:
        uow.session.execute(text(
            "UPDATE meeting_attendance SET deleted_at = '2026-11-21T08:00:00Z' "
            "WHERE meeting_id = :m AND member_id IN (:a, :b)"),
            {"m": meeting_id, "a": ids[0], "b": ids[1]})
        uow.commit()
    with workspace.unit_of_work() as uow:
        [row] = mt.meeting_rows(uow, [meeting_id])
    assert (row.expected, row.present) == (1, 1)


def test_a_deleted_attendance_row_is_not_shown_nor_counted_in_a_vote_until_set_again(workspace):
    """The meeting's register and its vote preview leave out a row deleted by a sync, like the
    list does; marking the member again brings the row back (an edit beats a delete)."""
    ids = add_members(workspace, full=3)
    meeting_id = new_meeting(workspace, MeetingType.MEMBERS_ASSEMBLY)
    with workspace.unit_of_work() as uow:
        uow.session.execute(text(
            "UPDATE meeting_attendance SET deleted_at = '2026-11-21T08:00:00Z' "
            "WHERE meeting_id = :m AND member_id = :a"), {"m": meeting_id, "a": ids[0]})
        uow.commit()
    with workspace.unit_of_work() as uow:
        listed = [e.member_id for e in mt.get_meeting(uow, meeting_id).attendance]
        preview = mt.vote_preview(uow, meeting_id)
    assert ids[0] not in listed
    assert (preview.entitled, preview.present) == (3, 2)
    mark_absent(workspace, meeting_id, [ids[0]])
    with workspace.unit_of_work() as uow:
        listed = [e.member_id for e in mt.get_meeting(uow, meeting_id).attendance]
        [row] = mt.meeting_rows(uow, [meeting_id])
    assert ids[0] in listed
    assert (row.expected, row.present) == (3, 2)


def test_records_start_when_the_database_was_set_up_or_at_the_first_meeting(workspace):
    with workspace.unit_of_work() as uow:
        assert mt.records_since(uow) == date.today()
    add_members(workspace, full=2, committee=2)
    new_meeting(workspace, MeetingType.COMMITTEE, date(2024, 5, 6))
    with workspace.unit_of_work() as uow:
        assert mt.records_since(uow) == date(2024, 5, 6)


def mark_written(ws, meeting_id: str, member_ids: list[str]) -> None:
    with ws.unit_of_work() as uow:
        for member_id in member_ids:
            mt.set_attendance(uow, meeting_id, member_id, mt.Attendance.WRITTEN, "住院治疗")
        uow.commit()


def test_written_opinions_are_counted_in_the_votes_not_in_the_quorum(workspace):
    # 发展党员工作细则 第二十一条. The issue's example: 10 entitled, 6 present, 6 in favour and
    # 1 against — the 7th vote is a written opinion handed in before the meeting.
    ids = add_members(workspace, full=10)
    meeting_id = new_meeting(workspace)
    mark_absent(workspace, meeting_id, ids[:3])
    mark_written(workspace, meeting_id, ids[3:4])
    with workspace.unit_of_work() as uow:
        preview = mt.vote_preview(uow, meeting_id)
        assert (preview.entitled, preview.present, preview.written) == (10, 6, 1)
        result = mt.record_vote(uow, meeting_id, "接收张三为预备党员", 6, 1, 0)
        with pytest.raises(InvalidInputError):
            mt.record_vote(uow, meeting_id, "议题二", 6, 2, 0)  # 8 votes from 6 + 1 written
        uow.commit()
        stored = mt.get_meeting(uow, meeting_id)
    assert result.passed
    assert result.written == 1
    assert stored.votes[0].result == result
    assert stored.present == 6  # 实到: the written opinion is not an attendance


def test_the_quorum_counts_only_those_present(workspace):
    ids = add_members(workspace, full=10)
    meeting_id = new_meeting(workspace)
    mark_absent(workspace, meeting_id, ids[:3])
    mark_written(workspace, meeting_id, ids[3:5])  # 5 present, 2 written: no quorum
    with workspace.unit_of_work() as uow:
        result = mt.record_vote(uow, meeting_id, "接收张三", 7, 0, 0)
    assert (result.present, result.written) == (5, 2)
    assert not result.quorum_met
    assert not result.passed


def test_a_finalized_meeting_takes_attachments_audited_without_reopening(workspace):
    add_members(workspace, full=3)
    meeting_id = new_meeting(workspace)
    with workspace.unit_of_work() as uow:
        mt.finalize(uow, meeting_id, TODAY)
        uow.commit()
    with workspace.unit_of_work() as uow:
        attachment = mt.add_attachment(uow, meeting_id, "会议记录签字页.pdf", b"%PDF-scan")
        uow.commit()
        meeting = mt.get_meeting(uow, meeting_id)
        detail = json.loads(uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "meeting.attach")
        ).one())
        assert mt.attachment_data(uow, attachment) == b"%PDF-scan"
    assert meeting.finalized_on == TODAY  # still finalized, the minutes unchanged
    assert [a.file_name for a in meeting.attachments] == ["会议记录签字页.pdf"]
    assert detail["after_finalized"] == TODAY.isoformat()
    assert detail["file"] == "会议记录签字页.pdf"


def test_a_full_membership_vote_is_recorded_and_checked_like_admission(workspace):
    # 细则第三十三条: 转正 is voted and checked as an admission: a 转正 without quorum warns on the
    # member's 转正 date.
    ids = add_members(workspace, full=10, probationary=1)
    probationary = ids[-1]
    meeting_id = new_meeting(workspace)
    mark_absent(workspace, meeting_id, ids[:5])  # 5 of 10 present: no quorum
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError):
            mt.record_vote(uow, meeting_id, "党员10转正", 5, 0, 0,
                           decision=Decision.FULL_MEMBERSHIP)  # no person named
        mt.record_vote(uow, meeting_id, "党员10转正", 5, 0, 0,
                       decision=Decision.FULL_MEMBERSHIP, member_id=probationary)
        uow.commit()
        vote = mt.get_meeting(uow, meeting_id).votes[0]
        assert (vote.decision, vote.member_id, vote.member_name) == (
            Decision.FULL_MEMBERSHIP, probationary, "党员10"
        )
        data = m.get_member(uow, probationary).data
        full = dataclasses.replace(data, stage=Stage.FULL, approval_date=date(2026, 4, 1),
                                   full_date=date(2026, 11, 20))
        issues = m.check_member(uow, full, TODAY, member_id=probationary)
        assert decisions.decision_votes(uow, probationary)[Decision.FULL_MEMBERSHIP].present == 5
    found = {(i.field, i.code) for i in issues}
    assert ("full_date", "quorum_not_met") in found
    assert ("full_date", "votes_insufficient") in found
    assert ("full_date", "probation_not_complete") in found  # admitted 2026-03-01


def test_overdue_full_memberships_for_the_dashboard(workspace):
    # 细则第三十三条: probation ended (admitted 2026-03-01 + 1 year) and no 转正 discussed yet.
    ids = add_members(workspace, full=3, probationary=2)
    with workspace.unit_of_work() as uow:
        assert decisions.overdue_full_memberships(uow, date(2027, 3, 1)) == []
        overdue = decisions.overdue_full_memberships(uow, date(2027, 6, 1))
    assert sorted(o.member_id for o in overdue) == sorted(ids[3:])
    assert {(o.probation_ended, o.days_overdue) for o in overdue} == {(date(2027, 3, 1), 92)}


def test_no_committee_meetings_required_under_seven_full_members(workspace):
    # 支部工作条例 第二十一条: fewer than 7 full members, no 支部委员会 — the 支委会 requirement is
    # off by itself, and on again when the branch reaches 7.
    add_members(workspace, full=6, probationary=1)
    with workspace.unit_of_work() as uow:
        assert mt.required_frequencies(uow)[MeetingType.COMMITTEE] is None
        assert mt.load_frequencies(uow)[MeetingType.COMMITTEE] is mt.Frequency.MONTHLY
        due = {r.meeting_type for r in mt.reminders(uow, TODAY, within_days=366)}
        assert MeetingType.COMMITTEE not in due
        report = mt.compliance_report(uow, 2026, as_of=TODAY)
        assert MeetingType.COMMITTEE not in {kind for _, kind in report.missed}
        status = branch.committee_status(uow, TODAY)
        assert (status.full_members, status.has_committee) == (6, False)
    with workspace.unit_of_work() as uow:
        m.create_member(uow, m.MemberInput(name="党员99", id_number=number(99)), TODAY)
        uow.commit()
        assert mt.required_frequencies(uow)[MeetingType.COMMITTEE] is mt.Frequency.MONTHLY
        due = {r.meeting_type for r in mt.reminders(uow, TODAY, within_days=366)}
        assert MeetingType.COMMITTEE in due
        assert branch.committee_status(uow, TODAY).has_committee


def test_the_committee_term_and_next_election_in_the_branch_profile(workspace):
    # 支部工作条例 第二十一条 (3 years; 5 for 村 and 社区, 基层组织选举工作条例 2020); a reminder
    # from six months before the term ends.
    with workspace.unit_of_work() as uow:
        profile = branch.load_profile(uow)
        assert branch.committee_status(uow, TODAY).next_election is None
        branch.save_profile(uow, dataclasses.replace(
            profile, kind=BranchKind.COMMUNITY, committee_elected_on=date(2022, 1, 10)))
        uow.commit()
        stored = branch.load_profile(uow)
        status = branch.committee_status(uow, TODAY)
    assert (stored.kind, stored.committee_elected_on) == (BranchKind.COMMUNITY, date(2022, 1, 10))
    assert status.next_election == date(2027, 1, 10)
    assert status.reminder is not None
    assert status.reminder.due == date(2027, 1, 10)
    assert not status.reminder.overdue
    with workspace.unit_of_work() as uow:
        branch.save_profile(uow, dataclasses.replace(stored, kind=BranchKind.GENERAL))
        uow.commit()
        reminder = branch.committee_status(uow, TODAY).reminder
    assert reminder is not None
    assert (reminder.due, reminder.overdue) == (date(2025, 1, 10), True)
