"""The integer-fen fold of the reports agrees with the rules' fold, for any ledger."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import dues_fen
from app.domain.calendar import Month
from app.domain.dues import (
    DueGenerated,
    LedgerEvent,
    Payment,
    PaymentFlag,
    Remittance,
    Reversal,
    fold,
    payment_flags,
)
from app.domain.money import from_fen

D = Decimal
START = Month(2024, 1)
MEMBERS = ("a", "b", "c")
months = st.integers(0, 17).map(START.plus)
days = st.dates(date(2023, 12, 1), date(2025, 8, 31))
# Fen amounts, sometimes around the 第十一条 threshold of 1000 yuan.
amounts = st.one_of(st.integers(1, 20_000), st.integers(99_990, 150_000))


@st.composite
def ledgers(draw: st.DrawFn) -> list[LedgerEvent]:
    """A ledger as PCs and sync can make it: amounts due (also 0), payments of one or several
    months (or none, purely voluntary), reversals of earlier events, remittances, in any order;
    and what syncing several PCs adds: an event reversed twice, a reversal before its event or
    of an event that is not there."""
    events: list[LedgerEvent] = []
    reversible: list[str] = []
    reversed_ids: list[str] = []
    for number in range(draw(st.integers(0, 40))):
        event_id = f"e{number}"
        kind = draw(st.sampled_from(["due", "due", "due", "payment", "payment", "reversal",
                                     "remittance"]))
        if kind == "due":
            events.append(DueGenerated(event_id, draw(st.sampled_from(MEMBERS)), draw(months),
                                       from_fen(draw(st.integers(0, 20_000)))))
        elif kind == "payment":
            covered = tuple(draw(st.lists(months, max_size=4, unique=True)))
            fen = draw(amounts)
            voluntary = fen if not covered else draw(st.sampled_from([0, 0, fen // 3, fen]))
            events.append(Payment(event_id, draw(st.sampled_from(MEMBERS)), draw(days), covered,
                                  from_fen(fen), from_fen(voluntary)))
        elif kind == "remittance":
            first = draw(months)
            last = first.plus(draw(st.integers(0, 5)))
            events.append(Remittance(event_id, draw(days), first, last, from_fen(draw(amounts)),
                                     draw(st.booleans())))
        elif reversible or reversed_ids:
            target = draw(st.sampled_from([*reversible, *reversed_ids]))
            if target in reversible:
                reversible.remove(target)
                reversed_ids.append(target)
            events.append(Reversal(event_id, target, draw(days)))
            continue
        else:
            continue
        reversible.append(event_id)
    if events and draw(st.booleans()):  # a reversal pulled before its event, or of none here
        target = draw(st.sampled_from([*reversible, "elsewhere"]))
        events.insert(draw(st.integers(0, len(events))), Reversal("early", target, draw(days)))
    return events


@settings(max_examples=300)
@given(ledgers(), st.lists(days, min_size=1, max_size=4))
def test_the_fen_fold_agrees_with_the_rules_fold(
    events: list[LedgerEvent], as_of: list[date]
) -> None:
    general = fold(events)
    fast = dues_fen.fold(dues_fen.fen_events(events))

    assert fast.reversed_ids == general.reversed_ids
    assert list(fast.payments) == list(dues_fen.fen_events(general.payments))
    assert fast.remittances == general.remittances
    assert list(fast.members) == list(general.members)
    for member_id, member in general.members.items():
        mine = fast.members[member_id]
        assert from_fen(mine.voluntary_fen) == member.voluntary
        assert from_fen(mine.unallocated_fen) == member.unallocated
        assert from_fen(mine.prepaid_fen) == member.prepaid
        assert [Month.from_index(m) for m in mine.months()] == list(member.months)
        for month, balance in member.months.items():
            due, paid = mine.due.get(month.index), mine.paid.get(month.index, 0)
            assert due is not None
            assert (from_fen(due), from_fen(paid)) == (balance.due, balance.paid)
            dates = [a.paid_on for a in general.allocations
                     if a.member_id == member_id and a.month == month]
            assert mine.first_paid_on.get(month.index) == (min(dates) if dates else None)
    for day in as_of:
        for member_id in (*MEMBERS, "nobody"):
            assert fast.arrears(member_id, day) == general.arrears(member_id, day)
            # By the quarter (第十二条), with the first quarter's months excused (第七条).
            months = fast.member(member_id).months()
            excused = [m for m in months if Month.from_index(m).month <= 3]
            assert fast.arrears(member_id, day, excused=excused, quarterly=frozenset(months)) \
                == general.arrears(member_id, day, excused=map(Month.from_index, excused),
                                   quarterly=map(Month.from_index, months))

    for first, last in [(Month(2024, 1), Month(2024, 12)), (Month(2024, 4), Month(2024, 6)),
                        (Month(2025, 1), Month(2025, 12))]:
        assert fast.collected_in(first, last) == general.collected_in(first, last)
        try:
            expected = general.reconcile(first, last)
        except ValueError:
            with pytest.raises(ValueError, match="straddles"):
                fast.reconcile(first, last)
        else:
            assert fast.reconcile(first, last) == expected

    assert fast.total_for_centre == general.total_for_centre

    in_force = {p.event_id: p for p in general.payments}
    for payment in fast.payments:
        flags = payment_flags(in_force[payment[1]])
        assert (PaymentFlag.REMIT_WHOLLY_TO_CENTRE in flags) == dues_fen.goes_wholly_to_centre(
            payment)


@given(ledgers(), st.data())
def test_the_fen_fold_refuses_what_the_rules_fold_refuses(
    events: list[LedgerEvent], data: st.DataObject
) -> None:
    ids = [e.event_id for e in events] + ["unknown"]
    extra: list[LedgerEvent] = [
        Reversal(data.draw(st.sampled_from(["r1", *ids])), data.draw(st.sampled_from(ids)),
                 date(2025, 1, 1))
        for _ in range(data.draw(st.integers(1, 3)))
    ]
    position = data.draw(st.integers(0, len(events)))
    ledger = [*events[:position], *extra, *events[position:]]
    try:
        expected = fold(ledger)
    except ValueError as error:
        with pytest.raises(ValueError, match=re.escape(str(error))):
            dues_fen.fold(dues_fen.fen_events(ledger))
    else:
        assert dues_fen.fold(dues_fen.fen_events(ledger)).reversed_ids == expected.reversed_ids


def test_a_payment_for_several_months_pays_the_oldest_first_and_keeps_the_rest() -> None:
    events: list[LedgerEvent] = [
        DueGenerated("d1", "a", Month(2025, 2), D("48.00")),
        DueGenerated("d2", "a", Month(2025, 1), D("48.00")),
        Payment("p1", "a", date(2025, 3, 9), (Month(2025, 2), Month(2025, 1)), D("60.00")),
        Payment("p2", "a", date(2025, 3, 1), (Month(2025, 2),), D("100.00"), D("20.00")),
    ]
    member = dues_fen.fold(dues_fen.fen_events(events)).members["a"]
    january, february = Month(2025, 1).index, Month(2025, 2).index
    assert member.due == {january: 4800, february: 4800}
    assert member.paid == {january: 4800, february: 4800}
    assert member.first_paid_on == {january: date(2025, 3, 9), february: date(2025, 3, 1)}
    assert (member.voluntary_fen, member.unallocated_fen) == (2000, 4400)


@settings(max_examples=200)
@given(ledgers())
def test_the_year_collections_explain_every_fen_between_paid_and_received(
    events: list[LedgerEvent],
) -> None:
    fast = dues_fen.fold(dues_fen.fen_events(events))
    for year in (2023, 2024, 2025):
        bridge = dues_fen.year_collections(fast, year)
        assert bridge.balances
        months = range(Month(year, 1).index, Month(year, 12).index + 1)
        assert bridge.paid_for_year == sum(
            member.paid.get(m, 0) for member in fast.members.values() for m in months)
        assert from_fen(bridge.collected) == fast.collected_in(Month(year, 1), Month(year, 12))
