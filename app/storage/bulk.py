"""Many rows in one statement, for the bulk paths (roster import, a month of dues).

SQLAlchemy's per-row parameter processing costs as much as the insert itself on 10,000 rows, so
these go straight to the driver: dates as ISO text (how SQLAlchemy's SQLite ``Date`` stores them)
and the columns' scalar defaults filled in.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.sql.schema import ScalarElementColumnDefault


def insert_rows(connection: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts with the same keys) into ``table`` with one executemany."""
    if not rows:
        return
    given = list(rows[0])
    defaults = {
        c.name: c.default.arg if isinstance(c.default, ScalarElementColumnDefault) else None
        for c in table.columns
        if c.name not in rows[0] and not c.primary_key
    }
    names = given + list(defaults)
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) "  # noqa: S608 - names from the ORM model
        f"VALUES ({', '.join('?' for _ in names)})"
    )
    tail = tuple(defaults.values())
    values = [
        tuple(v.isoformat() if isinstance(v, date) else v for v in row.values()) + tail
        for row in rows
    ]
    connection.exec_driver_sql(sql, values)
