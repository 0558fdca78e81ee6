"""The demo branch's study record for the current year (``demo_year.populate_year`` calls it
after the meetings, whose 党课 and 主题党日 attendance already made their entries): online study
for most members a few times a year, a training course for the committee, a 集中学习 now and
then, and one old member exempt from the targets (第23条). Some members stay behind the pace so
that 工作台 has something to show."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.domain.development import Stage
from app.domain.members import BranchPost, MembershipStatus
from app.domain.study import ExemptReason, StudyForm
from app.services import study
from app.storage.models import MemberRow
from app.storage.unit_of_work import UnitOfWork

_ONLINE = ("学习贯彻党的二十届三中全会精神专题", "《习近平新时代中国特色社会主义思想学习纲要》导读",
           "党纪学习教育专题课程", "中国共产党党史专题", "新时代党员先锋模范作用")
_COLLECTIVE = ("支部集中学习：党章党规", "支部集中学习：《中国共产党纪律处分条例》")
_PLATFORM = "干部网络学院"
_SCHOOL = "市委党校"


def populate(uow: UnitOfWork, today: date, rng: random.Random) -> int:
    """Add the year's study entries; returns how many. The caller commits."""
    rows = uow.session.execute(
        select(MemberRow.id, MemberRow.branch_post, MemberRow.birth_date)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.stage.in_([Stage.FULL.value, Stage.PROBATIONARY.value]))
        .order_by(MemberRow.sort_key)
    ).tuples().all()
    first = date(today.year, 1, 1)
    span = max((today - first).days, 1)

    def day() -> date:
        return first + timedelta(days=rng.randint(0, span))

    entries: list[study.EntryInput] = []
    oldest: tuple[date, str] | None = None
    for member_id, post, birth in rows:
        if birth is not None and (oldest is None or birth < oldest[0]):
            oldest = (birth, member_id)
        diligence = rng.random()
        for _ in range(int(diligence * 8)):
            entries.append(study.EntryInput(
                member_id, day(), StudyForm.ONLINE, rng.choice(_ONLINE),
                Decimal(rng.choice((1, 2, 2, 3))), _PLATFORM))
        if diligence > 0.3:
            entries.append(study.EntryInput(
                member_id, day(), StudyForm.COLLECTIVE, rng.choice(_COLLECTIVE), Decimal(4),
                "本支部"))
        if post != BranchPost.NONE.value:
            entries.append(study.EntryInput(
                member_id, day(), StudyForm.TRAINING, "基层党组织书记和委员培训班",
                Decimal(24), _SCHOOL))
    if not entries:
        return 0
    study.add_entries(uow, entries)
    uow.audit("study.demo", "study", str(today.year), {"entries": len(entries)})
    if oldest is not None and oldest[0] <= date(today.year - 75, 12, 31):
        study.set_exemption(uow, oldest[1], ExemptReason.OLD, "年满75周岁，行动不便")
    return len(entries)
