"""Is the database file intact? A quick look at every page, for the window to run in the
background after unlocking: a damaged page is found at once, not when a screen happens to read it.

``check`` (the command, and ``Workspace.check``) goes further: the full integrity check and the
audit chain.
"""

from __future__ import annotations

from app.errors import DatabaseUnreadableError
from app.storage.unit_of_work import UnitOfWork


def file_intact(uow: UnitOfWork) -> bool:
    """SQLite's quick check and SQLCipher's page check (the HMAC of every page) pass.
    A page too damaged to be read at all raises DatabaseUnreadableError like any read."""
    connection = uow.session.connection()
    quick = connection.exec_driver_sql("PRAGMA quick_check").all()
    cipher = connection.exec_driver_sql("PRAGMA cipher_integrity_check").all()
    return [tuple(row) for row in quick] == [("ok",)] and not cipher


def require_intact(uow: UnitOfWork) -> None:
    """Raise DatabaseUnreadableError unless ``file_intact``."""
    if not file_intact(uow):
        raise DatabaseUnreadableError()
