"""The 同步 page says what is true, against the reference server on a loopback port: a success is
never shown as an error, an old error goes when a later sync succeeds, the pending count follows
changes made elsewhere, a platform that does not answer is reported as retrying meanwhile, an
unencrypted address is confirmed first, enrollment cannot be repeated, and a bundle names why a
change stayed behind."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from server import db as server_db
from server.bundles import platform_public_key_file, register_device_key
from server.store import Store
from sync import service
from tests.integration.sync.conftest import LiveServer, start_server
from tests.ui.sync.test_sync_page import add_member, new_workspace
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask
from ui.sync.page import SyncPage


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    server = start_server(server_db.default_url(str(tmp_path / "server.db")))
    yield server
    server.stop()
    server.store.engine.dispose()


@pytest.fixture
def short_waits(monkeypatch: pytest.MonkeyPatch) -> None:
    """The client's waits between retries shortened (0.5 s doubling, 7.5 s in all, otherwise)."""
    real = service.client_for

    def client_for(workspace: Workspace, server_url: str | None = None, sleep: Any = None,
                   retrying: Any = None) -> Any:
        return real(workspace, server_url, lambda _s: time.sleep(0.2), retrying)

    monkeypatch.setattr(service, "client_for", client_for)


def closed_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait(qtbot: QtBot, task: BackgroundTask | None) -> None:
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass


def test_results_errors_retries_and_the_pending_count_are_shown_truthfully(
    qtbot: QtBot, tmp_path: Path, live: LiveServer, short_waits: None
) -> None:
    branch_id, code = live.branch()
    ws = new_workspace(tmp_path, "b")
    page = SyncPage(ws)
    qtbot.addWidget(page)
    page.resize(900, 1100)
    page.refresh()
    page.show()
    status: list[str] = []
    page.state_changed.connect(status.append)

    # http:// on the loopback address: nothing to confirm
    page.connection_box.server_edit.setText(live.url)
    page.connection_box.code_edit.setText(code)
    page.connection_box.enroll_button.click()
    assert page.connection_box.insecure_box is None
    wait(qtbot, page.connection_box.last_task)
    assert "机关第一党支部" in page.connection_box.enroll_feedback.text()
    assert not page.connection_box.code_edit.isEnabled()  # enrolled: the code is used up
    assert not page.connection_box.enroll_button.isEnabled()

    # The platform does not answer: each retry is said while it waits, then the failure.
    page.connection_box.server_edit.setText(f"http://127.0.0.1:{closed_port()}")
    page.connection_box.save_button.click()
    page.sync_button.click()
    task = page.last_task
    assert task is not None
    notes: list[tuple[float, str]] = []
    task.noted.connect(lambda text: notes.append((time.monotonic(), text)))
    started = time.monotonic()
    qtbot.waitUntil(lambda: "正在重试（第 1 次）" in page.result_label.text(), timeout=5000)
    assert task.dialog is not None
    assert "正在重试（第 1 次）" in task.dialog.labelText()
    assert any("正在重试" in line for line in status)
    wait(qtbot, page.last_task)
    assert [text for _t, text in notes][-1].count("第 4 次") == 1
    assert notes[0][0] - started < 1.0  # said at once, not after the last retry
    assert page.result_label.styleSheet() == ERROR_STYLE
    assert "正在重试" not in page.result_label.text()  # the failure replaced it

    # Back to the platform: the success replaces the error, not in red.
    page.connection_box.server_edit.setText(live.url)
    page.connection_box.save_button.click()
    page.sync_button.click()
    wait(qtbot, page.last_task)
    assert "已同步" in page.result_label.text()
    assert page.result_label.styleSheet() == NOTICE_STYLE

    # After a lock, the last (successful) synchronization is shown as a success.
    page.clear()
    page.refresh()
    assert "成功" in page.result_label.text()
    assert page.result_label.styleSheet() != ERROR_STYLE

    # A change made on another page shows when the page is shown again, without saving.
    assert "0 项" in page.pending_label.text()
    page.hide()
    add_member(ws, "张红梅")
    page.show()
    assert f"有 {service.pending_count(ws)} 项" in page.pending_label.text()
    assert service.pending_count(ws) > 0
    assert branch_id


def test_an_unencrypted_address_is_confirmed_before_it_is_used(
    qtbot: QtBot, tmp_path: Path
) -> None:
    ws = new_workspace(tmp_path, "c")
    page = SyncPage(ws)
    qtbot.addWidget(page)
    page.refresh()
    page.show()
    address = "http://platform.intranet.example:8765"
    page.connection_box.server_edit.setText(address)
    page.connection_box.save_button.click()
    box = page.connection_box.insecure_box
    assert box is not None
    assert box.isVisible()
    assert "未加密" in box.text()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert service.settings(ws).server_url == ""  # not saved

    page.connection_box.save_button.click()
    box = page.connection_box.insecure_box
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert service.settings(ws).server_url == address
    page.connection_box.save_button.click()  # accepted once: not asked again for the same address
    assert page.connection_box.insecure_box is None

    page.connection_box.server_edit.setText("http://other.intranet.example")
    page.connection_box.code_edit.setText("ABCD-1234")
    page.connection_box.enroll_button.click()  # another address: asked before anything is sent
    box = page.connection_box.insecure_box
    assert box is not None
    assert page.connection_box.last_task is None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert page.connection_box.last_task is None

    page.connection_box.server_edit.setText("https://platform.example.gov.cn")
    page.connection_box.save_button.click()
    assert page.connection_box.insecure_box is None
    assert service.settings(ws).server_url == "https://platform.example.gov.cn"


def test_a_bundle_says_why_the_branch_profile_stayed_behind(
    qtbot: QtBot, tmp_path: Path
) -> None:
    store = Store(server_db.make_engine(server_db.default_url(str(tmp_path / "p.db"))))
    try:
        branch_id = store.create_branch("BR-0001", "机关第一党支部")
        ws = new_workspace(tmp_path, "air")
        page = SyncPage(ws)
        qtbot.addWidget(page)
        page.refresh()
        key_file = tmp_path / "pc-key.json"
        page.bundle_box.write_device_key(key_file)
        register_device_key(store, branch_id, key_file.read_text(encoding="utf-8"))
        platform_file = tmp_path / "platform.json"
        platform_file.write_text(platform_public_key_file(store), encoding="utf-8")
        page.bundle_box.set_platform_key(platform_file)
        add_member(ws, "张红梅")
        page.bundle_box.export_bundle(tmp_path / "upload.bdsync")
        wait(qtbot, page.bundle_box.last_task)
    finally:
        store.engine.dispose()
    text = page.bundle_box.feedback.text()
    assert "秘密" not in text  # nothing here is classified 秘密
    assert "支部信息" in text
    assert "平台管理员" in text
