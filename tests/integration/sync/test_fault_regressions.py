"""Focused tests for what the fault-injection run (test_faults.py) found, each against the real
server on a loopback port."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from app.domain.calendar import Month
from app.errors import SyncServerUnreachableError
from app.services import dues as dues_service
from app.services.workspace import Workspace
from app.storage.models import DuesEventRow
from server import db as server_db
from sync import service
from sync.engine import Engine
from tests.integration.sync.conftest import LiveServer
from tests.integration.sync.faultproxy import back_up_platform, restore_platform
from tests.integration.sync.test_sync_engine import (
    add_member,
    device,
    edit_member,
    member,
    no_sleep,
    sync,
)

TODAY = date(2026, 11, 25)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return server_db.default_url(str(tmp_path / "server.db"))


@pytest.fixture
def three(tmp_path: Path, live_server: LiveServer) -> Iterator[tuple[Workspace, ...]]:
    branch_id, _code = live_server.branch()
    pcs = tuple(device(tmp_path, name, live_server, branch_id) for name in ("a", "b", "c"))
    yield pcs
    for ws in pcs:
        ws.lock()


def events(ws: Workspace) -> dict[str, dict[str, Any]]:
    """The dues ledger of a PC by event id, without what each PC keeps for itself."""
    with ws.unit_of_work() as uow:
        table: Any = DuesEventRow.__table__
        columns = [c for c in table.columns
                   if c.name not in {"seq", "created_at", "server_version"}]
        return {row.id: dict(row._mapping) for row in uow.session.execute(select(*columns))}


def pay(ws: Workspace, member_id: str) -> str:
    with ws.unit_of_work() as uow:
        receipt = dues_service.record_payment(
            uow, member_id, TODAY, [Month(2026, 11)], Decimal("30")
        )
        uow.commit()
    return receipt.event_id


def reverse(ws: Workspace, event_id: str) -> str:
    with ws.unit_of_work() as uow:
        reversal_id = dues_service.reverse(uow, event_id, TODAY, "录入错误")
        uow.commit()
    return reversal_id


def pull_in_pages(ws: Workspace, size: int) -> None:
    Engine(ws.unit_of_work, service.client_for(ws, sleep=no_sleep), page_size=size).run()


def test_a_reversal_reaches_other_pcs_as_it_was_written(three):
    a, b, _c = three
    member_id = add_member(a, "李红")
    reversal_id = reverse(a, pay(a, member_id))
    sync(a)
    sync(b)
    assert events(b) == events(a)
    assert events(b)[reversal_id]["member_id"] == member_id


def test_a_reversal_waiting_for_its_member_is_applied_after_the_event_it_reverses(
    three, monkeypatch
):
    """Both wait for their member (edited later, so it comes later); the reversal's id sorts
    before its target's (a reversal's id comes from the event it reverses, so any order is
    possible; here the payment's id is made to sort last): applied in the platform's order,
    the ledger still folds."""
    a, b, c = three
    member_id = add_member(a, "赵敏")
    monkeypatch.setattr(dues_service, "uuid7", lambda: "ffffffff-ffff-7fff-bfff-ffffffffffff")
    payment_id = pay(a, member_id)
    monkeypatch.undo()
    sync(a)
    sync(b)
    reversal_id = reverse(b, payment_id)
    assert reversal_id < payment_id
    sync(b)
    edit_member(a, member_id, phone="13900000000")
    sync(a)
    pull_in_pages(c, 2)
    assert set(events(c)) == {payment_id, reversal_id}
    with c.unit_of_work() as uow:
        ledger = dues_service.ledger(uow)
    assert ledger is not None


class LoseFirstAnswer:
    """A transport whose first push reaches the platform (which commits it) but whose answer is
    lost, as a killed or cut-off sync would."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.lost = inner, False

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def push(self, ops: list[dict[str, Any]]) -> Any:
        answer = self.inner.push(ops)
        if not self.lost:
            self.lost = True
            raise SyncServerUnreachableError("network")
        return answer


def test_a_batch_sent_again_after_an_edit_is_not_refused_as_a_reused_key(three, monkeypatch):
    """The answer to a full batch is lost; a record in it is edited before the next sync. The
    batch is the same ops but not the same content (a record the platform never acknowledged
    goes whole): the platform must not refuse it as a reused idempotency key."""
    monkeypatch.setattr("sync.engine.MAX_BATCH", 2)
    a, b, _c = three
    sync(a)
    first = add_member(a, "周一")
    edit_member(a, first, phone="13711112222")  # the batch: the new member, then its edit
    add_member(a, "周二", birth="19810203")  # the next batch
    with pytest.raises(SyncServerUnreachableError):
        sync(a, transport=LoseFirstAnswer(service.client_for(a, sleep=no_sleep)))
    edit_member(a, first, work_unit="市财政局")  # the edit now goes with this value too
    sync(a)
    assert service.pending_count(a) == 0
    sync(b)
    assert (member(b, first).phone, member(b, first).work_unit) == ("13711112222", "市财政局")


class Unreachable:
    """A transport whose pushes never reach the platform (the sync gives up)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def push(self, ops: list[dict[str, Any]]) -> Any:
        raise SyncServerUnreachableError("network")


def test_a_month_generated_after_another_pcs_sync_failed_is_owed_once(three, live_server):
    """What the fault run shows with ``BRANCHDESK_FAULT_GENERATE_ANYWHERE=1``: PC a generates
    November, its sync fails (killed, cut off); PC b, not knowing, generates November too."""
    a, b, _c = three
    member_id = add_member(a, "钱进")
    with a.unit_of_work() as uow:
        dues_service.set_base(uow, member_id, Month(2026, 1), Decimal("5000"))
        uow.commit()
    sync(a)
    sync(b)
    for ws in (a, b):
        with ws.unit_of_work() as uow:
            dues_service.generate_month(uow, Month(2026, 11))
            uow.commit()
        if ws is a:
            with pytest.raises(SyncServerUnreachableError):
                sync(a, transport=Unreachable(service.client_for(a, sleep=no_sleep)))
    sync(a)
    sync(b)
    sync(a)
    for ws in (a, b):
        owed = [e for e in events(ws).values() if e["kind"] == "due"]
        assert len(owed) == 1, ws.data_dir.name


def test_after_the_platform_is_restored_its_versions_win_over_older_ones_here(
    three, live_server, tmp_path
):
    """Version numbers of the restored platform start again from its backup: a PC holding a
    record at version 2 from before must still take the platform's (other) version 2."""
    a, b, c = three
    member_id = add_member(a, "孙立")
    for ws in (a, b, c):
        sync(ws)
    back_up_platform(live_server.store, tmp_path / "platform.backup")
    edit_member(b, member_id, phone="13900000001")
    sync(b)
    sync(a)  # a holds version 2 with b's phone
    restore_platform(live_server.store, tmp_path / "platform.backup")  # b's phone is lost
    edit_member(c, member_id, phone="13900000003")
    sync(c)  # the platform's version 2 is c's phone
    sync(b)  # b sends its phone again: changed elsewhere, a conflict for b's secretary
    [conflict] = service.conflicts(b)
    service.resolve_conflict(b, conflict.id, "server")
    sync(b)
    sync(a)
    for ws in (a, b, c):
        assert member(ws, member_id).phone == "13900000003", ws.data_dir.name
