"""Header data shared by the table models: titles, right-aligned money columns, row numbers."""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

from PySide6.QtCore import Qt

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def header_data(
    section: int,
    orientation: Qt.Orientation,
    role: int,
    columns: int,
    title: Callable[[int], str],
    right_aligned: Container[int],
    rows: int,
) -> Any:
    """What ``QAbstractTableModel.headerData`` answers for a table numbered 1, 2, 3… down the
    side, with ``title(section)`` across the top and money columns aligned right."""
    if orientation == Qt.Orientation.Horizontal and 0 <= section < columns:
        if role == Qt.ItemDataRole.DisplayRole:
            return title(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section in right_aligned:
            return RIGHT
        return None
    if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole \
            and 0 <= section < rows:
        return str(section + 1)
    return None
