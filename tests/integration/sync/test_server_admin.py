"""The platform side of enrollment and devices, against the live server: an enrollment whose
answer was lost, the administrator's device list with the last sync, and revoking a device."""

from __future__ import annotations

import secrets
import time
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy import func, select

from app.errors import SyncAuthError, SyncServerUnreachableError
from app.services.workspace import Workspace
from server import db
from server.__main__ import main as server_main
from server.bundles import import_bundle
from sync import bundle_sync, client, service
from sync.bundle import BundleRejected
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring
from tests.integration.sync.conftest import LiveServer
from tests.integration.sync.test_sync_engine import add_member, no_sleep, sync


def enroll(base_url: str, code: str, nonce: str | None) -> requests.Response:
    body: dict[str, Any] = {"code": code, "device_name": "办公室电脑"}
    if nonce is not None:
        body["nonce"] = nonce
    return requests.post(f"{base_url}/v1/enroll", json=body, timeout=10)


def verify(live: LiveServer, branch_id: str, token: str) -> int:
    return requests.get(f"{live.url}/v1/branches/{branch_id}/sync/verify", timeout=10,
                        headers={"Authorization": f"Bearer {token}"}).status_code


def device_count(live: LiveServer) -> int:
    with live.store.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(db.device)) or 0)


def workspace(tmp_path: Path, name: str = "pc") -> Workspace:
    ws = Workspace(tmp_path / name, keyring=MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    return ws


# ---------------------------------------------------------------- enrollment


def test_the_same_pc_asking_again_gets_the_same_device(live_server):
    live_server.store.auth_cache_seconds = 0
    branch_id, code = live_server.branch()
    nonce = secrets.token_urlsafe(32)
    lost = enroll(live_server.url, code, nonce)  # the answer never reaches the PC
    assert lost.status_code == 200
    again = enroll(live_server.url, code, nonce)
    assert again.status_code == 200, again.text
    assert again.json()["device_id"] == lost.json()["device_id"]
    assert again.json()["token"] != lost.json()["token"]
    assert device_count(live_server) == 1  # no phantom device
    assert verify(live_server, branch_id, again.json()["token"]) == 200
    assert verify(live_server, branch_id, lost.json()["token"]) == 401  # replaced

    # Someone else holding the used code gets nothing.
    for other in (secrets.token_urlsafe(32), None):
        refused = enroll(live_server.url, code, other)
        assert (refused.status_code, refused.json()) == (401, {"reason":
                                                                "invalid_enrollment_code"})
    assert device_count(live_server) == 1


def test_a_retry_is_refused_after_the_retry_window_or_once_revoked(
    live_server, database_url, monkeypatch
):
    from server import store as server_store

    _branch_id, code = live_server.branch()
    nonce = secrets.token_urlsafe(32)
    first = enroll(live_server.url, code, nonce).json()
    monkeypatch.setattr(server_store, "ENROLL_RETRY_SECONDS", 0)
    time.sleep(0.01)
    assert enroll(live_server.url, code, nonce).status_code == 401
    monkeypatch.undo()
    assert enroll(live_server.url, code, nonce).status_code == 200
    assert server_main(["--database", database_url, "admin", "revoke-device",
                        first["device_id"]]) == 0
    assert enroll(live_server.url, code, nonce).status_code == 401


def lose_answers(monkeypatch: pytest.MonkeyPatch, count: int) -> list[int]:
    """The next ``count`` enrollment answers are lost on the way back (the server did its
    work); the list counts the requests made."""
    real = client.HttpClient._once
    calls: list[int] = []

    def once(self: client.HttpClient, method: str, path: str, **kwargs: Any) -> Any:
        answer = real(self, method, path, **kwargs)
        calls.append(answer.status_code)
        if path == "/v1/enroll" and len(calls) <= count:
            raise client._RetryableError("network")
        return answer

    monkeypatch.setattr(client.HttpClient, "_once", once)
    return calls


def test_an_enrollment_whose_answer_was_lost_is_retried_safely(live_server, tmp_path,
                                                               monkeypatch):
    branch_id, code = live_server.branch()
    ws = workspace(tmp_path)
    calls = lose_answers(monkeypatch, 1)  # the client's own retry
    enrolled = service.enroll(ws, live_server.url, code, device_name="a", sleep=no_sleep)
    assert calls[:2] == [200, 200]
    assert device_count(live_server) == 1
    add_member(ws, "张伟")
    assert sync(ws).pushed == 1
    monkeypatch.undo()

    other = workspace(tmp_path, "other")  # every answer lost, then the user tries again
    code = live_server.code(branch_id)
    lose_answers(monkeypatch, 5)
    with pytest.raises(SyncServerUnreachableError):
        service.enroll(other, live_server.url, code, device_name="b", sleep=no_sleep)
    monkeypatch.undo()
    again = service.enroll(other, live_server.url, code, device_name="b", sleep=no_sleep)
    assert again.device_id != enrolled.device_id
    assert device_count(live_server) == 2
    add_member(other, "李娜", birth="19850505")
    sync(other)
    ws.lock()
    other.lock()

    third = workspace(tmp_path, "third")  # another PC with the same code: refused
    with pytest.raises(SyncAuthError):
        service.enroll(third, live_server.url, code, device_name="c", sleep=no_sleep)
    assert device_count(live_server) == 2
    third.lock()


# ---------------------------------------------------------------- the administrator's devices


def test_devices_are_listed_with_their_last_sync_and_can_be_revoked(
    live_server, database_url, tmp_path, capsys
):
    live_server.store.auth_cache_seconds = 0
    branch_id, code = live_server.branch()
    ws = workspace(tmp_path)
    enrolled = service.enroll(ws, live_server.url, code, device_name="书记的电脑",
                              sleep=no_sleep)
    air = workspace(tmp_path, "air")  # a PC that syncs by bundle file only
    key_file = tmp_path / "air-key.json"
    air_id = bundle_sync.write_device_key(air, key_file)
    admin = ["--database", database_url, "admin"]
    assert server_main([*admin, "register-device-key", "BR-0001", str(key_file)]) == 0
    capsys.readouterr()

    assert server_main([*admin, "devices", "BR-0001"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].split("\t") == ["设备ID", "名称", "同步方式", "注册时间", "最后同步", "状态"]
    rows = {line.split("\t")[0]: line.split("\t") for line in listed[1:]}
    assert rows[enrolled.device_id][1:3] == ["书记的电脑", "在线、数据包"]  # keys swapped
    assert rows[air_id][2] == "数据包"
    assert rows[air_id][4] == "从未同步"
    assert rows[enrolled.device_id][5] == "有效"

    add_member(ws, "张伟")
    sync(ws)
    with live_server.store.engine.connect() as connection:
        noted = connection.scalar(select(db.device.c.last_sync_at).where(
            db.device.c.id == enrolled.device_id))
    assert noted
    sync(ws)  # within the minute: not written again
    with live_server.store.engine.connect() as connection:
        assert connection.scalar(select(db.device.c.last_sync_at).where(
            db.device.c.id == enrolled.device_id)) == noted
    assert server_main([*admin, "devices", branch_id]) == 0
    rows = {line.split("\t")[0]: line.split("\t") for line in capsys.readouterr().out.splitlines()}
    assert rows[enrolled.device_id][4] == f"{noted[:10]} {noted[11:16]} UTC"

    upload = tmp_path / "upload.bdsync"
    bundle_sync.export_bundle(ws, upload)
    assert server_main([*admin, "revoke-device", enrolled.device_id]) == 0
    assert "已吊销" in capsys.readouterr().out
    with pytest.raises(SyncAuthError):
        sync(ws)
    with pytest.raises(BundleRejected, match="unknown_device"):
        import_bundle(live_server.store, upload.read_bytes())
    assert server_main([*admin, "revoke-device", air_id]) == 0
    assert server_main([*admin, "revoke-device", air_id]) == 1
    assert "没有这个设备，或它已被吊销" in capsys.readouterr().err
    assert server_main([*admin, "devices", "BR-0001"]) == 0
    states = [line.split("\t")[5] for line in capsys.readouterr().out.splitlines()[1:]]
    assert len(states) == 2
    assert all(state.startswith("已吊销") for state in states)
    assert server_main([*admin, "devices", "NO-SUCH"]) == 1
    ws.lock()
    air.lock()
