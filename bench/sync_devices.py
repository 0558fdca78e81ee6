"""The reference server on PostgreSQL with 1,000 simulated devices syncing (issue 6; goal: p99
request latency < 200 ms).

100 branches of 10 enrolled devices each. Every device runs one sync as the client does: push a
batch of ``OPS_PER_PUSH`` ops (new members and dues events), pull its branch's changes page by
page from cursor 0, fetch notices. ``CONCURRENCY`` devices sync at the same time (threads with
one HTTP session each) against ``python -m server`` in its own process on a loopback port.
Bounded: 1,000 device syncs, stopped after ``DEADLINE_S`` seconds whatever happened.

PostgreSQL comes from ``BRANCHDESK_TEST_POSTGRES_URL`` (a schema of its own, dropped after);
without it the benchmark re-runs itself under tools/pg-test-cluster.sh (a throwaway cluster), and
is skipped when PostgreSQL is not installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import requests
from sqlalchemy import create_engine, text

from app.storage.hlc import next_hlc
from app.storage.ids import uuid7
from bench.processes import ROOT, serving
from server import db
from server.store import Store

POSTGRES_ENV = "BRANCHDESK_TEST_POSTGRES_URL"
BRANCHES = int(os.environ.get("BENCH_DEVICES_BRANCHES", "100"))
DEVICES_PER_BRANCH = 10
OPS_PER_PUSH = 10
PAGE = 200
CONCURRENCY = int(os.environ.get("BENCH_DEVICES_CONCURRENCY", "20"))
DEADLINE_S = 300.0
GOAL_P99_MS = 200.0


@contextmanager
def schema(base: str) -> Iterator[str]:
    name = "bench_" + uuid.uuid4().hex[:10]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {name}"))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {name} CASCADE"))
        admin.dispose()


@contextmanager
def server_process(url: str) -> Iterator[str]:
    with serving("sync_devices", "-m", "server", "--database", url, "--host", "127.0.0.1",
                 "--port", "{port}") as (base, _pid):
        yield base


def ops_for(device: str) -> list[dict[str, Any]]:
    """One push: a few new members, then dues events for them."""
    ops: list[dict[str, Any]] = []
    hlc = None
    members = []
    for i in range(OPS_PER_PUSH // 2):
        member_id = uuid7()
        members.append(member_id)
        hlc = next_hlc(hlc, device[:8])
        ops.append({"op_id": uuid7(), "entity": "member", "entity_id": member_id,
                    "patch": {"name": f"党员{i}", "phone": f"138{i:08d}", "status": "active"},
                    "base_version": 0, "hlc": hlc})
    for i in range(OPS_PER_PUSH - len(members)):
        hlc = next_hlc(hlc, device[:8])
        ops.append({"op_id": uuid7(), "entity": "dues_event", "entity_id": uuid7(),
                    "patch": {"kind": "due", "member_id": members[i % len(members)],
                              "month": "2026-11", "amount_fen": 500 + i},
                    "base_version": 0, "hlc": hlc})
    return ops


class Device:
    def __init__(self, base: str, branch_id: str, device_id: str, token: str) -> None:
        self.base = f"{base}/v1/branches/{branch_id}"
        self.device_id = device_id
        self.kinds: list[str] = []
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def timed(self, latencies: list[float], method: str, path: str, **kwargs: Any) -> Any:
        started = time.perf_counter()
        answer = self.session.request(method, self.base + path, timeout=30, **kwargs)
        latencies.append((time.perf_counter() - started) * 1000)
        self.kinds.append(path.rsplit("/", 1)[-1])
        answer.raise_for_status()
        return answer.json()

    def sync(self, latencies: list[float]) -> int:
        ops = ops_for(self.device_id)
        self.timed(latencies, "POST", "/sync/push", json={"ops": ops},
                   headers={"Idempotency-Key": uuid.uuid4().hex})
        cursor, pulled = "0", 0
        while True:
            page = self.timed(latencies, "GET", "/sync/changes",
                              params={"since": cursor, "limit": PAGE})
            pulled += len(page["changes"])
            cursor = str(page["next_cursor"])
            if not page["has_more"]:
                break
        self.timed(latencies, "GET", "/notices", params={"since": 0})
        self.session.close()
        return pulled


def percentile(sorted_values: list[float], share: float) -> float:
    index = min(len(sorted_values) - 1, max(0, round(share * len(sorted_values)) - 1))
    return sorted_values[index]


def run(base_url: str) -> None:
    with schema(base_url) as url:
        store = Store(db.make_engine(url))
        devices: list[tuple[str, str, str]] = []
        for b in range(BRANCHES):
            branch_id = store.create_branch(f"BR-{b:04d}", f"第{b + 1}党支部")
            for _d in range(DEVICES_PER_BRANCH):
                answer = store.enroll(store.issue_code(branch_id), "bench")
                assert answer is not None
                devices.append((branch_id, answer.device_id, answer.token))
        store.engine.dispose()
        print(f"sync_devices: {len(devices):,} devices in {BRANCHES} branches enrolled; "
              f"{CONCURRENCY} syncing at a time against python -m server on PostgreSQL...")
        with server_process(url) as base:
            latencies: list[float] = []
            by_kind: dict[str, list[float]] = {}
            lock = threading.Lock()
            deadline = time.monotonic() + DEADLINE_S
            done = [0]

            def one(entry: tuple[str, str, str]) -> None:
                if time.monotonic() > deadline:
                    return
                mine: list[float] = []
                device = Device(base, *entry)
                device.sync(mine)
                with lock:
                    latencies.extend(mine)
                    for kind, ms in zip(device.kinds, mine, strict=True):
                        by_kind.setdefault(kind, []).append(ms)
                    done[0] += 1

            started = time.perf_counter()
            with ThreadPoolExecutor(CONCURRENCY) as pool:
                list(pool.map(one, devices))
            elapsed = time.perf_counter() - started
        latencies.sort()
        p50, p99 = percentile(latencies, 0.50), percentile(latencies, 0.99)
        print(f"sync_devices: {done[0]:,} device syncs, {len(latencies):,} requests in "
              f"{elapsed:.1f} s ({len(latencies) / elapsed:,.0f} req/s); latency p50 {p50:.1f} ms, "
              f"p99 {p99:.1f} ms, max {latencies[-1]:.1f} ms (goal p99 < {GOAL_P99_MS:.0f} ms: "
              f"{'met' if p99 < GOAL_P99_MS and done[0] == len(devices) else 'NOT met'})")
        for kind, values in sorted(by_kind.items()):
            values.sort()
            print(f"sync_devices:   {kind}: {len(values):,} requests, p50 "
                  f"{percentile(values, 0.5):.1f} ms, p99 {percentile(values, 0.99):.1f} ms")


def main() -> None:
    base = os.environ.get(POSTGRES_ENV)
    if base:
        run(base)
        return
    if os.environ.get("BENCH_DEVICES_IN_CLUSTER"):
        print("sync_devices: skipped (PostgreSQL is not installed; see tools/pg-test-cluster.sh)")
        return
    subprocess.run(
        ["bash", str(ROOT / "tools" / "pg-test-cluster.sh"), sys.executable, "-m", "bench",
         "sync_devices"],
        cwd=ROOT, env={**os.environ, "BENCH_DEVICES_IN_CLUSTER": "1"}, check=True,
    )


if __name__ == "__main__":
    main()
