"""Organizational life (组织生活): meetings, attendance, votes, finalized minutes, compliance.

Every write runs in the caller's unit of work with its audit entry and sync-outbox op; the caller
commits. Finalized minutes are read-only: a correction is an amendment with its own date and
author (DOMAIN.md, "Organizational life").
"""

from __future__ import annotations

import enum
import hashlib
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, case, extract, func, select

from app.domain import branch as structure
from app.domain import meetings as rules
from app.domain.calendar import Month
from app.domain.development import Decision, Stage
from app.domain.meetings import Frequency, MeetingType, VoteResult
from app.domain.members import BranchPost, Classification, MembershipStatus
from app.errors import FieldProblem, InvalidInputError, MeetingFinalizedError, RecordNotFoundError
from app.services import branch, study
from app.services.classification import audit_change
from app.storage.bulk import insert_rows
from app.storage.ids import utc_iso, uuid7_many
from app.storage.models import (
    AmendmentRow,
    AttachmentRow,
    AttendanceRow,
    BranchRow,
    MeetingRow,
    MemberRow,
    PartyGroupRow,
    Setting,
    VoteRow,
)
from app.storage.unit_of_work import UnitOfWork

FREQUENCIES_KEY = "meeting_frequencies"
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


class Attendance(enum.Enum):
    PRESENT = "present"  # 出席
    LEAVE = "leave"  # 请假
    ABSENT = "absent"  # 缺席
    # 因故不能到会, handed in a written opinion before the meeting (发展党员工作细则 第二十一条):
    # counted in the votes, not in the quorum nor in 实到.
    WRITTEN = "written"


@dataclass(frozen=True)
class MeetingInput:
    """What the secretary enters about a meeting (everything but attendance, votes, files)."""

    type: MeetingType
    held_on: date
    start_time: str = ""  # "HH:MM"
    end_time: str = ""
    place: str = ""
    topics: tuple[str, ...] = ()
    host: str = ""
    recorder: str = ""
    lecturer: str = ""  # 党课
    party_group_id: str | None = None  # 党小组会
    guests: tuple[str, ...] = ()  # 列席人员
    discussion: str = ""
    resolutions: str = ""
    classification: Classification = Classification.INTERNAL


@dataclass(frozen=True)
class AttendanceEntry:
    member_id: str
    name: str
    status: Attendance
    reason: str = ""
    probationary: bool = False


@dataclass(frozen=True)
class Vote:
    id: str
    subject: str
    result: VoteResult
    decision: Decision | None = None  # a vote deciding about a person (细则第三十三条)
    member_id: str | None = None
    member_name: str = ""


@dataclass(frozen=True)
class Amendment:
    id: str
    on: date
    author: str
    text: str


@dataclass(frozen=True)
class AttachmentInfo:
    id: str
    file_name: str
    size: int


@dataclass(frozen=True)
class Meeting:
    id: str
    data: MeetingInput
    attendance: tuple[AttendanceEntry, ...] = ()
    votes: tuple[Vote, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    attachments: tuple[AttachmentInfo, ...] = ()
    finalized_on: date | None = None
    party_group_name: str = ""

    @property
    def expected(self) -> int:
        """应到: everyone expected to attend."""
        return len(self.attendance)

    @property
    def present(self) -> int:
        """实到."""
        return sum(1 for a in self.attendance if a.status is Attendance.PRESENT)


@dataclass(frozen=True)
class MeetingListRow:
    id: str
    type: MeetingType
    held_on: date
    topics: tuple[str, ...]
    place: str
    expected: int
    present: int
    finalized: bool


@dataclass(frozen=True)
class MeetingFilter:
    year: int | None = None
    month: int | None = None  # 1-12, with year
    type: MeetingType | None = None
    text: str = ""  # part of a topic or the place
    descending: bool = True  # newest first


@dataclass(frozen=True)
class VotePreview:
    """Who may vote and who of them is present or absent with a written opinion (细则第二十一条),
    before the counts are entered."""

    entitled: int
    present: int
    written: int = 0

    @property
    def quorum_met(self) -> bool:
        return rules.quorum_met(self.entitled, self.present)


@dataclass(frozen=True)
class ComplianceReport:
    year: int
    periods: tuple[rules.PeriodCompliance, ...] = field(default_factory=tuple)

    @property
    def missed(self) -> list[tuple[rules.Period, MeetingType]]:
        return rules.missing_meetings(p for p in self.periods if p.closed)


# ---------------------------------------------------------------- meetings


def _check(uow: UnitOfWork, data: MeetingInput) -> None:
    problems = []
    for name in ("start_time", "end_time"):
        value = getattr(data, name)
        if value and not _is_time(value):
            problems.append(FieldProblem(name, "not_a_time"))
    if data.start_time and data.end_time and data.end_time < data.start_time:
        problems.append(FieldProblem("end_time", "before_start_time"))
    if data.type is MeetingType.PARTY_GROUP and not data.party_group_id:
        problems.append(FieldProblem("party_group_id", "required"))
    if data.party_group_id and uow.session.get(PartyGroupRow, data.party_group_id) is None:
        problems.append(FieldProblem("party_group_id", "unknown_party_group"))
    if not any(t.strip() for t in data.topics):
        problems.append(FieldProblem("topics", "required"))
    if problems:
        raise InvalidInputError(problems)


def _is_time(text: str) -> bool:
    parts = text.split(":")
    return (
        len(parts) == 2
        and all(p.isdigit() and len(p) == 2 for p in parts)
        and int(parts[0]) < 24
        and int(parts[1]) < 60
    )


def create_meeting(uow: UnitOfWork, data: MeetingInput) -> str:
    """Record a meeting; everyone expected is marked present (mark the exceptions)."""
    _check(uow, data)
    row = MeetingRow(id=uow.new_id())
    _apply(row, data)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("meeting.create", "meeting", row.id)
    uow.outbox("meeting", row.id, _wire(data))
    _add_present(uow, row.id, expected_attendee_ids(uow, data.type, data.party_group_id))
    study.meeting_changed(uow, row.id)  # 党课, 主题党日…: attendance is study (第20条)
    return row.id


def _add_present(uow: UnitOfWork, meeting_id: str, member_ids: Sequence[str]) -> None:
    """The attendance of a new meeting, everyone present: the rows and ops ``_put_attendance``
    makes, in one statement each (a 支部党员大会 of a large branch has thousands)."""
    now = utc_iso()
    rows = [
        {"id": row_id, "meeting_id": meeting_id, "member_id": member_id,
         "status": Attendance.PRESENT.value, "reason": "", "created_at": now, "updated_at": now}
        for row_id, member_id in zip(uuid7_many(len(member_ids)), member_ids, strict=True)
    ]
    insert_rows(uow.session.connection(), cast(Table, AttendanceRow.__table__), rows)
    uow.outbox_many([
        ("meeting_attendance", r["id"], {
            "meeting_id": meeting_id, "member_id": r["member_id"], "status": r["status"],
            "reason": "",
        }, 0)
        for r in rows
    ])


def update_meeting(uow: UnitOfWork, meeting_id: str, data: MeetingInput) -> None:
    row = _editable(uow, meeting_id)
    _check(uow, data)
    before = _wire(_input_of(row))
    _apply(row, data)
    patch = {k: v for k, v in _wire(data).items() if before.get(k) != v}
    if patch:
        uow.audit("meeting.update", "meeting", meeting_id, {"fields": sorted(patch)})
        audit_change(uow, "meeting", meeting_id, before["classification"],
                     patch.get("classification", before["classification"]))
        uow.outbox("meeting", meeting_id, patch, base_version=row.server_version)
        if patch.keys() & _STUDY_FIELDS:
            study.meeting_changed(uow, meeting_id)


_STUDY_FIELDS = frozenset({"type", "held_on", "start_time", "end_time", "topics"})
"""A meeting's fields its study entries are made from (``study.meeting_changed``)."""


def expected_attendee_ids(
    uow: UnitOfWork, meeting_type: MeetingType, party_group_id: str | None
) -> list[str]:
    """Who is expected (应到): members on the roll (full and probationary); for a 党小组会 those of
    the group; for a 支委会 the committee members."""
    query = (
        select(MemberRow.id)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.stage.in_([Stage.FULL.value, Stage.PROBATIONARY.value]))
        .order_by(MemberRow.sort_key)
    )
    if meeting_type is MeetingType.PARTY_GROUP and party_group_id:
        query = query.where(MemberRow.party_group_id == party_group_id)
    if meeting_type is MeetingType.COMMITTEE:
        query = query.where(MemberRow.branch_post != BranchPost.NONE.value)
    return list(uow.session.scalars(query))


def set_attendance(
    uow: UnitOfWork, meeting_id: str, member_id: str, status: Attendance, reason: str = ""
) -> None:
    """Mark one attendee; a member not yet on the list is added (attendance is add-wins)."""
    _editable(uow, meeting_id)
    if uow.session.get(MemberRow, member_id) is None:
        raise RecordNotFoundError("member", member_id)
    if status is not Attendance.PRESENT and not reason.strip():
        raise InvalidInputError([FieldProblem("reason", "required")])
    _put_attendance(uow, meeting_id, member_id, status, reason.strip())
    uow.audit("meeting.attendance", "meeting", meeting_id, {"status": status.value})
    study.meeting_changed(uow, meeting_id, [member_id])


def _put_attendance(
    uow: UnitOfWork, meeting_id: str, member_id: str, status: Attendance, reason: str
) -> None:
    row = uow.session.scalar(
        select(AttendanceRow)
        .where(AttendanceRow.meeting_id == meeting_id)
        .where(AttendanceRow.member_id == member_id)
    )
    if row is None:
        row = AttendanceRow(id=uow.new_id(), meeting_id=meeting_id, member_id=member_id)
        uow.session.add(row)
    row.status = status.value
    row.reason = reason if status is not Attendance.PRESENT else ""
    row.deleted_at = None  # marked again after a sync deleted it: an edit beats a delete
    uow.session.flush()
    uow.outbox("meeting_attendance", row.id, {
        "meeting_id": meeting_id, "member_id": member_id, "status": row.status,
        "reason": row.reason,
    }, base_version=row.server_version)


# ---------------------------------------------------------------- votes


def vote_preview(uow: UnitOfWork, meeting_id: str) -> VotePreview:
    """Entitled voters (full members on the roll; probationary members attend but don't vote,
    stopped or departed members don't count), how many of them are marked present, and how many
    absent handed in a written opinion (细则第二十一条)."""
    _meeting(uow, meeting_id)
    entitled = select(MemberRow.id).where(
        MemberRow.status == MembershipStatus.ACTIVE.value, MemberRow.stage == Stage.FULL.value
    )
    entitled_count = uow.session.scalar(select(func.count()).select_from(entitled.subquery()))
    counts = dict(uow.session.execute(
        select(AttendanceRow.status, func.count(AttendanceRow.id))
        .where(AttendanceRow.meeting_id == meeting_id)
        .where(AttendanceRow.status.in_([Attendance.PRESENT.value, Attendance.WRITTEN.value]))
        .where(AttendanceRow.member_id.in_(entitled))
        .where(AttendanceRow.deleted_at.is_(None))  # a row deleted by a sync: not expected
        .group_by(AttendanceRow.status)
    ).tuples().all())
    return VotePreview(
        entitled=entitled_count or 0, present=counts.get(Attendance.PRESENT.value, 0),
        written=counts.get(Attendance.WRITTEN.value, 0),
    )


def record_vote(
    uow: UnitOfWork, meeting_id: str, subject: str, in_favour: int, against: int, abstain: int,
    classification: Classification = Classification.INTERNAL,
    decision: Decision | None = None, member_id: str | None = None,
) -> VoteResult:
    """Record a vote at a 支部党员大会 with its quorum and result computed from the register
    (a vote at a 秘密 meeting is 秘密 whatever its own ``classification``). The counts include
    the written opinions of those absent (细则第二十一条). A vote on admission, 转正, 延长预备期 or
    取消预备党员资格 (细则第三十三条) names its ``decision`` and the person (``member_id``)."""
    row = _editable(uow, meeting_id)
    if row.type != MeetingType.MEMBERS_ASSEMBLY.value:
        raise InvalidInputError([FieldProblem("type", "votes_only_at_members_assembly")])
    problems = []
    if not subject.strip():
        problems.append(FieldProblem("subject", "required"))
    if decision is not None and not member_id:
        problems.append(FieldProblem("member_id", "required"))
    elif member_id and uow.session.get(MemberRow, member_id) is None:
        problems.append(FieldProblem("member_id", "unknown_member"))
    if problems:
        raise InvalidInputError(problems)
    preview = vote_preview(uow, meeting_id)
    try:
        result = VoteResult.compute(
            entitled=preview.entitled, present=preview.present, in_favour=in_favour,
            against=against, abstain=abstain, written=preview.written,
        )
    except rules.VoteError as error:
        raise InvalidInputError([FieldProblem("in_favour", error.problem.value)]) from error
    decision_code = decision.value if decision is not None else ""
    vote = VoteRow(
        id=uow.new_id(), meeting_id=meeting_id, subject=subject.strip(),
        entitled=result.entitled, present=result.present, in_favour=result.in_favour,
        against=result.against, abstain=result.abstain, quorum_met=result.quorum_met,
        passed=result.passed, written=result.written, decision=decision_code,
        member_id=member_id or None, classification=classification.value,
    )
    uow.session.add(vote)
    uow.session.flush()
    uow.audit("meeting.vote", "meeting", meeting_id,
              {"passed": result.passed, "decision": decision_code})
    uow.outbox("meeting_vote", vote.id, {
        "meeting_id": meeting_id, "subject": vote.subject, "entitled": result.entitled,
        "present": result.present, "in_favour": in_favour, "against": against,
        "abstain": abstain, "quorum_met": result.quorum_met, "passed": result.passed,
        "written": result.written, "decision": decision_code, "member_id": vote.member_id,
        "classification": classification.value,
    })
    return result


# ---------------------------------------------------------------- finalizing and amendments


def finalize(uow: UnitOfWork, meeting_id: str, on: date) -> None:
    """Make the minutes read-only from now on."""
    row = _editable(uow, meeting_id)
    row.finalized_on = on
    uow.audit("meeting.finalize", "meeting", meeting_id)
    uow.outbox("meeting", meeting_id, {"finalized_on": on.isoformat()},
               base_version=row.server_version)


def add_amendment(
    uow: UnitOfWork, meeting_id: str, on: date, author: str, text: str,
    classification: Classification = Classification.INTERNAL,
) -> str:
    """Correct finalized minutes: the original stays, the amendment prints after it."""
    row = _meeting(uow, meeting_id)
    problems = []
    if row.finalized_on is None:
        problems.append(FieldProblem("meeting", "not_finalized"))
    if not author.strip():
        problems.append(FieldProblem("author", "required"))
    if not text.strip():
        problems.append(FieldProblem("text", "required"))
    if problems:
        raise InvalidInputError(problems)
    amendment = AmendmentRow(
        id=uow.new_id(), meeting_id=meeting_id, on_date=on, author=author.strip(),
        text=text.strip(), classification=classification.value,
    )
    uow.session.add(amendment)
    uow.session.flush()
    uow.audit("meeting.amend", "meeting", meeting_id)
    uow.outbox("meeting_amendment", amendment.id, {
        "meeting_id": meeting_id, "on_date": on.isoformat(), "author": amendment.author,
        "text": amendment.text, "classification": classification.value,
    })
    return amendment.id


# ---------------------------------------------------------------- attachments


def add_attachment(uow: UnitOfWork, meeting_id: str, file_name: str, data: bytes) -> str:
    """Keep a photo or a scanned sign-in sheet inside the encrypted database. Finalized minutes
    accept attachments too (the signed scan of the minutes usually comes later): the minutes
    stay as they were, the audit entry says the file came after finalizing."""
    meeting = _meeting(uow, meeting_id)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise InvalidInputError([FieldProblem("attachment", "too_large")])
    row = AttachmentRow(
        id=uow.new_id(), meeting_id=meeting_id, file_name=file_name, size=len(data),
        sha256=hashlib.sha256(data).hexdigest(), data=data,
    )
    uow.session.add(row)
    uow.session.flush()
    detail: dict[str, Any] = {"file": file_name, "sha256": row.sha256}
    if meeting.finalized_on is not None:
        detail["after_finalized"] = meeting.finalized_on.isoformat()
    uow.audit("meeting.attach", "meeting", meeting_id, detail)
    return row.id


def attachment_data(uow: UnitOfWork, attachment_id: str) -> bytes:
    row = uow.session.get(AttachmentRow, attachment_id)
    if row is None:
        raise RecordNotFoundError("attachment", attachment_id)
    return bytes(row.data)


# ---------------------------------------------------------------- reads


def get_meeting(uow: UnitOfWork, meeting_id: str) -> Meeting:
    row = _meeting(uow, meeting_id)
    attendance = uow.session.execute(
        select(AttendanceRow, MemberRow.name, MemberRow.stage)
        .join(MemberRow, AttendanceRow.member_id == MemberRow.id)
        .where(AttendanceRow.meeting_id == meeting_id)
        .where(AttendanceRow.deleted_at.is_(None))
        .order_by(MemberRow.sort_key)
    ).tuples()
    votes = uow.session.execute(
        select(VoteRow, MemberRow.name)
        .outerjoin(MemberRow, VoteRow.member_id == MemberRow.id)
        .where(VoteRow.meeting_id == meeting_id)
        .order_by(VoteRow.created_at)
    ).tuples()
    amendments = uow.session.scalars(
        select(AmendmentRow)
        .where(AmendmentRow.meeting_id == meeting_id)
        .order_by(AmendmentRow.on_date, AmendmentRow.created_at)
    )
    attachments = uow.session.execute(
        select(AttachmentRow.id, AttachmentRow.file_name, AttachmentRow.size)
        .where(AttachmentRow.meeting_id == meeting_id)
        .order_by(AttachmentRow.created_at)
    ).tuples()
    group = uow.session.get(PartyGroupRow, row.party_group_id) if row.party_group_id else None
    return Meeting(
        id=row.id,
        data=_input_of(row),
        attendance=tuple(
            AttendanceEntry(a.member_id, name, Attendance(a.status), a.reason,
                            stage == Stage.PROBATIONARY.value)
            for a, name, stage in attendance
        ),
        votes=tuple(
            Vote(v.id, v.subject,
                 VoteResult(v.entitled, v.present, v.in_favour, v.against, v.abstain,
                            v.quorum_met, v.passed, v.written),
                 Decision(v.decision) if v.decision else None, v.member_id, name or "")
            for v, name in votes
        ),
        amendments=tuple(Amendment(a.id, a.on_date, a.author, a.text) for a in amendments),
        attachments=tuple(AttachmentInfo(i, n, s) for i, n, s in attachments),
        finalized_on=row.finalized_on,
        party_group_name=group.name if group else "",
    )


def meeting_ids(uow: UnitOfWork, flt: MeetingFilter) -> list[str]:
    """Ids of the meetings matching ``flt``, newest first by default (filtered and sorted in SQL;
    a year or month is a date range, so the ``(held_on, start_time, id)`` index serves it)."""
    query = select(MeetingRow.id).where(MeetingRow.deleted_at.is_(None))
    if flt.year is not None:
        first = Month(flt.year, flt.month or 1)
        last = Month(flt.year, flt.month or 12)
        query = query.where(MeetingRow.held_on.between(first.first_day, last.last_day))
    if flt.type is not None:
        query = query.where(MeetingRow.type == flt.type.value)
    text = flt.text.strip()
    if text:
        pattern = "%" + re.sub(r"([%_\\])", r"\\\1", text) + "%"
        query = query.where(
            MeetingRow.topics.like(pattern, escape="\\")
            | MeetingRow.place.like(pattern, escape="\\")
        )
    if flt.descending:
        order = (MeetingRow.held_on.desc(), MeetingRow.start_time.desc(), MeetingRow.id.desc())
    else:
        order = (MeetingRow.held_on.asc(), MeetingRow.start_time.asc(), MeetingRow.id.asc())
    return list(uow.session.connection().execute(query.order_by(*order)).scalars())


def meeting_rows(uow: UnitOfWork, ids: Sequence[str]) -> list[MeetingListRow]:
    if not ids:
        return []
    connection = uow.session.connection()  # Core: a page of list rows, no ORM bookkeeping
    counts = {
        meeting_id: (expected, present)
        for meeting_id, expected, present in connection.execute(
            select(
                AttendanceRow.meeting_id,
                func.count(),
                func.sum(case((AttendanceRow.status == Attendance.PRESENT.value, 1), else_=0)),
            )
            .where(AttendanceRow.meeting_id.in_(list(ids)))
            .where(AttendanceRow.deleted_at.is_(None))  # a row deleted by a sync: not expected
            .group_by(AttendanceRow.meeting_id)
        )
    }
    found = {}
    query = select(
        MeetingRow.id, MeetingRow.type, MeetingRow.held_on, MeetingRow.topics, MeetingRow.place,
        MeetingRow.finalized_on,
    ).where(MeetingRow.id.in_(list(ids)))
    for meeting_id, kind, held_on, topics, place, finalized_on in connection.execute(query):
        expected, present = counts.get(meeting_id, (0, 0))
        found[meeting_id] = MeetingListRow(
            id=meeting_id, type=MeetingType(kind), held_on=held_on,
            topics=tuple(json.loads(topics)), place=place, expected=expected,
            present=present or 0, finalized=finalized_on is not None,
        )
    return [found[i] for i in ids if i in found]


# ---------------------------------------------------------------- frequencies and compliance


def load_frequencies(uow: UnitOfWork) -> dict[MeetingType, Frequency | None]:
    stored = uow.session.get(Setting, FREQUENCIES_KEY)
    codes = json.loads(stored.value) if stored is not None else {}
    return dict(rules.frequencies_from_codes(codes))


def save_frequencies(uow: UnitOfWork, values: Mapping[MeetingType, Frequency | None]) -> None:
    uow.session.merge(
        Setting(key=FREQUENCIES_KEY, value=json.dumps(rules.frequencies_to_codes(values)))
    )
    uow.audit("settings.meeting_frequencies", "settings", FREQUENCIES_KEY)


def required_frequencies(uow: UnitOfWork) -> Mapping[MeetingType, Frequency | None]:
    """The branch's settings as they apply today: without a 支部委员会 (fewer than 7 full
    members, 支部工作条例 第二十一条) no 支委会 is required, and at 7 it is again by itself.
    (The branch's size today applies to past periods too: the roll keeps no count per month.)"""
    return structure.required_frequencies(load_frequencies(uow), branch.full_member_count(uow))


def compliance_report(uow: UnitOfWork, year: int, as_of: date) -> ComplianceReport:
    """Per month, quarter and year of ``year`` (up to ``as_of``): required meetings held/missing."""
    held = uow.session.execute(
        select(MeetingRow.type, MeetingRow.held_on)
        .where(MeetingRow.deleted_at.is_(None))
        .where(extract("year", MeetingRow.held_on) == year)
    ).tuples()
    meetings = [rules.HeldMeeting(MeetingType(t), d) for t, d in held]
    periods = rules.compliance(meetings, year, as_of=as_of, frequencies=required_frequencies(uow))
    return ComplianceReport(year=year, periods=periods)


def records_since(uow: UnitOfWork) -> date:
    """The first day the branch's meetings are on record: the earliest meeting entered, or the
    day this database was set up. Periods before it cannot be "missed" — they were never kept
    here."""
    created = uow.session.scalar(select(BranchRow.created_at).limit(1))
    first_meeting = uow.session.scalar(
        select(func.min(MeetingRow.held_on)).where(MeetingRow.deleted_at.is_(None))
    )
    set_up = date.fromisoformat(created[:10]) if created else date.today()
    return min(d for d in (set_up, first_meeting) if d is not None)


def reminders(uow: UnitOfWork, as_of: date, within_days: int = 14) -> list[rules.Reminder]:
    """Required meetings of the running periods not held yet, soonest deadline first."""
    held = uow.session.execute(
        select(MeetingRow.type, MeetingRow.held_on).where(MeetingRow.deleted_at.is_(None))
    ).tuples()
    meetings = [rules.HeldMeeting(MeetingType(t), d) for t, d in held]
    return list(rules.due_soon(meetings, as_of, within_days=within_days,
                               frequencies=required_frequencies(uow)))


# ---------------------------------------------------------------- mapping


def _meeting(uow: UnitOfWork, meeting_id: str) -> MeetingRow:
    row = uow.session.get(MeetingRow, meeting_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("meeting", meeting_id)
    return row


def _editable(uow: UnitOfWork, meeting_id: str) -> MeetingRow:
    row = _meeting(uow, meeting_id)
    if row.finalized_on is not None:
        raise MeetingFinalizedError(row.finalized_on)
    return row


def _apply(row: MeetingRow, data: MeetingInput) -> None:
    for f in fields(MeetingInput):
        value = getattr(data, f.name)
        if isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, tuple):
            value = json.dumps([v.strip() for v in value if v.strip()], ensure_ascii=False)
        elif isinstance(value, str):
            value = value.strip()
        setattr(row, f.name, value)


def _input_of(row: MeetingRow) -> MeetingInput:
    return MeetingInput(
        type=MeetingType(row.type), held_on=row.held_on, start_time=row.start_time,
        end_time=row.end_time, place=row.place, topics=tuple(json.loads(row.topics)),
        host=row.host, recorder=row.recorder, lecturer=row.lecturer,
        party_group_id=row.party_group_id, guests=tuple(json.loads(row.guests)),
        discussion=row.discussion, resolutions=row.resolutions,
        classification=Classification(row.classification),
    )


def _wire(data: MeetingInput) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(MeetingInput):
        value = getattr(data, f.name)
        if isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        out[f.name] = value
    return out
