"""The workspace: one branch's encrypted database in one data folder, locked or unlocked.

This is the object the UI and the command line hold. It opens and closes the database, manages the
key slots, and hands out units of work for the other services. ``main.py`` builds it; tests build
it over a temporary folder with an in-memory keyring.
"""

from __future__ import annotations

import importlib
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.domain.branch_kind import BranchKind
from app.domain.passphrase import MINIMUM_LENGTH
from app.errors import (
    DatabaseExistsError,
    DatabaseLockedError,
    DatabaseNotFoundError,
    WeakPassphraseError,
)
from app.storage import staging

if TYPE_CHECKING:
    from app.storage.backup import RestoreResult
    from app.storage.keyslots import KdfParams, KeyringPort
    from app.storage.unit_of_work import UnitOfWork
    from app.storage.vault import CheckReport, Vault

# The window starts before SQLAlchemy and the key-slot cryptography are imported (issue 14): the
# storage modules are imported when the database is first opened, and the types this module hands
# out are imported from their modules on first use (``__getattr__`` below).
_STORAGE_NAMES = {
    "RestoreResult": "app.storage.backup",
    "KdfParams": "app.storage.keyslots",
    "KeyringPort": "app.storage.keyslots",
    "UnitOfWork": "app.storage.unit_of_work",
    "CheckReport": "app.storage.vault",
}

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Reports ``(done, total)``; total may be 0 when unknown."""

Cancelled = Callable[[], bool]
"""Returns True when the user asked to stop."""


@dataclass(frozen=True)
class BranchProfile:
    """The branch this database belongs to, as entered in the setup wizard."""

    name: str
    code: str
    higher_org: str
    secretary: str
    committee: str = ""  # 支委委员: the committee members' names (and posts), as written
    # The committee's term (支部工作条例 第二十一条): 3 years, 5 for 村 and 社区 branches
    # by the branch's kind; the day it was elected (the last 换届).
    kind: BranchKind = BranchKind.GENERAL
    committee_elected_on: date | None = None


@dataclass(frozen=True)
class DerivedKey:
    """A database key unwrapped by ``Workspace.derive_key``, not used yet (``open_with``)."""

    key: bytes = field(repr=False)
    opened_by: str  # "passphrase" | "recovery"


class Workspace:
    """One data folder. Starts locked; every data operation needs ``unlock`` first."""

    def __init__(
        self,
        data_dir: Path,
        keyring: KeyringPort | None = None,
        clock: Callable[[], float] | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        """``keyring`` is the OS credential store (the ``keyring`` module) or None where there is
        none; ``clock`` (monotonic seconds) and ``kdf`` (scrypt cost, default ``DEFAULT_KDF``)
        are for tests."""
        self.data_dir = Path(data_dir)
        self.keyring = keyring
        self._clock = clock
        self._kdf = kdf
        self._opened_vault: Vault | None = None
        removed = staging.tidy(self.data_dir)
        if removed:
            log.info("removed %d leftovers of interrupted work from the data folder", len(removed))

    @property
    def _vault(self) -> Vault:
        """The vault, built (and the storage modules imported) on first use."""
        if self._opened_vault is None:
            from app.storage.keyslots import DEFAULT_KDF
            from app.storage.vault import Vault

            self._opened_vault = Vault(self.data_dir, keyring=self.keyring, clock=self._clock,
                                       kdf=self._kdf or DEFAULT_KDF)
        return self._opened_vault

    # ---------------------------------------------------------------- state
    def exists(self) -> bool:
        """True when the folder holds a database (set up before)."""
        return (self.data_dir / staging.DB_NAME).exists()

    @property
    def is_unlocked(self) -> bool:
        return self._opened_vault is not None and self._opened_vault.is_unlocked

    @property
    def database_id(self) -> str:
        """This database's id (stable across passphrase changes; used to name keyring entries)."""
        return self._vault.database_id

    # ---------------------------------------------------------------- setup and unlock
    def create(
        self,
        profile: BranchProfile,
        passphrase: str,
        populate: Callable[[UnitOfWork], object] | None = None,
    ) -> str:
        """Create the database, its key slots and the branch profile; leave it unlocked.

        ``populate`` adds more initial data (the sample data of ``demo``) in the same
        transaction as the profile. The database appears in the data folder complete or not at
        all: a crash before the end leaves nothing that stops ``init`` or the wizard.
        Returns the recovery code, to be shown to the user exactly once.
        Raises DatabaseExistsError if a database is already there (never overwritten),
        WeakPassphraseError if the passphrase is shorter than the minimum.
        """
        if self.exists():
            raise DatabaseExistsError(self.data_dir)
        _require_strong(passphrase)
        from app.services import branch

        def fill(staged: Vault) -> None:
            with staged.unit_of_work() as uow:
                branch.save_profile(uow, profile, action="setup")
                if populate is not None:
                    populate(uow)
                uow.commit()

        return self._vault.create(passphrase, fill)

    def unlock(self, passphrase: str) -> None:
        """Open the database with a passphrase.

        Raises WrongPassphraseError (with the failure count and the delay before the next try),
        UnlockThrottledError if called before that delay has passed, DatabaseNotFoundError.
        """
        self._vault.unlock_with_passphrase(passphrase)

    def unlock_with_recovery_code(self, code: str) -> None:
        """Open the database with the recovery code (spaces, dashes and case are ignored)."""
        self._vault.unlock_with_recovery_code(code)

    def load_storage(self) -> None:
        """Import the storage (SQLAlchemy, the models, the key slots) now, on this thread: before
        ``derive_key`` runs on another one. Otherwise done by the first call that needs it."""
        _ = self._vault

    def derive_key(self, secret: str, recovery: bool = False) -> DerivedKey:
        """The slow half of ``unlock`` (or, with ``recovery``, ``unlock_with_recovery_code``): the
        key derivation (scrypt, about 0.3 s), which may run off the GUI thread. ``open_with``
        then opens the database on the thread that uses it. Raises as the unlock does."""
        kind = "recovery" if recovery else "passphrase"
        return DerivedKey(self._vault.key_for(secret, kind), kind)

    def open_with(self, derived: DerivedKey) -> None:
        """Open the database with a key from ``derive_key``."""
        self._vault.unlock_with_key(derived.key, derived.opened_by)

    def unlock_with_secret(self, secret: str) -> None:
        """Open with the passphrase or the recovery code, whichever ``secret`` is.

        Raises WrongSecretError (a WrongPassphraseError) when it is neither.
        """
        self._vault.unlock_with_secret(secret)

    @property
    def unlocked_with_recovery_code(self) -> bool:
        """True after an unlock with the recovery code, until a new passphrase is set: the
        window then asks for one (``set_new_passphrase``)."""
        return self._vault.opened_with_recovery_code

    def unlock_from_this_pc(self) -> bool:
        """Open with the key remembered in the OS credential store.

        Returns False (never raises) when nothing is remembered, the store is unavailable,
        or the remembered key does not fit: the caller then asks for the passphrase.
        """
        return self._vault.unlock_from_keyring()

    def dashboard_from_this_pc(self, day: date) -> str | None:
        """工作台 as last shown, if the key is remembered on this PC and the copy kept in the
        database is provably current for ``day`` (``app.storage.dashboard_cache``); else None.

        For the start (issue 14): reads the key-slot file's database id, asks the credential
        store and reads with the raw driver, importing neither SQLAlchemy, the models nor the
        key-slot cryptography. The data stays locked. Never raises."""
        if self.keyring is None or not self.remembered_on_this_pc:
            return None
        try:
            slots = json.loads((self.data_dir / staging.KEYS_NAME).read_text(encoding="utf-8"))
            stored = self.keyring.get_password(staging.KEYRING_SERVICE,
                                               str(slots["database_id"]))
            if not stored:
                return None
            from app.storage import dashboard_cache

            return dashboard_cache.read(self.data_dir / staging.DB_NAME, bytes.fromhex(stored),
                                        day)
        except Exception:  # any failure: open the data the usual way
            log.info("工作台 not read from the kept copy", exc_info=True)
            return None

    def lock(self) -> None:
        """Drop the key and close every connection. Safe to call when already locked."""
        if self._opened_vault is not None:
            self._opened_vault.lock()

    # ---------------------------------------------------------------- key management
    def change_passphrase(self, current: str, new: str) -> str:
        """Rewrap the database key under a new passphrase (no re-encryption). Needs unlocked.

        ``current`` is the passphrase or the recovery code (for a forgotten passphrase); returns
        which one it was ("passphrase" or "recovery").
        Raises WrongSecretError if it is neither, UnlockThrottledError, WeakPassphraseError.
        """
        self._require_unlocked()
        _require_strong(new)
        opened_with = self._vault.change_passphrase(current, new)
        with self.unit_of_work() as uow:
            uow.audit("passphrase.change", "key_slots", "passphrase", {"with": opened_with})
            uow.commit()
        return opened_with

    def set_new_passphrase(self, new: str) -> None:
        """After an unlock with the recovery code: replace the forgotten passphrase without
        asking for the code again. Raises PassphraseRequiredError when the data was not unlocked
        with the recovery code (``change_passphrase`` then needs the current secret),
        WeakPassphraseError."""
        self._require_unlocked()
        _require_strong(new)
        self._vault.reset_passphrase(new)
        with self.unit_of_work() as uow:
            uow.audit("passphrase.change", "key_slots", "passphrase", {"with": "recovery"})
            uow.commit()

    def new_recovery_code(self) -> str:
        """Replace the recovery slot; the old code stops working. Returns the new code."""
        code = self._vault.new_recovery_code()
        with self.unit_of_work() as uow:
            uow.audit("recovery_code.replace", "key_slots", "recovery")
            uow.commit()
        return code

    @property
    def remembered_on_this_pc(self) -> bool:
        """True when the key is kept in the OS credential store for this database (as far as
        this PC's marker file says: the store itself is asked only by ``unlock_from_this_pc``)."""
        return (self.data_dir / staging.REMEMBER_NAME).exists()

    def set_remember_on_this_pc(self, enabled: bool) -> None:
        """Keep or forget the key in the OS credential store. Raises KeyringUnavailableError."""
        self._vault.set_remember_in_keyring(enabled)
        with self.unit_of_work() as uow:
            uow.audit("keyring.remember" if enabled else "keyring.forget", "key_slots", "keyring")
            uow.commit()

    # ---------------------------------------------------------------- data access
    def unit_of_work(self, read_only: bool = False) -> UnitOfWork:
        """A fresh unit of work (``with uow: ...; uow.commit()``). Raises DatabaseLockedError.

        ``read_only`` for work that only reads: it neither takes nor waits for the write lock
        (a sync writing at the same time does not hold it up)."""
        return self._vault.unit_of_work(read_only=read_only)

    # ---------------------------------------------------------------- maintenance
    def check(self) -> CheckReport:
        """Integrity check, SQLCipher page check and audit-chain verification."""
        return self._vault.check()

    def backup(
        self,
        target: Path,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> None:
        """Write an encrypted, consistent backup to ``target`` (allowed while in use).

        The file is written beside ``target`` first and renamed when complete; the backup is
        recorded in the audit log. Raises FileAccessError, CancelledError (nothing left behind).
        """
        self._require_unlocked()
        from app.storage import backup as backup_files

        backup_files.write_backup(self._vault, Path(target), progress, cancelled)

    def restore(
        self, source: Path, passphrase: str | None = None, stay_unlocked: bool = False
    ) -> RestoreResult:
        """Replace the database with a backup, after verifying it completely.

        The backup is opened with this database's key when it is from the same database, or with
        ``passphrase`` (the passphrase that was valid when it was made) otherwise. It must pass
        ``check`` before anything is replaced; the replaced database is moved to
        ``<data_dir>/replaced/<timestamp>/``. Leaves the workspace locked, or unlocked with
        ``stay_unlocked`` (the setup wizard: the passphrase was just typed, not asked again;
        ``unlocked_with_recovery_code`` tells whether it was the recovery code).
        Raises NotABackupError, BackupCorruptError, BackupFromOtherDatabaseError,
        WrongPassphraseError, FileAccessError.
        """
        from app.storage import backup as backup_files

        return backup_files.restore_backup(self._vault, Path(source), passphrase, stay_unlocked)

    def _require_unlocked(self) -> None:
        if not self.exists():
            raise DatabaseNotFoundError(self.data_dir)
        if not self.is_unlocked:
            raise DatabaseLockedError()


def __getattr__(name: str) -> Any:
    if name in _STORAGE_NAMES:
        return getattr(importlib.import_module(_STORAGE_NAMES[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _require_strong(passphrase: str) -> None:
    if len(passphrase) < MINIMUM_LENGTH:
        raise WeakPassphraseError(MINIMUM_LENGTH)


__all__ = [
    "BranchProfile",
    "Cancelled",
    "CheckReport",
    "DerivedKey",
    "KdfParams",
    "KeyringPort",
    "Progress",
    "RestoreResult",
    "UnitOfWork",
    "Workspace",
]
