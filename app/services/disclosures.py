"""党务公开: disclosure items, drafted from the records, through 拟稿 → 审核 → 审批 → 发布.

Rules (DOMAIN.md, "党务公开"; 党务公开条例（试行）2017):
- 第2条, 第4条: never what is secret. An item naming or derived from a 秘密 record (its member,
  its ``sources``) is refused at 审核, 审批 and 发布 (``DisclosureSecretError`` names it); its
  ``member_id`` makes it 秘密 for sync too (``sync.registry``), so it never leaves the PC.
- 第15条 (DOMAIN: 提出 → 审核 → 审批 → 实施, each with a date and a person): ``review``,
  ``approve`` and ``publish`` in this order; an edit after 审核 sends the item back to 拟稿.
- 发展党员 and 转正 公示: no national period, 7 days is common: a setting (``PERIOD_KEY``).
- 党费收缴、使用情况 at least once a year: ``draft_dues`` for a quarter or a year, totals only.
- 评议 results: ``draft_appraisal``, the counts by grade and the names of those graded 优秀 only.

Every write runs in the caller's unit of work with its audit entry and sync-outbox op.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass, fields
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import extract, select

from app.documents import disclosure_texts as texts
from app.documents import disclosures as texts_notice
from app.domain.appraisal import GRADES, Grade
from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.meetings import MeetingType
from app.domain.members import Classification, EventKind
from app.errors import (
    DisclosureSecretError,
    DisclosureStepError,
    FieldProblem,
    FileAccessError,
    InvalidInputError,
    RecordNotFoundError,
)
from app.services import appraisal as appraisal_service
from app.services import dues as dues_service
from app.services import members as members_service
from app.storage.models import (
    BranchRow,
    DisclosureFeedbackRow,
    DisclosureRow,
    MeetingRow,
    MemberRow,
    Setting,
)
from app.storage.unit_of_work import UnitOfWork

PERIOD_KEY = "disclosure_period_days"
DEFAULT_PERIOD_DAYS = 7  # DOMAIN.md: 发展/转正 公示 "no national period: 7 days is common"
CHANNEL_KEY = "disclosure_feedback_channel"


class Category(enum.Enum):
    DEVELOPMENT = "development"  # 发展党员公示
    PROBATION = "probation"  # 预备党员转正公示
    DUES = "dues"  # 党费收缴使用情况
    MEETINGS = "meetings"  # 组织生活开展情况
    APPRAISAL = "appraisal"  # 民主评议结果
    OTHER = "other"  # 其他


class Scope(enum.Enum):
    PARTY = "party"  # 党内
    PUBLIC = "public"  # 党外/社会
    SPECIFIC = "specific"  # 特定范围


class Status(enum.Enum):
    DRAFT = "draft"  # 拟稿
    REVIEWED = "reviewed"  # 已审核
    APPROVED = "approved"  # 已审批
    PUBLISHED = "published"  # 已公开
    WITHDRAWN = "withdrawn"  # 已撤回


@dataclass(frozen=True)
class DisclosureInput:
    """What the secretary writes (a draft from the records fills it in first)."""

    category: Category
    title: str
    content: str
    scope: Scope
    start_on: date
    end_on: date
    feedback_channel: str = ""
    scope_note: str = ""
    member_id: str | None = None
    sources: tuple[tuple[str, str], ...] = ()  # (entity, id) of the records it derives from


@dataclass(frozen=True)
class Feedback:
    id: str
    received_on: date
    channel: str
    author: str
    content: str
    noted: bool = False  # in the member's record (a 发展/转正 公示's response)


@dataclass(frozen=True)
class Disclosure:
    id: str
    data: DisclosureInput
    status: Status
    classification: Classification
    drafted_by: str
    drafted_on: date | None
    reviewed_by: str
    reviewed_on: date | None
    approved_by: str
    approved_on: date | None
    published_on: date | None
    withdrawn_on: date | None
    feedback: tuple[Feedback, ...] = ()

    def is_open(self, today: date) -> bool:
        """Published and within its 公示期 today."""
        return (self.status is Status.PUBLISHED
                and self.data.start_on <= today <= self.data.end_on)


# ---------------------------------------------------------------- settings
def period_days(uow: UnitOfWork) -> int:
    row = uow.session.get(Setting, PERIOD_KEY)
    return int(row.value) if row is not None and row.value.isdigit() else DEFAULT_PERIOD_DAYS


def save_period_days(uow: UnitOfWork, days: int) -> None:
    if not 1 <= days <= 90:
        raise InvalidInputError([FieldProblem("period_days", "out_of_range")])
    uow.session.merge(Setting(key=PERIOD_KEY, value=str(days)))
    uow.audit("disclosure.period", "setting", PERIOD_KEY, {"days": days})


def default_channel(uow: UnitOfWork) -> str:
    row = uow.session.get(Setting, CHANNEL_KEY)
    if row is not None and row.value:
        return row.value
    branch = uow.session.scalars(select(BranchRow)).first()
    return texts.default_channel(branch.name if branch else "", branch.secretary if branch else "")


# ---------------------------------------------------------------- drafts from the records
def draft_development(uow: UnitOfWork, member_id: str, today: date) -> DisclosureInput:
    """A 发展对象 公示 (a member in stage 发展对象) or a 转正 公示 (a 预备党员), with the 公示期
    the setting gives, starting today."""
    member = _member(uow, member_id)
    probation = member.stage == Stage.PROBATIONARY.value
    if member.stage not in (Stage.CANDIDATE.value, Stage.PROBATIONARY.value):
        raise InvalidInputError([FieldProblem("member", "not_candidate_or_probationary")])
    branch = _branch_name(uow)
    if probation:
        title, content = texts.probation_notice(branch, member.name, member.admission_date)
    else:
        title, content = texts.candidate_notice(
            branch, member.name, member.gender, member.birth_date, member.education,
            member.work_unit, member.application_date, member.activist_date,
        )
    return DisclosureInput(
        category=Category.PROBATION if probation else Category.DEVELOPMENT,
        title=title, content=content, scope=Scope.PARTY, start_on=today,
        end_on=today + timedelta(days=period_days(uow) - 1),
        feedback_channel=default_channel(uow), member_id=member_id,
        sources=(("member", member_id),),
    )


def draft_dues(
    uow: UnitOfWork, year: int, quarter: int | None, today: date
) -> DisclosureInput:
    """党费收缴、使用情况 of a quarter (1-4) or a year: collected, remitted, the number of
    members in arrears (第十三条) — no personal amounts, whatever the scope."""
    first = Month(year, 1 if quarter is None else quarter * 3 - 2)
    last = Month(year, 12 if quarter is None else quarter * 3)
    folded = dues_service.fen_ledger(uow)
    collected = folded.collected_in(first, last)
    remitted = sum(
        (r.amount for r in folded.remittances if first <= r.first and r.last <= last),
        start=collected - collected,
    )
    period_end = _month_end(last)
    arrears = len(dues_service.arrears_list(uow, min(period_end, today), folded))
    title, content = texts.dues_notice(_branch_name(uow), year, quarter, collected, remitted,
                                       arrears)
    return DisclosureInput(
        category=Category.DUES, title=title, content=content, scope=Scope.PARTY,
        start_on=today, end_on=today + timedelta(days=period_days(uow) - 1),
        feedback_channel=default_channel(uow),
    )


def draft_meetings(uow: UnitOfWork, first: date, last: date, today: date) -> DisclosureInput:
    """组织生活开展情况 from the meetings held between ``first`` and ``last``; 秘密 meetings are
    left out of the draft (never disclosed), the others are its sources."""
    rows = uow.session.scalars(
        select(MeetingRow).where(
            MeetingRow.held_on.between(first, last), MeetingRow.deleted_at.is_(None),
            MeetingRow.classification != Classification.SECRET.value,
        ).order_by(MeetingRow.held_on, MeetingRow.start_time)
    ).all()
    title, content = texts.meetings_notice(
        _branch_name(uow), first, last,
        [(r.held_on, MeetingType(r.type), tuple(json.loads(r.topics))) for r in rows],
    )
    return DisclosureInput(
        category=Category.MEETINGS, title=title, content=content, scope=Scope.PARTY,
        start_on=today, end_on=today + timedelta(days=period_days(uow) - 1),
        feedback_channel=default_channel(uow),
        sources=tuple(("meeting", r.id) for r in rows),
    )


def draft_appraisal(uow: UnitOfWork, year: int, today: date) -> DisclosureInput:
    """民主评议党员结果 of a year: the number of members of each grade and the names of those
    graded 优秀; a 秘密 member or record is counted but never named (a count reveals no record).
    Refused when no grade is recorded for the year."""
    lines = appraisal_service.year_lines(uow, year)
    counts = appraisal_service.summary(uow, year, lines).counts
    if not any(counts.values()):
        raise InvalidInputError([FieldProblem("year", "no_appraisal")])
    secret = set(uow.session.scalars(
        select(MemberRow.id).where(MemberRow.classification == Classification.SECRET.value)
    ))
    named = [
        line for line in lines
        if line.data is not None and line.data.grade is Grade.EXCELLENT
        and line.member_id not in secret
        and line.data.classification is not Classification.SECRET
    ]
    title, content = texts.appraisal_notice(
        _branch_name(uow), year, [counts[g] for g in GRADES], [line.name for line in named]
    )
    return DisclosureInput(
        category=Category.APPRAISAL, title=title, content=content, scope=Scope.PARTY,
        start_on=today, end_on=today + timedelta(days=period_days(uow) - 1),
        feedback_channel=default_channel(uow),
        sources=tuple(("member", line.member_id) for line in named),
    )


# ---------------------------------------------------------------- writes
def create(uow: UnitOfWork, data: DisclosureInput, drafted_by: str, today: date) -> str:
    """拟稿: a new item, drafted by ``drafted_by`` today."""
    _check(uow, data)
    row = DisclosureRow(id=uow.new_id(), status=Status.DRAFT.value, drafted_by=drafted_by.strip(),
                        drafted_on=today)
    _apply(row, data)
    uow.session.add(row)
    uow.session.flush()
    uow.audit("disclosure.create", "disclosure", row.id, {"category": data.category.value})
    uow.outbox("disclosure", row.id, {
        **_wire(data), "status": row.status, "drafted_by": row.drafted_by,
        "drafted_on": today.isoformat(), "classification": row.classification,
    })
    return row.id


def update(uow: UnitOfWork, disclosure_id: str, data: DisclosureInput) -> None:
    """The secretary edits the draft: allowed until 审批; after 审核 it goes back to 拟稿 (the
    review was of the text as it was)."""
    row = _row(uow, disclosure_id)
    if row.status not in (Status.DRAFT.value, Status.REVIEWED.value):
        raise DisclosureStepError(row.status, "edit")
    _check(uow, data)
    before = _wire(_input_of(row))
    _apply(row, data)
    patch: dict[str, Any] = {k: v for k, v in _wire(data).items() if before.get(k) != v}
    if not patch:
        return
    if row.status == Status.REVIEWED.value:
        row.status, row.reviewed_by, row.reviewed_on = Status.DRAFT.value, "", None
        patch.update(status=row.status, reviewed_by="", reviewed_on=None)
    uow.audit("disclosure.update", "disclosure", disclosure_id, {"fields": sorted(patch)})
    uow.outbox("disclosure", disclosure_id, patch, base_version=row.server_version)


def review(uow: UnitOfWork, disclosure_id: str, by: str, on: date) -> None:
    """审核 (保密审查, necessity, accuracy): refused for an item derived from a 秘密 record."""
    _step(uow, disclosure_id, Status.DRAFT, Status.REVIEWED, "review",
          {"reviewed_by": by.strip(), "reviewed_on": on})


def approve(uow: UnitOfWork, disclosure_id: str, by: str, on: date) -> None:
    """审批 (by the branch committee, or up the line when beyond the branch)."""
    _step(uow, disclosure_id, Status.REVIEWED, Status.APPROVED, "approve",
          {"approved_by": by.strip(), "approved_on": on})


def publish(uow: UnitOfWork, disclosure_id: str, on: date) -> None:
    """实施: the item is disclosed (and sent to the platform's portal by the next sync)."""
    _step(uow, disclosure_id, Status.APPROVED, Status.PUBLISHED, "publish",
          {"published_on": on})


def withdraw(uow: UnitOfWork, disclosure_id: str, on: date) -> None:
    """Take a published item down before its 公示期 ends (the portal stops listing it)."""
    _step(uow, disclosure_id, Status.PUBLISHED, Status.WITHDRAWN, "withdraw",
          {"withdrawn_on": on}, check_secret=False)


def record_feedback(
    uow: UnitOfWork, disclosure_id: str, received_on: date, channel: str, author: str,
    content: str,
) -> str:
    """A response received by letter or in person (those from the platform arrive by sync)."""
    row = _row(uow, disclosure_id)
    if not content.strip():
        raise InvalidInputError([FieldProblem("content", "required")])
    feedback = DisclosureFeedbackRow(
        id=uow.new_id(), disclosure_id=disclosure_id, received_on=received_on,
        channel=channel, author=author.strip(), content=content.strip(),
        classification=row.classification,
    )
    uow.session.add(feedback)
    uow.session.flush()
    uow.audit("disclosure.feedback", "disclosure_feedback", feedback.id,
              {"disclosure": disclosure_id})
    uow.outbox("disclosure_feedback", feedback.id, {
        "disclosure_id": disclosure_id, "received_on": received_on.isoformat(),
        "channel": channel, "author": feedback.author, "content": feedback.content,
        "classification": feedback.classification,
    })
    note_feedback(uow, disclosure_id)
    return feedback.id


def note_feedback(uow: UnitOfWork, disclosure_id: str) -> int:
    """A 发展/转正 公示's responses not yet in the member's record become notes on its timeline
    (those from the platform arrive by sync; this notes them too). Returns how many."""
    row = _row(uow, disclosure_id)
    if row.member_id is None or row.category not in (Category.DEVELOPMENT.value,
                                                      Category.PROBATION.value):
        return 0
    pending = uow.session.scalars(select(DisclosureFeedbackRow).where(
        DisclosureFeedbackRow.disclosure_id == disclosure_id,
        DisclosureFeedbackRow.member_event_id.is_(None),
        DisclosureFeedbackRow.deleted_at.is_(None),
    ).order_by(DisclosureFeedbackRow.received_on)).all()
    for feedback in pending:
        text = texts.feedback_note(row.title, feedback.channel, feedback.author,
                                   feedback.content)
        feedback.member_event_id = members_service.add_event(
            uow, row.member_id, EventKind.NOTE, feedback.received_on, text,
            classification=Classification(row.classification))
        uow.session.flush()
        uow.outbox("disclosure_feedback", feedback.id,
                   {"member_event_id": feedback.member_event_id},
                   base_version=feedback.server_version)
    return len(pending)


# ---------------------------------------------------------------- reads
def get(uow: UnitOfWork, disclosure_id: str) -> Disclosure:
    row = _row(uow, disclosure_id)
    feedback = uow.session.scalars(
        select(DisclosureFeedbackRow).where(
            DisclosureFeedbackRow.disclosure_id == disclosure_id,
            DisclosureFeedbackRow.deleted_at.is_(None),
        ).order_by(DisclosureFeedbackRow.received_on, DisclosureFeedbackRow.created_at)
    ).all()
    return _disclosure(row, tuple(
        Feedback(f.id, f.received_on, f.channel, f.author, f.content,
                 f.member_event_id is not None)
        for f in feedback
    ))


def list_items(uow: UnitOfWork, year: int | None = None) -> list[Disclosure]:
    """Items (without their feedback), the latest 公示期 first; of one year when given."""
    query = select(DisclosureRow).where(DisclosureRow.deleted_at.is_(None))
    if year is not None:
        query = query.where(extract("year", DisclosureRow.start_on) == year)
    rows = uow.session.scalars(
        query.order_by(DisclosureRow.start_on.desc(), DisclosureRow.created_at.desc())
    ).all()
    return [_disclosure(r, ()) for r in rows]


def feedback_counts(uow: UnitOfWork, ids: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for disclosure_id in uow.session.scalars(
        select(DisclosureFeedbackRow.disclosure_id).where(
            DisclosureFeedbackRow.disclosure_id.in_(ids),
            DisclosureFeedbackRow.deleted_at.is_(None),
        )
    ):
        counts[disclosure_id] = counts.get(disclosure_id, 0) + 1
    return counts


def secret_source(uow: UnitOfWork, disclosure_id: str) -> DisclosureSecretError | None:
    """The first 秘密 record the item names or derives from, as the error that refuses it."""
    row = _row(uow, disclosure_id)
    if row.classification == Classification.SECRET.value:
        return DisclosureSecretError("disclosure", row.title)
    for entity, record_id in _sources(row):
        if entity == "member":
            member = uow.session.get(MemberRow, record_id)
            if member is not None and member.classification == Classification.SECRET.value:
                return DisclosureSecretError("member", member.name)
        elif entity == "meeting":
            meeting = uow.session.get(MeetingRow, record_id)
            if meeting is not None and meeting.classification == Classification.SECRET.value:
                return DisclosureSecretError("meeting", meeting.held_on.isoformat())
    return None


# ---------------------------------------------------------------- helpers
def _step(
    uow: UnitOfWork, disclosure_id: str, before: Status, after: Status, step: str,
    values: dict[str, Any], *, check_secret: bool = True,
) -> None:
    row = _row(uow, disclosure_id)
    if row.status != before.value:
        raise DisclosureStepError(row.status, step)
    if any(isinstance(v, str) and not v for v in values.values()):
        raise InvalidInputError([FieldProblem("by", "required")])
    if check_secret:
        refused = secret_source(uow, disclosure_id)
        if refused is not None:
            raise refused
    row.status = after.value
    for name, value in values.items():
        setattr(row, name, value)
    uow.session.flush()
    wire = {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}
    uow.audit(f"disclosure.{step}", "disclosure", disclosure_id, wire)
    uow.outbox("disclosure", disclosure_id, {"status": after.value, **wire},
               base_version=row.server_version)


def _check(uow: UnitOfWork, data: DisclosureInput) -> None:
    problems = []
    if not data.title.strip():
        problems.append(FieldProblem("title", "required"))
    if len(data.title) > 200:
        problems.append(FieldProblem("title", "too_long"))
    if not data.content.strip():
        problems.append(FieldProblem("content", "required"))
    if data.end_on < data.start_on:
        problems.append(FieldProblem("end_on", "before_start"))
    if data.scope is Scope.SPECIFIC and not data.scope_note.strip():
        problems.append(FieldProblem("scope_note", "required"))
    if data.member_id is not None and uow.session.get(MemberRow, data.member_id) is None:
        problems.append(FieldProblem("member", "unknown"))
    if problems:
        raise InvalidInputError(problems)


def _apply(row: DisclosureRow, data: DisclosureInput) -> None:
    row.category = data.category.value
    row.title = data.title.strip()
    row.content = data.content.strip()
    row.scope = data.scope.value
    row.scope_note = data.scope_note.strip()
    row.start_on, row.end_on = data.start_on, data.end_on
    row.feedback_channel = data.feedback_channel.strip()
    row.member_id = data.member_id
    row.sources = json.dumps([list(s) for s in data.sources])


def _input_of(row: DisclosureRow) -> DisclosureInput:
    return DisclosureInput(
        category=Category(row.category), title=row.title, content=row.content,
        scope=Scope(row.scope), start_on=row.start_on, end_on=row.end_on,
        feedback_channel=row.feedback_channel, scope_note=row.scope_note,
        member_id=row.member_id, sources=_sources(row),
    )


def _wire(data: DisclosureInput) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(DisclosureInput):
        value = getattr(data, f.name)
        if isinstance(value, enum.Enum):
            value = value.value
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, str) and f.name != "member_id":
            value = value.strip()
        out[f.name] = value
    out["sources"] = json.dumps([list(s) for s in data.sources])
    return out


def _sources(row: DisclosureRow) -> tuple[tuple[str, str], ...]:
    return tuple((str(e), str(i)) for e, i in json.loads(row.sources or "[]"))


def _disclosure(row: DisclosureRow, feedback: tuple[Feedback, ...]) -> Disclosure:
    return Disclosure(
        id=row.id, data=_input_of(row), status=Status(row.status),
        classification=Classification(row.classification), drafted_by=row.drafted_by,
        drafted_on=row.drafted_on, reviewed_by=row.reviewed_by, reviewed_on=row.reviewed_on,
        approved_by=row.approved_by, approved_on=row.approved_on,
        published_on=row.published_on, withdrawn_on=row.withdrawn_on, feedback=feedback,
    )


def _row(uow: UnitOfWork, disclosure_id: str) -> DisclosureRow:
    row = uow.session.get(DisclosureRow, disclosure_id)
    if row is None or row.deleted_at is not None:
        raise RecordNotFoundError("disclosure", disclosure_id)
    return row


def _member(uow: UnitOfWork, member_id: str) -> MemberRow:
    row = uow.session.get(MemberRow, member_id)
    if row is None:
        raise RecordNotFoundError("member", member_id)
    return row


def _branch_name(uow: UnitOfWork) -> str:
    branch = uow.session.scalars(select(BranchRow)).first()
    return branch.name if branch is not None else ""


def _month_end(month: Month) -> date:
    following = Month(month.year + 1, 1) if month.month == 12 else Month(month.year,
                                                                          month.month + 1)
    return date(following.year, following.month, 1) - timedelta(days=1)



# ---------------------------------------------------------------- documents
def notice(uow: UnitOfWork, disclosure_id: str) -> texts_notice.Notice:
    """The printed 公示 notice of an item (any step: a draft prints as what will be posted)."""
    item = get(uow, disclosure_id)
    dated = item.published_on or item.approved_on or item.data.start_on
    mark = "秘密" if item.classification is Classification.SECRET else ""
    return texts_notice.Notice(
        branch=_branch_name(uow), title=item.data.title, content=item.data.content,
        scope=item.data.scope.value, scope_note=item.data.scope_note,
        start_on=item.data.start_on, end_on=item.data.end_on,
        feedback_channel=item.data.feedback_channel, dated=dated, classification_mark=mark,
    )


def print_notice(uow: UnitOfWork, disclosure_id: str, path: Path) -> int:
    """Write the notice as an A4 PDF to ``path``; returns the page count."""
    return texts_notice.render_notice(notice(uow, disclosure_id), path)


def export_year(uow: UnitOfWork, year: int, path: Path) -> int:
    """The year's register (xlsx; without the feedback's content); returns the rows written.
    The export is in the audit log (the caller commits), as every export's."""
    items = list_items(uow, year)
    counts = feedback_counts(uow, [i.id for i in items])
    lines = [
        texts_notice.ReportLine(
            category=i.data.category.value, title=i.data.title, scope=i.data.scope.value,
            start_on=i.data.start_on, end_on=i.data.end_on, drafted_by=i.drafted_by,
            drafted_on=i.drafted_on, reviewed_by=i.reviewed_by, reviewed_on=i.reviewed_on,
            approved_by=i.approved_by, approved_on=i.approved_on, published_on=i.published_on,
            withdrawn_on=i.withdrawn_on, status=i.status.value, feedback=counts.get(i.id, 0),
        )
        for i in reversed(items)
    ]
    try:
        rows = texts_notice.write_year_report(path, _branch_name(uow), year, lines)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("disclosure.export", "disclosure", str(year), {"path": str(path), "items": rows})
    return rows


def development_subjects(uow: UnitOfWork) -> list[tuple[str, str, Stage]]:
    """(id, name, stage) of the members a 发展 or 转正 公示 can be drafted for (发展对象 and
    预备党员 still on the roll), in name order."""
    rows = uow.session.execute(
        select(MemberRow.id, MemberRow.name, MemberRow.stage).where(
            MemberRow.stage.in_((Stage.CANDIDATE.value, Stage.PROBATIONARY.value)),
            MemberRow.status == "active", MemberRow.deleted_at.is_(None),
        ).order_by(MemberRow.sort_key)
    ).all()
    return [(r.id, r.name, Stage(r.stage)) for r in rows]


# ---------------------------------------------------------------- 工作台
class ReminderKind(enum.Enum):
    ENDING = "ending"  # a 公示期 ends within ENDING_DAYS: collect the responses
    WAITING = "waiting"  # approved, not yet published
    UNNOTED = "unnoted"  # responses to a 发展/转正 公示 not yet in the member's record
    DUES_DUE = "dues_due"  # no 党费 公开 this year (DOMAIN: at least once a year), from October


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    title: str = ""
    on: date | None = None


ENDING_DAYS = 3
DUES_REMINDER_MONTH = 10


def reminders(uow: UnitOfWork, today: date) -> list[Reminder]:
    found: list[Reminder] = []
    rows = uow.session.scalars(select(DisclosureRow).where(
        DisclosureRow.deleted_at.is_(None),
        DisclosureRow.status.in_((Status.APPROVED.value, Status.PUBLISHED.value)),
    ).order_by(DisclosureRow.end_on)).all()
    for row in rows:
        if row.status == Status.APPROVED.value:
            found.append(Reminder(ReminderKind.WAITING, row.title, row.approved_on))
        elif today <= row.end_on <= today + timedelta(days=ENDING_DAYS):
            found.append(Reminder(ReminderKind.ENDING, row.title, row.end_on))
    unnoted = uow.session.execute(select(DisclosureRow.title).join(
        DisclosureFeedbackRow, DisclosureFeedbackRow.disclosure_id == DisclosureRow.id,
    ).where(
        DisclosureRow.member_id.is_not(None), DisclosureFeedbackRow.member_event_id.is_(None),
        DisclosureRow.category.in_((Category.DEVELOPMENT.value, Category.PROBATION.value)),
        DisclosureFeedbackRow.deleted_at.is_(None),
    ).distinct()).scalars().all()
    found += [Reminder(ReminderKind.UNNOTED, title) for title in unnoted]
    if today.month >= DUES_REMINDER_MONTH and not uow.session.scalar(
        select(DisclosureRow.id).where(
            DisclosureRow.category == Category.DUES.value,
            DisclosureRow.status.in_((Status.PUBLISHED.value, Status.WITHDRAWN.value)),
            extract("year", DisclosureRow.start_on) == today.year,
        ).limit(1)
    ):
        found.append(Reminder(ReminderKind.DUES_DUE))
    return found
