"""SQLCipher connections under SQLAlchemy.

The key never appears in a URL, a log line or an exception: connections are made by ``creator``,
which reads the key from the vault each time and sends it as a raw key (``x'…'``), so no KDF runs
per connection. Wrong keys surface as ``sqlcipher3.dbapi2.DatabaseError`` on the first read.

Transactions. The driver's own transaction handling is off (``isolation_level = None``) and the
``begin`` event emits BEGIN itself (SQLAlchemy's pysqlite notes). A transaction that may write
starts as a writer, ``BEGIN IMMEDIATE``: in WAL mode a transaction that read first and writes
later cannot wait for another writer (SQLite answers "database is locked" at once, whatever the
busy timeout, because its snapshot may be stale), while BEGIN IMMEDIATE waits up to
``BUSY_TIMEOUT_SECONDS`` for the write lock. A connection whose execution options carry
``READ_ONLY`` starts a plain (deferred) BEGIN under ``PRAGMA query_only``: it never takes the
write lock, never waits for a writer (WAL readers see the last commit), and a write in it fails.

Errors. The engine turns the driver's errors that a user can meet into typed ones (``app.errors``),
so no traceback reaches the window or the command line: a damaged file ("database disk image is
malformed", or "file is not a database" once the key was verified by its key slot) raises
``DatabaseDamaged``; a write lock still held after the timeout raises ``DatabaseBusy``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import ExceptionContext
from sqlalchemy.pool import QueuePool

from app.errors import DatabaseBusyError, DatabaseUnreadableError, FileAccessError

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
)
BUSY_TIMEOUT_SECONDS = 30.0
"""How long a writer waits for another one (another process, the sync) to finish."""

READ_ONLY = "branchdesk_read_only"
"""Execution option: this connection's transactions only read (see the module's notes)."""

DatabaseError = sqlcipher.DatabaseError

_DAMAGE_TEXTS = ("malformed", "file is not a database")
_BUSY_TEXTS = ("database is locked", "database is busy")


class DatabaseDamaged(DatabaseUnreadableError, sqlcipher.DatabaseError):  # noqa: N818
    """A damaged file: the user's error type, and still a driver ``DatabaseError`` for code that
    catches those (a staged backup that fails verification)."""


class DatabaseBusy(DatabaseBusyError, sqlcipher.OperationalError):  # noqa: N818
    """Another writer held the database longer than the busy timeout."""


def typed_error(error: BaseException) -> BaseException | None:
    """The typed error for a driver error a user can meet (damage, a lock held too long), or
    None for any other error (a bug: it stays as it is and reaches the log as a traceback)."""
    if isinstance(error, DatabaseDamaged | DatabaseBusy):
        return error
    if not isinstance(error, sqlcipher.DatabaseError):
        return None
    text = str(error).lower()
    code = getattr(error, "sqlite_errorcode", None)
    if code in (sqlcipher.SQLITE_CORRUPT, sqlcipher.SQLITE_NOTADB) or any(
        t in text for t in _DAMAGE_TEXTS
    ):
        return DatabaseDamaged(str(error))
    if code in (sqlcipher.SQLITE_BUSY, sqlcipher.SQLITE_LOCKED) or any(
        t in text for t in _BUSY_TEXTS
    ):
        return DatabaseBusy(str(error))
    return None


def connect(path: Path, key: bytes, tuned: bool = True) -> sqlcipher.Connection:
    """Open ``path`` with a raw 32-byte key, verify the key, and apply the pragmas.

    ``tuned=False`` skips the pragmas (WAL etc.), for short-lived copies such as backups.

    Raises ``sqlcipher3.dbapi2.DatabaseError`` ("file is not a database") when the key is wrong
    or the file is not an encrypted database.
    """
    connection = sqlcipher.connect(
        str(path), timeout=BUSY_TIMEOUT_SECONDS, check_same_thread=False
    )
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS if tuned else ():
            connection.execute(pragma).fetchall()
        connection.execute(f"PRAGMA busy_timeout = {round(BUSY_TIMEOUT_SECONDS * 1000)}")
    except BaseException:
        connection.close()
        raise
    return connection


def make_engine(path: Path, key_source: Callable[[], bytes]) -> Engine:
    """An engine whose connections are opened with the key ``key_source`` returns at that moment."""
    engine = create_engine(
        "sqlite://",
        creator=lambda: connect(path, key_source()),
        module=sqlcipher,
        poolclass=QueuePool,
        pool_size=2,
        max_overflow=4,
        hide_parameters=True,  # keeps stored values out of exception text and logs
    )

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection: sqlcipher.Connection, _record: object) -> None:
        # Let SQLAlchemy emit BEGIN itself (see SQLAlchemy's pysqlite notes on transactions).
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        read_only = bool(connection.get_execution_options().get(READ_ONLY, False))
        if connection.info.get(READ_ONLY, False) != read_only:
            connection.exec_driver_sql(f"PRAGMA query_only = {int(read_only)}")
            connection.info[READ_ONLY] = read_only
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    @event.listens_for(engine, "handle_error")
    def _typed(context: ExceptionContext) -> BaseException | None:
        error = context.original_exception
        connection = context.connection
        if (
            isinstance(error, sqlcipher.OperationalError)
            and "readonly database" in str(error)
            and connection is not None
            and not connection.info.get(READ_ONLY, False)
        ):
            # A writer refused: the file or its folder cannot be written, or SQLCipher stopped
            # writing after a page failed its check (a damaged file).
            if not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)):
                return FileAccessError(path, "permission_denied")
            return DatabaseDamaged(str(error))
        return typed_error(error)

    return engine


def quick_check(connection: sqlcipher.Connection) -> tuple[bool, bool]:
    """(integrity ok, cipher pages ok) for an open, keyed connection; a check that cannot even
    run through a damaged file counts as failed."""
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
    except sqlcipher.DatabaseError as error:
        if typed_error(error) is None:
            raise
        integrity = []
    try:
        cipher = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    except sqlcipher.DatabaseError as error:
        if typed_error(error) is None:
            raise
        cipher = [("damaged",)]
    return integrity == [("ok",)], cipher == []
