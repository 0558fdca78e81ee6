"""The 意见建议 register (issue 17; DOMAIN.md "Opinions 意见建议 and reports of misconduct").

An entry is received (from a member, a named person or anonymously; at a meeting, in person, in
writing, or on the city platform, whence it arrives by sync), forwarded to a unit of the 机关 (the
branch keeps the list of units), answered by the unit, acted on or declined with a reason, and
the proposer is told of the answer on a date. Every write is audited and queued for the platform
(an entry filed on the platform gets its status and answer back there by the same sync).

A report of misconduct (廉政线索, 检举控告) is never written here: only the fact that one was handed
to the 纪委, the date and the 纪委's reference number (检举控告工作规则 第47条: strictly secret).
Such an entry is always 秘密 (the sync engine withholds it from pushes and bundles), cannot be
made anything else (``app.services.classification`` does not offer this table), and the
reports count it without a line of it.

Settings (per database): the list of units, the time limit per category (days; DOMAIN.md: no
national deadline) and the 纪委's contact shown where a report is handed over.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import extract, select

from app.domain import opinions as rules
from app.domain.members import Classification
from app.domain.opinions import Category, Channel, Kind, Status
from app.errors import FieldProblem, InvalidInputError, RecordNotFoundError
from app.storage.models import MemberRow, OpinionAttachmentRow, OpinionRow, Setting
from app.storage.unit_of_work import UnitOfWork

UNITS_KEY = "opinions.units"
LIMITS_KEY = "opinions.time_limits"
CONTACT_KEY = "opinions.discipline_contact"
ENTITY = "opinion"
_CONTENT_MAX = 4000


# ---------------------------------------------------------------- what the pages show
@dataclass(frozen=True)
class OpinionInput:
    """An entry as received. ``member_id``: a member of the roll; otherwise ``proposer_name``
    (someone else, or the name the platform gave); ``anonymous``: neither is kept."""

    received_on: date
    channel: Channel
    category: Category
    content: str
    member_id: str | None = None
    proposer_name: str = ""
    anonymous: bool = False
    classification: Classification = Classification.INTERNAL


@dataclass(frozen=True)
class Opinion:
    id: str
    kind: Kind
    received_on: date
    proposer: str  # the member's or the given name; "" when anonymous
    anonymous: bool
    member_id: str | None
    channel: Channel | None
    category: Category | None
    content: str
    status: Status
    forwarded_to: str
    forwarded_on: date | None
    reply: str
    measures: str
    answered_by: str
    answered_on: date | None
    decline_reason: str
    feedback_on: date | None
    reference: str
    classification: Classification
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class Summary:
    """A year's register counted: opinions by (category, status), and the reports handed to the
    纪委 (only their number)."""

    year: int
    counts: dict[tuple[Category, Status], int]
    misconduct: int

    def total(self) -> int:
        return sum(self.counts.values())


# ---------------------------------------------------------------- settings
def units(uow: UnitOfWork) -> list[str]:
    """The 机关's units an entry may be forwarded to, in the branch's order."""
    stored = uow.session.get(Setting, UNITS_KEY)
    return list(json.loads(stored.value)) if stored else []


def set_units(uow: UnitOfWork, names: list[str]) -> None:
    cleaned = list(dict.fromkeys(n.strip() for n in names if n.strip()))
    if any(len(n) > 100 for n in cleaned):
        raise InvalidInputError([FieldProblem("units", "too_long")])
    uow.session.merge(Setting(key=UNITS_KEY, value=json.dumps(cleaned, ensure_ascii=False)))
    uow.audit("opinions.units", "setting", UNITS_KEY, {"units": cleaned})


def time_limits(uow: UnitOfWork) -> dict[Category, int]:
    stored = uow.session.get(Setting, LIMITS_KEY)
    return rules.time_limits(json.loads(stored.value) if stored else None)


def set_time_limits(uow: UnitOfWork, limits: dict[Category, int]) -> None:
    if any(not 1 <= days <= 366 for days in limits.values()):
        raise InvalidInputError([FieldProblem("time_limits", "out_of_range")])
    codes = {category.value: days for category, days in limits.items()}
    uow.session.merge(Setting(key=LIMITS_KEY, value=json.dumps(codes, sort_keys=True)))
    uow.audit("opinions.time_limits", "setting", LIMITS_KEY, codes)


def discipline_contact(uow: UnitOfWork) -> str:
    """How the 纪委 is reached (office, telephone, address), as the branch wrote it."""
    stored = uow.session.get(Setting, CONTACT_KEY)
    return stored.value if stored else ""


def set_discipline_contact(uow: UnitOfWork, text: str) -> None:
    text = text.strip()
    if len(text) > 500:
        raise InvalidInputError([FieldProblem("contact", "too_long")])
    uow.session.merge(Setting(key=CONTACT_KEY, value=text))
    uow.audit("opinions.discipline_contact", "setting", CONTACT_KEY)


# ---------------------------------------------------------------- the register
def record_opinion(uow: UnitOfWork, data: OpinionInput) -> str:
    fields = _entry_fields(uow, data)
    row = OpinionRow(id=uow.new_id(), kind=Kind.OPINION.value,
                     status=Status.PENDING.value, **fields)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("opinion.create", ENTITY, row.id)
    uow.outbox(ENTITY, row.id, {**fields, "kind": Kind.OPINION.value,
                                "status": Status.PENDING.value})
    return row.id


def update_opinion(uow: UnitOfWork, opinion_id: str, data: OpinionInput) -> None:
    """Correct the entry as received (its course is changed by the steps below)."""
    row = _opinion(uow, opinion_id)
    _write(uow, row, "opinion.update", _entry_fields(uow, data))


def forward(uow: UnitOfWork, opinion_id: str, unit: str, on: date) -> None:
    """Forwarded to a unit on a date (the 转办单 is printed from the entry)."""
    row = _opinion(uow, opinion_id)
    unit = unit.strip()
    problems = []
    if not unit:
        problems.append(FieldProblem("forwarded_to", "required"))
    elif len(unit) > 100:
        problems.append(FieldProblem("forwarded_to", "too_long"))
    if on < row.received_on:
        problems.append(FieldProblem("forwarded_on", "before_received"))
    if problems:
        raise InvalidInputError(problems)
    status = row.status if Status(row.status) not in rules.OPEN else Status.FORWARDED.value
    _write(uow, row, "opinion.forward",
           {"forwarded_to": unit, "forwarded_on": on, "status": status})


def answer(
    uow: UnitOfWork, opinion_id: str, reply: str, measures: str, answered_by: str, on: date,
    implemented: bool = False,
) -> None:
    """The unit's reply and measures: 已答复, or 已落实 once the measures are carried out."""
    row = _opinion(uow, opinion_id)
    reply, measures, answered_by = reply.strip(), measures.strip(), answered_by.strip()
    problems = []
    if not reply:
        problems.append(FieldProblem("reply", "required"))
    if on < row.received_on:
        problems.append(FieldProblem("answered_on", "before_received"))
    if implemented and not measures:
        problems.append(FieldProblem("measures", "required"))
    if problems:
        raise InvalidInputError(problems)
    status = Status.IMPLEMENTED if implemented else Status.ANSWERED
    _write(uow, row, "opinion.answer", {
        "reply": reply, "measures": measures, "answered_by": answered_by[:100],
        "answered_on": on, "status": status.value, "decline_reason": "",
    })


def decline(uow: UnitOfWork, opinion_id: str, reason: str, answered_by: str, on: date) -> None:
    """不予采纳, always with the reason (the proposer is owed a responsible answer)."""
    row = _opinion(uow, opinion_id)
    reason = reason.strip()
    if not reason:
        raise InvalidInputError([FieldProblem("decline_reason", "required")])
    if on < row.received_on:
        raise InvalidInputError([FieldProblem("answered_on", "before_received")])
    _write(uow, row, "opinion.decline", {
        "decline_reason": reason, "answered_by": answered_by.strip()[:100], "answered_on": on,
        "status": Status.DECLINED.value,
    })


def record_feedback(uow: UnitOfWork, opinion_id: str, on: date) -> None:
    """The proposer was told of the answer on ``on``."""
    row = _opinion(uow, opinion_id)
    if Status(row.status) in rules.OPEN:
        raise InvalidInputError([FieldProblem("feedback_on", "not_answered")])
    if row.answered_on is not None and on < row.answered_on:
        raise InvalidInputError([FieldProblem("feedback_on", "before_answer")])
    _write(uow, row, "opinion.feedback", {"feedback_on": on})


def record_handover(uow: UnitOfWork, handed_on: date, reference: str = "") -> str:
    """A report of misconduct was handed to the 纪委 on ``handed_on`` (检举控告工作规则 第47条):
    only that fact and the 纪委's reference number. Always 秘密: never sent, never in a bundle."""
    reference = reference.strip()
    if len(reference) > 50:
        raise InvalidInputError([FieldProblem("reference", "too_long")])
    row = OpinionRow(
        id=uow.new_id(), kind=Kind.MISCONDUCT.value, received_on=handed_on,
        status=Status.FORWARDED.value, forwarded_to="纪委", forwarded_on=handed_on,
        reference=reference, classification=Classification.SECRET.value,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("opinion.misconduct_handed_over", ENTITY, row.id)
    # Queued like every write: the engine keeps a 秘密 record's ops on the PC.
    uow.outbox(ENTITY, row.id, {
        "kind": row.kind, "received_on": handed_on, "status": row.status,
        "forwarded_to": row.forwarded_to, "forwarded_on": handed_on, "reference": reference,
        "classification": row.classification,
    })
    return row.id


# ---------------------------------------------------------------- attachments
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Attachment:
    id: str
    file_name: str
    size: int


def add_attachment(uow: UnitOfWork, opinion_id: str, file_name: str, data: bytes) -> str:
    """Keep a file that came with an opinion inside the encrypted database (it stays on this
    PC). A report handed to the 纪委 has none: nothing of it is kept."""
    _opinion(uow, opinion_id)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise InvalidInputError([FieldProblem("attachment", "too_large")])
    row = OpinionAttachmentRow(
        id=uow.new_id(), opinion_id=opinion_id, file_name=file_name[:200], size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), data=data,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("opinion.attach", ENTITY, opinion_id, {"file": row.file_name})
    return row.id


def attachments(uow: UnitOfWork, opinion_id: str) -> list[Attachment]:
    rows = uow.session.execute(
        select(OpinionAttachmentRow.id, OpinionAttachmentRow.file_name,
               OpinionAttachmentRow.size)
        .where(OpinionAttachmentRow.opinion_id == opinion_id,
               OpinionAttachmentRow.deleted_at.is_(None))
        .order_by(OpinionAttachmentRow.created_at, OpinionAttachmentRow.id)).tuples()
    return [Attachment(i, n, s) for i, n, s in rows]


def attachment_data(uow: UnitOfWork, attachment_id: str) -> bytes:
    row = uow.session.get(OpinionAttachmentRow, attachment_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("attachment", attachment_id)
    return bytes(row.data)


# ---------------------------------------------------------------- reading
def member_choices(uow: UnitOfWork) -> list[tuple[str, str]]:
    """(id, name) of the branch's active members in name order, for "from whom"."""
    from app.domain.members import MembershipStatus

    return list(uow.session.execute(
        select(MemberRow.id, MemberRow.name)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .order_by(MemberRow.sort_key, MemberRow.id)).tuples())


def get(uow: UnitOfWork, opinion_id: str, today: date) -> Opinion:
    row = uow.session.get(OpinionRow, opinion_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError(ENTITY, opinion_id)
    return _view(row, _names(uow, [row]), time_limits(uow), today)


def register(uow: UnitOfWork, today: date, year: int | None = None) -> list[Opinion]:
    """The entries (of ``year``, by date received; all when None), newest first."""
    query = select(OpinionRow).where(OpinionRow.deleted_at.is_(None))
    if year is not None:
        query = query.where(extract("year", OpinionRow.received_on) == year)
    rows = list(uow.session.scalars(query.order_by(OpinionRow.received_on.desc(),
                                                   OpinionRow.id.desc())))
    limits = time_limits(uow)
    names = _names(uow, rows)
    return [_view(row, names, limits, today) for row in rows]


def overdue(uow: UnitOfWork, today: date) -> list[Opinion]:
    """Opinions still open after their time limit (工作台), oldest first."""
    rows = list(uow.session.scalars(
        select(OpinionRow).where(
            OpinionRow.deleted_at.is_(None), OpinionRow.kind == Kind.OPINION.value,
            OpinionRow.status.in_([s.value for s in rules.OPEN]),
        ).order_by(OpinionRow.received_on)
    ))
    limits = time_limits(uow)
    names = _names(uow, rows)
    return [v for v in (_view(row, names, limits, today) for row in rows) if v.overdue]


def summary(uow: UnitOfWork, year: int, today: date) -> Summary:
    entries = register(uow, today, year)
    counts = Counter(
        (e.category or Category.OTHER, e.status) for e in entries if e.kind is Kind.OPINION
    )
    return Summary(year, dict(counts), sum(1 for e in entries if e.kind is Kind.MISCONDUCT))


# ---------------------------------------------------------------- inside
def _entry_fields(uow: UnitOfWork, data: OpinionInput) -> dict[str, Any]:
    content = data.content.strip()
    problems = []
    if not content:
        problems.append(FieldProblem("content", "required"))
    elif len(content) > _CONTENT_MAX:
        problems.append(FieldProblem("content", "too_long"))
    member_id = None if data.anonymous else data.member_id
    name = "" if data.anonymous or member_id else data.proposer_name.strip()
    if len(name) > 50:
        problems.append(FieldProblem("proposer_name", "too_long"))
    if member_id and uow.session.get(MemberRow, member_id) is None:
        problems.append(FieldProblem("proposer_name", "unknown"))
    if problems:
        raise InvalidInputError(problems)
    return {
        "received_on": data.received_on, "channel": data.channel.value,
        "category": data.category.value, "content": content, "member_id": member_id,
        "proposer_name": name, "anonymous": data.anonymous,
        "classification": data.classification.value,
    }


def _opinion(uow: UnitOfWork, opinion_id: str) -> OpinionRow:
    row = uow.session.get(OpinionRow, opinion_id)
    if row is None or row.deleted_at is not None or row.kind != Kind.OPINION.value:
        raise RecordNotFoundError(ENTITY, opinion_id)
    return row


def _write(uow: UnitOfWork, row: OpinionRow, action: str, changes: dict[str, Any]) -> None:
    changed = {k: v for k, v in changes.items() if getattr(row, k) != v}
    if not changed:
        return
    before = row.classification
    for name, value in changed.items():
        setattr(row, name, value)
    uow.session.flush()
    uow.audit(action, ENTITY, row.id, {"fields": sorted(changed)})
    if "classification" in changed:
        uow.audit("classification.change", ENTITY, row.id,
                  {"from": before, "to": row.classification})
    uow.outbox(ENTITY, row.id, changed, base_version=row.server_version)


def _names(uow: UnitOfWork, rows: list[OpinionRow]) -> dict[str, str]:
    ids = {r.member_id for r in rows if r.member_id}
    if not ids:
        return {}
    return dict(uow.session.execute(
        select(MemberRow.id, MemberRow.name).where(MemberRow.id.in_(ids))).tuples().all())


def _enum(kind: Any, value: str) -> Any:
    try:
        return kind(value)
    except ValueError:
        return None


def _view(
    row: OpinionRow, names: dict[str, str], limits: dict[Category, int], today: date
) -> Opinion:
    kind = _enum(Kind, row.kind) or Kind.OPINION
    category = _enum(Category, row.category)
    status = _enum(Status, row.status) or Status.PENDING
    opinion = kind is Kind.OPINION
    due = rules.due_on(row.received_on, category or Category.OTHER, limits) if opinion else None
    return Opinion(
        id=row.id, kind=kind, received_on=row.received_on,
        proposer="" if row.anonymous else names.get(row.member_id or "", row.proposer_name),
        anonymous=row.anonymous, member_id=row.member_id,
        channel=_enum(Channel, row.channel), category=category, content=row.content,
        status=status, forwarded_to=row.forwarded_to, forwarded_on=row.forwarded_on,
        reply=row.reply, measures=row.measures, answered_by=row.answered_by,
        answered_on=row.answered_on, decline_reason=row.decline_reason,
        feedback_on=row.feedback_on, reference=row.reference,
        classification=_enum(Classification, row.classification) or Classification.INTERNAL,
        due_on=due,
        overdue=opinion and rules.is_overdue(
            row.received_on, category or Category.OTHER, status, limits, today),
    )
