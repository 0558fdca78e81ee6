"""A live reference server on a loopback port, on SQLite and (when provided) PostgreSQL.

``BRANCHDESK_TEST_POSTGRES_URL`` names a throwaway PostgreSQL cluster (``make test`` starts one
with tools/pg-test-cluster.sh); without it the PostgreSQL runs are skipped, except in CI
(``CI=true``), where its absence fails them. Each test gets its own schema.
"""

from __future__ import annotations

import os
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import create_engine, text

from server import db
from server.api import create_app
from server.store import Store

POSTGRES_ENV = "BRANCHDESK_TEST_POSTGRES_URL"


@dataclass
class LiveServer:
    url: str
    store: Store
    server: uvicorn.Server
    thread: threading.Thread

    def branch(self, code: str = "BR-0001", name: str = "机关第一党支部") -> tuple[str, str]:
        """A new branch and a fresh enrollment code for it."""
        branch_id = self.store.create_branch(code, name)
        return branch_id, self.store.issue_code(branch_id)

    def code(self, branch_id: str) -> str:
        return self.store.issue_code(branch_id)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


def _postgres_url(base: str) -> Iterator[str]:
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield db.default_url(str(tmp_path / "server.db"))
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{POSTGRES_ENV} is not set in CI: the PostgreSQL runs are required")
        pytest.skip(f"{POSTGRES_ENV} not set (make test starts a throwaway PostgreSQL)")
    yield from _postgres_url(base)


def start_server(url: str) -> LiveServer:
    engine = db.make_engine(url)
    store = Store(engine)
    config = uvicorn.Config(
        create_app(store), host="127.0.0.1", port=0, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    return LiveServer(f"http://127.0.0.1:{port}", store, server, thread)


@pytest.fixture
def live_server(database_url: str) -> Iterator[LiveServer]:
    live = start_server(database_url)
    yield live
    live.stop()
    live.store.engine.dispose()
