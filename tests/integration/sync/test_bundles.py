"""Air-gapped sync by bundle files: real files, real crypto, the platform's store in process (and
its HTTP endpoint and CLI), devices that sync by bundle, online, or both."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from app.domain.members import Classification
from app.errors import SyncBundleError
from app.services import members as m
from app.services.workspace import Workspace
from app.storage.models import MemberRow, OutboxEntry, PartyGroupRow, Setting
from server import db as server_db
from server.__main__ import main as server_main
from server.bundles import import_bundle, platform_keys, platform_public_key_file
from server.bundles import register_device_key as register
from sync import bundle_sync, service
from sync.bundle import (
    BundleRejected,
    UploadPayload,
    new_manifest,
    read_manifest,
    seal,
    unseal,
)
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring
from tests.integration.sync.conftest import LiveServer, start_server
from tests.integration.sync.test_sync_engine import (
    add_member,
    device,
    edit_member,
    member,
    no_sleep,
    sync,
    table,
)


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    server = start_server(server_db.default_url(str(tmp_path / "platform.db")))
    yield server
    server.stop()
    server.store.engine.dispose()


@pytest.fixture
def branch(live: LiveServer) -> str:
    return live.branch()[0]


def workspace(tmp_path: Path, name: str) -> Workspace:
    ws = Workspace(tmp_path / name, keyring=MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    return ws


def set_up_bundles(ws: Workspace, tmp_path: Path, live: LiveServer, branch_id: str) -> str:
    """The administrator's two steps: register the PC's key file, hand over the platform's."""
    key_file = tmp_path / f"{ws.database_id}-key.json"
    device_id = bundle_sync.write_device_key(ws, key_file)
    assert register(live.store, branch_id, key_file.read_text(encoding="utf-8")) == device_id
    platform_file = tmp_path / "platform-key.json"
    platform_file.write_text(platform_public_key_file(live.store), encoding="utf-8")
    bundle_sync.set_platform_key(ws, platform_file)
    return device_id


@pytest.fixture
def air(tmp_path: Path, live: LiveServer, branch: str) -> Iterator[Workspace]:
    ws = workspace(tmp_path, "air")
    set_up_bundles(ws, tmp_path, live, branch)
    yield ws
    ws.lock()


@pytest.fixture
def online(tmp_path: Path, live: LiveServer, branch: str) -> Iterator[Workspace]:
    ws = workspace(tmp_path, "online")
    service.enroll(ws, live.url, live.code(branch), device_name="online", sleep=no_sleep)
    yield ws
    ws.lock()


_counter = iter(range(1_000_000))


def export(ws: Workspace, tmp_path: Path) -> Path:
    path = tmp_path / f"upload-{next(_counter)}.bdsync"
    result = bundle_sync.export_bundle(ws, path)
    assert result.path == path
    assert path.exists()
    assert not list(tmp_path.glob(".*.part"))  # the temporary file is gone
    return path


def at_platform(live: LiveServer, upload: Path) -> Path:
    result = import_bundle(live.store, upload.read_bytes())
    answer = upload.with_name(upload.stem + "-return.bdsync")
    answer.write_bytes(result.return_bundle)
    return answer


def round_trip(ws: Workspace, tmp_path: Path, live: LiveServer) -> service.SyncReport:
    return bundle_sync.import_return_bundle(ws, at_platform(live, export(ws, tmp_path)))


def platform_state(live: LiveServer) -> tuple[int, list[tuple[str, int]]]:
    with live.store.engine.connect() as connection:
        keys = [(r.device_id, r.last_sequence) for r in connection.execute(
            select(server_db.device_key).order_by(server_db.device_key.c.device_id))]
        imports = int(connection.scalar(
            select(func.count()).select_from(server_db.bundle_import)) or 0)
    return live.store.record_count() + 1000 * imports, keys


def device_state(ws: Workspace) -> list[tuple[str, str]]:
    with ws.unit_of_work() as uow:
        settings = [(s.key, s.value) for s in uow.session.scalars(
            select(Setting).where(Setting.key.like("sync.%")).order_by(Setting.key))]
    return [*settings, *[(str(r), "") for r in table(ws, MemberRow)]]


def decrypted_upload(live: LiveServer, path: Path) -> str:
    keys = platform_keys(live.store)
    with live.store.engine.connect() as connection:
        signing = connection.scalar(select(server_db.device_key.c.signing_public).where(
            server_db.device_key.c.device_id == read_manifest(path.read_bytes()).device_id))
    _manifest, payload = unseal(path.read_bytes(), bytes.fromhex(str(signing)), keys)
    return payload.decode()


# ---------------------------------------------------------------- convergence


def test_a_round_trip_converges_with_an_online_device(air, online, tmp_path, live):
    with air.unit_of_work() as uow:
        group_id = m.create_party_group(uow, "第一党小组")
        uow.commit()
    first = add_member(air, "张伟", phone="1", party_group_id=group_id)
    add_member(air, "李娜", birth="19850505")
    report = round_trip(air, tmp_path, live)
    assert report.pushed >= 3
    assert service.pending_count(air) == 0
    sync(online)
    assert table(online, MemberRow) == table(air, MemberRow)
    assert table(online, PartyGroupRow) == table(air, PartyGroupRow)

    edit_member(online, first, work_unit="市财政局")
    edit_member(air, first, phone="13800000000")
    sync(online)
    round_trip(air, tmp_path, live)
    sync(online)
    for ws in (air, online):
        data = member(ws, first)
        assert (data.phone, data.work_unit) == ("13800000000", "市财政局")
    assert table(online, MemberRow) == table(air, MemberRow)
    assert service.conflicts(air) == service.conflicts(online) == []
    status = bundle_sync.status(air)
    assert (status.pending, status.waiting_for_return) == (0, False)
    assert status.last_return_sequence == 2


def test_a_bundle_lost_in_transit_loses_nothing(air, online, tmp_path, live):
    first = add_member(air, "王芳")
    lost = export(air, tmp_path)
    lost.unlink()  # the stick fell out of a pocket
    second = add_member(air, "赵强", birth="19850505")
    upload = export(air, tmp_path)
    assert f'"{first}"' in decrypted_upload(live, upload)
    bundle_sync.import_return_bundle(air, at_platform(live, upload))
    assert service.pending_count(air) == 0
    sync(online)
    assert {first, second} <= {dict(row)["id"] for row in table(online, MemberRow)}
    assert table(online, MemberRow) == table(air, MemberRow)


def test_a_lost_return_bundle_is_answered_again(air, tmp_path, live):
    add_member(air, "王芳")
    at_platform(live, export(air, tmp_path)).unlink()  # the answer never came back
    add_member(air, "赵强", birth="19850505")
    report = round_trip(air, tmp_path, live)  # same sequence, cumulative: accepted
    assert report.pushed == 2
    assert service.pending_count(air) == 0


def test_mixed_online_and_bundle_weeks_converge(tmp_path, live, branch, online):
    mixed = workspace(tmp_path, "mixed")
    service.enroll(mixed, live.url, live.code(branch), device_name="mixed", sleep=no_sleep)
    set_up_bundles(mixed, tmp_path, live, branch)
    one = add_member(mixed, "第一周", phone="1")
    sync(mixed)  # week 1: online
    two = add_member(mixed, "第二周", birth="19850505")
    sync(online)
    edit_member(online, one, work_unit="市委组织部")
    sync(online)
    round_trip(mixed, tmp_path, live)  # week 2: by bundle
    edit_member(mixed, two, phone="3")
    sync(mixed)  # week 3: online again
    round_trip(mixed, tmp_path, live)  # week 4: bundle, nothing new
    sync(online)
    assert member(mixed, one).work_unit == "市委组织部"
    assert member(online, two).phone == "3"
    assert table(mixed, MemberRow) == table(online, MemberRow)
    assert service.pending_count(mixed) == 0
    mixed.lock()


def test_secret_records_never_enter_a_bundle(air, tmp_path, live):
    secret = add_member(air, "机密人员", classification=Classification.SECRET)
    public = add_member(air, "普通党员", birth="19850505")
    upload = export(air, tmp_path)
    payload = decrypted_upload(live, upload)
    assert secret not in payload
    assert "机密人员" not in payload
    assert public in payload
    assert "普通党员" in payload
    assert "机密人员".encode() not in upload.read_bytes()
    ops = UploadPayload.model_validate_json(payload).ops
    assert all(str(op.entity_id) != secret for op in ops)


# ---------------------------------------------------------------- refusals


def _flip(data: bytes, position: int) -> bytes:
    return data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1:]


def _positions(data: bytes) -> list[int]:
    header_end = 12 + int.from_bytes(data[8:12], "big")
    return sorted({0, 7, 8, 11, 12, 30, header_end - 2, header_end + 3, header_end + 9,
                   (header_end + len(data)) // 2, len(data) - 65, len(data) - 64,
                   len(data) - 30, len(data) - 1})


def test_tampered_or_truncated_uploads_are_refused_and_apply_nothing(air, tmp_path, live):
    add_member(air, "张伟")
    data = export(air, tmp_path).read_bytes()
    before = platform_state(live)
    reasons = set()
    for position in _positions(data):
        with pytest.raises(BundleRejected) as refused:
            import_bundle(live.store, _flip(data, position))
        reasons.add(refused.value.reason)
    for length in (0, 5, 10, 40, len(data) // 2, len(data) - 1):
        with pytest.raises(BundleRejected) as refused:
            import_bundle(live.store, data[:length])
        assert refused.value.reason == "truncated", length
    with pytest.raises(BundleRejected):
        import_bundle(live.store, data + b"\x00")
    assert platform_state(live) == before
    assert "damaged" in reasons
    assert reasons <= {"damaged", "not_a_bundle", "unknown_device", "truncated"}


def test_tampered_or_truncated_return_bundles_are_refused_and_apply_nothing(
    air, online, tmp_path, live
):
    add_member(online, "平台上的人")
    sync(online)
    add_member(air, "张伟", birth="19850505")
    answer = at_platform(live, export(air, tmp_path)).read_bytes()
    before = device_state(air)
    broken = tmp_path / "broken.bdsync"
    for position in _positions(answer):
        broken.write_bytes(_flip(answer, position))
        with pytest.raises(SyncBundleError):
            bundle_sync.import_return_bundle(air, broken)
    for length in (0, 5, 40, len(answer) // 2, len(answer) - 1):
        broken.write_bytes(answer[:length])
        with pytest.raises(SyncBundleError) as refused:
            bundle_sync.import_return_bundle(air, broken)
        assert refused.value.reason == "truncated"
    assert device_state(air) == before
    broken.write_bytes(answer)
    assert bundle_sync.import_return_bundle(air, broken).pulled >= 1


def test_a_bundle_imported_twice_is_answered_again_and_applies_nothing(air, tmp_path, live):
    add_member(air, "张伟")
    upload = export(air, tmp_path)
    answer = at_platform(live, upload)
    before = platform_state(live)
    again = import_bundle(live.store, upload.read_bytes())
    assert (again.outcome, again.sequence, again.return_sequence) == ("again", 1, 1)
    assert platform_state(live) == before
    assert read_manifest(again.return_bundle).in_reply_to == read_manifest(
        answer.read_bytes()).in_reply_to
    bundle_sync.import_return_bundle(air, answer)
    state = device_state(air)
    with pytest.raises(SyncBundleError) as refused:
        bundle_sync.import_return_bundle(air, answer)
    assert refused.value.reason == "already_imported"
    assert device_state(air) == state


def test_late_copies_and_gapped_bundles_change_nothing(air, tmp_path, live):
    add_member(air, "张伟")
    early = export(air, tmp_path)  # sequence 1
    add_member(air, "李娜", birth="19850505")
    round_trip(air, tmp_path, live)  # sequence 1 again (cumulative), answered
    first_answer_path = at_platform(live, export(air, tmp_path))  # sequence 2
    before = platform_state(live)
    device_id, keys = bundle_sync._device_keys(air, create=False)
    platform = platform_keys(live.store).public()
    payload = UploadPayload(ops=[]).model_dump_json().encode()
    for sequence in (4, 9):
        forged = seal(new_manifest("upload", device_id, sequence, payload, op_count=0),
                      payload, keys, platform)
        with pytest.raises(BundleRejected, match="gap"):
            import_bundle(live.store, forged)
    assert platform_state(live) == before

    bundle_sync.import_return_bundle(air, first_answer_path)
    state = device_state(air)
    # Two answers for the same round (the PC exported twice before the first answer came):
    # the first applied wins, the other is refused.
    second = at_platform(live, export(air, tmp_path))  # sequence 3
    stale = at_platform(live, export(air, tmp_path))  # sequence 3 again
    bundle_sync.import_return_bundle(air, second)
    with pytest.raises(SyncBundleError) as refused:
        bundle_sync.import_return_bundle(air, stale)
    assert refused.value.reason == "out_of_order"
    assert device_state(air) != state  # the valid one applied; the stale one did not

    # A late copy of sequence 1 looks like a PC restored from an older backup: it is answered
    # (with the next free number), applies nothing twice, and its answer is refused by the PC.
    records = live.store.record_count()
    late = at_platform(live, early)
    assert live.store.record_count() == records
    state = device_state(air)
    with pytest.raises(SyncBundleError) as refused:
        bundle_sync.import_return_bundle(air, late)
    assert refused.value.reason == "out_of_order"
    assert device_state(air) == state
    round_trip(air, tmp_path, live)  # and the PC goes on as before
    assert service.pending_count(air) == 0


def test_a_return_bundle_ahead_of_the_device_is_a_gap(air, tmp_path, live):
    add_member(air, "张伟")
    answer = at_platform(live, export(air, tmp_path))
    with air.unit_of_work() as uow:
        uow.session.merge(Setting(key=bundle_sync.SETTING_RETURN_SEQUENCE, value="-1"))
        uow.commit()
    with pytest.raises(SyncBundleError) as refused:
        bundle_sync.import_return_bundle(air, answer)
    assert refused.value.reason == "gap"


def test_an_unknown_device_is_refused(tmp_path, live, branch):
    stranger = workspace(tmp_path, "stranger")
    platform_file = tmp_path / "platform-key.json"
    platform_file.write_text(platform_public_key_file(live.store), encoding="utf-8")
    bundle_sync.set_platform_key(stranger, platform_file)
    add_member(stranger, "张伟")
    upload = export(stranger, tmp_path)
    before = platform_state(live)
    with pytest.raises(BundleRejected, match="unknown_device"):
        import_bundle(live.store, upload.read_bytes())
    assert platform_state(live) == before
    stranger.lock()


def test_a_return_bundle_for_another_pc_is_refused(air, tmp_path, live, branch):
    other = workspace(tmp_path, "other")
    set_up_bundles(other, tmp_path, live, branch)
    add_member(other, "张伟")
    answer = at_platform(live, export(other, tmp_path))
    before = device_state(air)
    with pytest.raises(SyncBundleError) as refused:
        bundle_sync.import_return_bundle(air, answer)
    assert refused.value.reason in {"damaged", "wrong_device"}
    assert device_state(air) == before
    other.lock()


def test_export_needs_the_platform_key(tmp_path):
    ws = workspace(tmp_path, "nokey")
    with pytest.raises(SyncBundleError) as refused:
        bundle_sync.export_bundle(ws, tmp_path / "x.bdsync")
    assert refused.value.reason == "no_platform_key"
    assert not (tmp_path / "x.bdsync").exists()
    ws.lock()


def test_the_device_key_lives_in_the_keyring_or_the_database(tmp_path):
    from tests.conftest import BrokenKeyring

    keyring = MemoryKeyring()
    ws = Workspace(tmp_path / "k", keyring=keyring, kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    bundle_sync.write_device_key(ws, tmp_path / "k.json")
    assert keyring.entries[("BranchDesk", f"bundle-key:{ws.database_id}")]
    with ws.unit_of_work() as uow:
        assert uow.session.get(Setting, bundle_sync.SETTING_BUNDLE_KEY).value == ""
    fallback = Workspace(tmp_path / "f", keyring=BrokenKeyring(), kdf=FAST_KDF)
    fallback.create(PROFILE, PASSPHRASE)
    device_id = bundle_sync.write_device_key(fallback, tmp_path / "f.json")
    assert bundle_sync.write_device_key(fallback, tmp_path / "f2.json") == device_id
    assert (tmp_path / "f.json").read_text() == (tmp_path / "f2.json").read_text()
    ws.lock()
    fallback.lock()


# ---------------------------------------------------------------- the platform's CLI and endpoint


def test_the_platform_cli_imports_and_refuses(air, tmp_path, live):
    add_member(air, "张伟")
    upload = export(air, tmp_path)
    url = server_db.default_url(str(tmp_path / "platform.db"))
    out = tmp_path / "answer.bdsync"
    assert server_main(["import-bundle", str(upload), "--out", str(out), "--database", url]) == 0
    assert bundle_sync.import_return_bundle(air, out).pushed == 1
    assert server_main(["--database", url, "import-bundle", str(upload)]) == 0  # answered again
    damaged = tmp_path / "damaged.bdsync"
    damaged.write_bytes(_flip(upload.read_bytes(), 200))
    assert server_main(["--database", url, "import-bundle", str(damaged)]) == 1


def test_the_platform_admin_commands_write_and_register_keys(tmp_path, live, branch):
    url = server_db.default_url(str(tmp_path / "platform.db"))
    key = tmp_path / "platform.json"
    assert server_main(["--database", url, "admin", "platform-key", str(key)]) == 0
    assert json.loads(key.read_text())["format"] == "branchdesk-bundle-key-1"
    ws = workspace(tmp_path, "cli")
    bundle_sync.set_platform_key(ws, key)
    device_file = tmp_path / "device.json"
    bundle_sync.write_device_key(ws, device_file)
    assert server_main(["--database", url, "admin", "register-device-key", "BR-0001",
                        str(device_file)]) == 0
    add_member(ws, "张伟")
    round_trip(ws, tmp_path, live)
    assert service.pending_count(ws) == 0
    assert server_main(["--database", url, "admin", "register-device-key", "BR-0001",
                        str(key)]) == 1  # the platform's own file names no device
    ws.lock()


def test_the_upload_endpoint_answers_with_the_return_bundle(air, tmp_path, live):
    add_member(air, "张伟")
    upload = export(air, tmp_path).read_bytes()
    headers = {"Content-Type": "application/octet-stream"}
    bad = requests.post(f"{live.url}/v1/bundles", data=_flip(upload, 100), headers=headers,
                        timeout=10)
    assert (bad.status_code, bad.json()) == (422, {"reason": "damaged"})
    good = requests.post(f"{live.url}/v1/bundles", data=upload, headers=headers, timeout=10)
    assert good.status_code == 200
    answer = tmp_path / "answer.bdsync"
    answer.write_bytes(good.content)
    assert bundle_sync.import_return_bundle(air, answer).pushed == 1
    again = requests.post(f"{live.url}/v1/bundles", data=upload, headers=headers, timeout=10)
    assert again.status_code == 200  # answered again (the first answer may have been lost)
    assert read_manifest(again.content).in_reply_to == read_manifest(good.content).in_reply_to


def test_a_restored_platform_loses_nothing_by_bundle(air, online, tmp_path, live):
    first = add_member(air, "王芳")
    round_trip(air, tmp_path, live)
    live.store.rotate_epoch()  # restored from a backup: what came after it must be sent again
    second = add_member(air, "赵强", birth="19850505")
    report = round_trip(air, tmp_path, live)
    assert report.epoch_changed
    round_trip(air, tmp_path, live)  # the re-queued ops travel in the next bundle
    assert service.pending_count(air) == 0
    sync(online)
    assert {first, second} <= {dict(row)["id"] for row in table(online, MemberRow)}
    assert table(online, MemberRow) == table(air, MemberRow)


def backup_of(live: LiveServer, tmp_path: Path, name: str) -> LiveServer:
    """A consistent copy of the platform's database, started as the platform restored from it
    (a new epoch, as the restore procedure sets)."""
    copy = tmp_path / f"{name}.db"
    with live.store.engine.connect() as connection:
        connection.exec_driver_sql(f"VACUUM INTO '{copy}'")
    return start_server(server_db.default_url(str(copy)))


def test_a_return_bundle_after_a_platform_restore_takes_the_platforms_records(
    online, tmp_path, live, branch
):
    """After the platform's restore, a record this PC holds at a version the restored platform
    reached again with other content comes back by bundle too (the re-pull takes every record,
    as online)."""
    other = device(tmp_path, "other", live, branch)
    person = add_member(other, "王芳")
    sync(other)
    sync(online)
    restored = backup_of(live, tmp_path, "restored")  # the member at its first version
    try:
        edit_member(other, person, phone="13800000001")
        sync(other)
        sync(online)  # the member's second version, from the platform before its restore
        restored.store.rotate_epoch()
        third = device(tmp_path, "third", restored, branch)
        sync(third)
        edit_member(third, person, phone="13800000003")
        sync(third)  # a second version again, another one
        report = bundle_sync.import_return_bundle(
            online, at_platform(restored, export(online, tmp_path)))
        assert report.epoch_changed
        assert member(online, person).phone == "13800000003"  # not skipped as already held
        with online.unit_of_work() as uow:
            assert uow.session.get(Setting, "sync.repull").value == ""  # the re-pull ended
        third.lock()
    finally:
        other.lock()
        restored.stop()
        restored.store.engine.dispose()


def test_an_enrolled_pc_swaps_bundle_keys_at_enrollment(online, tmp_path, live):
    status = bundle_sync.status(online)
    assert status.has_platform_key
    with online.unit_of_work() as uow:
        assert status.device_id == uow.session.get(Setting, "sync.device_id").value
    add_member(online, "张伟")
    report = round_trip(online, tmp_path, live)  # no key files handed around
    assert report.pushed == 1
    assert service.pending_count(online) == 0
    sync(online)  # and online again: nothing left to send
    assert service.pending_count(online) == 0


def test_a_device_revoked_online_cannot_send_bundles(online, tmp_path, live):
    from sqlalchemy import update

    add_member(online, "张伟")
    upload = export(online, tmp_path)
    with live.store.engine.begin() as connection:
        connection.execute(update(server_db.device).values(revoked_at=server_db.now_iso()))
    before = platform_state(live)
    with pytest.raises(BundleRejected, match="unknown_device"):
        import_bundle(live.store, upload.read_bytes())
    assert platform_state(live) == before


# ---------------------------------------------------------------- restores and interruptions


def record_version(live: LiveServer, entity_id: str) -> int:
    with live.store.engine.connect() as connection:
        return int(connection.scalar(select(server_db.record.c.version).where(
            server_db.record.c.id == entity_id)))


def test_a_pc_restored_from_an_older_backup_recovers_by_bundle(air, online, tmp_path, live):
    first = add_member(air, "张伟", phone="1")
    round_trip(air, tmp_path, live)  # 1
    unconfirmed = add_member(air, "李娜", birth="19850505")
    upload = export(air, tmp_path)  # 2
    backup = tmp_path / "air.bdbackup"
    air.backup(backup)  # 李娜 sent but not yet confirmed in the backup
    bundle_sync.import_return_bundle(air, at_platform(live, upload))
    edit_member(air, first, phone="13800000000")
    round_trip(air, tmp_path, live)  # 3
    sent_once = record_version(live, unconfirmed)

    air.restore(backup)
    air.unlock(PASSPHRASE)
    assert member(air, first).phone == "1"
    after_restore = add_member(air, "王芳", birth="19900909")
    restored_upload = export(air, tmp_path)  # 2 again, older than the platform's 3
    assert read_manifest(restored_upload.read_bytes()).sequence == 2
    result = import_bundle(live.store, restored_upload.read_bytes())
    assert (result.outcome, result.last_sequence, result.return_sequence) == ("restored", 3, 4)
    answer = tmp_path / "restored-return.bdsync"
    answer.write_bytes(result.return_bundle)

    report = bundle_sync.import_return_bundle(air, answer)
    assert report.restored
    assert member(air, first).phone == "13800000000"  # the platform's state wins
    assert service.pending_count(air) == 0
    assert record_version(live, unconfirmed) == sent_once  # sent again, not applied twice
    sync(online)
    assert {first, unconfirmed, after_restore} == {dict(r)["id"] for r in table(online, MemberRow)}
    assert table(online, MemberRow) == table(air, MemberRow)

    edit_member(air, after_restore, phone="13900000000")  # and the next rounds are ordinary
    upload = export(air, tmp_path)
    assert read_manifest(upload.read_bytes()).sequence == 5
    assert import_bundle(live.store, upload.read_bytes()).outcome == "imported"
    assert not round_trip(air, tmp_path, live).restored
    assert bundle_sync.status(air).last_return_sequence == 5


def test_the_platform_cli_tells_the_administrator_of_a_restored_pc(air, tmp_path, live, capsys):
    add_member(air, "张伟")
    round_trip(air, tmp_path, live)
    backup = tmp_path / "air.bdbackup"
    air.backup(backup)
    round_trip(air, tmp_path, live)
    round_trip(air, tmp_path, live)
    air.restore(backup)
    air.unlock(PASSPHRASE)
    upload = export(air, tmp_path)
    url = server_db.default_url(str(tmp_path / "platform.db"))
    out = tmp_path / "answer.bdsync"
    capsys.readouterr()
    assert server_main(["--database", url, "import-bundle", str(upload), "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "已从较早的备份恢复" in said
    assert "第 3 号数据包" in said
    assert "第 5 号继续" in said
    assert bundle_sync.import_return_bundle(air, out).restored


def test_bundles_after_a_restore_of_the_platform_are_accepted_and_resend_the_rest(
    air, tmp_path, live, capsys
):
    """The platform restored from its backup has lost bundles from this PC: its next bundle
    is past a gap, but from the epoch before the restore. The platform imports it and answers
    with its own number; the PC sends again what the restored platform lacks, and deletes and
    doubles nothing."""
    first = add_member(air, "王芳")
    round_trip(air, tmp_path, live)
    restored = backup_of(live, tmp_path, "restored")  # knows the PC's bundle 1
    try:
        second = add_member(air, "赵强", birth="19850505")
        round_trip(air, tmp_path, live)  # bundle 2: lost with the restore
        restored.store.rotate_epoch()
        third = add_member(air, "李明", birth="19900101")
        upload = export(air, tmp_path)  # bundle 3
        url = server_db.default_url(str(tmp_path / "restored.db"))
        answer = tmp_path / "answer.bdsync"
        capsys.readouterr()
        assert server_main(["--database", url, "import-bundle", str(upload),
                            "--out", str(answer)]) == 0
        said = capsys.readouterr().out
        assert "平台从备份恢复后只记得该设备的第 1 号数据包" in said
        assert "第 2 号" in said
        report = bundle_sync.import_return_bundle(air, answer)
        assert report.platform_restored
        assert report.epoch_changed
        with air.unit_of_work() as uow:
            waiting = set(uow.session.scalars(select(OutboxEntry.entity_id).where(
                OutboxEntry.entity == "member", OutboxEntry.acked_at.is_(None))))
        assert waiting == {first, second}  # sent again: the restored platform may lack them
        assert bundle_sync.status(air).last_return_sequence == 2
        assert not bundle_sync.status(air).waiting_for_return
        round_trip(air, tmp_path, restored)  # bundle 3 on the platform's count: no gap
        assert service.pending_count(air) == 0
        ids = [c.id for c in restored.store.changes(_branch(air), 0, 100, None).changes
               if c.entity == "member"]
        assert sorted(ids) == sorted([first, second, third])  # each once
        assert sorted(dict(row)["id"] for row in table(air, MemberRow)) == sorted(ids)
    finally:
        restored.stop()
        restored.store.engine.dispose()


def _branch(ws: Workspace) -> str:
    with ws.unit_of_work() as uow:
        return uow.session.get(Setting, "sync.branch_id").value


KILL_AT_WRITE = """
import os, signal, sys
import server.__main__ as cli
def killed(*_args):
    os.kill(os.getpid(), signal.SIGKILL)
cli.write_file = killed
sys.exit(cli.main(sys.argv[1:]))
"""


def test_an_import_killed_before_its_answer_is_written_answers_when_run_again(
    air, tmp_path, live
):
    add_member(air, "张伟")
    upload = export(air, tmp_path)
    url = server_db.default_url(str(tmp_path / "platform.db"))
    out = tmp_path / "answer.bdsync"
    args = ["--database", url, "import-bundle", str(upload), "--out", str(out)]
    killed = subprocess.run([sys.executable, "-c", KILL_AT_WRITE, *args], check=False,
                            capture_output=True, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert not out.exists()
    with live.store.engine.connect() as connection:  # the import was recorded
        assert connection.scalar(select(func.count()).select_from(server_db.bundle_import)) == 1
    before = platform_state(live)
    assert server_main(args) == 0
    assert platform_state(live) == before  # nothing applied twice
    report = bundle_sync.import_return_bundle(air, out)
    assert report.pushed == 1
    assert service.pending_count(air) == 0
