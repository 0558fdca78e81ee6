"""The branch profile (name, code, higher committee, secretary, committee members) and
per-database preferences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from app.domain import branch as structure
from app.domain.branch import BranchKind, ElectionReminder
from app.domain.development import Stage
from app.domain.members import MembershipStatus
from app.domain.name_order import NameOrder
from app.errors import FieldProblem, InvalidInputError
from app.services.workspace import BranchProfile
from app.storage.models import BranchRow, MemberRow, Setting
from app.storage.unit_of_work import UnitOfWork

DEFAULT_AUTO_LOCK_MINUTES = 10
NAME_ORDER_KEY = "printed_name_order"


@dataclass(frozen=True)
class Preferences:
    """Settings kept inside the encrypted database."""

    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES  # 0 = never


@dataclass(frozen=True)
class CommitteeStatus:
    """The branch's structure today (支部工作条例 第二十一条): its full members, whether it has a
    支部委员会 (7 or more), the next 换届 and, from 6 months before it, a reminder."""

    full_members: int
    has_committee: bool
    next_election: date | None
    reminder: ElectionReminder | None


def load_profile(uow: UnitOfWork) -> BranchProfile:
    row = uow.session.query(BranchRow).one()
    return BranchProfile(
        name=row.name, code=row.code, higher_org=row.higher_org, secretary=row.secretary,
        committee=row.committee, kind=BranchKind(row.kind),
        committee_elected_on=row.committee_elected_on,
    )


def save_profile(uow: UnitOfWork, profile: BranchProfile, action: str = "update") -> None:
    """Store the profile with its audit entry (naming the changed fields) and its outbox op.
    The name and the code are required (``InvalidInputError``)."""
    fields: dict[str, Any] = {
        "name": profile.name.strip(), "code": profile.code.strip(),
        "higher_org": profile.higher_org.strip(), "secretary": profile.secretary.strip(),
        "committee": profile.committee.strip(), "kind": profile.kind.value,
        "committee_elected_on": profile.committee_elected_on,
    }
    missing = [FieldProblem(name, "required") for name in ("name", "code") if not fields[name]]
    if missing:
        raise InvalidInputError(missing)
    row = uow.session.query(BranchRow).one_or_none()
    if row is None:
        row = BranchRow(id=uow.new_id())
        uow.session.add(row)
    changed = sorted(name for name, value in fields.items() if getattr(row, name) != value)
    if not changed:
        return
    for name, value in fields.items():
        setattr(row, name, value)
    uow.session.flush()
    uow.audit(f"branch.{action}", "branch", row.id, {"fields": changed})
    elected = profile.committee_elected_on
    uow.outbox("branch", row.id, {
        **fields, "committee_elected_on": elected.isoformat() if elected else None,
    })


def full_member_count(uow: UnitOfWork) -> int:
    """Full members (正式党员) on the roll."""
    return uow.session.scalar(
        select(func.count(MemberRow.id))
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.stage == Stage.FULL.value)
    ) or 0


def committee_status(uow: UnitOfWork, today: date) -> CommitteeStatus:
    """Whether the branch has a committee now, and when its next 换届 is due (工作台)."""
    profile = load_profile(uow)
    full = full_member_count(uow)
    elected = profile.committee_elected_on
    return CommitteeStatus(
        full_members=full,
        has_committee=structure.has_committee(full),
        next_election=structure.next_election(elected, profile.kind) if elected else None,
        reminder=structure.election_reminder(elected, profile.kind, today),
    )


def load_name_order(uow: UnitOfWork) -> NameOrder:
    """How printed name lists (出席人员, 签到表) are ordered: by pinyin unless chosen otherwise."""
    stored = uow.session.get(Setting, NAME_ORDER_KEY)
    return NameOrder(stored.value) if stored is not None else NameOrder.PINYIN


def save_name_order(uow: UnitOfWork, order: NameOrder) -> None:
    uow.session.merge(Setting(key=NAME_ORDER_KEY, value=order.value))
    uow.audit("preferences.update", "settings", NAME_ORDER_KEY, {"value": order.value})


def load_preferences(uow: UnitOfWork) -> Preferences:
    values = {s.key: s.value for s in uow.session.query(Setting)}
    minutes = values.get("auto_lock_minutes")
    return Preferences(
        auto_lock_minutes=int(minutes) if minutes is not None else DEFAULT_AUTO_LOCK_MINUTES
    )


def save_preferences(uow: UnitOfWork, preferences: Preferences) -> None:
    if not 0 <= preferences.auto_lock_minutes <= 240:
        raise InvalidInputError([FieldProblem("auto_lock_minutes", "out_of_range")])
    uow.session.merge(Setting(key="auto_lock_minutes", value=str(preferences.auto_lock_minutes)))
    uow.audit("preferences.update", "settings", "auto_lock_minutes")
