"""Every record type that syncs, declared once: what the client engine, the wire schema, bundles,
the server's merge and its storage read instead of naming entities.

A declaration says:

- ``entity``: the name on the wire; ``table``: the local table (the client maps it to its ORM
  class; the server never sees tables).
- ``keys``: the record's identity when it is a fact with a natural key (an amount owed: member and
  month; a reversal: the event it reverses; a base: member and month; a member: ID type and
  number; a party group: its name). A record stored under another id is found by its key (on push
  by the server, on pull by the client), so the same fact entered on two PCs is one record. Facts
  of the ledger also get their id from the key (``natural_key`` hashed into a UUID,
  ``app.storage.ids.natural_id``); members and groups keep a random UUIDv7 (their keys can be
  corrected, and an id hashed from an ID number would give it away).
- ``parents``: fields naming another record. A record whose parent is 秘密 is 秘密 too (the chain
  is followed to its end); a pulled record whose parent has not arrived waits (parked).
- ``merge``: how two versions of the record become one (``Merge``).
- ``conflicting``: fields that go to the secretary whenever two devices changed them, even to the
  same value (identity and party-status fields of a member).
- ``classified``: the type has a ``classification`` column (a record of it can be 秘密); every
  synced type has one (only the branch profile, which never leaves a PC, has none).
- ``sent``: pushed and pulled at all (the branch profile belongs to the platform);
  ``in_bundle``: may leave the PC in a bundle file.

This module imports nothing from ``app`` or ``ui``: the server reads it too.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

SECRET = "secret"  # noqa: S105 - the 秘密 classification's value (app.domain.members)
CLASSIFICATION = "classification"
KEY_LENGTH = 120
"""Longest natural key the server stores (``record.natural_key``)."""


class Merge(enum.Enum):
    LATEST = "latest"
    """Field by field; the same field changed on two devices keeps the later change (clock)."""
    FIELDS = "fields"
    """Field by field; the same field changed on two devices to different values (or a
    ``conflicting`` field changed on both) is a conflict for the secretary."""
    EVENTS = "events"
    """Immutable events: the same event again changes nothing (an idempotent reversal); other
    content for the same identity is a conflict the secretary decides; only that decision (sent
    from the version it saw) changes a stored event."""
    ADD_WINS = "add_wins"
    """A set keyed by ``keys``: a second record with the same key is merged into the first (an
    add beats a delete); other fields keep the later change."""
    UNIQUE = "unique"
    """One record per key: the same key entered twice is one record; different values for it
    are a conflict for the secretary."""


@dataclass(frozen=True)
class Parent:
    field: str
    entity: str


@dataclass(frozen=True)
class NaturalKey:
    """The fields identifying a record (in this order); ``when``: the key applies only to records
    with these values (e.g. dues events of kind ``due``); ``optional``: a trailing field that is
    part of the key when present and not 0 (a month's amount owed generated again after its
    first one was reversed)."""

    fields: tuple[str, ...]
    when: Mapping[str, Any] = field(default_factory=dict)
    optional: str | None = None


@dataclass(frozen=True)
class RecordType:
    entity: str
    table: str
    merge: Merge = Merge.LATEST
    parents: tuple[Parent, ...] = ()
    keys: tuple[NaturalKey, ...] = ()
    conflicting: frozenset[str] = frozenset()
    classified: bool = True
    sent: bool = True
    in_bundle: bool = True

    def natural_key(self, data: Mapping[str, Any]) -> str | None:
        """The record's natural key (``entity:value:value...``), or None when it has none (no
        key of the type applies, or a key field is missing)."""
        for key in self.keys:
            if any(data.get(name) != value for name, value in key.when.items()):
                continue
            found = [data.get(name) for name in key.fields]
            values = [v for v in found if isinstance(v, str) and v]
            if len(values) != len(found):
                return None
            extra = data.get(key.optional) if key.optional else None
            if isinstance(extra, int) and not isinstance(extra, bool) and extra > 0:
                values.append(str(extra))
            text = ":".join([self.entity, *values])
            return text if len(text) <= KEY_LENGTH else None
        return None

    @property
    def immutable(self) -> bool:
        return self.merge is Merge.EVENTS


_MEMBER = Parent("member_id", "member")
_MEETING = Parent("meeting_id", "meeting")
_GROUP = Parent("party_group_id", "party_group")

RECORD_TYPES: tuple[RecordType, ...] = (
    RecordType("branch", "branch", sent=False, classified=False),
    # A group of the same name created on two PCs is one group.
    RecordType("party_group", "party_group", keys=(NaturalKey(("name",)),)),
    RecordType(
        "member", "member", Merge.FIELDS, parents=(_GROUP,), classified=True,
        # The same person entered on two PCs (typed twice, the same roster imported on each) is
        # one member. The ids stay random (an id derived from an ID number would give the number
        # away to anyone who tries them all); the server and the pull match by this key.
        keys=(NaturalKey(("id_type", "id_number")),),
        conflicting=frozenset({
            "name", "id_number", "id_type", "birth_date", "gender", "stage", "status",
            "admission_date", "full_date",
        }),
    ),
    RecordType("member_event", "member_event", parents=(_MEMBER,)),
    RecordType("meeting", "meeting", parents=(_GROUP,), classified=True),
    RecordType(
        "meeting_attendance", "meeting_attendance", Merge.ADD_WINS, parents=(_MEETING, _MEMBER),
        keys=(NaturalKey(("meeting_id", "member_id")),),
    ),
    # A vote deciding about a person (admission, 转正…) names them: it is 秘密 with them.
    RecordType("meeting_vote", "meeting_vote", parents=(_MEETING, _MEMBER)),
    RecordType("meeting_amendment", "meeting_amendment", parents=(_MEETING,)),
    RecordType(
        "dues_base", "dues_base", Merge.UNIQUE, parents=(_MEMBER,),
        keys=(NaturalKey(("member_id", "effective_month")),),
    ),
    RecordType("dues_relief", "dues_relief", parents=(_MEMBER,)),
    # 民主评议党员: one per member and year, entered on either PC (its id is the key's).
    RecordType(
        "appraisal", "appraisal", parents=(_MEMBER,),
        keys=(NaturalKey(("member_id", "year")),),
    ),
    # 意见建议 (issue 17). A report of misconduct handed to the 纪委 is a row of this table too,
    # always 秘密: withheld from pushes and bundles like any 秘密 record. One filed on the
    # platform's portal arrives as a record the platform made.
    RecordType("opinion", "opinion", parents=(_MEMBER,)),
    RecordType(
        "dues_category", "dues_category", Merge.UNIQUE, parents=(_MEMBER,),
        keys=(NaturalKey(("member_id", "effective_month")),),
    ),
    RecordType("dues_quarterly", "dues_quarterly", parents=(_MEMBER,)),
    RecordType(
        "dues_event", "dues_event", Merge.EVENTS,
        parents=(_MEMBER, Parent("reverses_id", "dues_event")),
        keys=(
            NaturalKey(("kind", "member_id", "month"), when={"kind": "due"},
                       optional="generation"),
            NaturalKey(("kind", "reverses_id"), when={"kind": "reversal"}),
        ),
    ),
    RecordType(
        "study_entry", "study_entry", parents=(_MEMBER, _MEETING),
        keys=(NaturalKey(("meeting_id", "member_id")),),
    ),
    RecordType(
        "study_exemption", "study_exemption", Merge.UNIQUE, parents=(_MEMBER,),
        keys=(NaturalKey(("member_id",)),),
    ),
    # 谈心谈话 (issue 16): a talk's people are a set (the same person added on two PCs is one).
    RecordType("talk", "talk"),
    RecordType(
        "talk_participant", "talk_participant", Merge.ADD_WINS,
        parents=(Parent("talk_id", "talk"), _MEMBER),
        keys=(NaturalKey(("talk_id", "member_id")),),
    ),
    # 组织生活会 整改 (issue 16): a problem of the meeting, whose (member, or the committee's),
    # and its owner. The evidence files stay on the PC like meeting attachments.
    RecordType(
        "rectification_item", "rectification_item",
        parents=(_MEETING, _MEMBER, Parent("owner_id", "member")),
    ),
    # 党务公开: an item naming a 秘密 member is 秘密 too (its parent), and never leaves the PC.
    RecordType("disclosure", "disclosure", parents=(_MEMBER,)),
    RecordType("disclosure_feedback", "disclosure_feedback",
               parents=(Parent("disclosure_id", "disclosure"),)),
    # 考核评价 (issue 18): the branch's annual self-assessment, one per year (its figures are
    # counts only: no member's record leaves the PC through it).
    RecordType("assessment_report", "assessment_report", keys=(NaturalKey(("year",)),)),
    # 党内统计 (issue 18): the year's tables as counts only (no names, no ids of members), so
    # it names no record and leaves the PC whatever the 密级 of the members counted.
    RecordType("statistics_report", "statistics_report"),
)
"""Parents are declared before their children (the order 秘密 sets are worked out in)."""

LOCAL_ONLY_TABLES = frozenset({
    "meeting_attachment", "study_proof", "opinion_attachment", "rectification_evidence",
})
"""Tables with a record's sync columns that never leave the PC: meeting photos and scans, the
proofs of study entries, the files that came with an opinion and the evidence files of 整改 items
stay on the PC in version 1 (their size; the platform has no use for them yet)."""

BY_ENTITY: dict[str, RecordType] = {t.entity: t for t in RECORD_TYPES}
SENT: tuple[RecordType, ...] = tuple(t for t in RECORD_TYPES if t.sent)


def record_type(entity: str) -> RecordType:
    return BY_ENTITY[entity]


def natural_key(entity: str, data: Mapping[str, Any]) -> str | None:
    found = BY_ENTITY.get(entity)
    return found.natural_key(data) if found is not None else None


def children(entity: str) -> Iterator[tuple[RecordType, Parent]]:
    """The (type, link) pairs whose parent link points at ``entity``."""
    for kind in RECORD_TYPES:
        for parent in kind.parents:
            if parent.entity == entity:
                yield kind, parent


def is_secret(
    entity: str,
    record: Mapping[str, Any],
    secret_ids: Mapping[str, set[str]],
) -> bool:
    """Whether a record stays on the PC: it is classified 秘密, or is already known to be (its id
    is in ``secret_ids[entity]``), or one of its parents is. ``secret_ids`` holds, per entity,
    the ids of 秘密 records and of all whose parent chain reaches one (``secret_closure``)."""
    kind = BY_ENTITY[entity]
    if kind.classified and record.get(CLASSIFICATION) == SECRET:
        return True
    if record.get("id") in secret_ids.get(entity, ()):
        return True
    return any(
        record.get(parent.field) in secret_ids.get(parent.entity, ())
        for parent in kind.parents
    )


ChildrenOf = Callable[[RecordType, Parent, set[str]], Iterable[str]]


def secret_closure(
    classified_secret: Mapping[str, set[str]],
    children_of: ChildrenOf,
) -> dict[str, set[str]]:
    """Per entity, the ids of records that are 秘密 or whose parent chain reaches a 秘密 record.

    ``classified_secret``: the ids classified 秘密, per classified entity; ``children_of(kind,
    parent, ids)``: the ids of ``kind``'s records whose ``parent.field`` is one of ``ids``.
    Worked out parent before child (``RECORD_TYPES``' order); a link to the type itself (a
    reversal of an event) is followed until nothing new is found."""
    found: dict[str, set[str]] = {}
    for kind in RECORD_TYPES:
        ids = set(classified_secret.get(kind.entity, ()))
        for parent in kind.parents:
            if parent.entity != kind.entity and found.get(parent.entity):
                ids |= set(children_of(kind, parent, found[parent.entity]))
        own = [p for p in kind.parents if p.entity == kind.entity]
        frontier = set(ids)
        while own and frontier:
            frontier = {
                child for parent in own for child in children_of(kind, parent, frontier)
            } - ids
            ids |= frontier
        found[kind.entity] = ids
    return found
