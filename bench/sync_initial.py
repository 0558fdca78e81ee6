"""Initial sync of a branch (issue 6; goal ≤ 2× a raw HTTP POST of the same payload), and a sync
with nothing new (goal: one request, ≤ 50 ms).

A device holds 10,000 members and ``BENCH_SYNC_DUES_ROWS`` dues ledger events (default
1,200,000: the full size; set it lower for a quick run) in its outbox and pushes them to the
reference server (``python -m server`` on SQLite, in its own process as a platform would be) on
loopback with ``sync_now``: batches of 500 through the engine, the server merging and storing
every op, acknowledgements written back, then the pull to the end. The reference is the same
JSON batches POSTed raw, one after another, to a loopback endpoint in its own process that only
reads the body.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import requests
from sqlalchemy import insert, select

from app.services.workspace import BranchProfile, KdfParams, Workspace
from app.storage.hlc import next_hlc
from app.storage.ids import utc_iso, uuid7
from app.storage.models import DuesEventRow, MemberRow, OutboxEntry
from bench.processes import serving
from server import db
from server.store import Store
from sync import service
from sync.wire import MAX_BATCH

MEMBERS = 10_000
DUES_ROWS = int(os.environ.get("BENCH_SYNC_DUES_ROWS", "1200000"))
GOAL_RATIO = 2.0
GOAL_IDLE_MS = 50.0


SINK = """
import sys, uvicorn
from fastapi import FastAPI, Request
sink = FastAPI()
@sink.post("/sink")
async def _sink(request: Request) -> dict[str, int]:
    return {"size": len(await request.body())}
uvicorn.run(sink, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def fill(ws: Workspace) -> None:
    """Members and dues events with their outbox ops."""
    hlc = None
    with ws.unit_of_work() as uow:
        members, outbox = [], []
        for i in range(MEMBERS):
            member_id = uuid7()
            patch: dict[str, Any] = {"name": f"党员{i:05d}", "id_number": f"11010519800101{i:04d}",
                     "phone": f"138{i:08d}", "stage": "full", "status": "active"}
            members.append({"id": member_id, **patch})
            hlc = next_hlc(hlc, "bench")
            outbox.append({"op_id": uuid7(), "entity": "member", "entity_id": member_id,
                           "patch": json.dumps(patch, ensure_ascii=False), "base_version": 0,
                           "hlc": hlc, "created_at": utc_iso()})
        uow.session.execute(insert(MemberRow), members)
        ids = [m["id"] for m in members]
        events = []
        for i in range(DUES_ROWS):
            event_id = uuid7()
            patch = {"kind": "due", "member_id": ids[i % MEMBERS],
                     "month": f"{2000 + i // (MEMBERS * 12) % 30}-{i // MEMBERS % 12 + 1:02d}",
                     "amount_fen": 500 + i % 1000}
            events.append({"id": event_id, **patch, "months": "[]", "created_at": utc_iso()})
            hlc = next_hlc(hlc, "bench")
            outbox.append({"op_id": uuid7(), "entity": "dues_event", "entity_id": event_id,
                           "patch": json.dumps(patch), "base_version": 0, "hlc": hlc,
                           "created_at": utc_iso()})
            if len(events) >= 50_000:
                uow.session.execute(insert(DuesEventRow), events)
                events = []
            if len(outbox) >= 50_000:
                uow.session.execute(insert(OutboxEntry), outbox)
                outbox = []
        if events:
            uow.session.execute(insert(DuesEventRow), events)
        if outbox:
            uow.session.execute(insert(OutboxEntry), outbox)
        uow.commit()


def sent_ops(ws: Workspace) -> Iterator[list[dict[str, Any]]]:
    """The outbox as the wire carried it, batch by batch (read after the sync, so the benchmark's
    copy of 1.2 M ops is not in memory while the client works)."""
    with ws.unit_of_work() as uow:
        rows = uow.session.execute(
            select(OutboxEntry.op_id, OutboxEntry.entity, OutboxEntry.entity_id,
                   OutboxEntry.patch, OutboxEntry.hlc).order_by(OutboxEntry.seq)
        ).all()
    for start in range(0, len(rows), MAX_BATCH):
        yield [{"op_id": r.op_id, "entity": r.entity, "entity_id": r.entity_id,
                "patch": json.loads(r.patch), "base_version": 0, "hlc": r.hlc}
               for r in rows[start:start + MAX_BATCH]]


def raw_post(batches: list[list[dict[str, Any]]]) -> float:
    """Encode each batch as a plain client does (``json``) and POST it; seconds."""
    with serving("sync_initial", "-c", SINK, "{port}") as (url, _pid):
        session = requests.Session()
        started = time.perf_counter()
        for ops in batches:
            body = json.dumps({"ops": ops}, ensure_ascii=False).encode()
            session.post(f"{url}/sink", data=body, timeout=60,
                         headers={"Content-Type": "application/json"}).raise_for_status()
        return time.perf_counter() - started


def floor_seconds(
    ws: Workspace, batches: list[list[dict[str, Any]]], folder: Path
) -> tuple[float, float]:
    """The least any sync must do besides POSTing: read the ops from the encrypted outbox, and
    store each batch on the platform (its records and op ids, one commit per batch) — straight
    through the drivers, with no merging, no answers, no acknowledgements. Seconds reading,
    seconds storing."""
    started = time.perf_counter()
    with ws.unit_of_work() as uow:
        uow.session.connection().exec_driver_sql(
            "SELECT op_id, entity, entity_id, patch, base_version, hlc FROM sync_outbox "
            "ORDER BY seq"
        ).fetchall()
    read = time.perf_counter() - started
    path = folder / "floor.db"
    db.make_engine(db.default_url(str(path))).dispose()  # the platform's tables
    started = time.perf_counter()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("PRAGMA synchronous=NORMAL")
    for seq, ops in enumerate(batches):
        connection.execute("BEGIN")
        connection.executemany(
            "INSERT INTO record (branch_id, entity, id, version, seq, deleted, data, meta) "
            "VALUES ('b', ?, ?, 1, ?, 0, ?, '{}')",
            [(op["entity"], op["entity_id"], seq, json.dumps(op["patch"])) for op in ops],
        )
        connection.executemany(
            "INSERT INTO applied_op (op_id, branch_id, result) VALUES (?, 'b', '{}')",
            [(op["op_id"],) for op in ops],
        )
        connection.execute("COMMIT")
    connection.close()
    return read, time.perf_counter() - started


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        server_url = db.default_url(str(Path(folder) / "server.db"))
        store = Store(db.make_engine(server_url))
        branch_id = store.create_branch("BR-BENCH", "基准支部")
        code = store.issue_code(branch_id)
        store.engine.dispose()
        ws = Workspace(Path(folder) / "device", keyring=None, kdf=KdfParams(n=2**10, r=8, p=1))
        ws.create(BranchProfile("基准支部", "BR-BENCH", "", ""), "benchmark passphrase")
        print(f"sync_initial: preparing {MEMBERS:,} members and {DUES_ROWS:,} dues events...")
        fill(ws)
        with serving("sync_initial", "-m", "server", "--database", server_url, "--port",
                     "{port}") as (
            url, server_pid,
        ):
            service.enroll(ws, url, code, device_name="bench")
            server_cpu, client_cpu = cpu_seconds(server_pid), time.process_time()
            started = time.perf_counter()
            report = service.sync_now(ws)
            synced = time.perf_counter() - started
            server_cpu = cpu_seconds(server_pid) - server_cpu
            client_cpu = time.process_time() - client_cpu
            idle_timings = idle(ws)
        batches = list(sent_ops(ws))
        raw = raw_post(batches)
        reading, storing = floor_seconds(ws, batches, Path(folder))
        floor = raw + reading + storing
        ratio = synced / raw
        print(f"sync_initial: {report.pushed:,} ops pushed, {report.pulled:,} pulled in "
              f"{synced:.1f} s ({report.pushed / synced:,.0f} ops/s); raw POST of the same "
              f"payload {raw:.1f} s; ratio {ratio:.2f}x (goal <= {GOAL_RATIO:.0f}x: "
              f"{'met' if ratio <= GOAL_RATIO else 'NOT met'}); CPU: client {client_cpu:.1f} s, "
              f"server {server_cpu:.1f} s")
        print(f"sync_initial: floor: the raw POST plus reading the outbox and storing the rows "
              f"with nothing else {floor:.1f} s = {floor / raw:.2f}x the raw POST (storing "
              f"alone {storing:.1f} s = {storing / raw:.2f}x); the sync is {synced / floor:.2f}x "
              f"that")
        idle_requests, timings = idle_timings
        median = timings[len(timings) // 2]
        print(f"sync_idle: nothing new: {idle_requests} request(s), median {median:.1f} ms, "
              f"max {timings[-1]:.1f} ms (goal 1 request, <= {GOAL_IDLE_MS:.0f} ms: "
              f"{'met' if idle_requests == 1 and median <= GOAL_IDLE_MS else 'NOT met'}; "
              f"ratio {median / GOAL_IDLE_MS:.2f} of the limit)")
        ws.lock()


def idle(ws: Workspace) -> tuple[int, list[float]]:
    """Syncs with nothing new: the requests of the last one and every duration (ms), sorted."""
    timings = []
    requests_made = 0
    for _ in range(20):
        started = time.perf_counter()
        requests_made = service.sync_now(ws).requests
        timings.append((time.perf_counter() - started) * 1000)
    return requests_made, sorted(timings)


if __name__ == "__main__":
    main()
