"""The dues ledger on a real encrypted database: a small branch's year, to the fen."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError, OperationalError

from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.dues import ArrearsLevel, PaymentFlag, PersonCategory
from app.errors import InvalidInputError
from app.services import dues as d
from app.services import members as m
from tests.conftest import id_number as number

D = Decimal


@pytest.fixture
def branch(workspace):
    """Four members: in work (wage change in July), retired, a student, one admitted in March."""
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2025, 1, 1)),
            "retiree": m.create_member(uow, m.MemberInput(
                name="李老", id_number=number(2), category=PersonCategory.RETIRED),
                date(2025, 1, 1)),
            "student": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(3), category=PersonCategory.STUDENT),
                date(2025, 1, 1)),
            "new": m.create_member(uow, m.MemberInput(
                name="钱新", id_number=number(4), stage=Stage.PROBATIONARY,
                admission_date=date(2025, 3, 18)), date(2025, 3, 20)),
        }
        d.set_base(uow, ids["worker"], Month(2025, 1), D("4800.00"))  # 1%: 48.00
        d.set_base(uow, ids["worker"], Month(2025, 7), D("5200.00"))  # 1.5%: 78.00
        d.set_base(uow, ids["retiree"], Month(2025, 1), D("5000.00"))  # 0.5%: 25.00
        d.set_base(uow, ids["new"], Month(2025, 3), D("3333.33"))  # 1%: 33.3333 -> 33.33
        uow.commit()
    return workspace, ids


def generate(ws, *months: Month) -> list[d.GenerationResult]:
    results = []
    with ws.unit_of_work() as uow:
        for month in months:
            results.append(d.generate_month(uow, month))
        uow.commit()
    return results


def test_a_year_of_a_small_branch(branch):
    ws, ids = branch
    months = [Month(2025, i) for i in range(1, 13)]
    results = generate(ws, *months)
    assert [r.created for r in results[:3]] == [3, 3, 4]  # the new member owes from March
    with ws.unit_of_work() as uow:
        # a multi-month payment: the worker pays January to June at once
        d.record_payment(uow, ids["worker"], date(2025, 6, 30), months[:6], D("288.00"))
        # a wrong payment, reversed, then entered again
        wrong = d.record_payment(uow, ids["retiree"], date(2025, 3, 1), months[:3], D("57.00"))
        d.reverse(uow, wrong.event_id, date(2025, 3, 2), "金额录错")
        d.record_payment(uow, ids["retiree"], date(2025, 3, 2), months[:3], D("75.00"))
        d.record_payment(uow, ids["student"], date(2025, 12, 1), months, D("2.40"),
                         note="在外实习，年底一次交清")
        d.record_payment(uow, ids["new"], date(2025, 12, 1), months[2:], D("333.30"),
                         note="预备党员补交")
        d.record_payment(uow, ids["worker"], date(2025, 12, 1), months[6:], D("468.00"))
        d.record_remittance(uow, date(2025, 12, 20), Month(2025, 1), Month(2025, 12),
                            D("1166.70"))
        uow.commit()
        ledger = d.ledger(uow)
    assert ledger.balance(ids["worker"], Month(2025, 6)).due == D("48.00")
    assert ledger.balance(ids["worker"], Month(2025, 7)).due == D("78.00")
    assert ledger.balance(ids["new"], Month(2025, 2)).due == D("0")
    assert ledger.balance(ids["new"], Month(2025, 3)).due == D("33.33")
    assert ledger.member(ids["student"]).total_due == D("2.40")
    assert ledger.member(ids["worker"]).total_due == D("756.00")
    assert ledger.member(ids["retiree"]).outstanding == D("225.00")
    assert ledger.total_collected == D("1166.70")
    reconciliation = ledger.reconcile(Month(2025, 1), Month(2025, 12))
    assert reconciliation.balanced
    assert reconciliation.difference_fen == 0


def test_generating_twice_records_nothing_new_and_missing_bases_are_named(branch):
    ws, _ = branch
    with ws.unit_of_work() as uow:
        m.create_member(uow, m.MemberInput(name="孙无基数", id_number=number(5)),
                        date(2025, 1, 1))
        uow.commit()
    first, second = generate(ws, Month(2025, 5), Month(2025, 5))
    assert first.created == 4
    assert len(first.missing_base) == 1
    assert second.created == 0
    assert second.already_generated == 4


def test_arrears_warn_at_three_and_five_months_and_clear_on_payment(branch):
    ws, ids = branch
    generate(ws, *[Month(2025, i) for i in range(1, 7)])
    with ws.unit_of_work() as uow:
        for key in ("worker", "retiree", "new"):
            d.record_payment(uow, ids[key], date(2025, 1, 31), [Month(2025, 1)],
                             D("48.00") if key == "worker" else D("25.00"))
        uow.commit()
        at_three = {e.name: e.arrears.level for e in d.arrears_list(uow, date(2025, 4, 2))}
        at_five = {e.name: e.arrears.level for e in d.arrears_list(uow, date(2025, 6, 2))}
    assert at_three["赵生"] is ArrearsLevel.WARNING  # January to March unpaid
    assert "王工" not in at_three
    assert at_five["赵生"] is ArrearsLevel.SEVERE
    assert at_five["王工"] is ArrearsLevel.WARNING  # February to May
    with ws.unit_of_work() as uow:
        d.record_payment(uow, ids["student"], date(2025, 6, 3),
                         [Month(2025, i) for i in range(1, 6)], D("1.00"))
        uow.commit()
        after = {e.name for e in d.arrears_list(uow, date(2025, 6, 5))}
    assert "赵生" not in after


def test_payment_flags_and_back_payment_note(branch):
    ws, ids = branch
    with ws.unit_of_work() as uow:
        receipt = d.record_payment(uow, ids["worker"], date(2025, 1, 10), [Month(2025, 1)],
                                   D("1048.00"), voluntary=D("1000.00"), payer="王工之妻")
        with pytest.raises(InvalidInputError):
            d.record_payment(uow, ids["worker"], date(2025, 9, 1), [Month(2025, 1)],
                             D("48.00"))  # 8 months back, no note
        d.record_payment(uow, ids["worker"], date(2025, 9, 1), [Month(2025, 2)], D("48.00"),
                         note="长期外派，支部研究同意补交")
        with pytest.raises(InvalidInputError):
            d.record_payment(uow, ids["worker"], date(2025, 1, 1), [Month(2025, 1)], D("-1"))
        uow.commit()
    assert receipt.flags == {PaymentFlag.REMIT_WHOLLY_TO_CENTRE, PaymentFlag.PAID_BY_OTHER}


def test_the_ledger_is_append_only(branch):
    ws, ids = branch
    generate(ws, Month(2025, 1))
    with ws.unit_of_work() as uow:
        payment = d.record_payment(uow, ids["worker"], date(2025, 1, 9), [Month(2025, 1)],
                                   D("48.00"))
        d.reverse(uow, payment.event_id, date(2025, 1, 10), "重复录入")
        with pytest.raises(InvalidInputError):
            d.reverse(uow, payment.event_id, date(2025, 1, 10), "再次冲销")
        uow.commit()
    for statement in ("UPDATE dues_event SET amount_fen = 1", "DELETE FROM dues_event"):
        with pytest.raises((IntegrityError, OperationalError)), ws._vault.engine.begin() as c:
            c.exec_driver_sql(statement)


def test_base_lines_for_the_yearly_review(branch):
    ws, _ = branch
    with ws.unit_of_work() as uow:
        lines = {line.name: line for line in d.base_lines(uow, 2026)}
    assert lines["王工"].previous == D("5200.00")
    assert lines["李老"].current == D("5000.00")
    assert lines["赵生"].previous is None


def test_month_sheet_shows_due_paid_and_outstanding(branch):
    ws, ids = branch
    generate(ws, Month(2025, 1), Month(2025, 2))
    with ws.unit_of_work() as uow:
        d.record_payment(uow, ids["worker"], date(2025, 2, 3), [Month(2025, 1), Month(2025, 2)],
                         D("60.00"))  # January 48 first, then 12 of February
        wrong = d.record_payment(uow, ids["retiree"], date(2025, 2, 3), [Month(2025, 2)],
                                 D("25.00"))
        d.reverse(uow, wrong.event_id, date(2025, 2, 4), "录错人")
        uow.commit()
        sheet = {line.name: line for line in d.month_sheet(uow, Month(2025, 2))}
        history = d.member_ledger(uow, ids["worker"])
    assert sheet["王工"].due == D("48.00")
    assert sheet["王工"].paid == D("12.00")
    assert sheet["王工"].outstanding == D("36.00")
    assert sheet["李老"].paid == D("0")
    assert "钱新" not in sheet  # admitted in March
    assert history.total_paid == D("60.00")


def test_the_fast_ledger_read_equals_folding_validated_events(branch):
    from dataclasses import fields as dataclass_fields

    from sqlalchemy import select

    from app.domain import dues as rules
    from app.storage.models import DuesEventRow

    ws, ids = branch
    generate(ws, Month(2025, 1), Month(2025, 2))
    with ws.unit_of_work() as uow:
        paid = d.record_payment(uow, ids["worker"], date(2025, 2, 3),
                                [Month(2025, 1), Month(2025, 2)], D("96.00"), payer="家属",
                                receipt_no="NO.1", note="两个月")
        d.reverse(uow, paid.event_id, date(2025, 2, 4), "重录")
        d.record_payment(uow, ids["worker"], date(2025, 2, 4), [Month(2025, 1)], D("48.00"))
        d.record_remittance(uow, date(2025, 3, 1), Month(2025, 1), Month(2025, 2), D("48.00"))
        uow.commit()
        fast = d.ledger(uow)
        rows = uow.session.scalars(select(DuesEventRow).order_by(DuesEventRow.seq)).all()
        slow = rules.fold(d._to_event(row) for row in rows)
    assert fast == slow
    for payment in fast.payments:
        assert {f.name for f in dataclass_fields(payment)} <= set(dir(payment))


def test_the_fen_ledger_read_equals_folding_the_domain_events(branch):
    from sqlalchemy import select

    from app.domain import dues_fen
    from app.storage.models import DuesEventRow

    ws, ids = branch
    generate(ws, Month(2025, 1), Month(2025, 3))
    with ws.unit_of_work() as uow:
        paid = d.record_payment(uow, ids["worker"], date(2025, 2, 3),
                                [Month(2025, 1), Month(2025, 2)], D("96.00"), payer="家属")
        d.reverse(uow, paid.event_id, date(2025, 2, 4), "重录")
        d.record_payment(uow, ids["worker"], date(2025, 2, 4), [Month(2025, 2), Month(2025, 1)],
                         D("1100.00"), voluntary=D("1040.00"))
        d.record_remittance(uow, date(2025, 3, 1), Month(2025, 1), Month(2025, 2), D("60.00"),
                            to_centre=True)
        uow.commit()
        fast = d.fen_ledger(uow)
        rows = uow.session.scalars(select(DuesEventRow).order_by(DuesEventRow.seq)).all()
        slow = dues_fen.fold(dues_fen.fen_events(d._to_event(row) for row in rows))
    assert fast == slow
    worker = fast.members[ids["worker"]]
    january = Month(2025, 1).index
    assert (worker.due[january], worker.paid[january]) == (4800, 4800)
    assert worker.first_paid_on[january] == date(2025, 2, 4)
    assert worker.voluntary_fen == 104000


def test_the_fen_ledger_leaves_out_what_synced_reversals_reverse(branch):
    """``fen_ledger`` leaves the reversed events out of its queries: as the fold of every event,
    a reversal synced before the event it reverses reverses it, one of an event not in the
    ledger reverses nothing, and a reversal of a reversal is refused."""
    from sqlalchemy import select

    from app.domain import dues_fen
    from app.storage.ids import utc_iso
    from app.storage.models import DuesEventRow

    ws, ids = branch
    generate(ws, Month(2025, 1), Month(2025, 2))

    def synced(uow, event_id: str, kind: str, **values) -> None:  # as a sync stores them
        uow.session.add(DuesEventRow(id=event_id, kind=kind, member_id=ids["worker"],
                                     created_at=utc_iso(), **values))
        uow.session.flush()

    with ws.unit_of_work() as uow:
        # Recorded here before the payment it reverses arrives from another PC.
        synced(uow, "r-early", "reversal", on_date=date(2025, 2, 10), reverses_id="p-later",
               note="录错")
        synced(uow, "r-unknown", "reversal", on_date=date(2025, 2, 10),
               reverses_id="not-in-this-ledger", note="录错")
        d.record_payment(uow, ids["worker"], date(2025, 2, 3), [Month(2025, 1)], D("48.00"))
        synced(uow, "p-later", "payment", on_date=date(2025, 2, 5), months='["2025-02"]',
               amount_fen=4800, method="cash")
        uow.commit()
        fast = d.fen_ledger(uow)
        rows = uow.session.scalars(select(DuesEventRow).order_by(DuesEventRow.seq)).all()
        slow = dues_fen.fold(dues_fen.fen_events(d._to_event(row) for row in rows))
        assert fast == slow
        assert fast.members[ids["worker"]].paid == {Month(2025, 1).index: 4800}
        assert fast.reversed_ids == {"p-later"}
        synced(uow, "r-of-r", "reversal", on_date=date(2025, 2, 11), reverses_id="r-unknown",
               note="录错")
        with pytest.raises(ValueError, match="cannot be reversed"):
            d.fen_ledger(uow)


def test_the_remittance_summary_has_the_general_ledgers_figures(branch):
    ws, ids = branch
    generate(ws, Month(2025, 1), Month(2025, 2))
    with ws.unit_of_work() as uow:
        d.record_payment(uow, ids["worker"], date(2025, 2, 4), [Month(2025, 1)], D("1048.00"),
                         voluntary=D("1000.00"))  # 第十一条: 1000.00 for the centre
        d.record_payment(uow, ids["retiree"], date(2025, 2, 5), [Month(2025, 1)], D("25.00"))
        d.record_remittance(uow, date(2025, 3, 1), Month(2025, 1), Month(2025, 1), D("73.00"))
        d.record_remittance(uow, date(2025, 3, 2), Month(2025, 2), Month(2025, 2), D("10.00"))
        uow.commit()
        summary = d.remittance_summary(uow, 2025)
        general = d.ledger(uow)
        d.record_remittance(uow, date(2026, 1, 5), Month(2025, 12), Month(2026, 1), D("1.00"))
        uow.commit()
        straddled = d.remittance_summary(uow, 2025)
    assert summary.year == 2025
    assert [r.remitted_on for r in summary.remittances] == [date(2025, 3, 2), date(2025, 3, 1)]
    assert set(summary.remittances) == set(general.remittances)
    assert summary.reconciliation == general.reconcile(Month(2025, 1), Month(2025, 12))
    assert summary.collected == D("1073.00")
    assert summary.reconciliation is not None
    assert summary.reconciliation.difference == D("990.00")
    assert summary.for_centre == general.total_for_centre == D("1000.00")
    # A remittance for December and January: collections, but no reconciliation of the year.
    assert straddled.reconciliation is None
    assert straddled.collected == D("1073.00")
    assert len(straddled.remittances) == 3


def test_overlapping_hardship_reliefs_are_refused(branch):
    from app.domain.dues import HardshipRelief, ReliefKind

    ws, ids = branch
    first = HardshipRelief(ReliefKind.EXEMPT, "机关党委", date(2025, 1, 10), Month(2025, 1),
                           Month(2025, 6))
    overlapping = HardshipRelief(ReliefKind.REDUCED, "机关党委", date(2025, 3, 1),
                                 Month(2025, 5), Month(2025, 8), reduced_amount=D("5.00"))
    with ws.unit_of_work() as uow:
        d.add_relief(uow, ids["worker"], first)
        with pytest.raises(InvalidInputError):
            d.add_relief(uow, ids["worker"], overlapping)
        uow.commit()
    generate(ws, Month(2025, 2), Month(2025, 7))
    with ws.unit_of_work() as uow:
        ledger = d.ledger(uow)
    assert ledger.balance(ids["worker"], Month(2025, 2)).due == D("0")
    assert ledger.balance(ids["worker"], Month(2025, 7)).due == D("78.00")
