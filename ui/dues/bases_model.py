"""The yearly 核定 of dues bases as a Qt table model.

Rows are the ``BaseLine``s of ``app.services.dues.base_lines`` (every paying member with last
year's base and the base in force this year); the secretary types the new base. Members paying a
fixed amount (第六条: students, farmers, 低保…) need no base and their cell cannot be edited. The
page records the typed bases through ``set_base``; nothing here touches the database.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush

from app.domain.dues import needs_base
from app.domain.dues_bases import BaseCheckSettings, base_warnings
from app.domain.money import format_yuan, is_whole_fen, parse_yuan
from app.services.dues import BaseLine
from ui.common import dues_texts, member_texts
from ui.dues import sheet_model
from ui.dues.sheet_model import EntrySheetModel, Index


class BaseCol(enum.IntEnum):
    NAME = 0
    CATEGORY = 1
    PREVIOUS = 2
    CURRENT = 3
    NEW = 4
    STATUS = 5


MONEY = frozenset({BaseCol.PREVIOUS, BaseCol.CURRENT, BaseCol.NEW})


def column_title(column: BaseCol) -> str:
    titles = {
        BaseCol.NAME: QCoreApplication.translate("DuesBaseModel", "Name"),
        BaseCol.CATEGORY: QCoreApplication.translate("DuesBaseModel", "Category"),
        BaseCol.PREVIOUS: QCoreApplication.translate("DuesBaseModel", "Last year's base"),
        BaseCol.CURRENT: QCoreApplication.translate("DuesBaseModel", "Current base"),
        BaseCol.NEW: QCoreApplication.translate("DuesBaseModel", "New monthly base"),
        BaseCol.STATUS: QCoreApplication.translate("DuesBaseModel", "Remarks"),
    }
    return titles[column]


def parse_base(text: str) -> Decimal | None:
    """A typed base: None unless a non-negative amount in whole fen."""
    try:
        value = parse_yuan(text)
    except ValueError:
        return None
    return value if value >= 0 and is_whole_fen(value) else None


class DuesBaseModel(EntrySheetModel):
    """``changed`` after anything typed changes."""

    changed = Signal()
    column_count = len(BaseCol)
    money_columns = frozenset(c.value for c in MONEY)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[BaseLine] = []
        self._typed: dict[str, str] = {}
        self._messages: dict[str, tuple[str, bool]] = {}
        self.check_settings = BaseCheckSettings()  # the plausibility thresholds (a setting)

    def load(self, lines: list[BaseLine], keep_typed: bool = False) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        listed = {line.member_id for line in self._lines}
        self._typed = {k: v for k, v in self._typed.items() if keep_typed and k in listed}
        self._messages = {k: v for k, v in self._messages.items() if keep_typed and k in listed}
        self.endResetModel()
        self.changed.emit()

    def hide_rows(self, keep_typed: bool = True) -> None:
        """Show no rows while new ones are read; what was typed (and the remarks) waits for
        them, unless ``keep_typed`` is False. ``load`` then keeps it for the members listed."""
        self.beginResetModel()
        self._lines = []
        if not keep_typed:
            self._typed.clear()
            self._messages.clear()
        self.endResetModel()

    def clear(self) -> None:
        self.load([])

    def has_typed(self) -> bool:
        """True while a typed base is not saved."""
        return bool(self._typed)

    def line(self, row: int) -> BaseLine:
        return self._lines[row]

    def member_id(self, row: int) -> str:
        return self._lines[row].member_id

    def row_of(self, member_id: str) -> int | None:
        return next((i for i, line in enumerate(self._lines) if line.member_id == member_id),
                    None)

    def typed(self, row: int) -> str:
        return self._typed.get(self._lines[row].member_id, "")

    def set_typed(self, row: int, text: str) -> None:
        member_id = self._lines[row].member_id
        if text.strip():
            self._typed[member_id] = text
        else:
            self._typed.pop(member_id, None)
        self._messages.pop(member_id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(BaseCol) - 1))
        self.changed.emit()

    def copy_current(self, rows: list[int]) -> int:
        """Type this year's base (or last year's) as the new base where none is typed yet."""
        done = 0
        for row in rows:
            line = self._lines[row]
            known = line.current if line.current is not None else line.previous
            if needs_base(line.category) and known is not None and not self.typed(row):
                self.set_typed(row, format_yuan(known))
                done += 1
        return done

    def set_message(self, member_id: str, text: str, error: bool) -> None:
        self._messages[member_id] = (text, error)
        row = self.row_of(member_id)
        if row is not None:
            index = self.index(row, BaseCol.STATUS)
            self.dataChanged.emit(index, index)

    def clear_typed(self, member_ids: list[str]) -> None:
        for member_id in member_ids:
            self._typed.pop(member_id, None)
        if self._lines:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._lines) - 1, len(BaseCol) - 1))
        self.changed.emit()

    def pending(self) -> tuple[list[tuple[str, Decimal]], list[int]]:
        """(member id, base) of every valid typed base; rows whose text is not an amount."""
        ready: list[tuple[str, Decimal]] = []
        wrong: list[int] = []
        for row, line in enumerate(self._lines):
            text = self._typed.get(line.member_id, "").strip()
            if not text:
                continue
            value = parse_base(text)
            if value is None:
                wrong.append(row)
            else:
                ready.append((line.member_id, value))
        return ready, wrong

    def warnings(self, row: int) -> list[str]:
        """Why the base typed in ``row`` looks like a slip (nothing if none is typed)."""
        line = self._lines[row]
        value = parse_base(self.typed(row).strip()) if self.typed(row).strip() else None
        if value is None:
            return []
        previous = line.current if line.current is not None else line.previous
        return [dues_texts.base_warning_text(w, self.check_settings, previous)
                for w in base_warnings(line.category, value, previous, self.check_settings)]

    def missing_count(self) -> int:
        """Members who need a base and have none, typed or recorded."""
        return sum(
            1 for row, line in enumerate(self._lines)
            if needs_base(line.category) and line.current is None and not self.typed(row)
        )

    def _status(self, row: int) -> tuple[str, QBrush | None]:
        line = self._lines[row]
        text = self.typed(row).strip()
        if text and parse_base(text) is None:
            return (QCoreApplication.translate(
                "DuesBaseModel", "Not an amount: write it like 4800 or 4800.50."),
                QBrush(sheet_model.ERROR_COLOR))
        message = self._messages.get(line.member_id)
        if message is not None:
            color = sheet_model.ERROR_COLOR if message[1] else sheet_model.DONE_COLOR
            return message[0], QBrush(color)
        warnings = self.warnings(row)
        if warnings:
            return (QCoreApplication.translate("DuesBaseModel", "Check: {reasons}").format(
                reasons="；".join(warnings)), QBrush(sheet_model.HINT_COLOR))
        if not needs_base(line.category):
            return (QCoreApplication.translate(
                "DuesBaseModel", "Fixed amount, no base needed (art. 6)"),
                QBrush(sheet_model.SETTLED_COLOR))
        if line.current is None and not text:
            return (QCoreApplication.translate("DuesBaseModel", "No base yet"),
                    QBrush(sheet_model.ERROR_COLOR))
        return "", None

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, column = index.row(), BaseCol(index.column())
        line = self._lines[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            match column:
                case BaseCol.NAME:
                    return line.name
                case BaseCol.CATEGORY:
                    return member_texts.label(line.category)
                case BaseCol.PREVIOUS:
                    return format_yuan(line.previous) if line.previous is not None else ""
                case BaseCol.CURRENT:
                    return format_yuan(line.current) if line.current is not None else ""
                case BaseCol.NEW:
                    text = self.typed(row).strip()
                    value = parse_base(text) if text else None
                    return format_yuan(value) if value is not None else text
                case BaseCol.STATUS:
                    return self._status(row)[0]
        if role == Qt.ItemDataRole.EditRole and column == BaseCol.NEW:
            return self.typed(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = (Qt.AlignmentFlag.AlignRight if column in MONEY
                          else Qt.AlignmentFlag.AlignLeft)
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == BaseCol.STATUS:
            return self._status(row)[1]
        if (role == Qt.ItemDataRole.BackgroundRole and column == BaseCol.NEW
                and needs_base(line.category)):
            return QBrush(sheet_model.ENTRY_BACKGROUND)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (index.isValid() and role == Qt.ItemDataRole.EditRole
                and self.editable(index.row(), index.column())):
            return False
        self.set_typed(index.row(), "" if value is None else str(value))
        return True

    def column_title(self, column: int) -> str:
        return column_title(BaseCol(column))

    def editable(self, row: int, column: int) -> bool:
        return (column == BaseCol.NEW and 0 <= row < len(self._lines)
                and needs_base(self._lines[row].category))
