"""民主评议党员's rules, each with its source (教育管理条例 第18、30、31条; 党章 第9条)."""

from __future__ import annotations

from datetime import date

from app.domain.appraisal import (
    Decider,
    Decision,
    Grade,
    Handling,
    StrikeOffGround,
    check,
    excellent_limit,
    takes_effect,
)

DECIDED = date(2026, 12, 20)


def codes(decision: Decision) -> set[tuple[str, str, str]]:
    return {(p.field, p.code, p.article) for p in check(decision)}


def graded(grade: Grade, **fields) -> Decision:
    return Decision(grade=grade, decided_by=Decider.ASSEMBLY, decided_on=DECIDED, **fields)


def test_excellent_is_at_most_a_third_of_full_members():
    # 第18条 as practised (DOMAIN.md): 优秀 at most 1/3 of the full members, rounded down.
    assert excellent_limit(9) == 3
    assert excellent_limit(10) == 3
    assert excellent_limit(2) == 0
    assert excellent_limit(0) == 0


def test_a_probationary_member_takes_part_without_a_grade():
    # 第18条 (DOMAIN.md): 预备党员 take part without a grade.
    assert ("grade", "probationary_no_grade", "第18条") in codes(
        graded(Grade.QUALIFIED, probationary=True)
    )
    assert codes(Decision(probationary=True, self_assessed=True, votes=(1, 5, 0, 0))) == set()


def test_a_grade_names_who_decided_it_and_when():
    # 第18条: the 支委会 or the 支部党员大会 decides the grade.
    found = codes(Decision(grade=Grade.QUALIFIED))
    assert ("decided_by", "required", "第18条") in found
    assert ("decided_on", "required", "第18条") in found


def test_handling_is_only_for_an_unqualified_member():
    # 第30条: the handling follows a 不合格 grade.
    found = codes(graded(Grade.BASIC, handling=Handling.CORRECTION,
                         correction_until=date(2027, 6, 30)))
    assert ("handling", "only_unqualified", "第30条") in found


def test_correction_lasts_at_most_one_year():
    # 第30条: 限期改正的期限一般不超过1年.
    ok = graded(Grade.UNQUALIFIED, handling=Handling.CORRECTION,
                correction_until=date(2027, 12, 20))
    assert codes(ok) == set()
    late = graded(Grade.UNQUALIFIED, handling=Handling.CORRECTION,
                  correction_until=date(2027, 12, 21))
    assert ("correction_until", "over_one_year", "第30条") in codes(late)
    missing = graded(Grade.UNQUALIFIED, handling=Handling.CORRECTION)
    assert ("correction_until", "required", "第30条") in codes(missing)


def test_strike_off_needs_a_ground_of_article_31_and_an_assembly_vote():
    # 第31条: the six grounds; 党章 第9条: the 支部大会 decides (more than half of those entitled).
    found = codes(graded(Grade.UNQUALIFIED, handling=Handling.STRIKE_OFF))
    assert ("ground", "required", "第31条") in found
    assert ("meeting_on", "required", "党章第9条") in found
    assert ("in_favour", "vote_invalid", "党章第9条") in found
    tied = graded(Grade.UNQUALIFIED, handling=Handling.STRIKE_OFF, meeting_on=date(2027, 1, 5),
                  entitled=10, in_favour=5, ground=StrikeOffGround.CORRECTION_FAILED)
    assert ("in_favour", "vote_not_passed", "支部工作条例第12条") in codes(tied)
    assert len(StrikeOffGround) - 1 == 6


def test_persuading_takes_effect_with_the_higher_committees_approval():
    # 党章 第9条: 劝退 and 除名 are approved by the higher committee; not before the meeting.
    pending = graded(Grade.UNQUALIFIED, handling=Handling.PERSUADE, meeting_on=date(2027, 1, 5),
                     entitled=10, in_favour=8)
    assert codes(pending) == set()
    assert not takes_effect(pending)
    early = graded(Grade.UNQUALIFIED, handling=Handling.PERSUADE, meeting_on=date(2027, 1, 5),
                   entitled=10, in_favour=8, approved_on=date(2027, 1, 4))
    assert ("approved_on", "before_meeting", "党章第9条") in codes(early)
    approved = graded(Grade.UNQUALIFIED, handling=Handling.PERSUADE, meeting_on=date(2027, 1, 5),
                      entitled=10, in_favour=8, approved_on=date(2027, 2, 1))
    assert takes_effect(approved)
