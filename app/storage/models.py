"""ORM tables. Schema changes go through Alembic migrations (``migrations/versions``)."""

from __future__ import annotations

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.storage.ids import utc_iso, uuid7


class Base(DeclarativeBase):
    pass


class SyncedRecord:
    """Columns every record that syncs carries (DESIGN.md, "Data rules").

    Timestamps are UTC ISO-8601 text (they sort as text); ``server_version`` is 0 until the
    platform has acknowledged the record; ``deleted_at`` is a tombstone — nothing is hard-deleted.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=uuid7)
    created_at: Mapped[str] = mapped_column(String(27), default=utc_iso)
    updated_at: Mapped[str] = mapped_column(String(27), default=utc_iso, onupdate=utc_iso)
    server_version: Mapped[int] = mapped_column(Integer, default=0)
    deleted_at: Mapped[str | None] = mapped_column(String(27), default=None)


class BranchRow(SyncedRecord, Base):
    """The branch this database belongs to (one row)."""

    __tablename__ = "branch"

    name: Mapped[str] = mapped_column(String(200))
    code: Mapped[str] = mapped_column(String(50))
    higher_org: Mapped[str] = mapped_column(String(200))
    secretary: Mapped[str] = mapped_column(String(50))


class Setting(Base):
    """Per-database preferences and bookkeeping (database id, audit head, clock)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class AuditEntry(Base):
    """Append-only, hash-chained audit log. Triggers refuse UPDATE and DELETE."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(27))
    actor: Mapped[str] = mapped_column(String(50))
    action: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(100))
    detail: Mapped[str] = mapped_column(Text)  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)


class OutboxEntry(Base):
    """One local change waiting to be pushed to the city platform (DESIGN.md, "Sync")."""

    __tablename__ = "sync_outbox"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(36), index=True)
    patch: Mapped[str] = mapped_column(Text)  # JSON object of changed fields
    base_version: Mapped[int] = mapped_column(Integer)
    hlc: Mapped[str] = mapped_column(String(40), index=True)
    created_at: Mapped[str] = mapped_column(String(27))
    acked_at: Mapped[str | None] = mapped_column(String(27), default=None)
