"""The encrypted database in one data folder: create, unlock, lock, key slots, check.

Files in the data folder:
    branchdesk.db (+ -wal, -shm)   the SQLCipher database
    branchdesk.keys                the key slots (keys.json format, see keyslots.py)
    unlock-attempts.json           wrong-attempt counter for the growing delay
    remembered-on-this-pc          empty marker: the key is in this PC's credential store
    replaced/<time>/               databases that a restore replaced, kept aside
    restore-pending.json, .create-*/, .restore-*/, .backup-*/   see staging.py
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from app.errors import (
    DatabaseExistsError,
    DatabaseLockedError,
    DatabaseNotFoundError,
    DatabaseUnreadableError,
    KeyringUnavailableError,
    KeySlotsMissingError,
    PassphraseRequiredError,
    UnlockThrottledError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
    WrongSecretError,
)
from app.storage import audit, migrate, staging
from app.storage.engine import DatabaseError, connect, make_engine, quick_check
from app.storage.ids import uuid7
from app.storage.keyslots import (
    DEFAULT_KDF,
    KEYRING_SERVICE,
    KdfParams,
    KeyringPort,
    KeySlots,
    new_key,
    new_recovery_code,
    normalize_recovery_code,
)
from app.storage.models import Setting
from app.storage.throttle import UnlockThrottle
from app.storage.unit_of_work import UnitOfWork

log = logging.getLogger(__name__)

DB_NAME = staging.DB_NAME
KEYS_NAME = staging.KEYS_NAME
ATTEMPTS_NAME = "unlock-attempts.json"
REMEMBER_NAME = staging.REMEMBER_NAME
DATABASE_ID_KEY = "database_id"


@dataclass(frozen=True)
class CheckReport:
    """Result of ``Vault.check``: each check and the first problem it found."""

    integrity_ok: bool
    cipher_ok: bool
    audit_ok: bool
    audit_entries: int
    audit_first_bad_seq: int | None

    @property
    def ok(self) -> bool:
        return self.integrity_ok and self.cipher_ok and self.audit_ok


class Vault:
    def __init__(
        self,
        data_dir: Path,
        keyring: KeyringPort | None = None,
        clock: Callable[[], float] | None = None,
        kdf: KdfParams = DEFAULT_KDF,
        actor: str = "user",
    ) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_NAME
        self.keys_path = data_dir / KEYS_NAME
        self.remember_marker = data_dir / REMEMBER_NAME
        self._keyring = keyring
        self._kdf = kdf
        self.actor = actor
        self._throttle = UnlockThrottle(data_dir / ATTEMPTS_NAME, clock or time.time)
        self._key: bytearray | None = None
        self._engine: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._database_id: str | None = None
        self._opened_by: str | None = None  # "passphrase" | "recovery" | "keyring" | "key"

    # ---------------------------------------------------------------- state
    def exists(self) -> bool:
        return self.db_path.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    @property
    def database_id(self) -> str:
        if self._database_id is None:
            self._database_id = self._load_slots().database_id
        return self._database_id

    def current_key(self) -> bytes:
        if self._key is None:
            raise DatabaseLockedError()
        return bytes(self._key)

    @property
    def opened_with_recovery_code(self) -> bool:
        """True while the database is open because the recovery code was typed (not reset by a
        new passphrase: see ``reset_passphrase``)."""
        return self.is_unlocked and self._opened_by == "recovery"

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise DatabaseLockedError()
        return self._engine

    # ---------------------------------------------------------------- create
    def create(self, passphrase: str, fill: Callable[[Vault], None] | None = None) -> str:
        """Create the database and its key slots; ``fill`` (given the new database, unlocked)
        adds the initial data. All of it is built in a staging folder and moved into place at
        once (``staging``): a kill at any moment leaves either no database or a complete one.
        Leaves the vault unlocked; returns the recovery code."""
        if self.exists():
            raise DatabaseExistsError(self.data_dir)
        key = new_key()
        recovery_code = new_recovery_code()
        slots = KeySlots(database_id=uuid7())
        slots.add("passphrase", passphrase, key, self._kdf)
        slots.add("recovery", normalize_recovery_code(recovery_code), key, self._kdf)
        with staging.staging_folder(self.data_dir, "create") as folder:
            staged = Vault(folder, kdf=self._kdf, actor=self.actor)
            try:
                connect(staged.db_path, key).close()  # creates the encrypted file
                staged._open(key, database_id=slots.database_id)
                with staged.unit_of_work() as uow:
                    uow.session.add(Setting(key=DATABASE_ID_KEY, value=slots.database_id))
                    uow.audit("database.create", "database", slots.database_id)
                    uow.commit()
                if fill is not None:
                    fill(staged)
            finally:
                staged.lock()
            _fold_journal(staged.db_path, key)
            slots.save(staged.keys_path)
            if self.exists():  # another process set this folder up meanwhile
                raise DatabaseExistsError(self.data_dir)
            staging.move_into_place(self.data_dir, folder, with_keys=True)
        self._throttle.reset()
        self._open(key, slots.database_id)
        return recovery_code

    # ---------------------------------------------------------------- unlock and lock
    def unlock_with_passphrase(self, passphrase: str) -> None:
        self.unlock_with_key(self.key_for(passphrase, "passphrase"), "passphrase")

    def unlock_with_recovery_code(self, code: str) -> None:
        self.unlock_with_key(self.key_for(code, "recovery"), "recovery")

    def key_for(self, secret: str, kind: str) -> bytes:
        """The key that the passphrase (``kind`` "passphrase") or the recovery code ("recovery")
        unwraps: the slow half of an unlock (scrypt), touching no connection, so it may run on
        another thread than the one that then opens the database (``unlock_with_key``).
        A wrong secret counts and waits as an unlock does."""
        slots = self._before_unlock()
        recovery = kind == "recovery"
        key = slots.open(kind, normalize_recovery_code(secret) if recovery else secret)
        if key is None:
            failures, delay = self._throttle.record_failure()
            if recovery:
                raise WrongRecoveryCodeError(failures, delay)
            raise WrongPassphraseError(failures, delay)
        self._throttle.reset()
        return key

    def unlock_with_secret(self, secret: str) -> None:
        """Open with the passphrase or, failing that, the recovery code (the command line asks
        for "the passphrase or the recovery code"). One wrong secret counts as one failure."""
        slots, key, kind = self._key_for_secret(secret)
        self._open(key, slots.database_id, opened_by=kind)

    def unlock_from_keyring(self) -> bool:
        """Open with the key kept in the OS credential store, if the user chose that on this PC.

        The store is not even asked unless the marker file says the key was remembered here
        (asking can cost a D-Bus round trip or a password prompt of its own).
        """
        if self._keyring is None or not self.exists() or not self.remember_marker.exists():
            return False
        try:
            slots = self._load_slots()
            stored = self._keyring.get_password(KEYRING_SERVICE, slots.database_id)
            if not stored:
                self.remember_marker.unlink(missing_ok=True)  # the entry is gone for good
                return False
            self._open(bytes.fromhex(stored), slots.database_id, opened_by="keyring")
        except Exception:  # any keyring backend failure or a stale key: ask for the passphrase
            log.warning("unlock from the credential store failed; asking for the passphrase")
            self.lock()
            return False
        return True

    def unlock_with_key(self, key: bytes, opened_by: str = "key") -> None:
        """Open with a key already known (after a verified restore, opened by ``opened_by``:
        "passphrase", "recovery" or "key")."""
        self._open(key, self._load_slots().database_id, opened_by)

    def lock(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        self._engine = None
        self._sessions = None
        if self._key is not None:
            for i in range(len(self._key)):
                self._key[i] = 0
        self._key = None
        self._opened_by = None

    def _before_unlock(self) -> KeySlots:
        if not self.exists():
            raise DatabaseNotFoundError(self.data_dir)
        wait = self._throttle.wait_remaining()
        if wait > 0:
            raise UnlockThrottledError(wait)
        return self._load_slots()

    def _key_for_secret(self, secret: str) -> tuple[KeySlots, bytes, str]:
        """The slots, the key and the kind of slot ``secret`` opens; counts and waits like an
        unlock."""
        slots = self._before_unlock()
        key, kind = slots.open_either(secret)
        if key is None:
            failures, delay = self._throttle.record_failure()
            raise WrongSecretError(failures, delay)
        self._throttle.reset()
        return slots, key, kind

    def _load_slots(self) -> KeySlots:
        if not self.keys_path.exists():
            raise KeySlotsMissingError()
        return KeySlots.load(self.keys_path)

    def _open(self, key: bytes, database_id: str, opened_by: str = "key") -> None:
        self.lock()
        self._database_id = None
        self._key = bytearray(key)
        self._database_id = database_id
        engine = make_engine(self.db_path, self.current_key)
        try:
            if migrate.needs_upgrade(engine):
                migrate.upgrade(engine)
        except DatabaseError as error:
            engine.dispose()
            self.lock()
            raise DatabaseUnreadableError() from error
        except BaseException:
            engine.dispose()
            self.lock()
            raise
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self._opened_by = opened_by

    # ---------------------------------------------------------------- key slots
    def change_passphrase(self, current: str, new: str) -> str:
        """Rewrap the key under ``new``; ``current`` is the passphrase or the recovery code
        (the way back when the passphrase is forgotten). Counts and waits like an unlock.
        Returns which one it was: "passphrase" or "recovery"."""
        slots, key, kind = self._key_for_secret(current)
        self._wrap_passphrase(slots, key, new)
        return kind

    def reset_passphrase(self, new: str) -> None:
        """Set a new passphrase right after an unlock with the recovery code, which proved the
        right to it (the code is not asked for again). Afterwards the session counts as opened
        by passphrase, so this works once per recovery."""
        if not self.opened_with_recovery_code:
            raise PassphraseRequiredError()
        self._wrap_passphrase(self._load_slots(), self.current_key(), new)
        self._opened_by = "passphrase"

    def _wrap_passphrase(self, slots: KeySlots, key: bytes, new: str) -> None:
        slots.remove("passphrase")
        slots.add("passphrase", new, key, self._kdf)
        slots.save(self.keys_path)

    def new_recovery_code(self) -> str:
        key = self.current_key()
        slots = self._load_slots()
        code = new_recovery_code()
        slots.remove("recovery")
        slots.add("recovery", normalize_recovery_code(code), key, self._kdf)
        slots.save(self.keys_path)
        return code

    def set_remember_in_keyring(self, enabled: bool) -> None:
        key = self.current_key()
        if self._keyring is None:
            raise KeyringUnavailableError()
        try:
            if enabled:
                self._keyring.set_password(KEYRING_SERVICE, self.database_id, key.hex())
                self.remember_marker.touch()
            else:
                self.remember_marker.unlink(missing_ok=True)
                if self._keyring.get_password(KEYRING_SERVICE, self.database_id):
                    self._keyring.delete_password(KEYRING_SERVICE, self.database_id)
        except Exception as error:  # keyring.errors.KeyringError and backend-specific failures
            raise KeyringUnavailableError() from error

    # ---------------------------------------------------------------- work and checks
    def unit_of_work(self, actor: str | None = None, read_only: bool = False) -> UnitOfWork:
        if self._sessions is None:
            raise DatabaseLockedError()
        return UnitOfWork(
            self._sessions, node=self.database_id[-12:], actor=actor or self.actor,
            read_only=read_only,
        )

    def check(self) -> CheckReport:
        raw = self.engine.raw_connection()
        try:
            integrity_ok, cipher_ok = quick_check(raw.driver_connection)
        finally:
            raw.close()
        with Session(self.engine) as session:
            chain = audit.verify(session)
            stored_id = session.scalar(
                select(Setting.value).where(Setting.key == DATABASE_ID_KEY)
            )
        if stored_id != self.database_id:
            integrity_ok = False
        return CheckReport(
            integrity_ok=integrity_ok,
            cipher_ok=cipher_ok,
            audit_ok=chain.ok,
            audit_entries=chain.entries,
            audit_first_bad_seq=chain.first_bad_seq,
        )


def _fold_journal(path: Path, key: bytes) -> None:
    """Leave the closed database at ``path`` as one file (its WAL checkpointed into it), so that
    it can be moved as one; the next ``connect`` turns WAL on again."""
    connection = connect(path, key, tuned=False)
    try:
        connection.execute("PRAGMA journal_mode = DELETE").fetchall()
    finally:
        connection.close()
