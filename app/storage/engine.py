"""SQLCipher connections under SQLAlchemy.

The key never appears in a URL, a log line or an exception: connections are made by ``creator``,
which reads the key from the vault each time and sends it as a raw key (``x'…'``), so no KDF runs
per connection. Wrong keys surface as ``sqlcipher3.dbapi2.DatabaseError`` on the first read.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 30000",
)

DatabaseError = sqlcipher.DatabaseError


def connect(path: Path, key: bytes, tuned: bool = True) -> sqlcipher.Connection:
    """Open ``path`` with a raw 32-byte key, verify the key, and apply the pragmas.

    ``tuned=False`` skips the pragmas (WAL etc.), for short-lived copies such as backups.

    Raises ``sqlcipher3.dbapi2.DatabaseError`` ("file is not a database") when the key is wrong
    or the file is not an encrypted database.
    """
    connection = sqlcipher.connect(str(path), timeout=30, check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS if tuned else ():
            connection.execute(pragma).fetchall()
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
    def _begin(connection: object) -> None:
        connection.exec_driver_sql("BEGIN")  # type: ignore[attr-defined]

    return engine


def quick_check(connection: sqlcipher.Connection) -> tuple[bool, bool]:
    """(integrity ok, cipher pages ok) for an open, keyed connection."""
    integrity = connection.execute("PRAGMA integrity_check").fetchall()
    cipher = connection.execute("PRAGMA cipher_integrity_check").fetchall()
    return integrity == [("ok",)], cipher == []
