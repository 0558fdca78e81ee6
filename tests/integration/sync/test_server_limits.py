"""Request body limits, against ``python -m server`` in its own process over real sockets: a body
over its endpoint's limit is refused with 413 before it is read (by its Content-Length) or as
soon as it passes the limit (chunked), and the server's memory does not grow by the body."""

from __future__ import annotations

import json
import select
import socket
import struct
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from bench.processes import serving
from server import db, limits
from server.__main__ import openapi_document
from server.store import Store
from sync.bundle import MAGIC

MB = 1024 * 1024


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, int, Store]]:
    url = db.default_url(str(tmp_path / "server.db"))
    store = Store(db.make_engine(url))
    with serving("limits", "-m", "server", "--database", url, "--port", "{port}") as (base, pid):
        yield base, pid, store
    store.engine.dispose()


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


def _status(answer: bytes) -> int:
    return int(answer.split(b" ", 2)[1])


def _read_answer(sock: socket.socket) -> bytes:
    answer = b""
    while b"\r\n\r\n" not in answer:
        try:
            piece = sock.recv(65536)
        except ConnectionResetError:
            break
        if not piece:
            break
        answer += piece
    return answer


def send(base: str, method: str, path: str, *, length: int | None = None,
         chunked_bytes: int = 0, prefix: bytes = b"", headers: str = "") -> tuple[int, int]:
    """Send a request by hand: with ``length``, only its headers (the body never comes); else
    a chunked body of ``prefix`` then zeros, up to ``chunked_bytes``, stopping as soon as the
    server answers. The answer's status and the body bytes sent."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        framing = (f"Content-Length: {length}" if length is not None
                   else "Transfer-Encoding: chunked")
        sock.sendall((f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n{headers}"
                      f"Content-Type: application/octet-stream\r\n{framing}\r\n\r\n").encode())
        sent = 0
        if length is None:
            block = prefix + bytes(64 * 1024 - len(prefix))
            while sent < chunked_bytes:
                readable, _w, _x = select.select([sock], [], [], 0)
                if readable:
                    break
                try:
                    sock.sendall(b"%x\r\n%s\r\n" % (len(block), block))
                except (BrokenPipeError, ConnectionResetError):
                    break
                sent += len(block)
                block = bytes(len(block))
        return _status(_read_answer(sock)), sent


def test_large_bodies_are_refused_before_they_are_read(server):
    base, pid, store = server
    branch_id = store.create_branch("BR-0001", "机关第一党支部")
    token = requests.post(f"{base}/v1/enroll", json={"code": store.issue_code(branch_id)},
                          timeout=10).json()["token"]
    auth = f"Authorization: Bearer {token}\r\n"
    push = f"/v1/branches/{branch_id}/sync/push"
    # Only the headers are sent: a server that waited for the body would never answer.
    for path, length, headers in (("/v1/enroll", 256 * MB, ""),
                                  ("/v1/enroll", limits.ENROLL_LIMIT + 1, ""),
                                  ("/v1/bundles", 256 * MB, ""),
                                  (push, 256 * MB, ""), (push, limits.PUSH_LIMIT + 1, auth),
                                  (f"/v1/branches/{branch_id}/bundle-keys", MB, auth)):
        method = "PUT" if path.endswith("bundle-keys") else "POST"
        assert send(base, method, path, length=length, headers=headers) == (413, 0), path

    # Bodies without a length are cut off at the limit while they stream in, four at once.
    before = rss(pid)
    outcomes: list[tuple[int, int]] = []
    senders = [threading.Thread(target=lambda: outcomes.append(
        send(base, "POST", "/v1/enroll", chunked_bytes=256 * MB))) for _ in range(4)]
    for sender in senders:
        sender.start()
    for sender in senders:
        sender.join(timeout=120)
    assert [status for status, _sent in outcomes] == [413] * 4
    assert all(sent < 16 * MB for _status, sent in outcomes)
    assert rss(pid) - before < 32 * MB

    # A bundle's header is read first: an unknown device is refused before the rest comes.
    header = json.dumps({"manifest": {
        "kind": "upload", "bundle_id": str(uuid.uuid4()), "device_id": str(uuid.uuid4()),
        "sequence": 1, "op_count": 0, "payload_hash": "0" * 64, "schema_version": 1,
        "created_at": ""}, "ephemeral": "", "nonce": ""}).encode()
    start = MAGIC + struct.pack(">I", len(header)) + header + struct.pack(">Q", 200 * MB)
    status, sent = send(base, "POST", "/v1/bundles", chunked_bytes=256 * MB, prefix=start)
    assert status == 413  # declares more than the limit
    start = start[:-8] + struct.pack(">Q", 20 * MB)
    status, sent = send(base, "POST", "/v1/bundles", chunked_bytes=256 * MB, prefix=start)
    assert status == 422
    assert sent < 16 * MB
    assert rss(pid) - before < 32 * MB
    # A request within its limit is served as before.
    assert requests.post(f"{base}/v1/enroll", json={"code": "AAAA-BBBB-CCCC-DDDD"},
                         timeout=10).status_code == 401


def test_the_openapi_document_states_the_limits():
    paths = openapi_document()["paths"]
    assert isinstance(paths, dict)
    for path, method, limit in (
        ("/v1/enroll", "post", limits.ENROLL_LIMIT),
        ("/v1/bundles", "post", limits.BUNDLE_LIMIT),
        ("/v1/branches/{branch_id}/sync/push", "post", limits.PUSH_LIMIT),
        ("/v1/branches/{branch_id}/bundle-keys", "put", limits.OTHER_LIMIT),
    ):
        operation = paths[path][method]
        assert operation["x-max-body-bytes"] == limit
        assert str(limit) in operation["responses"]["413"]["description"]
    assert limits.ENROLL_LIMIT <= 4096  # no token: small
