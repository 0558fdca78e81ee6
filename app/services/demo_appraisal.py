"""The demo branch's 民主评议党员 of last year (``demo_year`` calls it): every full and
probationary member on the roll appraised (自评 done, the 测评 counts of the members present),
about a sixth graded 优秀 (under the third of 第18条), one 基本合格 and one 不合格 put on
限期改正 for six months (第30条); 预备党员 take part without a grade.

Written through ``app.services.appraisal``, so the grades are on the members' timelines too.
"""

from __future__ import annotations

import random
from datetime import date

from sqlalchemy import select

from app.domain.appraisal import Decider, Grade, Handling
from app.domain.development import Stage
from app.domain.members import MembershipStatus
from app.services import appraisal
from app.storage.models import MemberRow
from app.storage.unit_of_work import UnitOfWork

UNQUALIFIED_NOTE = "全年多次无故缺席组织生活，经支部书记谈心谈话后表示愿意改正。"


def populate_appraisal(uow: UnitOfWork, today: date, rng: random.Random) -> int:
    """Last year's appraisal of the members on the roll; returns how many were appraised."""
    year = today.year - 1
    decided = date(year, 12, 20)
    rows = uow.session.execute(
        select(MemberRow.id, MemberRow.stage).where(
            MemberRow.status == MembershipStatus.ACTIVE.value,
            MemberRow.stage.in_((Stage.FULL.value, Stage.PROBATIONARY.value)),
        ).order_by(MemberRow.sort_key)
    ).all()
    full = [member_id for member_id, stage in rows if stage == Stage.FULL.value]
    voters = max(len(full) - 2, 1)
    excellent = set(rng.sample(full, len(full) // 6))
    rest = [m for m in full if m not in excellent]
    unqualified = rest[-1] if rest else None
    basic = rest[0] if len(rest) > 1 else None
    for member_id, stage in rows:
        if stage == Stage.PROBATIONARY.value:
            grade = Grade.NONE
        elif member_id in excellent:
            grade = Grade.EXCELLENT
        elif member_id == unqualified:
            grade = Grade.UNQUALIFIED
        elif member_id == basic:
            grade = Grade.BASIC
        else:
            grade = Grade.QUALIFIED
        appraisal.save(uow, member_id, year, _input(grade, voters, decided, rng), today)
    return len(rows)


def _input(
    grade: Grade, voters: int, decided: date, rng: random.Random
) -> appraisal.AppraisalInput:
    """The 测评 counts lean to the grade decided; the decision by the 支部党员大会."""
    lean = {Grade.EXCELLENT: 0, Grade.QUALIFIED: 1, Grade.NONE: 1, Grade.BASIC: 2,
            Grade.UNQUALIFIED: 3}[grade]
    votes = [0, 0, 0, 0]
    for _ in range(voters):
        votes[lean if rng.random() < 0.7 else min(max(lean + rng.choice((-1, 1)), 0), 3)] += 1
    fix = grade is Grade.UNQUALIFIED
    return appraisal.AppraisalInput(
        self_assessed=True, votes=(votes[0], votes[1], votes[2], votes[3]), grade=grade,
        decided_by=Decider.ASSEMBLY if grade is not Grade.NONE else Decider.NONE,
        decided_on=decided if grade is not Grade.NONE else None,
        handling=Handling.CORRECTION if fix else Handling.NONE,
        correction_until=date(decided.year + 1, 6, 30) if fix else None,
        notes=UNQUALIFIED_NOTE if fix else "",
    )
