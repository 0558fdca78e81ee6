"""Transfers of membership (组织关系转接) and 流动党员: issue a letter out, record its 回执 (or its
return unused), receive a member with a letter in, and the lists that follow them up.

The rules are ``app.domain.transfers`` (with their articles). A member with a letter out is
转出待接收 (``MembershipStatus.TRANSFER_PENDING``): off the active roll but still this branch's,
listed apart, until the 回执 is recorded; then 转出. Every write runs in the caller's unit of work
with its audit entry and its outbox op (the new member columns travel with the member record);
the caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from app.domain import transfers as rules
from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.members import EventKind, FlowDirection, Issue, MembershipStatus, Severity
from app.errors import FieldProblem, InvalidInputError
from app.services import dues, transfer_settings
from app.services.members import (
    MemberInput,
    _add_event,
    _raise_on_errors,
    _row,
    completed,
    create_member,
    find_by_id_number,
    update_member,
)
from app.storage.models import MemberRow
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class LetterOut:
    """What the secretary fills in on the 组织关系介绍信."""

    letter_no: str  # 编号, the same on 存根, 介绍信 and 回执
    destination: str  # 转到: the receiving organization
    issued_on: date
    paid_until: Month | None  # 党费已交到
    valid_days: int = rules.DEFAULT_VALID_DAYS
    addressee: str = ""  # the committee the letter is addressed to (抬头); default: destination
    reason: str = ""  # 工作调动, 迁居…


@dataclass(frozen=True)
class LetterIn:
    """A letter received with a member transferring in."""

    letter_no: str
    origin: str  # the sending organization
    received_on: date
    paid_until: Month | None  # 党费交至, as the letter states


@dataclass(frozen=True)
class PendingTransfer:
    """A member 转出待接收, for the roster's separate list and 工作台."""

    member_id: str
    name: str
    letter_no: str
    destination: str
    issued_on: date
    expires_on: date
    overdue: bool  # past its validity, no 回执


@dataclass(frozen=True)
class FlowEntry:
    """A 流动党员 (out of or into the branch) as the lists show one."""

    member_id: str
    name: str
    direction: FlowDirection
    place: str
    since: date | None
    contact: str
    card_no: str
    transfer_advised: bool  # away six months or more (第二十四条): a transfer is due


@dataclass(frozen=True)
class RosterCounts:
    """The roster counted as the regulations ask: on the roll (流出 and 流入 among them, counted
    apart), and 转出待接收 apart from the roll."""

    active: int
    flow_out: int
    flow_in: int
    pending: int


# ---------------------------------------------------------------- the letter out


def check_transfer_out(
    uow: UnitOfWork, member_id: str, letter: LetterOut, today: date
) -> list[Issue]:
    """Everything wrong (errors) or doubtful (warnings) about issuing ``letter``."""
    row = _row(uow, member_id)
    issues: list[Issue] = []
    if row.status == MembershipStatus.TRANSFER_PENDING.value:
        issues.append(Issue("status", "transfer_pending"))
    elif row.status != MembershipStatus.ACTIVE.value:
        issues.append(Issue("status", "already_left"))
    if not rules.may_transfer(Stage(row.stage)):
        issues.append(Issue("stage", "not_a_member"))
    issues += _letter_issues(letter.letter_no, letter.destination, "transfer_destination",
                             letter.issued_on, today)
    if not rules.valid_days_ok(letter.valid_days):
        issues.append(Issue("valid_days", "out_of_range"))
    if letter.paid_until is None:
        issues.append(Issue("paid_until", "required"))
    elif letter.paid_until != paid_through(uow, member_id):
        issues.append(Issue("paid_until", "differs_from_ledger", Severity.WARNING))
    clash = uow.session.scalar(select(func.count()).where(
        MemberRow.transfer_letter_no == letter.letter_no.strip(), MemberRow.id != member_id,
    ))
    if letter.letter_no.strip() and clash:
        issues.append(Issue("transfer_letter_no", "duplicate", Severity.WARNING))
    return issues


def transfer_out(
    uow: UnitOfWork, member_id: str, letter: LetterOut, today: date
) -> list[Issue]:
    """Issue the letter: the member becomes 转出待接收 (still this branch's responsibility).
    Raises ``InvalidInputError`` listing every error; returns the warnings."""
    issues = check_transfer_out(uow, member_id, letter, today)
    _raise_on_errors(issues)  # paid_until is required: not None below
    row = _row(uow, member_id)
    row.status = MembershipStatus.TRANSFER_PENDING.value
    row.left_date = letter.issued_on
    row.left_reason = letter.reason.strip()
    row.transfer_destination = letter.destination.strip()
    row.transfer_letter_no = letter.letter_no.strip()
    row.transfer_valid_days = letter.valid_days
    row.transfer_paid_until = str(letter.paid_until or "")
    row.transfer_receipt_on = None
    uow.outbox("member", member_id, {
        "status": row.status, "left_date": letter.issued_on.isoformat(),
        "left_reason": row.left_reason, "transfer_destination": row.transfer_destination,
        "transfer_letter_no": row.transfer_letter_no, "transfer_valid_days": letter.valid_days,
        "transfer_paid_until": row.transfer_paid_until, "transfer_receipt_on": None,
    }, base_version=row.server_version)
    _add_event(uow, member_id, EventKind.TRANSFER_OUT, letter.issued_on, row.transfer_destination,
               {"letter_no": row.transfer_letter_no, "paid_until": row.transfer_paid_until,
                "valid_days": letter.valid_days})
    uow.audit("member.transfer_out", "member", member_id, {"letter_no": row.transfer_letter_no})
    return [issue for issue in issues if issue.severity is Severity.WARNING]


def record_receipt(uow: UnitOfWork, member_id: str, on: date, today: date) -> None:
    """The 回执 came back: the receiving side accepted the member, who leaves the roll (转出)."""
    row = _row(uow, member_id)
    problems = []
    if row.status != MembershipStatus.TRANSFER_PENDING.value:
        problems.append(FieldProblem("status", "no_transfer_pending"))
    elif row.left_date is not None and on < row.left_date:
        problems.append(FieldProblem("transfer_receipt_on", "before_letter"))
    if on > today:
        problems.append(FieldProblem("transfer_receipt_on", "in_future"))
    if problems:
        raise InvalidInputError(problems)
    row.status = MembershipStatus.TRANSFERRED_OUT.value
    row.transfer_receipt_on = on
    uow.outbox("member", member_id, {"status": row.status, "transfer_receipt_on": on.isoformat()},
               base_version=row.server_version)
    _add_event(uow, member_id, EventKind.TRANSFER_RECEIPT, on, row.transfer_destination,
               {"letter_no": row.transfer_letter_no})
    uow.audit("member.transfer_receipt", "member", member_id,
              {"letter_no": row.transfer_letter_no})


def cancel_transfer_out(uow: UnitOfWork, member_id: str, on: date, reason: str) -> None:
    """The letter came back unused (退回, 作废): the member is on the roll again. The letter's
    number stays on the timeline; the member's transfer fields are cleared."""
    row = _row(uow, member_id)
    if row.status != MembershipStatus.TRANSFER_PENDING.value:
        raise InvalidInputError([FieldProblem("status", "no_transfer_pending")])
    letter_no = row.transfer_letter_no
    row.status = MembershipStatus.ACTIVE.value
    row.left_date = row.transfer_valid_days = None
    row.left_reason = row.transfer_destination = row.transfer_letter_no = ""
    row.transfer_paid_until = ""
    uow.outbox("member", member_id, {
        "status": row.status, "left_date": None, "left_reason": "", "transfer_destination": "",
        "transfer_letter_no": "", "transfer_valid_days": None, "transfer_paid_until": "",
    }, base_version=row.server_version)
    _add_event(uow, member_id, EventKind.TRANSFER_CANCELLED, on, reason.strip(),
               {"letter_no": letter_no})
    uow.audit("member.transfer_cancel", "member", member_id, {"letter_no": letter_no})


def paid_through(uow: UnitOfWork, member_id: str) -> Month | None:
    """The month the member's dues are paid up to in this branch's ledger, for the letter's
    党费已交到: the month before the first month still owed, else the last month recorded; with
    nothing recorded here, what the letter of a transfer in said (else ``None``)."""
    months = sorted(dues.member_ledger(uow, member_id).months.values(), key=lambda b: b.month)
    due = [balance for balance in months if balance.due > 0]
    for balance in due:
        if not balance.settled:
            return balance.month.previous()
    if due:
        return due[-1].month
    return rules.month_or_none(_row(uow, member_id).transfer_in_paid_until)


# ---------------------------------------------------------------- the letter in


def check_transfer_in(
    uow: UnitOfWork, data: MemberInput, letter: LetterIn, today: date
) -> list[Issue]:
    """The letter's errors (number, origin, date) and the member's status in the register."""
    issues = _letter_issues(letter.letter_no, letter.origin, "transfer_in_origin",
                            letter.received_on, today)
    if not rules.may_transfer(data.stage):
        issues.append(Issue("stage", "not_a_member"))
    number = completed(data, today).id_number if data.id_number.strip() else ""
    existing = find_by_id_number(uow, number) if number else None
    if existing is not None:
        status = _row(uow, existing).status
        if status == MembershipStatus.ACTIVE.value:
            issues.append(Issue("id_number", "already_on_roll"))
        elif status == MembershipStatus.TRANSFER_PENDING.value:
            issues.append(Issue("id_number", "transfer_pending"))
    return issues


def transfer_in_dues(uow: UnitOfWork, letter: LetterIn) -> rules.DuesStart:
    """From which month the member will owe here, and the gaps or overlaps (the setting's rule)."""
    rule = transfer_settings.load(uow).dues_start
    return rules.dues_start(letter.paid_until, letter.received_on, rule)


def transfer_in(uow: UnitOfWork, data: MemberInput, letter: LetterIn, today: date) -> str:
    """转入: reactivate the member with this ID number if the register has one (a member who
    left), else add one; record the letter (dues start after its paid-up month)."""
    _raise_on_errors(check_transfer_in(uow, data, letter, today))
    data = completed(data, today)
    existing = find_by_id_number(uow, data.id_number) if data.id_number else None
    if existing is None:
        member_id = create_member(uow, data, today)
    else:
        member_id = existing
        row = _row(uow, existing)
        row.status = MembershipStatus.ACTIVE.value
        row.left_date = row.transfer_valid_days = row.transfer_receipt_on = None
        row.left_reason = row.transfer_destination = row.transfer_letter_no = ""
        row.transfer_paid_until = ""
        uow.outbox("member", existing, {
            "status": row.status, "left_date": None, "left_reason": "",
            "transfer_destination": "", "transfer_letter_no": "", "transfer_valid_days": None,
            "transfer_paid_until": "", "transfer_receipt_on": None,
        }, base_version=row.server_version)
        update_member(uow, existing, data, today)
    row = _row(uow, member_id)
    row.transfer_in_on = letter.received_on
    row.transfer_in_origin = letter.origin.strip()
    row.transfer_in_letter_no = letter.letter_no.strip()
    row.transfer_in_paid_until = str(letter.paid_until) if letter.paid_until else ""
    uow.outbox("member", member_id, {
        "transfer_in_on": letter.received_on.isoformat(),
        "transfer_in_origin": row.transfer_in_origin,
        "transfer_in_letter_no": row.transfer_in_letter_no,
        "transfer_in_paid_until": row.transfer_in_paid_until,
    }, base_version=row.server_version)
    _add_event(uow, member_id, EventKind.TRANSFER_IN, letter.received_on, row.transfer_in_origin,
               {"letter_no": row.transfer_in_letter_no,
                "paid_until": row.transfer_in_paid_until})
    uow.audit("member.transfer_in", "member", member_id, {"letter_no": row.transfer_in_letter_no})
    return member_id


# ---------------------------------------------------------------- lists


def pending_transfers(uow: UnitOfWork, today: date) -> list[PendingTransfer]:
    """Members 转出待接收, the oldest letter first; ``overdue`` past validity without 回执."""
    rows = uow.session.scalars(
        select(MemberRow)
        .where(MemberRow.status == MembershipStatus.TRANSFER_PENDING.value)
        .order_by(MemberRow.left_date, MemberRow.sort_key)
    )
    found = []
    for row in rows:
        issued = row.left_date or today
        days = row.transfer_valid_days or rules.DEFAULT_VALID_DAYS
        found.append(PendingTransfer(
            row.id, row.name, row.transfer_letter_no, row.transfer_destination, issued,
            rules.expires_on(issued, days),
            rules.letter_overdue(issued, days, row.transfer_receipt_on, today),
        ))
    return found


def flow_members(uow: UnitOfWork, today: date) -> list[FlowEntry]:
    """流动党员 on the roll: those away (流出) first, then those here from elsewhere (流入)."""
    rows = uow.session.scalars(
        select(MemberRow)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value, MemberRow.flow_direction != "")
        .order_by(MemberRow.flow_direction.desc(), MemberRow.sort_key)
    )
    return [
        FlowEntry(
            row.id, row.name, FlowDirection(row.flow_direction), row.flow_place, row.flow_since,
            row.flow_contact, row.flow_card_no,
            row.flow_direction == FlowDirection.OUT.value
            and rules.transfer_advised(row.flow_since, today),
        )
        for row in rows
    ]


def roster_counts(uow: UnitOfWork) -> RosterCounts:
    """On the roll, of whom 流出 and 流入, and 转出待接收 (one query)."""
    active = MemberRow.status == MembershipStatus.ACTIVE.value
    query = select(
        func.count().filter(active),
        func.count().filter(active, MemberRow.flow_direction == FlowDirection.OUT.value),
        func.count().filter(active, MemberRow.flow_direction == FlowDirection.IN.value),
        func.count().filter(MemberRow.status == MembershipStatus.TRANSFER_PENDING.value),
    )
    counts = uow.session.execute(query).one()
    return RosterCounts(*(int(n) for n in counts))


# ---------------------------------------------------------------- helpers


def _letter_issues(
    letter_no: str, organization: str, organization_field: str, on: date, today: date
) -> list[Issue]:
    issues = []
    if not letter_no.strip():
        issues.append(Issue("transfer_letter_no", "required"))
    if not organization.strip():
        issues.append(Issue(organization_field, "required"))
    if on > today:
        issues.append(Issue("transfer_date", "in_future"))
    return issues

