"""Generate and record a month of dues for 10,000 members vs raw sqlcipher3 executemany of the
same rows (issue 5; goals: <= 1 s and <= 3x).

BranchDesk: ``dues.generate_month`` in one unit of work, committed — read every paying member's
profile (category, bases, reliefs, admission and leaving dates), compute each amount by the 2008
rules with the rounding setting, insert the ``dues_event`` rows, one sync-outbox op per amount and
one audit entry.

The floor inserts exactly the rows BranchDesk wrote (the month's ``dues_event`` rows and their
``sync_outbox`` rows, read back afterwards) with one ``executemany`` per table into a fresh keyed
SQLCipher file with the same tables and indexes and the app's pragmas, committed. Each run
generates a new month (generation is idempotent). ``python -m bench dues_month``.
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 10_000
RUNS = 3
GOAL_SECONDS = 1.0
GOAL_RATIO = 3.0


def _ours(workspace: Any, month: Any) -> tuple[float, int]:
    from app.services import dues

    start = time.perf_counter()
    with workspace.unit_of_work() as uow:
        result = dues.generate_month(uow, month)
        uow.commit()
    return time.perf_counter() - start, result.created


def _rows(workspace: Any, month: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows generating ``month`` wrote: its dues events and their outbox ops."""
    from sqlalchemy import select

    from app.storage.models import DuesEventRow, OutboxEntry

    events_table, outbox_table = DuesEventRow.__table__, OutboxEntry.__table__
    with workspace.unit_of_work() as uow:
        events = [dict(r._mapping) for r in uow.session.execute(
            select(events_table).where(events_table.c.month == str(month))
        )]
        ids = {e["id"] for e in events}
        outbox = [dict(r._mapping) for r in uow.session.execute(
            select(outbox_table).where(outbox_table.c.entity == "dues_event")
        ) if r.entity_id in ids]
    for row in events:
        row.pop("seq")
    for row in outbox:
        row.pop("seq")
    return events, outbox


def _floor(folder: Path, events: list[dict[str, Any]], outbox: list[dict[str, Any]]) -> float:
    import sqlcipher3
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from app.storage.engine import PRAGMAS
    from app.storage.models import DuesEventRow, OutboxEntry

    tables = (DuesEventRow.__table__, OutboxEntry.__table__)
    dialect = sqlite.dialect()
    ddl = [str(CreateTable(t).compile(dialect=dialect)) for t in tables]
    ddl += [str(CreateIndex(i).compile(dialect=dialect)) for t in tables for i in t.indexes]
    database = folder / f"floor-{secrets.token_hex(4)}.db"
    connection = sqlcipher3.connect(str(database))
    connection.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    for pragma in PRAGMAS:
        if "foreign_keys" not in pragma:  # the floor has no member table to refer to
            connection.execute(pragma)
    for statement in ddl:
        connection.execute(statement)
    connection.commit()
    inserts = []
    for table, rows in ((tables[0], events), (tables[1], outbox)):
        columns = list(rows[0])
        sql = (f"INSERT INTO {table.name} ({', '.join(columns)}) "  # noqa: S608 - our own names
               f"VALUES ({', '.join('?' for _ in columns)})")
        values = [tuple(_plain(row[c]) for c in columns) for row in rows]
        inserts.append((sql, values))
    start = time.perf_counter()
    for sql, values in inserts:
        connection.executemany(sql, values)
    connection.commit()
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def main(members: int = MEMBERS) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from app.domain.calendar import Month
    from bench.dues_branch import YEAR, make_branch

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        workspace = make_branch(folder, members)
        ours, floors = [], []
        created = 0
        for run in range(RUNS):
            month = Month(YEAR, run + 1)
            seconds, created = _ours(workspace, month)
            ours.append(seconds)
            events, outbox = _rows(workspace, month)
            floors.append(_floor(folder, events, outbox))
        workspace.lock()  # type: ignore[attr-defined]
    mine, floor = statistics.median(ours), statistics.median(floors)
    ratio = mine / floor
    print(f"dues_month: {members} members in the register, {created} amounts due a month; "
          f"raw sqlcipher3 executemany of the same rows (dues_event + sync_outbox) "
          f"{floor * 1000:.0f} ms, BranchDesk generate_month {mine * 1000:.0f} ms "
          f"(median of {RUNS})")
    verdict = "OK" if mine <= GOAL_SECONDS and ratio <= GOAL_RATIO else "OVER"
    print(f"dues_month: {mine:.2f} s (goal <= {GOAL_SECONDS:.0f} s), ratio {ratio:.2f}x "
          f"(goal <= {GOAL_RATIO:.0f}x) {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MEMBERS)
