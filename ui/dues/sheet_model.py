"""What the two 党费 sheets the secretary types into (月度收缴, 基数核定) share as Qt table
models: the colours of their remarks and of the cells typed into, the header (columns titled
across the top, money right-aligned, rows numbered down the side) and which cells can be edited.
"""

from __future__ import annotations

from collections.abc import Container
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ui.widgets.headers import header_data

Index = QModelIndex | QPersistentModelIndex

ERROR_COLOR = QColor("#b00020")
HINT_COLOR = QColor("#8a5300")
DONE_COLOR = QColor("#1b5e20")
SETTLED_COLOR = QColor("#707070")
ENTRY_BACKGROUND = QColor("#fff8e1")  # where the secretary types


class EntrySheetModel(QAbstractTableModel):
    """A table of member rows with cells to type in. A sheet says how many columns it has
    (``column_count``), which hold money (``money_columns``), their titles (``column_title``)
    and which cells can be typed in (``editable``)."""

    column_count = 0
    money_columns: Container[int] = frozenset()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.column_count

    def column_title(self, column: int) -> str:
        raise NotImplementedError

    def editable(self, row: int, column: int) -> bool:
        raise NotImplementedError

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(section, orientation, role, self.column_count, self.column_title,
                           self.money_columns, self.rowCount())

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index.row(), index.column()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
