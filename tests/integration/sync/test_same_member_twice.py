"""The same member entered on two PCs of one branch (typed twice, or the same roster imported on
each before they were enrolled) is one member after syncing, in either order: a member is the
same person when the ID type and number are the same (``sync.registry``). Identical entries merge
silently; where they differ, the secretary decides on the 同步 page. Party groups of the same name
are one group too."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.calendar import Month
from app.domain.meetings import MeetingType
from app.domain.members import EventKind
from app.services import dues as dues_service
from app.services import meetings
from app.services import members as m
from app.services.workspace import Workspace
from app.storage.models import (
    AttendanceRow,
    DuesBaseRow,
    MemberEventRow,
    MemberRow,
    PartyGroupRow,
)
from server import db as server_db
from sync import service
from tests.integration.sync.test_several_pcs import (
    orders,
    resolve_all,
    server_records,
    sync_in_order,
)
from tests.integration.sync.test_sync_engine import TODAY, add_member, device, member, table


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return server_db.default_url(str(tmp_path / "server.db"))


@pytest.fixture
def pcs(tmp_path: Path, live_server) -> tuple[Workspace, Workspace]:
    branch, _code = live_server.branch()
    a = device(tmp_path, "a", live_server, branch)
    b = device(tmp_path, "b", live_server, branch)
    yield a, b
    a.lock()
    b.lock()


def ids(ws: Workspace, model: type) -> list[str]:
    return [dict(row)["id"] for row in table(ws, model)]


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_the_same_member_typed_on_two_pcs_is_one_member(
    pcs: tuple[Workspace, Workspace], live_server, order: str
) -> None:
    a, b = pcs
    on_a = add_member(a, "张三", birth="19800101")
    on_b = add_member(b, "张三", birth="19800101")
    assert on_a != on_b
    sync_in_order(*orders(a, b)[order])

    assert ids(a, MemberRow) == ids(b, MemberRow)
    assert len(ids(a, MemberRow)) == 1
    assert table(a, MemberRow) == table(b, MemberRow)
    assert service.conflicts(a) == service.conflicts(b) == []  # the same facts: nothing to decide
    assert len(server_records(live_server, "member")) == 1


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_a_difference_between_the_two_entries_is_for_the_secretary(
    pcs: tuple[Workspace, Workspace], order: str
) -> None:
    a, b = pcs
    add_member(a, "张三", birth="19800101", phone="13800000001")
    add_member(b, "张三", birth="19800101", phone="13900000002")
    first, second = orders(a, b)[order]
    sync_in_order(first, second)

    [member_id] = ids(a, MemberRow)
    assert ids(b, MemberRow) == [member_id]
    pending = service.conflicts(second)
    assert [c.field for c in pending] == ["phone"]
    resolve_all(second, "local")
    sync_in_order(second, first)
    assert member(a, member_id).phone == member(b, member_id).phone == (
        "13800000001" if second is a else "13900000002"
    )
    assert service.conflicts(a) == service.conflicts(b) == []


def test_members_of_different_id_numbers_stay_apart(pcs: tuple[Workspace, Workspace]) -> None:
    a, b = pcs
    add_member(a, "张三", birth="19800101")
    add_member(b, "张三", birth="19800102")  # namesakes: two people
    sync_in_order(a, b)
    assert len(ids(a, MemberRow)) == len(ids(b, MemberRow)) == 2


def test_the_same_party_group_created_on_two_pcs_is_one_group(
    pcs: tuple[Workspace, Workspace],
) -> None:
    a, b = pcs
    groups = {}
    for ws in (a, b):
        with ws.unit_of_work() as uow:
            groups[ws] = m.create_party_group(uow, "第一党小组")
            uow.commit()
        add_member(ws, "张三", birth="19800101", party_group_id=groups[ws])
    sync_in_order(a, b)

    [group_id] = ids(a, PartyGroupRow)
    assert ids(b, PartyGroupRow) == [group_id]
    for ws in (a, b):
        [only] = ids(ws, MemberRow)
        assert member(ws, only).party_group_id == group_id
    assert service.conflicts(a) == service.conflicts(b) == []


def test_an_unsynced_edit_of_the_second_entry_reaches_the_one_member(
    pcs: tuple[Workspace, Workspace],
) -> None:
    """B typed the member, then corrected the phone before its first sync: the correction lands
    on the member A had sent."""
    a, b = pcs
    add_member(a, "张三", birth="19800101")
    sync_in_order(a, a)
    on_b = add_member(b, "张三", birth="19800101")
    with b.unit_of_work() as uow:
        current = m.get_member(uow, on_b).data
        m.update_member(uow, on_b, replace(current, phone="13700000003"), TODAY)
        uow.commit()
    sync_in_order(b, a)
    [member_id] = ids(a, MemberRow)
    assert member(a, member_id).phone == member(b, member_id).phone == "13700000003"


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_what_each_pc_recorded_about_the_member_stays_with_the_one_member(
    pcs: tuple[Workspace, Workspace], order: str
) -> None:
    """Each PC gave its entry a base, a timeline entry and a meeting's attendance: after syncing
    they all name the one member, on both PCs."""
    a, b = pcs
    for ws, month, text in ((a, Month(2026, 1), "表彰"), (b, Month(2026, 2), "先进")):
        member_id = add_member(ws, "张三", birth="19800101")
        with ws.unit_of_work() as uow:
            dues_service.set_base(uow, member_id, month, Decimal("5000"))
            m.add_event(uow, member_id, EventKind.REWARD, date(2026, 3, 1), text=text)
            meetings.create_meeting(uow, meetings.MeetingInput(
                type=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 3, 2), topics=(text,)))
            uow.commit()
    sync_in_order(*orders(a, b)[order])

    [member_id] = ids(a, MemberRow)
    for ws in (a, b):
        assert ids(ws, MemberRow) == [member_id]
        for model in (DuesBaseRow, MemberEventRow, AttendanceRow):
            rows = [dict(r) for r in table(ws, model)]
            assert len(rows) == 2, model
            assert {r["member_id"] for r in rows} == {member_id}, model
    assert table(a, DuesBaseRow) == table(b, DuesBaseRow)
