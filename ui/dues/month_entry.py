"""What the secretary types for one member in 月度收缴, and how it is checked: the amount handed
over now, the voluntary part, who paid on the member's behalf, a note; a row ready to be recorded;
what an amount beyond the month's dues is; the month's totals.

Typed text is kept as typed; ``check_entry`` says what it amounts to or why it is not an amount
(its texts are translated in the ``DuesMonthModel`` context, where they are shown).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from app.domain.money import ZERO, is_whole_fen, parse_yuan


@dataclass
class Entry:
    """What was typed for one member (text, as typed)."""

    amount: str = ""
    voluntary: str = ""
    payer: str = ""
    note: str = ""
    prepay: bool = False  # what is paid beyond the month pays the following months ahead

    def is_empty(self) -> bool:
        return not any(t.strip() for t in (self.amount, self.voluntary, self.payer, self.note))


@dataclass(frozen=True)
class PendingPayment:
    """A row ready to be recorded."""

    member_id: str
    amount: Decimal
    voluntary: Decimal
    payer: str
    note: str
    prepaid: Decimal = ZERO  # paid ahead for the following months (the rest of the dues part)


class Overpayment(enum.Enum):
    """What the secretary decides for an amount beyond what the month still owes."""

    VOLUNTARY = "voluntary"  # 自愿多交党费 (第十一条)
    PREPAY = "prepay"  # the following months, paid ahead (第十二条)
    CORRECT = "correct"  # a typing slip: the amount is typed again


@dataclass(frozen=True)
class Totals:
    due: Decimal
    paid: Decimal  # recorded
    entered: Decimal  # typed now, valid rows only
    unpaid_after: Decimal  # still owed once what is typed is recorded
    rows_entered: int


@dataclass(frozen=True)
class CheckedEntry:
    amount: Decimal | None
    voluntary: Decimal
    error: str


def parse_amount(text: str) -> Decimal | None:
    """A typed amount: None if it is not a non-negative amount in whole fen."""
    try:
        value = parse_yuan(text)
    except ValueError:
        return None
    if value < 0 or not is_whole_fen(value):
        return None
    return value


def check_entry(entry: Entry) -> CheckedEntry:
    if entry.is_empty():
        return CheckedEntry(None, ZERO, "")
    amount_text = entry.amount.strip()
    if not amount_text:
        return CheckedEntry(None, ZERO, QCoreApplication.translate(
            "DuesMonthModel", "Enter the amount paid."))
    amount = parse_amount(amount_text)
    if amount is None:
        return CheckedEntry(None, ZERO, QCoreApplication.translate(
            "DuesMonthModel", "Not an amount: write it like 48 or 48.50."))
    if amount == 0:
        return CheckedEntry(None, ZERO, QCoreApplication.translate(
            "DuesMonthModel", "Enter an amount above 0, or leave it empty."))
    voluntary = ZERO
    if entry.voluntary.strip():
        parsed = parse_amount(entry.voluntary)
        if parsed is None:
            return CheckedEntry(None, ZERO, QCoreApplication.translate(
                "DuesMonthModel", "The voluntary part is not an amount."))
        if parsed > amount:
            return CheckedEntry(None, ZERO, QCoreApplication.translate(
                "DuesMonthModel", "The voluntary part is more than the amount paid."))
        voluntary = parsed
    return CheckedEntry(amount, voluntary, "")
