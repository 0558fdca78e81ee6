"""工作台 as last shown, kept inside the encrypted database, and the proof that it is current.

Start-up (issue 14) fills 工作台 from this copy before SQLAlchemy and the models are imported,
with the raw driver (``read``), but only when it is provably what 工作台 would show now:

* every change to any table counts: each table has three triggers (after insert, update,
  delete) that add one to ``change_generation.n`` — whoever writes (the services, a sync, the
  command line, a bulk import), in the same transaction as the write;
* the copy records the generation it was computed at (read before any of its figures, in the
  same read transaction as the branch's profile) and is written only if the generation is still
  that one (``write``, in one write transaction); it is used only if the generation is still
  the one recorded, every table has its triggers (a table added by a later migration without
  them makes every copy unusable until ``write`` has added them), the schema revision and the
  app's cache format are those recorded, and it was computed for the same calendar day
  (reminders depend on today).

The copy is the texts 工作台 showed (JSON made by ``ui.shell.dashboard_frame.snapshot``); this
module does not look inside it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

CACHE_TABLE = "dashboard_cache"
GENERATION_TABLE = "change_generation"
FORMAT = "1"
"""Bump when what the copy holds, or how the reminders are worked out, changes shape."""

# Tables whose changes 工作台 does not show: its own, and the dues folds kept (derived from the
# ledger, whose own changes count; ``app.storage.dues_folds``).
_OWN = (CACHE_TABLE, GENERATION_TABLE, "dues_member_fold", "dues_fold_stale")
_EVENTS = (("ins", "INSERT"), ("upd", "UPDATE"), ("del", "DELETE"))


def trigger_names(table: str) -> list[str]:
    return [f"{table}__changes_{suffix}" for suffix, _ in _EVENTS]


def trigger_statements(table: str) -> list[str]:
    """The three triggers that count the changes of ``table``."""
    return [
        f'CREATE TRIGGER IF NOT EXISTS "{name}" AFTER {event} ON "{table}" '  # noqa: S608
        "BEGIN UPDATE change_generation SET n = n + 1; END"
        for name, (_, event) in zip(trigger_names(table), _EVENTS, strict=True)
    ]


def _tables_without_triggers(cursor: Any) -> list[str]:
    tables = [row[0] for row in cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall() if row[0] not in _OWN]
    triggers = {row[0] for row in cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    return [t for t in tables if not set(trigger_names(t)) <= triggers]


def _revision(cursor: Any) -> str:
    row = cursor.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0]) if row else ""


def generation(cursor: Any) -> int | None:
    """The change counter now (None when the table is missing its row)."""
    row = cursor.execute("SELECT n FROM change_generation WHERE id = 1").fetchone()
    return int(row[0]) if row else None


def write(cursor: Any, computed_at: int, day: date, content: str) -> bool:
    """Keep ``content``, computed for ``day`` from what the database held at generation
    ``computed_at``. ``cursor`` is in a write transaction (the caller commits). Returns False
    (nothing kept) when anything changed since, or when a table lacked its triggers (added
    now: the next copy can be kept)."""
    missing = _tables_without_triggers(cursor)
    for table in missing:
        for statement in trigger_statements(table):
            cursor.execute(statement)
    if missing or generation(cursor) != computed_at:
        return False
    cursor.execute("DELETE FROM dashboard_cache")
    cursor.execute(
        "INSERT INTO dashboard_cache (id, generation, day, revision, format, content) "
        "VALUES (1, ?, ?, ?, ?, ?)",
        (computed_at, day.isoformat(), _revision(cursor), FORMAT, content),
    )
    return True


def current(cursor: Any, day: date) -> str | None:
    """The copy, if it is provably current for ``day`` (see the module docstring)."""
    row = cursor.execute(
        "SELECT generation, day, revision, format, content FROM dashboard_cache WHERE id = 1"
    ).fetchone()
    if row is None:
        return None
    computed_at, for_day, revision, made_by, content = row
    if (for_day != day.isoformat() or made_by != FORMAT or revision != _revision(cursor)
            or computed_at != generation(cursor) or _tables_without_triggers(cursor)):
        return None
    return str(content)


def read(db_path: Path, key: bytes, day: date) -> str | None:
    """``current`` through a short-lived raw connection (no SQLAlchemy, no models); None when
    there is no current copy or anything goes wrong (the caller then opens the data as usual)."""
    import sqlcipher3.dbapi2 as sqlcipher

    try:
        connection = sqlcipher.connect(str(db_path), timeout=1.0, isolation_level=None)
    except sqlcipher.Error:
        return None
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        connection.execute("PRAGMA query_only = 1")
        cursor = connection.cursor()
        cursor.execute("BEGIN")  # one snapshot of the database for every check
        try:
            return current(cursor, day)
        finally:
            cursor.execute("ROLLBACK")
    except sqlcipher.Error:
        return None
    finally:
        connection.close()
