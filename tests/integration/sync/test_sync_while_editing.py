"""The window saves while the same PC syncs (issue 12, "Two writers"): every save waits for the
sync's transaction instead of failing with "database is locked", and the sync completes."""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

import pytest

from app.services import demo, members, roster
from server import db as server_db
from sync import service
from sync.engine import Engine
from tests.integration.sync.conftest import LiveServer
from tests.integration.sync.test_sync_engine import device, no_sleep

TODAY = date(2026, 11, 25)
MEMBERS = 150


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return server_db.default_url(str(tmp_path / "server.db"))


def test_saving_while_the_same_pc_syncs(tmp_path: Path, live_server: LiveServer):
    branch_id, _code = live_server.branch()
    office = device(tmp_path, "office", live_server, branch_id)
    people = demo.demo_people(MEMBERS, TODAY)
    with office.unit_of_work() as uow:
        roster.insert_members(
            uow, [(uow.new_id(), members.completed(p.data, TODAY)) for p in people], "test"
        )
        uow.commit()
    service.sync_now(office, sleep=no_sleep)

    laptop = device(tmp_path, "laptop", live_server, branch_id)
    failures: list[BaseException] = []
    finished = threading.Event()

    def sync_in_background() -> None:  # as the 同步 page does, on its own thread
        try:
            transport = service.client_for(laptop, sleep=no_sleep)
            Engine(laptop.unit_of_work, transport, page_size=10, batch_size=10).run()
        except BaseException as error:
            failures.append(error)
        finally:
            finished.set()

    thread = threading.Thread(target=sync_in_background)
    thread.start()
    saves = 0
    while not finished.is_set() or saves < 5:
        with laptop.unit_of_work() as uow:  # a save from the window: read, then write
            members.party_groups(uow)
            members.create_party_group(uow, f"党小组{saves}")
            uow.commit()
        saves += 1
        time.sleep(0.02)  # a person saves now and then; a tight loop would starve the sync
    thread.join(60)
    assert failures == []
    with laptop.unit_of_work(read_only=True) as uow:
        assert members.count_members(uow, members.MemberFilter()) == MEMBERS
        assert len(members.party_groups(uow)) == saves
    service.sync_now(laptop, sleep=no_sleep)
    service.sync_now(office, sleep=no_sleep)
    with office.unit_of_work(read_only=True) as uow:
        assert len(members.party_groups(uow)) == saves
    office.lock()
    laptop.lock()
