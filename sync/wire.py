"""The sync protocol between BranchDesk and the city platform: the wire schema (pydantic).

This module is the only code the reference server (``server/``) shares with the client; it
imports nothing from ``app`` or ``ui``. The committed OpenAPI document ``sync/openapi.json``,
generated from the server that uses these models, is the protocol specification.

Summary (every endpoint needs ``Authorization: Bearer <device token>`` except enrollment, which
is authorized by its one-time code):

- ``POST /v1/enroll`` — a one-time enrollment code binds a device to a branch; the answer carries
  the device token (shown once; the server keeps only its hash).
- ``POST /v1/branches/{branch_id}/sync/push`` with ``Idempotency-Key`` — up to 500 ops; one result
  per op: ``applied``, ``conflict`` (the non-conflicting fields were applied; the listed fields
  kept the server's value; an immutable event sent again with other content changes nothing
  until an op made from the stored version decides it) or ``rejected`` (with an English reason
  code). How each entity is identified and merged: ``sync.registry``. Ops are deduplicated on
  ``op_id``: sending an op again returns its first result and changes nothing.
- ``GET /v1/branches/{branch_id}/sync/changes?since=CURSOR&limit=N[&epoch=E]`` — the branch's
  records changed after the cursor, oldest first; ``410`` when the cursor belongs to another epoch
  or lies ahead of the server (it was restored from a backup): resync from cursor ``0``.
- ``GET /v1/branches/{branch_id}/sync/verify`` — per-entity counts and a digest over (id, version).
- ``GET /v1/branches/{branch_id}/notices?since=ID`` — notices from the platform to branches,
  with their due date, the answer they ask for and their attachments.
- ``POST /v1/branches/{branch_id}/notice-answers`` — the branch's answer to a notice (已阅, a
  text or a file); idempotent on the answer's id.
- ``PUT /v1/branches/{branch_id}/bundle-keys`` — register the device's public keys for bundle
  files (air-gapped sync, ``sync/bundle.py``); the answer carries the platform's public keys.
- ``POST /v1/bundles`` — a bundle file (authenticated by its signature, not a token); the answer
  is the return bundle.

A device reads and writes only its own branch (``403`` otherwise). Errors are JSON
``{"reason": "<code>"}`` with a 4xx status; the client turns codes into Chinese sentences.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field, JsonValue, StringConstraints, field_validator

from sync.notice_limits import MAX_ANSWER_TEXT, MAX_ATTACHMENT_BYTES
from sync.registry import RECORD_TYPES

PROTOCOL_VERSION = "1"
MAX_BATCH = 500
"""Most ops in one push."""
MAX_PAGE = 2000
"""Most changes in one pull page."""
DEFAULT_PAGE = 1000

if TYPE_CHECKING:
    Entity = str
else:
    Entity = Literal[tuple(kind.entity for kind in RECORD_TYPES)]
"""Record kinds that sync, as ``sync.registry`` declares them (the branch profile is one: the
platform's, never pushed). Meeting attachments (photos, scans) stay on the PC in version 1."""
ENTITIES: tuple[str, ...] = tuple(kind.entity for kind in RECORD_TYPES)

DELETED_FIELD = "deleted_at"
"""A patch setting ``deleted_at`` to a timestamp deletes (tombstones) the record; an edit made
elsewhere since the op's base version wins over the delete."""

# ---------------------------------------------------------------- shared field types

FieldName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,49}$")]
Hlc = Annotated[
    str, StringConstraints(pattern=r"^[0-9]{13}-[0-9]{5}-[0-9A-Za-z_-]{1,40}$", max_length=60)
]
Cursor = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,18}$")]
ReasonCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
_MAX_DEPTH = 4
_MAX_STRING = 20_000


def _check_json(value: Any, depth: int = 0) -> None:
    """Values a patch may carry: JSON without NUL characters, non-finite numbers or deep nesting
    (PostgreSQL text refuses NUL; JSON has no NaN). Dispatches on the exact type: every field of
    every pushed op passes here (values parsed from JSON are never subclasses)."""
    if depth > _MAX_DEPTH:
        raise ValueError("nested too deeply")
    kind = type(value)
    if kind is str:
        if "\x00" in value or len(value) > _MAX_STRING:
            raise ValueError("string not allowed")
    elif kind is int:
        if not -(2**53) <= value <= 2**53:
            raise ValueError("integer out of range")
    elif kind is float:
        if not math.isfinite(value):
            raise ValueError("number not finite")
    elif kind is list:
        for item in value:
            _check_json(item, depth + 1)
    elif kind is dict:
        for key, item in value.items():
            _check_json(key, depth + 1)
            _check_json(item, depth + 1)
    elif value is not None and kind is not bool and isinstance(value, str | int | float):
        base = next(t for t in (str, int, float) if isinstance(value, t))
        _check_json(base(value), depth)  # a subclass: checked as its base type


MAX_OWN_RANGES = 64
OWN_RANGES_PATTERN = r"^[0-9]{1,18}-[0-9]{1,18}(,[0-9]{1,18}-[0-9]{1,18}){0,63}$"


class OwnRanges:
    """Change numbers a device was answered in its pushes, kept as runs of consecutive numbers
    (a first sync of a million ops is a handful of runs), for the ``own`` parameter of a pull."""

    def __init__(self) -> None:
        self.runs: list[list[int]] = []

    def add(self, seq: int) -> None:
        last = self.runs[-1] if self.runs else None
        if last is not None and last[0] <= seq <= last[1] + 1:
            last[1] = max(last[1], seq)
        else:
            self.runs.append([seq, seq])

    def param(self) -> str:
        """The longest ``MAX_OWN_RANGES`` runs (an echo left in is only sent, never lost)."""
        longest = sorted(self.runs, key=lambda run: run[1] - run[0], reverse=True)
        return ",".join(f"{low}-{high}" for low, high in sorted(longest[:MAX_OWN_RANGES]))


def parse_own_ranges(text: str) -> list[tuple[int, int]] | None:
    """``OwnRanges.param`` read back; None when a range is upside down or there are too many."""
    if not text:
        return []
    ranges = []
    for part in text.split(","):
        low, _, high = part.partition("-")
        if not low.isdigit() or not high.isdigit() or int(low) > int(high):
            return None
        ranges.append((int(low), int(high)))
    return ranges if len(ranges) <= MAX_OWN_RANGES else None


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---------------------------------------------------------------- errors


class ErrorBody(_Model):
    """Every 4xx answer: an English reason code (``unauthorized``, ``forbidden``,
    ``invalid_request``, ``cursor_gone``, ``idempotency_key_reused``...)."""

    reason: str
    epoch: str | None = None


# ---------------------------------------------------------------- enrollment


class EnrollRequest(_Model):
    code: Annotated[str, StringConstraints(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9-]+$")]
    device_name: Annotated[str, StringConstraints(max_length=100, pattern=r"^[^\x00]*$")] = ""
    nonce: Annotated[str, StringConstraints(
        min_length=16, max_length=128, pattern=r"^[A-Za-z0-9_-]+$"
    )] | None = Field(default=None, description=(
        "A secret the PC makes and keeps before its first attempt: asking again with the same "
        "code and nonce within an hour (the answer was lost) gives the same device a new token."
    ))


class EnrollResponse(_Model):
    device_id: str
    token: str
    """The device credential, shown once. Send it as ``Authorization: Bearer <token>``."""
    branch_id: str
    branch_code: str
    branch_name: str
    epoch: str


# ---------------------------------------------------------------- push


class Op(_Model):
    """One local change: a field patch of one record."""

    op_id: UUID
    entity: Entity
    entity_id: UUID
    patch: dict[FieldName, JsonValue] = Field(max_length=100)
    base_version: int = Field(ge=0, le=2**53)
    """The server version the device's record had when the change was made (0: new)."""
    hlc: Hlc

    @field_validator("patch")
    @classmethod
    def _plain_json(cls, value: dict[str, Any]) -> dict[str, Any]:
        # The first level inline (names are FieldName already): the hot path of a large push.
        for item in value.values():
            kind = type(item)
            if kind is str:
                if "\x00" in item or len(item) > _MAX_STRING:
                    raise ValueError("string not allowed")
            elif kind is int:
                if not -(2**53) <= item <= 2**53:
                    raise ValueError("integer out of range")
            elif item is not None and kind is not bool:
                _check_json(item, 1)
        return value


class PushRequest(_Model):
    ops: list[Op] = Field(min_length=1, max_length=MAX_BATCH)


class Record(_Model):
    """A record as the server holds it."""

    entity: Entity
    id: str
    version: int
    seq: int
    """Position in the branch's change sequence (cursors count in it)."""
    deleted: bool
    data: dict[str, JsonValue]


class Applied(_Model):
    status: Literal["applied"] = "applied"
    op_id: UUID
    seq: int
    version: int
    record_id: str
    """The record the op landed on: the op's ``entity_id``, or the record stored earlier under
    another id with the same natural key (``sync.registry``: attendance of a member at a
    meeting, an amount owed of a member and month, a base of a member and month...)."""
    changed: bool = True
    """True when this op made ``version``; False when it changed nothing (a duplicate, the same
    values, or a delete that lost to an edit)."""
    superseded: list[str] = Field(default_factory=list)
    """Fields that kept a later value written elsewhere (last writer wins, non-member records)."""


class Conflict(_Model):
    status: Literal["conflict"] = "conflict"
    op_id: UUID
    seq: int
    version: int
    fields: list[str]
    """Fields that kept the server's value; every other field of the patch was applied."""
    server_record: Record


class Rejected(_Model):
    status: Literal["rejected"] = "rejected"
    op_id: UUID
    reason: ReasonCode


OpResult = Annotated[Applied | Conflict | Rejected, Field(discriminator="status")]


class PushResponse(_Model):
    results: list[OpResult]
    epoch: str


# ---------------------------------------------------------------- pull


class ChangesPage(_Model):
    changes: list[Record]
    next_cursor: Cursor
    has_more: bool
    epoch: str
    latest_notice: int = 0
    """The newest notice id for the branch: the client asks for notices only when it grew, so
    a sync with nothing new is one request."""


# ---------------------------------------------------------------- verify and notices


class TableDigest(_Model):
    count: int
    """Records of this entity, tombstones included."""
    digest: str
    """SHA-256 (hex) of the lines ``"{id}:{version}\\n"`` sorted by id."""


class VerifyResponse(_Model):
    epoch: str
    last_seq: int
    tables: dict[str, TableDigest]


NoticeResponse = Literal["none", "read", "text", "file"]
"""What a notice asks of the branch: nothing, 已阅, a text reply or a file."""
AnswerKind = Literal["read", "text", "file"]
DueDate = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
FileName = Annotated[str, StringConstraints(
    min_length=1, max_length=200, pattern=r"^[^/\\\x00-\x1f]+$")]
Base64Text = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]*={0,2}$")]


class NoticeAttachment(_Model):
    """A file attached to a notice, whole (base64)."""

    name: FileName
    size: int = Field(ge=0, description=f"bytes; at most {MAX_ATTACHMENT_BYTES}")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    content: Base64Text


class Notice(_Model):
    id: int
    title: str
    body: str
    published_at: str
    due_on: DueDate | None = None
    """The day (Beijing time) by which the branch answers; none: no deadline."""
    response: NoticeResponse = "none"
    attachments: list[NoticeAttachment] = Field(default_factory=list)


class NoticesResponse(_Model):
    notices: list[Notice]
    has_more: bool = False
    """More notices after the last one (a page is cut short by its attachments' size)."""


class NoticeAnswer(_Model):
    """A branch's answer to a notice. ``answer_id`` names this answer: the same answer sent
    again (a lost reply, a bundle imported twice) is not a second answer; a changed answer
    carries a new id and replaces the previous one until the notice's due date, after which
    the answer given stands (``answer_closed``)."""

    answer_id: UUID
    notice_id: int = Field(ge=1, le=2**31 - 1)
    kind: AnswerKind
    text: Annotated[str, StringConstraints(max_length=MAX_ANSWER_TEXT,
                                           pattern=r"^[^\x00]*$")] = ""
    file_name: Annotated[str, StringConstraints(max_length=200,
                                                pattern=r"^[^/\\\x00-\x1f]*$")] = ""
    file_content: Base64Text = ""
    answered_at: Annotated[str, StringConstraints(
        pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{8,15}Z$")]
    """When it was given on the PC (UTC): of two answers, the later one stands."""


AnswerOutcome = Literal["recorded", "same", "replaced", "superseded", "refused"]


class NoticeAnswerReceipt(_Model):
    """The platform's answer to a ``NoticeAnswer``. ``recorded``: the first answer; ``same``:
    this answer again, nothing changed; ``replaced``: it replaced the branch's earlier answer;
    ``superseded``: a later answer is stored already, this one changed nothing; ``refused``
    (bundles only; online it is a 4xx): ``reason`` says why."""

    notice_id: int
    answer_id: str
    outcome: AnswerOutcome
    reason: str = ""
    received_at: str = ""
    late: bool = False
    """Recorded after the notice's due date."""


# ---------------------------------------------------------------- bundle keys

Base64Key = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9+/]{43}=$")]


class BundleKeys(_Model):
    """A party's public keys for bundle files (base64 of 32 bytes each)."""

    encryption: Base64Key
    """X25519: bundles to this party are encrypted to it."""
    signing: Base64Key
    """Ed25519: this party's bundles are signed with it."""


class BundleKeysRequest(_Model):
    device: BundleKeys


class BundleKeysResponse(_Model):
    platform: BundleKeys


def digest_lines(pairs: list[tuple[str, int]]) -> str:
    """The verify digest over (id, version) pairs, computed the same way on both sides."""
    import hashlib

    hasher = hashlib.sha256()
    for record_id, version in sorted(pairs):
        hasher.update(f"{record_id}:{version}\n".encode())
    return hasher.hexdigest()
