"""The reference server's store on SQLite: how its push queries find records, and a database
made by an earlier version of the server."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from sqlalchemy import event

from server import db
from server.store import DeviceInfo, Store
from sync.wire import PushRequest


def _store(path: Path) -> tuple[Store, DeviceInfo]:
    store = Store(db.make_engine(db.default_url(str(path))))
    branch_id = store.create_branch("BR-1", "第一支部")
    enrolled = store.enroll(store.issue_code(branch_id), "pc")
    assert enrolled is not None
    return store, DeviceInfo(enrolled.device_id, branch_id)


def _push(store: Store, device: DeviceInfo, ops: list[dict[str, Any]]) -> None:
    request = PushRequest.model_validate({"ops": ops})
    store.push_json(device, request, uuid.uuid4().hex, uuid.uuid4().hex)


def _ops(count: int) -> list[dict[str, Any]]:
    member = str(uuid.uuid4())
    ops = [{"op_id": str(uuid.uuid4()), "entity": "member", "entity_id": member,
            "patch": {"name": "张伟"}, "base_version": 0, "hlc": "1764000000000-00000-pc"}]
    meeting = str(uuid.uuid4())
    for i in range(count):
        ops.append({"op_id": str(uuid.uuid4()), "entity": "dues_event",
                    "entity_id": str(uuid.uuid4()),
                    "patch": {"kind": "due", "member_id": member, "amount_fen": 500 + i},
                    "base_version": 0, "hlc": f"1764000000000-{i + 1:05d}-pc"})
    ops.append({"op_id": str(uuid.uuid4()), "entity": "meeting_attendance",
                "entity_id": str(uuid.uuid4()),
                "patch": {"meeting_id": meeting, "member_id": member, "status": "present"},
                "base_version": 0, "hlc": "1764000000001-00000-pc"})
    return ops


def test_a_push_looks_records_up_by_index_not_by_scanning_the_branch(tmp_path):
    store, device = _store(tmp_path / "server.db")
    _push(store, device, _ops(50))
    statements: list[tuple[str, Any]] = []
    aliases: list[tuple[str, Any]] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, parameters, _context, _many) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("SELECT") and " FROM record " in statement:
            statements.append((statement, parameters))
        elif " FROM record_alias " in statement:
            aliases.append((statement, parameters))

    _push(store, device, _ops(50))
    event.remove(store.engine, "before_cursor_execute", _seen)
    # One lookup per entity by id, and by natural key for the entity that has one: the member,
    # the 50 dues events and the attendance each found by (branch, entity) with every id.
    by_id = sorted(p[1] for st, p in statements if "AND id IN" in st)
    by_key = sorted(p[1] for st, p in statements if "AND natural_key IN" in st)
    assert by_id == ["dues_event", "meeting_attendance", "member"], statements
    assert by_key == ["meeting_attendance"], statements
    assert len(statements) == 4
    assert max(len(p) for _st, p in statements) == 2 + 50  # all 50 events in one query
    with store.engine.connect() as connection:
        for statement, parameters in statements:
            plan = " ".join(
                str(row[-1]) for row in
                connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters)
            )
            # (branch, entity, ...): the primary key or the unique natural key; a lookup on
            # the branch alone read every record of the branch on every batch.
            assert "branch_id=? AND entity=?" in plan, plan
            assert "SCAN" not in plan, plan
        # The ids other records were merged into (record_alias): one more query, on its key.
        [(statement, parameters)] = aliases
        plan = " ".join(str(row[-1]) for row in
                        connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters))
        assert "branch_id=? AND alias_id=?" in plan, plan
        assert "SCAN" not in plan, plan


def test_a_database_of_an_earlier_server_gets_the_new_columns(tmp_path):
    path = tmp_path / "server.db"
    store, device = _store(path)
    _push(store, device, _ops(2))
    with store.engine.begin() as connection:
        connection.exec_driver_sql("ALTER TABLE record DROP COLUMN echo_device")
    store.engine.dispose()

    reopened = Store(db.make_engine(db.default_url(str(path))))
    _push(reopened, device, _ops(2))
    with reopened.engine.connect() as connection:
        echoes = [row[0] for row in connection.exec_driver_sql(
            "SELECT echo_device FROM record ORDER BY seq")]
    assert echoes[:4] == [None] * 4  # written before the column existed
    assert echoes[4:] == [device.id] * 4
    reopened.engine.dispose()
