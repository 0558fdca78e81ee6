"""The monthly dues entry (月度收缴) as a Qt table model.

Rows are the ``MonthLine``s of ``app.services.dues.month_sheet`` (who owes what for the month and
what has been set against it); the model adds what the secretary types in this session: the
amount handed over now (本次实交), the voluntary part, who paid on the member's behalf, a note
(``ui.dues.month_entry``: what is typed and how it is checked).
Typed text is kept per month and member id, so reloading the sheet after a save, a generation, a
change of month or a lock keeps what was not saved yet (amounts only: no names). Nothing here
reads or writes the database: the page loads the lines and records the payments through the
services. Money is ``Decimal``; text is parsed with ``parse_yuan`` and shown with ``format_yuan``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from app.domain import dues as rules
from app.domain.calendar import Month
from app.domain.money import ZERO, format_yuan
from app.services.dues import MonthLine
from ui.common import dues_texts, member_texts
from ui.dues.month_entry import (
    Entry,
    Overpayment,
    PendingPayment,
    Totals,
    check_entry,
    parse_amount,
)
from ui.dues.sheet_model import (
    DONE_COLOR,
    ENTRY_BACKGROUND,
    ERROR_COLOR,
    HINT_COLOR,
    SETTLED_COLOR,
    EntrySheetModel,
    Index,
)


class Col(enum.IntEnum):
    NAME = 0
    CATEGORY = 1
    DUE = 2
    PAID = 3
    OUTSTANDING = 4
    AMOUNT = 5
    VOLUNTARY = 6
    PAYER = 7
    NOTE = 8
    STATUS = 9


EDITABLE = frozenset({Col.AMOUNT, Col.VOLUNTARY, Col.PAYER, Col.NOTE})
MONEY = frozenset({Col.DUE, Col.PAID, Col.OUTSTANDING, Col.AMOUNT, Col.VOLUNTARY})


def column_title(column: Col) -> str:
    titles = {
        Col.NAME: QCoreApplication.translate("DuesMonthModel", "Name"),
        Col.CATEGORY: QCoreApplication.translate("DuesMonthModel", "Category"),
        Col.DUE: QCoreApplication.translate("DuesMonthModel", "Due"),
        Col.PAID: QCoreApplication.translate("DuesMonthModel", "Paid"),
        Col.OUTSTANDING: QCoreApplication.translate("DuesMonthModel", "Unpaid"),
        Col.AMOUNT: QCoreApplication.translate("DuesMonthModel", "Paid now"),
        Col.VOLUNTARY: QCoreApplication.translate("DuesMonthModel", "Of which voluntary"),
        Col.PAYER: QCoreApplication.translate("DuesMonthModel", "Paid by (if not self)"),
        Col.NOTE: QCoreApplication.translate("DuesMonthModel", "Note"),
        Col.STATUS: QCoreApplication.translate("DuesMonthModel", "Remarks"),
    }
    return titles[column]


class DuesMonthModel(EntrySheetModel):
    """One month's lines plus what is typed. ``totals_changed`` after any change to the totals;
    ``overpaid(row)`` when an amount or voluntary part typed in ``row`` pays more than the month
    still owes and nobody has said yet what the rest is (``decide``)."""

    totals_changed = Signal()
    overpaid = Signal(int)
    column_count = len(Col)
    money_columns = frozenset(c.value for c in MONEY)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._month: Month | None = None
        self._paid_on: date | None = None
        self._lines: list[MonthLine] = []
        self._entries: dict[str, Entry] = {}
        self._messages: dict[str, tuple[str, bool]] = {}  # member id -> (text, is_error)
        self._other_months: dict[Month, dict[str, Entry]] = {}  # typed, not saved

    # ---------------------------------------------------------------- loading
    @property
    def month(self) -> Month | None:
        return self._month

    def load(self, month: Month, lines: list[MonthLine], paid_on: date | None = None) -> None:
        """Show ``lines`` of ``month``. Typed text and messages of the same month are kept for
        the members still listed; another month starts empty."""
        self.beginResetModel()
        if month != self._month:
            self._put_entries_aside()
            self._entries = self._other_months.pop(month, {})
            self._messages = {}
        self._month = month
        if paid_on is not None:
            self._paid_on = paid_on
        self._lines = list(lines)
        listed = {line.member_id for line in self._lines}
        self._entries = {k: v for k, v in self._entries.items() if k in listed}
        self._messages = {k: v for k, v in self._messages.items() if k in listed}
        self.endResetModel()
        self.totals_changed.emit()

    def clear(self) -> None:
        """Forget the lines and messages (the workspace was locked). What was typed is kept,
        by member id, and comes back when the month is loaded again."""
        self.beginResetModel()
        self._put_entries_aside()
        self._month = None
        self._lines = []
        self._entries = {}
        self._messages = {}
        self.endResetModel()
        self.totals_changed.emit()

    def has_typed(self) -> bool:
        """True while anything typed (for this month or another) is not saved."""
        return any(
            not entry.is_empty()
            for entries in (self._entries, *self._other_months.values())
            for entry in entries.values()
        )

    def _put_entries_aside(self) -> None:
        if self._month is not None and self._entries:
            self._other_months[self._month] = self._entries

    def set_paid_on(self, paid_on: date) -> None:
        """The date the money was handed over (the flags of 第十二条 depend on it)."""
        self._paid_on = paid_on
        self._status_changed(range(len(self._lines)))

    # ---------------------------------------------------------------- rows
    def line(self, row: int) -> MonthLine:
        return self._lines[row]

    def member_id(self, row: int) -> str:
        return self._lines[row].member_id

    def row_of(self, member_id: str) -> int | None:
        return next((i for i, line in enumerate(self._lines) if line.member_id == member_id),
                    None)

    def entry(self, row: int) -> Entry:
        return self._entries.get(self._lines[row].member_id, Entry())

    def status_text(self, row: int) -> str:
        return self._status(row)[0]

    def row_has_error(self, row: int) -> bool:
        text, color = self._status(row)
        return bool(text) and color == ERROR_COLOR

    def set_entry(self, row: int, column: Col, text: str) -> None:
        member_id = self._lines[row].member_id
        entry = self._entries.setdefault(member_id, Entry())
        setattr(entry, _ENTRY_FIELDS[column], text)
        if column in (Col.AMOUNT, Col.VOLUNTARY):
            entry.prepay = False  # decided for another amount
        if entry.is_empty():
            del self._entries[member_id]
        self._messages.pop(member_id, None)  # a message about the old text no longer applies
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(Col) - 1))
        self.totals_changed.emit()

    def mark_paid_in_full(self, rows: Iterable[int]) -> int:
        """Type the unpaid amount (plus any voluntary part typed) as 本次实交 in ``rows``.
        Rows with nothing unpaid are left alone. Returns how many rows were filled."""
        filled = 0
        for row in sorted(set(rows)):
            line = self._lines[row]
            if line.outstanding <= 0:
                continue
            voluntary = parse_amount(self.entry(row).voluntary) or ZERO
            self.set_entry(row, Col.AMOUNT, format_yuan(line.outstanding + voluntary))
            filled += 1
        return filled

    def excess(self, row: int) -> Decimal:
        """What the dues part typed in ``row`` pays beyond what the month still owes (0: none,
        or nothing valid typed)."""
        checked = check_entry(self.entry(row))
        if checked.amount is None:
            return ZERO
        return max(checked.amount - checked.voluntary - self._lines[row].outstanding, ZERO)

    def undecided(self) -> list[int]:
        """Rows paying more than owed with nothing decided for the rest."""
        return [row for row in range(len(self._lines))
                if self.excess(row) > 0 and not self.entry(row).prepay]

    def decide(self, row: int, choice: Overpayment) -> None:
        """VOLUNTARY: the excess becomes (part of) the voluntary part; PREPAY: it pays the
        following months ahead; CORRECT: nothing changes here (the amount is typed again)."""
        excess = self.excess(row)
        if excess <= 0 or choice is Overpayment.CORRECT:
            return
        if choice is Overpayment.VOLUNTARY:
            voluntary = parse_amount(self.entry(row).voluntary) or ZERO
            self.set_entry(row, Col.VOLUNTARY, format_yuan(voluntary + excess))
            return
        self._entries[self._lines[row].member_id].prepay = True
        self._status_changed([row])
        self.totals_changed.emit()

    def set_message(self, member_id: str, text: str, error: bool) -> None:
        """A message beside the row (the result of saving it)."""
        self._messages[member_id] = (text, error)
        row = self.row_of(member_id)
        if row is not None:
            self._status_changed([row])

    def clear_entries(self, member_ids: Iterable[str]) -> None:
        for member_id in member_ids:
            self._entries.pop(member_id, None)
        self.dataChanged.emit(self.index(0, 0), self.index(max(0, len(self._lines) - 1),
                                                           len(Col) - 1))
        self.totals_changed.emit()

    def pending(self) -> tuple[list[PendingPayment], list[int]]:
        """The rows to record, and the rows whose typed text is not valid (nothing of either
        kind for rows left empty)."""
        ready: list[PendingPayment] = []
        wrong: list[int] = []
        for row, line in enumerate(self._lines):
            entry = self._entries.get(line.member_id)
            if entry is None:
                continue
            checked = check_entry(entry)
            if checked.error:
                wrong.append(row)
            elif checked.amount is not None:
                prepaid = (max(checked.amount - checked.voluntary - line.outstanding, ZERO)
                           if entry.prepay else ZERO)
                ready.append(PendingPayment(line.member_id, checked.amount, checked.voluntary,
                                            entry.payer.strip(), entry.note.strip(), prepaid))
        return ready, wrong

    def totals(self) -> Totals:
        due = paid = entered = unpaid = ZERO
        count = 0
        for line in self._lines:
            due += line.due
            paid += line.paid
            dues_part = ZERO
            entry = self._entries.get(line.member_id)
            if entry is not None:
                checked = check_entry(entry)
                if checked.amount is not None:
                    entered += checked.amount
                    dues_part = checked.amount - checked.voluntary
                    count += 1
            unpaid += max(line.outstanding - dues_part, ZERO)
        return Totals(due, paid, entered, unpaid, count)

    # ---------------------------------------------------------------- the remarks column
    def _status(self, row: int) -> tuple[str, QColor | None]:
        line = self._lines[row]
        entry = self._entries.get(line.member_id)
        if entry is not None:
            checked = check_entry(entry)
            if checked.error:
                return checked.error, ERROR_COLOR
        message = self._messages.get(line.member_id)
        if message is not None:
            return message[0], ERROR_COLOR if message[1] else DONE_COLOR
        if entry is None:
            if line.due > 0 and line.outstanding == 0:
                return QCoreApplication.translate("DuesMonthModel", "paid in full"), \
                    SETTLED_COLOR
            return "", None
        return self._hints(line, entry), HINT_COLOR

    def _hints(self, line: MonthLine, entry: Entry) -> str:
        checked = check_entry(entry)
        if checked.amount is None:
            return ""
        words: list[str] = []
        if self._month is not None and self._paid_on is not None:
            payment = rules.Payment(
                event_id="", member_id=line.member_id, paid_on=self._paid_on,
                months=(self._month,), amount=checked.amount, voluntary=checked.voluntary,
                payer=entry.payer.strip() or None, note=entry.note.strip() or None,
            )
            words = dues_texts.flags_short(rules.payment_flags(payment))
        if checked.amount - checked.voluntary < line.outstanding:
            words.append(QCoreApplication.translate("DuesMonthModel", "partial payment"))
        elif checked.amount - checked.voluntary > line.outstanding:
            excess = format_yuan(checked.amount - checked.voluntary - line.outstanding)
            if entry.prepay:
                words.append(QCoreApplication.translate(
                    "DuesMonthModel", "{amount} paid ahead for the following months").format(
                        amount=excess))
            else:
                words.append(QCoreApplication.translate(
                    "DuesMonthModel", "{amount} more than unpaid: say what it is").format(
                        amount=excess))
        return "；".join(words)

    def _status_changed(self, rows: Iterable[int]) -> None:
        for row in rows:
            index = self.index(row, Col.STATUS)
            self.dataChanged.emit(index, index)

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        column = Col(index.column())
        row = index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.EditRole and column in EDITABLE:
            return getattr(self.entry(row), _ENTRY_FIELDS[column])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column in MONEY
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == Col.STATUS:
                color = self._status(row)[1]
                return QBrush(color) if color is not None else None
            if column == Col.OUTSTANDING and self._lines[row].outstanding == 0:
                return QBrush(SETTLED_COLOR)
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column in EDITABLE:
            return QBrush(ENTRY_BACKGROUND)
        return None

    def _text(self, row: int, column: Col) -> str:
        line = self._lines[row]
        match column:
            case Col.NAME:
                return line.name
            case Col.CATEGORY:
                return member_texts.label(line.category)
            case Col.DUE:
                return format_yuan(line.due)
            case Col.PAID:
                return format_yuan(line.paid)
            case Col.OUTSTANDING:
                return format_yuan(line.outstanding)
            case Col.AMOUNT | Col.VOLUNTARY:
                text = getattr(self.entry(row), _ENTRY_FIELDS[column]).strip()
                value = parse_amount(text) if text else None
                return format_yuan(value) if value is not None else text
            case Col.PAYER | Col.NOTE:
                return str(getattr(self.entry(row), _ENTRY_FIELDS[column]))
            case Col.STATUS:
                return self._status(row)[0]

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole
                or Col(index.column()) not in EDITABLE or not 0 <= index.row() < len(self._lines)):
            return False
        column = Col(index.column())
        self.set_entry(index.row(), column, "" if value is None else str(value))
        if column in (Col.AMOUNT, Col.VOLUNTARY) and self.excess(index.row()) > 0:
            self.overpaid.emit(index.row())
        return True

    def column_title(self, column: int) -> str:
        return column_title(Col(column))

    def editable(self, row: int, column: int) -> bool:
        return Col(column) in EDITABLE


_ENTRY_FIELDS = {
    Col.AMOUNT: "amount",
    Col.VOLUNTARY: "voluntary",
    Col.PAYER: "payer",
    Col.NOTE: "note",
}
