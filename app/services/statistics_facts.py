"""The dated facts the annual statistics are computed from, read once, and what they say about a
member on a given day (in the branch's count? 正式 or 预备? 流动?).

Nothing here reads today's ``stage`` or ``status`` to decide a past day, except where the record
has no date at all: a member with no admission date is a member "since ever" (counted, and listed
as a gap: 入党时间 未填), and a member with neither an admission date nor a 转正 date is 正式 or
预备 as the record says now. Everything else is decided by the dates:

- a member counts from the 党委's approval (``approval_date``; the 支部大会's ``admission_date``
  when the approval is not recorded) or, if transferred in, from the letter's day
  (``transfer_in_on``), until the day of leaving (``left_date``; a letter out counts as 转出 on
  the day it is issued: the 存根 leaves the branch's roll);
- a member is 正式 from ``full_date`` (else, with an admission date, from the day the probation
  ended by the rules when the record says 正式 now);
- 流动 and 失联 by the member's timeline events (流出/流入/流动结束, 失联/恢复联系).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select

from app.domain import development
from app.domain.development import Decision, Stage
from app.domain.members import EventKind, MembershipStatus
from app.storage.models import MeetingRow, MemberEventRow, MemberRow, VoteRow
from app.storage.unit_of_work import UnitOfWork

EVER = date.min
"""A member with no admission date has been one since before any reference date."""


class Category:
    FULL = "full"  # 正式党员
    PROBATIONARY = "probationary"  # 预备党员


@dataclass(eq=False)
class MemberFacts:
    """One member record as the statistics read it (read-only by convention: not frozen, as a
    frozen dataclass's ``__init__`` costs a third of reading 10,000 records)."""

    id: str
    name: str
    gender: str
    ethnic_group: str
    birth_date: date | None
    education: str
    category: str  # PersonCategory value (人员类别)
    occupation: str
    stage: str
    status: str
    application_date: date | None
    activist_date: date | None
    candidate_date: date | None
    admission_date: date | None
    approval_date: date | None
    extension_months: int | None
    full_date: date | None
    left_date: date | None
    left_reason: str
    transfer_in_on: date | None
    flow_direction: str
    flow_since: date | None
    lost_contact_since: date | None
    transfer_receipt_on: date | None

    # Worked out once from the fields above (``__post_init__``): what every table asks.
    party_since: date | None = field(init=False)
    """From when the member counts as a party member (预备 included); None: never was."""
    in_branch_since: date | None = field(init=False)
    left: bool = field(init=False)
    out_on: date | None = field(init=False)
    """The day the member left the count (None: still counted, or left on no known day)."""
    full_since: date | None = field(init=False)

    def __post_init__(self) -> None:
        if self.approval_date or self.admission_date:
            since: date | None = self.approval_date or self.admission_date
        elif self.full_date or self.stage in (Stage.FULL.value, Stage.PROBATIONARY.value):
            since = EVER
        else:
            since = None
        self.party_since = since
        if since is not None and self.transfer_in_on and self.transfer_in_on > since:
            since = self.transfer_in_on
        self.in_branch_since = since
        self.left = self.status != MembershipStatus.ACTIVE.value
        self.out_on = self.left_date if self.left else None
        self.full_since = self._full_since()

    def _full_since(self) -> date | None:
        if self.full_date:
            return self.full_date
        if self.stage == Stage.FULL.value:
            if self.admission_date is None:
                return EVER
            return development.full_membership_start(development.DevelopmentRecord(
                admitted=self.admission_date,
                probation_extensions=(self.extension_months,) if self.extension_months else (),
            ))
        return None

    def counted_on(self, day: date) -> bool:
        since = self.in_branch_since
        out = self.out_on
        return since is not None and since <= day and (out is None or out > day)

    def category_on(self, day: date) -> str:
        full = self.full_since
        return Category.FULL if full is not None and full <= day else Category.PROBATIONARY


@dataclass(frozen=True)
class TimelineFacts:
    """Per member, the dated events the tables need: (day, kind) oldest first."""

    flows: dict[str, list[tuple[date, str]]]
    contact: dict[str, list[tuple[date, str]]]
    extended: dict[str, list[date]]  # 延长预备期 votes passed
    cancelled: dict[str, list[date]]  # 取消预备党员资格 votes passed


@dataclass(frozen=True)
class BranchFacts:
    name: str
    code: str
    committee: str
    kind: str
    committee_elected_on: date | None


_COLUMNS = (
    MemberRow.id, MemberRow.name, MemberRow.gender, MemberRow.ethnic_group, MemberRow.birth_date,
    MemberRow.education, MemberRow.category, MemberRow.occupation, MemberRow.stage,
    MemberRow.status, MemberRow.application_date, MemberRow.activist_date,
    MemberRow.candidate_date, MemberRow.admission_date, MemberRow.approval_date,
    MemberRow.probation_extension_months, MemberRow.full_date, MemberRow.left_date,
    MemberRow.left_reason, MemberRow.transfer_in_on, MemberRow.flow_direction,
    MemberRow.flow_since, MemberRow.lost_contact_since, MemberRow.transfer_receipt_on,
)
_FLOW = {EventKind.FLOW_OUT.value, EventKind.FLOW_IN.value, EventKind.FLOW_END.value}
_CONTACT = {EventKind.LOST_CONTACT.value, EventKind.CONTACT_RESTORED.value}


def load_members(uow: UnitOfWork) -> list[MemberFacts]:
    """Every member record (秘密 ones too: only counts leave this module's callers' hands)."""
    rows = uow.session.execute(
        select(*_COLUMNS).where(MemberRow.deleted_at.is_(None)).order_by(MemberRow.sort_key)
    ).tuples()
    return [MemberFacts(*row) for row in rows]


def load_timeline(uow: UnitOfWork, until: date) -> TimelineFacts:
    flows: dict[str, list[tuple[date, str]]] = defaultdict(list)
    contact: dict[str, list[tuple[date, str]]] = defaultdict(list)
    events = uow.session.execute(
        select(MemberEventRow.member_id, MemberEventRow.on_date, MemberEventRow.kind)
        .where(MemberEventRow.kind.in_(_FLOW | _CONTACT), MemberEventRow.on_date <= until)
        .where(MemberEventRow.deleted_at.is_(None))
        .order_by(MemberEventRow.on_date, MemberEventRow.created_at)
    ).tuples()
    for member_id, on, kind in events:
        (flows if kind in _FLOW else contact)[member_id].append((on, kind))
    extended: dict[str, list[date]] = defaultdict(list)
    cancelled: dict[str, list[date]] = defaultdict(list)
    votes = uow.session.execute(
        select(VoteRow.member_id, VoteRow.decision, MeetingRow.held_on)
        .join(MeetingRow, VoteRow.meeting_id == MeetingRow.id)
        .where(VoteRow.decision.in_((Decision.EXTENSION.value, Decision.CANCELLATION.value)))
        .where(VoteRow.passed.is_(True), VoteRow.member_id.is_not(None))
        .where(VoteRow.deleted_at.is_(None), MeetingRow.deleted_at.is_(None))
        .where(MeetingRow.held_on <= until)
    ).tuples()
    for voted_for, decision, held_on in votes:
        target = extended if decision == Decision.EXTENSION.value else cancelled
        target[str(voted_for)].append(held_on)
    return TimelineFacts(dict(flows), dict(contact), dict(extended), dict(cancelled))


def state_on(events: list[tuple[date, str]], day: date) -> str:
    """The kind of the latest event on or before ``day`` ("" if none)."""
    latest = ""
    for on, kind in events:
        if on > day:
            break
        latest = kind
    return latest
