"""Amounts due recorded before a dated change (a category from an earlier month, a relief approved
afterwards) are found and worked out again (app/services/dues_recheck.py): the wrong amount is
reversed with its reason, the month is recorded again for that member alone."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain.calendar import Month
from app.domain.dues import HardshipRelief, PersonCategory, ReliefKind
from app.services import dues as d
from app.services import dues_recheck as r
from app.services import dues_terms as t
from app.storage.models import DuesEventRow
from tests.integration.services.test_dues_terms import branch, due, generate

D = Decimal
JULY = Month(2025, 7)
__all__ = ["branch"]  # the fixture


def stale(ws, month: Month) -> list[r.StaleDue]:
    with ws.unit_of_work(read_only=True) as uow:
        return r.stale_dues(uow, month)


def test_a_retirement_recorded_later_is_worked_out_again_for_that_member_alone(branch):
    ws, ids = branch
    generate(ws, JULY)
    assert stale(ws, JULY) == []
    with ws.unit_of_work() as uow:
        t.change_category(uow, ids["worker"], JULY, PersonCategory.RETIRED, date(2025, 8, 3))
        uow.commit()
    [found] = stale(ws, JULY)
    assert (found.member_id, found.name, found.recorded, found.now) == (
        ids["worker"], "王工", D("90.00"), D("60.00"))
    with ws.unit_of_work() as uow:
        before = {e.id for e in uow.session.scalars(select(DuesEventRow))}
        assert r.recalculate(uow, JULY, {found.event_id}, date(2025, 8, 4)) == 1
        uow.commit()
    assert due(ws, ids["worker"], JULY) == D("60.00")
    assert due(ws, ids["monthly"], JULY) == D("40.00")  # 4,000 at 1%: untouched
    assert stale(ws, JULY) == []
    with ws.unit_of_work() as uow:
        new = [(e.kind, e.member_id, e.note) for e in uow.session.scalars(select(DuesEventRow))
               if e.id not in before]
        assert r.recalculate(uow, JULY, {found.event_id}, date(2025, 8, 4)) == 0  # done once
    assert sorted(new) == [
        ("due", ids["worker"], ""),
        ("reversal", ids["worker"], "按现有记录重新计算：原应交90.00元，现应交60.00元"),
    ]


def test_a_relief_approved_after_the_month_was_recorded(branch):
    ws, ids = branch
    generate(ws, JULY)
    with ws.unit_of_work() as uow:
        d.add_relief(uow, ids["monthly"], HardshipRelief(
            ReliefKind.EXEMPT, "机关党委", date(2025, 8, 1), JULY, Month(2025, 12)))
        uow.commit()
    [found] = stale(ws, JULY)
    assert (found.name, found.recorded, found.now) == ("周月", D("40.00"), D("0.00"))
    with ws.unit_of_work() as uow:
        r.recalculate(uow, JULY, {found.event_id}, date(2025, 8, 2))
        uow.commit()
    assert due(ws, ids["monthly"], JULY) == D("0.00")
