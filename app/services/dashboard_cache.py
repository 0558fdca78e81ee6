"""工作台's copy kept in the database (issue 14; ``app.storage.dashboard_cache``): the change
generation a refresh of 工作台 starts from, and keeping what it then showed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from app.storage import dashboard_cache
from app.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from app.services.workspace import Workspace


class _Cursor:
    """A SQLAlchemy connection with the DB-API ``execute`` that ``dashboard_cache`` uses."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def execute(self, sql: str, parameters: Sequence[object] = ()) -> Any:
        if parameters:
            return self._connection.exec_driver_sql(sql, tuple(parameters))
        return self._connection.exec_driver_sql(sql)


def generation(uow: UnitOfWork) -> int | None:
    """The change generation now, in ``uow``'s transaction (read it before the figures)."""
    return dashboard_cache.generation(_Cursor(uow.session.connection()))


def keep(workspace: Workspace, computed_at: int, day: date, content: str) -> bool:
    """Keep ``content`` (工作台 as shown for ``day``, from the data at generation
    ``computed_at``) unless anything changed since; returns whether it was kept."""
    with workspace.unit_of_work() as uow:
        kept = dashboard_cache.write(_Cursor(uow.session.connection()), computed_at, day,
                                     content)
        uow.commit()
    return kept
