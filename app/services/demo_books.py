"""The demo branch's 谈心谈话 and 组织生活会 整改 (issue 16; ``demo.populate`` calls it after the
year's meetings).

Talks: the committee members talk with each other, and each committee member with most members
(支部工作条例 第19条), spread over the year up to today; a few pairs are left for the secretary to
find on 工作台. One of the talks is 秘密. 整改: the year's 组织生活会 found five problems, two
of the committee's and three of members'; two are done (one with its evidence), one is in
progress, and two are past their deadline.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlalchemy import select

from app.domain.meetings import MeetingType
from app.domain.members import Classification
from app.domain.rectification import ItemStatus
from app.domain.talks import TalkKind
from app.services import rectification, talks
from app.storage.models import MeetingRow
from app.storage.unit_of_work import UnitOfWork

_TOPICS = ("交流思想和工作体会", "听取对支部工作的意见建议", "了解工作和家庭困难",
           "谈学习贯彻党的创新理论的体会", "沟通年度工作思路")
_REMINDER_TOPICS = ("提醒按时交纳党费", "提醒按时参加组织生活")
LEFT_OUT = 6
"""Committee–member pairs left without a talk (工作台 lists them in the last quarter)."""

_PROBLEMS = (
    # (whose: None the committee's, else the index of a member; problem; measures;
    #  deadline in days after the meeting; status; done after days)
    (None, "理论学习形式单一，以读文件为主，联系实际不够",
     "每季度组织一次专题研讨，结合业务工作交流学习体会", 75, ItemStatus.DONE, 60),
    (None, "联系服务群众不够经常，听取意见渠道不多", "支委每人联系一个党小组，每半年开展一次走访",
     120, ItemStatus.IN_PROGRESS, None),
    (0, "参加组织生活有时请假，学习笔记不完整", "按时参加组织生活，每月整理学习笔记",
     90, ItemStatus.OPEN, None),
    (1, "发挥先锋模范作用不够，主动担当不足", "在年度重点工作中承担一项攻坚任务",
     150, ItemStatus.DONE, 140),
    (2, "批评和自我批评辣味不足", "下次组织生活会前开展谈心谈话，查摆问题具体到事",
     430, ItemStatus.IN_PROGRESS, None),
)


def populate_books(uow: UnitOfWork, today: date, rng: random.Random) -> tuple[int, int]:
    """Add the year's talks and the 整改 items of its 组织生活会; returns (talks, items)."""
    return _talks(uow, today, rng), _rectification(uow, today)


def _talks(uow: UnitOfWork, today: date, rng: random.Random) -> int:
    people = talks.roll(uow)
    committee = [p for p in people if p.committee]
    members = [p for p in people if not p.committee]
    start = date(today.year, 1, 1)
    span = max((today - start).days, 1)

    def day() -> date:
        return start + timedelta(days=rng.randint(0, span))

    count = 0
    for index, first in enumerate(committee):
        for second in committee[index + 1:]:
            talks.create_talk(uow, talks.TalkInput(
                on_date=day(), kind=TalkKind.HEART_TO_HEART, topic=rng.choice(_TOPICS),
                people=(first.id, second.id), record="双方坦诚交流，相互提出意见建议。"))
            count += 1
    pairs = [(c, m) for c in committee for m in members]
    rng.shuffle(pairs)
    for number, (first, second) in enumerate(pairs[LEFT_OUT:]):
        reminder = number % 17 == 5
        talks.create_talk(uow, talks.TalkInput(
            on_date=day(), kind=TalkKind.REMINDER if reminder else TalkKind.HEART_TO_HEART,
            topic=rng.choice(_REMINDER_TOPICS if reminder else _TOPICS),
            people=(first.id, second.id), record="谈话气氛融洽，对方表示认同。",
            follow_up="一个月后回访" if reminder else "",
            classification=Classification.SECRET if number == 3 else Classification.INTERNAL))
        count += 1
    return count


def _rectification(uow: UnitOfWork, today: date) -> int:
    meeting = uow.session.execute(
        select(MeetingRow.id, MeetingRow.held_on)
        .where(MeetingRow.type == MeetingType.ORGANIZATIONAL_LIFE.value)
        .where(MeetingRow.held_on >= date(today.year, 1, 1))
        .order_by(MeetingRow.held_on)
    ).first()
    people = talks.roll(uow)
    committee = [p for p in people if p.committee]
    members = [p for p in people if not p.committee]
    if meeting is None or not committee or len(members) < 3:
        return 0
    meeting_id, held_on = meeting
    count = 0
    for whose, problem, measures, days, status, done_after in _PROBLEMS:
        owner = committee[0] if whose is None else members[whose]
        done_on = held_on + timedelta(days=done_after) if done_after is not None else None
        if done_on is not None and done_on > today:
            status, done_on = ItemStatus.IN_PROGRESS, None
        item_id = rectification.create_item(uow, rectification.ItemInput(
            meeting_id=meeting_id, problem=problem, owner_id=owner.id, measures=measures,
            due_on=held_on + timedelta(days=days),
            member_id=None if whose is None else owner.id, status=status, done_on=done_on,
            result="已按期完成整改。" if done_on else ""))
        if count == 0 and done_on is not None:
            rectification.add_evidence(uow, item_id, "专题研讨会议记录.pdf", _EVIDENCE)
        count += 1
    return count


_EVIDENCE = b"%PDF-1.4\n% demo evidence: the minutes of a study session\n%%EOF\n"
