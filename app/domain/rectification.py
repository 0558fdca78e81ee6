"""组织生活会 整改: the 问题清单 turned into 整改 items
(DOMAIN.md, "组织生活会 and 民主评议党员").

支部工作条例 第17条: a 组织生活会 at least once a year, 查摆问题 at it and 整改 after.
The 问题清单 → 整改清单 (owner, measure, due, done, evidence) and the carrying over of open
items to the next year are common practice, not national text (DOMAIN.md).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date


class ItemStatus(enum.Enum):
    OPEN = "open"  # 未整改
    IN_PROGRESS = "in_progress"  # 整改中
    DONE = "done"  # 已完成


@dataclass(frozen=True, slots=True)
class ItemState:
    """What the rules look at: the year of the 组织生活会 that found the problem, its deadline,
    status and the day it was done."""

    year: int
    due_on: date
    status: ItemStatus
    done_on: date | None = None


def is_overdue(item: ItemState, today: date) -> bool:
    """Past its deadline and not done (the 工作台 lists these)."""
    return item.status is not ItemStatus.DONE and item.due_on < today


def carried_over(item: ItemState, year: int) -> bool:
    """An item of an earlier year's 组织生活会 in ``year``'s 整改台账: open items carry over to
    the next year (DOMAIN.md), and stay there until the year they are done in."""
    if item.year >= year:
        return False
    if item.status is not ItemStatus.DONE:
        return True
    return item.done_on is not None and item.done_on.year >= year


def in_ledger(item: ItemState, year: int) -> bool:
    """The items of ``year``'s 整改台账: those found that year and those carried over."""
    return item.year == year or carried_over(item, year)
