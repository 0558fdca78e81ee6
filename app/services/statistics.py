"""The annual statistics (党内统计, issue 18): the tables a branch contributes to, as of a
reference date (31 December of the year by default), with the checks made before and with them.

Every figure comes from dated facts (``statistics_facts``): milestone dates, leaving dates and
reasons, letters in and out, flow and contact events, decision votes, the 换届 date. So the
tables of a past year come out the same after this year's edits (an admission, a 转正, a
transfer, a death, a new member), as long as nobody rewrites the past dates themselves.

Counts include every member, 秘密 ones too (a count reveals no record); the gaps and balance
errors name members and stay on the PC (the synced report holds the tables only:
``statistics_export.submit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.errors import FieldProblem, InvalidInputError
from app.services import statistics_checks as checks
from app.services import statistics_facts as facts
from app.services import statistics_tables as tables
from app.services.statistics_checks import Balance, BalanceError, Gap
from app.services.statistics_tables import Table
from app.storage.models import BranchRow
from app.storage.unit_of_work import UnitOfWork


@dataclass(frozen=True)
class Report:
    year: int
    first: date  # the period's first day (1 January)
    as_of: date  # the reference date
    branch_name: str
    tables: tuple[Table, ...]
    gaps: tuple[Gap, ...]
    balances: tuple[Balance, ...]
    errors: tuple[BalanceError, ...]

    @property
    def balanced(self) -> bool:
        return not self.errors and all(b.ok for b in self.balances)

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)


def reference_date(year: int, as_of: date | None = None) -> date:
    """The reference date of ``year``'s statistics: 31 December unless another day of the year
    is asked for (``InvalidInputError`` for a day outside it)."""
    if as_of is None:
        return date(year, 12, 31)
    if as_of.year != year:
        raise InvalidInputError([FieldProblem("as_of", "not_in_year")])
    return as_of


def make_report(uow: UnitOfWork, year: int, as_of: date | None = None) -> Report:
    as_of = reference_date(year, as_of)
    first = date(year, 1, 1)
    start = first - timedelta(days=1)
    people = facts.load_members(uow)
    timeline = facts.load_timeline(uow, as_of)
    branch = _branch(uow)
    balances, errors = checks.balance(people, start, as_of)
    built = [
        *tables.member_tables(people, as_of),
        tables.development_table(people, timeline, first, as_of),
        tables.reduction_table(people, timeline, first, as_of),
        tables.transfer_table(people, first, as_of),
        tables.flow_table(people, timeline, first, as_of),
        tables.branch_table(branch, people, first, as_of),
    ]
    return Report(
        year=year, first=first, as_of=as_of, branch_name=branch.name, tables=tuple(built),
        gaps=tuple(checks.gaps(people, as_of)), balances=tuple(balances), errors=tuple(errors),
    )


def _branch(uow: UnitOfWork) -> facts.BranchFacts:
    row = uow.session.query(BranchRow).one_or_none()
    if row is None:
        return facts.BranchFacts("", "", "", "", None)
    return facts.BranchFacts(row.name, row.code, row.committee, row.kind,
                             row.committee_elected_on)
