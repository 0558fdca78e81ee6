"""The demo branch's 意见建议 register: a year of opinions at every step of their course (one
from the city platform, one overdue, one not adopted), the branch's units, and one report handed
to the 纪委 (only the fact, 秘密). Written through ``app.services.opinions``."""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from app.domain.members import MembershipStatus
from app.domain.opinions import Category, Channel
from app.services import opinions
from app.storage.models import MemberRow
from app.storage.unit_of_work import UnitOfWork

UNITS = ("办公室", "综合处", "预算处", "人事处", "机关后勤服务中心")
CONTACT = "市财政局机关纪委办公室（机关大楼5楼508室，电话 027-8888 1234）"

_ENTRIES = (
    # days ago, channel, category, content, unit, outcome
    (300, Channel.MEETING, Category.PARTY_BUILDING, "建议把专题党课与业务培训结合起来，"
     "邀请业务骨干讲政策解读。", "办公室", "implemented"),
    (220, Channel.WRITTEN, Category.BUSINESS, "预算编制口径每年变化，建议年初统一培训一次。",
     "预算处", "answered"),
    (150, Channel.IN_PERSON, Category.CONDUCT, "部分会议通知发得太晚，建议至少提前三天。",
     "综合处", "implemented"),
    (90, Channel.PLATFORM, Category.OTHER, "建议食堂增加晚餐供应。", "机关后勤服务中心",
     "declined"),
    (45, Channel.WRITTEN, Category.PARTY_BUILDING, "希望党员活动室周末开放。", "办公室",
     "forwarded"),
    (12, Channel.MEETING, Category.BUSINESS, "建议统计报表只报一次、数据共享。", "", "pending"),
)


def populate_opinions(uow: UnitOfWork, today: date, rng: random.Random) -> int:
    """Add the demo register; returns the number of opinions (the caller commits)."""
    opinions.set_units(uow, list(UNITS))
    opinions.set_discipline_contact(uow, CONTACT)
    names = list(uow.session.execute(
        select(MemberRow.id).where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .order_by(MemberRow.sort_key).limit(40)).scalars())
    for days, channel, category, content, unit, outcome in _ENTRIES:
        received = today - timedelta(days=days)
        member = rng.choice(names) if names and channel is not Channel.PLATFORM else None
        opinion_id = opinions.record_opinion(uow, opinions.OpinionInput(
            received, channel, category, content, member_id=member,
            proposer_name="平台用户" if channel is Channel.PLATFORM else "",
        ))
        if not unit:
            continue
        forwarded = received + timedelta(days=2)
        opinions.forward(uow, opinion_id, unit, forwarded)
        answered = forwarded + timedelta(days=rng.randint(7, 20))
        if outcome in ("answered", "implemented"):
            opinions.answer(uow, opinion_id, "已研究，按建议调整相关安排。",
                            "已纳入本年度工作计划并落实。" if outcome == "implemented" else "",
                            unit, answered, implemented=outcome == "implemented")
        elif outcome == "declined":
            opinions.decline(uow, opinion_id, "受场地和人员编制限制，暂不具备条件。", unit,
                             answered)
        if outcome != "forwarded":
            opinions.record_feedback(uow, opinion_id, answered + timedelta(days=3))
    opinions.record_handover(uow, today - timedelta(days=60), "纪检受〔2026〕17号")
    return len(_ENTRIES)
