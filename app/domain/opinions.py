"""Members' opinions and suggestions (意见建议) and reports of misconduct (廉政线索, 检举控告).

The rules (DOMAIN.md, "Opinions 意见建议 and reports of misconduct"):

- Members may make suggestions and demand a responsible answer (党章 第4条; 党员权利保障条例):
  each is recorded with its answer, who answered and when. There is no national deadline: the
  time limits are settings (``DEFAULT_TIME_LIMITS``, days from receipt, per category).
- Reports of misconduct must be kept strictly secret and never reach the accused; the branch
  does not investigate, it hands them to the 纪委 (检举控告工作规则 第47条). The register records
  only that a report was handed over, when, and a reference number at most: never its content,
  never its author (``Kind.MISCONDUCT``; always 秘密).

Nothing here reads the clock.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, timedelta


class Kind(enum.Enum):
    OPINION = "opinion"  # 意见建议
    MISCONDUCT = "misconduct"  # 廉政线索、检举控告 handed to the 纪委 (only the fact)


class Channel(enum.Enum):
    MEETING = "meeting"  # 会议
    IN_PERSON = "in_person"  # 当面
    WRITTEN = "written"  # 书面
    PLATFORM = "platform"  # 平台 (filed on the city platform, arrives by sync)


class Category(enum.Enum):
    BUSINESS = "business"  # 业务工作
    PARTY_BUILDING = "party_building"  # 党建工作
    CONDUCT = "conduct"  # 作风建设
    OTHER = "other"  # 其他


class Status(enum.Enum):
    PENDING = "pending"  # 待处理
    FORWARDED = "forwarded"  # 已转办
    ANSWERED = "answered"  # 已答复
    IMPLEMENTED = "implemented"  # 已落实
    DECLINED = "declined"  # 不予采纳 (with the reason)


OPEN = frozenset({Status.PENDING, Status.FORWARDED})
"""Waiting for an answer: these count against the time limit."""

DEFAULT_TIME_LIMIT_DAYS = 30
DEFAULT_TIME_LIMITS: Mapping[Category, int] = {
    category: DEFAULT_TIME_LIMIT_DAYS for category in Category
}
"""Days from receipt to an answer. DOMAIN.md: no national deadline, time limits are settings;
a month is the default a branch starts from (作风建设 items are often set shorter locally)."""


def time_limits(overrides: Mapping[str, int] | None = None) -> dict[Category, int]:
    """The branch's limits: the defaults with its own (by category code) over them."""
    limits = dict(DEFAULT_TIME_LIMITS)
    for code, days in (overrides or {}).items():
        try:
            category = Category(code)
        except ValueError:
            continue
        if isinstance(days, int) and days > 0:
            limits[category] = days
    return limits


def due_on(received_on: date, category: Category, limits: Mapping[Category, int]) -> date:
    return received_on + timedelta(days=limits.get(category, DEFAULT_TIME_LIMIT_DAYS))


def is_overdue(
    received_on: date, category: Category, status: Status, limits: Mapping[Category, int],
    today: date,
) -> bool:
    """Still open (待处理 / 已转办) after its time limit."""
    return status in OPEN and today > due_on(received_on, category, limits)
