"""Many rows in one statement, for the bulk paths (roster import, a month of dues, the whole
dues ledger).

SQLAlchemy's per-row parameter processing costs as much as the insert itself on 10,000 rows, so
these go straight to the driver: dates as ISO text (how SQLAlchemy's SQLite ``Date`` stores them)
and the columns' scalar defaults filled in. Reading 200,000 rows, SQLAlchemy's result rows and
type processing cost a third of the read: ``read_rows`` hands back the driver's tuples.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import Connection, Select, Table
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from app.storage.engine import typed_error


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


def read_rows(connection: Connection, query: Select[Any]) -> list[tuple[Any, ...]]:
    """The rows of ``query`` as the driver returns them: plain tuples, with no type processing
    (dates are ISO text, booleans 0 or 1), in the connection's transaction."""
    compiled = query.compile(dialect=connection.dialect)
    params = compiled.params
    values = tuple(params[name] for name in compiled.positiontup or ())
    driver = connection.connection.driver_connection
    if driver is None:
        raise RuntimeError("the connection is closed")
    try:
        cursor = driver.execute(str(compiled), values)
        try:
            return list(cursor.fetchall())
        finally:
            cursor.close()
    except sqlcipher.DatabaseError as error:
        # Straight to the driver, so SQLAlchemy's handle_error never sees it: typed here (a
        # damaged page in the ledger is the user's problem to solve, not a traceback).
        typed = typed_error(error)
        if typed is None:
            raise
        raise typed from error
