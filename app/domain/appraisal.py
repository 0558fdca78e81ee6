"""民主评议党员: the year's grade of each member and the handling of a 不合格 member.

Sources (DOMAIN.md, "组织生活会 and 民主评议党员"):

- 《中国共产党党员教育管理工作条例》(2019) 第18条: 民主评议党员 once a year — 个人自评, 党员互评,
  民主测评, then the branch (支委会 or 支部党员大会) decides the grade: 优秀 / 合格 / 基本合格 /
  不合格. 优秀 at most one third of the full members (common national practice, DOMAIN.md);
  预备党员 take part without a grade.
- 第30条: a 不合格 member is educated first; 限期改正 lasts at most 1 year.
- 第31条: the six grounds for 除名 (``StrikeOffGround``).
- 党章 第9条: 劝其退党 and 除名 are decided by the 支部大会 and approved by the higher committee
  (上级党组织批准); the date of that approval is when the member leaves.
- A resolution of the 支部党员大会 passes with more than half of the members entitled to vote
  (支部工作条例 第12条; DOMAIN.md, "Organizational life").

Pure: no database, no Qt. Problems carry stable codes (the UI words them).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from app.domain.development import add_months


class Grade(enum.Enum):
    """The grade the branch decides (第18条). NONE: not decided yet, or a 预备党员."""

    NONE = ""
    EXCELLENT = "excellent"  # 优秀
    QUALIFIED = "qualified"  # 合格
    BASIC = "basic"  # 基本合格
    UNQUALIFIED = "unqualified"  # 不合格


GRADES = (Grade.EXCELLENT, Grade.QUALIFIED, Grade.BASIC, Grade.UNQUALIFIED)


class Decider(enum.Enum):
    """Who decided the grade (第18条: 支委会 or 支部党员大会)."""

    NONE = ""
    COMMITTEE = "committee"  # 支部委员会
    ASSEMBLY = "assembly"  # 支部党员大会


class Handling(enum.Enum):
    """What the branch does about a 不合格 member (第30条; 党章 第9条)."""

    NONE = ""  # education first (第30条)
    CORRECTION = "correction"  # 限期改正, at most 1 year (第30条)
    PERSUADE = "persuade"  # 劝其退党 (党章 第9条)
    STRIKE_OFF = "strike_off"  # 除名 (第31条; 党章 第9条)


class StrikeOffGround(enum.Enum):
    """第31条: the six grounds on which a member is struck off (除名)."""

    NONE = ""
    LOST_CONVICTION = "1"  # （一）理想信念缺失，政治立场动摇，已丧失党员条件
    RELIGION = "2"  # （二）信仰宗教，经党组织帮助教育仍没有转变
    DEGENERATE_QUIT = "3"  # （三）因思想蜕化提出退党，经教育后仍坚持退党
    QUIT_AS_THREAT = "4"  # （四）以退党相要挟，经教育不改
    CORRECTION_FAILED = "5"  # （五）限期改正期满后仍无转变
    SIX_MONTHS_ABSENT = "6"  # （六）无正当理由连续6个月不参加组织生活、不交党费或不做分配的工作


CORRECTION_MAX_MONTHS = 12
"""第30条: 限期改正的期限一般不超过1年."""


def excellent_limit(full_members: int) -> int:
    """The most 优秀 grades a branch gives in a year: one third of its full members (第18条 as
    practised, DOMAIN.md), rounded down."""
    return max(full_members, 0) // 3


@dataclass(frozen=True)
class Decision:
    """One member's 民主评议 for one year, as the rules look at it."""

    probationary: bool = False  # 预备党员 take part without a grade
    self_assessed: bool = False
    votes: tuple[int, int, int, int] = (0, 0, 0, 0)  # 测评: 优秀, 合格, 基本合格, 不合格
    grade: Grade = Grade.NONE
    decided_by: Decider = Decider.NONE
    decided_on: date | None = None
    handling: Handling = Handling.NONE
    correction_until: date | None = None
    meeting_on: date | None = None  # the 支部大会 that decided 劝退 / 除名
    entitled: int = 0  # members entitled to vote at it
    in_favour: int = 0
    approved_on: date | None = None  # the higher committee's approval
    ground: StrikeOffGround = StrikeOffGround.NONE


@dataclass(frozen=True)
class Problem:
    field: str
    code: str
    article: str


def check(decision: Decision) -> list[Problem]:
    """Every rule the decision breaks (empty: it may be saved)."""
    d = decision
    problems: list[Problem] = []
    if any(v < 0 for v in d.votes):
        problems.append(Problem("votes", "negative", "第18条"))
    if d.probationary and d.grade is not Grade.NONE:
        problems.append(Problem("grade", "probationary_no_grade", "第18条"))
    if d.grade is not Grade.NONE:
        if d.decided_by is Decider.NONE:
            problems.append(Problem("decided_by", "required", "第18条"))
        if d.decided_on is None:
            problems.append(Problem("decided_on", "required", "第18条"))
    if d.handling is not Handling.NONE and d.grade is not Grade.UNQUALIFIED:
        problems.append(Problem("handling", "only_unqualified", "第30条"))
    if d.handling is Handling.CORRECTION:
        problems += _check_correction(d)
    if d.handling in (Handling.PERSUADE, Handling.STRIKE_OFF):
        problems += _check_assembly(d)
    if d.handling is Handling.STRIKE_OFF and d.ground is StrikeOffGround.NONE:
        problems.append(Problem("ground", "required", "第31条"))
    return problems


def _check_correction(d: Decision) -> list[Problem]:
    if d.correction_until is None:
        return [Problem("correction_until", "required", "第30条")]
    start = d.decided_on
    if start is None:
        return []
    if d.correction_until <= start:
        return [Problem("correction_until", "before_decision", "第30条")]
    if d.correction_until > add_months(start, CORRECTION_MAX_MONTHS):
        return [Problem("correction_until", "over_one_year", "第30条")]
    return []


def _check_assembly(d: Decision) -> list[Problem]:
    """劝退 and 除名: decided by the 支部大会 (a vote passing with more than half of those
    entitled), approved by the higher committee (党章 第9条)."""
    problems: list[Problem] = []
    if d.meeting_on is None:
        problems.append(Problem("meeting_on", "required", "党章第9条"))
    if d.entitled <= 0 or d.in_favour < 0 or d.in_favour > d.entitled:
        problems.append(Problem("in_favour", "vote_invalid", "党章第9条"))
    elif not passes(d.entitled, d.in_favour):
        problems.append(Problem("in_favour", "vote_not_passed", "支部工作条例第12条"))
    if d.approved_on is not None and d.meeting_on is not None and d.approved_on < d.meeting_on:
        problems.append(Problem("approved_on", "before_meeting", "党章第9条"))
    return problems


def passes(entitled: int, in_favour: int) -> bool:
    """A 支部党员大会 resolution passes with more than half of those entitled to vote."""
    return in_favour * 2 > entitled


def takes_effect(decision: Decision) -> bool:
    """劝退 or 除名 approved by the higher committee: the member leaves the roll on that date."""
    return (
        decision.handling in (Handling.PERSUADE, Handling.STRIKE_OFF)
        and decision.approved_on is not None
    )
