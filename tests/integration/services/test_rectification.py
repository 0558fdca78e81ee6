"""组织生活会 整改 on a real encrypted database (支部工作条例 第17条; DOMAIN.md, "组织生活会 and
民主评议党员"): the 问题清单, each problem's 整改, overdue items and carrying over."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.meetings import MeetingType
from app.domain.rectification import ItemStatus
from app.errors import InvalidInputError
from app.services import rectification as r
from tests.integration.services.test_meetings import add_members, new_meeting

TODAY = date(2026, 12, 6)


def item(meeting_id, owner, **kw) -> r.ItemInput:
    return r.ItemInput(meeting_id=meeting_id, problem=kw.pop("problem", "理论学习不够深入"),
                       owner_id=owner, measures=kw.pop("measures", "每月精读一本理论书籍"),
                       due_on=kw.pop("due_on", date(2027, 3, 31)), **kw)


def test_items_belong_to_an_organizational_life_meeting(workspace):
    """第17条: the 问题清单 is the 组织生活会's output; another meeting type has none."""
    ids = add_members(workspace, full=2)
    other = new_meeting(workspace)
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as raised:
        r.create_item(uow, item(other, ids[0], measures=""))
    assert {(p.field, p.code) for p in raised.value.problems} == {
        ("meeting", "not_organizational_life"), ("measures", "required")}


def test_a_done_item_needs_the_day_it_was_done(workspace):
    ids = add_members(workspace, full=2)
    meeting = new_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20))
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as raised:
        r.create_item(uow, item(meeting, ids[0], status=ItemStatus.DONE,
                                due_on=date(2026, 11, 1)))
    assert {(p.field, p.code) for p in raised.value.problems} == {
        ("done_on", "required"), ("due_on", "before_meeting")}


def test_overdue_items_and_the_ledger_of_the_year(workspace):
    ids = add_members(workspace, full=3, committee=1)
    meeting = new_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20))
    with workspace.unit_of_work() as uow:
        late = r.create_item(uow, item(meeting, ids[0], due_on=date(2026, 12, 1)))
        r.create_item(uow, item(meeting, ids[1], member_id=ids[1], due_on=date(2027, 1, 31)))
        done = r.create_item(uow, item(meeting, ids[2], due_on=date(2026, 11, 30),
                                       status=ItemStatus.DONE, done_on=date(2026, 11, 29)))
        r.add_evidence(uow, done, "整改报告.pdf", b"%PDF-1.4 evidence")
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert [i.id for i in r.overdue(uow, TODAY)] == [late]
        lines = r.ledger(uow, 2026, TODAY)
        assert len(lines) == 3
        assert {i.member_name for i in lines} == {"", "党员01"}
        assert [i.evidence for i in lines if i.id == done] == [1]
        evidence = r.evidence_of(uow, done)
        assert r.evidence_data(uow, evidence[0].id) == b"%PDF-1.4 evidence"


def test_open_items_carry_over_into_next_years_ledger(workspace):
    """DOMAIN.md: open items carry over to next year; a done one stays in its own year."""
    ids = add_members(workspace, full=2)
    meeting = new_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2025, 12, 10))
    with workspace.unit_of_work() as uow:
        still_open = r.create_item(uow, item(meeting, ids[0], due_on=date(2026, 6, 30)))
        r.create_item(uow, item(meeting, ids[1], due_on=date(2025, 12, 31),
                                status=ItemStatus.DONE, done_on=date(2025, 12, 20)))
        uow.commit()
    with workspace.unit_of_work() as uow:
        lines = r.ledger(uow, 2026, TODAY)
        assert [(i.id, i.carried_over, i.overdue) for i in lines] == [(still_open, True, True)]
        r.update_item(uow, still_open, item(meeting, ids[0], due_on=date(2026, 6, 30),
                                            status=ItemStatus.DONE, done_on=date(2026, 7, 2)))
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert [i.id for i in r.ledger(uow, 2026, TODAY)] == [still_open]
        assert r.ledger(uow, 2027, TODAY) == []
        assert r.overdue(uow, TODAY) == []


def test_evidence_larger_than_20_mb_is_refused(workspace):
    ids = add_members(workspace, full=1)
    meeting = new_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20))
    with workspace.unit_of_work() as uow:
        item_id = r.create_item(uow, item(meeting, ids[0]))
        with pytest.raises(InvalidInputError):
            r.add_evidence(uow, item_id, "big.jpg", b"x" * (r.MAX_EVIDENCE_BYTES + 1))
