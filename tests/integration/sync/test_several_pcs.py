"""Two PCs of one branch and the reference server on a loopback port: the same dues fact entered
on both is one record after syncing in any order; a real disagreement is a conflict the secretary
decides on the 同步 page, after which both PCs hold the same books."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select, update

from app.domain.calendar import Month
from app.services import dues as dues_service
from app.services import dues_folds
from app.services.workspace import Workspace
from app.storage.models import DuesBaseRow, DuesEventRow, OutboxEntry, SyncRunRow
from server import db as server_db
from sync import service
from sync.engine import Engine, ledger_writable
from tests.integration.sync.test_sync_engine import (
    add_member,
    device,
    edit_member,
    member,
    sync,
    table,
)

MONTH = Month(2026, 10)
BASE_MONTH = Month(2026, 1)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """The server on SQLite (as in test_sync_engine)."""
    return server_db.default_url(str(tmp_path / "server.db"))


@pytest.fixture
def branch_pcs(tmp_path: Path, live_server) -> tuple[Workspace, Workspace, list[str]]:
    """Two PCs holding the same three members with their bases (entered on the first, synced)."""
    branch, _code = live_server.branch()
    a = device(tmp_path, "a", live_server, branch)
    b = device(tmp_path, "b", live_server, branch)
    members = [add_member(a, name, birth=f"1980010{i + 1}")
               for i, name in enumerate(["张三", "李四", "王五"])]
    with a.unit_of_work() as uow:
        for member_id in members:
            dues_service.set_base(uow, member_id, BASE_MONTH, Decimal("5000"))
        uow.commit()
    sync(a)
    sync(b)
    yield a, b, members
    a.lock()
    b.lock()


def sync_in_order(first: Workspace, second: Workspace) -> None:
    """Each PC syncs twice, ``first`` first: everything either pushed reaches the other."""
    for ws in (first, second, first, second):
        report = sync(ws)
        assert not report.rejected, report.rejected_reasons


def orders(a: Workspace, b: Workspace) -> dict[str, tuple[Workspace, Workspace]]:
    return {"ab": (a, b), "ba": (b, a)}


def dues_rows(ws: Workspace) -> list[tuple[Any, ...]]:
    """The ledger without local bookkeeping (the version a PC noted)."""
    return [tuple(c for c in row if c[0] != "server_version") for row in table(ws, DuesEventRow)]


def owed(ws: Workspace, member_id: str) -> list[int]:
    with ws.unit_of_work() as uow:
        return list(uow.session.scalars(select(DuesEventRow.amount_fen).where(
            DuesEventRow.kind == "due", DuesEventRow.member_id == member_id,
            DuesEventRow.month == str(MONTH))))


def ledger_due(ws: Workspace, member_id: str) -> Decimal:
    """What the member owes for MONTH by both folds (they must agree and must not raise)."""
    with ws.unit_of_work() as uow:
        ledger = dues_service.ledger(uow)
        fen = dues_service.fen_ledger(uow)
    due = ledger.balance(member_id, MONTH).due
    assert fen.members[member_id].due.get(MONTH.index, 0) == int(due * 100)
    return due


def folds_agree(ws: Workspace) -> bool:
    """The members' dues as kept (``dues_folds``: read, and kept again) equal the ledger's
    fold, whatever a sync brought in."""
    with ws.unit_of_work(read_only=True) as uow:
        before = dues_folds.members_ledger(uow).members == dues_service.fen_ledger(uow).members
    dues_folds.keep_current(ws)
    with ws.unit_of_work(read_only=True) as uow:
        return before and not dues_folds.any_stale(uow) and (
            dues_folds.members_ledger(uow).members == dues_service.fen_ledger(uow).members)


def last_sync_ok(ws: Workspace) -> bool:
    with ws.unit_of_work() as uow:
        return uow.session.scalar(
            select(SyncRunRow.outcome).order_by(SyncRunRow.seq.desc()).limit(1)) == "ok"


def set_bases(bases: dict[Workspace, Decimal], member_id: str, generate: bool = False) -> None:
    """On each PC, the member's base from July (and MONTH generated after it)."""
    for ws, base in bases.items():
        with ws.unit_of_work() as uow:
            dues_service.set_base(uow, member_id, Month(2026, 7), base)
            if generate:
                dues_service.generate_month(uow, MONTH)
            uow.commit()


def resolve_all(ws: Workspace, choice: str) -> int:
    pending = service.conflicts(ws)
    for conflict in pending:
        service.resolve_conflict(ws, conflict.id, choice)
    return len(pending)


def server_records(live_server, entity: str) -> list[dict[str, Any]]:
    record = server_db.record.c
    with live_server.store.engine.connect() as connection:
        return [json.loads(data) for data in connection.scalars(
            select(record.data).where(record.entity == entity))]


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_month_generated_on_two_pcs_is_one_obligation_per_member(branch_pcs, live_server,
                                                                    order):
    a, b, members = branch_pcs
    for ws in (a, b):
        with ws.unit_of_work() as uow:
            assert dues_service.generate_month(uow, MONTH).created == 3
            uow.commit()
    sync_in_order(*orders(a, b)[order])
    for ws in (a, b):
        for member_id in members:
            assert owed(ws, member_id) == [5000]  # 1% of 5000 yuan, once
            assert ledger_due(ws, member_id) == Decimal("50.00")
        assert last_sync_ok(ws)
    assert dues_rows(a) == dues_rows(b)
    dues = [d for d in server_records(live_server, "dues_event") if d["kind"] == "due"]
    assert len(dues) == 3
    assert not service.conflicts(a)
    assert not service.conflicts(b)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_month_generated_again_after_its_reversal_converges(branch_pcs, order):
    """A reversed amount owed generated again on both PCs: the new one is one record too."""
    a, b, members = branch_pcs
    with a.unit_of_work() as uow:
        dues_service.generate_month(uow, MONTH)
        uow.commit()
    sync_in_order(a, b)
    with a.unit_of_work() as uow:
        due = uow.session.scalar(select(DuesEventRow.id).where(
            DuesEventRow.kind == "due", DuesEventRow.member_id == members[0]))
        dues_service.reverse(uow, due, date(2026, 10, 20), "基数有误")
        uow.commit()
    sync_in_order(a, b)
    for ws in (a, b):
        with ws.unit_of_work() as uow:
            assert dues_service.generate_month(uow, MONTH).created == 1
            uow.commit()
    sync_in_order(*orders(a, b)[order])
    for ws in (a, b):
        assert owed(ws, members[0]) == [5000, 5000]  # the reversed one and the new one
        assert ledger_due(ws, members[0]) == Decimal("50.00")
    assert dues_rows(a) == dues_rows(b)


@pytest.mark.parametrize("order", ["ab", "ba"])
@pytest.mark.parametrize("reasons", [("收据填错", "收据填错"), ("收据填错", "重复录入")])
def test_one_payment_reversed_on_two_pcs_is_one_reversal(branch_pcs, order, reasons):
    a, b, members = branch_pcs
    with a.unit_of_work() as uow:
        dues_service.generate_month(uow, MONTH)
        payment = dues_service.record_payment(
            uow, members[0], date(2026, 10, 15), [MONTH], Decimal("50.00")).event_id
        uow.commit()
    sync_in_order(a, b)
    assert folds_agree(a)
    assert folds_agree(b)
    for ws, reason in zip((a, b), reasons, strict=True):
        with ws.unit_of_work() as uow:
            dues_service.reverse(uow, payment, date(2026, 10, 20), reason)
            uow.commit()
    first, second = orders(a, b)[order]
    sync_in_order(first, second)
    for ws in (a, b):
        assert folds_agree(ws)  # the reversal pulled from the other PC too
        with ws.unit_of_work() as uow:
            assert uow.session.scalar(select(func.count()).where(
                DuesEventRow.reverses_id == payment)) == 1
            assert payment in dues_service.ledger(uow).reversed_ids
            assert dues_service.member_payments(uow, members[0]) == []
        assert ledger_due(ws, members[0]) == Decimal("50.00")
        assert last_sync_ok(ws)
    conflicts = service.conflicts(second)
    if reasons[0] == reasons[1]:
        assert not conflicts
        assert not service.conflicts(first)
        assert dues_rows(a) == dues_rows(b)
        return
    # The reason given on the PC that synced second differs: the secretary chooses there.
    assert [(c.entity, c.field) for c in conflicts] == [("dues_event", "note")]
    assert conflicts[0].local_value == reasons[1 if order == "ab" else 0]
    assert resolve_all(second, "local") == 1
    sync_in_order(second, first)
    assert dues_rows(a) == dues_rows(b)
    assert folds_agree(a)
    assert folds_agree(b)
    with first.unit_of_work() as uow:
        note = uow.session.scalar(select(DuesEventRow.note).where(
            DuesEventRow.reverses_id == payment))
    assert note == conflicts[0].local_value


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_one_base_set_to_the_same_value_on_two_pcs_is_one_record(branch_pcs, order):
    a, b, members = branch_pcs
    set_bases({a: Decimal("6000"), b: Decimal("6000")}, members[0])
    sync_in_order(*orders(a, b)[order])
    for ws in (a, b):
        assert last_sync_ok(ws)
        assert not service.conflicts(ws)
    assert table(a, DuesBaseRow) == table(b, DuesBaseRow)
    assert len(table(a, DuesBaseRow)) == 4


@pytest.mark.parametrize("choice", ["local", "server"])
@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_bases_for_the_same_month_are_a_conflict_and_syncs_keep_working(
    branch_pcs, order, choice
):
    a, b, members = branch_pcs
    values = {a: Decimal("6000"), b: Decimal("7000")}
    set_bases(values, members[0])
    first, second = orders(a, b)[order]
    sync_in_order(first, second)
    for ws in (a, b):
        assert last_sync_ok(ws)  # no integrity error, now or on the next sync
    conflicts = service.conflicts(second)
    assert [(c.entity, c.field) for c in conflicts] == [("dues_base", "base_fen")]
    assert (conflicts[0].local_value, conflicts[0].server_value) == (
        int(values[second] * 100), int(values[first] * 100))
    resolve_all(second, choice)
    sync_in_order(second, first)
    assert table(a, DuesBaseRow) == table(b, DuesBaseRow)
    chosen = values[second] if choice == "local" else values[first]
    with a.unit_of_work() as uow:
        assert uow.session.scalar(select(DuesBaseRow.base_fen).where(
            DuesBaseRow.member_id == members[0],
            DuesBaseRow.effective_month == "2026-07")) == int(chosen * 100)


@pytest.mark.parametrize("choice", ["local", "server"])
@pytest.mark.parametrize("order", ["ab", "ba"])
def test_two_amounts_owed_for_the_same_month_are_a_conflict_the_secretary_decides(
    branch_pcs, order, choice
):
    """Each PC had another base when it generated the month: two different amounts owed."""
    a, b, members = branch_pcs
    bases = {a: Decimal("6000"), b: Decimal("12000")}
    set_bases(bases, members[0], generate=True)
    amounts = {ws: owed(ws, members[0]) for ws in bases}
    first, second = orders(a, b)[order]
    sync_in_order(first, second)
    fields = sorted((c.entity, c.field) for c in service.conflicts(second))
    assert fields == [("dues_base", "base_fen"), ("dues_event", "amount_fen")]
    assert resolve_all(second, choice) == 2
    sync_in_order(second, first)
    assert dues_rows(a) == dues_rows(b)
    assert table(a, DuesBaseRow) == table(b, DuesBaseRow)
    assert amounts[a] != amounts[b]
    chosen = amounts[second] if choice == "local" else amounts[first]
    for ws in (a, b):
        assert owed(ws, members[0]) == chosen
        assert ledger_due(ws, members[0]) == Decimal(chosen[0]) / 100
        assert not service.conflicts(ws)


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_everything_at_once_on_two_pcs_converges(branch_pcs, order):
    """The same month, the same reversal, the same base and the same member edited on both PCs,
    then synced: one obligation per member and month, a ledger that folds, the member's name a
    conflict for the secretary, and after her decision identical books."""
    a, b, members = branch_pcs
    with a.unit_of_work() as uow:
        payment = dues_service.record_payment(
            uow, members[1], date(2026, 9, 15), [Month(2026, 9)], Decimal("50.00")).event_id
        uow.commit()
    sync_in_order(a, b)
    for ws, name in ((a, "张三丰"), (b, "张三峰")):
        with ws.unit_of_work() as uow:
            dues_service.generate_month(uow, MONTH)
            dues_service.reverse(uow, payment, date(2026, 10, 20), "重复录入")
            dues_service.set_base(uow, members[2], Month(2026, 7), Decimal("6000"))
            uow.commit()
        edit_member(ws, members[0], name=name)
    first, second = orders(a, b)[order]
    sync_in_order(first, second)
    assert [(c.entity, c.field) for c in service.conflicts(second)] == [("member", "name")]
    resolve_all(second, "server")
    sync_in_order(second, first)
    for ws in (a, b):
        assert member(ws, members[0]).name == member(first, members[0]).name
        for member_id in members:
            assert len(owed(ws, member_id)) == 1
            ledger_due(ws, member_id)
        assert last_sync_ok(ws)
    assert dues_rows(a) == dues_rows(b)
    assert table(a, DuesBaseRow) == table(b, DuesBaseRow)


@pytest.mark.parametrize("pull_first", [False, True])
def test_a_due_stored_under_a_random_id_takes_the_same_fact_from_another_pc(
    tmp_path, live_server, pull_first
):
    """An amount owed recorded by an older version under a random id, on the platform too: the
    server gives it its natural key (at start-up), and a PC that generated the same month lands
    on it, by the push's answer or, when it pulls first, by the key; one record, not two."""
    branch, _code = live_server.branch()
    a = device(tmp_path, "a", live_server, branch)
    b = device(tmp_path, "b", live_server, branch)
    member_id = add_member(a, "张三")
    with a.unit_of_work() as uow:
        dues_service.set_base(uow, member_id, BASE_MONTH, Decimal("5000"))
        uow.commit()
    sync(a)
    sync(b)
    legacy = "0190a000-0000-7000-8000-000000000001"
    with a.unit_of_work() as uow:
        dues_service.generate_month(uow, MONTH)
        session = uow.session
        with ledger_writable(session, "dues_event"):
            old = session.scalar(select(DuesEventRow.id).where(DuesEventRow.kind == "due"))
            session.execute(update(DuesEventRow).where(DuesEventRow.id == old)
                            .values(id=legacy))
        session.execute(update(OutboxEntry).where(OutboxEntry.entity_id == old)
                        .values(entity_id=legacy))
        uow.commit()
    sync(a)
    record = server_db.record.c
    with live_server.store.engine.begin() as connection:
        connection.execute(update(server_db.record).where(record.id == legacy)
                           .values(natural_key=None))
        connection.execute(server_db.server_state.delete().where(
            server_db.server_state.c.key == server_db.NATURAL_KEYS))
    server_db.make_engine(str(live_server.store.engine.url)).dispose()  # as at a restart
    with live_server.store.engine.connect() as connection:
        assert connection.scalar(select(record.natural_key).where(record.id == legacy))
    with b.unit_of_work() as uow:
        dues_service.generate_month(uow, MONTH)
        uow.commit()
    if pull_first:
        Engine(b.unit_of_work, service.client_for(b)).pull_all(
            lambda *_: None, lambda: False, False)
    sync(b)
    with b.unit_of_work() as uow:
        assert list(uow.session.scalars(select(DuesEventRow.id).where(
            DuesEventRow.kind == "due"))) == [legacy]
    assert ledger_due(b, member_id) == Decimal("50.00")
    assert not service.conflicts(b)


def test_everything_a_secret_record_reaches_stays_on_the_pc_online_and_in_bundles(
    tmp_path, live_server
):
    """A 秘密 meeting's attendance and amendments, a 秘密 member's amounts owed, payments and
    their reversals: withheld from the push and from a bundle's ops, while the same records of
    an internal meeting and member go."""
    from app.domain.meetings import MeetingType
    from app.domain.members import Classification
    from app.services import meetings as meetings_service
    from app.services.meetings import Attendance

    branch, _code = live_server.branch()
    a = device(tmp_path, "a", live_server, branch)
    secret_member = add_member(a, "机密人员", classification=Classification.SECRET)
    public_member = add_member(a, "普通党员", birth="19850505")
    with a.unit_of_work() as uow:
        meetings = {}
        for classification in (Classification.SECRET, Classification.INTERNAL):
            meeting = meetings_service.create_meeting(uow, meetings_service.MeetingInput(
                type=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 10, 9),
                topics=("学习党章",), classification=classification))
            meetings_service.set_attendance(uow, meeting, public_member, Attendance.PRESENT)
            meetings_service.finalize(uow, meeting, date(2026, 10, 10))
            meetings_service.add_amendment(uow, meeting, date(2026, 10, 11), "周明", "补记")
            meetings[classification] = meeting
        for member_id in (secret_member, public_member):
            dues_service.set_base(uow, member_id, BASE_MONTH, Decimal("5000"))
        dues_service.generate_month(uow, MONTH)
        payments = {
            member_id: dues_service.record_payment(
                uow, member_id, date(2026, 10, 15), [MONTH], Decimal("50.00")).event_id
            for member_id in (secret_member, public_member)
        }
        for payment in payments.values():
            dues_service.reverse(uow, payment, date(2026, 10, 16), "录错")
        uow.commit()
    bundle_ops = Engine(a.unit_of_work, service.client_for(a)).outbox_ops()
    with a.unit_of_work() as uow:  # the bundle acknowledged nothing but what it withheld
        uow.session.execute(update(OutboxEntry).values(acked_at=None))
        uow.commit()
    sync(a)
    secret_meeting = meetings[Classification.SECRET]
    public_meeting = meetings[Classification.INTERNAL]
    sent = {
        "bundle": json.dumps([{**op, "op_id": str(op["op_id"])} for op in bundle_ops],
                             ensure_ascii=False),
        "server": json.dumps([c.model_dump() for c in live_server.store.changes(
            branch, 0, 2000, None).changes], ensure_ascii=False),
    }
    for where, text in sent.items():
        for gone in (secret_member, secret_meeting, payments[secret_member], "机密人员"):
            assert gone not in text, where
        for kept in (public_member, public_meeting, payments[public_member]):
            assert kept in text, where
        assert text.count('"reversal"') == 1, where


def test_a_base_pulled_while_the_same_base_waits_here_under_another_id(tmp_path, live_server):
    """A base entered by an older version (a random id) waits in the outbox when the same
    member's base for that month arrives from another PC: no integrity error; the local record
    takes the platform's id and keeps its own amount until pushed, and the difference becomes a
    conflict for the secretary."""
    branch, _code = live_server.branch()
    a = device(tmp_path, "a", live_server, branch)
    b = device(tmp_path, "b", live_server, branch)
    member_id = add_member(a, "张三")
    sync(a)
    sync(b)
    set_bases({a: Decimal("6000"), b: Decimal("7000")}, member_id)
    with b.unit_of_work() as uow:  # as an older version stored it
        old = uow.session.scalar(select(DuesBaseRow.id))
        legacy = "0190a000-0000-7000-8000-000000000002"
        uow.session.execute(update(DuesBaseRow).where(DuesBaseRow.id == old).values(id=legacy))
        uow.session.execute(update(OutboxEntry).where(OutboxEntry.entity_id == old)
                            .values(entity_id=legacy))
        uow.commit()
    sync(a)
    Engine(b.unit_of_work, service.client_for(b)).pull_all(lambda *_: None, lambda: False, False)
    with b.unit_of_work() as uow:
        rows = list(uow.session.execute(select(DuesBaseRow.id, DuesBaseRow.base_fen)))
    assert [(row.id != legacy, row.base_fen) for row in rows] == [(True, 700000)]
    sync(b)
    assert [(c.field, c.local_value, c.server_value) for c in service.conflicts(b)] == [
        ("base_fen", 700000, 600000)]
    resolve_all(b, "local")
    sync_in_order(b, a)
    assert table(a, DuesBaseRow) == table(b, DuesBaseRow)
