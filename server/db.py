"""The platform server's tables (SQLAlchemy Core) and engine, on SQLite or PostgreSQL."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    inspect,
    select,
)
from sqlalchemy.pool import StaticPool

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
    Column("natural_key", String(120)),  # add-wins key, e.g. attendance (meeting, member)
    # The device whose op made this version with nothing from elsewhere merged in: it holds the
    # record as it is, and need not be sent it again (``own`` ranges of a pull).
    Column("echo_device", String(36)),
    Index("ix_record_branch_seq", "branch_id", "seq"),
    UniqueConstraint("branch_id", "entity", "natural_key", name="uq_record_natural_key"),
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


def make_engine(url: str) -> Engine:
    """An engine for ``url`` with the tables created and an epoch set."""
    if url.startswith("sqlite"):
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
        engine = create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    metadata.create_all(engine)
    _add_missing_columns(engine)
    with engine.begin() as connection:
        if connection.scalar(select(server_state.c.value).where(
            server_state.c.key == EPOCH_KEY
        )) is None:
            connection.execute(server_state.insert().values(key=EPOCH_KEY, value=new_epoch()))
    return engine


def _add_missing_columns(engine: Engine) -> None:
    """Columns added to the record table since a database was made (the reference server has no
    migration tool: every such column is nullable)."""
    present = {column["name"] for column in inspect(engine).get_columns("record")}
    with engine.begin() as connection:
        for column in record.columns:
            if column.name not in present:
                kind = column.type.compile(dialect=engine.dialect)
                connection.exec_driver_sql(f"ALTER TABLE record ADD COLUMN {column.name} {kind}")


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
)
"""Keys of devices that sync by bundle file, and the sequence of the last bundle accepted."""

bundle_import = Table(
    "bundle_import",
    metadata,
    Column("bundle_id", String(36), primary_key=True),
    Column("device_id", String(36), nullable=False),
    Column("sequence", BigInteger, nullable=False),
    Column("imported_at", String(32), nullable=False),
)

BUNDLE_KEY = "bundle_key"
"""``server_state`` key of the platform's bundle key pair (hex; created on first use)."""
