"""The member register (党员): add, edit, leave, events, lists and deadlines (transfers:
``app.services.transfers``).

Every write runs in the caller's unit of work with its audit entry and its sync-outbox op; the
caller commits. Reads return frozen dataclasses, never ORM rows. Lists are filtered and sorted in
SQL and handed out as ids plus rows fetched on demand, so 10,000 members stay fast.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal, or_, select

from app.domain import development, members
from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, IdType, validate_id
from app.domain.members import (
    BranchPost,
    Classification,
    EventKind,
    FlowDirection,
    Issue,
    MembershipStatus,
    Severity,
)
from app.domain.name_order import group_key
from app.errors import FieldProblem, InvalidInputError, RecordNotFoundError
from app.services import decisions
from app.services.classification import audit_change
from app.services.dues_terms import date_category_change
from app.storage.models import MemberEventRow, MemberRow, PartyGroupRow
from app.storage.unit_of_work import UnitOfWork

# ---------------------------------------------------------------- values crossing the boundary


@dataclass(frozen=True)
class MemberInput:
    """What a form or a roster row says about a member (every editable field)."""

    name: str
    id_number: str = ""
    id_type: IdType = IdType.RESIDENT
    gender: Gender | None = None
    birth_date: date | None = None
    ethnic_group: str = ""  # GB/T 3304 code
    native_place: str = ""
    education: str = ""  # GB/T 4658 code
    degree: str = ""  # GB/T 6864 code
    work_unit: str = ""
    job_title: str = ""
    occupation: str = ""  # 职业 (codes.occupations(); not the dues category)
    phone: str = ""
    category: PersonCategory = PersonCategory.IN_WORK
    stage: Stage = Stage.FULL
    party_group_id: str | None = None
    branch_post: BranchPost = BranchPost.NONE
    classification: Classification = Classification.INTERNAL
    application_date: date | None = None
    talk_date: date | None = None
    activist_date: date | None = None
    contacts: str = ""  # 培养联系人 names, separated by 、 or commas
    last_review_date: date | None = None
    candidate_date: date | None = None
    training_hours: int | None = None
    sponsors: str = ""  # 入党介绍人 names
    admission_date: date | None = None
    approval_date: date | None = None
    probation_extension_months: int | None = None
    full_date: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class Member:
    """A stored member: the input fields plus status, flow and bookkeeping."""

    id: str
    data: MemberInput
    status: MembershipStatus = MembershipStatus.ACTIVE
    left_date: date | None = None
    left_reason: str = ""
    transfer_destination: str = ""
    transfer_letter_no: str = ""
    transfer_valid_days: int | None = None  # the letter out (its date is ``left_date``)
    transfer_paid_until: str = ""  # 党费已交到, "YYYY-MM"
    transfer_receipt_on: date | None = None  # 回执
    transfer_in_on: date | None = None
    transfer_in_origin: str = ""
    transfer_in_letter_no: str = ""
    transfer_in_paid_until: str = ""  # 党费交至, "YYYY-MM"
    flow_direction: FlowDirection = FlowDirection.NONE
    flow_place: str = ""
    flow_since: date | None = None
    flow_contact: str = ""
    flow_card_no: str = ""
    lost_contact_since: date | None = None
    party_group_name: str = ""
    server_version: int = 0


@dataclass(frozen=True)
class MemberListRow:
    """One line of the member list."""

    id: str
    name: str
    gender: Gender | None
    birth_date: date | None
    id_number: str
    stage: Stage
    status: MembershipStatus
    category: PersonCategory
    party_group_name: str
    branch_post: BranchPost
    phone: str
    work_unit: str
    full_date: date | None


class StatusFilter(enum.Enum):
    ACTIVE = "active"  # on the roll
    TRANSFER_PENDING = "transfer_pending"  # 转出待接收: letter out, no 回执 yet (listed apart)
    LEFT = "left"  # transferred out, stopped, expelled, deceased…
    ALL = "all"


class SortKey(enum.Enum):
    NAME = "name"
    BIRTH_DATE = "birth_date"
    STAGE = "stage"
    PARTY_GROUP = "party_group"
    FULL_DATE = "full_date"
    CATEGORY = "category"


@dataclass(frozen=True)
class MemberFilter:
    text: str = ""  # part of the name, ID number, phone or work unit
    status: StatusFilter = StatusFilter.ACTIVE
    stage: Stage | None = None
    party_group_id: str | None = None
    category: PersonCategory | None = None
    flow: FlowDirection | None = None  # 流动党员 only (流出 or 流入)
    sort: SortKey = SortKey.NAME
    descending: bool = False


@dataclass(frozen=True)
class PartyGroup:
    id: str
    name: str
    member_count: int


@dataclass(frozen=True)
class TimelineEntry:
    on: date
    kind: str  # a milestone field name ("admission_date"…) or an EventKind value
    text: str = ""


@dataclass(frozen=True)
class DevelopmentItem:
    member_id: str
    name: str
    stage: Stage
    deadlines: tuple[development.Deadline, ...] = field(default_factory=tuple)


# ---------------------------------------------------------------- checks


def to_facts(
    data: MemberInput, votes: Mapping[development.Decision, development.DecisionVote] | None = None
) -> members.MemberFacts:
    """The fields the rules look at; ``votes``: the member's decision votes recorded at meetings
    (``decisions.decision_votes``), checked like the admission vote (细则第三十三条)."""
    votes = votes or {}
    return members.MemberFacts(
        name=data.name,
        id_type=data.id_type,
        id_number=data.id_number,
        gender=data.gender,
        birth_date=data.birth_date,
        ethnic_group=data.ethnic_group,
        education=data.education,
        degree=data.degree,
        occupation=data.occupation,
        phone=data.phone,
        category=data.category,
        stage=data.stage,
        milestones=development_record(data, votes),
    )


def development_record(
    data: Any, votes: Mapping[development.Decision, development.DecisionVote] | None = None
) -> development.DevelopmentRecord:
    """The development steps the 细则's rules check (``to_facts``' ``milestones``), from a
    ``MemberInput``, a ``MemberRow`` or a Core row of the member table (the same attributes:
    the assessment checks thousands without building the rest)."""
    votes = votes or {}
    return development.DevelopmentRecord(
        birth_date=data.birth_date,
        application_received=data.application_date,
        talk=data.talk_date,
        activist_since=data.activist_date,
        contacts=_count_names(data.contacts),
        last_review=data.last_review_date,
        candidate_since=data.candidate_date,
        training_hours=data.training_hours,
        sponsors=_count_names(data.sponsors),
        admitted=data.admission_date,
        admission_vote=votes.get(development.Decision.ADMISSION),
        approved=data.approval_date,
        probation_extensions=(
            (data.probation_extension_months,) if data.probation_extension_months else ()
        ),
        extension_vote=votes.get(development.Decision.EXTENSION),
        full_since=data.full_date,
        full_vote=votes.get(development.Decision.FULL_MEMBERSHIP),
        cancellation_vote=votes.get(development.Decision.CANCELLATION),
    )


def check_member(
    uow: UnitOfWork, data: MemberInput, today: date, member_id: str | None = None
) -> list[Issue]:
    """Every error and warning about ``data``, including a duplicate ID number in the register
    and, for a stored member, the votes on their admission, 转正… (细则第三十三条)."""
    votes = decisions.decision_votes(uow, member_id) if member_id else {}
    issues = members.check(to_facts(data, votes), today)
    number = members.normalized_id_number(to_facts(data), today)
    if number:
        clash = find_by_id_number(uow, number)
        if clash is not None and clash != member_id:
            issues.append(Issue("id_number", "duplicate_id_number"))
    if data.party_group_id and uow.session.get(PartyGroupRow, data.party_group_id) is None:
        issues.append(Issue("party_group_id", "unknown_party_group"))
    return issues


def completed(data: MemberInput, today: date) -> MemberInput:
    """The input as it will be stored: ID number normalized; birth date and gender taken from a
    valid resident ID number when the record leaves them empty (never typed twice). A value the
    user did enter is kept even if it disagrees (check_member warns about it)."""
    if not data.id_number.strip():
        return data
    result = validate_id(data.id_number, data.id_type, today=today)
    return replace(
        data,
        id_number=result.number,
        birth_date=data.birth_date or (result.birth_date if result.ok else None),
        gender=data.gender or (result.gender if result.ok else None),
        name=data.name.strip(),
    )


def _raise_on_errors(issues: Iterable[Issue]) -> None:
    errors = [FieldProblem(i.field, i.code) for i in issues if i.severity is Severity.ERROR]
    if errors:
        raise InvalidInputError(errors)


# ---------------------------------------------------------------- writes


def create_member(uow: UnitOfWork, data: MemberInput, today: date) -> str:
    """Add a member; raises InvalidInputError listing every field in error. Returns the id."""
    data = completed(data, today)
    _raise_on_errors(check_member(uow, data, today))
    row = MemberRow(id=uow.new_id())
    _apply(row, data)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("member.create", "member", row.id)
    uow.outbox("member", row.id, wire_fields(data))
    return row.id


def update_member(uow: UnitOfWork, member_id: str, data: MemberInput, today: date) -> None:
    """Change a member's fields; only the changed fields go to the outbox.

    A new category of person is dated: it applies from this month (``dues_terms``), so a month
    before it generated afterwards keeps the former category's rate (第二条 / 第五条 / 第六条).
    ``dues_terms.change_category`` records another month."""
    row = _row(uow, member_id)
    data = completed(data, today)
    _raise_on_errors(check_member(uow, data, today, member_id=member_id))
    before = wire_fields(input_of(row))
    _apply(row, data)
    after = wire_fields(data)
    patch = {k: v for k, v in after.items() if before.get(k) != v}
    if not patch:
        return
    uow.session.flush()
    uow.audit("member.update", "member", member_id, {"fields": sorted(patch)})
    audit_change(uow, "member", member_id, before["classification"], after["classification"])
    uow.outbox("member", member_id, patch, base_version=row.server_version)
    if "category" in patch:
        date_category_change(uow, member_id, Month.of(today), data.category,
                             PersonCategory(before["category"]), data.classification)


def record_leaving(
    uow: UnitOfWork,
    member_id: str,
    status: MembershipStatus,
    on: date,
    reason: str,
    destination: str = "",
    letter_no: str = "",
) -> None:
    """The member leaves the roll (转出, 停止党籍, 出党, 除名, 开除, 死亡): never a delete."""
    row = _row(uow, member_id)
    problems = []
    if status not in members.LEAVING_KINDS:  # 转出待接收 comes from a letter (services.transfers)
        problems.append(FieldProblem("status", "not_a_leaving_kind"))
    if row.status != MembershipStatus.ACTIVE.value:
        problems.append(FieldProblem("status", "already_left"))
    if status is MembershipStatus.TRANSFERRED_OUT:
        if not destination.strip():
            problems.append(FieldProblem("transfer_destination", "required"))
        if not letter_no.strip():
            problems.append(FieldProblem("transfer_letter_no", "required"))
    if problems:
        raise InvalidInputError(problems)
    row.status = status.value
    row.left_date = on
    row.left_reason = reason.strip()
    row.transfer_destination = destination.strip()
    row.transfer_letter_no = letter_no.strip()
    patch = {
        "status": row.status, "left_date": on.isoformat(), "left_reason": row.left_reason,
        "transfer_destination": row.transfer_destination,
        "transfer_letter_no": row.transfer_letter_no,
    }
    _add_event(uow, member_id, EventKind.LEFT, on, row.left_reason, {"status": status.value})
    uow.audit("member.leave", "member", member_id, {"status": status.value})
    uow.outbox("member", member_id, patch, base_version=row.server_version)


def add_event(
    uow: UnitOfWork, member_id: str, kind: EventKind, on: date, text: str = "", place: str = "",
    classification: Classification = Classification.INTERNAL, contact: str = "",
    card_no: str = "",
) -> str:
    """A dated timeline entry; flow and lost-contact events also set the member's current state.
    ``classification``: the entry's own 密级 (an entry of a 秘密 member is 秘密 anyway).
    流动党员 (教育管理工作条例 第二十五条): the place, a way to reach the member (``contact``)
    and the 流动党员活动证 number (``card_no``) are kept with the dates."""
    row = _row(uow, member_id)
    if kind in _TRANSFER_EVENTS:
        raise InvalidInputError([FieldProblem("kind", "use_leaving_or_transfer")])
    patch: dict[str, Any] = {}
    detail = {"place": place.strip()}
    if kind in (EventKind.FLOW_OUT, EventKind.FLOW_IN):
        if not place.strip():
            raise InvalidInputError([FieldProblem("flow_place", "required")])
        if row.status != MembershipStatus.ACTIVE.value:
            raise InvalidInputError([FieldProblem("status", "already_left")])
        direction = FlowDirection.OUT if kind is EventKind.FLOW_OUT else FlowDirection.IN
        row.flow_direction, row.flow_place, row.flow_since = direction.value, place.strip(), on
        row.flow_contact, row.flow_card_no = contact.strip(), card_no.strip()
        detail |= {"contact": row.flow_contact, "card_no": row.flow_card_no}
    elif kind is EventKind.FLOW_END:
        row.flow_direction, row.flow_place, row.flow_since = "", "", None
        row.flow_contact = row.flow_card_no = ""
    elif kind is EventKind.LOST_CONTACT:
        row.lost_contact_since = on
    elif kind is EventKind.CONTACT_RESTORED:
        row.lost_contact_since = None
    if kind in _STATE_EVENTS:
        patch = {
            "flow_direction": row.flow_direction, "flow_place": row.flow_place,
            "flow_since": _iso(row.flow_since), "flow_contact": row.flow_contact,
            "flow_card_no": row.flow_card_no,
            "lost_contact_since": _iso(row.lost_contact_since),
        }
        uow.outbox("member", member_id, patch, base_version=row.server_version)
    event_id = _add_event(uow, member_id, kind, on, text.strip(), detail, classification)
    uow.audit(f"member.event.{kind.value}", "member", member_id)
    return event_id


_TRANSFER_EVENTS = {
    EventKind.LEFT, EventKind.TRANSFER_IN, EventKind.TRANSFER_OUT, EventKind.TRANSFER_RECEIPT,
    EventKind.TRANSFER_CANCELLED,
}
_STATE_EVENTS = {
    EventKind.FLOW_OUT, EventKind.FLOW_IN, EventKind.FLOW_END, EventKind.LOST_CONTACT,
    EventKind.CONTACT_RESTORED,
}


def _add_event(
    uow: UnitOfWork, member_id: str, kind: EventKind, on: date, text: str, detail: dict[str, Any],
    classification: Classification = Classification.INTERNAL,
) -> str:
    event = MemberEventRow(
        id=uow.new_id(), member_id=member_id, kind=kind.value, on_date=on, text=text,
        detail=json.dumps(detail, ensure_ascii=False, sort_keys=True),
        classification=classification.value,
    )
    uow.session.add(event)
    uow.session.flush()
    uow.outbox("member_event", event.id, {
        "member_id": member_id, "kind": kind.value, "on_date": on.isoformat(), "text": text,
        "detail": detail, "classification": classification.value,
    })
    return event.id


# ---------------------------------------------------------------- party groups


def create_party_group(
    uow: UnitOfWork, name: str, classification: Classification = Classification.INTERNAL
) -> str:
    name = name.strip()
    if not name:
        raise InvalidInputError([FieldProblem("name", "required")])
    if uow.session.scalar(select(PartyGroupRow.id).where(PartyGroupRow.name == name)):
        raise InvalidInputError([FieldProblem("name", "duplicate")])
    row = PartyGroupRow(id=uow.new_id(), name=name, classification=classification.value)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("party_group.create", "party_group", row.id)
    uow.outbox("party_group", row.id, {"name": name, "classification": classification.value})
    return row.id


def rename_party_group(uow: UnitOfWork, group_id: str, name: str) -> None:
    row = uow.session.get(PartyGroupRow, group_id)
    if row is None:
        raise RecordNotFoundError("party_group", group_id)
    name = name.strip()
    if not name:
        raise InvalidInputError([FieldProblem("name", "required")])
    row.name = name
    uow.audit("party_group.rename", "party_group", group_id)
    uow.outbox("party_group", group_id, {"name": name}, base_version=row.server_version)


def party_groups(uow: UnitOfWork) -> list[PartyGroup]:
    query = (
        select(MemberRow.party_group_id, func.count())
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .group_by(MemberRow.party_group_id)
    )
    counts = {group_id: count for group_id, count in uow.session.execute(query).tuples()}
    rows = sorted(uow.session.scalars(select(PartyGroupRow)), key=lambda r: group_key(r.name))
    return [PartyGroup(r.id, r.name, counts.get(r.id, 0)) for r in rows]


def group_rank(uow: UnitOfWork) -> ColumnElement[int]:
    """A member's party group's place in the natural order of groups (``group_key``: 第二 before
    第十), for ORDER BY; members without a group come first."""
    rows = uow.session.execute(select(PartyGroupRow.id, PartyGroupRow.name)).tuples()
    ranks = {group_id: rank for rank, (group_id, _name) in
             enumerate(sorted(rows, key=lambda row: group_key(row[1])))}
    if not ranks:
        return literal(-1)
    return case(ranks, value=MemberRow.party_group_id, else_=-1)


# ---------------------------------------------------------------- reads


def get_member(uow: UnitOfWork, member_id: str) -> Member:
    row = _row(uow, member_id)
    group = uow.session.get(PartyGroupRow, row.party_group_id) if row.party_group_id else None
    return Member(
        id=row.id,
        data=input_of(row),
        status=MembershipStatus(row.status),
        left_date=row.left_date,
        left_reason=row.left_reason,
        transfer_destination=row.transfer_destination,
        transfer_letter_no=row.transfer_letter_no,
        transfer_valid_days=row.transfer_valid_days,
        transfer_paid_until=row.transfer_paid_until,
        transfer_receipt_on=row.transfer_receipt_on,
        transfer_in_on=row.transfer_in_on,
        transfer_in_origin=row.transfer_in_origin,
        transfer_in_letter_no=row.transfer_in_letter_no,
        transfer_in_paid_until=row.transfer_in_paid_until,
        flow_direction=FlowDirection(row.flow_direction),
        flow_place=row.flow_place,
        flow_since=row.flow_since,
        flow_contact=row.flow_contact,
        flow_card_no=row.flow_card_no,
        lost_contact_since=row.lost_contact_since,
        party_group_name=group.name if group else "",
        server_version=row.server_version,
    )


def find_by_id_number(uow: UnitOfWork, id_number: str) -> str | None:
    """The member with this (normalized) ID number, whatever their status."""
    return uow.session.scalar(
        select(MemberRow.id).where(MemberRow.id_number == id_number.strip().upper()).limit(1)
    )


def _filtered(query: Select[Any], flt: MemberFilter) -> Select[Any]:
    if flt.status is StatusFilter.ACTIVE:
        query = query.where(MemberRow.status == MembershipStatus.ACTIVE.value)
    elif flt.status is StatusFilter.TRANSFER_PENDING:
        query = query.where(MemberRow.status == MembershipStatus.TRANSFER_PENDING.value)
    elif flt.status is StatusFilter.LEFT:
        query = query.where(MemberRow.status.not_in(
            [MembershipStatus.ACTIVE.value, MembershipStatus.TRANSFER_PENDING.value]))
    if flt.flow is not None:
        query = query.where(MemberRow.flow_direction == flt.flow.value)
    if flt.stage is not None:
        query = query.where(MemberRow.stage == flt.stage.value)
    if flt.party_group_id is not None:
        query = query.where(MemberRow.party_group_id == flt.party_group_id)
    if flt.category is not None:
        query = query.where(MemberRow.category == flt.category.value)
    text = flt.text.strip()
    if text:
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", text) + "%"
        query = query.where(
            or_(
                MemberRow.name.like(pattern, escape="\\"),
                MemberRow.id_number.like(pattern.upper(), escape="\\"),
                MemberRow.phone.like(pattern, escape="\\"),
                MemberRow.work_unit.like(pattern, escape="\\"),
            )
        )
    return query


_SORT_COLUMNS = {
    SortKey.NAME: MemberRow.sort_key,
    SortKey.BIRTH_DATE: MemberRow.birth_date,
    SortKey.STAGE: MemberRow.stage,
    SortKey.FULL_DATE: MemberRow.full_date,
    SortKey.CATEGORY: MemberRow.category,
}


def member_ids(uow: UnitOfWork, flt: MemberFilter) -> list[str]:
    """The ids of the members matching ``flt``, in its order (filtering and sorting in SQL)."""
    column = group_rank(uow) if flt.sort is SortKey.PARTY_GROUP else _SORT_COLUMNS[flt.sort]
    query = select(MemberRow.id)
    order = column.desc() if flt.descending else column.asc()
    query = _filtered(query, flt).order_by(order, MemberRow.sort_key, MemberRow.id)
    # Core execution: a plain list of strings needs none of the ORM's per-row bookkeeping, which
    # costs 3-4x on a 10,000-member branch (bench/member_filter.py).
    return list(uow.session.connection().execute(query).scalars())


def count_members(uow: UnitOfWork, flt: MemberFilter) -> int:
    return uow.session.scalar(_filtered(select(func.count(MemberRow.id)), flt)) or 0


def member_rows(uow: UnitOfWork, ids: Sequence[str]) -> list[MemberListRow]:
    """The list rows for ``ids``, in the same order (for a table model's lazy row cache)."""
    if not ids:
        return []
    query = (
        select(
            MemberRow.id, MemberRow.name, MemberRow.gender, MemberRow.birth_date,
            MemberRow.id_number, MemberRow.stage, MemberRow.status, MemberRow.category,
            PartyGroupRow.name, MemberRow.branch_post, MemberRow.phone, MemberRow.work_unit,
            MemberRow.full_date,
        )
        .outerjoin(PartyGroupRow, MemberRow.party_group_id == PartyGroupRow.id)
        .where(MemberRow.id.in_(list(ids)))
    )
    found = {}
    # Only the list's columns, through Core: the table model asks for pages of rows as it scrolls.
    for (member_id, name, gender, birth_date, id_number, stage, status, category, group_name,
         branch_post, phone, work_unit, full_date) in uow.session.connection().execute(query):
        found[member_id] = MemberListRow(
            id=member_id,
            name=name,
            gender=Gender(gender) if gender else None,
            birth_date=birth_date,
            id_number=id_number,
            stage=Stage(stage),
            status=MembershipStatus(status),
            category=PersonCategory(category),
            party_group_name=group_name or "",
            branch_post=BranchPost(branch_post),
            phone=phone,
            work_unit=work_unit,
            full_date=full_date,
        )
    return [found[i] for i in ids if i in found]


def membership_counts(uow: UnitOfWork) -> dict[MembershipStatus, int]:
    """How many records have each status: members who left still count in history."""
    rows = uow.session.execute(select(MemberRow.status, func.count()).group_by(MemberRow.status))
    counts = {status: 0 for status in MembershipStatus}
    for status, count in rows.tuples():
        counts[MembershipStatus(status)] = count
    return counts


@dataclass(frozen=True)
class MembershipYears:
    """党龄 (党章第七条): whole years from the day probation ended, not from the 转正 meeting."""

    since: date
    years: int


def party_standing(data: MemberInput, today: date) -> MembershipYears | None:
    """The member's 党龄 on ``today``, None before full membership."""
    record = to_facts(data).milestones
    since = development.full_membership_start(record)
    if since is None:
        return None
    return MembershipYears(since, development.party_standing_years(record, today))


def timeline(uow: UnitOfWork, member_id: str) -> list[TimelineEntry]:
    """Milestones and events of one member, oldest first."""
    row = _row(uow, member_id)
    entries = [
        TimelineEntry(getattr(row, name), name)
        for name in ("application_date", "talk_date", "activist_date", "candidate_date",
                     "admission_date", "approval_date", "full_date")
        if getattr(row, name) is not None
    ]
    events = uow.session.scalars(
        select(MemberEventRow).where(MemberEventRow.member_id == member_id)
    )
    entries += [TimelineEntry(e.on_date, e.kind, e.text) for e in events]
    return sorted(entries, key=lambda e: (e.on, e.kind))


def development_overview(
    uow: UnitOfWork, today: date, within_days: int = 30
) -> list[DevelopmentItem]:
    """Active members not yet full members, by stage, each with its upcoming deadlines."""
    rows = uow.session.scalars(
        select(MemberRow)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.stage != Stage.FULL.value)
        .order_by(MemberRow.stage, MemberRow.sort_key)
    )
    items = []
    for row in rows:
        facts = to_facts(input_of(row))
        deadlines = development.upcoming_deadlines(facts.milestones, today, within_days)
        items.append(DevelopmentItem(row.id, row.name, Stage(row.stage), tuple(deadlines)))
    order = {stage: i for i, stage in enumerate(development.STAGES)}
    return sorted(items, key=lambda item: order[item.stage])


# ---------------------------------------------------------------- mapping


_ENUM_FIELDS: dict[str, type[enum.Enum]] = {
    "id_type": IdType, "category": PersonCategory, "stage": Stage, "branch_post": BranchPost,
    "classification": Classification,
}


def _apply(row: MemberRow, data: MemberInput) -> None:
    for f in fields(MemberInput):
        value = getattr(data, f.name)
        if isinstance(value, enum.Enum):
            value = value.value
        elif value is None and f.name == "gender":
            value = ""
        if isinstance(value, str) and f.name != "party_group_id":
            value = value.strip()
        setattr(row, f.name, value)


def input_of(row: MemberRow) -> MemberInput:
    values: dict[str, Any] = {}
    for f in fields(MemberInput):
        value = getattr(row, f.name)
        if f.name in _ENUM_FIELDS:
            value = _ENUM_FIELDS[f.name](value)
        elif f.name == "gender":
            value = Gender(value) if value else None
        values[f.name] = value
    return MemberInput(**values)


def wire_fields(data: MemberInput) -> dict[str, Any]:
    """JSON-ready field values (codes and ISO dates) for the outbox. A shallow copy: every field
    is a scalar (``dataclasses.asdict``'s deep copy cost a third of a bulk import)."""
    out = dict(vars(data))
    for name, value in out.items():
        if isinstance(value, enum.Enum):
            out[name] = value.value
        elif isinstance(value, date):
            out[name] = value.isoformat()
    return out


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _row(uow: UnitOfWork, member_id: str) -> MemberRow:
    row = uow.session.get(MemberRow, member_id)
    if row is None:
        raise RecordNotFoundError("member", member_id)
    return row


def _count_names(names: str) -> int | None:
    parts = [p for p in re.split(r"[、,，;；\s]+", names.strip()) if p]
    return len(parts) or None
