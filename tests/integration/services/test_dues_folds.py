"""Each member's dues fold kept in the encrypted database (``app.services.dues_folds``): after
every kind of write to the ledger — by the services, by a sync (inserted out of order, brought
to the platform's version) — the kept folds and the stale members folded now give
exactly what folding the whole ledger gives, before and after they are kept again."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import text

from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.services import dues as d
from app.services import dues_folds
from app.services import members as m
from app.storage import dashboard_cache
from app.storage import dues_folds as kept_folds
from app.storage.ids import utc_iso
from app.storage.models import LEDGER_WRITE, DuesEventRow
from tests.conftest import id_number as number

D = Decimal


@pytest.fixture
def branch(workspace):
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2025, 1, 1)),
            "retiree": m.create_member(uow, m.MemberInput(
                name="李老", id_number=number(2), category=PersonCategory.RETIRED),
                date(2025, 1, 1)),
            "other": m.create_member(uow, m.MemberInput(name="赵青", id_number=number(3)),
                                     date(2025, 1, 1)),
        }
        d.set_base(uow, ids["worker"], Month(2025, 1), D("4800.00"))  # 48.00 a month
        d.set_base(uow, ids["retiree"], Month(2025, 1), D("5000.00"))  # 25.00
        d.set_base(uow, ids["other"], Month(2025, 1), D("3000.00"))  # 15.00
        uow.commit()
    return workspace, ids


def same_as_the_ledger(ws) -> None:
    """The kept folds (with the stale members folded now) are the ledger's fold, and still are
    once kept; afterwards nothing is stale."""
    with ws.unit_of_work(read_only=True) as uow:
        assert dues_folds.members_ledger(uow).members == d.fen_ledger(uow).members
    dues_folds.keep_current(ws)
    with ws.unit_of_work(read_only=True) as uow:
        assert not dues_folds.any_stale(uow)
        assert dues_folds.members_ledger(uow).members == d.fen_ledger(uow).members


def synced(uow, event_id: str, kind: str, member_id: str, **values) -> None:
    """An event as a sync stores it (not through the services)."""
    uow.session.add(DuesEventRow(id=event_id, kind=kind, member_id=member_id,
                                 created_at=utc_iso(), **values))
    uow.session.flush()


def as_the_sync(uow, statement: str, **values) -> None:
    """Update or delete ledger rows as a sync may (``models.LEDGER_WRITE``)."""
    uow.session.execute(text("INSERT INTO setting (key, value) VALUES (:k, '1')"),
                        {"k": LEDGER_WRITE})
    uow.session.execute(text(statement), values)
    uow.session.execute(text("DELETE FROM setting WHERE key = :k"), {"k": LEDGER_WRITE})


def test_kept_folds_follow_every_kind_of_write(branch):
    ws, ids = branch
    worker, retiree, other = ids["worker"], ids["retiree"], ids["other"]
    same_as_the_ledger(ws)  # nothing recorded yet

    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 1))
        d.generate_month(uow, Month(2025, 2))
        uow.commit()
    same_as_the_ledger(ws)

    with ws.unit_of_work() as uow:  # one month, two months, with voluntary dues, too much
        first = d.record_payment(uow, worker, date(2025, 2, 3), [Month(2025, 1)], D("48.00"))
        d.record_payment(uow, retiree, date(2025, 2, 4), [Month(2025, 1), Month(2025, 2)],
                         D("1100.00"), voluntary=D("1050.00"))
        d.record_payment(uow, other, date(2025, 2, 5), [Month(2025, 1)], D("20.00"))
        uow.commit()
    same_as_the_ledger(ws)

    with ws.unit_of_work() as uow:  # paid ahead for a month with no amount yet, then generated
        d.record_payment(uow, worker, date(2025, 2, 6), [Month(2025, 3)], D("48.00"))
        uow.commit()
    same_as_the_ledger(ws)
    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 3))
        uow.commit()
    same_as_the_ledger(ws)

    with ws.unit_of_work() as uow:  # a correction: the reversal changes only that member
        d.reverse(uow, first.event_id, date(2025, 2, 10), "录错")
        uow.commit()
    same_as_the_ledger(ws)

    with ws.unit_of_work() as uow:  # a reversal synced before the payment it reverses
        synced(uow, "r-early", "reversal", other, on_date=date(2025, 3, 1),
               reverses_id="p-later", note="录错")
        uow.commit()
    same_as_the_ledger(ws)
    with ws.unit_of_work() as uow:
        synced(uow, "p-later", "payment", retiree, on_date=date(2025, 3, 2),
               months='["2025-03"]', amount_fen=2500, method="cash")
        synced(uow, "p-kept", "payment", other, on_date=date(2025, 3, 2),
               months='["2025-02"]', amount_fen=1500, method="cash")
        uow.commit()
    same_as_the_ledger(ws)
    with ws.unit_of_work(read_only=True) as uow:
        assert Month(2025, 3).index not in dues_folds.members_ledger(uow).members[retiree].paid

    with ws.unit_of_work() as uow:  # brought to the platform's version: another member's now
        as_the_sync(uow, "UPDATE dues_event SET member_id = :w, amount_fen = 4800 "
                         "WHERE id = 'p-kept'", w=worker)
        uow.commit()
    same_as_the_ledger(ws)

    with ws.unit_of_work() as uow:  # the reversal now of another event: the payment counts
        as_the_sync(uow, "UPDATE dues_event SET reverses_id = 'not-in-this-ledger' "
                         "WHERE id = 'r-early'")
        uow.commit()
    same_as_the_ledger(ws)
    with ws.unit_of_work(read_only=True) as uow:
        march = Month(2025, 3).index
        assert dues_folds.members_ledger(uow).members[retiree].paid[march] == 2500


def test_a_reversal_of_a_reversal_is_refused_with_folds_kept(branch):
    ws, ids = branch
    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 1))
        paid = d.record_payment(uow, ids["worker"], date(2025, 2, 3), [Month(2025, 1)],
                                D("48.00"))
        reversal = d.reverse(uow, paid.event_id, date(2025, 2, 4), "录错")
        uow.commit()
    dues_folds.keep_current(ws)
    with ws.unit_of_work() as uow:
        synced(uow, "r-of-r", "reversal", ids["other"], on_date=date(2025, 2, 5),
               reverses_id=reversal, note="录错")
        with pytest.raises(ValueError, match="cannot be reversed"):
            dues_folds.members_ledger(uow)


def test_without_the_triggers_nothing_kept_is_trusted(branch):
    """A database whose triggers are gone (a copy made without them, a hand edit): a payment
    then marks nobody stale, so the kept folds would be wrong; they are not used."""
    ws, ids = branch
    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 1))
        uow.commit()
    dues_folds.keep_current(ws)
    with ws.unit_of_work() as uow:
        uow.session.execute(text("DROP TRIGGER dues_event__fold_ins"))
        d.record_payment(uow, ids["worker"], date(2025, 2, 3), [Month(2025, 1)], D("48.00"))
        uow.commit()
    with ws.unit_of_work(read_only=True) as uow:
        assert not dues_folds.any_stale(uow)
        folded = dues_folds.members_ledger(uow)
        assert folded.members == d.fen_ledger(uow).members
        assert folded.members[ids["worker"]].paid == {Month(2025, 1).index: 4800}
    with ws.unit_of_work() as uow:
        uow.session.execute(text("INSERT INTO dues_fold_stale VALUES (:w)"),
                            {"w": ids["worker"]})
        assert dues_folds.keep(uow) == 0  # nothing is kept without the proof
        uow.rollback()


@pytest.mark.parametrize("kept", [
    "[0,[],[],[],[],0,0,0]",  # another version's
    "[1,[24300],[4800]",  # damaged: cut short
    "[1,[24300],[4800],[4800],[\"x\"],0,0,0]",  # damaged: a day that is no ordinal
    "{}",
])
def test_a_fold_kept_by_another_version_or_damaged_is_folded_again(branch, kept):
    ws, ids = branch
    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 1))
        d.record_payment(uow, ids["worker"], date(2025, 2, 3), [Month(2025, 1)], D("48.00"))
        uow.commit()
    dues_folds.keep_current(ws)
    with ws.unit_of_work() as uow:
        uow.session.execute(text("UPDATE dues_member_fold SET fold = :f WHERE member_id = :w"),
                            {"f": kept, "w": ids["worker"]})
        uow.commit()
    with ws.unit_of_work(read_only=True) as uow:
        folded = dues_folds.members_ledger(uow)
        assert folded.members == d.fen_ledger(uow).members
        assert folded.members[ids["worker"]].paid == {Month(2025, 1).index: 4800}


def test_keeping_the_folds_leaves_the_kept_dashboard_current(branch):
    """The kept folds are derived from the ledger, whose own changes count: keeping them is no
    change 工作台 shows (its kept copy stays usable)."""
    ws, _ids = branch
    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 1))
        uow.commit()
    with ws.unit_of_work(read_only=True) as uow:
        before = uow.session.execute(text("SELECT n FROM change_generation")).scalar_one()
    assert dues_folds.keep_current(ws) == 3
    with ws.unit_of_work(read_only=True) as uow:
        assert uow.session.execute(text("SELECT n FROM change_generation")).scalar_one() \
            == before
    assert set(kept_folds.TABLES) <= set(dashboard_cache._OWN)


def test_the_migration_marks_every_member_with_events_stale(branch):
    """A database upgraded with a ledger already in it keeps nothing yet: every member with an
    event is folded from the ledger until kept."""
    ws, ids = branch
    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 1))
        uow.commit()
    dues_folds.keep_current(ws)
    with ws.unit_of_work() as uow:  # as the upgrade does
        uow.session.execute(text("DELETE FROM dues_member_fold"))
        uow.session.execute(text(
            "INSERT INTO dues_fold_stale (member_id) "
            "SELECT DISTINCT member_id FROM dues_event WHERE member_id IS NOT NULL"))
        uow.commit()
    with ws.unit_of_work(read_only=True) as uow:
        assert dues_folds.members_ledger(uow).members == d.fen_ledger(uow).members
    assert dues_folds.keep_current(ws) == len(ids)
