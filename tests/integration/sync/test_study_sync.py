"""The study record between PCs and the reference server on a loopback port: entries made by
attendance arrive once on another PC and move once when the attendance changes there; a 秘密
study entry (or one of a 秘密 meeting) reaches neither the platform nor a bundle."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from app.domain.meetings import MeetingType
from app.domain.members import Classification
from app.domain.study import ExemptReason, StudyForm
from app.services import meetings as mt
from app.services import study
from app.storage.models import StudyEntryRow
from sync import bundle_sync, service
from tests.integration.sync.test_bundles import decrypted_upload, set_up_bundles
from tests.integration.sync.test_sync_engine import add_member, device, sync

TODAY = date(2026, 11, 25)


def _lecture(**changes) -> mt.MeetingInput:
    return replace(mt.MeetingInput(
        type=MeetingType.PARTY_LECTURE, held_on=date(2026, 11, 3), start_time="09:00",
        end_time="11:00", topics=("专题党课",)), **changes)


def _hours(ws, member_id: str) -> Decimal:
    with ws.unit_of_work(read_only=True) as uow:
        line = study.member_year(uow, member_id, 2026, TODAY)
    assert line is not None
    return line.total


def _entries(ws) -> int:
    with ws.unit_of_work(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(StudyEntryRow).where(
            StudyEntryRow.deleted_at.is_(None), StudyEntryRow.withdrawn.is_(False))) or 0)


def test_attendance_hours_arrive_once_and_move_once_on_another_pc(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    a = device(tmp_path, "a", live, branch_id)
    b = device(tmp_path, "b", live, branch_id)
    try:
        members = [add_member(a, name, birth=birth)
                   for name, birth in (("张伟", "19800101"), ("李娜", "19810202"))]
        with a.unit_of_work() as uow:
            meeting_id = mt.create_meeting(uow, _lecture())
            study.set_exemption(uow, members[1], ExemptReason.ILL)
            uow.commit()
        sync(a)
        sync(b)
        assert _hours(b, members[0]) == 2
        assert _entries(b) == 2
        with b.unit_of_work(read_only=True) as uow:
            assert study.member_year(uow, members[1], 2026, TODAY).target is None

        with b.unit_of_work() as uow:
            mt.set_attendance(uow, meeting_id, members[0], mt.Attendance.LEAVE, "出差")
            uow.commit()
        sync(b)
        sync(a)
        sync(b)
        for ws in (a, b):
            assert _hours(ws, members[0]) == 0
            assert _hours(ws, members[1]) == 2
            assert _entries(ws) == 1
    finally:
        a.lock()
        b.lock()


def test_secret_study_entries_never_reach_the_platform_nor_a_bundle(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    pc = device(tmp_path, "pc", live, branch_id)
    set_up_bundles(pc, tmp_path, live, branch_id)
    try:
        member_id = add_member(pc, "王芳")
        with pc.unit_of_work() as uow:
            public = study.add_entry(uow, study.EntryInput(
                member_id, date(2026, 5, 1), StudyForm.ONLINE, "公开的学习", Decimal(2)))
            secret = study.add_entry(uow, study.EntryInput(
                member_id, date(2026, 5, 2), StudyForm.TRAINING, "秘密培训班甲", Decimal(8),
                classification=Classification.SECRET))
            secret_meeting = mt.create_meeting(uow, _lecture(
                topics=("秘密党课乙",), classification=Classification.SECRET))
            uow.commit()
        with pc.unit_of_work(read_only=True) as uow:
            (from_meeting,) = [e.id for e in study.member_entries(uow, member_id, 2026)
                               if e.meeting_id == secret_meeting]
        upload = tmp_path / "upload.bdsync"
        bundle_sync.export_bundle(pc, upload)
        payload = decrypted_upload(live, upload)
        assert public in payload
        for text in ("秘密培训班甲", "秘密党课乙", secret, from_meeting):
            assert text not in payload

        sync(pc)
        page = live.store.changes(service.settings(pc).branch_id, 0, 2000, None)
        dumped = json.dumps([c.model_dump(mode="json") for c in page.changes],
                            ensure_ascii=False)
        assert public in dumped
        for text in ("秘密培训班甲", "秘密党课乙", secret, from_meeting):
            assert text not in dumped
        assert service.pending_count(pc) == 0
    finally:
        pc.lock()
