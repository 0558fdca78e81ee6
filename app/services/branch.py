"""The branch profile (name, code, higher committee, secretary) and per-database preferences."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.name_order import NameOrder
from app.services.workspace import BranchProfile
from app.storage.models import BranchRow, Setting
from app.storage.unit_of_work import UnitOfWork

DEFAULT_AUTO_LOCK_MINUTES = 10


@dataclass(frozen=True)
class Preferences:
    """Settings kept inside the encrypted database."""

    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES  # 0 = never
    # Printed name lists (出席人员, 签到表): by pinyin, or by 姓氏笔画 as official documents do.
    printed_name_order: NameOrder = NameOrder.PINYIN


def load_profile(uow: UnitOfWork) -> BranchProfile:
    row = uow.session.query(BranchRow).one()
    return BranchProfile(
        name=row.name, code=row.code, higher_org=row.higher_org, secretary=row.secretary
    )


def save_profile(uow: UnitOfWork, profile: BranchProfile, action: str = "update") -> None:
    row = uow.session.query(BranchRow).one_or_none()
    if row is None:
        row = BranchRow(id=uow.new_id())
        uow.session.add(row)
    row.name = profile.name.strip()
    row.code = profile.code.strip()
    row.higher_org = profile.higher_org.strip()
    row.secretary = profile.secretary.strip()
    uow.session.flush()
    fields = {"name": row.name, "code": row.code, "higher_org": row.higher_org,
              "secretary": row.secretary}
    uow.audit(f"branch.{action}", "branch", row.id)
    uow.outbox("branch", row.id, fields)


def load_preferences(uow: UnitOfWork) -> Preferences:
    values = {s.key: s.value for s in uow.session.query(Setting)}
    minutes = values.get("auto_lock_minutes")
    order = values.get("printed_name_order", NameOrder.PINYIN.value)
    return Preferences(
        auto_lock_minutes=int(minutes) if minutes is not None else DEFAULT_AUTO_LOCK_MINUTES,
        printed_name_order=NameOrder(order),
    )


def save_preferences(uow: UnitOfWork, preferences: Preferences) -> None:
    if not 0 <= preferences.auto_lock_minutes <= 240:
        from app.errors import FieldProblem, InvalidInputError

        raise InvalidInputError([FieldProblem("auto_lock_minutes", "out_of_range")])
    before = load_preferences(uow)
    uow.session.merge(Setting(key="auto_lock_minutes", value=str(preferences.auto_lock_minutes)))
    uow.session.merge(
        Setting(key="printed_name_order", value=preferences.printed_name_order.value)
    )
    if preferences.auto_lock_minutes != before.auto_lock_minutes:
        uow.audit("preferences.update", "settings", "auto_lock_minutes")
    if preferences.printed_name_order is not before.printed_name_order:
        uow.audit("preferences.update", "settings", "printed_name_order")
