"""The study record (党员学习教育, 教育管理条例 第20、23条): entries, exemptions, settings, the
year's table and who is behind the pace.

Every write runs in the caller's unit of work with its audit entry and sync-outbox op; the caller
commits. Attendance at a meeting that counts as study (``StudyRules.counted_meetings``) keeps the
meeting's entries itself: ``meeting_changed`` makes the entries match the attendance (one per
meeting and member, with the natural key's id), so a change of attendance moves the hours once
and marking the same attendance again moves nothing.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select, text

from app.domain import study as rules
from app.domain.development import Stage
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost, Classification, MembershipStatus
from app.domain.study import Conversion, ExemptReason, StudyForm, StudyRules
from app.errors import FieldProblem, InvalidInputError, RecordNotFoundError
from app.storage.bulk import insert_rows, read_rows
from app.storage.ids import natural_id, utc_iso, uuid7_many
from app.storage.models import (
    AttendanceRow,
    BranchRow,
    MeetingRow,
    MemberRow,
    PartyGroupRow,
    Setting,
    StudyEntryRow,
    StudyExemptionRow,
    StudyProofRow,
)
from app.storage.unit_of_work import UnitOfWork

RULES_KEY = "study_rules"
MAX_PROOF_BYTES = 20 * 1024 * 1024
ENTITY = "study_entry"
MEMBER_STAGES = (Stage.FULL.value, Stage.PROBATIONARY.value)
COUNTED = text("deleted_at IS NULL AND withdrawn = 0")
"""Entries that count (not deleted, not withdrawn with the attendance): ``ix_study_entry_counted``'s
condition, word for word."""


@dataclass(frozen=True)
class EntryInput:
    """What the secretary enters about one member's study."""

    member_id: str
    on_date: date
    form: StudyForm
    topic: str
    hours: Decimal
    organizer: str = ""
    classification: Classification = Classification.INTERNAL


@dataclass(frozen=True)
class ProofInfo:
    id: str
    file_name: str
    size: int


@dataclass(frozen=True)
class Entry:
    id: str
    data: EntryInput
    meeting_id: str | None = None
    hours_edited: bool = False
    proof: ProofInfo | None = None

    @property
    def from_meeting(self) -> bool:
        return self.meeting_id is not None


@dataclass(frozen=True)
class TableLine:
    """One member's year: hours per form, total, target (None: exempt, 第23条)."""

    member_id: str
    name: str
    party_group: str
    committee: bool
    exempt: ExemptReason | None
    hours: dict[StudyForm, Decimal]
    total: Decimal
    target: Decimal | None
    expected: Decimal  # on pace by the table's date
    behind: bool
    on_roll: bool = True  # False: left the branch this year (hours kept, no target)

    @property
    def shortfall(self) -> Decimal:
        """What is missing to the target (0 when reached or exempt)."""
        if self.target is None:
            return Decimal(0)
        return max(self.target - self.total, Decimal(0))

    @property
    def reached(self) -> bool:
        return self.target is not None and self.total >= self.target


@dataclass(frozen=True)
class StudyTable:
    year: int
    as_of: date
    lines: tuple[TableLine, ...]

    @property
    def with_target(self) -> list[TableLine]:
        return [line for line in self.lines if line.target is not None]

    @property
    def reached(self) -> int:
        return sum(1 for line in self.lines if line.reached)

    @property
    def behind(self) -> list[TableLine]:
        return [line for line in self.lines if line.behind]

    @property
    def total(self) -> Decimal:
        return rules.total(line.total for line in self.lines)


# ---------------------------------------------------------------- settings


def load_rules(uow: UnitOfWork) -> StudyRules:
    stored = uow.session.get(Setting, RULES_KEY)
    if stored is None:
        return StudyRules()
    data = json.loads(stored.value)
    conversion = data.get("conversion", {})
    default = Conversion()
    return StudyRules(
        target=Decimal(data.get("target", rules.DEFAULT_TARGET)),
        committee_target=Decimal(data.get("committee_target", rules.COMMITTEE_TARGET)),
        conversion=Conversion(
            per_hour=Decimal(conversion.get("per_hour", default.per_hour)),
            half_day=Decimal(conversion.get("half_day", default.half_day)),
            full_day=Decimal(conversion.get("full_day", default.full_day)),
            half_day_from_minutes=int(conversion.get(
                "half_day_from_minutes", default.half_day_from_minutes)),
            full_day_from_minutes=int(conversion.get(
                "full_day_from_minutes", default.full_day_from_minutes)),
            untimed_meeting=Decimal(conversion.get("untimed_meeting", default.untimed_meeting)),
        ),
        counted_meetings=frozenset(
            MeetingType(code) for code in data.get(
                "counted_meetings", [t.value for t in rules.DEFAULT_COUNTED_MEETINGS])
        ),
    )


def save_rules(uow: UnitOfWork, value: StudyRules) -> None:
    """Store the branch's targets, conversion and counted meetings (a local setting)."""
    problems = [
        FieldProblem(name, "not_positive")
        for name, amount in (("target", value.target),
                             ("committee_target", value.committee_target),
                             ("per_hour", value.conversion.per_hour),
                             ("half_day", value.conversion.half_day),
                             ("full_day", value.conversion.full_day),
                             ("untimed_meeting", value.conversion.untimed_meeting))
        if amount <= 0
    ]
    if value.conversion.full_day_from_minutes <= value.conversion.half_day_from_minutes:
        problems.append(FieldProblem("full_day_from_minutes", "not_after_half_day"))
    if problems:
        raise InvalidInputError(problems)
    c = value.conversion
    data = {
        "target": str(value.target), "committee_target": str(value.committee_target),
        "conversion": {
            "per_hour": str(c.per_hour), "half_day": str(c.half_day),
            "full_day": str(c.full_day), "half_day_from_minutes": c.half_day_from_minutes,
            "full_day_from_minutes": c.full_day_from_minutes,
            "untimed_meeting": str(c.untimed_meeting),
        },
        "counted_meetings": sorted(t.value for t in value.counted_meetings),
    }
    uow.session.merge(Setting(key=RULES_KEY, value=json.dumps(data)))
    uow.audit("settings.study_rules", "settings", RULES_KEY, data)


# ---------------------------------------------------------------- entries


def _check(uow: UnitOfWork, data: EntryInput) -> None:
    problems = []
    member = uow.session.get(MemberRow, data.member_id)
    if member is None:
        problems.append(FieldProblem("member_id", "unknown_member"))
    if not data.topic.strip():
        problems.append(FieldProblem("topic", "required"))
    try:
        rules.parse_hours(data.hours)
    except rules.HoursError as error:
        problems.append(FieldProblem("hours", error.code))
    if problems:
        raise InvalidInputError(problems)


def _wire(data: EntryInput) -> dict[str, Any]:
    return {
        "member_id": data.member_id, "on_date": data.on_date.isoformat(),
        "form": data.form.value, "topic": data.topic.strip(),
        "hours_hundredths": rules.to_hundredths(data.hours),
        "organizer": data.organizer.strip(), "classification": data.classification.value,
    }


def add_entry(uow: UnitOfWork, data: EntryInput) -> str:
    """Record one member's study; returns the entry's id."""
    _check(uow, data)
    row = StudyEntryRow(id=uow.new_id(), meeting_id=None, hours_edited=False, withdrawn=False)
    values = _wire(data)
    _apply(row, values)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("study.add", ENTITY, row.id, {"member": data.member_id})
    uow.outbox(ENTITY, row.id, {**values, "meeting_id": None, "hours_edited": False,
                                "withdrawn": False})
    return row.id


def add_entries(uow: UnitOfWork, entries: Sequence[EntryInput]) -> list[str]:
    """Record many entries (checked by the caller: an import's plan, the demo) in one statement
    each for the rows and their outbox ops; returns their ids. The caller audits the batch."""
    now = utc_iso()
    rows: list[dict[str, Any]] = []
    ops: list[tuple[str, str, dict[str, Any], int]] = []
    for entry_id, data in zip(uuid7_many(len(entries)), entries, strict=True):
        record = {**_wire(data), "meeting_id": None, "hours_edited": False,
                  "withdrawn": False}
        rows.append({**record, "id": entry_id, "on_date": data.on_date, "created_at": now,
                     "updated_at": now, "server_version": 0})
        ops.append((ENTITY, entry_id, record, 0))
    uow.session.flush()
    insert_rows(uow.session.connection(), cast(Table, StudyEntryRow.__table__), rows)
    uow.outbox_many(ops)
    return [row["id"] for row in rows]


def update_entry(uow: UnitOfWork, entry_id: str, data: EntryInput) -> None:
    """Change an entry. An entry a meeting made keeps its member, date, form and topic (they
    follow the meeting); its hours may be changed, and then stay as typed."""
    row = _entry(uow, entry_id)
    if row.meeting_id is not None:
        data = replace(data, member_id=row.member_id, on_date=row.on_date,
                       form=StudyForm(row.form), topic=row.topic)
    _check(uow, data)
    values = _wire(data)
    if row.meeting_id is not None and values["hours_hundredths"] != row.hours_hundredths:
        values["hours_edited"] = True
    patch = {k: v for k, v in values.items() if _plain(getattr(row, k)) != v}
    if not patch:
        return
    before = row.classification
    _apply(row, patch)
    uow.audit("study.update", ENTITY, entry_id, {"fields": sorted(patch)})
    if "classification" in patch:
        from app.services.classification import audit_change

        audit_change(uow, ENTITY, entry_id, before, patch["classification"])
    uow.outbox(ENTITY, entry_id, patch, base_version=row.server_version)


def delete_entry(uow: UnitOfWork, entry_id: str) -> None:
    """Remove an entry entered by hand (a tombstone). An entry a meeting made goes with the
    attendance: mark the member absent in the meeting instead."""
    row = _entry(uow, entry_id)
    if row.meeting_id is not None:
        raise InvalidInputError([FieldProblem("meeting_id", "entry_from_meeting")])
    row.deleted_at = utc_iso()
    uow.audit("study.delete", ENTITY, entry_id)
    uow.outbox(ENTITY, entry_id, {"deleted_at": row.deleted_at}, base_version=row.server_version)


def get_entry(uow: UnitOfWork, entry_id: str) -> Entry:
    row = _entry(uow, entry_id)
    return _entry_of(row, _proofs(uow, [row.id]).get(row.id))


def member_entries(uow: UnitOfWork, member_id: str, year: int) -> list[Entry]:
    """A member's entries of ``year``, oldest first."""
    rows = list(uow.session.scalars(
        select(StudyEntryRow)
        .where(StudyEntryRow.member_id == member_id)
        .where(StudyEntryRow.deleted_at.is_(None), StudyEntryRow.withdrawn.is_(False))
        .where(StudyEntryRow.on_date.between(date(year, 1, 1), date(year, 12, 31)))
        .order_by(StudyEntryRow.on_date, StudyEntryRow.created_at)
    ))
    proofs = _proofs(uow, [r.id for r in rows])
    return [_entry_of(r, proofs.get(r.id)) for r in rows]


def _entry(uow: UnitOfWork, entry_id: str) -> StudyEntryRow:
    row = uow.session.get(StudyEntryRow, entry_id)
    if row is None or row.deleted_at is not None or row.withdrawn:
        raise RecordNotFoundError(ENTITY, entry_id)
    return row


def _entry_of(row: StudyEntryRow, proof: ProofInfo | None) -> Entry:
    return Entry(
        id=row.id,
        data=EntryInput(
            member_id=row.member_id, on_date=row.on_date, form=StudyForm(row.form),
            topic=row.topic, hours=rules.from_hundredths(row.hours_hundredths),
            organizer=row.organizer, classification=Classification(row.classification),
        ),
        meeting_id=row.meeting_id, hours_edited=row.hours_edited, proof=proof,
    )


def _apply(row: StudyEntryRow, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if name == "on_date":
            value = date.fromisoformat(value)
        setattr(row, name, value)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


# ---------------------------------------------------------------- proofs


def attach_proof(uow: UnitOfWork, entry_id: str, file_name: str, data: bytes) -> str:
    """Keep a certificate or screenshot inside the encrypted database (one per entry: a new one
    replaces the old)."""
    _entry(uow, entry_id)
    if len(data) > MAX_PROOF_BYTES:
        raise InvalidInputError([FieldProblem("proof", "too_large")])
    for old in uow.session.scalars(select(StudyProofRow).where(
            StudyProofRow.entry_id == entry_id, StudyProofRow.deleted_at.is_(None))):
        uow.session.delete(old)
    row = StudyProofRow(
        id=uow.new_id(), entry_id=entry_id, file_name=file_name, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), data=data,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("study.attach", ENTITY, entry_id, {"file": file_name})
    return row.id


def remove_proof(uow: UnitOfWork, entry_id: str) -> None:
    found = False
    for old in uow.session.scalars(select(StudyProofRow).where(StudyProofRow.entry_id == entry_id)):
        uow.session.delete(old)
        found = True
    if found:
        uow.audit("study.detach", ENTITY, entry_id)


def proof_data(uow: UnitOfWork, proof_id: str) -> bytes:
    row = uow.session.get(StudyProofRow, proof_id)
    if row is None:
        raise RecordNotFoundError("study_proof", proof_id)
    return bytes(row.data)


def _proofs(uow: UnitOfWork, entry_ids: Sequence[str]) -> dict[str, ProofInfo]:
    if not entry_ids:
        return {}
    query = select(StudyProofRow.entry_id, StudyProofRow.id, StudyProofRow.file_name,
                   StudyProofRow.size).where(StudyProofRow.entry_id.in_(list(entry_ids)))
    return {e: ProofInfo(i, n, s) for e, i, n, s in uow.session.execute(query).tuples()}


# ---------------------------------------------------------------- exemptions (第23条)


def set_exemption(
    uow: UnitOfWork, member_id: str, reason: ExemptReason | None, note: str = ""
) -> None:
    """第23条: mark a member exempt (old, ill, disabled) or, with ``reason`` None, not any more."""
    if uow.session.get(MemberRow, member_id) is None:
        raise RecordNotFoundError("member", member_id)
    row_id = natural_id("study_exemption", member_id)
    row = uow.session.get(StudyExemptionRow, row_id)
    if reason is None:
        if row is None or row.deleted_at is not None:
            return
        row.deleted_at = utc_iso()
        uow.audit("study.exemption_end", "member", member_id)
        uow.outbox("study_exemption", row_id, {"deleted_at": row.deleted_at},
                   base_version=row.server_version)
        return
    values = {"member_id": member_id, "reason": reason.value, "note": note.strip()}
    if row is None:
        row = StudyExemptionRow(id=row_id, classification=Classification.INTERNAL.value, **values)
        uow.session.add(row)
        uow.session.flush()
        uow.audit("study.exemption", "member", member_id, {"reason": reason.value})
        uow.outbox("study_exemption", row_id,
                   {**values, "classification": Classification.INTERNAL.value})
        return
    patch: dict[str, Any] = {k: v for k, v in values.items() if getattr(row, k) != v}
    if row.deleted_at is not None:
        patch["deleted_at"] = None
    if not patch:
        return
    for name, value in patch.items():
        setattr(row, name, value)
    uow.audit("study.exemption", "member", member_id, {"reason": reason.value})
    uow.outbox("study_exemption", row_id, patch, base_version=row.server_version)


def exemptions(uow: UnitOfWork) -> dict[str, ExemptReason]:
    query = select(StudyExemptionRow.member_id, StudyExemptionRow.reason).where(
        StudyExemptionRow.deleted_at.is_(None))
    return {m: ExemptReason(r) for m, r in uow.session.execute(query).tuples()}


# ---------------------------------------------------------------- meetings → entries


def meeting_changed(
    uow: UnitOfWork, meeting_id: str, member_ids: Collection[str] | None = None
) -> int:
    """Make the study entries of a meeting match its attendance (of ``member_ids`` only, when
    given): an entry for each member present at a meeting that counts as study, withdrawn for
    the others. Hours follow the meeting's times unless the secretary changed them. Returns how many
    entries changed (0 when they already matched: nothing is counted twice)."""
    meeting = uow.session.get(MeetingRow, meeting_id)
    if meeting is None:
        raise RecordNotFoundError("meeting", meeting_id)
    study_rules = load_rules(uow)
    form = None if meeting.deleted_at is not None else study_rules.form_for_meeting(
        MeetingType(meeting.type))
    wanted: set[str] = set()
    if form is not None:
        query = select(AttendanceRow.member_id).where(
            AttendanceRow.meeting_id == meeting_id, AttendanceRow.status == "present",
            AttendanceRow.deleted_at.is_(None))
        if member_ids is not None:
            query = query.where(AttendanceRow.member_id.in_(list(member_ids)))
        wanted = set(uow.session.scalars(query))
    query_rows = select(StudyEntryRow).where(StudyEntryRow.meeting_id == meeting_id)
    if member_ids is not None:
        query_rows = query_rows.where(StudyEntryRow.member_id.in_(list(member_ids)))
    existing = {row.member_id: row for row in uow.session.scalars(query_rows)}
    values = {
        "meeting_id": meeting_id, "on_date": meeting.held_on.isoformat(),
        "form": form.value if form else "", "topic": _meeting_topic(meeting),
        "organizer": _organizer(uow),
    }
    hours = rules.to_hundredths(study_rules.conversion.meeting_hours(
        meeting.start_time, meeting.end_time))
    now = utc_iso()
    ops: list[tuple[str, str, dict[str, Any], int]] = []
    new_rows: list[dict[str, Any]] = []
    for member_id in sorted(wanted - existing.keys()):
        row_id = natural_id(ENTITY, meeting_id, member_id)
        record = {**values, "member_id": member_id, "hours_hundredths": hours,
                  "hours_edited": False, "withdrawn": False,
                  "classification": Classification.INTERNAL.value}
        new_rows.append({**record, "id": row_id, "on_date": meeting.held_on,
                         "created_at": now, "updated_at": now, "server_version": 0})
        ops.append((ENTITY, row_id, record, 0))
    for member_id, row in existing.items():
        patch: dict[str, Any] = {}
        if member_id in wanted:
            target: dict[str, Any] = {**values, "withdrawn": False}
            if not row.hours_edited:
                target["hours_hundredths"] = hours
            patch = {k: v for k, v in target.items() if _plain(getattr(row, k)) != v}
        elif not row.withdrawn:
            patch = {"withdrawn": True}
        if patch:
            _apply(row, patch)
            ops.append((ENTITY, row.id, patch, row.server_version))
    if new_rows:
        uow.session.flush()
        insert_rows(uow.session.connection(), cast(Table, StudyEntryRow.__table__), new_rows)
    if ops:
        uow.outbox_many(ops)
        uow.audit("study.from_meeting", "meeting", meeting_id, {"entries": len(ops)})
    return len(ops)


def recount_meetings(uow: UnitOfWork, year: int) -> int:
    """Make every meeting of ``year`` give the hours the settings say (after they changed, or
    for meetings recorded before this version); returns how many entries changed."""
    ids = uow.session.scalars(
        select(MeetingRow.id)
        .where(MeetingRow.held_on.between(date(year, 1, 1), date(year, 12, 31)))
        .order_by(MeetingRow.held_on)
    ).all()
    changed = sum(meeting_changed(uow, meeting_id) for meeting_id in ids)
    uow.audit("study.recount", "study", str(year), {"meetings": len(ids), "entries": changed})
    return changed


def _meeting_topic(meeting: MeetingRow) -> str:
    topics = [t for t in json.loads(meeting.topics) if t]
    return "；".join(topics)[:200]


def _organizer(uow: UnitOfWork) -> str:
    return uow.session.scalar(select(BranchRow.name).limit(1)) or ""


# ---------------------------------------------------------------- the year's table


def year_table(uow: UnitOfWork, year: int, as_of: date) -> StudyTable:
    """Every member's study of ``year`` against the target, in the roster's order: members on
    the roll (full and probationary), and anyone else with hours that year."""
    study_rules = load_rules(uow)
    connection = uow.session.connection()  # driver tuples: 10,000 members in well under 1 s
    forms = {form.value: form for form in StudyForm}
    sums: dict[str, dict[StudyForm, int]] = {}
    query = (
        select(StudyEntryRow.member_id, StudyEntryRow.form,
               func.sum(StudyEntryRow.hours_hundredths))
        .where(StudyEntryRow.on_date.between(f"{year:04d}-01-01", f"{year:04d}-12-31"))
        .where(COUNTED)  # the partial index's own condition, so the index serves the query
        .group_by(StudyEntryRow.member_id, StudyEntryRow.form)
    )
    for member_id, form, hundredths in read_rows(connection, query):
        sums.setdefault(member_id, {})[forms[form]] = int(hundredths)
    exempt = exemptions(uow)
    groups = dict(read_rows(connection, select(PartyGroupRow.id, PartyGroupRow.name)))
    members = read_rows(connection, (
        select(MemberRow.id, MemberRow.name, MemberRow.party_group_id, MemberRow.branch_post,
               MemberRow.status, MemberRow.stage)
        .where(MemberRow.deleted_at.is_(None))
        .order_by(MemberRow.sort_key, MemberRow.name)
    ))
    lines = []
    zero = Decimal(0)
    active = MembershipStatus.ACTIVE.value
    none = BranchPost.NONE.value
    targets = {
        (committee, exempted): study_rules.target_for(committee, exempted)
        for committee in (False, True) for exempted in (False, True)
    }
    expected = {
        key: rules.expected_by(target, year, as_of) if target is not None else zero
        for key, target in targets.items()
    }
    hours_of = rules.from_hundredths
    for member_id, name, group_id, post, status, stage in members:
        on_roll = status == active and stage in MEMBER_STAGES
        by_form = sums.get(member_id)
        if by_form is None:
            if not on_roll:
                continue
            by_form = {}
        total = hours_of(sum(by_form.values()))
        reason = exempt.get(member_id)
        key = (post != none, reason is not None)
        target = targets[key] if on_roll else None
        lines.append(TableLine(
            member_id=member_id, name=name, party_group=groups.get(group_id, "") if group_id
            else "", committee=key[0], exempt=reason,
            hours={form: hours_of(value) for form, value in by_form.items()}, total=total,
            target=target, expected=expected[key] if on_roll else zero,
            behind=target is not None and total < expected[key], on_roll=on_roll,
        ))
    return StudyTable(year, as_of, tuple(lines))


def behind_pace(uow: UnitOfWork, as_of: date) -> list[TableLine]:
    """工作台: members on the roll behind the pace for this year's target (exempt members never
    are, 第23条), most behind first."""
    table = year_table(uow, as_of.year, as_of)
    return sorted(table.behind, key=lambda line: line.total - line.expected)


def member_year(uow: UnitOfWork, member_id: str, year: int, as_of: date) -> TableLine | None:
    for line in year_table(uow, year, as_of).lines:
        if line.member_id == member_id:
            return line
    return None


def entry_count(uow: UnitOfWork) -> int:
    return int(uow.session.scalar(
        select(func.count(StudyEntryRow.id)).where(
            StudyEntryRow.deleted_at.is_(None), StudyEntryRow.withdrawn.is_(False))) or 0)
