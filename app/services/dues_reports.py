"""Party dues reports (报表): the monthly collection sheet, the annual ledger, the arrears list and
the remittance record, built from the ledger and written as xlsx by ``app.documents.dues_reports``.

Everything is derived from the append-only ledger, folded once per report: the collection sheet
from ``dues.ledger`` (it names payers and notes), the annual ledger, the arrears list and the
remittance record from ``dues.fen_ledger`` (the same fold in integer fen, for 10,000 members); the
amounts due are the recorded ones (``generate_month``), never recomputed. An export writes only
where the caller says and is recorded in the audit log with its path; the caller commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.documents import dues_reports as doc
from app.domain import dues as rules
from app.domain import dues_fen
from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.domain.money import from_fen
from app.domain.name_order import pinyin_key
from app.errors import FileAccessError
from app.services import branch, dues
from app.storage.models import MemberRow
from app.storage.unit_of_work import UnitOfWork

_RATE_RULES = (rules.DuesRule.IN_WORK_RATE, rules.DuesRule.RETIRED_RATE)


@dataclass(frozen=True)
class MonthExport:
    path: Path
    month: Month
    members: int
    due: Decimal
    paid: Decimal
    outstanding: Decimal


@dataclass(frozen=True)
class YearExport:
    path: Path
    year: int
    members: int
    arrears: int  # members on the arrears list
    remittances: int
    totals: doc.LedgerTotals


# ---------------------------------------------------------------- report inputs


People = dict[str, tuple[str, str]]
"""Member id → (name, category code): plain strings, which 10,000 of cost the garbage collector
nothing (``_category`` gives the category)."""
_CATEGORIES = {category.value: category for category in PersonCategory}
_NOBODY = ("", PersonCategory.OTHER.value)


def _people(uow: UnitOfWork) -> People:
    """Every member (also those who left: their dues stay in the ledger)."""
    query = select(MemberRow.id, MemberRow.name, MemberRow.category)
    return {
        member_id: (name, category)
        for member_id, name, category in uow.session.execute(query).tuples()
    }


def _category(code: str) -> PersonCategory:
    return _CATEGORIES[code]


def collection_lines(
    uow: UnitOfWork, month: Month, folded: rules.Ledger | None = None
) -> list[doc.CollectionLine]:
    """The 党费收缴登记表 of ``month``: every member with an amount recorded for the month (an
    exempt member too, with 0.00: the register lists everyone), by name, with the base and rate
    the amount came from, the latest payment date, who paid on the member's behalf and the
    payment notes. Due and paid agree with ``dues.month_sheet``."""
    folded = dues.ledger(uow) if folded is None else folded
    profiles = {p.member_id: p for p in dues.profiles_for(uow, month)}
    payments = {p.event_id: p for p in folded.payments}
    paid_on: dict[str, date] = {}
    payers: dict[str, list[str]] = {}
    notes: dict[str, list[str]] = {}
    for allocation in folded.allocations:
        if allocation.month != month:
            continue
        member_id = allocation.member_id
        paid_on[member_id] = max(paid_on.get(member_id, allocation.paid_on), allocation.paid_on)
        payment = payments[allocation.payment_id]
        if payment.payer and payment.payer not in payers.setdefault(member_id, []):
            payers[member_id].append(payment.payer)
        if payment.note and payment.note not in notes.setdefault(member_id, []):
            notes[member_id].append(payment.note)
    people = _people(uow)
    balances = [
        (people.get(member_id, _NOBODY), member_id, balance)
        for member_id, member in folded.members.items()
        if (balance := member.months.get(month)) is not None
    ]
    balances.sort(key=lambda item: (pinyin_key(item[0][0]), item[1]))
    lines = []
    for (name, code), member_id, balance in balances:
        category = _category(code)
        base = rate = None
        rule: rules.DuesRule | None = None
        profile = profiles.get(member_id)
        if profile is not None:
            try:
                computed = rules.due_for_month(profile, month)
            except ValueError:  # no base in force any more: show the recorded amount only
                computed = None
            if computed is not None:
                base, rule = computed.base, computed.rule
                rate = computed.rate if computed.rule in _RATE_RULES else None
        lines.append(doc.CollectionLine(
            name=name, category=category, due=balance.due, paid=balance.paid, base=base,
            rate=rate, rule=rule, paid_on=paid_on.get(member_id),
            paid_by="、".join(payers.get(member_id, ())),
            note="；".join(notes.get(member_id, ())),
        ))
    return lines


def ledger_members(
    uow: UnitOfWork, year: int, folded: dues_fen.FenLedger | None = None,
    people: People | None = None,
) -> Iterator[doc.LedgerMember]:
    """The annual ledger's rows: every member with something due or paid in ``year``, by name.
    (``folded`` and ``people``: what the caller has read already.) The database is read now;
    the rows are made one by one as the workbook takes them."""
    folded = dues.fen_ledger(uow) if folded is None else folded
    people = _people(uow) if people is None else people
    months = [Month(year, m).index for m in range(1, 13)]
    order = sorted(  # paid months are months with an amount due
        (
            (people.get(member_id, _NOBODY)[0], member_id)
            for member_id, member in folded.members.items()
            if any(m in member.due for m in months)
        ),
        key=lambda item: (pinyin_key(item[0]), item[1]),
    )
    return _ledger_rows(order, folded, people, months)


def _ledger_rows(
    order: list[tuple[str, str]], folded: dues_fen.FenLedger, people: People, months: list[int]
) -> Iterator[doc.LedgerMember]:
    money = _Money()
    for name, member_id in order:
        member = folded.members[member_id]
        due, paid = member.due, member.paid
        amounts_of: dict[tuple[int, int], doc.MonthAmounts] = {}  # a member's months repeat
        amounts: list[doc.MonthAmounts | None] = []
        for month in months:
            due_fen = due.get(month)
            if due_fen is None:
                amounts.append(None)
                continue
            pair = (due_fen, paid.get(month, 0))
            month_amounts = amounts_of.get(pair)
            if month_amounts is None:
                month_amounts = amounts_of[pair] = doc.MonthAmounts(money(pair[0]),
                                                                    money(pair[1]))
            amounts.append(month_amounts)
        category = _category(people.get(member_id, _NOBODY)[1])
        yield doc.LedgerMember(name, category, tuple(amounts))


def arrears_lines(
    uow: UnitOfWork, as_of: date, folded: dues_fen.FenLedger | None = None,
    people: People | None = None,
) -> list[doc.ArrearsLine]:
    """第十三条: the members of ``dues.arrears_list`` with their category and unpaid amount."""
    folded = dues.fen_ledger(uow) if folded is None else folded
    people = _people(uow) if people is None else people
    lines = []
    for entry in dues.arrears_list(uow, as_of, folded):
        owed = entry.arrears
        due = folded.member(entry.member_id).due
        unpaid_fen = sum(due[m.index] for m in owed.unpaid)
        lines.append(doc.ArrearsLine(
            name=entry.name, category=_category(people[entry.member_id][1]),
            consecutive_months=owed.consecutive_months, first=owed.longest_run[0],
            last=owed.longest_run[-1], unpaid_months=len(owed.unpaid),
            outstanding=from_fen(unpaid_fen), level=owed.level, bridged=owed.bridged,
            exempt=entry.exempt, by_quarter=owed.by_quarter,
        ))
    return lines


def remittance_report(
    uow: UnitOfWork, year: int, folded: dues_fen.FenLedger | None = None
) -> doc.RemittanceReport:
    """Remittances whose period lies in ``year`` (or overlaps it), money received in each month
    (by payment date) and the reconciliation of the year (None if a remittance straddles it)."""
    folded = dues.fen_ledger(uow) if folded is None else folded
    first, last = Month(year, 1), Month(year, 12)
    lines = tuple(
        doc.RemittanceLine(r.remitted_on, r.first, r.last, r.amount, r.to_centre)
        for r in sorted(folded.remittances, key=lambda r: (r.remitted_on, r.first))
        if not (r.last < first or last < r.first)
    )
    collected = [0] * 12
    for_centre = 0
    for payment in folded.payments:
        _kind, _id, _member, paid_on, _months, fen, voluntary_fen = payment
        if paid_on.year != year:
            continue
        collected[paid_on.month - 1] += fen
        if dues_fen.goes_wholly_to_centre(payment):  # 第十一条
            for_centre += voluntary_fen
    try:
        reconciliation: rules.Reconciliation | None = folded.reconcile(first, last)
    except ValueError:  # a remittance for December and January: no year-end reconciliation
        reconciliation = None
    bridge = dues_fen.year_collections(folded, year)
    return doc.RemittanceReport(
        year, lines, tuple(map(from_fen, collected)), reconciliation, from_fen(for_centre),
        doc.CollectionBridge(tuple(map(from_fen, (
            bridge.paid_for_year, bridge.received_before, bridge.received_after,
            bridge.back_payments, bridge.paid_ahead, bridge.voluntary, bridge.prepaid,
            bridge.unallocated,
        ))), from_fen(bridge.collected)),
    )


class _Money:
    """Fen to yuan, each distinct amount converted once (a ledger repeats the same few)."""

    def __init__(self) -> None:
        self._known: dict[int, Decimal] = {}

    def __call__(self, fen: int) -> Decimal:
        value = self._known.get(fen)
        if value is None:
            value = self._known[fen] = from_fen(fen)
        return value


def year_end_as_of(year: int, today: date) -> date:
    """The date the arrears of a year's report are counted at: the first day after the year
    (all 12 months over), or today for the current year."""
    return min(today, date(year + 1, 1, 1))


# ---------------------------------------------------------------- exports


def _heading(uow: UnitOfWork, today: date) -> doc.Heading:
    return doc.Heading(branch.load_profile(uow).name, today)


def export_month_sheet(uow: UnitOfWork, month: Month, path: Path, today: date) -> MonthExport:
    """Write the 党费收缴登记表 of ``month`` to ``path``; audited (the caller commits).
    Raises FileAccessError."""
    path = Path(path)
    lines = collection_lines(uow, month)
    try:
        due, paid, outstanding = doc.write_collection_sheet(
            path, _heading(uow, today), month, lines
        )
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("dues.export", "dues", str(month), {
        "report": "collection_sheet", "path": str(path), "members": len(lines),
    })
    return MonthExport(path, month, len(lines), due, paid, outstanding)


def export_year(uow: UnitOfWork, year: int, path: Path, today: date) -> YearExport:
    """Write the annual ledger of ``year`` with the arrears list and the remittance record to
    ``path`` (one workbook, three sheets); audited (the caller commits). Raises FileAccessError.
    """
    path = Path(path)
    folded = dues.fen_ledger(uow)
    people = _people(uow)
    members = ledger_members(uow, year, folded, people)
    as_of = year_end_as_of(year, today)
    arrears = arrears_lines(uow, as_of, folded, people)
    remittances = remittance_report(uow, year, folded)
    try:
        totals = doc.write_year_workbook(
            path, _heading(uow, today), year, members, as_of, arrears, remittances
        )
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("dues.export", "dues", str(year), {
        "report": "annual_ledger", "path": str(path), "members": totals.members,
    })
    return YearExport(path, year, totals.members, len(arrears), len(remittances.lines), totals)
