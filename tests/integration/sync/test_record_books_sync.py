"""谈心谈话 and 整改 items sync (issue 16), with the real engine, real SQLCipher workspaces and the
reference server on a loopback port: a talk and its people reach a second PC; a 秘密 talk, its
people, a 秘密 整改 item and the items of a 秘密 组织生活会 never reach the platform nor a bundle;
evidence files stay on the PC."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from app.domain.meetings import MeetingType
from app.domain.members import BranchPost, Classification
from app.domain.talks import TalkKind
from app.services import meetings as meetings_service
from app.services import rectification as rect
from app.services import talks
from app.services.workspace import Workspace
from sync import bundle_sync, service
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring
from tests.integration.sync.conftest import LiveServer
from tests.integration.sync.test_bundles import decrypted_upload, set_up_bundles
from tests.integration.sync.test_sync_engine import add_member, no_sleep, sync

DAY = date(2026, 11, 20)
SECRET_TEXTS = ("谈话秘密甲", "谈话记录乙", "整改问题丙", "秘密会议的问题丁")
EVIDENCE = b"%PDF-1.4 evidence-bytes-that-stay-here"


def _pc(tmp_path: Path, name: str, live: LiveServer, branch_id: str) -> Workspace:
    ws = Workspace(tmp_path / name, keyring=MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    service.enroll(ws, live.url, live.code(branch_id), device_name=name, sleep=no_sleep)
    return ws


def _records(ws: Workspace) -> dict[str, str]:
    secretary = add_member(ws, "王书记", birth="19700101", branch_post=BranchPost.SECRETARY)
    member = add_member(ws, "李党员", birth="19850505")
    talk = talks.TalkInput(on_date=DAY, kind=TalkKind.HEART_TO_HEART, topic="工作交流",
                           people=(secretary, member))
    life = meetings_service.MeetingInput(type=MeetingType.ORGANIZATIONAL_LIFE, held_on=DAY,
                                         topics=("2026年度组织生活会",))
    with ws.unit_of_work() as uow:
        public_talk = talks.create_talk(uow, talk)
        secret_talk = talks.create_talk(uow, replace(
            talk, kind=TalkKind.REMINDER, topic="谈话秘密甲", record="谈话记录乙",
            classification=Classification.SECRET))
        meeting = meetings_service.create_meeting(uow, life)
        secret_meeting = meetings_service.create_meeting(
            uow, replace(life, classification=Classification.SECRET))
        item = rect.ItemInput(meeting_id=meeting, problem="学习不够深入", owner_id=secretary,
                              measures="制定学习计划", due_on=date(2027, 3, 1))
        public_item = rect.create_item(uow, item)
        rect.add_evidence(uow, public_item, "整改报告.pdf", EVIDENCE)
        secret_item = rect.create_item(uow, replace(
            item, problem="整改问题丙", classification=Classification.SECRET))
        inherited = rect.create_item(uow, replace(
            item, meeting_id=secret_meeting, problem="秘密会议的问题丁"))
        uow.commit()
    return {"public_talk": public_talk, "secret_talk": secret_talk,
            "public_item": public_item, "secret_item": secret_item, "inherited": inherited}


def test_secret_talks_and_items_never_reach_the_platform_nor_a_bundle(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    pc = _pc(tmp_path, "pc", live, branch_id)
    set_up_bundles(pc, tmp_path, live, branch_id)
    try:
        ids = _records(pc)
        upload = tmp_path / "upload.bdsync"
        bundle_sync.export_bundle(pc, upload)
        payload = decrypted_upload(live, upload)
        assert ids["public_talk"] in payload
        assert ids["public_item"] in payload
        for text in SECRET_TEXTS:
            assert text not in payload
        for key in ("secret_talk", "secret_item", "inherited"):
            assert ids[key] not in payload
        assert EVIDENCE.decode() not in payload

        sync(pc)
        page = live.store.changes(service.settings(pc).branch_id, 0, 2000, None)
        dumped = json.dumps([c.model_dump(mode="json") for c in page.changes],
                            ensure_ascii=False)
        participants = [c for c in page.changes if c.entity == "talk_participant"]
        assert {c.data["talk_id"] for c in participants} == {ids["public_talk"]}
        assert len(participants) == 2
        for text in SECRET_TEXTS:
            assert text not in dumped
        for key in ("secret_talk", "secret_item", "inherited"):
            assert ids[key] not in dumped
        assert "evidence-bytes" not in dumped
        assert service.pending_count(pc) == 0
    finally:
        pc.lock()


def test_a_talk_and_an_item_reach_a_second_pc(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    a = _pc(tmp_path, "a", live, branch_id)
    b = _pc(tmp_path, "b", live, branch_id)
    try:
        ids = _records(a)
        sync(a)
        sync(b)
        with b.unit_of_work() as uow:
            found = talks.talks_of_year(uow, 2026)
            assert [t.id for t in found] == [ids["public_talk"]]
            assert sorted(found[0].names) == ["李党员", "王书记"]
            assert talks.coverage(uow, 2026).missing == ()
            lines = rect.ledger(uow, 2026, DAY)
            assert [(i.id, i.owner_name, i.evidence) for i in lines] == [
                (ids["public_item"], "王书记", 0)]
    finally:
        a.lock()
        b.lock()
