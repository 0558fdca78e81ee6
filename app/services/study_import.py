"""Study hours from a workbook (an online learning platform's export, a training class's list),
matched to members by ID number or, without one, by name.

``plan_hours_import`` reads and checks the whole file before anything is written and names every
problem by sheet, Excel row, column letter, field, a stable code and the cell's value — the same
records as the roster import (``roster.ImportProblem``), so the UI shows one kind of report.
``apply_hours_import`` writes the plan all or nothing (each entry in the outbox, one audit entry
for the file).

Errors (nothing can be applied): a person who matches no member on the roll, a name shared by
several members (the ID number decides), an ID number Excel cut or that is not valid, a date or
hours that cannot be read, hours not positive, too many or with more than two decimals, a form
that is not one of the book's, a course missing, the same study twice in the file, a file
without such a header. Warnings (the row is left out, the rest applies): the same study already
in the record (an export imported twice counts once), a member no longer on the roll (named by
the ID number); a name that differs from the register (the ID number decides; the row is
imported).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.documents import study_hours as sheet
from app.domain import study as rules
from app.domain.development import Stage
from app.domain.id_numbers import IdType, normalize, validate_id
from app.domain.members import MembershipStatus, Severity
from app.domain.study import StudyForm
from app.errors import FieldProblem, FileAccessError, InvalidInputError, RosterFileError
from app.services import study
from app.services.roster import ImportProblem, ProblemReport
from app.storage.models import MemberRow, StudyEntryRow
from app.storage.unit_of_work import UnitOfWork

DEFAULT_FORM = StudyForm.ONLINE  # a platform's export says nothing of the form
ON_ROLL = (Stage.FULL.value, Stage.PROBATIONARY.value)


@dataclass(frozen=True)
class PlannedEntry:
    sheet: str
    row: int
    member_id: str
    name: str  # as in the register
    on_date: date
    topic: str
    hours: Decimal
    form: StudyForm
    organizer: str


@dataclass(frozen=True)
class HoursPlan(ProblemReport):
    path: Path
    rows: tuple[PlannedEntry, ...]
    already: int  # rows already in the record (left out)
    problems: tuple[ImportProblem, ...]
    sheets: tuple[str, ...] = ()
    read: int = 0  # data rows read from the file

    @property
    def hours(self) -> Decimal:
        return rules.total(p.hours for p in self.rows)


@dataclass(frozen=True)
class HoursImportResult:
    applied: int
    already: int
    hours: Decimal


def read_file(path: Path) -> sheet.HoursFile:
    """Parse the workbook (no database). Raises RosterFileError("not_xlsx"), FileAccessError."""
    try:
        return sheet.read_hours(Path(path))
    except sheet.HoursReadError as error:
        if error.os_error is not None:
            raise FileAccessError.from_os_error(Path(path), error.os_error) from error
        raise RosterFileError(Path(path), error.reason) from error


def plan_hours_import(uow: UnitOfWork, path: Path, today: date) -> HoursPlan:
    """Read ``path`` and check all of it against the register; writes nothing."""
    parsed = read_file(path)  # before the first query: no transaction is open while reading
    return plan_rows(uow, parsed, today)


def _key(member_id: str, on_date: date, topic: str, hundredths: int) -> tuple[str, str, str, int]:
    return member_id, on_date.isoformat(), "".join(topic.split()), hundredths


def plan_rows(uow: UnitOfWork, parsed: sheet.HoursFile, today: date) -> HoursPlan:
    problems: list[ImportProblem] = []
    if not parsed.sheets:
        problems.append(ImportProblem("", 0, "", "file", "no_header"))
    by_number: dict[str, tuple[str, str]] = {}
    by_name: dict[str, list[tuple[str, str]]] = {}
    left: set[str] = set()
    query = select(MemberRow.id, MemberRow.name, MemberRow.id_number, MemberRow.status,
                   MemberRow.stage).where(MemberRow.deleted_at.is_(None))
    for member_id, name, number, status, stage in uow.session.execute(query).tuples():
        by_number[number] = (member_id, name)
        if status != MembershipStatus.ACTIVE.value or stage not in ON_ROLL:
            left.add(member_id)
            continue  # a name is looked for among the members on the roll only
        by_name.setdefault("".join(name.split()), []).append((member_id, name))
    recorded = {
        _key(m, d, t, h) for m, d, t, h in uow.session.execute(
            select(StudyEntryRow.member_id, StudyEntryRow.on_date, StudyEntryRow.topic,
                   StudyEntryRow.hours_hundredths)
            .where(StudyEntryRow.deleted_at.is_(None), StudyEntryRow.withdrawn.is_(False))
        ).tuples()
    }
    planned: list[PlannedEntry] = []
    already = 0
    seen: dict[tuple[str, str, str, int], int] = {}
    for row in (r for s in parsed.sheets for r in s.rows):
        row_problems = [
            ImportProblem(row.sheet, row.row, p.column, p.field, p.code, value=p.value)
            for p in row.problems
        ]
        in_error = {p.field for p in row.problems}

        def problem(field: str, code: str, severity: Severity = Severity.ERROR,
                    value: str = "", other_row: int | None = None,
                    row: sheet.HoursRow = row, out: list[ImportProblem] = row_problems) -> None:
            out.append(ImportProblem(row.sheet, row.row, row.columns.get(field, ""), field,
                                     code, severity, other_row=other_row, value=value))

        member = _member(row, in_error, by_number, by_name, problem, today)
        if member is not None and member[0] in left:
            problem(sheet.ID_NUMBER if row.id_number else sheet.NAME, "member_has_left",
                    Severity.WARNING, value=row.id_number or row.name)
        if row.on_date is None and sheet.DATE not in in_error:
            problem(sheet.DATE, "required")
        elif row.on_date is not None and row.on_date > today:
            problem(sheet.DATE, "in_future", value=row.on_date.isoformat())
        if not row.topic:
            problem(sheet.TOPIC, "required")
        if row.hours is None and sheet.HOURS not in in_error:
            problem(sheet.HOURS, "required")
        if member is not None and row.on_date is not None and row.hours is not None:
            key = _key(member[0], row.on_date, row.topic, rules.to_hundredths(row.hours))
            if key in seen:
                problem(sheet.TOPIC, "same_study_in_file", other_row=seen[key])
            else:
                seen[key] = row.row
            if key in recorded:
                problem(sheet.TOPIC, "already_recorded", Severity.WARNING)
        problems += row_problems
        if member is None or row.on_date is None or row.hours is None or any(
            p.severity is Severity.ERROR for p in row_problems
        ):
            continue
        if any(p.code == "already_recorded" for p in row_problems):
            already += 1
            continue
        if member[0] in left:
            continue
        planned.append(PlannedEntry(
            row.sheet, row.row, member[0], member[1], row.on_date, row.topic[:200], row.hours,
            row.form or DEFAULT_FORM, row.organizer[:200],
        ))
    order = {s.name: i for i, s in enumerate(parsed.sheets)}
    problems.sort(key=lambda p: (order.get(p.sheet, -1), p.row, len(p.column), p.column))
    return HoursPlan(parsed.path, tuple(planned), already, tuple(problems),
                     tuple(s.name for s in parsed.sheets),
                     sum(len(s.rows) for s in parsed.sheets))


def _member(
    row: sheet.HoursRow,
    in_error: set[str],
    by_number: dict[str, tuple[str, str]],
    by_name: dict[str, list[tuple[str, str]]],
    problem: Any,
    today: date,
) -> tuple[str, str] | None:
    """The member a row names: by ID number when it has one, else by a name that only one
    member on the roll has."""
    number = normalize(row.id_number)
    if number:
        found = by_number.get(number)
        if found is None:
            check = validate_id(number, IdType.RESIDENT, today=today)
            problem(sheet.ID_NUMBER, check.problems[0].value if check.problems else
                    "unknown_member", value=row.id_number)
            return None
        if row.name and "".join(row.name.split()) != "".join(found[1].split()):
            problem(sheet.NAME, "name_mismatch", Severity.WARNING, value=row.name)
        return found
    if sheet.ID_NUMBER in in_error:
        return None
    if not row.name:
        problem(sheet.NAME if sheet.NAME in row.columns else sheet.ID_NUMBER, "required")
        return None
    matches = by_name.get("".join(row.name.split()), [])
    if not matches:
        problem(sheet.NAME, "unknown_member", value=row.name)
        return None
    if len(matches) > 1:
        problem(sheet.NAME, "name_ambiguous", value=row.name)
        return None
    return matches[0]


def apply_hours_import(uow: UnitOfWork, plan: HoursPlan) -> HoursImportResult:
    """Record every planned entry, all or nothing (the caller commits). Raises
    InvalidInputError when the plan has errors."""
    if plan.has_errors:
        raise InvalidInputError([FieldProblem(p.field or "file", p.code) for p in plan.errors])
    ids = study.add_entries(uow, [
        study.EntryInput(e.member_id, e.on_date, e.form, e.topic, e.hours, e.organizer)
        for e in plan.rows
    ])
    uow.audit("study.import", "study", plan.path.name, {
        "file": plan.path.name, "applied": len(ids), "already": plan.already,
    })
    return HoursImportResult(len(ids), plan.already, plan.hours)
