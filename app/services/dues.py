"""Party dues (党费): bases, monthly amounts due, payments, reversals, remittances, ledger.

The ledger is append-only (``dues_event``); balances and arrears are folded from it by
``app.domain.dues.fold``, never typed in. Money is Decimal here and integer fen in the database.
Every write runs in the caller's unit of work with its audit entry and sync-outbox ops.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any, TypeVar, cast

from sqlalchemy import Table, func, or_, select

from app.domain import dues as rules
from app.domain import dues_fen
from app.domain import transfers as transfer_rules
from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.dues import (
    ArrearsLevel,
    BaseChange,
    DuesProfile,
    DuesSettings,
    HardshipRelief,
    PaymentFlag,
    PaymentMethod,
    PersonCategory,
    category_for_month,
)
from app.domain.dues_bases import BaseCheckSettings
from app.domain.members import Classification, MembershipStatus
from app.domain.money import from_fen, to_fen
from app.domain.name_order import pinyin_key
from app.errors import FieldProblem, InvalidInputError, RecordNotFoundError
from app.services import transfer_settings
from app.services.dues_terms import (
    categories_by_member,
    dues_settings,
    excused_months,
    quarterly_by_member,
    relief_of,
)
from app.storage.bulk import insert_rows, read_rows
from app.storage.ids import natural_id, utc_iso, uuid7
from app.storage.models import (
    DuesBaseRow,
    DuesEventRow,
    DuesReliefRow,
    MemberRow,
    Setting,
)
from app.storage.unit_of_work import UnitOfWork

PAYING_STAGES = (Stage.PROBATIONARY.value, Stage.FULL.value)
T = TypeVar("T")


@dataclass(frozen=True)
class GenerationResult:
    """What ``generate_month`` did: amounts recorded, members already done, members lacking a
    base (nothing recorded for them: the secretary enters the base first)."""

    month: Month
    created: int
    total: Decimal
    already_generated: int
    missing_base: tuple[str, ...] = field(default_factory=tuple)  # member ids


@dataclass(frozen=True)
class PaymentReceipt:
    event_id: str
    flags: frozenset[PaymentFlag]


@dataclass(frozen=True)
class ArrearsEntry:
    """A member on the arrears list; ``exempt``: the months exempted under 第七条 since the
    first unpaid month (they end a run, ``rules.arrears``), shown beside the run."""

    member_id: str
    name: str
    arrears: rules.Arrears
    exempt: tuple[Month, ...] = ()


@dataclass(frozen=True)
class RemittanceSummary:
    """上缴记录 of a year: every remittance recorded (the latest first), what was collected in
    the year (by date paid) and its reconciliation against the remittances for the year (None
    when a remittance spans two years), and the share of all collections for the centre."""

    year: int
    remittances: tuple[rules.Remittance, ...]
    collected: Decimal
    reconciliation: rules.Reconciliation | None
    for_centre: Decimal


@dataclass(frozen=True)
class BaseLine:
    """One line of the yearly 核定 screen: last year's base and the base in force now."""

    member_id: str
    name: str
    category: PersonCategory
    previous: Decimal | None
    current: Decimal | None


# ---------------------------------------------------------------- bases and reliefs


def set_base(uow: UnitOfWork, member_id: str, effective: Month, base: Decimal) -> None:
    """第十条: the member's base from ``effective`` (a second entry for that month corrects it)."""
    set_bases(uow, effective, {member_id: base})


def set_bases(uow: UnitOfWork, effective: Month, bases: Mapping[str, Decimal]) -> None:
    """``set_base`` for many members at once (the yearly 核定): one statement for the new rows,
    one for their audit entries, one for their outbox ops. Nothing is written when a member is
    unknown (RecordNotFoundError) or a base is not an amount (InvalidInputError)."""
    _require_members(uow, bases)
    fens: dict[str, int] = {}
    for member_id, base in bases.items():
        try:
            BaseChange(effective, base)
            fens[member_id] = to_fen(base)
        except (TypeError, ValueError) as error:
            raise InvalidInputError([FieldProblem("base", "not_an_amount")]) from error
    code = str(effective)
    existing = {
        row.member_id: row
        for chunk in _chunks(list(fens))
        for row in uow.session.scalars(select(DuesBaseRow).where(
            DuesBaseRow.effective_month == code, DuesBaseRow.member_id.in_(chunk)
        ))
    }
    now = utc_iso()
    new_rows: list[dict[str, Any]] = []
    ops: list[tuple[str, str, dict[str, Any], int]] = []
    for member_id, fen in fens.items():
        row = existing.get(member_id)
        if row is None:
            row_id, version = natural_id("dues_base", member_id, code), 0
            new_rows.append({"id": row_id, "member_id": member_id, "effective_month": code,
                             "base_fen": fen, "created_at": now, "updated_at": now})
        else:
            row.base_fen = fen
            row_id, version = row.id, row.server_version
        ops.append(("dues_base", row_id, {
            "member_id": member_id, "effective_month": code, "base_fen": fen,
        }, version))
    uow.session.flush()
    insert_rows(uow.session.connection(), cast(Table, DuesBaseRow.__table__), new_rows)
    uow.audit_many([("dues.base", "member", m, {"month": code}) for m in fens])
    uow.outbox_many(ops)


def base_lines(uow: UnitOfWork, year: int) -> list[BaseLine]:
    """The 核定 screen: every paying member with last year's base and this year's."""
    bases = _bases_by_member(uow)
    lines = []
    for row in uow.session.scalars(_paying_members().order_by(MemberRow.sort_key)):
        changes = bases.get(row.id, ())
        lines.append(BaseLine(
            member_id=row.id, name=row.name, category=PersonCategory(row.category),
            previous=rules.base_for_month(changes, Month(year - 1, 12)),
            current=rules.base_for_month(changes, Month(year, 12)),
        ))
    return lines


_BASE_CHECK_KEYS = {
    "wage_minimum": "dues.base_check.wage_minimum",
    "maximum": "dues.base_check.maximum",
    "change_share": "dues.base_check.change_share",
}


def base_check_settings(uow: UnitOfWork) -> BaseCheckSettings:
    """The local thresholds of the bases' plausibility check (``app.domain.dues_bases``)."""
    values = dict(uow.session.execute(
        select(Setting.key, Setting.value).where(Setting.key.in_(_BASE_CHECK_KEYS.values()))
    ).tuples().all())
    found = {name: Decimal(values[key]) for name, key in _BASE_CHECK_KEYS.items()
             if values.get(key)}
    try:
        return BaseCheckSettings(**found)
    except ValueError:  # inconsistent values stored: the defaults
        return BaseCheckSettings()


def save_base_check_settings(uow: UnitOfWork, settings: BaseCheckSettings) -> None:
    """Keep the thresholds (a local setting: not synced); audited."""
    for name, key in _BASE_CHECK_KEYS.items():
        uow.session.merge(Setting(key=key, value=str(getattr(settings, name))))
    uow.audit("preferences.update", "settings", "dues.base_check")


def add_relief(
    uow: UnitOfWork, member_id: str, relief: HardshipRelief,
    classification: Classification = Classification.INTERNAL,
) -> str:
    """第七条: record an approved reduction or exemption (refused if it overlaps another one);
    a relief of a 秘密 member is 秘密 whatever its own ``classification``."""
    member = _member(uow, member_id)
    existing = _reliefs_by_member(uow).get(member_id, ())
    try:
        DuesProfile(member_id, PersonCategory(member.category), reliefs=(*existing, relief))
    except ValueError as error:
        raise InvalidInputError([FieldProblem("valid_from", "overlaps_relief")]) from error
    row = DuesReliefRow(
        id=uow.new_id(), member_id=member_id, kind=relief.kind.value,
        approved_by=relief.approved_by.strip(), approved_on=relief.approved_on,
        valid_from=str(relief.valid_from), valid_until=str(relief.valid_until),
        reduced_fen=to_fen(relief.reduced_amount) if relief.reduced_amount is not None else None,
        classification=classification.value,
    )
    uow.session.add(row)
    uow.session.flush()
    uow.audit("dues.relief", "member", member_id, {"kind": relief.kind.value})
    uow.outbox("dues_relief", row.id, {
        "member_id": member_id, "kind": row.kind, "approved_by": row.approved_by,
        "approved_on": row.approved_on.isoformat(), "valid_from": row.valid_from,
        "valid_until": row.valid_until, "reduced_fen": row.reduced_fen,
        "classification": classification.value,
    })
    return row.id


# ---------------------------------------------------------------- the monthly amounts


def generate_month(
    uow: UnitOfWork, month: Month, settings: DuesSettings | None = None,
    only: Collection[str] | None = None,
) -> GenerationResult:
    """Record the amount due of every paying member for ``month`` (idempotent: members whose
    month is already recorded are skipped). One audit entry for the whole run; one outbox op per
    amount (the platform needs each). ``settings``: the branch's (``dues_settings``) unless
    given: the rounding and the fixed amounts of 第六条. ``only``: these members alone (an
    amount worked out again after its reversal, ``dues_recheck``).

    An amount due is identified by member and month (``natural_id``), so the same month generated
    on two PCs is one record after syncing; one generated again after its first was reversed is
    the month's next ``generation``."""
    done = set(uow.session.scalars(
        select(DuesEventRow.member_id).where(
            DuesEventRow.kind == "due", DuesEventRow.month == str(month),
            DuesEventRow.id.not_in(reversed_ids()),
        )
    ))
    generations: dict[str | None, int] = dict(uow.session.execute(  # reversed amounts of the month
        select(DuesEventRow.member_id, func.count()).where(
            DuesEventRow.kind == "due", DuesEventRow.month == str(month)
        ).group_by(DuesEventRow.member_id)
    ).tuples().all())
    settings = dues_settings(uow) if settings is None else settings
    profiles = profiles_for(uow, month)
    events: list[dict[str, Any]] = []
    missing: list[str] = []
    now = utc_iso()
    code = str(month)
    for profile in profiles:
        if profile.member_id in done or (only is not None and profile.member_id not in only):
            continue
        try:
            due = rules.due_for_month(profile, month, settings)
        except ValueError:
            missing.append(profile.member_id)
            continue
        if due is None:
            continue
        generation = generations.get(profile.member_id, 0)
        key = (profile.member_id, code, *((str(generation),) if generation else ()))
        events.append({
            "id": natural_id("dues_event", "due", *key), "kind": "due",
            "member_id": profile.member_id, "month": code, "months": "[]",
            "amount_fen": to_fen(due.amount), "created_at": now, "generation": generation,
        })
    if events:
        generated = [e.pop("generation") for e in events]
        insert_rows(uow.session.connection(), cast(Table, DuesEventRow.__table__), events)
        uow.outbox_many([
            ("dues_event", e["id"], {"kind": "due", "member_id": e["member_id"],
                                     "month": e["month"], "amount_fen": e["amount_fen"],
                                     **({"generation": g} if g else {})}, 0)
            for e, g in zip(events, generated, strict=True)
        ])
    total = from_fen(sum(e["amount_fen"] for e in events))
    uow.audit("dues.generate", "dues", str(month), {"count": len(events), "fen": to_fen(total)})
    return GenerationResult(month, len(events), total, len(done), tuple(missing))


def profiles_for(uow: UnitOfWork, month: Month) -> list[DuesProfile]:
    """The dues profile of every member who may owe for ``month``, with the category changes,
    bases and reliefs of every month (each month's amount uses those in force in it)."""
    bases = _bases_by_member(uow)
    reliefs = _reliefs_by_member(uow)
    categories = categories_by_member(uow)
    profiles = []
    rule = transfer_settings.load(uow).dues_start
    query = select(
        MemberRow.id, MemberRow.category, MemberRow.admission_date, MemberRow.left_date,
        MemberRow.transfer_in_on, MemberRow.transfer_in_paid_until, MemberRow.transfer_paid_until,
    ).where(
        MemberRow.stage.in_(PAYING_STAGES),
        or_(MemberRow.status == MembershipStatus.ACTIVE.value,
            MemberRow.left_date >= month.first_day,
            MemberRow.transfer_paid_until >= str(month)),
    )
    months: dict[date, Month] = {}

    def month_of(day: date | None) -> Month | None:
        if day is None:
            return None
        found = months.get(day)
        if found is None:
            found = months[day] = Month.of(day)
        return found

    # Only the columns the rules need, through Core: a month for 10,000 members must take < 1 s.
    # Built without re-running DuesProfile's checks: bases are unique per month (a unique
    # constraint) and reliefs cannot overlap (``add_relief`` refuses it).
    for (member_id, category, admitted, left, transfer_in_on, paid_in,
         paid_out) in uow.session.connection().execute(query):
        owes_from, owes_until = month_of(admitted), month_of(left)  # 第八条
        if transfer_in_on is not None or paid_out:  # 组通字〔2006〕45号: 党费已交到
            owes_from, owes_until = transfer_rules.dues_window(
                owes_from, transfer_in_on, transfer_rules.month_or_none(paid_in), owes_until,
                transfer_rules.month_or_none(paid_out), rule)
        profiles.append(_trusted(
            DuesProfile, member_id=member_id, category=PersonCategory(category),
            bases=bases.get(member_id, ()),
            owes_from=owes_from,
            owes_until=owes_until,
            reliefs=reliefs.get(member_id, ()),
            farmer_amount=None,
            categories=categories.get(member_id, ()),
        ))
    return profiles


# ---------------------------------------------------------------- payments and corrections


def months_to_prepay(
    uow: UnitOfWork, month: Month, excess: dict[str, Decimal],
    settings: DuesSettings | None = None,
) -> dict[str, tuple[Month, ...]]:
    """The months after ``month`` that each member's ``excess`` (paid beyond what ``month``
    owes) pays ahead for (``rules.months_to_prepay``); none for a member who will not owe."""
    if not excess:
        return {}
    settings = dues_settings(uow) if settings is None else settings
    profiles = {p.member_id: p for p in profiles_for(uow, month + 1) if p.member_id in excess}
    return {
        member_id: rules.months_to_prepay(profiles[member_id], month, amount, settings)
        if member_id in profiles else ()
        for member_id, amount in excess.items()
    }


@dataclass(frozen=True)
class NewPayment:
    """One payment for ``record_payments`` (the arguments of ``record_payment``)."""

    member_id: str
    paid_on: date
    months: tuple[Month, ...]
    amount: Decimal
    voluntary: Decimal = Decimal(0)
    payer: str = ""
    method: PaymentMethod = PaymentMethod.CASH
    receipt_no: str = ""
    note: str = ""


def record_payment(
    uow: UnitOfWork,
    member_id: str,
    paid_on: date,
    months: Sequence[Month],
    amount: Decimal,
    voluntary: Decimal = Decimal(0),
    payer: str = "",
    method: PaymentMethod = PaymentMethod.CASH,
    receipt_no: str = "",
    note: str = "",
) -> PaymentReceipt:
    """Money received from (or on behalf of) a member for ``months``; flags what the secretary
    must know (第十一条 remit to the centre, 第十二条 back payment, paid by someone else)."""
    payment = NewPayment(member_id, paid_on, tuple(months), amount, voluntary, payer, method,
                         receipt_no, note)
    return record_payments(uow, [payment])[0]


def record_payments(uow: UnitOfWork, payments: Sequence[NewPayment]) -> list[PaymentReceipt]:
    """``record_payment`` for many payments at once (the same checks, rows, audit entries and
    outbox ops, one statement each). Nothing is written when one of them is refused."""
    _require_members(uow, {p.member_id for p in payments})
    now = utc_iso()
    rows: list[dict[str, Any]] = []
    audits: list[tuple[str, str, str, dict[str, Any]]] = []
    ops: list[tuple[str, str, dict[str, Any], int]] = []
    receipts: list[PaymentReceipt] = []
    for item in payments:
        event_id = uuid7()
        payer, receipt_no, note = item.payer.strip(), item.receipt_no.strip(), item.note.strip()
        try:
            payment = rules.Payment(
                event_id=event_id, member_id=item.member_id, paid_on=item.paid_on,
                months=item.months, amount=item.amount, voluntary=item.voluntary,
                payer=payer or None, method=item.method, receipt_no=receipt_no or None,
                note=note or None,
            )
        except (TypeError, ValueError) as error:
            raise InvalidInputError([FieldProblem("amount", "not_an_amount")]) from error
        problems = rules.payment_problems(payment)
        if problems:
            raise InvalidInputError([FieldProblem("note", p.value) for p in problems])
        month_codes = [str(m) for m in sorted(payment.months)]
        row = {
            "id": event_id, "kind": "payment", "member_id": item.member_id,
            "months": json.dumps(month_codes), "amount_fen": to_fen(item.amount),
            "voluntary_fen": to_fen(item.voluntary), "on_date": item.paid_on, "payer": payer,
            "method": item.method.value, "receipt_no": receipt_no, "note": note,
            "created_at": now,
        }
        rows.append(row)
        flags = rules.payment_flags(payment)
        audits.append(("dues.payment", "member", item.member_id,
                       {"flags": sorted(f.value for f in flags)}))
        ops.append(("dues_event", event_id, {
            "kind": "payment", "member_id": item.member_id, "months": month_codes,
            "amount_fen": row["amount_fen"], "voluntary_fen": row["voluntary_fen"],
            "on_date": item.paid_on.isoformat(), "payer": payer, "method": row["method"],
            "receipt_no": receipt_no, "note": note,
        }, 0))
        receipts.append(PaymentReceipt(event_id, flags))
    uow.session.flush()  # the ledger's order (seq) follows the order of recording
    insert_rows(uow.session.connection(), cast(Table, DuesEventRow.__table__), rows)
    uow.audit_many(audits)
    uow.outbox_many(ops)
    return receipts


def reverse(uow: UnitOfWork, event_id: str, on: date, reason: str) -> str:
    """Cancel an earlier ledger event (the event stays; the reversal is a new event)."""
    target = uow.session.scalar(select(DuesEventRow).where(DuesEventRow.id == event_id))
    if target is None:
        raise RecordNotFoundError("dues_event", event_id)
    problems = []
    if target.kind == "reversal":
        problems.append(FieldProblem("event", "cannot_reverse_a_reversal"))
    if uow.session.scalar(select(DuesEventRow.id).where(DuesEventRow.reverses_id == event_id)):
        problems.append(FieldProblem("event", "already_reversed"))
    if not reason.strip():
        problems.append(FieldProblem("reason", "required"))
    if problems:
        raise InvalidInputError(problems)
    reversal_id = natural_id("dues_event", "reversal", event_id)  # one per event, on every PC
    uow.session.add(DuesEventRow(
        id=reversal_id, kind="reversal", member_id=target.member_id, on_date=on,
        reverses_id=event_id, note=reason.strip(), created_at=utc_iso(),
    ))
    uow.session.flush()
    uow.audit("dues.reverse", "dues_event", event_id)
    # The member goes along: other PCs store the reversal as written here (and a 秘密 check
    # or a member's ledger needs no lookup of the reversed event).
    uow.outbox("dues_event", reversal_id, {
        "kind": "reversal", "reverses_id": event_id, "member_id": target.member_id,
        "on_date": on.isoformat(), "note": reason.strip(),
    })
    return reversal_id


def record_remittance(
    uow: UnitOfWork, remitted_on: date, first: Month, last: Month, amount: Decimal,
    to_centre: bool = False,
) -> str:
    """Dues handed to the higher committee for the collections of ``first``..``last``."""
    event_id = uuid7()
    try:
        rules.Remittance(event_id, remitted_on, first, last, amount, to_centre)
    except (TypeError, ValueError) as error:
        raise InvalidInputError([FieldProblem("amount", "not_an_amount")]) from error
    uow.session.add(DuesEventRow(
        id=event_id, kind="remittance", on_date=remitted_on, first_month=str(first),
        last_month=str(last), amount_fen=to_fen(amount), to_centre=to_centre,
        created_at=utc_iso(),
    ))
    uow.session.flush()
    uow.audit("dues.remit", "dues", f"{first}..{last}")
    uow.outbox("dues_event", event_id, {
        "kind": "remittance", "on_date": remitted_on.isoformat(), "first_month": str(first),
        "last_month": str(last), "amount_fen": to_fen(amount), "to_centre": to_centre,
    })
    return event_id


# ---------------------------------------------------------------- the ledger


def ledger(uow: UnitOfWork) -> rules.Ledger:
    """The whole ledger folded from its events (balances, totals, reconciliation).

    A large branch has hundreds of thousands of events, so they are read as plain tuples and the
    amounts due and payments are rebuilt without re-running their validation: every event was
    validated when it was recorded, and the triggers keep the ledger from being changed since.
    """
    table = cast(Table, DuesEventRow.__table__)
    c = table.c
    query = select(
        c.id, c.kind, c.member_id, c.month, c.months, c.amount_fen, c.voluntary_fen, c.on_date,
        c.payer, c.method, c.receipt_no, c.note, c.reverses_id, c.first_month, c.last_month,
        c.to_centre,
    ).order_by(c.seq)
    amounts: dict[int, Decimal] = {}

    def money(fen: int) -> Decimal:
        value = amounts.get(fen)
        if value is None:
            value = amounts[fen] = from_fen(fen)
        return value

    def events() -> Iterator[rules.LedgerEvent]:
        for (event_id, kind, member_id, month, months, amount_fen, voluntary_fen, on_date, payer,
             method, receipt_no, note, reverses_id, first_month, last_month,
             to_centre) in uow.session.connection().execute(query):
            if kind == "due":
                yield _trusted(rules.DueGenerated, event_id=event_id, member_id=member_id,
                               month=_month(month), amount=money(amount_fen))
            elif kind == "payment":
                yield _trusted(
                    rules.Payment, event_id=event_id, member_id=member_id, paid_on=on_date,
                    months=_months(months), amount=money(amount_fen),
                    voluntary=money(voluntary_fen),
                    payer=payer or None, method=PaymentMethod(method),
                    receipt_no=receipt_no or None, note=note or None,
                )
            elif kind == "reversal":
                yield rules.Reversal(event_id, _need(reverses_id), _need(on_date), note)
            else:
                yield rules.Remittance(event_id, _need(on_date), _month(_need(first_month)),
                                       _month(_need(last_month)), money(amount_fen),
                                       bool(to_centre))

    return rules.fold(events())


def checked_reversals(uow: UnitOfWork) -> frozenset[str]:
    """The ids of the events reversed, checked by the fold's rule (``dues.reversed_event_ids``:
    a reversal of a reversal is refused, ValueError)."""
    c = cast(Table, DuesEventRow.__table__).c
    connection = uow.session.connection()
    reversals = read_rows(connection, select(c.id, c.reverses_id).where(c.kind == "reversal"))
    targets = read_rows(connection, select(c.id, c.kind).where(c.id.in_(reversed_ids())))
    return rules.reversed_event_ids([
        *reversals, *((event_id, None) for event_id, kind in targets if kind != "reversal")])


def fen_ledger(uow: UnitOfWork, members: Any = None) -> dues_fen.FenLedger:
    """The whole ledger folded in integer fen (``app.domain.dues_fen``): balances, the earliest
    payment of each month, payments and remittances — what the annual ledger, the arrears list
    and the remittance record need, several times faster than ``ledger`` for a large branch.

    The reversals are read first (a few) and checked by the fold's rule
    (``dues.reversed_event_ids``: a reversal of a reversal is refused; the ids are the table's
    key, never twice); the events they reverse are left out by the queries, so only the columns
    each kind needs are read, as the driver's tuples (``read_rows``), in recorded order. Months
    become ``Month.index`` and dates ``date``s through caches (few distinct codes, month lists
    and days among hundreds of thousands of events).

    ``members`` (a query of member ids) folds only those members' dues and payments (each
    member's months depend on their own events alone), without the remittances
    (``app.services.dues_folds``); the reversals are all read and checked all the same.
    """
    c = cast(Table, DuesEventRow.__table__).c
    connection = uow.session.connection()
    reversed_event_ids = checked_reversals(uow)
    in_force = c.id.not_in(reversed_ids())
    index, indexes = _month_index, _month_indexes
    days: dict[str, date] = {}  # a few hundred distinct dates

    def day(text: str) -> date:
        found = days.get(text)
        if found is None:
            found = days[text] = date.fromisoformat(text)
        return found

    def of_kind(kind: str, *columns: Any) -> list[tuple[Any, ...]]:
        query = select(*columns).where(c.kind == kind, in_force)
        if members is not None:
            query = query.where(c.member_id.in_(members))
        return read_rows(connection, query.order_by(c.seq))

    dues = of_kind("due", c.member_id, c.month, c.amount_fen)
    payments = of_kind("payment", c.id, c.member_id, c.on_date, c.months, c.amount_fen,
                       c.voluntary_fen)
    remittances = [] if members is not None else of_kind(
        "remittance", c.id, c.on_date, c.first_month, c.last_month, c.amount_fen, c.to_centre)
    return dues_fen.fold_in_force(
        ((member_id, index(month), fen) for member_id, month, fen in dues),
        (("payment", event_id, member_id, day(on_date), indexes(months), fen, voluntary_fen)
         for event_id, member_id, on_date, months, fen, voluntary_fen in payments),
        (("remittance", event_id, day(on_date), index(first), index(last), fen,
          bool(to_centre))
         for event_id, on_date, first, last, fen, to_centre in remittances),
        reversed_event_ids,
    )


E = TypeVar("E")


def _trusted(cls: type[E], **values: Any) -> E:
    """An event rebuilt from the ledger without its constructor's checks (see ``ledger``)."""
    event = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(event, name, value)
    return event


def arrears_list(
    uow: UnitOfWork, as_of: date, folded: dues_fen.FenLedger | None = None
) -> list[ArrearsEntry]:
    """第十三条: members with 3 or more consecutive unpaid months, the longest first.

    ``folded`` reuses a ledger the caller already folded (a report of 10,000 members). Months
    exempted under 第七条 end a run, other 0.00 months are bridged, and the months of a quarterly
    payer (第十二条) count by the quarter (``rules.arrears``).
    """
    folded = fen_ledger(uow) if folded is None else folded
    names = dict(uow.session.execute(
        select(MemberRow.id, MemberRow.name).where(
            MemberRow.status == MembershipStatus.ACTIVE.value
        )
    ).tuples().all())
    reliefs = _reliefs_by_member(uow)
    quarterly = quarterly_by_member(uow)
    entries = []
    for member_id, member in folded.members.items():
        if member_id not in names:
            continue
        excused = excused_months(reliefs.get(member_id, ()))
        owed = folded.arrears(
            member_id, as_of, excused=excused,
            quarterly=rules.quarterly_months(quarterly.get(member_id, ()), member.due),
        )
        if owed.level is not ArrearsLevel.NONE:
            first = owed.unpaid[0].index
            exempt = tuple(Month.from_index(m) for m in sorted(excused)
                           if first <= m < Month.of(as_of).index)
            entries.append(ArrearsEntry(member_id, names[member_id], owed, exempt))
    return sorted(entries, key=lambda e: (-e.arrears.consecutive_months, pinyin_key(e.name)))


def remittance_summary(
    uow: UnitOfWork, year: int, folded: dues_fen.FenLedger | None = None
) -> RemittanceSummary:
    """Collections and remittances of ``year`` (the 上缴记录 tab), from the fen fold."""
    folded = fen_ledger(uow) if folded is None else folded
    first, last = Month(year, 1), Month(year, 12)
    try:
        reconciliation: rules.Reconciliation | None = folded.reconcile(first, last)
    except ValueError:  # a remittance for December and January
        reconciliation = None
    return RemittanceSummary(
        year,
        tuple(sorted(folded.remittances, key=lambda r: (r.remitted_on, r.first), reverse=True)),
        folded.collected_in(first, last) if reconciliation is None else reconciliation.collected,
        reconciliation,
        folded.total_for_centre,
    )


@dataclass(frozen=True)
class MonthLine:
    """One member in the monthly entry screen: due, paid so far, still owed."""

    member_id: str
    name: str
    category: PersonCategory
    due: Decimal
    paid: Decimal

    @property
    def outstanding(self) -> Decimal:
        return max(self.due - self.paid, Decimal(0))


def month_sheet(uow: UnitOfWork, month: Month) -> list[MonthLine]:
    """Every member with an amount due for ``month``, with what has been set against it.

    Folds only the events that can touch the month: its amounts due, the payments naming it,
    the other months those payments cover (a payment is set against its months oldest first),
    and reversals of any of them.
    """
    code = str(month)
    payments = list(uow.session.scalars(
        select(DuesEventRow)
        .where(DuesEventRow.kind == "payment", DuesEventRow.months.like(f'%"{code}"%'))
    ))
    covered = {code} | {m for p in payments for m in json.loads(p.months)}
    payers = {p.member_id for p in payments}
    dues = list(uow.session.scalars(
        select(DuesEventRow).where(
            DuesEventRow.kind == "due",
            or_(DuesEventRow.month == code,
                DuesEventRow.month.in_(covered) & DuesEventRow.member_id.in_(payers)),
        )
    ))
    involved = [*dues, *payments]
    reversals = list(uow.session.scalars(
        select(DuesEventRow).where(
            DuesEventRow.kind == "reversal",
            DuesEventRow.reverses_id.in_([e.id for e in involved]),
        )
    ))
    events = sorted([*involved, *reversals], key=lambda e: e.seq)
    folded = rules.fold(_to_event(e) for e in events)
    members = {
        row.id: row
        for row in uow.session.scalars(
            select(MemberRow).where(MemberRow.id.in_([e.member_id for e in dues]))
        )
    }
    categories = categories_by_member(uow)  # few rows: every change of the branch
    lines = []
    for member_id, member in members.items():
        balance = folded.balance(member_id, month)
        if balance.due > 0 or balance.paid > 0:
            # The category in force in that month, as its amount was worked out with.
            category = category_for_month(
                categories.get(member_id, ()), month, PersonCategory(member.category))
            lines.append(MonthLine(member_id, member.name, category, balance.due, balance.paid))
    return sorted(lines, key=lambda line: pinyin_key(line.name))


def member_ledger(uow: UnitOfWork, member_id: str) -> rules.MemberLedger:
    """One member's dues history (every month due and paid), for the member page."""
    own = select(DuesEventRow.id).where(DuesEventRow.member_id == member_id)
    events = uow.session.scalars(
        select(DuesEventRow)
        .where(or_(DuesEventRow.member_id == member_id, DuesEventRow.reverses_id.in_(own)))
        .order_by(DuesEventRow.seq)
    )
    return rules.fold(_to_event(e) for e in events).member(member_id)


def member_payments(uow: UnitOfWork, member_id: str) -> list[rules.Payment]:
    """A member's payments still in force (not reversed), in recorded order: what a 冲销 can
    cancel."""
    events = uow.session.scalars(
        select(DuesEventRow)
        .where(DuesEventRow.kind == "payment", DuesEventRow.member_id == member_id,
               DuesEventRow.id.not_in(reversed_ids()))
        .order_by(DuesEventRow.seq)
    )
    return [payment for e in events if isinstance(payment := _to_event(e), rules.Payment)]


# ---------------------------------------------------------------- helpers


def _paying_members() -> Any:
    return select(MemberRow).where(
        MemberRow.status == MembershipStatus.ACTIVE.value, MemberRow.stage.in_(PAYING_STAGES)
    )


def _bases_by_member(uow: UnitOfWork) -> dict[str, tuple[BaseChange, ...]]:
    found: dict[str, list[BaseChange]] = {}
    months: dict[str, Month] = {}  # a few distinct months for thousands of rows
    query = select(DuesBaseRow.member_id, DuesBaseRow.effective_month, DuesBaseRow.base_fen).where(
        DuesBaseRow.deleted_at.is_(None)
    )
    for member_id, code, fen in uow.session.connection().execute(query):
        month = months.get(code) or months.setdefault(code, Month.parse(code))
        # Read back from the database: validated when entered (``set_base``), not checked again.
        found.setdefault(member_id, []).append(
            _trusted(BaseChange, effective=month, base=from_fen(fen))
        )
    return {k: tuple(v) for k, v in found.items()}


def _reliefs_by_member(uow: UnitOfWork) -> dict[str, tuple[HardshipRelief, ...]]:
    found: dict[str, list[HardshipRelief]] = {}
    for row in uow.session.scalars(select(DuesReliefRow).where(DuesReliefRow.deleted_at.is_(None))):
        found.setdefault(row.member_id, []).append(relief_of(row))
    return {k: tuple(v) for k, v in found.items()}


def reversed_ids() -> Any:
    return select(DuesEventRow.reverses_id).where(DuesEventRow.reverses_id.is_not(None))


def _to_event(row: Any) -> rules.LedgerEvent:
    """A domain event from a ``dues_event`` row (an ORM object or a Core row: same attributes)."""
    if row.kind == "due":
        return rules.DueGenerated(row.id, _need(row.member_id), _month(_need(row.month)),
                                  from_fen(row.amount_fen))
    if row.kind == "payment":
        return rules.Payment(
            event_id=row.id, member_id=_need(row.member_id), paid_on=_need(row.on_date),
            months=tuple(_month(m) for m in json.loads(row.months)),
            amount=from_fen(row.amount_fen), voluntary=from_fen(row.voluntary_fen),
            payer=row.payer or None, method=PaymentMethod(row.method),
            receipt_no=row.receipt_no or None, note=row.note or None,
        )
    if row.kind == "reversal":
        return rules.Reversal(row.id, _need(row.reverses_id), _need(row.on_date), row.note)
    return rules.Remittance(
        row.id, _need(row.on_date), _month(_need(row.first_month)),
        _month(_need(row.last_month)), from_fen(row.amount_fen), bool(row.to_centre),
    )


@functools.lru_cache(maxsize=1024)
def _month(code: str) -> Month:
    return Month.parse(code)


@functools.lru_cache(maxsize=1024)
def _month_index(code: str) -> int:
    return Month.parse(code).index


@functools.lru_cache(maxsize=4096)
def _month_indexes(text: str) -> tuple[int, ...]:
    """A payment's months (a JSON list) as ``Month.index``."""
    return tuple(_month_index(m) for m in json.loads(text))


@functools.lru_cache(maxsize=4096)
def _months(text: str) -> tuple[Month, ...]:
    """A payment's months (a JSON list): few distinct lists in thousands of payments."""
    return tuple(_month(m) for m in json.loads(text))


def _need(value: T | None) -> T:
    """A column the event's kind always fills (the schema allows NULL for the other kinds)."""
    if value is None:
        raise ValueError("incomplete dues event")
    return value


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _require_members(uow: UnitOfWork, member_ids: Iterable[str]) -> None:
    """RecordNotFoundError for the first of ``member_ids`` not in the register."""
    wanted = list(dict.fromkeys(member_ids))
    found = {
        member_id
        for chunk in _chunks(wanted)
        for member_id in uow.session.scalars(select(MemberRow.id).where(MemberRow.id.in_(chunk)))
    }
    for member_id in wanted:
        if member_id not in found:
            raise RecordNotFoundError("member", member_id)


def _member(uow: UnitOfWork, member_id: str) -> MemberRow:
    row = uow.session.get(MemberRow, member_id)
    if row is None:
        raise RecordNotFoundError("member", member_id)
    return row
