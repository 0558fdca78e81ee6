"""Backup files and restore.

A backup is a zip (stored, not compressed: the content is encrypted) holding
    manifest.json      format, version, database id, schema revision, time, size and SHA-256
    branchdesk.keys    the key slots as they were (so a backup opens on a new PC)
    branchdesk.db      a consistent copy of the encrypted database (SQLite online backup API)
Nothing in it is readable without the passphrase or the recovery code.

Restore verifies everything (hash, key, integrity, cipher pages, audit chain) on a staged copy
before it replaces anything; the replaced database is moved to ``replaced/<time>/``. The copy is
staged and moved into place as ``staging`` describes: resumable if the PC dies half-way, removed
at the next start if the restore was killed before it was verified.
"""

from __future__ import annotations

import hashlib
import json
import logging
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import (
    BackupCorruptError,
    BackupFromOtherDatabaseError,
    CancelledError,
    FileAccessError,
    KeySlotsCorruptError,
    KeySlotsMissingError,
    NotABackupError,
    PassphraseRequiredError,
    WrongPassphraseError,
)
from app.files import replacing
from app.storage import audit, migrate, staging
from app.storage.engine import DatabaseError, connect, make_engine, quick_check
from app.storage.ids import utc_iso
from app.storage.keyslots import KeySlots
from app.storage.models import BranchRow, Setting
from app.storage.vault import DATABASE_ID_KEY, DB_NAME, KEYS_NAME, Vault

log = logging.getLogger(__name__)

FORMAT = "branchdesk-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PAGES_PER_STEP = 256


@dataclass(frozen=True)
class RestoreResult:
    """Where the replaced database was put aside (None if there was none) and whose data it is."""

    set_aside: Path | None
    branch_name: str


# ---------------------------------------------------------------- backup
def write_backup(
    vault: Vault,
    target: Path,
    progress: Any = None,
    cancelled: Any = None,
) -> None:
    """Write a backup of the unlocked ``vault`` to ``target`` (see module docstring)."""
    key = vault.current_key()
    if not target.parent.is_dir():
        raise FileAccessError(target.parent, "not_found")
    with staging.staging_folder(vault.data_dir, "backup") as folder:
        snapshot = folder / DB_NAME
        _snapshot(vault, key, snapshot, progress, cancelled)
        manifest = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "database_id": vault.database_id,
            "schema": migrate.HEAD,
            "created_at": utc_iso(),
            "size": snapshot.stat().st_size,
            "sha256": _sha256(snapshot),
        }
        try:
            with replacing(target) as out:
                with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_STORED) as archive:
                    archive.writestr(MANIFEST, json.dumps(manifest, indent=2))
                    archive.write(vault.keys_path, KEYS_NAME)
                    archive.write(snapshot, DB_NAME)
                if cancelled is not None and cancelled():
                    raise CancelledError()
        except OSError as error:
            raise FileAccessError.from_os_error(target, error) from error
    with vault.unit_of_work() as uow:
        uow.audit("backup.create", "database", vault.database_id, {"file": str(target)})
        uow.commit()


def _snapshot(vault: Vault, key: bytes, snapshot: Path, progress: Any, cancelled: Any) -> None:
    def step(_status: int, remaining: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise CancelledError()
        if progress is not None:
            progress(total - remaining, total)

    source = vault.engine.raw_connection()
    destination = connect(snapshot, key, tuned=False)
    try:
        source.driver_connection.backup(  # type: ignore[union-attr]
            destination, pages=PAGES_PER_STEP, progress=step, sleep=0
        )
        destination.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        destination.close()
        source.close()


# ---------------------------------------------------------------- restore
def restore_backup(
    vault: Vault, source: Path, passphrase: str | None, stay_unlocked: bool = False
) -> RestoreResult:
    staging.finish_pending(vault.data_dir)
    vault.data_dir.mkdir(parents=True, exist_ok=True)
    with staging.staging_folder(vault.data_dir, "restore") as staged:
        manifest = _unpack(source, staged)
        slots = _staged_slots(source, staged)
        if slots.database_id != manifest.get("database_id"):
            raise BackupCorruptError(source)
        same_database = _same_database(vault, slots.database_id)
        if vault.exists() and same_database is False:
            raise BackupFromOtherDatabaseError(source)
        key, opened_by = _restore_key(vault, slots, same_database, passphrase)
        branch_name = _verify_staged(source, staged / DB_NAME, key, slots.database_id)
        keep_current_keys = bool(same_database) and vault.keys_path.exists()
        vault.lock()
        set_aside = staging.move_into_place(vault.data_dir, staged, with_keys=not keep_current_keys)
    vault.unlock_with_key(key, opened_by)
    try:
        with vault.unit_of_work() as uow:
            uow.audit("backup.restore", "database", slots.database_id, {"file": str(source)})
            uow.commit()
    except BaseException:
        vault.lock()
        raise
    if not stay_unlocked:
        vault.lock()
    return RestoreResult(set_aside=set_aside, branch_name=branch_name)


def _unpack(source: Path, staging: Path) -> dict[str, Any]:
    try:
        if not source.is_file():
            raise FileAccessError(source, "not_found")
        if not zipfile.is_zipfile(source):
            raise NotABackupError(source)
        with zipfile.ZipFile(source) as archive:
            try:
                manifest = json.loads(archive.read(MANIFEST))
            except (KeyError, ValueError) as error:
                raise NotABackupError(source) from error
            if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
                raise NotABackupError(source)
            if int(manifest.get("version", 0)) > FORMAT_VERSION:
                raise BackupCorruptError(source)
            for name in (KEYS_NAME, DB_NAME):
                with archive.open(name) as member, (staging / name).open("wb") as out:
                    shutil.copyfileobj(member, out)
    except (zipfile.BadZipFile, KeyError, EOFError, ValueError, TypeError) as error:
        raise BackupCorruptError(source) from error
    except OSError as error:
        raise FileAccessError.from_os_error(source, error) from error
    if _sha256(staging / DB_NAME) != manifest.get("sha256"):
        raise BackupCorruptError(source)
    return manifest


def _staged_slots(source: Path, staging: Path) -> KeySlots:
    try:
        return KeySlots.load(staging / KEYS_NAME)
    except KeySlotsCorruptError as error:
        raise BackupCorruptError(source) from error


def _same_database(vault: Vault, database_id: str) -> bool | None:
    """True/False when the current database's id is known, None when there is none to compare."""
    if not vault.exists():
        return None
    try:
        return vault.database_id == database_id
    except (KeySlotsMissingError, KeySlotsCorruptError):
        return None


def _restore_key(
    vault: Vault, slots: KeySlots, same_database: bool | None, passphrase: str | None
) -> tuple[bytes, str]:
    """The key, and what opened it: "key" (this database's own), "passphrase" or "recovery"."""
    if same_database and vault.is_unlocked:
        return vault.current_key(), "key"
    if passphrase is None:
        raise PassphraseRequiredError()
    candidates = [slots]
    if same_database:
        candidates.append(KeySlots.load(vault.keys_path))
    for candidate in candidates:
        key, kind = candidate.open_either(passphrase)
        if key is not None:
            return key, kind
    raise WrongPassphraseError(failures=0, retry_after=0.0)


def _verify_staged(source: Path, staged: Path, key: bytes, database_id: str) -> str:
    """Open the staged copy and run every check; returns the branch name."""
    try:
        connection = connect(staged, key, tuned=False)
        try:
            integrity_ok, cipher_ok = quick_check(connection)
        finally:
            connection.close()
        engine = make_engine(staged, lambda: key)
        try:
            migrate.needs_upgrade(engine)  # raises for a database newer than this app
            with Session(engine) as session:
                chain = audit.verify(session)
                stored_id = session.scalar(
                    select(Setting.value).where(Setting.key == DATABASE_ID_KEY)
                )
                branch = session.scalars(select(BranchRow.name)).first() or ""
        finally:
            engine.dispose()
    except DatabaseError as error:
        raise BackupCorruptError(source) from error
    if not (integrity_ok and cipher_ok and chain.ok and stored_id == database_id):
        log.warning(
            "backup failed verification: integrity=%s cipher=%s audit=%s id_match=%s",
            integrity_ok, cipher_ok, chain.ok, stored_id == database_id,
        )
        raise BackupCorruptError(source)
    for suffix in ("-wal", "-shm"):
        Path(f"{staged}{suffix}").unlink(missing_ok=True)
    return branch


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()

