"""The platform server's tables (SQLAlchemy Core) and engine, on SQLite or PostgreSQL."""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    bindparam,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import StaticPool

from sync.registry import RECORD_TYPES, natural_key

metadata = MetaData()

branch = Table(
    "branch",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("code", String(50), nullable=False, unique=True),
    Column("name", String(200), nullable=False),
    Column("last_seq", BigInteger, nullable=False, default=0),
    Column("created_at", String(32), nullable=False),
)

enrollment_code = Table(
    "enrollment_code",
    metadata,
    Column("code_hash", String(64), primary_key=True),
    Column("branch_id", String(36), ForeignKey("branch.id"), nullable=False),
    Column("expires_at", String(32), nullable=False),
    Column("used_at", String(32)),
    # The device the code enrolled, and the hash of the PC's enrollment nonce: the same PC
    # retrying (its answer was lost) gets that device again for a short while.
    Column("device_id", String(36)),
    Column("nonce_hash", String(64)),
)

device = Table(
    "device",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("branch_id", String(36), ForeignKey("branch.id"), nullable=False, index=True),
    Column("name", String(100), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("created_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
    # When it last synced (online: noted at most once a minute per server process).
    Column("last_sync_at", String(32)),
)

record = Table(
    "record",
    metadata,
    Column("branch_id", String(36), primary_key=True),
    Column("entity", String(30), primary_key=True),
    Column("id", String(36), primary_key=True),
    Column("version", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("data", Text, nullable=False),  # JSON object: the record's fields
    Column("meta", Text, nullable=False),  # JSON: {field: [version, device_id, hlc]}
    Column("natural_key", String(120)),  # sync.registry's natural key, e.g. (member, month)
    # The device whose op made this version with nothing from elsewhere merged in: it holds the
    # record as it is, and need not be sent it again (``own`` ranges of a pull).
    Column("echo_device", String(36)),
    Index("ix_record_branch_seq", "branch_id", "seq"),
    UniqueConstraint("branch_id", "entity", "natural_key", name="uq_record_natural_key"),
)

record_alias = Table(
    # A record a device created under its own id that turned out to be a fact stored already
    # (found by its natural key, sync.registry: the same member entered on two PCs): ops that
    # still name the device's id, or name it as a parent, are applied to the stored record.
    "record_alias",
    metadata,
    Column("branch_id", String(36), primary_key=True),
    Column("alias_id", String(36), primary_key=True),
    Column("entity", String(30), nullable=False),
    Column("record_id", String(36), nullable=False),
)

applied_op = Table(
    "applied_op",
    metadata,
    Column("op_id", String(36), primary_key=True),
    Column("branch_id", String(36), nullable=False),
    Column("result", Text, nullable=False),  # JSON of the first OpResult
)

idempotency = Table(
    "idempotency",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("key", String(100), primary_key=True),
    Column("body_hash", String(64), nullable=False),
    Column("response", Text, nullable=False),
    Column("created_at", String(32), nullable=False),
)

notice = Table(
    "notice",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("branch_id", String(36)),  # None: every branch
    Column("title", String(200), nullable=False),
    Column("body", Text, nullable=False),
    Column("published_at", String(32), nullable=False),
    Column("due_on", String(10)),  # YYYY-MM-DD (Beijing time); None: no deadline
    Column("response", String(10)),  # none, read, text, file (None: none)
)

notice_attachment = Table(
    "notice_attachment",
    metadata,
    Column("notice_id", Integer, ForeignKey("notice.id"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("name", String(200), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
)

notice_answer = Table(
    # A branch's answer to a notice: one per (notice, branch), the latest one kept.
    "notice_answer",
    metadata,
    Column("notice_id", Integer, ForeignKey("notice.id"), primary_key=True),
    Column("branch_id", String(36), primary_key=True),
    Column("answer_id", String(36), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("text", Text, nullable=False),
    Column("file_name", String(200), nullable=False),
    Column("file_content", LargeBinary),
    Column("content_hash", String(64), nullable=False),
    Column("answered_at", String(32), nullable=False),  # on the PC
    Column("received_at", String(32), nullable=False),
    Column("device_id", String(36), nullable=False),
    Column("late", Boolean, nullable=False),
)

server_state = Table(
    "server_state",
    metadata,
    Column("key", String(50), primary_key=True),
    Column("value", Text, nullable=False),
)

EPOCH_KEY = "epoch"


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def default_url(path: str = "branchdesk-server.db") -> str:
    return f"sqlite:///{path}"


CONNECTIONS = 10
"""Database connections of one server process, and its request threads (one each): every
request runs in one thread holding one connection, so neither waits for the other. With
``--workers N`` the server holds at most ``N * CONNECTIONS`` connections."""


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str, *, create: bool = True) -> Engine:
    """An engine for ``url``; with ``create``, the tables are created and an epoch set."""
    if is_sqlite(url):
        memory = url in ("sqlite://", "sqlite:///:memory:")
        engine = create_engine(
            url,
            connect_args={"check_same_thread": False, "timeout": 30},
            poolclass=StaticPool if memory else None,
        )

        @event.listens_for(engine, "connect")
        def _pragmas(connection, _record) -> None:  # type: ignore[no-untyped-def]
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

    else:
        # Connections are opened on demand, up to one per request thread, and kept: a new
        # PostgreSQL connection costs a process fork on the server and a round trip here.
        engine = create_engine(url, pool_size=CONNECTIONS, max_overflow=0)
        event.listen(engine, "connect", _note_use)
        event.listen(engine, "checkin", _note_use)
        event.listen(engine, "checkout", _ping_if_idle)
    if not create:
        return engine
    metadata.create_all(engine)
    _add_missing_columns(engine)
    _backfill_natural_keys(engine)
    with engine.begin() as connection:
        if connection.scalar(select(server_state.c.value).where(
            server_state.c.key == EPOCH_KEY
        )) is None:
            connection.execute(server_state.insert().values(key=EPOCH_KEY, value=new_epoch()))
    return engine


IDLE_PING_SECONDS = 10.0
"""A pooled connection unused this long is tested before use (the database may have been
restarted meanwhile); busy connections are not, which saves a round trip on every request."""


def _note_use(_connection: Any, record: Any) -> None:
    record.info["checked_in"] = time.monotonic()


def _ping_if_idle(connection: Any, record: Any, _proxy: Any) -> None:
    if time.monotonic() - record.info.get("checked_in", 0.0) < IDLE_PING_SECONDS:
        return
    try:
        cursor = connection.cursor()
        cursor.execute("SELECT 1")
        cursor.close()
        connection.rollback()  # leave no transaction open (the checkout may set autocommit)
    except Exception as lost:
        # The pool then drops this connection and checks out another (a new one if need be).
        raise DisconnectionError(str(lost)) from lost


def _add_missing_columns(engine: Engine) -> None:
    """Columns added to tables since a database was made (the reference server has no
    migration tool: every such column is nullable)."""
    inspector = inspect(engine)
    with engine.begin() as connection:
        for table in (record, enrollment_code, device, device_key, bundle_import, notice):
            present = {column["name"] for column in inspector.get_columns(table.name)}
            for column in table.columns:
                if column.name not in present:
                    kind = column.type.compile(dialect=engine.dialect)
                    connection.exec_driver_sql(
                        f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}"
                    )


NATURAL_KEYS = "natural_keys"
"""``server_state`` key: the natural keys (``sync.registry``) the stored records were keyed by."""


def _key_signature() -> str:
    return hashlib.sha256(repr([
        (kind.entity, key.fields, sorted(key.when.items()), key.optional)
        for kind in RECORD_TYPES for key in kind.keys
    ]).encode()).hexdigest()[:16]


def _backfill_natural_keys(engine: Engine) -> None:
    """Give records stored before their type had a natural key (or under another key) the key
    ``sync.registry`` declares, once: an op for the same fact under another id then lands on
    them. Where the same fact is stored twice already, the older record gets the key."""
    signature = _key_signature()
    keyed = [kind.entity for kind in RECORD_TYPES if kind.keys]
    with engine.begin() as connection:
        done = connection.scalar(
            select(server_state.c.value).where(server_state.c.key == NATURAL_KEYS)
        )
        if done == signature:
            return
        c = record.c
        taken = {
            (row.branch_id, row.entity, row.natural_key)
            for row in connection.execute(select(c.branch_id, c.entity, c.natural_key).where(
                c.entity.in_(keyed), c.natural_key.is_not(None)))
        }
        updates = []
        rows = connection.execute(
            select(c.branch_id, c.entity, c.id, c.data)
            .where(c.entity.in_(keyed), c.natural_key.is_(None)).order_by(c.branch_id, c.seq)
            .execution_options(yield_per=5000)
        )
        for row in rows:
            key = natural_key(row.entity, json.loads(row.data))
            if key is not None and (row.branch_id, row.entity, key) not in taken:
                taken.add((row.branch_id, row.entity, key))
                updates.append({"b": row.branch_id, "e": row.entity, "i": row.id, "k": key})
        if updates:
            connection.execute(
                record.update().where(c.branch_id == bindparam("b"), c.entity == bindparam("e"),
                                      c.id == bindparam("i"))
                .values(natural_key=bindparam("k")),
                updates,
            )
        connection.execute(server_state.delete().where(server_state.c.key == NATURAL_KEYS))
        connection.execute(server_state.insert().values(key=NATURAL_KEYS, value=signature))


def new_epoch() -> str:
    return secrets.token_hex(8)

device_key = Table(
    "device_key",
    metadata,
    Column("device_id", String(36), primary_key=True),
    Column("branch_id", String(36), ForeignKey("branch.id"), nullable=False),
    Column("encryption_public", String(64), nullable=False),  # X25519, hex
    Column("signing_public", String(64), nullable=False),  # Ed25519, hex
    Column("last_sequence", BigInteger, nullable=False, default=0),
    Column("registered_at", String(32), nullable=False),
    Column("revoked_at", String(32)),
)
"""Keys of devices that sync by bundle file, and the sequence of the last bundle accepted."""

bundle_import = Table(
    "bundle_import",
    metadata,
    Column("bundle_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("sequence", BigInteger, nullable=False),
    Column("imported_at", String(32), nullable=False),
    # The return bundle's number (NULL before it could differ: the upload's sequence).
    Column("return_sequence", BigInteger),
)

BUNDLE_KEY = "bundle_key"
"""``server_state`` key of the platform's bundle key pair (hex; created on first use)."""
