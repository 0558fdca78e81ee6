"""谈心谈话 coverage (支部工作条例 第19条; DOMAIN.md, "Talks") and 整改 carry-over (DOMAIN.md,
"组织生活会 and 民主评议党员"), as pure functions."""

from __future__ import annotations

import random
from datetime import date

from app.domain import rectification as rect
from app.domain import talks
from app.domain.rectification import ItemState, ItemStatus
from app.domain.talks import PairKind, Person

SECRETARY = Person("s", "书记", committee=True)
ORGANIZER = Person("o", "组织委员", committee=True)
PROPAGANDA = Person("p", "宣传委员", committee=True)
A, B = Person("a", "党员甲", committee=False), Person("b", "党员乙", committee=False)
PEOPLE = [SECRETARY, ORGANIZER, PROPAGANDA, A, B]


def test_article_19_pairs_are_committee_with_committee_and_committee_with_members():
    """第19条 as DOMAIN.md counts it: 委员–委员 (3 of 3 委员) and 委员–党员 (3 × 2); 党员–党员
    pairs are not required."""
    pairs = talks.required_pairs(PEOPLE)
    assert sum(p.kind is PairKind.COMMITTEE for p in pairs) == 3
    assert sum(p.kind is PairKind.COMMITTEE_MEMBER for p in pairs) == 6
    assert frozenset(("a", "b")) not in {p.key for p in pairs}


def test_a_talk_covers_every_pair_of_its_people():
    """A talk of three (书记, 组织委员, 党员甲) covers three pairs, in either order."""
    found = talks.coverage(PEOPLE, [["a", "o", "s"], ["b", "a"]])
    assert (found.required, found.covered) == (9, 3)
    assert found.missing_of(PairKind.COMMITTEE) == 2
    assert found.missing_of(PairKind.COMMITTEE_MEMBER) == 4
    assert [p.name for p in found.people_not_covered()] == ["书记", "组织委员", "宣传委员",
                                                            "党员乙", "党员甲"]


def test_the_count_agrees_with_the_pairs_listed():
    """``coverage_count`` (the assessment's) is ``coverage`` without the list: the same
    figures for talks of any people, on the roll or not, in pairs and threes, repeated."""
    rng = random.Random(19)
    others = [Person(f"m{i}", f"党员{i}", committee=False) for i in range(12)]
    for _ in range(200):
        people = rng.sample([*PEOPLE, *others], rng.randint(0, 17))
        ids = [p.id for p in [*PEOPLE, *others]] + ["gone"]  # "gone": not on the roll
        held = [rng.sample(ids, rng.choice((2, 2, 3))) for _ in range(rng.randint(0, 30))]
        found = talks.coverage(people, held)
        assert talks.coverage_count(people, held) == (found.covered, found.required)


def test_everyone_covered_leaves_nothing_missing():
    every = [[p.first.id, p.second.id] for p in talks.required_pairs(PEOPLE)]
    assert talks.coverage(PEOPLE, every).missing == ()


def test_a_branch_without_a_committee_has_no_required_pairs():
    """Under 7 full members a branch has a 书记 only (第21条): with no post at all, no pairs."""
    assert talks.coverage([A, B], []).required == 0


def test_coverage_shows_on_the_dashboard_in_the_last_quarter():
    assert not talks.coverage_due(date(2026, 9, 30))
    assert talks.coverage_due(date(2026, 10, 1))


def test_an_item_is_overdue_after_its_deadline_until_done():
    item = ItemState(2026, date(2026, 12, 1), ItemStatus.IN_PROGRESS)
    assert not rect.is_overdue(item, date(2026, 12, 1))
    assert rect.is_overdue(item, date(2026, 12, 2))
    done = ItemState(2026, date(2026, 12, 1), ItemStatus.DONE, date(2026, 12, 20))
    assert not rect.is_overdue(done, date(2027, 1, 5))


def test_open_items_carry_over_to_the_next_year_until_done():
    """DOMAIN.md: "open items carry over to next year" (common practice, not national text)."""
    still_open = ItemState(2025, date(2026, 3, 1), ItemStatus.OPEN)
    assert rect.carried_over(still_open, 2026)
    assert rect.carried_over(still_open, 2027)
    done_next_year = ItemState(2025, date(2026, 3, 1), ItemStatus.DONE, date(2026, 2, 1))
    assert rect.in_ledger(done_next_year, 2026)
    assert not rect.in_ledger(done_next_year, 2027)
    done_same_year = ItemState(2025, date(2025, 12, 31), ItemStatus.DONE, date(2025, 12, 20))
    assert rect.in_ledger(done_same_year, 2025)
    assert not rect.in_ledger(done_same_year, 2026)
    assert not rect.in_ledger(ItemState(2027, date(2027, 3, 1), ItemStatus.OPEN), 2026)
