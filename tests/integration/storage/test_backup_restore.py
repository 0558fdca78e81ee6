"""Backup and restore: verified before anything is replaced; bad files change nothing."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from app.errors import (
    BackupCorruptError,
    BackupFromOtherDatabaseError,
    CancelledError,
    FileAccessError,
    NotABackupError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from app.services import branch
from app.services.workspace import BranchProfile, Workspace
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE

CHANGED = BranchProfile(name="改名后的支部", code="BR-0001", higher_org="工委", secretary="李红")


def snapshot(folder: Path) -> dict[str, bytes]:
    names = ("branchdesk.db", "branchdesk.db-wal", "branchdesk.keys")
    return {n: (folder / n).read_bytes() for n in names if (folder / n).exists()}


def rename_branch(ws: Workspace, profile: BranchProfile) -> None:
    with ws.unit_of_work() as uow:
        branch.save_profile(uow, profile)
        uow.commit()


def current_profile(ws: Workspace) -> BranchProfile:
    with ws.unit_of_work() as uow:
        return branch.load_profile(uow)


@pytest.fixture
def backup_file(workspace, tmp_path) -> Path:
    target = tmp_path / "支部备份.bdbak"
    workspace.backup(target)
    return target


def test_round_trip_while_in_use(workspace, backup_file, data_dir):
    # Another unit of work is reading (an open transaction) while the backup is taken.
    with workspace.unit_of_work(read_only=True) as busy:
        assert branch.load_profile(busy) == PROFILE
        second = backup_file.with_name("second.bdbak")
        workspace.backup(second)
    rename_branch(workspace, CHANGED)
    result = workspace.restore(second)
    assert result.branch_name == PROFILE.name
    assert result.set_aside is not None
    assert (result.set_aside / "branchdesk.db").exists()
    assert not workspace.is_unlocked
    workspace.unlock(PASSPHRASE)
    assert current_profile(workspace) == PROFILE
    report = workspace.check()
    assert report.ok
    assert not list(data_dir.glob(".restore-*"))
    assert not list(data_dir.glob(".incoming-*"))


def test_restore_keeps_the_current_passphrase(workspace, backup_file):
    workspace.change_passphrase(PASSPHRASE, "the newer passphrase")
    workspace.restore(backup_file)
    workspace.unlock("the newer passphrase")
    assert current_profile(workspace) == PROFILE


def test_restore_while_locked_needs_the_passphrase(workspace, backup_file):
    workspace.lock()
    with pytest.raises(PassphraseRequiredError):
        workspace.restore(backup_file)
    with pytest.raises(WrongPassphraseError):
        workspace.restore(backup_file, "wrong passphrase")
    workspace.restore(backup_file, PASSPHRASE)


def test_restore_on_a_new_pc_uses_the_backups_own_key_slots(backup_file, tmp_path):
    fresh = Workspace(tmp_path / "new-pc", keyring=None, kdf=FAST_KDF)
    result = fresh.restore(backup_file, PASSPHRASE)
    assert result.set_aside is None
    fresh.unlock(PASSPHRASE)
    assert current_profile(fresh) == PROFILE
    fresh.lock()


def test_restore_by_recovery_code(workspace, backup_file, tmp_path):
    fresh = Workspace(tmp_path / "new-pc", keyring=None, kdf=FAST_KDF)
    fresh.restore(backup_file, workspace.recovery_code)
    fresh.unlock(PASSPHRASE)
    fresh.lock()


def corrupt_member(source: Path, target: Path, name: str, offset: int) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = bytearray(old.read(item.filename))
            if item.filename == name:
                data[offset % len(data)] ^= 0xFF
            new.writestr(item, bytes(data))


def bad_files(backup_file: Path, tmp_path: Path) -> dict[str, tuple[Path, type[Exception]]]:
    files: dict[str, tuple[Path, type[Exception]]] = {}

    random_bytes = tmp_path / "random.bdbak"
    random_bytes.write_bytes(b"\x00\x01garbage" * 1000)
    files["random bytes"] = (random_bytes, NotABackupError)

    plain_sqlite = tmp_path / "plain.db"
    connection = sqlite3.connect(plain_sqlite)
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    files["a plain SQLite file"] = (plain_sqlite, NotABackupError)

    other_zip = tmp_path / "photos.zip"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("photo.jpg", b"jpeg")
    files["another zip"] = (other_zip, NotABackupError)

    truncated = tmp_path / "truncated.bdbak"
    truncated.write_bytes(backup_file.read_bytes()[: backup_file.stat().st_size // 2])
    files["truncated"] = (truncated, (NotABackupError, BackupCorruptError))  # type: ignore[assignment]

    for offset in (100, 5000, -20):
        flipped = tmp_path / f"flipped{offset}.bdbak"
        corrupt_member(backup_file, flipped, "branchdesk.db", offset)
        files[f"database byte {offset} flipped"] = (flipped, BackupCorruptError)

    keys_broken = tmp_path / "keys.bdbak"
    corrupt_member(backup_file, keys_broken, "branchdesk.keys", 10)
    files["key file damaged"] = (keys_broken, BackupCorruptError)

    # A consistent-looking file whose hash was updated after tampering: the key/HMAC catches it.
    rehashed = tmp_path / "rehashed.bdbak"
    with zipfile.ZipFile(backup_file) as old:
        db = bytearray(old.read("branchdesk.db"))
        db[len(db) // 2] ^= 0x01
        manifest = json.loads(old.read("manifest.json"))
        import hashlib

        manifest["sha256"] = hashlib.sha256(db).hexdigest()
        with zipfile.ZipFile(rehashed, "w") as new:
            new.writestr("manifest.json", json.dumps(manifest))
            new.writestr("branchdesk.keys", old.read("branchdesk.keys"))
            new.writestr("branchdesk.db", bytes(db))
    files["tampered with a matching hash"] = (rehashed, BackupCorruptError)

    files["missing file"] = (tmp_path / "nope.bdbak", FileAccessError)
    return files


def test_bad_files_are_refused_and_change_nothing(workspace, backup_file, tmp_path, data_dir):
    rename_branch(workspace, CHANGED)
    before = None
    for label, (path, expected) in bad_files(backup_file, tmp_path).items():
        if before is None:
            workspace.lock()
            before = snapshot(data_dir)
            workspace.unlock(PASSPHRASE)
        with pytest.raises(expected):
            workspace.restore(path)
        assert workspace.is_unlocked, label
        workspace.lock()
        assert snapshot(data_dir) == before, label
        workspace.unlock(PASSPHRASE)
    assert current_profile(workspace) == CHANGED
    assert not list(data_dir.glob(".restore-*"))
    assert not (data_dir / "replaced").exists()


def test_backup_of_another_database_is_refused(workspace, tmp_path, data_dir):
    other = Workspace(tmp_path / "other", keyring=None, kdf=FAST_KDF)
    other.create(BranchProfile("另一个支部", "BR-9", "某委", "赵六"), PASSPHRASE)
    foreign = tmp_path / "other.bdbak"
    other.backup(foreign)
    other.lock()
    with pytest.raises(BackupFromOtherDatabaseError):
        workspace.restore(foreign, PASSPHRASE)
    assert current_profile(workspace) == PROFILE


def test_cancelled_backup_leaves_no_file(workspace, tmp_path, data_dir):
    target = tmp_path / "cancelled.bdbak"
    with pytest.raises(CancelledError):
        workspace.backup(target, cancelled=lambda: True)
    assert not target.exists()
    assert not list(tmp_path.glob("*.partial"))
    assert not list(data_dir.glob(".backup-*"))


def test_backup_reports_progress_and_refuses_a_missing_folder(workspace, tmp_path):
    seen: list[tuple[int, int]] = []
    workspace.backup(tmp_path / "ok.bdbak", progress=lambda done, total: seen.append((done, total)))
    assert seen
    assert seen[-1][0] == seen[-1][1] > 0
    with pytest.raises(FileAccessError):
        workspace.backup(tmp_path / "no" / "such" / "folder.bdbak")


def test_an_interrupted_restore_is_completed_at_next_start(workspace, backup_file, data_dir,
                                                           make_workspace, monkeypatch):
    import app.storage.staging as staging

    rename_branch(workspace, CHANGED)

    def die(_data_dir: Path) -> None:
        raise SystemExit("power cut")

    monkeypatch.setattr(staging, "finish_pending", die)
    with pytest.raises(SystemExit):
        staging.move_into_place(data_dir, _staged(workspace, backup_file, data_dir), False)
    monkeypatch.undo()
    assert (data_dir / "restore-pending.json").exists()
    ws = make_workspace()
    assert not (data_dir / "restore-pending.json").exists()
    assert not list(data_dir.glob(".restore-*"))
    ws.unlock(PASSPHRASE)
    assert current_profile(ws) == PROFILE
    ws.lock()


def _staged(workspace: Workspace, backup_file: Path, data_dir: Path) -> Path:
    import app.storage.backup as backup_module

    staging = data_dir / ".restore-test"
    staging.mkdir()
    backup_module._unpack(backup_file, staging)
    workspace.lock()
    return staging
