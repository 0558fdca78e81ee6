"""The study record on a real encrypted database (党员教育管理工作条例 第20、23条): entries,
hours made by meeting attendance (once), targets, exemptions, the pace."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.domain.meetings import MeetingType
from app.domain.study import Conversion, ExemptReason, StudyForm, StudyRules
from app.errors import InvalidInputError
from app.services import meetings as mt
from app.services import study
from app.storage.models import OutboxEntry, StudyEntryRow
from tests.integration.services.test_meetings import add_members

TODAY = date(2026, 11, 25)


def lecture(ws, start="14:30", end="16:00", kind=MeetingType.PARTY_LECTURE,
            held_on=date(2026, 11, 20)) -> str:
    with ws.unit_of_work() as uow:
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=kind, held_on=held_on, start_time=start, end_time=end, place="会议室",
            topics=("学习党的二十届三中全会精神",), host="王建国", recorder="李红",
            lecturer="王建国"))
        uow.commit()
    return meeting_id


def hours_of(ws, member_id: str, year: int = 2026) -> Decimal:
    with ws.unit_of_work(read_only=True) as uow:
        line = study.member_year(uow, member_id, year, TODAY)
    assert line is not None
    return line.total


def study_ops(ws) -> int:
    with ws.unit_of_work(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.entity == "study_entry")) or 0)


def set_attendance(ws, meeting_id, member_id, status, reason="出差") -> None:
    with ws.unit_of_work() as uow:
        mt.set_attendance(uow, meeting_id, member_id, status, reason)
        uow.commit()


def test_attendance_at_a_party_lecture_makes_entries_with_the_meetings_hours(workspace):
    """教育管理条例 第20条: a 党课 attended is study; 14:30-16:00 is 1.5 学时 (1 per hour)."""
    ids = add_members(workspace, full=3)
    meeting_id = lecture(workspace)
    assert [hours_of(workspace, i) for i in ids] == [Decimal("1.5")] * 3
    with workspace.unit_of_work(read_only=True) as uow:
        entries = study.member_entries(uow, ids[0], 2026)
    assert len(entries) == 1
    entry = entries[0]
    assert entry.from_meeting
    assert entry.meeting_id == meeting_id
    assert entry.data.form is StudyForm.PARTY_LECTURE
    assert entry.data.on_date == date(2026, 11, 20)
    assert entry.data.topic == "学习党的二十届三中全会精神"


def test_a_change_of_attendance_moves_the_hours_exactly_once(workspace):
    ids = add_members(workspace, full=2)
    meeting_id = lecture(workspace)
    before_ops = study_ops(workspace)
    set_attendance(workspace, meeting_id, ids[0], mt.Attendance.LEAVE)
    assert hours_of(workspace, ids[0]) == 0
    assert study_ops(workspace) == before_ops + 1
    # The same attendance saved again (the editor saves every row it shows) moves nothing.
    set_attendance(workspace, meeting_id, ids[0], mt.Attendance.ABSENT, "未请假")
    set_attendance(workspace, meeting_id, ids[0], mt.Attendance.LEAVE)
    assert hours_of(workspace, ids[0]) == 0
    assert study_ops(workspace) == before_ops + 1
    set_attendance(workspace, meeting_id, ids[0], mt.Attendance.PRESENT, "")
    set_attendance(workspace, meeting_id, ids[0], mt.Attendance.PRESENT, "")
    assert hours_of(workspace, ids[0]) == Decimal("1.5")
    assert study_ops(workspace) == before_ops + 2
    assert hours_of(workspace, ids[1]) == Decimal("1.5")
    with workspace.unit_of_work(read_only=True) as uow:
        rows = uow.session.scalar(select(func.count()).select_from(StudyEntryRow).where(
            StudyEntryRow.member_id == ids[0]))
    assert rows == 1  # the same entry came back: no second one to count


def test_meetings_that_are_not_study_make_no_entries_unless_the_settings_count_them(workspace):
    ids = add_members(workspace, full=2)
    lecture(workspace, kind=MeetingType.MEMBERS_ASSEMBLY)
    assert hours_of(workspace, ids[0]) == 0
    with workspace.unit_of_work() as uow:
        study.save_rules(uow, replace(StudyRules(), counted_meetings=frozenset(
            {MeetingType.PARTY_LECTURE, MeetingType.THEME_DAY, MeetingType.PARTY_GROUP,
             MeetingType.MEMBERS_ASSEMBLY})))
        uow.commit()
    meeting_id = lecture(workspace, kind=MeetingType.MEMBERS_ASSEMBLY)
    with workspace.unit_of_work(read_only=True) as uow:
        (entry,) = study.member_entries(uow, ids[0], 2026)
    assert entry.meeting_id == meeting_id
    assert entry.data.form is StudyForm.COLLECTIVE


def test_the_conversion_is_a_setting_and_hours_follow_the_meetings_times(workspace):
    """Converting activities to hours is local (DOMAIN.md: 1 per hour, 4 per half day, 8 per
    day): a setting."""
    ids = add_members(workspace, full=1)
    meeting_id = lecture(workspace, start="08:30", end="12:00")
    assert hours_of(workspace, ids[0]) == 4  # a half day
    with workspace.unit_of_work() as uow:
        study.save_rules(uow, replace(StudyRules(), conversion=Conversion(half_day=Decimal(3))))
        mt.update_meeting(uow, meeting_id, replace(
            mt.get_meeting(uow, meeting_id).data, end_time="12:01"))
        uow.commit()
    assert hours_of(workspace, ids[0]) == 3
    with workspace.unit_of_work() as uow:
        mt.update_meeting(uow, meeting_id, replace(
            mt.get_meeting(uow, meeting_id).data, start_time="", end_time=""))
        uow.commit()
    assert hours_of(workspace, ids[0]) == 2  # untimed_meeting


def test_hours_the_secretary_changed_stay_when_the_meeting_changes(workspace):
    ids = add_members(workspace, full=1)
    meeting_id = lecture(workspace)
    with workspace.unit_of_work() as uow:
        (entry,) = study.member_entries(uow, ids[0], 2026)
        study.update_entry(uow, entry.id, replace(entry.data, hours=Decimal(3), topic="别的"))
        uow.commit()
    with workspace.unit_of_work() as uow:
        mt.update_meeting(uow, meeting_id, replace(
            mt.get_meeting(uow, meeting_id).data, end_time="15:30"))
        (entry,) = study.member_entries(uow, ids[0], 2026)
        uow.commit()
    assert entry.data.hours == 3
    assert entry.hours_edited
    assert entry.data.topic == "学习党的二十届三中全会精神"  # follows the meeting
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError):
        study.delete_entry(uow, entry.id)  # mark the attendance instead


def test_a_meeting_changed_to_a_type_that_is_not_study_takes_its_hours_away(workspace):
    ids = add_members(workspace, full=1)
    meeting_id = lecture(workspace)
    with workspace.unit_of_work() as uow:
        mt.update_meeting(uow, meeting_id, replace(
            mt.get_meeting(uow, meeting_id).data, type=MeetingType.MEMBERS_ASSEMBLY))
        uow.commit()
    assert hours_of(workspace, ids[0]) == 0


def test_entries_by_hand_are_checked_audited_and_queued(workspace):
    (member_id,) = add_members(workspace, full=1)
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError) as refused:
            study.add_entry(uow, study.EntryInput(
                member_id, date(2026, 3, 1), StudyForm.ONLINE, " ", Decimal("1.333")))
        assert {p.field for p in refused.value.problems} == {"topic", "hours"}
        entry_id = study.add_entry(uow, study.EntryInput(
            member_id, date(2026, 3, 1), StudyForm.ONLINE, "网上专题班", Decimal("12.5"),
            "市委党校"))
        uow.commit()
    assert hours_of(workspace, member_id) == Decimal("12.5")
    with workspace.unit_of_work(read_only=True) as uow:
        patch = uow.session.scalar(
            select(OutboxEntry.patch).where(OutboxEntry.entity_id == entry_id))
    assert patch is not None
    assert json.loads(patch)["hours_hundredths"] == 1250
    with workspace.unit_of_work() as uow:
        study.delete_entry(uow, entry_id)
        uow.commit()
    assert hours_of(workspace, member_id) == 0


def test_a_proof_stays_in_the_encrypted_database_and_is_never_queued(workspace):
    (member_id,) = add_members(workspace, full=1)
    with workspace.unit_of_work() as uow:
        entry_id = study.add_entry(uow, study.EntryInput(
            member_id, date(2026, 3, 1), StudyForm.TRAINING, "培训班", Decimal(24)))
        study.attach_proof(uow, entry_id, "结业证书.png", b"\x89PNG proof")
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        entry = study.get_entry(uow, entry_id)
        assert entry.proof is not None
        assert entry.proof.file_name == "结业证书.png"
        assert study.proof_data(uow, entry.proof.id) == b"\x89PNG proof"
        entities = set(uow.session.scalars(select(OutboxEntry.entity)))
    assert "study_proof" not in entities
    assert b"PNG proof" not in (workspace.data_dir / "branchdesk.db").read_bytes()


def test_targets_32_and_56_and_exemption_under_article_23(workspace):
    """第20条: 32 学时; secretaries and committee members 56; 第23条: old, ill or disabled
    members are out of targets and rates."""
    ids = add_members(workspace, full=4, committee=1)
    with workspace.unit_of_work() as uow:
        study.set_exemption(uow, ids[3], ExemptReason.OLD, "82岁")
        table = study.year_table(uow, 2026, TODAY)
        uow.commit()
    by_id = {line.member_id: line for line in table.lines}
    assert by_id[ids[0]].target == 56
    assert by_id[ids[0]].committee
    assert by_id[ids[1]].target == 32
    assert by_id[ids[3]].target is None
    assert by_id[ids[3]].exempt is ExemptReason.OLD
    assert not by_id[ids[3]].behind
    assert {line.member_id for line in table.with_target} == set(ids[:3])
    with workspace.unit_of_work() as uow:
        study.set_exemption(uow, ids[3], None)
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        assert study.member_year(uow, ids[3], 2026, TODAY).target == 32


def test_members_behind_their_pace_for_the_year(workspace):
    """By 25 November ten months are over: on pace is 32 × 10/12 = 26.67 学时."""
    ids = add_members(workspace, full=2)
    with workspace.unit_of_work() as uow:
        study.add_entry(uow, study.EntryInput(
            ids[0], date(2026, 6, 1), StudyForm.TRAINING, "培训班", Decimal(27)))
        study.add_entry(uow, study.EntryInput(
            ids[1], date(2026, 6, 1), StudyForm.TRAINING, "培训班", Decimal(26)))
        behind = study.behind_pace(uow, TODAY)
        early = study.behind_pace(uow, date(2026, 1, 20))
        uow.commit()
    assert [line.member_id for line in behind] == [ids[1]]
    assert behind[0].expected == Decimal("26.67")
    assert early == []


def test_settings_refuse_nonsense(workspace):
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError):
            study.save_rules(uow, replace(StudyRules(), target=Decimal(0)))
        study.save_rules(uow, replace(StudyRules(), target=Decimal(40)))
        assert study.load_rules(uow).target == 40


def test_a_recount_applies_the_settings_to_the_meetings_of_the_year(workspace):
    """Meetings recorded before the settings counted their type (or before this version) get
    their entries by a recount, once."""
    ids = add_members(workspace, full=2)
    lecture(workspace, kind=MeetingType.OTHER)
    with workspace.unit_of_work() as uow:
        study.save_rules(uow, replace(StudyRules(), counted_meetings=frozenset(
            {MeetingType.PARTY_LECTURE, MeetingType.OTHER})))
        assert study.recount_meetings(uow, 2026) == 2
        assert study.recount_meetings(uow, 2026) == 0
        uow.commit()
    assert hours_of(workspace, ids[0]) == Decimal("1.5")


def test_a_member_who_left_keeps_the_hours_but_has_no_target(workspace):
    from app.domain.members import MembershipStatus
    from app.services import members as m

    ids = add_members(workspace, full=2)
    with workspace.unit_of_work() as uow:
        study.add_entry(uow, study.EntryInput(
            ids[1], date(2026, 3, 1), StudyForm.ONLINE, "网课", Decimal(3)))
        m.record_leaving(uow, ids[1], MembershipStatus.TRANSFERRED_OUT, date(2026, 6, 1),
                         "工作调动", destination="外单位", letter_no="001")
        table = study.year_table(uow, 2026, TODAY)
        behind = study.behind_pace(uow, TODAY)
        uow.commit()
    left = next(line for line in table.lines if line.member_id == ids[1])
    assert left.total == 3
    assert not left.on_roll
    assert left.target is None
    assert [line.member_id for line in behind] == [ids[0]]


def test_an_entry_can_be_made_secret_later_and_it_is_audited(workspace):
    from app.domain.members import Classification
    from app.services import classification
    from app.storage.models import AuditEntry

    (member_id,) = add_members(workspace, full=1)
    with workspace.unit_of_work() as uow:
        entry_id = study.add_entry(uow, study.EntryInput(
            member_id, date(2026, 3, 1), StudyForm.OTHER, "谈心后的学习", Decimal(1)))
        classification.set_classification(uow, "study_entry", entry_id,
                                          Classification.SECRET)
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        assert study.get_entry(uow, entry_id).data.classification is Classification.SECRET
        actions = set(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity_id == entry_id)))
    assert {"study.add", "classification.change"} <= actions
