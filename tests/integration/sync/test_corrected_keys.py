"""A member's key on the server follows corrections (``server.store._rekey``): a member is found
by the ID number it has now, on SQLite and on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from app.services.workspace import Workspace
from app.storage.models import MemberRow
from server import db as server_db
from tests.integration.sync.test_several_pcs import server_records, sync_in_order
from tests.integration.sync.test_sync_engine import (
    add_member,
    device,
    edit_member,
    id_number,
    sync,
    table,
)


@pytest.fixture
def pcs(tmp_path: Path, live_server) -> tuple[Workspace, Workspace]:
    branch, _code = live_server.branch()
    a = device(tmp_path, "a", live_server, branch)
    b = device(tmp_path, "b", live_server, branch)
    yield a, b
    a.lock()
    b.lock()


def ids(ws: Workspace) -> list[str]:
    return [dict(row)["id"] for row in table(ws, MemberRow)]


def test_a_corrected_id_number_is_the_key_the_member_is_found_by(
    pcs: tuple[Workspace, Workspace], live_server
) -> None:
    """An ID number typed wrong on one PC and corrected there: the member is then the same person
    as an entry of the corrected number on another PC (the server keys the member by its
    current number, not the first one it saw); the wrong number keys no one any more."""
    a, b = pcs
    typo = add_member(a, "张三", birth="19800101")
    sync(a)
    edit_member(a, typo, id_number=id_number("19800202"))
    sync(a)
    add_member(b, "张三", birth="19800202")
    sync_in_order(b, a)
    assert len(server_records(live_server, "member")) == 1
    assert ids(a) == ids(b) == [typo]
    with live_server.store.engine.connect() as connection:
        keys = list(connection.scalars(select(server_db.record.c.natural_key).where(
            server_db.record.c.entity == "member")))
    assert keys == [f"member:resident:{id_number('19800202')}"]


def test_a_correction_to_a_number_another_record_holds_loses_no_push(
    pcs: tuple[Workspace, Workspace], live_server
) -> None:
    """PC a corrects 张三's number to the number PC b has already given 李四 (before a has seen
    李四): the push is applied, 李四 keeps the key, 张三 is left without one — two members with
    one number are for the secretary, never a failed sync."""
    a, b = pcs
    zhang = add_member(a, "张三", birth="19800101")
    sync(a)
    add_member(b, "李四", birth="19800202")
    sync(b)
    edit_member(a, zhang, id_number=id_number("19800202"))
    report = sync(a)
    assert not report.rejected
    with live_server.store.engine.connect() as connection:
        rows = connection.execute(select(
            server_db.record.c.id, server_db.record.c.natural_key
        ).where(server_db.record.c.entity == "member")).all()
    keys = {record_id: key for record_id, key in rows}
    assert keys[zhang] is None
    assert sorted(k for k in keys.values() if k) == [f"member:resident:{id_number('19800202')}"]
