"""Initial sync of a branch (issue 6; goal ≤ 2× a raw HTTP POST of the same payload), and a sync
with nothing new (goal: one request, ≤ 50 ms).

A device holds 10,000 members and ``BENCH_SYNC_DUES_ROWS`` dues ledger events (default
1,200,000: the full size; set it lower for a quick run) in its outbox and pushes them to the
reference server (SQLite) on loopback with ``sync_now``: batches of 500 through the engine, the
server merging and storing every op, acknowledgements written back. The reference is the same
JSON batches POSTed raw to a loopback endpoint that only reads the body.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import requests
import uvicorn
from fastapi import FastAPI, Request
from sqlalchemy import insert

from app.services.workspace import BranchProfile, KdfParams, Workspace
from app.storage.hlc import next_hlc
from app.storage.ids import utc_iso, uuid7
from app.storage.models import DuesEventRow, MemberRow, OutboxEntry
from server import db
from server.api import create_app
from server.store import Store
from sync import service
from sync.wire import MAX_BATCH

MEMBERS = 10_000
DUES_ROWS = int(os.environ.get("BENCH_SYNC_DUES_ROWS", "1200000"))
GOAL_RATIO = 2.0
GOAL_IDLE_MS = 50.0


def serve(app: Any) -> tuple[uvicorn.Server, str]:
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning",
                                           lifespan="off"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.01)
    return server, f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"


def fill(ws: Workspace) -> list[dict[str, Any]]:
    """Members and dues events with their outbox ops; returns the ops as the wire sends them."""
    ops: list[dict[str, Any]] = []
    hlc = None
    with ws.unit_of_work() as uow:
        members, outbox = [], []
        for i in range(MEMBERS):
            member_id = uuid7()
            patch = {"name": f"党员{i:05d}", "id_number": f"11010519800101{i:04d}",
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
        if events:
            uow.session.execute(insert(DuesEventRow), events)
        uow.session.execute(insert(OutboxEntry), outbox)
        uow.commit()
    for row in outbox:
        ops.append({"op_id": row["op_id"], "entity": row["entity"],
                    "entity_id": row["entity_id"], "patch": json.loads(row["patch"]),
                    "base_version": 0, "hlc": row["hlc"]})
    return ops


def raw_post(ops: list[dict[str, Any]]) -> float:
    sink = FastAPI()

    @sink.post("/sink")
    async def _sink(request: Request) -> dict[str, int]:
        return {"size": len(await request.body())}

    server, url = serve(sink)
    session = requests.Session()
    started = time.perf_counter()
    for start in range(0, len(ops), MAX_BATCH):
        body = json.dumps({"ops": ops[start:start + MAX_BATCH]}, ensure_ascii=False)
        session.post(f"{url}/sink", data=body.encode(), timeout=60,
                     headers={"Content-Type": "application/json"}).raise_for_status()
    elapsed = time.perf_counter() - started
    server.should_exit = True
    return elapsed


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(db.make_engine(db.default_url(str(Path(folder) / "server.db"))))
        branch_id = store.create_branch("BR-BENCH", "基准支部")
        server, url = serve(create_app(store))
        ws = Workspace(Path(folder) / "device", keyring=None, kdf=KdfParams(n=2**10, r=8, p=1))
        ws.create(BranchProfile("基准支部", "BR-BENCH", "", ""), "benchmark passphrase")
        service.enroll(ws, url, store.issue_code(branch_id), device_name="bench")
        print(f"sync_initial: preparing {MEMBERS:,} members and {DUES_ROWS:,} dues events...")
        ops = fill(ws)
        started = time.perf_counter()
        report = service.sync_now(ws)
        synced = time.perf_counter() - started
        raw = raw_post(ops)
        ratio = synced / raw
        print(f"sync_initial: {report.pushed:,} ops pushed in {synced:.1f} s "
              f"({report.pushed / synced:,.0f} ops/s); raw POST of the same payload {raw:.1f} s; "
              f"ratio {ratio:.2f}x (goal <= {GOAL_RATIO:.0f}x: "
              f"{'met' if ratio <= GOAL_RATIO else 'NOT met'})")

        timings = []
        for _ in range(20):
            started = time.perf_counter()
            idle = service.sync_now(ws)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        median = timings[len(timings) // 2]
        print(f"sync_idle: nothing new: {idle.requests} request(s), median {median:.1f} ms, "
              f"max {timings[-1]:.1f} ms (goal 1 request, <= {GOAL_IDLE_MS:.0f} ms: "
              f"{'met' if idle.requests == 1 and median <= GOAL_IDLE_MS else 'NOT met'}; "
              f"ratio {median / GOAL_IDLE_MS:.2f} of the limit)")
        ws.lock()
        server.should_exit = True
        assert uuid  # ids above are uuid7 strings


if __name__ == "__main__":
    main()
