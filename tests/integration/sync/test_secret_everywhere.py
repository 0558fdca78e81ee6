"""秘密 for any record type (issue 12), with the real engine, real SQLCipher workspaces and the
reference server on a loopback port: exactly the records whose parent chain reaches a 秘密
record are withheld, online and in bundles, and pulls never overwrite them."""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app.domain.calendar import Month
from app.domain.dues import HardshipRelief, ReliefKind
from app.domain.members import Classification
from app.services import classification as classification_service
from app.services import dues as dues_service
from app.services import meetings as meetings_service
from app.services import members as m
from app.services.workspace import Workspace
from app.storage.models import AuditEntry, DuesReliefRow, MemberEventRow, VoteRow
from server import db as server_db
from sync import bundle_sync, registry, service
from sync.bundle import UploadPayload
from sync.engine import MODELS, to_wire
from sync.registry import RECORD_TYPES
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring, id_number
from tests.integration.sync.conftest import LiveServer, start_server
from tests.integration.sync.test_bundles import decrypted_upload, set_up_bundles
from tests.integration.sync.test_sync_engine import (
    _meeting_input,
    add_member,
    no_sleep,
    sync,
)

TODAY = date(2026, 11, 25)
_SKIP = {"id", "seq", "created_at", "updated_at", "server_version", "deleted_at", "sort_key"}

# ---------------------------------------------------------------- a property, with the engine

Book = list[tuple[str, str, dict[str, Any], bool]]
"""(entity, id, fields, classified 秘密) in creation order (parents first)."""


@st.composite
def books(draw: st.DrawFn) -> Book:
    """Records of every synced type. A required parent link points at an earlier record of the
    parent type (no record when there is none yet); an optional one may point nowhere. Any
    record of any type may be classified 秘密."""
    book: Book = []
    ids: dict[str, list[str]] = {}
    reversed_: set[str] = set()
    pairs: set[tuple[str, str, str]] = set()
    exempted: set[str] = set()
    for kind in registry.SENT:
        table: Any = MODELS[kind.entity].__table__
        for number in range(draw(st.integers(0, 3))):
            record_id = str(uuid.uuid4())
            fields: dict[str, Any] = {}
            for parent in kind.parents:
                choices = sorted(set(ids.get(parent.entity, [])) - (
                    reversed_ if parent.field == "reverses_id" else set()))
                required = not table.c[parent.field].nullable
                if choices and (required or draw(st.booleans())):
                    fields[parent.field] = draw(st.sampled_from(choices))
            if any(not table.c[p.field].nullable and p.field not in fields for p in kind.parents):
                continue
            if kind.entity == "study_exemption":
                if fields["member_id"] in exempted:
                    continue
                exempted.add(fields["member_id"])
            keyed = {"meeting_attendance": "meeting_id", "study_entry": "meeting_id",
                     "talk_participant": "talk_id"}
            if kind.entity in keyed and keyed[kind.entity] in fields:
                pair = (kind.entity, fields[keyed[kind.entity]], fields["member_id"])
                if pair in pairs:
                    continue
                pairs.add(pair)
            if kind.entity == "dues_event":
                fields["kind"] = "reversal" if "reverses_id" in fields else "payment"
                reversed_.add(fields.get("reverses_id", ""))
            fields.update(_content(kind.entity, record_id, number))
            book.append((kind.entity, record_id, fields, draw(st.integers(0, 4)) == 0))
            ids.setdefault(kind.entity, []).append(record_id)
    return book


_REPORT_YEARS = itertools.count(1000)


def _content(entity: str, record_id: str, number: int) -> dict[str, Any]:
    """The other required fields of a record (any values the schema accepts)."""
    tag = record_id[:8]
    return {
        "party_group": {"name": f"组{tag}"},
        "member": {"name": f"党员{tag}", "id_number": f"ID{tag}"},
        "member_event": {"kind": "note", "on_date": TODAY, "text": tag},
        "meeting": {"type": "members_assembly", "held_on": TODAY},
        "meeting_attendance": {},
        "meeting_vote": {"subject": tag, "entitled": 3, "present": 3, "in_favour": 3,
                         "against": 0, "abstain": 0, "quorum_met": True, "passed": True},
        "meeting_amendment": {"on_date": TODAY, "author": "王芳", "text": tag},
        "dues_base": {"effective_month": f"2026-{number + 1:02d}", "base_fen": 500000},
        "dues_relief": {"kind": "exempt", "approved_by": "支委会", "approved_on": TODAY,
                        "valid_from": "2026-01", "valid_until": "2026-12"},
        "dues_category": {"effective_month": f"2026-{number + 1:02d}", "category": "retired",
                          "previous": "in_work"},
        "dues_quarterly": {"agreed_on": TODAY, "valid_from": "2026-01"},
        "dues_event": {"amount_fen": 1000, "on_date": TODAY, "note": tag},
        "study_entry": {"on_date": TODAY, "form": "online", "topic": tag,
                        "hours_hundredths": 150},
        "study_exemption": {"reason": "old"},
        "appraisal": {"year": str(2000 + number), "grade": "qualified", "notes": tag},
        "opinion": {"received_on": TODAY, "channel": "written", "category": "other",
                    "content": tag},
        "talk": {"on_date": TODAY, "kind": "heart_to_heart", "topic": tag},
        "talk_participant": {},
        "rectification_item": {"problem": tag, "due_on": TODAY},
        "disclosure": {"category": "other", "title": tag, "start_on": TODAY, "end_on": TODAY},
        "disclosure_feedback": {"received_on": TODAY, "content": tag},
        # One report per year on the PC every example writes to: a year of its own each time.
        "assessment_report": {"year": str(next(_REPORT_YEARS)), "situation": tag},
        "statistics_report": {"year": 1900 + number, "as_of": date(1900 + number, 12, 31),
                              "tables": "{}", "made_at": "2026-12-06T00:00:00Z"},
    }[entity]


def _withheld(book: Book) -> set[str]:
    """The rule, walked the slow way: a record reaching a 秘密 one up any parent link."""
    by_id = {record_id: (entity, fields, secret) for entity, record_id, fields, secret in book}

    def reaches(record_id: str) -> bool:
        entity, fields, secret = by_id[record_id]
        return secret or any(
            fields.get(p.field) is not None and reaches(fields[p.field])
            for p in registry.BY_ENTITY[entity].parents
        )

    return {record_id for record_id in by_id if reaches(record_id)}


def _write(ws: Workspace, book: Book) -> None:
    """The records as the services write them: rows and their outbox ops (whole records)."""
    with ws.unit_of_work() as uow:
        for entity, record_id, fields, secret in book:
            values = {**fields, registry.CLASSIFICATION: (
                registry.SECRET if secret else Classification.INTERNAL.value)}
            uow.session.add(MODELS[entity](id=record_id, **values))
            uow.session.flush()
            uow.outbox(entity, record_id, {
                k: to_wire(v) for k, v in values.items() if k not in _SKIP})
        uow.commit()


@pytest.fixture(scope="module")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Workspace]]:
    """One platform and one PC, enrolled online and set up for bundles, for every example."""
    folder = tmp_path_factory.mktemp("secret-property")
    live = start_server(server_db.default_url(str(folder / "platform.db")))
    branch_id = live.branch()[0]
    ws = Workspace(folder / "pc", keyring=MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    service.enroll(ws, live.url, live.code(branch_id), device_name="pc", sleep=no_sleep)
    set_up_bundles(ws, folder, live, branch_id)
    yield live, ws
    ws.lock()
    live.stop()
    live.store.engine.dispose()


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(book=books())
def test_exactly_what_reaches_a_secret_record_stays_on_the_pc(platform, tmp_path, book):
    live, ws = platform
    _write(ws, book)
    mine = {record_id for _e, record_id, _f, _s in book}
    expected_sent = mine - _withheld(book)

    upload = tmp_path / f"{uuid.uuid4()}.bdsync"
    bundle_sync.export_bundle(ws, upload)
    ops = UploadPayload.model_validate_json(decrypted_upload(live, upload)).ops
    assert {str(op.entity_id) for op in ops} & mine == expected_sent

    sync(ws)
    branch_id = service.settings(ws).branch_id
    page = live.store.changes(branch_id, 0, 100_000, None)
    on_platform = {c.id for c in page.changes}
    assert on_platform & mine == expected_sent
    assert service.pending_count(ws) == 0


# ---------------------------------------------------------------- end to end, by the services


def _secret_records(ws: Workspace) -> dict[str, str]:
    """A 秘密 member event, dues relief, vote and amendment of records that are not 秘密, and
    a 秘密 meeting's vote (秘密 by its parent)."""
    public = add_member(ws, "普通党员", birth="19850505")
    with ws.unit_of_work() as uow:
        meeting_id = meetings_service.create_meeting(uow, _meeting_input())
        secret_meeting = meetings_service.create_meeting(
            uow, replace(_meeting_input(), classification=Classification.SECRET))
        event = m.add_event(uow, public, m.EventKind.NOTE, TODAY, "约谈记录甲",
                            classification=Classification.SECRET)
        relief = dues_service.add_relief(uow, public, HardshipRelief(
            kind=ReliefKind.EXEMPT, approved_by="支委会审批乙", approved_on=TODAY,
            valid_from=Month(2026, 1), valid_until=Month(2026, 6),
        ), classification=Classification.SECRET)
        meetings_service.record_vote(uow, meeting_id, "表决事项丙", 0, 0, 0,
                                     classification=Classification.SECRET)
        meetings_service.record_vote(uow, secret_meeting, "表决事项丁", 0, 0, 0)
        uow.commit()
    with ws.unit_of_work() as uow:
        votes = {row.subject: row.id for row in uow.session.execute(
            select(VoteRow.subject, VoteRow.id))}
    return {"public": public, "event": event, "relief": relief,
            "vote": votes["表决事项丙"], "inherited": votes["表决事项丁"]}


SECRET_TEXTS = ("约谈记录甲", "支委会审批乙", "表决事项丙", "表决事项丁")


def _pc(tmp_path: Path, name: str, live: LiveServer, branch_id: str) -> Workspace:
    ws = Workspace(tmp_path / name, keyring=MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    service.enroll(ws, live.url, live.code(branch_id), device_name=name, sleep=no_sleep)
    return ws


def test_secret_events_reliefs_and_votes_never_reach_the_platform(live_server, tmp_path):
    live = live_server
    branch_id = live.branch()[0]
    pc = _pc(tmp_path, "pc", live, branch_id)
    set_up_bundles(pc, tmp_path, live, branch_id)
    try:
        ids = _secret_records(pc)
        upload = tmp_path / "upload.bdsync"
        bundle_sync.export_bundle(pc, upload)
        payload = decrypted_upload(live, upload)
        assert ids["public"] in payload
        for text in SECRET_TEXTS:
            assert text not in payload
            assert text.encode() not in upload.read_bytes()
        for key in ("event", "relief", "vote", "inherited"):
            assert ids[key] not in payload

        sync(pc)
        page = live.store.changes(service.settings(pc).branch_id, 0, 2000, None)
        dumped = json.dumps([c.model_dump(mode="json") for c in page.changes],
                            ensure_ascii=False)
        assert ids["public"] in dumped
        for text in SECRET_TEXTS:
            assert text not in dumped
        for key in ("event", "relief", "vote", "inherited"):
            assert ids[key] not in dumped
        assert service.pending_count(pc) == 0
    finally:
        pc.lock()


def test_a_record_made_secret_after_syncing_keeps_its_platform_copy_and_its_local_content(
    live_server, tmp_path
):
    """Made 秘密 after it was synced: the platform keeps the record as it was, nothing of it is
    sent any more (not the classification either), and another PC's later edit pulled here never
    overwrites it."""
    live = live_server
    branch_id = live.branch()[0]
    a = _pc(tmp_path, "a", live, branch_id)
    b = _pc(tmp_path, "b", live, branch_id)
    try:
        member_id = add_member(a, "李明")
        with a.unit_of_work() as uow:
            event = m.add_event(uow, member_id, m.EventKind.NOTE, TODAY, "原来的记录")
            relief = dues_service.add_relief(uow, member_id, HardshipRelief(
                kind=ReliefKind.EXEMPT, approved_by="支委会", approved_on=TODAY,
                valid_from=Month(2026, 1), valid_until=Month(2026, 6)))
            uow.commit()
        sync(a)
        sync(b)
        with a.unit_of_work() as uow:
            for entity, record_id in (("member_event", event), ("dues_relief", relief)):
                classification_service.set_classification(
                    uow, entity, record_id, Classification.SECRET)
            uow.session.get(MemberEventRow, event).text = "秘密补充"
            uow.outbox("member_event", event, {"text": "秘密补充"}, base_version=1)
            uow.commit()
        with b.unit_of_work() as uow:  # B still sees them as they were, and edits them
            row = uow.session.get(MemberEventRow, event)
            row.text = "另一台电脑的修改"
            uow.outbox("member_event", event, {"text": row.text},
                       base_version=row.server_version)
            relief_row = uow.session.get(DuesReliefRow, relief)
            relief_row.approved_by = "党委"
            uow.outbox("dues_relief", relief, {"approved_by": "党委"},
                       base_version=relief_row.server_version)
            uow.commit()
        sync(a)
        sync(b)
        sync(a)
        page = live.store.changes(branch_id, 0, 2000, None)
        dumped = json.dumps([c.model_dump(mode="json") for c in page.changes],
                            ensure_ascii=False)
        assert "秘密补充" not in dumped
        assert registry.SECRET not in dumped
        with a.unit_of_work() as uow:
            assert uow.session.get(MemberEventRow, event).text == "秘密补充"
            assert uow.session.get(DuesReliefRow, relief).approved_by == "支委会"
            assert uow.session.get(DuesReliefRow, relief).classification == registry.SECRET
            changes = [json.loads(e.detail) for e in uow.session.scalars(
                select(AuditEntry).where(AuditEntry.action == "classification.change"))]
        assert {"from": "internal", "to": "secret"} in changes
        assert len(changes) == 2
        assert service.pending_count(a) == 0
    finally:
        a.lock()
        b.lock()


def test_every_synced_type_but_the_branch_profile_is_classified():
    assert {k.entity for k in RECORD_TYPES if not k.classified} == {"branch"}
    for kind in registry.SENT:
        assert registry.CLASSIFICATION in MODELS[kind.entity].__table__.c, kind.entity


def test_a_new_record_takes_the_classification_it_is_given(workspace):
    with workspace.unit_of_work() as uow:
        group = m.create_party_group(uow, "第一党小组", Classification.SECRET)
        member_id = m.create_member(uow, m.MemberInput(
            name="王芳", id_number=id_number(1)), TODAY)
        dues_service.set_base(uow, member_id, Month(2026, 1), Decimal("5000"))
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert classification_service.classification_of(
            uow, "party_group", group) is Classification.SECRET
        assert classification_service.classification_of(
            uow, "member", member_id) is Classification.INTERNAL
