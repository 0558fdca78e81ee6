"""``python -m server`` as its own process: worker processes, their listening socket, and the
PostgreSQL connection pool."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import requests
import uvicorn
from sqlalchemy import text

from bench.processes import serving
from server import db
from server.__main__ import listening_socket
from server.store import Store
from tests.integration.sync.conftest import POSTGRES_ENV, _postgres_url

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def postgres_url() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{POSTGRES_ENV} is not set in CI: the PostgreSQL runs are required")
        pytest.skip(f"{POSTGRES_ENV} not set (make test starts a throwaway PostgreSQL)")
    yield from _postgres_url(base)


def _server(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=60, check=False)


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def test_sqlite_serves_from_one_process_only(tmp_path):
    url = db.default_url(str(tmp_path / "server.db"))
    refused = _server("--database", url, "--workers", "2")
    assert refused.returncode == 2
    assert "SQLite 只能用一个进程" in refused.stderr
    assert _server("--database", url, "--workers", "0").returncode == 2


def test_worker_sockets_set_tcp_nodelay():
    """Without TCP_NODELAY every answer on a kept-alive connection waited ~40 ms for the client's
    delayed ACK (the body is a second write after the headers)."""
    config = uvicorn.Config("server.api:app_from_environment", host="127.0.0.1", port=0)
    listener = listening_socket(config)
    assert listener.proto == socket.IPPROTO_TCP

    async def accepted_nodelay() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Probe(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Probe, sock=listener)
        port = listener.getsockname()[1]
        _reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            return await asyncio.wait_for(seen, 10)
        finally:
            writer.close()
            server.close()

    assert asyncio.run(accepted_nodelay()) != 0


def test_workers_on_postgresql_share_the_branch_lock(postgres_url):
    store = Store(db.make_engine(postgres_url))
    branch_id = store.create_branch("BR-W", "工作进程支部")
    tokens = []
    for _ in range(4):
        enrolled = store.enroll(store.issue_code(branch_id), "pc")
        assert enrolled is not None
        tokens.append(enrolled.token)
    store.engine.dispose()
    with serving("workers", "-m", "server", "--database", postgres_url, "--port", "{port}",
                 "--workers", "2") as (url, pid):
        base = f"{url}/v1/branches/{branch_id}"
        assert len(_children(pid)) >= 2

        def push(token: str) -> list[int]:
            seqs = []
            with requests.Session() as session:
                session.headers["Authorization"] = f"Bearer {token}"
                for _ in range(5):
                    # Groups of different names: groups of one name are one group (a key).
                    ops = [{"op_id": str(uuid.uuid4()), "entity": "party_group",
                            "entity_id": str(uuid.uuid4()), "patch": {"name": uuid.uuid4().hex},
                            "base_version": 0, "hlc": "1764000000000-00000-pc"}
                           for _ in range(3)]
                    answer = session.post(f"{base}/sync/push", json={"ops": ops}, timeout=30,
                                          headers={"Idempotency-Key": uuid.uuid4().hex})
                    assert answer.status_code == 200, answer.text
                    seqs += [result["seq"] for result in answer.json()["results"]]
            return seqs

        with ThreadPoolExecutor(4) as pool:
            seqs = [seq for batch in pool.map(push, tokens) for seq in batch]
        # One change sequence for the branch, whichever process answered: no gap, no double.
        assert sorted(seqs) == list(range(1, 4 * 5 * 3 + 1))
        page = requests.get(f"{base}/sync/changes", params={"limit": 100}, timeout=10,
                            headers={"Authorization": f"Bearer {tokens[0]}"}).json()
        assert [change["seq"] for change in page["changes"]] == sorted(seqs)


def test_a_connection_idle_for_long_is_tested_before_use(postgres_url, monkeypatch):
    engine = db.make_engine(postgres_url)
    try:
        with engine.connect() as connection:
            backend = connection.scalar(text("SELECT pg_backend_pid()"))
        # As after a restart of the database: the pooled connection is gone.
        admin = db.make_engine(postgres_url, create=False)
        with admin.connect() as other:
            other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        admin.dispose()
        monkeypatch.setattr(db, "IDLE_PING_SECONDS", 0.0)
        with engine.connect() as connection:
            assert connection.scalar(text("SELECT pg_backend_pid()")) != backend
    finally:
        engine.dispose()
