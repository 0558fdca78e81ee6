"""Another writer holding the database, as a sync does for a while (tests that the window does
not wait for the write lock)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from app.services.workspace import Workspace


@contextmanager
def another_writer_holds(workspace: Workspace, action: str = "test.sync") -> Iterator[None]:
    """Inside the block a write transaction of another thread holds ``workspace`` (it audits
    ``action``); it commits when the block ends."""
    holding, release = threading.Event(), threading.Event()

    def writing() -> None:
        with workspace.unit_of_work() as uow:
            uow.audit(action, "test", "1")
            holding.set()
            release.wait(20)
            uow.commit()

    writer = threading.Thread(target=writing, daemon=True)
    writer.start()
    try:
        assert holding.wait(10)
        yield
    finally:
        release.set()
        writer.join(10)
