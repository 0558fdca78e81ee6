"""Two BranchDesk devices and the reference server on a loopback port: the sync client end to
end (merge, conflicts, edit vs delete, lost answers, interrupted pages, epochs, 秘密)."""

from __future__ import annotations

import json
import shutil
import time
import uuid
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.id_numbers import check_character
from app.domain.members import Classification
from app.errors import (
    MassDeletionConfirmationRequired,
    SyncServerUnreachableError,
)
from app.services import dues as dues_service
from app.services import meetings as meetings_service
from app.services import members as m
from app.services.workspace import Workspace
from app.storage.ids import utc_iso
from app.storage.models import (
    AttendanceRow,
    DuesEventRow,
    MemberRow,
    OutboxEntry,
    PartyGroupRow,
    Setting,
    SyncParkedRow,
)
from server import db as server_db
from server.store import DeviceInfo
from sync import service
from sync.client import HttpClient
from sync.engine import Engine
from sync.wire import ChangesPage, OwnRanges, PushRequest, parse_own_ranges
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring
from tests.integration.sync.conftest import LiveServer, start_server

TODAY = date(2026, 11, 25)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """The client's tests run against the server on SQLite (its PostgreSQL behaviour is covered
    by test_server_api and test_fuzz, which run on both), to keep the suite fast."""
    return server_db.default_url(str(tmp_path / "server.db"))


def id_number(birth: str, seq: str = "123") -> str:
    first17 = f"110105{birth}{seq}"
    return first17 + check_character(first17)


def no_sleep(_seconds: float) -> None:
    pass


def device(tmp_path: Path, name: str, live: LiveServer, branch_id: str,
           keyring: Any | None = None) -> Workspace:
    ws = Workspace(tmp_path / name, keyring=keyring or MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    service.enroll(ws, live.url, live.code(branch_id), device_name=name, sleep=no_sleep)
    return ws


def sync(ws: Workspace, **kwargs: Any) -> service.SyncReport:
    return service.sync_now(ws, sleep=no_sleep, **kwargs)


def add_member(ws: Workspace, name: str, birth: str = "19800102", **fields: Any) -> str:
    with ws.unit_of_work() as uow:
        member_id = m.create_member(
            uow, m.MemberInput(name=name, id_number=id_number(birth), **fields), TODAY
        )
        uow.commit()
    return member_id


def edit_member(ws: Workspace, member_id: str, **changes: Any) -> None:
    with ws.unit_of_work() as uow:
        current = m.get_member(uow, member_id).data
        m.update_member(uow, member_id, replace(current, **changes), TODAY)
        uow.commit()


def member(ws: Workspace, member_id: str) -> m.MemberInput:
    with ws.unit_of_work() as uow:
        return m.get_member(uow, member_id).data


def table(ws: Workspace, model: Any) -> list[tuple[Any, ...]]:
    """Every row of a table without local bookkeeping, for comparing devices."""
    skip = {"updated_at", "created_at", "seq"}
    with ws.unit_of_work() as uow:
        rows = uow.session.scalars(select(model).order_by(model.id))
        return [
            tuple((c.name, getattr(r, c.name)) for c in model.__table__.columns
                  if c.name not in skip)
            for r in rows
        ]


@pytest.fixture
def branch(live_server: LiveServer) -> str:
    branch_id, _code = live_server.branch()
    return branch_id


@pytest.fixture
def two(tmp_path: Path, live_server: LiveServer, branch: str) -> tuple[Workspace, Workspace]:
    a = device(tmp_path, "a", live_server, branch)
    b = device(tmp_path, "b", live_server, branch)
    yield a, b
    a.lock()
    b.lock()


def test_enrollment_keeps_the_credential_in_the_keyring_or_the_database(
    tmp_path, live_server, branch
):
    keyring = MemoryKeyring()
    ws = device(tmp_path, "k", live_server, branch, keyring=keyring)
    assert keyring.entries[("BranchDesk", f"device:{ws.database_id}")]
    from tests.conftest import BrokenKeyring

    fallback = device(tmp_path, "f", live_server, branch, keyring=BrokenKeyring())
    with fallback.unit_of_work() as uow:
        assert uow.session.get(Setting, "sync.device_token").value
    assert sync(fallback).requests == 1  # the fallback credential works
    assert sync(fallback).requests == 1  # nothing new: one request


def test_different_fields_merge_and_both_converge(two):
    a, b = two
    member_id = add_member(a, "张伟", phone="1")
    sync(a)
    sync(b)
    edit_member(a, member_id, phone="13800000000")
    edit_member(b, member_id, work_unit="市财政局")
    sync(a)
    sync(b)
    sync(a)
    for ws in (a, b):
        data = member(ws, member_id)
        assert (data.phone, data.work_unit) == ("13800000000", "市财政局")
    assert table(a, MemberRow) == table(b, MemberRow)
    assert service.conflicts(a) == service.conflicts(b) == []


def test_the_same_field_conflicts_is_resolved_and_both_converge(two):
    a, b = two
    member_id = add_member(a, "李娜")
    sync(a)
    sync(b)
    edit_member(a, member_id, phone="111")
    edit_member(b, member_id, phone="222")
    sync(a)
    report = sync(b)
    assert report.conflicts == 1
    [conflict] = service.conflicts(b)
    assert (conflict.field, conflict.local_value, conflict.server_value) == ("phone", "222", "111")
    assert member(b, member_id).phone == "111"  # the platform's value until the choice

    service.resolve_conflict(b, conflict.id, "local")
    sync(b)
    sync(a)
    assert member(a, member_id).phone == member(b, member_id).phone == "222"
    assert service.conflicts(b) == []
    assert table(a, MemberRow) == table(b, MemberRow)


def test_an_edit_beats_a_delete(two):
    a, b = two
    with a.unit_of_work() as uow:
        group_id = m.create_party_group(uow, "第一小组")
        uow.commit()
    for _ in range(2):
        sync(a)
        sync(b)
    with a.unit_of_work() as uow:
        m.rename_party_group(uow, group_id, "第一党小组")
        uow.commit()
    with b.unit_of_work() as uow:  # delete: a tombstone through the outbox
        row = uow.session.get(PartyGroupRow, group_id)
        row.deleted_at = utc_iso()
        uow.outbox("party_group", group_id, {"deleted_at": row.deleted_at},
                   base_version=row.server_version)
        uow.commit()
    sync(a)
    sync(b, confirm_mass_deletion=True)
    sync(a)
    for ws in (a, b):
        with ws.unit_of_work() as uow:
            row = uow.session.get(PartyGroupRow, group_id)
            assert (row.name, row.deleted_at) == ("第一党小组", None)


class LoseAnswers:
    """A transport whose first push reaches the server but whose answer is lost."""

    def __init__(self, inner: HttpClient, lost: int = 1) -> None:
        self.inner, self.lost = inner, lost

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def push(self, ops):
        answer = self.inner.push(ops)
        if self.lost:
            self.lost -= 1
            raise SyncServerUnreachableError("network")
        return answer


def test_a_lost_push_answer_is_retried_and_applies_nothing_twice(two, live_server):
    a, _b = two
    member_id = add_member(a, "王强")
    edit_member(a, member_id, phone="1")
    with pytest.raises(SyncServerUnreachableError):
        sync(a, transport=LoseAnswers(service.client_for(a)))
    assert service.pending_count(a) == 2  # create and edit: not acknowledged
    sync(a)
    assert service.pending_count(a) == 0
    page = live_server.store.changes(_branch_of(a), 0, 100, None)
    [record] = [c for c in page.changes if c.id == member_id]
    assert record.version == 2  # created once, edited once
    assert record.data["phone"] == "1"
    with a.unit_of_work() as uow:
        assert uow.session.get(MemberRow, member_id).server_version == 2


def _branch_of(ws: Workspace) -> str:
    return service.settings(ws).branch_id


def test_an_interrupted_page_leaves_nothing_half_done_and_resumes(two, monkeypatch):
    a, b = two
    ids = [add_member(a, f"成员{i}", birth=f"1980010{i}") for i in range(1, 8)]
    sync(a)
    calls = {"n": 0}
    original = Engine._apply_record

    def dies_midway(self, session, change, pending):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt("killed")
        return original(self, session, change, pending)

    monkeypatch.setattr(Engine, "_apply_record", dies_midway)
    with pytest.raises(KeyboardInterrupt):
        sync(b)
    with b.unit_of_work() as uow:
        assert uow.session.scalars(select(MemberRow.id)).all() == []  # page rolled back
        assert uow.session.get(Setting, "sync.cursor").value == "0"
    monkeypatch.setattr(Engine, "_apply_record", original)
    sync(b)
    with b.unit_of_work() as uow:
        assert sorted(uow.session.scalars(select(MemberRow.id))) == sorted(ids)
    assert table(a, MemberRow) == table(b, MemberRow)


def test_duplicated_and_reordered_pages_change_nothing(two):
    a, b = two
    member_ids = [add_member(a, f"党员{i}", birth=f"1970010{i}") for i in range(1, 6)]
    sync(a)
    edit_member(a, member_ids[0], phone="9")
    sync(a)
    client = service.client_for(b)
    pages, cursor = [], "0"
    while True:
        page = client.changes(cursor, 3, None)
        pages.append(page)
        cursor = page.next_cursor
        if not page.has_more:
            break
    assert len(pages) >= 2
    engine = Engine(b.unit_of_work, client)
    for page in pages:
        engine.apply_page(page)
    once = table(b, MemberRow)
    for page in [*reversed(pages), *pages, pages[0]]:
        engine.apply_page(page)
    assert table(b, MemberRow) == once
    sync(b)
    assert table(b, MemberRow) == table(a, MemberRow)


def test_a_cursor_gone_resyncs_from_zero_without_deleting(two):
    a, b = two
    add_member(a, "赵六")
    sync(a)
    sync(b)
    before = table(b, MemberRow)
    with b.unit_of_work() as uow:
        uow.session.merge(Setting(key="sync.cursor", value="999999"))
        uow.commit()
    report = sync(b)
    assert report.resynced
    assert table(b, MemberRow) == before


def test_a_restored_server_loses_nothing_and_deletes_nothing(tmp_path, database_url):
    live = start_server(database_url)
    branch_id, _ = live.branch()
    a = device(tmp_path, "a", live, branch_id)
    first = add_member(a, "孙七")
    sync(a)
    server_file = Path(database_url.removeprefix("sqlite:///"))
    backup = tmp_path / "server-backup.db"
    with live.store.engine.connect() as connection:  # a consistent copy
        connection.exec_driver_sql(f"VACUUM INTO '{backup}'")
    second = add_member(a, "周八", birth="19900101")
    sync(a)
    assert service.pending_count(a) == 0
    live.stop()
    live.store.engine.dispose()
    for suffix in ("", "-wal", "-shm"):
        Path(f"{server_file}{suffix}").unlink(missing_ok=True)
    shutil.copy(backup, server_file)
    restored = start_server(database_url)
    restored.store.rotate_epoch()  # what the platform's restore procedure does
    service.configure(a, server_url=restored.url)
    try:
        report = sync(a)
        assert report.epoch_changed
        with a.unit_of_work() as uow:
            assert sorted(uow.session.scalars(select(MemberRow.id))) == sorted([first, second])
        page = restored.store.changes(branch_id, 0, 100, None)
        assert {first, second} <= {c.id for c in page.changes}  # the lost op was sent again
    finally:
        restored.stop()
        restored.store.engine.dispose()
        a.lock()


def test_parked_events_are_applied_in_the_platforms_order(two):
    """Ledger events that arrive before their member wait (parked); when the member arrives
    they enter the ledger in the platform's change order, whatever order they were parked in."""
    a, b = two
    member = add_member(a, "张三")
    with a.unit_of_work() as uow:
        for month in (1, 2, 3):
            dues_service.record_payment(uow, member, TODAY, [_month(month)], _decimal("10"),
                                        note="补交")
        uow.commit()
    sync(a)
    page = service.client_for(b).changes("0", 1000, None)
    events = [c for c in page.changes if c.entity == "dues_event"]
    rest = [c for c in page.changes if c.entity != "dues_event"]
    assert len(events) == 3
    engine = Engine(b.unit_of_work, service.client_for(b))
    # Parked newest first (a page the platform answered again, reordered).
    engine.apply_page(page.model_copy(update={"changes": events[::-1], "next_cursor": "0",
                                              "has_more": True}))
    engine.apply_page(page.model_copy(update={"changes": rest}))
    with b.unit_of_work() as uow:
        local = list(uow.session.scalars(select(DuesEventRow.id).order_by(DuesEventRow.seq)))
    assert local == [c.id for c in sorted(events, key=lambda c: c.seq)]


def test_a_reversal_without_its_member_waits_for_the_event_it_reverses(two):
    """Reversals pushed by older versions carry no member: the event they reverse is their
    parent (``sync.registry``), so one arriving first waits for it; one whose event never
    comes waits without holding anything else up."""
    a, b = two
    member = add_member(a, "张三")
    with a.unit_of_work() as uow:
        receipt = dues_service.record_payment(uow, member, TODAY, [_month(11)], _decimal("10"))
        dues_service.reverse(uow, receipt.event_id, TODAY, "录错")
        uow.commit()
    sync(a)
    page = service.client_for(b).changes("0", 1000, None)
    old = [c.model_copy(update={"data": {**c.data, "member_id": None}})
           for c in page.changes if c.data.get("kind") == "reversal"]
    assert len(old) == 1
    stray = old[0].model_copy(update={"id": str(uuid.uuid4()), "seq": 0, "data": {
        **old[0].data, "reverses_id": str(uuid.uuid4())}})  # its event never comes
    engine = Engine(b.unit_of_work, service.client_for(b))
    engine.apply_page(page.model_copy(update={"changes": [*old, stray], "next_cursor": "0",
                                              "has_more": True}))
    assert table(b, DuesEventRow) == []  # waiting for the payment
    engine.apply_page(page.model_copy(update={"changes": [
        c for c in page.changes if c.data.get("kind") != "reversal"]}))
    sync(b)
    with b.unit_of_work() as uow:
        kinds = list(uow.session.scalars(select(DuesEventRow.kind).order_by(DuesEventRow.seq)))
        assert [p.id for p in uow.session.scalars(select(SyncParkedRow))] == [stray.id]
    assert kinds == ["payment", "reversal"]
    assert service.pending_count(b) == 0


def test_secret_members_and_what_hangs_off_them_never_reach_the_server(two, live_server):
    a, _b = two
    secret = add_member(a, "机密人员", classification=Classification.SECRET)
    public = add_member(a, "普通党员", birth="19850505")
    with a.unit_of_work() as uow:
        meeting_id = meetings_service.create_meeting(uow, _meeting_input())
        m.add_event(uow, secret, m.EventKind.NOTE, TODAY, "谈话")
        dues_service.set_base(uow, secret, _month(), _decimal("5000"))
        uow.commit()
    report = sync(a)
    assert report.withheld >= 4
    page = live_server.store.changes(_branch_of(a), 0, 2000, None)
    dumped = json.dumps([c.model_dump() for c in page.changes], ensure_ascii=False)
    assert secret not in dumped
    assert "机密人员" not in dumped
    assert public in dumped
    with a.unit_of_work() as uow:
        attendees = set(uow.session.scalars(
            select(AttendanceRow.member_id).where(AttendanceRow.meeting_id == meeting_id)
        ))
    assert secret in attendees  # kept here, withheld from the platform
    assert service.pending_count(a) == 0


def _meeting_input() -> Any:
    from app.domain.meetings import MeetingType

    return meetings_service.MeetingInput(
        type=MeetingType.MEMBERS_ASSEMBLY, held_on=TODAY, topics=("学习党章",)
    )


def _month(month: int = 1) -> Any:
    from app.domain.calendar import Month

    return Month(2026, month)


def _decimal(text: str) -> Any:
    from decimal import Decimal

    return Decimal(text)


def test_a_pull_deleting_many_records_asks_first(two):
    a, b = two
    with a.unit_of_work() as uow:
        groups = [m.create_party_group(uow, f"小组{i}") for i in range(6)]
        uow.commit()
    sync(a)
    sync(b)
    with b.unit_of_work() as uow:
        for group_id in groups[:4]:
            row = uow.session.get(PartyGroupRow, group_id)
            row.deleted_at = utc_iso()
            uow.outbox("party_group", group_id, {"deleted_at": row.deleted_at},
                       base_version=row.server_version)
        uow.commit()
    sync(b)
    with pytest.raises(MassDeletionConfirmationRequired) as asked:
        sync(a)
    assert asked.value.count == 4
    with a.unit_of_work() as uow:
        assert uow.session.scalars(
            select(PartyGroupRow).where(PartyGroupRow.deleted_at.is_not(None))
        ).all() == []
    sync(a, confirm_mass_deletion=True)
    assert table(a, PartyGroupRow) == table(b, PartyGroupRow)
    assert [r.outcome for r in service.history(a)][:2] == ["ok", "failed"]


def test_notices_arrive(two, live_server):
    a, _b = two
    live_server.store.publish_notice(_branch_of(a), "关于开展主题党日的通知", "请各支部……")
    assert sync(a).notices == 1
    assert [n.title for n in service.notices(a)] == ["关于开展主题党日的通知"]
    assert sync(a).notices == 0


def test_outbox_ops_are_acknowledged_in_batches(tmp_path, live_server, branch):
    a = device(tmp_path, "bulk", live_server, branch)
    with a.unit_of_work() as uow:
        for i in range(1001):
            uow.outbox("party_group", uow.new_id(), {"name": f"g{i}"})
        uow.commit()
    report = sync(a)
    assert (report.pushed, report.withheld) == (1001, 1)  # the branch profile stays
    with a.unit_of_work() as uow:
        assert uow.session.scalars(
            select(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
        ).all() == []


class FailOnPush:
    """A transport whose push number ``failing`` reaches the server but whose answer is lost,
    and which then stays unreachable."""

    def __init__(self, inner: HttpClient, failing: int) -> None:
        self.inner, self.failing, self.calls = inner, failing, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def push(self, ops):
        self.calls += 1
        if self.calls > self.failing:
            raise SyncServerUnreachableError("network")
        answer = self.inner.push(ops)
        if self.calls == self.failing:
            raise SyncServerUnreachableError("network")
        return answer


def test_a_push_failing_midway_keeps_what_was_answered_and_resumes(tmp_path, live_server, branch):
    a = device(tmp_path, "bulk", live_server, branch)
    with a.unit_of_work() as uow:
        for i in range(1800):
            uow.outbox("party_group", uow.new_id(), {"name": f"g{i}"})
        uow.commit()
    with pytest.raises(SyncServerUnreachableError):
        sync(a, transport=FailOnPush(service.client_for(a), failing=3))
    # Batches 1 and 2 (the branch profile withheld, 999 groups) were answered and acknowledged
    # though the third was already sent while the second's answer was being written.
    assert service.pending_count(a) == 801
    report = sync(a)
    assert (report.pushed, service.pending_count(a)) == (801, 0)  # the third one again
    assert live_server.store.record_count() == 1800  # nothing twice


class SlowPush:
    """A transport whose pushes take a moment, noting when each was on its way."""

    def __init__(self, inner: HttpClient) -> None:
        self.inner = inner
        self.pushes: list[tuple[float, float]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def push(self, ops):
        start = time.monotonic()
        answer = self.inner.push(ops)
        time.sleep(0.2)
        self.pushes.append((start, time.monotonic()))
        return answer


def test_the_next_batch_is_read_while_the_previous_one_is_on_its_way(
    tmp_path, live_server, branch, monkeypatch
):
    a = device(tmp_path, "bulk", live_server, branch)
    with a.unit_of_work() as uow:
        for i in range(1200):
            uow.outbox("party_group", uow.new_id(), {"name": f"g{i}"})
        uow.commit()
    reads: list[float] = []
    next_batch = Engine._next_batch

    def noted(engine: Engine, after_seq: int = 0) -> Any:
        reads.append(time.monotonic())
        return next_batch(engine, after_seq)

    monkeypatch.setattr(Engine, "_next_batch", noted)
    transport = SlowPush(service.client_for(a))
    report = sync(a, transport=transport)
    assert (report.pushed, service.pending_count(a)) == (1200, 0)
    pushes = transport.pushes
    assert len(pushes) == 3
    # One after another, in order: never two on their way at once.
    assert all(end <= pushes[i + 1][0] for i, (_start, end) in enumerate(pushes[:-1]))
    # Each following batch (and the end of the outbox after the last) was read during a push.
    for start, end in pushes:
        assert any(start <= read <= end for read in reads), (pushes, reads)
    assert live_server.store.record_count() == 1200


# ---------------------------------------------------------------- echoes of a device's own pushes
# What a device pushed is not pulled back to it (``own`` ranges and ``echo_device``), except where
# the platform merged in something from elsewhere, and never where the device may not hold it.


class CountPulled:
    """A transport that counts the records pulled pages carry."""

    def __init__(self, inner: HttpClient) -> None:
        self.inner = inner
        self.pulled = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def changes(self, since: str, limit: int, epoch: str | None, own: str = "") -> ChangesPage:
        page = self.inner.changes(since, limit, epoch, own)
        self.pulled += len(page.changes)
        return page


def pulled_by(ws: Any) -> int:
    counter = CountPulled(service.client_for(ws))
    sync(ws, transport=counter)
    return counter.pulled


def test_what_a_device_pushed_does_not_come_back_to_it(two):
    a, b = two
    first = add_member(a, "张伟", phone="1")
    add_member(a, "李娜", birth="19850101")
    assert pulled_by(a) == 0  # created here: nothing to learn
    assert pulled_by(b) == 2
    edit_member(a, first, phone="13800000000")
    assert pulled_by(a) == 0  # a plain edit of what a held
    assert pulled_by(b) == 1
    assert table(a, MemberRow) == table(b, MemberRow)


def test_a_push_merged_with_changes_from_elsewhere_comes_back(two):
    a, b = two
    member_id = add_member(a, "张伟", phone="1")
    sync(a)
    sync(b)
    edit_member(a, member_id, phone="13800000000")
    sync(a)
    edit_member(b, member_id, work_unit="市财政局")  # b has not seen a's phone yet
    assert pulled_by(b) == 1  # b's push was merged with a's phone: b must get the result
    assert member(b, member_id).phone == "13800000000"
    assert pulled_by(a) == 1
    assert table(a, MemberRow) == table(b, MemberRow)


def test_a_device_restored_from_a_backup_gets_back_its_later_writes(two, tmp_path: Path):
    a, _b = two
    member_id = add_member(a, "张伟", phone="1")
    sync(a)
    backup = tmp_path / "a.bdbackup"
    a.backup(backup)
    edit_member(a, member_id, phone="13800000000")
    added_later = add_member(a, "李娜", birth="19850101")
    sync(a)
    a.restore(backup)
    a.unlock(PASSPHRASE)
    assert member(a, member_id).phone == "1"
    sync(a)
    assert member(a, member_id).phone == "13800000000"
    assert member(a, added_later).name == "李娜"


def test_only_the_asking_devices_own_writes_are_left_out(live_server, branch):
    store = live_server.store
    devices = []
    for name in ("a", "b"):
        enrolled = store.enroll(store.issue_code(branch), name)
        assert enrolled is not None
        devices.append(DeviceInfo(enrolled.device_id, branch))
    a, b = devices

    def push(device: DeviceInfo, name: str) -> int:
        request = PushRequest.model_validate({"ops": [{
            "op_id": str(uuid.uuid4()), "entity": "party_group", "entity_id": str(uuid.uuid4()),
            "patch": {"name": name}, "base_version": 0, "hlc": "1764000000000-00000-pc",
        }]})
        answer = json.loads(store.push_json(device, request, uuid.uuid4().hex, uuid.uuid4().hex))
        return int(answer["results"][0]["seq"])

    def names(device: DeviceInfo, own: list[tuple[int, int]]) -> tuple[list[str], str]:
        page = ChangesPage.model_validate_json(
            store.changes_json(branch, 0, 100, None, device.id, own)
        )
        return [c.data["name"] for c in page.changes], page.next_cursor

    first, second, third = push(a, "甲"), push(b, "乙"), push(a, "丙")
    everything = [(0, 10**9)]
    assert names(a, []) == (["甲", "乙", "丙"], str(third))
    # a's own numbers leave out only what a wrote there; the cursor still moves past them.
    assert names(a, [(first, first), (third, third)]) == (["乙"], str(third))
    # Ranges naming another device's writes leave nothing of it out.
    assert names(a, everything) == (["乙"], str(third))
    assert names(b, everything) == (["甲", "丙"], str(third))
    assert names(b, [(first, third)]) == (["甲", "丙"], str(third))
    assert second == first + 1


def test_own_ranges_are_runs_of_numbers_and_read_back():
    own = OwnRanges()
    for seq in [*range(10, 510), *range(900, 1400), 2000, 2001, 5]:
        own.add(seq)
    assert own.param() == "5-5,10-509,900-1399,2000-2001"
    assert parse_own_ranges(own.param()) == [(5, 5), (10, 509), (900, 1399), (2000, 2001)]
    many = OwnRanges()
    for seq in range(0, 1000, 2):  # 500 runs of one: only the 64 longest are named
        many.add(seq)
    assert len(parse_own_ranges(many.param()) or []) == 64
    assert parse_own_ranges("9-3") is None
    assert parse_own_ranges(",".join(["1-2"] * 65)) is None


def test_pulled_members_sort_by_pinyin_and_the_key_never_leaves(two, live_server):
    """The local pinyin sort key is kept for members a pull writes (and renames), and is not
    part of what is pushed, not even when a whole record is sent (issue 13)."""
    a, b = two
    zhang = add_member(a, "张伟", birth="19800101")
    add_member(a, "曾强", birth="19800202")  # Unicode puts 张 first; pinyin zēng before zhāng
    sync(a)
    sync(b)

    def names(ws: Workspace) -> list[str]:
        with ws.unit_of_work() as uow:
            ids = m.member_ids(uow, m.MemberFilter())
            return [row.name for row in m.member_rows(uow, ids)]

    assert names(b) == ["曾强", "张伟"]
    edit_member(a, zhang, name="艾伟")
    sync(a)
    sync(b)
    assert names(b) == ["艾伟", "曾强"]
    with a.unit_of_work() as uow:
        patches = uow.session.scalars(select(OutboxEntry.patch)).all()
    assert patches
    assert not any("sort_key" in json.loads(patch) for patch in patches)

    # A 秘密 member made 内部 is sent whole (never acknowledged): still without the key.
    secret = add_member(a, "陈静", birth="19800303", classification=Classification.SECRET)
    sync(a)
    edit_member(a, secret, classification=Classification.INTERNAL)
    sync(a)
    page = live_server.store.changes(_branch_of(a), 0, 2000, None)
    dumped = json.dumps([c.model_dump() for c in page.changes], ensure_ascii=False)
    assert "陈静" in dumped
    assert "sort_key" not in dumped
