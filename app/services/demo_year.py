"""The demo branch's last twelve months (``demo.populate`` calls it after adding the members).

Organizational life: in each period the required meetings (``DEFAULT_FREQUENCIES``: 支委会,
党小组会 per group and 主题党日 monthly; 支部党员大会 and 党课 quarterly; 组织生活会 and
民主评议党员 once in the current year; those of the coming days are left for the secretary),
everyone expected marked present and a few on leave or absent with a reason; the 支部党员大会
vote on the development cases; minutes finalized two days after the meeting, except this
month's. Party dues: bases from twelve months ago, the amounts due of the eleven months up to
last month, paid monthly or quarterly a few days after the period (a few members stopped paying
three to five months ago), and the collections of each closed quarter remitted. The year's
study record (``demo_study``).
A notice from the platform, as a sync would have stored it.

Everything is written through the services (their bulk paths where there are many rows).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select

from app.domain.calendar import Month, Quarter
from app.domain.development import Stage
from app.domain.dues import PersonCategory
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost, MembershipStatus
from app.domain.money import from_fen
from app.services import demo_appraisal, demo_study, dues, meetings
from app.services.meetings import Attendance, MeetingInput
from app.storage.ids import utc_iso
from app.storage.models import DuesEventRow, MemberRow, SyncNoticeRow
from app.storage.unit_of_work import UnitOfWork

DUES_MONTHS = 11
PLACE = "机关三楼党员活动室"
_TOPICS = {
    MeetingType.COMMITTEE: ("研究本月党建工作安排", "研究发展党员工作", "研究党费收缴情况",
                            "研究主题党日活动方案", "讨论支部年度工作计划落实情况"),
    MeetingType.PARTY_GROUP: ("学习党章和党的创新理论", "交流学习体会", "传达支部工作安排",
                              "开展谈心谈话"),
    MeetingType.THEME_DAY: ("重温入党誓词", "参观红色教育基地", "志愿服务进社区",
                            "集中学习《中国共产党纪律处分条例》", "走访慰问困难党员",
                            "观看专题教育片"),
    MeetingType.MEMBERS_ASSEMBLY: ("通报支部季度工作", "讨论发展党员事项", "学习上级文件精神"),
    MeetingType.PARTY_LECTURE: ("坚定理想信念，践行初心使命", "全面从严治党永远在路上",
                                "以高质量党建引领业务发展", "弘扬伟大建党精神"),
    MeetingType.ORGANIZATIONAL_LIFE: ("开展批评和自我批评", "查摆问题，明确整改措施"),
    MeetingType.DEMOCRATIC_APPRAISAL: ("党员个人自评", "党员互评和民主测评"),
}
_LEAVE_REASONS = ("出差", "病假", "外出学习培训", "家中有事", "值班")
_NOTICE_TITLE = "关于做好年度党费收缴和组织生活会准备工作的通知"
_NOTICE_BODY = (
    "各党支部：请于本季度末前核对本支部党员的党费缴纳基数，按时上缴党费；"
    "同时做好年度组织生活会和民主评议党员的准备工作，相关材料按要求报送机关党委。"
)


@dataclass(frozen=True)
class YearSummary:
    meetings: int
    finalized: int
    dues_months: int
    payments: int
    in_arrears: int
    remittances: int
    notices: int


def populate_year(
    uow: UnitOfWork, today: date, group_ids: Sequence[str], rng: random.Random
) -> YearSummary:
    """Add the last twelve months of the branch's work; the caller commits."""
    secretary = uow.session.scalar(
        select(MemberRow.name).where(MemberRow.branch_post == BranchPost.SECRETARY.value)
    ) or ""
    held, finalized = _meetings(uow, today, group_ids, secretary, rng)
    demo_study.populate(uow, today, rng)  # after the meetings: their attendance is study too
    payments, in_arrears, remittances = _dues(uow, today, rng)
    demo_appraisal.populate_appraisal(uow, today, rng)
    uow.session.add(SyncNoticeRow(
        id=0, title=_NOTICE_TITLE, body=_NOTICE_BODY,
        published_at=utc_iso(),
    ))
    return YearSummary(held, finalized, DUES_MONTHS, payments, in_arrears, remittances, 1)


# ---------------------------------------------------------------- organizational life


def _meetings(
    uow: UnitOfWork, today: date, group_ids: Sequence[str], secretary: str, rng: random.Random
) -> tuple[int, int]:
    """(meetings held, minutes finalized)."""
    this_month = Month.of(today)
    plans: list[tuple[MeetingType, date, str | None]] = []
    for month in (this_month - k for k in range(11, -1, -1)):
        day = _day(month, rng, 3, 8)
        plans.append((MeetingType.COMMITTEE, day, None))
        plans += [(MeetingType.PARTY_GROUP, _day(month, rng, 9, 16), g) for g in group_ids]
        plans.append((MeetingType.THEME_DAY, _day(month, rng, 15, 25), None))
        if month.index % 3 == 2 or month == this_month:  # the last month of a quarter, or now
            plans.append((MeetingType.MEMBERS_ASSEMBLY, _day(month, rng, 10, 20), None))
            plans.append((MeetingType.PARTY_LECTURE, _day(month, rng, 20, 27), None))
    january = Month(today.year, 1)
    for kind in (MeetingType.ORGANIZATIONAL_LIFE, MeetingType.DEMOCRATIC_APPRAISAL):
        plans.append((kind, _day(january, rng, 10, 25), None))
    held = finalized = 0
    for kind, on, group_id in sorted(plans, key=lambda p: (p[1], p[0].value)):
        if on > today:
            continue
        topics = tuple(rng.sample(_TOPICS[kind], k=min(2, len(_TOPICS[kind]))))
        data = MeetingInput(
            type=kind, held_on=on, start_time="14:30", end_time="16:30", place=PLACE,
            topics=topics, host=secretary, recorder="",
            lecturer=secretary if kind is MeetingType.PARTY_LECTURE else "",
            party_group_id=group_id,
            discussion="与会党员结合工作实际逐一发言，交流了学习体会。",
            resolutions="会议议定事项由支委会分工落实，下次会议通报进展。",
        )
        meeting_id = meetings.create_meeting(uow, data)
        held += 1
        attendees = meetings.expected_attendee_ids(uow, kind, group_id)
        away = rng.sample(attendees, k=min(len(attendees) // 8, rng.randint(0, 3)))
        for number, member_id in enumerate(away):
            if number == 2:
                meetings.set_attendance(uow, meeting_id, member_id, Attendance.ABSENT,
                                        "未请假")
            else:
                meetings.set_attendance(uow, meeting_id, member_id, Attendance.LEAVE,
                                        rng.choice(_LEAVE_REASONS))
        if kind is MeetingType.MEMBERS_ASSEMBLY:
            _vote(uow, meeting_id, rng)
        if Month.of(on) != Month.of(today) and on + timedelta(days=2) <= today:
            meetings.finalize(uow, meeting_id, on + timedelta(days=2))
            finalized += 1
    return held, finalized


def _vote(uow: UnitOfWork, meeting_id: str, rng: random.Random) -> None:
    preview = meetings.vote_preview(uow, meeting_id)
    if not preview.quorum_met or preview.present == 0:
        return
    against = min(preview.present // 20, rng.randint(0, 1))
    subject = rng.choice(("接收预备党员", "预备党员按期转为正式党员", "确定入党积极分子"))
    meetings.record_vote(
        uow, meeting_id, subject,
        in_favour=preview.present - against, against=against, abstain=0,
    )


def _day(month: Month, rng: random.Random, first: int, last: int) -> date:
    return month.first_day + timedelta(days=rng.randint(first, last) - 1)


# ---------------------------------------------------------------- party dues


def _dues(uow: UnitOfWork, today: date, rng: random.Random) -> tuple[int, int, int]:
    """(payments, members in arrears, remittances)."""
    last = Month.of(today) - 1
    first = last - (DUES_MONTHS - 1)
    paying = uow.session.execute(
        select(MemberRow.id, MemberRow.category)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.stage.in_([Stage.FULL.value, Stage.PROBATIONARY.value]))
        .order_by(MemberRow.id)
    ).tuples().all()
    bases = {
        member_id: _base(PersonCategory(category), rng)
        for member_id, category in paying
        if PersonCategory(category) in (PersonCategory.IN_WORK, PersonCategory.RETIRED)
    }
    dues.set_bases(uow, first, bases)
    for month in (first + k for k in range(DUES_MONTHS)):
        dues.generate_month(uow, month)
    owed: dict[str, dict[Month, int]] = defaultdict(dict)
    for member_id, code, fen in uow.session.execute(
        select(DuesEventRow.member_id, DuesEventRow.month, DuesEventRow.amount_fen)
        .where(DuesEventRow.kind == "due")
    ).tuples():
        if member_id is not None and code is not None:
            owed[member_id][Month.parse(code)] = fen
    payments: list[dues.NewPayment] = []
    in_arrears = 0
    for member_id, _category in paying:
        months = sorted(owed.get(member_id, {}))
        if not months:
            continue
        roll = rng.random()
        if roll < 0.04 and len(months) > 6:  # stopped paying 3 to 5 months ago
            months = months[: -rng.randint(3, 5)]
            in_arrears += 1
            chunks = [[m] for m in months]
        elif roll < 0.3:
            chunks = [[m] for m in months]
        else:
            chunks = _by(months, lambda m: (m.year, m.quarter))
        for chunk in chunks:
            paid_on = chunk[-1].last_day + timedelta(days=rng.randint(2, 12))
            if paid_on > today:
                continue  # not yet: the period just ended
            amount = from_fen(sum(owed[member_id][m] for m in chunk))
            payments.append(dues.NewPayment(member_id, paid_on, tuple(chunk), amount))
    dues.record_payments(uow, payments)
    return len(payments), in_arrears, _remit(uow, today, payments)


def _by(months: list[Month], key: object) -> list[list[Month]]:
    grouped: dict[object, list[Month]] = defaultdict(list)
    for month in months:
        grouped[key(month)].append(month)  # type: ignore[operator]
    return list(grouped.values())


def _base(category: PersonCategory, rng: random.Random) -> Decimal:
    """A plausible monthly base (第十条): take-home pay, or the pension."""
    low, high = (4500, 15000) if category is PersonCategory.IN_WORK else (3000, 8000)
    return Decimal(rng.randint(low // 10, high // 10) * 10)


def _remit(uow: UnitOfWork, today: date, payments: Sequence[dues.NewPayment]) -> int:
    """Remit what was collected in each closed quarter, ten days after it ended."""
    collected: dict[Quarter, Decimal] = defaultdict(Decimal)
    for payment in payments:
        collected[Quarter.of(payment.paid_on)] += payment.amount
    count = 0
    for quarter in sorted(collected, key=lambda q: q.first_month.index):
        on = quarter.last_month.last_day + timedelta(days=10)
        if on > today or not collected[quarter]:
            continue
        dues.record_remittance(uow, on, quarter.first_month, quarter.last_month,
                               collected[quarter])
        count += 1
    return count
