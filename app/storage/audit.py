"""The audit log: append-only and hash-chained, so a changed or removed entry is detectable.

Each entry's hash is SHA-256 over its canonical JSON (sorted keys, no spaces) including the hash
of the entry before it; the first entry chains to 64 zeros. The latest (seq, hash) is also kept in
the ``setting`` table, so removing entries from the end is detected too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.storage.bulk import insert_rows
from app.storage.ids import utc_iso
from app.storage.models import AuditEntry, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit_head"


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    entries: int
    first_bad_seq: int | None


def entry_hash(
    seq: int, at: str, actor: str, action: str, entity: str, entity_id: str, detail: str,
    prev_hash: str,
) -> str:
    body = {
        "seq": seq, "at": at, "actor": actor, "action": action, "entity": entity,
        "entity_id": entity_id, "detail": detail, "prev_hash": prev_hash,
    }
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    session: Session, actor: str, action: str, entity: str, entity_id: str,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add the next entry of the chain to ``session`` (committed with the caller's change)."""
    append_many(session, actor, [(action, entity, entity_id, detail or {})])


def append_many(
    session: Session, actor: str, entries: Sequence[tuple[str, str, str, dict[str, Any]]]
) -> None:
    """Add ``entries`` (action, entity, entity_id, detail) to the chain, in order, at once."""
    session.flush()
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq = 0 if last is None else last.seq
    prev_hash = GENESIS if last is None else last.hash
    rows = []
    for action, entity, entity_id, detail in entries:
        seq += 1
        at = utc_iso()
        detail_json = json.dumps(detail, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        digest = entry_hash(seq, at, actor, action, entity, entity_id, detail_json, prev_hash)
        rows.append({
            "seq": seq, "at": at, "actor": actor, "action": action, "entity": entity,
            "entity_id": entity_id, "detail": detail_json, "prev_hash": prev_hash, "hash": digest,
        })
        prev_hash = digest
    insert_rows(session.connection(), cast(Table, AuditEntry.__table__), rows)
    session.merge(Setting(key=HEAD_KEY, value=f"{seq}:{prev_hash}"))


def verify(session: Session) -> ChainReport:
    """Walk the whole chain; report the first entry that does not fit (or the missing tail)."""
    expected_prev = GENESIS
    expected_seq = 1
    count = 0
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.seq)).yield_per(1000):
        digest = entry_hash(
            entry.seq, entry.at, entry.actor, entry.action, entry.entity, entry.entity_id,
            entry.detail, entry.prev_hash,
        )
        if entry.seq != expected_seq or entry.prev_hash != expected_prev or digest != entry.hash:
            return ChainReport(ok=False, entries=count, first_bad_seq=expected_seq)
        expected_prev = entry.hash
        expected_seq += 1
        count += 1
    head = session.get(Setting, HEAD_KEY)
    recorded = head.value if head is not None else None
    actual = f"{count}:{expected_prev}" if count else None
    if recorded != actual:
        return ChainReport(ok=False, entries=count, first_bad_seq=count + 1)
    return ChainReport(ok=True, entries=count, first_bad_seq=None)
