"""民主评议党员 (教育管理条例 第18、30、31条; 党章 第9条): each member's appraisal for a year.

Every write runs in the caller's unit of work with its audit entry and its sync-outbox op; the
caller commits. One record per member and year (its id the natural id of both, as the registry
declares). A decision reaches the member's record: the grade and a 限期改正 go on the member's
timeline, and a 劝退 or 除名 approved by the higher committee takes the member off the roll on the
approval date (``members.record_leaving``), never a delete.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select

from app.documents import appraisal_report as doc
from app.domain import appraisal as rules
from app.domain.appraisal import Decider, Grade, Handling, StrikeOffGround
from app.domain.development import Stage
from app.domain.members import Classification, EventKind, MembershipStatus
from app.errors import FieldProblem, InvalidInputError, RecordNotFoundError
from app.services import branch, members
from app.services.classification import audit_change
from app.storage.ids import natural_id
from app.storage.models import AppraisalRow, MemberRow
from app.storage.unit_of_work import UnitOfWork

ENTITY = "appraisal"


@dataclass(frozen=True)
class AppraisalInput:
    """What the secretary records for one member and year."""

    self_assessed: bool = False
    votes: tuple[int, int, int, int] = (0, 0, 0, 0)  # 优秀, 合格, 基本合格, 不合格
    grade: Grade = Grade.NONE
    decided_by: Decider = Decider.NONE
    decided_on: date | None = None
    handling: Handling = Handling.NONE
    correction_until: date | None = None
    meeting_on: date | None = None
    entitled: int = 0
    in_favour: int = 0
    approved_on: date | None = None
    ground: StrikeOffGround = StrikeOffGround.NONE
    notes: str = ""
    classification: Classification = Classification.INTERNAL


@dataclass(frozen=True)
class AppraisalLine:
    """One member in the year's list: the record, or ``data`` None when none is entered yet."""

    member_id: str
    name: str
    probationary: bool
    data: AppraisalInput | None
    left: bool = False  # no longer on the roll (a 劝退 / 除名 taking effect, or else)


@dataclass(frozen=True)
class YearSummary:
    year: int
    full_members: int
    excellent_limit: int
    counts: dict[Grade, int]
    recorded: int
    self_assessed: int


# ---------------------------------------------------------------- writes


def save(
    uow: UnitOfWork, member_id: str, year: int, data: AppraisalInput, today: date
) -> str:
    """Create or change the member's appraisal for ``year``. Raises ``InvalidInputError`` with
    every broken rule (nothing changes), ``RecordNotFoundError`` for an unknown member."""
    member = uow.session.get(MemberRow, member_id)
    if member is None:
        raise RecordNotFoundError("member", member_id)
    key = str(year)
    row = uow.session.scalar(
        select(AppraisalRow).where(AppraisalRow.member_id == member_id, AppraisalRow.year == key)
    )
    probationary = row.probationary if row is not None else member.stage == Stage.PROBATIONARY.value
    problems = [FieldProblem(p.field, p.code) for p in rules.check(_decision(data, probationary))]
    if member.stage not in (Stage.FULL.value, Stage.PROBATIONARY.value):
        problems.append(FieldProblem("member", "not_a_member"))
    if data.grade is Grade.EXCELLENT and _over_excellent_limit(uow, key, member_id):
        problems.append(FieldProblem("grade", "excellent_over_limit"))  # 第18条: ≤ 1/3
    if problems:
        raise InvalidInputError(problems)
    before = _input_of(row) if row is not None else None
    if row is None:
        row = AppraisalRow(id=natural_id(ENTITY, member_id, key), member_id=member_id, year=key,
                           probationary=probationary)
        uow.session.add(row)
    _apply(row, data)
    uow.session.flush()
    after = _wire(row)
    old = {} if before is None else _wire_of(before, row)
    patch = after if before is None else {k: v for k, v in after.items() if old.get(k) != v}
    if not patch:
        return row.id
    action = "appraisal.create" if before is None else "appraisal.update"
    uow.audit(action, ENTITY, row.id, {"fields": sorted(patch), "year": year})
    if before is not None:
        audit_change(uow, ENTITY, row.id, before.classification.value, data.classification.value)
    uow.outbox(ENTITY, row.id, patch, base_version=row.server_version)
    _reach_member(uow, member, year, before, data, today)
    return row.id


def _over_excellent_limit(uow: UnitOfWork, year: str, member_id: str) -> bool:
    """Whether one more 优秀 (this member's) would pass a third of the full members."""
    others = uow.session.scalar(
        select(func.count()).select_from(AppraisalRow).where(
            AppraisalRow.year == year, AppraisalRow.grade == Grade.EXCELLENT.value,
            AppraisalRow.member_id != member_id, AppraisalRow.deleted_at.is_(None),
        )
    ) or 0
    return others + 1 > rules.excellent_limit(_full_members(uow))


def _full_members(uow: UnitOfWork) -> int:
    return uow.session.scalar(
        select(func.count()).select_from(MemberRow).where(
            MemberRow.status == MembershipStatus.ACTIVE.value, MemberRow.stage == Stage.FULL.value
        )
    ) or 0


GRADE_EVENT = "{year}年度民主评议：{grade}"
CORRECTION_EVENT = "{year}年度民主评议不合格，限期改正至{until}"
LEAVING_REASON = (
    "{year}年度民主评议不合格，{handling}（支部大会{meeting}决定，上级党组织{approved}批准）"
)


def _reach_member(
    uow: UnitOfWork, member: MemberRow, year: int, before: AppraisalInput | None,
    data: AppraisalInput, today: date,
) -> None:
    """The decision on the member's record and timeline, each step once."""
    old = before or AppraisalInput()
    secret = data.classification
    if data.grade is not Grade.NONE and data.grade is not old.grade and data.decided_on:
        text = GRADE_EVENT.format(year=year, grade=doc.GRADE_WORDS[data.grade])
        members.add_event(uow, member.id, EventKind.APPRAISAL, data.decided_on, text,
                          classification=secret)
    if data.handling is Handling.CORRECTION and data.correction_until is not None and (
        old.handling is not Handling.CORRECTION or old.correction_until != data.correction_until
    ):
        text = CORRECTION_EVENT.format(year=year, until=data.correction_until.isoformat())
        members.add_event(uow, member.id, EventKind.APPRAISAL, data.decided_on or today, text,
                          classification=secret)
    approved, meeting = data.approved_on, data.meeting_on
    effective = rules.takes_effect(_decision(data, False))
    if effective and approved and meeting and member.status == MembershipStatus.ACTIVE.value:
        status = (MembershipStatus.STRUCK_OFF if data.handling is Handling.STRIKE_OFF
                  else MembershipStatus.WITHDRAWN)
        reason = LEAVING_REASON.format(
            year=year, handling=doc.HANDLING_WORDS[data.handling],
            meeting=meeting.isoformat(), approved=approved.isoformat(),
        )
        if data.handling is Handling.STRIKE_OFF:
            reason += doc.GROUND_WORDS[data.ground]
        if secret is Classification.SECRET:  # the roll syncs: only the kind of leaving goes
            reason = doc.HANDLING_WORDS[data.handling]
        members.record_leaving(uow, member.id, status, approved, reason)


# ---------------------------------------------------------------- reads


def year_lines(uow: UnitOfWork, year: int) -> list[AppraisalLine]:
    """Full and probationary members on the roll, and everyone with a record for ``year``
    (a member struck off since stays listed), in name order."""
    key = str(year)
    records = {
        r.member_id: r for r in uow.session.scalars(
            select(AppraisalRow).where(AppraisalRow.year == key, AppraisalRow.deleted_at.is_(None))
        )
    }
    rows = uow.session.scalars(
        select(MemberRow).where(or_(
            MemberRow.id.in_(list(records)),
            (MemberRow.status == MembershipStatus.ACTIVE.value)
            & MemberRow.stage.in_((Stage.FULL.value, Stage.PROBATIONARY.value)),
        )).order_by(MemberRow.sort_key)
    )
    lines = []
    for member in rows:
        record = records.get(member.id)
        probationary = (record.probationary if record is not None
                        else member.stage == Stage.PROBATIONARY.value)
        lines.append(AppraisalLine(
            member.id, member.name, probationary,
            _input_of(record) if record is not None else None,
            left=member.status != MembershipStatus.ACTIVE.value,
        ))
    return lines


def summary(
    uow: UnitOfWork, year: int, lines: Sequence[AppraisalLine] | None = None
) -> YearSummary:
    lines = year_lines(uow, year) if lines is None else lines
    counts = {grade: 0 for grade in rules.GRADES}
    for line in lines:
        if line.data is not None and line.data.grade is not Grade.NONE:
            counts[line.data.grade] += 1
    full = _full_members(uow)
    return YearSummary(
        year, full, rules.excellent_limit(full), counts,
        recorded=sum(1 for line in lines if line.data is not None),
        self_assessed=sum(1 for line in lines if line.data is not None and line.data.self_assessed),
    )


def get(uow: UnitOfWork, member_id: str, year: int) -> AppraisalInput | None:
    row = uow.session.scalar(select(AppraisalRow).where(
        AppraisalRow.member_id == member_id, AppraisalRow.year == str(year)
    ))
    return _input_of(row) if row is not None else None


@dataclass(frozen=True)
class CorrectionDue:
    """A 限期改正 (第30条) ending soon or already ended: the branch reviews the member."""

    member_id: str
    name: str
    year: int
    until: date


def corrections_due(uow: UnitOfWork, today: date, within_days: int = 30) -> list[CorrectionDue]:
    """Members on the roll whose 限期改正 ends within ``within_days`` or has ended, and who have
    no later appraisal (a later year's record is the review), soonest first."""
    rows = uow.session.execute(
        select(AppraisalRow.member_id, MemberRow.name, AppraisalRow.year,
               AppraisalRow.correction_until)
        .join(MemberRow, MemberRow.id == AppraisalRow.member_id)
        .where(AppraisalRow.handling == Handling.CORRECTION.value,
               AppraisalRow.deleted_at.is_(None),
               AppraisalRow.correction_until.is_not(None),
               MemberRow.status == MembershipStatus.ACTIVE.value)
    ).all()
    latest: dict[str, str] = dict(uow.session.execute(
        select(AppraisalRow.member_id, func.max(AppraisalRow.year))
        .where(AppraisalRow.member_id.in_([r[0] for r in rows]))
        .group_by(AppraisalRow.member_id)
    ).tuples().all())
    due = [
        CorrectionDue(member_id, name, int(year), until)
        for member_id, name, year, until in rows
        if latest.get(member_id) == year and (until - today).days <= within_days
    ]
    return sorted(due, key=lambda d: (d.until, d.name))


# ---------------------------------------------------------------- documents


def report(uow: UnitOfWork, year: int, today: date) -> doc.AppraisalReport:
    """The year's result table (民主评议党员结果表) as the documents print it. 秘密 records are
    marked in the table and make the whole document 秘密."""
    lines = year_lines(uow, year)
    heading = summary(uow, year, lines)
    entries = []
    for line in lines:
        d = line.data
        entries.append(doc.AppraisalEntry(
            name=line.name, probationary=line.probationary,
            self_assessed=d.self_assessed if d else False,
            votes=d.votes if d else (0, 0, 0, 0),
            grade=d.grade if d else Grade.NONE,
            handling=d.handling if d else Handling.NONE,
            handling_detail=_handling_detail(d) if d else "",
            recorded=d is not None,
            secret=d is not None and d.classification is Classification.SECRET,
        ))
    return doc.AppraisalReport(
        branch=branch.load_profile(uow).name, year=year, made_on=today,
        full_members=heading.full_members, excellent_limit=heading.excellent_limit,
        entries=tuple(entries),
    )


def _handling_detail(d: AppraisalInput) -> str:
    if d.handling is Handling.CORRECTION and d.correction_until:
        return doc.CORRECTION_DETAIL.format(until=d.correction_until.isoformat())
    if d.handling in (Handling.PERSUADE, Handling.STRIKE_OFF):
        text = doc.HANDLING_WORDS[d.handling] + "：" + doc.ASSEMBLY_DETAIL.format(
            meeting=d.meeting_on.isoformat() if d.meeting_on else "",
            in_favour=d.in_favour, entitled=d.entitled,
            approved=d.approved_on.isoformat() if d.approved_on else doc.PENDING,
        )
        if d.handling is Handling.STRIKE_OFF:
            text += doc.GROUND_WORDS[d.ground]
        return text
    return ""


def export_xlsx(uow: UnitOfWork, year: int, path: Path, today: date) -> doc.AppraisalReport:
    """Write the year's result table as a workbook; audited (the caller commits). Raises
    ``FileAccessError``."""
    found = report(uow, year, today)
    doc.write_workbook(found, path)
    uow.audit("appraisal.export", ENTITY, str(year), {"file": str(path), "format": "xlsx"})
    return found


def pdf_bytes(uow: UnitOfWork, year: int, today: date) -> bytes:
    """The year's result table as PDF bytes (for the print preview; nothing on disk)."""
    buffer = io.BytesIO()
    doc.render_pdf(report(uow, year, today), buffer)
    return buffer.getvalue()


def export_pdf(uow: UnitOfWork, year: int, path: Path, today: date) -> int:
    """Write the year's result table as a printable PDF; audited (the caller commits). Returns
    its page count."""
    pages = doc.render_pdf(report(uow, year, today), path)
    uow.audit("appraisal.export", ENTITY, str(year), {"file": str(path), "format": "pdf"})
    return pages


# ---------------------------------------------------------------- rows


def _decision(data: AppraisalInput, probationary: bool) -> rules.Decision:
    return rules.Decision(
        probationary=probationary, self_assessed=data.self_assessed, votes=data.votes,
        grade=data.grade, decided_by=data.decided_by, decided_on=data.decided_on,
        handling=data.handling, correction_until=data.correction_until,
        meeting_on=data.meeting_on, entitled=data.entitled, in_favour=data.in_favour,
        approved_on=data.approved_on, ground=data.ground,
    )


def _apply(row: AppraisalRow, data: AppraisalInput) -> None:
    row.self_assessed = data.self_assessed
    (row.votes_excellent, row.votes_qualified, row.votes_basic,
     row.votes_unqualified) = data.votes
    row.grade = data.grade.value
    row.decided_by = data.decided_by.value
    row.decided_on = data.decided_on
    row.handling = data.handling.value
    row.correction_until = data.correction_until if data.handling is Handling.CORRECTION else None
    assembly = data.handling in (Handling.PERSUADE, Handling.STRIKE_OFF)
    row.meeting_on = data.meeting_on if assembly else None
    row.entitled = data.entitled if assembly else 0
    row.in_favour = data.in_favour if assembly else 0
    row.approved_on = data.approved_on if assembly else None
    row.ground = data.ground.value if data.handling is Handling.STRIKE_OFF else ""
    row.notes = data.notes.strip()
    row.classification = data.classification.value


def _input_of(row: AppraisalRow) -> AppraisalInput:
    return AppraisalInput(
        self_assessed=row.self_assessed,
        votes=(row.votes_excellent, row.votes_qualified, row.votes_basic, row.votes_unqualified),
        grade=Grade(row.grade), decided_by=Decider(row.decided_by), decided_on=row.decided_on,
        handling=Handling(row.handling), correction_until=row.correction_until,
        meeting_on=row.meeting_on, entitled=row.entitled, in_favour=row.in_favour,
        approved_on=row.approved_on, ground=StrikeOffGround(row.ground), notes=row.notes,
        classification=Classification(row.classification),
    )


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _wire(row: AppraisalRow) -> dict[str, Any]:
    return {
        "member_id": row.member_id, "year": row.year, "probationary": row.probationary,
        "self_assessed": row.self_assessed, "votes_excellent": row.votes_excellent,
        "votes_qualified": row.votes_qualified, "votes_basic": row.votes_basic,
        "votes_unqualified": row.votes_unqualified, "grade": row.grade,
        "decided_by": row.decided_by, "decided_on": _iso(row.decided_on),
        "handling": row.handling, "correction_until": _iso(row.correction_until),
        "meeting_on": _iso(row.meeting_on), "entitled": row.entitled,
        "in_favour": row.in_favour, "approved_on": _iso(row.approved_on), "ground": row.ground,
        "notes": row.notes, "classification": row.classification,
    }


def _wire_of(data: AppraisalInput, row: AppraisalRow) -> dict[str, Any]:
    """The wire fields ``data`` had before (on a scratch row, not in the session)."""
    scratch = AppraisalRow(member_id=row.member_id, year=row.year, probationary=row.probationary)
    _apply(scratch, data)
    return _wire(scratch)

