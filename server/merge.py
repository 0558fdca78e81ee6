"""How an op changes a stored record: field merge, conflicts, edit-beats-delete, immutable events
(the merge policy of each type is declared in ``sync.registry``).

Pure functions over plain values; ``store`` loads and saves. Each stored field remembers the
record version that last changed it, the device that changed it and the op's clock, so the
server can tell "changed by someone else since the op's base version" field by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sync.registry import Merge, record_type
from sync.wire import DELETED_FIELD, Op

FieldMeta = list[Any]  # [version, device_id, hlc]


@dataclass
class Stored:
    """A record as the server keeps it (mutable while a push is processed)."""

    entity: str
    id: str
    version: int
    seq: int
    deleted: bool
    data: dict[str, Any]
    meta: dict[str, FieldMeta]
    natural_key: str | None = None
    is_new: bool = False
    dirty: bool = False
    echo_device: str | None = None
    """The device whose op made this version from what it already held (a new record, or no
    field changed elsewhere since its base version): its copy equals this one."""


@dataclass
class Outcome:
    kind: str  # "applied" | "conflict" | "rejected"
    reason: str = ""
    conflict_fields: list[str] = field(default_factory=list)
    changed: bool = False
    superseded: list[str] = field(default_factory=list)


def new_record(
    op: Op, device_id: str, natural_key: str | None, record_id: str | None = None
) -> Stored:
    patch = dict(op.patch)
    deleted = patch.get(DELETED_FIELD) is not None
    return Stored(
        entity=op.entity,
        id=record_id or str(op.entity_id),
        version=1,
        seq=0,
        deleted=deleted,
        data=patch,
        meta={name: [1, device_id, op.hlc] for name in patch},
        natural_key=natural_key,
        is_new=True,
        dirty=True,
        echo_device=device_id,
    )


_BLANK: tuple[Any, ...] = (None, "")


def apply(stored: Stored, op: Op, device_id: str) -> Outcome:
    """Apply ``op`` to ``stored`` in place; returns what happened."""
    patch = dict(op.patch)
    kind = record_type(stored.entity)
    if kind.merge is Merge.EVENTS:
        return _apply_event(stored, patch, op, device_id)

    changed_elsewhere = {
        name
        for name, (version, author, _hlc) in stored.meta.items()
        if version > op.base_version and author != device_id
    }
    wants_delete = patch.get(DELETED_FIELD) is not None
    if wants_delete:
        edited_elsewhere = changed_elsewhere - {DELETED_FIELD}
        if edited_elsewhere or stored.deleted:
            return Outcome("applied")  # an edit beats a delete; a second delete changes nothing
        return _write(stored, {DELETED_FIELD: patch[DELETED_FIELD]}, op, device_id, deleted=True,
                      own=not changed_elsewhere)

    accepted: dict[str, Any] = {}
    conflicts: list[str] = []
    superseded: list[str] = []
    for name, value in patch.items():
        if name == DELETED_FIELD:
            continue
        current = stored.data.get(name)
        if name not in changed_elsewhere:
            if current != value or name not in stored.data:
                accepted[name] = value
            continue
        if kind.merge in (Merge.FIELDS, Merge.UNIQUE) and op.base_version == 0:
            # Made without seeing the stored record: the same member entered on another PC,
            # found by its natural key. What one PC left blank the other fills in; only two
            # different values are a disagreement.
            if current in _BLANK and value not in _BLANK:
                accepted[name] = value
            elif current != value and value not in _BLANK:
                conflicts.append(name)
        elif kind.merge in (Merge.FIELDS, Merge.UNIQUE):
            if name in kind.conflicting or current != value:
                conflicts.append(name)
        elif current != value:
            if op.hlc > str(stored.meta[name][2]):
                accepted[name] = value  # last writer wins for other entities
            else:
                superseded.append(name)
    undelete = stored.deleted  # an edit beats a delete
    if undelete:
        accepted[DELETED_FIELD] = None
    outcome = (
        _write(stored, accepted, op, device_id, deleted=False,
               own=not changed_elsewhere and not undelete)
        if accepted
        else Outcome("applied")
    )
    if conflicts:
        return Outcome("conflict", conflict_fields=sorted(conflicts), changed=outcome.changed)
    outcome.superseded = sorted(superseded)
    return outcome


def _apply_event(stored: Stored, patch: dict[str, Any], op: Op, device_id: str) -> Outcome:
    """An immutable event sent again: the same content is a duplicate (changes nothing); other
    content is a conflict over the fields that differ, unless the op was made from the stored
    version (the secretary's decision of that conflict), which it then replaces."""
    differing = sorted(
        name for name, value in patch.items()
        if stored.data.get(name) != value and name != DELETED_FIELD
    )
    if not differing:
        return Outcome("applied")
    if op.base_version >= stored.version:
        return _write(stored, {name: patch[name] for name in differing}, op, device_id,
                      deleted=stored.deleted, own=True)
    return Outcome("conflict", conflict_fields=differing)


def _write(
    stored: Stored, values: dict[str, Any], op: Op, device_id: str, deleted: bool, own: bool
) -> Outcome:
    """``own``: nothing written elsewhere since the op's base version is merged in."""
    stored.version += 1
    stored.deleted = deleted
    stored.echo_device = device_id if own else None
    for name, value in values.items():
        stored.data[name] = value
        stored.meta[name] = [stored.version, device_id, op.hlc]
    stored.dirty = True
    return Outcome("applied", changed=True)
