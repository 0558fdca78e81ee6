"""The audit log: append-only and hash-chained, so a changed or removed entry is detectable.

Each entry's hash is SHA-256 over its canonical JSON (sorted keys, no spaces) including the hash
of the entry before it; the first entry chains to 64 zeros. The latest (seq, hash) is also kept in
the ``setting`` table, so removing entries from the end is detected too.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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
) -> AuditEntry:
    """Add the next entry of the chain to ``session`` (committed with the caller's change)."""
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc()).limit(1)).first()
    seq = 1 if last is None else last.seq + 1
    prev_hash = GENESIS if last is None else last.hash
    at = utc_iso()
    detail_json = json.dumps(
        detail or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False
    )
    digest = entry_hash(seq, at, actor, action, entity, entity_id, detail_json, prev_hash)
    entry = AuditEntry(
        seq=seq, at=at, actor=actor, action=action, entity=entity, entity_id=entity_id,
        detail=detail_json, prev_hash=prev_hash, hash=digest,
    )
    session.add(entry)
    session.merge(Setting(key=HEAD_KEY, value=f"{seq}:{digest}"))
    return entry


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
