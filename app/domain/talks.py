"""谈心谈话: the kinds of talk and the year's coverage (DOMAIN.md, "Talks").

支部工作条例 第19条: "党支部委员之间、党支部委员和党员之间、党员和党员之间，
每年谈心谈话一般不少于1次".
Coverage is counted for the 委员–委员 and 委员–党员 pairs (DOMAIN.md); talks between members are
recorded and counted in the report but form no required pair. No scores (DOMAIN.md, "Against
formalism").
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date


class TalkKind(enum.Enum):
    HEART_TO_HEART = "heart_to_heart"  # 谈心 (支部工作条例 第19条)
    REMINDER = "reminder"  # 提醒谈话 (党员教育管理工作条例 第28条)


MIN_PEOPLE = 2
"""A talk is between two people or more (第19条: "之间")."""

COVERAGE_FROM_MONTH = 10
"""The 工作台 lists who is not yet covered from this month on: the year is ending (Q4), the
time 组织生活会 are prepared by talks (支部工作条例 第17条)."""


class PairKind(enum.Enum):
    COMMITTEE = "committee"  # 党支部委员之间 (第19条)
    COMMITTEE_MEMBER = "committee_member"  # 党支部委员和党员之间 (第19条)


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    committee: bool  # on the branch committee (a 书记, 副书记 or 委员)


@dataclass(frozen=True, slots=True)
class Pair:
    first: Person  # a committee member
    second: Person
    kind: PairKind

    @property
    def key(self) -> frozenset[str]:
        return frozenset((self.first.id, self.second.id))


@dataclass(frozen=True, slots=True)
class Coverage:
    """The year's required pairs and those no talk has covered yet."""

    required: int
    missing: tuple[Pair, ...]

    @property
    def covered(self) -> int:
        return self.required - len(self.missing)

    def missing_of(self, kind: PairKind) -> int:
        return sum(1 for pair in self.missing if pair.kind is kind)

    def people_not_covered(self) -> list[Person]:
        """Everyone in at least one missing pair, committee members first, in list order."""
        seen: dict[str, Person] = {}
        for pair in self.missing:
            seen.setdefault(pair.first.id, pair.first)
        for pair in self.missing:
            seen.setdefault(pair.second.id, pair.second)
        return list(seen.values())


def required_pairs(people: Sequence[Person]) -> list[Pair]:
    """第19条 as DOMAIN.md counts it: every two committee members, and every committee member
    with every other member. ``people``: the members on the roll (正式 and 预备党员), in order."""
    committee = [p for p in people if p.committee]
    others = [p for p in people if not p.committee]
    pairs = [
        Pair(a, b, PairKind.COMMITTEE)
        for index, a in enumerate(committee) for b in committee[index + 1:]
    ]
    pairs += [Pair(c, m, PairKind.COMMITTEE_MEMBER) for c in committee for m in others]
    return pairs


def coverage(people: Sequence[Person], talks: Iterable[Iterable[str]]) -> Coverage:
    """Which required pairs no talk covered: a talk covers every pair of its people (a talk of
    three covers three pairs). ``talks``: the member ids of each talk of the year."""
    covered = _talked_pairs(talks)
    pairs = required_pairs(people)
    return Coverage(len(pairs), tuple(p for p in pairs if p.key not in covered))


def coverage_count(people: Sequence[Person], talks: Iterable[Iterable[str]]) -> tuple[int, int]:
    """``coverage``'s (covered, required) without listing the pairs: what the assessment
    counts. Five 委员 in a branch of 10,000 members make 50,000 required pairs; only the pairs
    talked are looked at here (each required when both are on the roll and one is a 委员)."""
    roll = {p.id for p in people}
    committee = {p.id for p in people if p.committee}
    size, members = len(committee), len(roll) - len(committee)
    required = size * (size - 1) // 2 + size * members  # as ``required_pairs`` lists them
    covered = sum(
        1 for pair in _talked_pairs(talks)
        if pair <= roll and not pair.isdisjoint(committee)
    )
    return covered, required


def _talked_pairs(talks: Iterable[Iterable[str]]) -> set[frozenset[str]]:
    """Every pair of people of each talk (a talk of three covers three pairs)."""
    covered: set[frozenset[str]] = set()
    for talk in talks:
        ids = sorted(set(talk))
        covered.update(
            frozenset((a, b)) for index, a in enumerate(ids) for b in ids[index + 1:]
        )
    return covered


def coverage_due(today: date) -> bool:
    """Whether the 工作台 shows the missing pairs (the last quarter of the year)."""
    return today.month >= COVERAGE_FROM_MONTH
