"""The dues ledger folded in integer fen, for reports over a whole branch.

``app.domain.dues.fold`` is the rule: it folds validated events with ``Decimal`` amounts into
balances, allocations and totals. A branch of 10,000 members has some 200,000 events a year, and
the annual ledger, the arrears list (工作台, 欠费提醒) and the remittance record need only part of
what that fold builds. This module folds the same events, read as plain tuples with integer fen
and months as ``Month.index``, into just that:

- per member and month (``Month.index``): the amount due, the amount set against it, and the
  date of the earliest payment set against it (which is what 第十三条 needs: a month counts as
  paid as of a date once some payment made by that date was set against it);
- per member: the voluntary extras and the unallocated money;
- the payments and remittances in force, in recorded order (and from them the collections in
  a period, the reconciliation against the remittances and the share for the centre);
- how each payment was set against months and what was left of it (``year_collections``: why
  the dues paid for a year's months differ from the money received in that year).

The rules are ``dues.fold``'s and live there once: the checks of reversals
(``dues.reversed_event_ids``) and the setting of a payment against its months, oldest first, in
recorded order, never beyond what is owed (``dues.set_against``); dues are summed first. A
property test holds the two folds to the same result for any ledger. Amounts stay integer fen
in the fold's result; the sums it computes itself (collections, reconciliation) and the
remittances leave as ``Decimal``.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Literal

from app.domain import dues as rules
from app.domain.calendar import Month
from app.domain.money import from_fen, to_fen

# The events, as plain tuples tagged with their kind (plain tuples: 200,000 of them are made and
# dropped quickly, and the garbage collector stops tracking a plain tuple of plain values).
FenDue = tuple[Literal["due"], str, str, int, int]
"""``dues.DueGenerated``: ("due", event id, member id, Month.index, fen)."""
FenPayment = tuple[Literal["payment"], str, str, date, tuple[int, ...], int, int]
"""``dues.Payment``: ("payment", event id, member id, paid on, Month.index of each month it pays
for, fen, voluntary fen). Not the payer, receipt or note: the fold does not need them."""
FenReversal = tuple[Literal["reversal"], str, str]
"""``dues.Reversal``: ("reversal", event id, id of the event reversed)."""
FenRemittance = tuple[Literal["remittance"], str, date, int, int, int, bool]
"""``dues.Remittance``: ("remittance", event id, remitted on, first and last Month.index, fen,
to the centre)."""
FenEvent = FenDue | FenPayment | FenReversal | FenRemittance


@dataclass(frozen=True, slots=True)
class FenMember:
    """One member's months, keyed by ``Month.index``: the amount due of every month with one
    recorded (0 too), what was set against each month (only months with something), and the date
    of the earliest payment set against it. (Read-only mappings; plain dicts underneath: a
    read-only view for each of 10,000 members costs more than it protects.)"""

    member_id: str
    due: Mapping[int, int]
    paid: Mapping[int, int]
    first_paid_on: Mapping[int, date]
    voluntary_fen: int
    unallocated_fen: int
    prepaid_fen: int = 0

    def months(self) -> list[int]:
        """The months with an amount due or something paid, oldest first (as ``Ledger``)."""
        return sorted(self.due.keys() | self.paid.keys())


_NOTHING: Mapping[int, Any] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class FenLedger:
    """What ``fold`` gives: the members (by id, in id order), and the payments (as tuples) and
    remittances (a few: as ``dues.Remittance``) in force in recorded order."""

    members: Mapping[str, FenMember]
    payments: tuple[FenPayment, ...]
    remittances: tuple[rules.Remittance, ...]
    reversed_ids: frozenset[str] = field(default_factory=frozenset)
    allocations: tuple[tuple[int, int, int], ...] = ()
    """(position in ``payments``, Month.index, fen) of every share set against a month."""
    leftovers: Mapping[int, tuple[int, int]] = field(default_factory=dict)
    """Position in ``payments`` → (prepaid fen, unallocated fen), for payments with a rest."""

    def member(self, member_id: str) -> FenMember:
        found = self.members.get(member_id)
        if found is None:
            return FenMember(member_id, _NOTHING, _NOTHING, _NOTHING, 0, 0)
        return found

    def arrears(
        self,
        member_id: str,
        as_of: date,
        *,
        excused: Collection[int] = (),
        quarterly: frozenset[int] = frozenset(),
    ) -> rules.Arrears:
        """第十三条 for one member, counting payments made by ``as_of`` (= ``Ledger.arrears``);
        ``excused`` and ``quarterly`` as there, as ``Month.index``."""
        member = self.member(member_id)
        current = Month.of(as_of).index
        first_paid = member.first_paid_on
        if all(month >= current or ((day := first_paid.get(month)) is not None and day <= as_of)
               for month, fen in member.due.items() if fen > 0):
            # Most members: every month due before this one was paid by ``as_of``, so none is
            # unpaid, by the quarter either (``arrears_by_index``): no arrears, quickly.
            return rules.arrears_by_index((), (), current)
        # Generators: each is read once, and ``zero`` only for a member with a month unpaid.
        due = (m for m, fen in member.due.items() if fen > 0)
        zero = (m for m, fen in member.due.items() if fen == 0 and m not in excused)
        paid = (m for m, day in member.first_paid_on.items() if day <= as_of)
        return rules.arrears_by_index(due, paid, current, zero=zero, quarterly=quarterly)

    def collected_in(self, first: Month, last: Month) -> Decimal:
        """Money received (by payment date) in months ``first``..``last``."""
        low, high = first.index, last.index
        return from_fen(sum(
            fen for _kind, _id, _member, paid_on, _months, fen, _voluntary in self.payments
            if low <= paid_on.year * 12 + paid_on.month - 1 <= high  # Month.of(paid_on).index
        ))

    @property
    def total_for_centre(self) -> Decimal:
        """第十一条 (``Ledger.total_for_centre``): the voluntary parts of the payments in force
        that are remitted wholly to the centre (1000 yuan or more in one payment)."""
        return from_fen(sum(
            payment[6] for payment in self.payments if goes_wholly_to_centre(payment)
        ))

    def reconcile(self, first: Month, last: Month) -> rules.Reconciliation:
        """``Ledger.reconcile``: collections in ``first``..``last`` against the remittances for
        periods lying in it; a remittance straddling the range is refused (ValueError)."""
        return rules.Reconciliation(first, last, self.collected_in(first, last),
                                    rules.remitted_in(self.remittances, first, last))


def goes_wholly_to_centre(payment: FenPayment) -> bool:
    """第十一条 (``dues.goes_wholly_to_centre``): the payment's voluntary part is remitted wholly
    to the centre."""
    voluntary_fen = payment[6]
    return voluntary_fen > 0 and rules.goes_wholly_to_centre(from_fen(voluntary_fen))


def fold(events: Iterable[FenEvent]) -> FenLedger:
    """Fold the events (in recorded order) as ``dues.fold`` does. Raises ValueError for the
    ledgers it refuses (a duplicate id, a reversal of a reversal)."""
    events = list(events)
    reversed_ids = _reversed(events)
    dues: list[tuple[str, int, int]] = []
    payments: list[FenPayment] = []
    remittances: list[FenRemittance] = []
    for event in events:
        if reversed_ids and event[1] in reversed_ids:
            continue
        if event[0] == "due":
            dues.append((event[2], event[3], event[4]))
        elif event[0] == "payment":
            payments.append(event)
        elif event[0] == "remittance":
            remittances.append(event)
    return fold_in_force(dues, payments, remittances, reversed_ids)


def fold_in_force(
    dues: Iterable[tuple[str, int, int]],
    payments: Iterable[FenPayment],
    remittances: Iterable[FenRemittance],
    reversed_ids: frozenset[str] = frozenset(),
) -> FenLedger:
    """``fold`` of the events in force, the reversals applied already (``reversed_ids``: the ids
    they reversed, kept in the result), each kind in recorded order: the amounts due as (member
    id, Month.index, fen), the payments and the remittances. For a reader that leaves the
    reversed events out of its query (``dues.fen_ledger``) instead of reading every id."""
    due: dict[str, dict[int, int]] = {}
    for member_id, month, fen in dues:
        months = due.get(member_id)
        if months is None:
            months = due[member_id] = {}
        months[month] = months.get(month, 0) + fen
    kept = tuple(payments)

    # Payments in recorded order: the voluntary part aside, the rest to the listed months, oldest
    # first, up to what each still owes; what is left is unallocated.
    paid: dict[str, dict[int, int]] = {}
    first_paid: dict[str, dict[int, date]] = {}
    voluntary: dict[str, int] = {}
    unallocated: dict[str, int] = {}
    prepaid: dict[str, int] = {}
    allocations: list[tuple[int, int, int]] = []
    leftovers: dict[int, tuple[int, int]] = {}
    set_against, allocate = rules.set_against, allocations.append
    for position, (_, _, member_id, paid_on, covered, fen, voluntary_fen) in enumerate(kept):
        if voluntary_fen:
            voluntary[member_id] = voluntary.get(member_id, 0) + voluntary_fen
        member_due = due.get(member_id, _NOTHING)
        member_paid = paid.get(member_id)
        if member_paid is None:
            member_paid = paid[member_id] = {}
            member_first_paid = first_paid[member_id] = {}
        else:
            member_first_paid = first_paid[member_id]
        left = fen - voluntary_fen
        if len(covered) == 1:  # most payments: set_against's rule for one month, inline
            month = covered[0]
            owed = member_due.get(month, 0) - member_paid.get(month, 0)
            share = (left if left < owed else owed) if owed > 0 else min(left, 0)
            left -= share
            if share > 0:
                member_paid[month] = member_paid.get(month, 0) + share
                allocate((position, month, share))
                earliest = member_first_paid.get(month)
                if earliest is None or paid_on < earliest:
                    member_first_paid[month] = paid_on
        else:
            shares, left = set_against(left, covered, member_due, member_paid)
            for month, share in shares:
                allocate((position, month, share))
                earliest = member_first_paid.get(month)
                if earliest is None or paid_on < earliest:
                    member_first_paid[month] = paid_on
        if left:
            ahead = rules.pays_ahead(covered, member_due)
            held = prepaid if ahead else unallocated
            held[member_id] = held.get(member_id, 0) + left
            leftovers[position] = (left, 0) if ahead else (0, left)

    members = {
        member_id: FenMember(
            member_id,
            due.get(member_id, {}),
            paid.get(member_id, {}),
            first_paid.get(member_id, {}),
            voluntary.get(member_id, 0),
            unallocated.get(member_id, 0),
            prepaid.get(member_id, 0),
        )
        for member_id in sorted(due.keys() | paid.keys())
    }
    return FenLedger(
        MappingProxyType(members),
        kept,
        tuple(
            rules.Remittance(event_id, remitted_on, Month.from_index(first), Month.from_index(last),
                             from_fen(fen), to_centre)
            for _kind, event_id, remitted_on, first, last, fen, to_centre in remittances
        ),
        reversed_ids,
        tuple(allocations),
        leftovers,
    )


@dataclass(frozen=True, slots=True)
class YearCollections:
    """Why the dues paid for a year's months (the annual ledger's 全年实交) differ from the money
    received in the year (the remittance record's 收缴合计), in fen. By construction
    ``collected == paid_for_year - received_before - received_after + back_payments +
    paid_ahead + voluntary + prepaid + unallocated`` (``balances``)."""

    year: int
    paid_for_year: int  # set against the year's months, whenever received
    received_before: int  # of it, received before the year (paid ahead then)
    received_after: int  # of it, received after the year (paid back later)
    back_payments: int  # received in the year, set against earlier years' months
    paid_ahead: int  # received in the year, set against later years' months
    voluntary: int  # received in the year, voluntary dues (第十一条)
    prepaid: int  # received in the year, held for months whose amounts are not recorded yet
    unallocated: int  # received in the year beyond what its months owe
    collected: int  # received in the year (by date paid)

    @property
    def balances(self) -> bool:
        return self.collected == (
            self.paid_for_year - self.received_before - self.received_after
            + self.back_payments + self.paid_ahead + self.voluntary + self.prepaid
            + self.unallocated
        )


def year_collections(ledger: FenLedger, year: int) -> YearCollections:
    """The dues paid for ``year``'s months set beside the money received in ``year``."""
    first, last = Month(year, 1).index, Month(year, 12).index
    payments = ledger.payments
    paid_for_year = before = after = back = ahead = 0
    for position, month, share in ledger.allocations:
        received = payments[position][3].year
        if first <= month <= last:
            paid_for_year += share
            if received < year:
                before += share
            elif received > year:
                after += share
        elif received == year:
            if month < first:
                back += share
            else:
                ahead += share
    voluntary = prepaid = unallocated = collected = 0
    for position, payment in enumerate(payments):
        if payment[3].year != year:
            continue
        collected += payment[5]
        voluntary += payment[6]
        rest = ledger.leftovers.get(position)
        if rest is not None:
            prepaid += rest[0]
            unallocated += rest[1]
    return YearCollections(year, paid_for_year, before, after, back, ahead, voluntary, prepaid,
                           unallocated, collected)


def _reversed(events: list[FenEvent]) -> frozenset[str]:
    """The ids reversed (the checks are ``dues.reversed_event_ids``)."""
    return rules.reversed_event_ids(
        (event[1], event[2] if event[0] == "reversal" else None) for event in events
    )


def fen_events(events: Iterable[rules.LedgerEvent]) -> Iterator[FenEvent]:
    """The domain events as this module's tuples (what the ledger's rows are read as)."""
    for event in events:
        if isinstance(event, rules.DueGenerated):
            yield ("due", event.event_id, event.member_id, event.month.index,
                   to_fen(event.amount))
        elif isinstance(event, rules.Payment):
            yield ("payment", event.event_id, event.member_id, event.paid_on,
                   tuple(m.index for m in event.months), to_fen(event.amount),
                   to_fen(event.voluntary))
        elif isinstance(event, rules.Reversal):
            yield ("reversal", event.event_id, event.of_event_id)
        else:
            yield ("remittance", event.event_id, event.remitted_on, event.first.index,
                   event.last.index, to_fen(event.amount), event.to_centre)
