"""The 同步 page's bundle section: keys, export, the platform's import, the return bundle, and a
damaged file refused with a message (the platform's side in process, real files and crypto)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from server import db as server_db
from server.bundles import import_bundle, platform_public_key_file, register_device_key
from server.store import Store
from sync import bundle_sync, service
from tests.conftest import PASSPHRASE
from tests.ui.sync.test_sync_page import add_member, new_workspace
from ui.common.messages import message_for
from ui.sync.page import SyncPage


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    platform = Store(server_db.make_engine(server_db.default_url(str(tmp_path / "p.db"))))
    yield platform
    platform.engine.dispose()


@pytest.fixture
def air(tmp_path: Path) -> Iterator[Workspace]:
    ws = new_workspace(tmp_path, "air")
    yield ws
    ws.lock()


def wait(qtbot: QtBot, page: SyncPage) -> None:
    assert page.bundle_box.last_task is not None
    with qtbot.waitSignal(page.bundle_box.last_task.finished, timeout=20000):
        pass


def test_export_and_import_bundles_on_the_page(
    qtbot: QtBot, tmp_path: Path, store: Store, air: Workspace
) -> None:
    branch_id = store.create_branch("BR-0001", "机关第一党支部")
    page = SyncPage(air)
    qtbot.addWidget(page)
    page.refresh()
    assert not page.bundle_box.export_button.isEnabled()  # no platform key yet

    key_file = tmp_path / "pc-key.json"
    page.bundle_box.write_device_key(key_file)
    register_device_key(store, branch_id, key_file.read_text(encoding="utf-8"))
    platform_file = tmp_path / "platform.json"
    platform_file.write_text(platform_public_key_file(store), encoding="utf-8")
    page.bundle_box.set_platform_key(platform_file)
    assert page.bundle_box.export_button.isEnabled()

    add_member(air, "张红梅")
    page.refresh()
    assert str(service.pending_count(air)) in page.bundle_box.status_label.text()
    upload = tmp_path / "upload.bdsync"
    page.bundle_box.export_bundle(upload)
    wait(qtbot, page)
    assert upload.exists()
    assert bundle_sync.status(air).waiting_for_return

    answer = tmp_path / "answer.bdsync"
    answer.write_bytes(import_bundle(store, upload.read_bytes()).return_bundle)
    damaged = tmp_path / "damaged.bdsync"
    data = answer.read_bytes()
    damaged.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    page.bundle_box.import_bundle(damaged)
    wait(qtbot, page)
    assert page.bundle_box.feedback.text() == message_for(
        bundle_sync.SyncBundleError("damaged"))
    assert service.pending_count(air) == 1

    page.bundle_box.import_bundle(answer)
    wait(qtbot, page)
    assert service.pending_count(air) == 0
    assert not bundle_sync.status(air).waiting_for_return
    page.clear()
    assert page.bundle_box.status_label.text() == ""


def set_up_bundles(tmp_path: Path, store: Store, air: Workspace) -> None:
    """A branch on the platform, the PC's bundle key registered there, the platform's on the PC."""
    branch_id = store.create_branch("BR-0001", "机关第一党支部")
    key_file = tmp_path / "pc-key.json"
    bundle_sync.write_device_key(air, key_file)
    register_device_key(store, branch_id, key_file.read_text(encoding="utf-8"))
    platform_file = tmp_path / "platform.json"
    platform_file.write_text(platform_public_key_file(store), encoding="utf-8")
    bundle_sync.set_platform_key(air, platform_file)


def platform_round_trip(tmp_path: Path, platform: Store, air: Workspace, name: str) -> Path:
    """The PC's bundle imported by ``platform``; the return bundle written."""
    upload = tmp_path / f"{name}.bdsync"
    bundle_sync.export_bundle(air, upload)
    answer = tmp_path / f"{name}-return.bdsync"
    answer.write_bytes(import_bundle(platform, upload.read_bytes()).return_bundle)
    return answer


def import_on_the_page(qtbot: QtBot, air: Workspace, answer: Path) -> str:
    """The return bundle imported on the 同步 page; what the page says."""
    page = SyncPage(air)
    qtbot.addWidget(page)
    page.refresh()
    page.bundle_box.import_bundle(answer)
    wait(qtbot, page)
    return page.bundle_box.feedback.text()


def test_a_pc_restored_from_an_older_backup_is_told_so_on_the_page(
    qtbot: QtBot, tmp_path: Path, store: Store, air: Workspace
) -> None:
    set_up_bundles(tmp_path, store, air)

    def round_trip(name: str) -> Path:
        return platform_round_trip(tmp_path, store, air, name)

    add_member(air, "张红梅")
    bundle_sync.import_return_bundle(air, round_trip("first"))
    backup = tmp_path / "air.bdbackup"
    air.backup(backup)
    for name in ("second", "third"):
        bundle_sync.import_return_bundle(air, round_trip(name))
    air.restore(backup)
    air.unlock(PASSPHRASE)
    said = import_on_the_page(qtbot, air, round_trip("after-restore"))
    assert "本机的数据来自较早的备份" in said
    assert bundle_sync.status(air).last_return_sequence == 4


def test_a_restored_platform_is_told_on_the_page(
    qtbot: QtBot, tmp_path: Path, store: Store, air: Workspace
) -> None:
    set_up_bundles(tmp_path, store, air)

    def round_trip(platform: Store, name: str) -> Path:
        return platform_round_trip(tmp_path, platform, air, name)

    add_member(air, "张红梅")
    bundle_sync.import_return_bundle(air, round_trip(store, "first"))
    copy = tmp_path / "restored.db"
    with store.engine.connect() as connection:  # the platform's backup
        connection.exec_driver_sql(f"VACUUM INTO '{copy}'")
    bundle_sync.import_return_bundle(air, round_trip(store, "second"))  # lost in the restore
    restored = Store(server_db.make_engine(server_db.default_url(str(copy))))
    try:
        restored.rotate_epoch()
        said = import_on_the_page(qtbot, air, round_trip(restored, "after-restore"))
        assert "平台已从备份恢复" in said
        assert bundle_sync.status(air).last_return_sequence == 2
    finally:
        restored.engine.dispose()
