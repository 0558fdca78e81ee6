"""A server started in its own process for a benchmark, on a free loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serving(label: str, *args: str) -> Iterator[tuple[str, int]]:
    """``python args...`` (``{port}`` in them is replaced by a free port) until it answers
    ``/openapi.json``; its base URL and process id. Stopped on leaving. Its stderr goes to a
    file, shown when anything failed (a pipe nobody reads fills up with the first tracebacks,
    and then the server, and its shutdown, hang on writing them)."""
    port = free_port()
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        child = subprocess.Popen(
            [sys.executable, *(a.replace("{port}", str(port)) for a in args)],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=log,
        )
        base = f"http://127.0.0.1:{port}"
        failed = True
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    requests.get(f"{base}/openapi.json", timeout=1)
                    break
                except requests.ConnectionError:
                    if time.monotonic() > deadline or child.poll() is not None:
                        raise RuntimeError(f"{label}: the server did not start") from None
                    time.sleep(0.1)
            yield base, child.pid
            failed = False
        finally:
            child.terminate()
            child.wait(timeout=30)
            log.seek(0)
            errors = log.read()
            if failed or "Traceback" in errors:
                print(f"{label}: the server's stderr:\n{errors[-4000:]}", file=sys.stderr)
