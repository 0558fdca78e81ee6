"""Unit of work: one session, one transaction, committed explicitly (Cosmic Python's pattern).

    with workspace.unit_of_work() as uow:
        ...                      # change rows
        uow.audit("member.update", "member", member_id)
        uow.outbox("member", member_id, {"phone": "..."})
        uow.commit()             # leaving the block without commit rolls back

Every user write records its audit entry and its sync-outbox op in the same transaction.

A unit of work starts as a writer (``BEGIN IMMEDIATE``: it waits for another writer instead of
failing). ``read_only=True`` is for work that only reads (lists, reminders, reports): it never
takes or waits for the write lock, and a write in it fails (see ``engine``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, cast

from sqlalchemy import Table
from sqlalchemy.orm import Session

from app.storage import audit
from app.storage.bulk import insert_rows
from app.storage.engine import READ_ONLY
from app.storage.hlc import next_hlc_many
from app.storage.ids import utc_iso, uuid7, uuid7_many
from app.storage.models import OutboxEntry, Setting

HLC_KEY = "hlc_last"
# One encoder for every patch: json.dumps with options builds a new encoder on each call.
_PATCH_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str)


class UnitOfWork:
    def __init__(
        self,
        session_factory: Callable[[], Session],
        node: str,
        actor: str,
        read_only: bool = False,
    ) -> None:
        self._session_factory = session_factory
        self._node = node
        self.actor = actor
        self.read_only = read_only
        self._session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self._session = self._session_factory()
        if self.read_only:  # the options must be set before the transaction begins
            self._session.connection(execution_options={READ_ONLY: True})
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._session is not None:
            self._session.rollback()
            self._session.close()
            self._session = None

    @property
    def session(self) -> Session:
        if self._session is None:
            raise RuntimeError("use the unit of work inside a 'with' block")
        return self._session

    def commit(self) -> None:
        self.session.commit()

    def rollback(self) -> None:
        self.session.rollback()

    @property
    def node(self) -> str:
        """This device's id in hybrid-logical-clock stamps."""
        return self._node

    @staticmethod
    def new_id() -> str:
        return uuid7()

    def audit(
        self, action: str, entity: str, entity_id: str, detail: dict[str, Any] | None = None
    ) -> None:
        audit.append(self.session, self.actor, action, entity, entity_id, detail)

    def audit_many(self, entries: Sequence[tuple[str, str, str, dict[str, Any]]]) -> None:
        """Many audit entries (action, entity, entity_id, detail) in one statement."""
        audit.append_many(self.session, self.actor, entries)

    def outbox(
        self, entity: str, entity_id: str, patch: dict[str, Any], base_version: int = 0
    ) -> str:
        """Queue a field patch of ``entity_id`` for the platform; returns the op id."""
        return self.outbox_many([(entity, entity_id, patch, base_version)])[0]

    def outbox_many(self, ops: Sequence[tuple[str, str, dict[str, Any], int]]) -> list[str]:
        """Queue (entity, entity_id, patch, base_version) ops in one statement, one clock tick
        each; returns their op ids."""
        session = self.session
        session.flush()
        clock = session.get(Setting, HLC_KEY)
        stamp = clock.value if clock else None
        now = utc_iso()
        op_ids = uuid7_many(len(ops))
        stamps = next_hlc_many(stamp, self._node, len(ops))
        rows: list[dict[str, Any]] = [
            {
                "op_id": op_id, "entity": entity, "entity_id": entity_id,
                "patch": _PATCH_JSON.encode(patch),
                "base_version": base_version, "hlc": hlc, "created_at": now,
            }
            for op_id, hlc, (entity, entity_id, patch, base_version)
            in zip(op_ids, stamps, ops, strict=True)
        ]
        stamp = stamps[-1] if stamps else stamp
        insert_rows(session.connection(), cast(Table, OutboxEntry.__table__), rows)
        if stamp is not None:
            session.merge(Setting(key=HLC_KEY, value=stamp))
        return op_ids
