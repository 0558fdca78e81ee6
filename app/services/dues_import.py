"""Dues bases from a payroll workbook (核定 from 工资表), matched to members by ID number.

``plan_base_import`` reads and checks the whole file before anything is written, and names every
problem by sheet, Excel row, column letter, field and a stable code — the same records as the
roster import (``roster.ImportProblem``), so the UI shows one kind of report. ``apply_base_import``
writes the plan all or nothing through ``dues.set_base`` (each base audited and in the outbox).

Errors (nothing can be applied): an ID number Excel stored as a number and cut (never guessed), an
ID number that is not valid or matches no member, the same ID number twice, a base that is not an
amount, negative, or below the fen, a row with an ID number and no base (or the reverse), a file
without a payroll header. Warnings (the row is left out, the rest applies): a member who has left,
who does not pay yet, or whose category pays a fixed amount (第六条); a name that differs from the
register (the ID number decides; the base is applied).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select

from app.documents import payroll as sheet
from app.domain import dues as rules
from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.domain.id_numbers import IdType, normalize, validate_id
from app.domain.members import MembershipStatus, Severity
from app.errors import FieldProblem, FileAccessError, InvalidInputError, RosterFileError
from app.services import dues
from app.services.roster import ImportProblem, ProblemReport
from app.storage.models import DuesBaseRow, MemberRow
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class PlannedBase:
    sheet: str
    row: int
    member_id: str
    name: str  # as in the register
    base: Decimal
    previous: Decimal | None  # the base in force before ``effective`` (None: none yet)


@dataclass(frozen=True)
class BasePlan(ProblemReport):
    path: Path
    effective: Month
    rows: tuple[PlannedBase, ...]  # bases to set (changed ones only)
    unchanged: int  # rows whose base is already in force
    problems: tuple[ImportProblem, ...]
    sheets: tuple[str, ...] = ()


@dataclass(frozen=True)
class BaseImportResult:
    applied: int
    unchanged: int


def effective_month(year_or_month: int | Month) -> Month:
    """A year means its bases from January (the yearly 核定); a month, from that month (第十条)."""
    if isinstance(year_or_month, Month):
        return year_or_month
    return Month(year_or_month, 1)


def read_file(path: Path) -> sheet.PayrollFile:
    """Parse the workbook (no database). Raises RosterFileError("not_xlsx"), FileAccessError."""
    try:
        return sheet.read_payroll(Path(path))
    except sheet.PayrollReadError as error:
        if error.os_error is not None:
            raise FileAccessError.from_os_error(Path(path), error.os_error) from error
        raise RosterFileError(Path(path), error.reason) from error


def plan_base_import(
    uow: UnitOfWork, path: Path, year_or_month: int | Month, today: date
) -> BasePlan:
    """Read ``path`` and check all of it against the register; writes nothing."""
    parsed = read_file(path)  # before the first query: no transaction is open while reading
    return plan_rows(uow, parsed, effective_month(year_or_month), today)


def plan_rows(
    uow: UnitOfWork, parsed: sheet.PayrollFile, effective: Month, today: date
) -> BasePlan:
    problems: list[ImportProblem] = []
    if not parsed.sheets:
        problems.append(ImportProblem("", 0, "", "file", "no_header"))
    register = {
        row.id_number: row for row in uow.session.scalars(select(MemberRow))
    }
    bases = _bases(uow)
    planned: list[PlannedBase] = []
    unchanged = 0
    seen: dict[str, int] = {}
    for row in (r for s in parsed.sheets for r in s.rows):
        row_problems = [
            ImportProblem(row.sheet, row.row, p.column, p.field, p.code) for p in row.problems
        ]
        in_error = {p.field for p in row.problems}
        problem = _Problems(row, row_problems)

        number = normalize(row.id_number)
        member = register.get(number) if number else None
        if not number and sheet.ID_NUMBER not in in_error:
            problem(sheet.ID_NUMBER, "required")
        elif member is None and number:
            check = validate_id(number, IdType.RESIDENT, today=today)
            problem(sheet.ID_NUMBER, check.problems[0].value if check.problems else
                    "unknown_member")
        if number and number in seen:
            problem(sheet.ID_NUMBER, "duplicate_in_file", other_row=seen[number])
        elif number:
            seen[number] = row.row
        if row.base is None and sheet.BASE not in in_error:
            problem(sheet.BASE, "required")
        if member is not None:
            if row.name and row.name.replace(" ", "") != member.name.replace(" ", ""):
                problem(sheet.NAME, "name_mismatch", Severity.WARNING)
            skip = _skip_reason(member)
            if skip is not None:
                problem(sheet.ID_NUMBER, skip, Severity.WARNING)
        problems += row_problems
        if member is None or row.base is None or any(
            p.severity is Severity.ERROR for p in row_problems
        ) or _skip_reason(member) is not None:
            continue
        previous = rules.base_for_month(bases.get(member.id, ()), effective)
        if previous == row.base:
            unchanged += 1
            continue
        before = rules.base_for_month(bases.get(member.id, ()), effective - 1)
        planned.append(PlannedBase(row.sheet, row.row, member.id, member.name, row.base, before))
    order = {s.name: i for i, s in enumerate(parsed.sheets)}
    problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row, len(p.column), p.column))
    return BasePlan(parsed.path, effective, tuple(planned), unchanged, tuple(problems),
                    tuple(s.name for s in parsed.sheets))


class _Problems:
    """Adds the problems of one row, each at the column that holds its field."""

    def __init__(self, row: sheet.PayrollRow, out: list[ImportProblem]) -> None:
        self.row, self.out = row, out

    def __call__(self, field: str, code: str, severity: Severity = Severity.ERROR,
                 other_row: int | None = None) -> None:
        row = self.row
        self.out.append(ImportProblem(
            row.sheet, row.row, row.columns.get(field, ""), field, code, severity,
            other_row=other_row,
        ))


def _skip_reason(member: MemberRow) -> str | None:
    if member.status != MembershipStatus.ACTIVE.value:
        return "member_has_left"
    if member.stage not in dues.PAYING_STAGES:
        return "not_paying"  # not yet a (probationary) member: no dues (第八条)
    if not rules.needs_base(PersonCategory(member.category)):
        return "no_base_needed"  # 第六条: a fixed amount
    return None


def _bases(uow: UnitOfWork) -> dict[str, tuple[rules.BaseChange, ...]]:
    found: dict[str, list[rules.BaseChange]] = {}
    query = select(DuesBaseRow.member_id, DuesBaseRow.effective_month, DuesBaseRow.base_fen).where(
        DuesBaseRow.deleted_at.is_(None)
    )
    for member_id, month, fen in uow.session.execute(query).tuples():
        found.setdefault(member_id, []).append(
            rules.BaseChange(Month.parse(month), Decimal(fen).scaleb(-2))
        )
    return {k: tuple(v) for k, v in found.items()}


def apply_base_import(uow: UnitOfWork, plan: BasePlan) -> BaseImportResult:
    """Set every planned base, all or nothing (the caller commits). Raises InvalidInputError
    when the plan has errors; RecordNotFoundError if a member vanished since the plan."""
    if plan.has_errors:
        raise InvalidInputError([FieldProblem(p.field or "file", p.code) for p in plan.errors])
    for planned in plan.rows:
        dues.set_base(uow, planned.member_id, plan.effective, planned.base)
    uow.audit("dues.base_import", "dues", str(plan.effective), {
        "file": plan.path.name, "applied": len(plan.rows), "unchanged": plan.unchanged,
    })
    return BaseImportResult(len(plan.rows), plan.unchanged)

