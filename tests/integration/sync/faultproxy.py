"""A fault-injecting HTTP proxy on a loopback port, in front of the reference server (tests only).

Each request that passes is given a fate chosen by a seeded ``random.Random``, so a run is
repeatable from its seed (the requests of the clients come one after another; the proxy handles
one at a time):

- ``pass``: forwarded, its answer returned;
- ``drop_request``: the connection is closed before anything reaches the server;
- ``drop_answer``: forwarded (the server commits), then the connection is closed unanswered;
- ``truncate_answer``: forwarded, then half of the answer is sent and the connection closed;
- ``unavailable``: answered 503 without reaching the server;
- ``duplicate``: forwarded twice in a row; the client gets the second answer;
- ``late``: answered 503 now, and kept back: it reaches the server later, before another
  request (a retry has usually been applied by then), so requests arrive out of order;
- ``delay``: forwarded after a short pause.

``kill_at`` arms a hook for a client run in another process: at the chosen request the proxy
calls ``kill()`` before forwarding it or after the server answered it, and does not answer.
"""

from __future__ import annotations

import http.client
import random
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

FATES = ("drop_request", "drop_answer", "truncate_answer", "unavailable", "duplicate", "late",
         "delay")
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "host",
               "date", "server"}


@dataclass
class Sent:
    """A request as the client sent it (kept to forward it again, or later)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Answer:
    status: int
    headers: list[tuple[str, str]]
    body: bytes


@dataclass
class KillPlan:
    """Kill the client at its ``request``-th request (1-based), ``before`` or after forwarding."""

    request: int
    before: bool
    kill: Callable[[], None]
    seen: int = 0
    done: bool = False


@dataclass
class FaultProxy:
    upstream: str
    seed: int
    rate: float = 0.3
    """Share of requests given a fault (the rest pass)."""
    enabled: bool = True
    fates: Counter[str] = field(default_factory=Counter)
    kill_plan: KillPlan | None = None
    page_limit: int | None = None
    """When set, a pull asks for at most this many changes a page (records wait for their
    parents more often)."""

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        parts = urlsplit(self.upstream)
        self._host, self._port = parts.hostname or "127.0.0.1", parts.port or 80
        self._late: list[Sent] = []
        self._lock = threading.Lock()
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                proxy._handle(self)

            do_POST = do_PUT = do_GET  # noqa: N815

            def log_message(self, format: str, *args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def kill_at(self, request: int, before: bool, kill: Callable[[], None]) -> None:
        self.kill_plan = KillPlan(request, before, kill)

    def deliver_late(self) -> None:
        """Let every request kept back reach the server now (e.g. before the final syncs)."""
        with self._lock:
            while self._late:
                self._forward(self._late.pop(0))

    # ---------------------------------------------------------------- one request
    def _handle(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        sent = Sent(
            handler.command, self._limited(handler.path),
            {k: v for k, v in handler.headers.items() if k.lower() not in _HOP_BY_HOP},
            handler.rfile.read(length) if length else b"",
        )
        with self._lock:
            plan = self.kill_plan
            if plan is not None and not plan.done:
                plan.seen += 1
                if plan.seen == plan.request:
                    plan.done = True
                    if not plan.before:
                        self._forward(sent)
                    plan.kill()
                    self._close(handler)
                    return
            fate = self._fate()
            self.fates[fate] += 1
            if self._late and self.rng.random() < 0.5:
                self._forward(self._late.pop(0))  # a request kept back arrives now
            if fate == "drop_request":
                self._close(handler)
                return
            if fate == "unavailable":
                self._reply(handler, Answer(503, [("Content-Type", "text/plain")], b"busy"))
                return
            if fate == "late":
                self._late.append(sent)
                self._reply(handler, Answer(503, [("Content-Type", "text/plain")], b"busy"))
                return
            if fate == "delay":
                time.sleep(self.rng.uniform(0.001, 0.02))
            answer = self._forward(sent)
            if fate == "duplicate":
                answer = self._forward(sent)
            if fate == "drop_answer":
                self._close(handler)
                return
            if fate == "truncate_answer":
                self._reply(handler, answer, truncate=True)
                return
        self._reply(handler, answer)

    def _limited(self, path: str) -> str:
        parts = urlsplit(path)
        if self.page_limit is None or not parts.path.endswith("/sync/changes"):
            return path
        query = [(k, str(min(int(v), self.page_limit)) if k == "limit" else v)
                 for k, v in parse_qsl(parts.query)]
        return f"{parts.path}?{urlencode(query)}"

    def _fate(self) -> str:
        if not self.enabled or self.rng.random() >= self.rate:
            return "pass"
        return self.rng.choice(FATES)

    def _forward(self, sent: Sent) -> Answer:
        connection = http.client.HTTPConnection(self._host, self._port, timeout=60)
        try:
            connection.request(sent.method, sent.path, body=sent.body, headers=sent.headers)
            response = connection.getresponse()
            body = response.read()
            headers = [(k, v) for k, v in response.getheaders()
                       if k.lower() not in _HOP_BY_HOP]
            return Answer(response.status, headers, body)
        finally:
            connection.close()

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, answer: Answer, truncate: bool = False) -> None:
        handler.send_response(answer.status)
        for name, value in answer.headers:
            handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(answer.body)))
        if truncate:
            handler.send_header("Connection", "close")
        handler.end_headers()
        handler.wfile.write(answer.body[: len(answer.body) // 2] if truncate else answer.body)
        handler.wfile.flush()
        if truncate:
            handler.close_connection = True

    @staticmethod
    def _close(handler: BaseHTTPRequestHandler) -> None:
        """Close the connection without a word (the client sees it reset or closed)."""
        handler.close_connection = True
        handler.wfile.flush()


def back_up_platform(store: Any, backup: Path) -> None:
    """A copy of the reference server's SQLite database (its administrator's backup)."""
    with sqlite3.connect(store.engine.url.database) as source, sqlite3.connect(backup) as target:
        source.backup(target)


def restore_platform(store: Any, backup: Path) -> None:
    """The server's database put back to ``backup``, and a new epoch, as its administrator's
    restore does (no request may be on its way)."""
    with sqlite3.connect(backup) as source, sqlite3.connect(store.engine.url.database) as target:
        source.backup(target)
    store.rotate_epoch()
