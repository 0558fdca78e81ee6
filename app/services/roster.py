"""Import and export of the member roster (党员花名册).

``plan_import`` reads and validates a whole workbook before anything is written: every problem of
every row (sheet, Excel row, column letter, field, code), duplicates within the file, and which
rows add a member and which update one (matched by the normalized ID number). ``apply_import``
then writes the plan all or nothing. The file is parsed before the unit of work touches the
database, so no transaction is open while openpyxl reads.

Speed (10,000 rows): existing ID numbers and party groups are fetched with one query each, new
members are inserted with one executemany, and their audit entries and sync-outbox ops are
appended in bulk (the same rows ``create_member`` writes, see ``insert_members``). Updates go
through ``members.update_member`` (one re-check and a field patch each): a re-import usually
changes few members.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import date
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, func, select

from app.documents import roster as sheet
from app.documents.vocabulary import CLASSIFICATION_LABELS
from app.domain import members as rules
from app.domain.id_numbers import Gender, IdType, validate_id
from app.domain.members import Classification, Issue, MembershipStatus, Severity
from app.domain.name_order import pinyin_key
from app.errors import (
    FieldProblem,
    FileAccessError,
    InvalidInputError,
    RosterFileError,
    SecretExportConfirmationRequired,
)
from app.services import members
from app.services.members import MemberInput
from app.storage.bulk import insert_rows
from app.storage.ids import utc_iso
from app.storage.models import MemberRow, PartyGroupRow
from app.storage.unit_of_work import UnitOfWork


class Action(enum.Enum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class ImportProblem:
    """One problem of one cell (or row) of the file; ``column`` is "" when no column holds it."""

    sheet: str
    row: int  # 1-based Excel row
    column: str  # Excel column letter
    field: str  # a MemberInput field (or "" for a header)
    code: str
    severity: Severity = Severity.ERROR
    other_row: int | None = None  # for "duplicate_in_file": the row with the same ID number
    header: str = ""  # for "unknown_column": the header text
    value: str = ""  # the cell's value as shown in the message ("" when it says nothing)


class ProblemReport:
    """The errors and warnings of a plan read from a file (roster and dues-base imports alike)."""

    problems: tuple[ImportProblem, ...]

    @property
    def errors(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[ImportProblem]:
        return [p for p in self.problems if p.severity is Severity.WARNING]

    @property
    def has_errors(self) -> bool:
        return any(p.severity is Severity.ERROR for p in self.problems)


@dataclass(frozen=True)
class PlannedRow:
    sheet: str
    row: int
    data: MemberInput  # as it will be stored (completed); party_group_id None for a new group
    action: Action
    member_id: str | None = None  # the member updated (None: a new one)
    party_group_name: str = ""  # a group to create, when party_group_id is None


@dataclass(frozen=True)
class UnknownHeader:
    sheet: str
    column: str
    text: str


@dataclass(frozen=True)
class ImportPlan(ProblemReport):
    path: Path
    rows: tuple[PlannedRow, ...]
    problems: tuple[ImportProblem, ...]
    unknown_headers: tuple[UnknownHeader, ...] = ()
    new_party_groups: tuple[str, ...] = ()
    sheets: tuple[str, ...] = ()

    def count(self, action: Action) -> int:
        return sum(1 for r in self.rows if r.action is action)


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int


@dataclass(frozen=True)
class ExportResult:
    path: Path
    members: int


# ---------------------------------------------------------------- reading


def read_file(path: Path, mapping: Mapping[str, str | None] | None = None) -> sheet.RosterFile:
    """Parse the workbook (no database). Raises RosterFileError, FileAccessError."""
    try:
        return sheet.read_roster(Path(path), mapping)
    except sheet.RosterReadError as error:
        if error.os_error is not None:
            raise FileAccessError.from_os_error(Path(path), error.os_error) from error
        raise RosterFileError(Path(path), error.reason) from error


def plan_import(
    uow: UnitOfWork,
    path: Path,
    today: date,
    mapping: Mapping[str, str | None] | None = None,
) -> ImportPlan:
    """Read ``path`` and validate all of it against the register; writes nothing.

    ``mapping`` gives a member field (or None: ignore) for header texts the reader does not know.
    Raises RosterFileError (not a workbook, no roster header), FileAccessError.
    """
    parsed = read_file(path, mapping)  # before the first query: no transaction is open yet
    return plan_rows(uow, parsed, today)


def plan_rows(uow: UnitOfWork, parsed: sheet.RosterFile, today: date) -> ImportPlan:
    problems: list[ImportProblem] = []
    unknown: list[UnknownHeader] = []
    for sheet_data in parsed.sheets:
        for header in sheet_data.headers:
            if not header.known:
                unknown.append(UnknownHeader(sheet_data.name, header.column, header.text))
                problems.append(ImportProblem(
                    sheet_data.name, sheet_data.header_row, header.column, "", "unknown_column",
                    Severity.WARNING, header=header.text,
                ))

    # One query each: the register's ID numbers (with status) and the party groups.
    existing: dict[str, tuple[str, str]] = {
        number: (member_id, status)
        for member_id, number, status in uow.session.execute(
            select(MemberRow.id, MemberRow.id_number, MemberRow.status)
        ).tuples()
    }
    groups = _party_groups(uow)

    # First pass: each row as a new member; its normalized ID number finds the ones to update.
    rows = [(s, r) for s in parsed.sheets for r in s.rows]
    fresh = [_row_input(row, None, groups) for _s, row in rows]
    fresh = [(members.completed(data, today), group) for data, group in fresh]
    numbers = [data.id_number for data, _group in fresh]
    matched_ids = [existing[n][0] for n in numbers if n and n in existing]
    stored = _stored_inputs(uow, matched_ids)

    planned: list[PlannedRow] = []
    seen: dict[str, int] = {}
    new_groups: list[str] = []
    for (sheet_data, row), number, (data, group_name) in zip(rows, numbers, fresh, strict=True):
        match = existing.get(number) if number else None
        base = stored.get(match[0]) if match else None
        if base is not None:
            data, group_name = _row_input(row, base, groups)
            data = members.completed(data, today)
        if group_name and group_name not in groups and group_name not in new_groups:
            new_groups.append(group_name)
        row_problems = _row_problems(sheet_data, row, data, today)
        if number and number in seen:
            column = row.columns.get("id_number", "")
            row_problems.append(ImportProblem(
                row.sheet, row.row, column, "id_number", "duplicate_in_file",
                other_row=seen[number],
            ))
        elif number:
            seen[number] = row.row
        if match is not None and match[1] != MembershipStatus.ACTIVE.value:
            row_problems.append(ImportProblem(
                row.sheet, row.row, row.columns.get("id_number", ""), "id_number",
                "member_has_left", Severity.WARNING,
            ))
        problems += row_problems
        if base is None:
            action = Action.CREATE
        elif not group_name and _comparable(data) == _comparable(base):
            action = Action.UNCHANGED
        else:
            action = Action.UPDATE
        planned.append(PlannedRow(
            row.sheet, row.row, data, action, match[0] if match else None,
            group_name if data.party_group_id is None else "",
        ))
    order = {s.name: i for i, s in enumerate(parsed.sheets)}
    problems.sort(key=lambda p: (order.get(p.sheet, 0), p.row, len(p.column), p.column))
    return ImportPlan(
        path=parsed.path,
        rows=tuple(planned),
        problems=tuple(problems),
        unknown_headers=tuple(unknown),
        new_party_groups=tuple(new_groups),
        sheets=tuple(s.name for s in parsed.sheets),
    )


def _party_groups(uow: UnitOfWork) -> dict[str, str]:
    """Party group name → id."""
    query = select(PartyGroupRow.name, PartyGroupRow.id)
    return {name: group_id for name, group_id in uow.session.execute(query).tuples()}


def _row_input(
    row: sheet.RosterRow, base: MemberInput | None, groups: Mapping[str, str]
) -> tuple[MemberInput, str]:
    """The row's values over the stored member (an update keeps what the file does not have)."""
    values = {k: v for k, v in row.values.items() if k in _INPUT_FIELDS}
    group_name = ""
    if sheet.PARTY_GROUP in row.values:
        group_name = str(row.values[sheet.PARTY_GROUP] or "").strip()
        values["party_group_id"] = groups.get(group_name) if group_name else None
    if "birth_date" in row.month_only and values.get("id_number"):
        # 出生年月 gives the month only; the ID number gives the day. When they agree on the
        # month, the ID number's date is taken (completed() fills it), else the 1st stays and
        # the mismatch is warned about.
        values["birth_date"] = _birth_month(values["birth_date"], values)
    if base is None:
        data = MemberInput(name=values.pop("name", ""), **values)
    else:
        data = replace(base, **values)
    if data.party_group_id is not None:
        group_name = ""
    return data, group_name


def _birth_month(first_of_month: date, values: Mapping[str, Any]) -> date | None:
    found = validate_id(
        values["id_number"], values.get("id_type") or IdType.RESIDENT, today=date.max
    )
    born = found.birth_date
    if born is not None and (born.year, born.month) == (first_of_month.year, first_of_month.month):
        return None
    return first_of_month


_INPUT_FIELDS = frozenset(f.name for f in fields(MemberInput)) - {"party_group_id"}

# Where a problem of a field is shown when the file has no column for it.
_FALLBACK_COLUMNS = {
    "birth_date": "id_number",
    "gender": "id_number",
    "work_unit": sheet.WORK_UNIT_AND_POST,
    "job_title": sheet.WORK_UNIT_AND_POST,
}


def _row_problems(
    sheet_data: sheet.RosterSheet, row: sheet.RosterRow, data: MemberInput, today: date
) -> list[ImportProblem]:
    out = [ImportProblem(row.sheet, row.row, p.column, _target(p.field), p.code, value=p.value)
           for p in row.problems]
    in_error = {_target(p.field) for p in row.problems}
    issues: Iterable[Issue] = rules.check(members.to_facts(data), today)
    for issue in issues:
        if issue.field in in_error:
            continue  # the cell itself is already reported (e.g. digits lost, not a date)
        column = row.columns.get(issue.field) or row.columns.get(
            _FALLBACK_COLUMNS.get(issue.field, ""), ""
        )
        out.append(ImportProblem(
            row.sheet, row.row, column, issue.field, issue.code, issue.severity,
            value=sheet.shown_value(row.values.get(issue.field)),
        ))
    return out


def _target(field_name: str) -> str:
    return "work_unit" if field_name == sheet.WORK_UNIT_AND_POST else field_name


def _stored_inputs(uow: UnitOfWork, ids: Sequence[str]) -> dict[str, MemberInput]:
    """The stored members ``ids`` as inputs, in chunks (SQLite limits bound parameters)."""
    out: dict[str, MemberInput] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        chunk = unique[start : start + 500]
        for row in uow.session.scalars(select(MemberRow).where(MemberRow.id.in_(chunk))):
            out[row.id] = members.input_of(row)  # the register's own mapping
    return out


def _comparable(data: MemberInput) -> MemberInput:
    """``data`` as the register stores it (strings stripped), for "did anything change"."""
    changes = {
        f.name: getattr(data, f.name).strip()
        for f in fields(MemberInput)
        if isinstance(getattr(data, f.name), str) and f.name != "party_group_id"
    }
    return replace(data, **changes)


# ---------------------------------------------------------------- writing


def apply_import(uow: UnitOfWork, plan: ImportPlan, today: date) -> ImportResult:
    """Write the plan, all or nothing (the caller commits). Raises InvalidInputError when the plan
    has errors or the register changed since it was made (a planned new ID number now exists)."""
    if plan.has_errors:
        raise InvalidInputError(
            [FieldProblem(p.field or "file", p.code) for p in plan.errors]
        )
    creates = [r for r in plan.rows if r.action is Action.CREATE]
    updates = [r for r in plan.rows if r.action is Action.UPDATE]
    current = set(uow.session.scalars(select(MemberRow.id_number)))
    if any(r.data.id_number in current for r in creates):
        raise InvalidInputError([FieldProblem("id_number", "duplicate_id_number")])

    groups = _party_groups(uow)
    for name in plan.new_party_groups:
        if name not in groups:
            groups[name] = members.create_party_group(uow, name)

    def group_of(planned: PlannedRow) -> str | None:
        if planned.party_group_name:
            return groups[planned.party_group_name]
        return planned.data.party_group_id

    insert_members(
        uow, [(uow.new_id(), r.data) for r in creates], "import", [group_of(r) for r in creates]
    )
    for planned in updates:
        if planned.member_id is None:
            continue
        data = replace(planned.data, party_group_id=group_of(planned))
        members.update_member(uow, planned.member_id, data, today)
    result = ImportResult(len(creates), len(updates), plan.count(Action.UNCHANGED))
    uow.audit("member.import", "roster", "members", {
        "file": plan.path.name, "created": result.created, "updated": result.updated,
        "unchanged": result.unchanged,
    })
    return result


_FIELD_NAMES = tuple(f.name for f in fields(MemberInput))
_ENUM_FIELDS = ("id_type", "category", "stage", "branch_post", "classification")
_TEXT_FIELDS = tuple(
    name for name in _FIELD_NAMES
    if isinstance(getattr(MemberInput(name=""), name), str) and name != "party_group_id"
)
_DATE_FIELDS = tuple(f.name for f in fields(MemberInput) if "date" in str(f.type))


def _column_values(data: MemberInput) -> dict[str, Any]:
    """The member table's column values for ``data``, as ``members.create_member`` stores them
    (enums as their values, no gender as "", text stripped)."""
    values = dict(vars(data))
    for name in _ENUM_FIELDS:
        values[name] = values[name].value
    values["gender"] = data.gender.value if data.gender is not None else ""
    for name in _TEXT_FIELDS:
        values[name] = values[name].strip()
    return values


def insert_members(
    uow: UnitOfWork,
    items: Sequence[tuple[str, MemberInput]],
    source: str,
    party_groups: Sequence[str | None] | None = None,
) -> None:
    """Insert already validated and completed members with one executemany, with the audit entry
    and the outbox op ``create_member`` writes for each (bulk-appended, same chain and clock).
    ``party_groups``, when given, are the members' group ids (instead of their party_group_id).

    Bypassing ``create_member`` is for speed only: it checks each row again (two queries) and
    appends audit and outbox one by one, about 1 ms a member; a 10,000-row roster would take
    over 10 s. Every row here has passed ``rules.check`` in the plan.
    """
    if not items:
        return
    now = utc_iso()
    rows, ops = [], []
    for index, (member_id, data) in enumerate(items):
        values = _column_values(data)
        patch = members.wire_fields(data)
        if party_groups is not None:
            values["party_group_id"] = patch["party_group_id"] = party_groups[index]
        values.update(
            id=member_id, created_at=now, updated_at=now, server_version=0,
            sort_key=pinyin_key(values["name"]),
            status=MembershipStatus.ACTIVE.value,
        )
        rows.append(values)
        ops.append(("member", member_id, patch))
    insert_rows(uow.session.connection(), cast(Table, MemberRow.__table__), rows)
    uow.audit_many([("member.create", "member", mid, {"source": source}) for mid, _ in items])
    uow.outbox_many([(entity, entity_id, patch, 0) for entity, entity_id, patch in ops])


# ---------------------------------------------------------------- export


def export_entries(uow: UnitOfWork) -> list[sheet.RosterEntry]:
    """The members on the roll, by party group and name, as roster entries."""
    query = (
        select(MemberRow, PartyGroupRow.name)
        .outerjoin(PartyGroupRow, MemberRow.party_group_id == PartyGroupRow.id)
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .order_by(members.group_rank(uow), MemberRow.sort_key, MemberRow.id)
    )
    entries = []
    for row, group_name in uow.session.execute(query).tuples():
        data = members.input_of(row)  # the register's own mapping
        values = {f.name: getattr(data, f.name) for f in fields(MemberInput)}
        values[sheet.PARTY_GROUP] = group_name or ""
        entries.append(sheet.RosterEntry(values))
    return entries


TEMPLATE_TITLE = "党员花名册"
TEMPLATE_NOTE = (
    "填写说明：第4行是示例（序号为“示例”的行导入时跳过，可删除）；从第5行起每行一名党员；"
    "日期写作 1990-01-02；身份证号、电话请设为文本格式。"
)
# The template's example: a made-up person whose values the import accepts (a valid ID number).
EXAMPLE = MemberInput(
    name="张三", id_number="110105198503070019", gender=Gender.MALE, birth_date=date(1985, 3, 7),
    ethnic_group="01", native_place="北京市朝阳区", education="21", degree="4",
    work_unit="某某局办公室", job_title="科员", phone="13800000000",
    admission_date=date(2010, 7, 1), full_date=date(2011, 7, 1), sponsors="李四、王五",
)
EXAMPLE_PARTY_GROUP = "第一党小组"


def export_template(path: Path) -> Path:
    """Write a blank roster template to ``path``: the title, the headers the import expects and
    one example row (marked "示例", skipped by the import). Holds no personal data, so it is not
    audited. Raises FileAccessError."""
    path = Path(path)
    values: dict[str, Any] = {f.name: getattr(EXAMPLE, f.name) for f in fields(MemberInput)}
    values[sheet.PARTY_GROUP] = EXAMPLE_PARTY_GROUP
    try:
        sheet.write_roster(path, TEMPLATE_TITLE, TEMPLATE_NOTE, [sheet.RosterEntry(values)],
                           serial=sheet.EXAMPLE_MARK)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    return path


ROSTER_TITLE = "{branch}党员花名册"
ROSTER_NOTE = "党支部：{branch}　　导出日期：{day}　　共{count}人"


def secret_member_count(uow: UnitOfWork) -> int:
    """秘密 members on the roll (those an export would take out of the encrypted store)."""
    return uow.session.scalar(
        select(func.count(MemberRow.id))
        .where(MemberRow.status == MembershipStatus.ACTIVE.value)
        .where(MemberRow.classification == Classification.SECRET.value)
    ) or 0


def export_roster(
    uow: UnitOfWork, path: Path, today: date, branch_name: str, *, include_secret: bool = False
) -> ExportResult:
    """Write the members on the roll to ``path`` and record the export in the audit log (the
    caller commits). A roll holding 秘密 members is exported only with ``include_secret`` (the
    user said so: DESIGN.md, "Security model"), else ``SecretExportConfirmationRequired`` and
    nothing is written; the file is then marked 秘密 on every printed page and in its title.
    Raises FileAccessError."""
    path = Path(path)
    secret = secret_member_count(uow)
    if secret and not include_secret:
        raise SecretExportConfirmationRequired(secret)
    entries = export_entries(uow)
    marking = CLASSIFICATION_LABELS[Classification.SECRET] if secret else None
    title = ROSTER_TITLE.format(branch=branch_name)
    note = ROSTER_NOTE.format(
        branch=branch_name, day=f"{today.year}年{today.month}月{today.day}日", count=len(entries)
    )
    try:
        count = sheet.write_roster(path, title, note, entries, marking=marking)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
    uow.audit("member.export", "roster", "members",
              {"path": str(path), "members": count, "secret": secret})
    return ExportResult(path, count)
