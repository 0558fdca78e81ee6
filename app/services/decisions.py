"""Decisions of the 支部党员大会 about a person: admission, 转正, 延长预备期, 取消预备党员资格.

Each is a vote recorded at the meeting (``meetings.record_vote`` with its ``decision`` and
``member_id``) and checked like the admission vote (发展党员工作细则 第二十一条、第二十二条、
第三十三条). This module reads them back as the figures ``domain.development`` checks, and lists
the probationary members whose probation has ended without a 转正 discussion (第三十三条:
预备期满，党支部应当及时讨论) for 工作台.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sqlalchemy import select

from app.domain import development
from app.domain.development import Decision, DecisionVote, Stage
from app.domain.members import MembershipStatus
from app.storage.models import MeetingRow, MemberRow, VoteRow
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class OverdueFullMembership:
    """A probationary member whose probation ended and whose 转正 is not yet discussed."""

    member_id: str
    name: str
    probation_ended: date
    days_overdue: int


def decision_votes(uow: UnitOfWork, member_id: str) -> dict[Decision, DecisionVote]:
    """The member's decision votes, the latest of each kind (by meeting date, then recording)."""
    rows = uow.session.execute(
        select(VoteRow.decision, VoteRow.entitled, VoteRow.in_favour, VoteRow.present)
        .join(MeetingRow, VoteRow.meeting_id == MeetingRow.id)
        .where(VoteRow.member_id == member_id, VoteRow.decision != "")
        .where(VoteRow.deleted_at.is_(None), MeetingRow.deleted_at.is_(None))
        .order_by(MeetingRow.held_on, VoteRow.created_at)
    ).tuples()
    return {
        Decision(code): DecisionVote(entitled=entitled, in_favour=in_favour, present=present)
        for code, entitled, in_favour, present in rows
    }


def with_votes(
    record: development.DevelopmentRecord, votes: dict[Decision, DecisionVote]
) -> development.DevelopmentRecord:
    """The record with the decision votes recorded at meetings."""
    return replace(
        record,
        admission_vote=votes.get(Decision.ADMISSION, record.admission_vote),
        full_vote=votes.get(Decision.FULL_MEMBERSHIP, record.full_vote),
        extension_vote=votes.get(Decision.EXTENSION, record.extension_vote),
        cancellation_vote=votes.get(Decision.CANCELLATION, record.cancellation_vote),
    )


def overdue_full_memberships(uow: UnitOfWork, today: date) -> list[OverdueFullMembership]:
    """Active probationary members whose probation (1 year from the 支部大会, plus an
    extension) ended before ``today`` without a 转正 discussion, longest overdue first."""
    rows = uow.session.execute(
        select(MemberRow.id, MemberRow.name, MemberRow.admission_date,
               MemberRow.probation_extension_months)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.stage == Stage.PROBATIONARY.value)
        .where(MemberRow.admission_date.is_not(None))
        .order_by(MemberRow.admission_date, MemberRow.sort_key)
    ).tuples()
    found = []
    for member_id, name, admitted, extension in rows:
        record = development.DevelopmentRecord(
            admitted=admitted, probation_extensions=(extension,) if extension else ()
        )
        if development.full_membership_overdue(record, today) is None:
            continue  # the common case answered without reading the votes
        record = with_votes(record, decision_votes(uow, member_id))
        end = development.full_membership_overdue(record, today)
        if end is not None:
            found.append(OverdueFullMembership(member_id, name, end, (today - end).days))
    return sorted(found, key=lambda item: (-item.days_overdue, item.name))
