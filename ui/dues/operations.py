"""The work the 党费 tabs hand to a background thread, one function per kind of work.

Each function takes what the work needs (read on the GUI thread beforehand) and returns the
operation — ``TaskContext -> outcome`` — that does it in its own unit of work: the tabs run writes
with ``run_in_background`` (a progress dialog) and reads with ``LatestOnly``. The arrears list's
operation is ``ui.dues.reminders.arrears_operation`` (工作台 runs it too); the workbooks
exported from 月度收缴 are written by ``ui.dues.exports``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from types import ModuleType

from app.domain.calendar import Month
from app.domain.dues import PaymentMethod
from app.domain.dues_bases import BaseCheckSettings
from app.domain.name_order import pinyin_key
from app.errors import CancelledError, FieldProblem, InvalidInputError
from app.services import dues, members
from app.services.dues import BaseLine, GenerationResult, PaymentReceipt, RemittanceSummary
from app.services.workspace import Workspace
from ui.common.tasks import Operation, TaskContext
from ui.dues.month_entry import PendingPayment

PAYROLL_IMPORT_MODULE = "app.services.dues_import"


# ---------------------------------------------------------------- 月度收缴
def generate_month_operation(workspace: Workspace, month: Month) -> Operation:
    """Record the month's amounts due; the outcome is the result and the names (by pinyin) of
    the members left out for want of a base."""

    def work(_context: TaskContext) -> tuple[GenerationResult, list[str]]:
        with workspace.unit_of_work() as uow:
            result = dues.generate_month(uow, month)
            names = sorted((row.name for row in
                            members.member_rows(uow, list(result.missing_base))),
                           key=pinyin_key)
            uow.commit()
        return result, names

    return work


@dataclass(frozen=True)
class Saved:
    """What a background save did: results per member id, or the problems that stopped it."""

    done: dict[str, PaymentReceipt] = field(default_factory=dict)
    problems: dict[str, InvalidInputError] = field(default_factory=dict)


def record_payments_operation(workspace: Workspace, month: Month, paid_on: date,
                              method: PaymentMethod, pending: list[PendingPayment]) -> Operation:
    """Record every typed payment in one unit of work: all rows or none (``Saved``)."""

    def work(context: TaskContext) -> Saved:
        saved = Saved()
        with workspace.unit_of_work() as uow:
            prepaid = dues.months_to_prepay(
                uow, month, {p.member_id: p.prepaid for p in pending if p.prepaid > 0})
            for number, item in enumerate(pending, 1):
                if context.cancelled():
                    raise CancelledError()
                try:
                    ahead = prepaid.get(item.member_id, ())
                    if item.prepaid > 0 and not ahead:
                        raise InvalidInputError([FieldProblem("amount", "cannot_prepay")])
                    saved.done[item.member_id] = dues.record_payment(
                        uow, item.member_id, paid_on, [month, *ahead], item.amount,
                        voluntary=item.voluntary, payer=item.payer, method=method,
                        note=item.note,
                    )
                except InvalidInputError as error:
                    saved.problems[item.member_id] = error
                context.progress(number, len(pending))
            if not saved.problems:
                uow.commit()  # all rows or none
        return saved

    return work


# ---------------------------------------------------------------- 基数核定
def read_bases_operation(workspace: Workspace, year: int) -> Operation:
    """The year's base lines and the plausibility thresholds."""

    def work(_context: TaskContext) -> tuple[list[BaseLine], BaseCheckSettings]:
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            return dues.base_lines(uow, year), dues.base_check_settings(uow)

    return work


def save_bases_operation(workspace: Workspace, effective: Month,
                         pending: list[tuple[str, Decimal]]) -> Operation:
    """Record the typed bases from ``effective`` on, all or none; the outcome is the problems
    by member id (empty when saved)."""

    def work(context: TaskContext) -> dict[str, InvalidInputError]:
        problems: dict[str, InvalidInputError] = {}
        with workspace.unit_of_work() as uow:
            for number, (member_id, base) in enumerate(pending, 1):
                if context.cancelled():
                    raise CancelledError()
                try:
                    dues.set_base(uow, member_id, effective, base)
                except InvalidInputError as error:
                    problems[member_id] = error
                context.progress(number, len(pending))
            if not problems:
                uow.commit()
        return problems

    return work


def plan_payroll_import_operation(module: ModuleType, workspace: Workspace, path: Path,
                                  effective: Month, today: date) -> Operation:
    """Read and check a payroll file; the outcome is the plan (nothing is written)."""

    def work(_context: TaskContext) -> object:
        with workspace.unit_of_work() as uow:
            return module.plan_base_import(uow, path, effective, today)

    return work


def apply_payroll_import_operation(module: ModuleType, workspace: Workspace,
                                   plan: object) -> Operation:
    """Record the bases of a confirmed plan."""

    def work(_context: TaskContext) -> object:
        with workspace.unit_of_work() as uow:
            result = module.apply_base_import(uow, plan)
            uow.commit()
        return result

    return work


# ---------------------------------------------------------------- 上缴记录
def remittance_summary_operation(workspace: Workspace, year: int) -> Operation:
    """The year's collections, remittances and their comparison."""

    def work(_context: TaskContext) -> RemittanceSummary:
        with workspace.unit_of_work(read_only=True) as uow:  # this thread's own session
            return dues.remittance_summary(uow, year)

    return work
