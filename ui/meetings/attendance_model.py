"""Attendance of one meeting as a table model: everyone expected, present unless marked otherwise.

The rows are what the editor shows and edits; nothing is written here. The editor writes the rows
that differ from what is stored (``changed``) through ``set_attendance`` when the meeting is saved.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.services.meetings import Attendance
from ui.common import member_texts
from ui.widgets.headers import header_data

Index = QModelIndex | QPersistentModelIndex

NAME, STANDING, STATUS, REASON = range(4)
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's ``Attendance`` (the status column's combo reads and writes it)."""

COLUMN_TITLES = (
    lambda: QCoreApplication.translate("AttendanceTable", "Name"),
    lambda: QCoreApplication.translate("AttendanceTable", "Party standing"),
    lambda: QCoreApplication.translate("AttendanceTable", "Attendance"),
    lambda: QCoreApplication.translate("AttendanceTable", "Reason for leave or absence"),
)
"""Translated when asked for (the language is installed after import)."""

_ABSENT_BRUSH = QBrush(QColor("#fbe9e7"))
_PROBLEM_BRUSH = QBrush(QColor("#ffcdd2"))


@dataclass
class AttendanceRow:
    member_id: str
    name: str
    probationary: bool
    status: Attendance = Attendance.PRESENT
    reason: str = ""
    stored_status: Attendance = Attendance.PRESENT
    stored_reason: str = ""

    @property
    def changed(self) -> bool:
        return (self.status, self.reason.strip()) != (self.stored_status, self.stored_reason)


class AttendanceModel(QAbstractTableModel):
    """``marks_changed`` is emitted after any status or reason changed."""

    marks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AttendanceRow] = []
        self._read_only = False
        self._problem_ids: set[str] = set()

    # ---------------------------------------------------------------- content
    def set_rows(self, rows: list[AttendanceRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._problem_ids = set()
        self.endResetModel()
        self.marks_changed.emit()

    @property
    def rows(self) -> list[AttendanceRow]:
        return list(self._rows)

    def changed_rows(self) -> list[AttendanceRow]:
        return [row for row in self._rows if row.changed]

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, REASON))

    @property
    def read_only(self) -> bool:
        return self._read_only

    def row_of(self, member_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.member_id == member_id), None)

    def set_status(self, row: int, status: Attendance) -> None:
        self.setData(self.index(row, STATUS), status, STATUS_ROLE)

    def set_reason(self, row: int, reason: str) -> None:
        self.setData(self.index(row, REASON), reason, Qt.ItemDataRole.EditRole)

    def mark_problems(self, member_ids: set[str]) -> None:
        """Highlight rows the services refused (a missing reason)."""
        self._problem_ids = set(member_ids)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, REASON))

    def counts(self) -> dict[Attendance, int]:
        counts = dict.fromkeys(Attendance, 0)
        for row in self._rows:
            counts[row.status] += 1
        return counts

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMN_TITLES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == STATUS_ROLE:
            return row.status
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column == NAME:
                return row.name
            if column == STANDING:
                if row.probationary:
                    return QCoreApplication.translate("AttendanceTable", "Probationary member")
                return QCoreApplication.translate("AttendanceTable", "Full member")
            if column == STATUS:
                return member_texts.label(row.status)
            return row.reason
        if role == Qt.ItemDataRole.BackgroundRole:
            if row.member_id in self._problem_ids:
                return _PROBLEM_BRUSH
            if row.status is not Attendance.PRESENT:
                return _ABSENT_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole and column == REASON and (
            row.status is not Attendance.PRESENT and not row.reason.strip()
        ):
            return QCoreApplication.translate(
                "AttendanceTable", "Type the reason (for example 出差, 病假)."
            )
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self._read_only or index.row() >= len(self._rows):
            return False
        row = self._rows[index.row()]
        if index.column() == STATUS and role in (STATUS_ROLE, Qt.ItemDataRole.EditRole):
            if not isinstance(value, Attendance):
                return False
            row.status = value
            if value is Attendance.PRESENT:
                row.reason = ""
        elif index.column() == REASON and role == Qt.ItemDataRole.EditRole:
            if row.status is Attendance.PRESENT:
                return False
            row.reason = str(value)
        else:
            return False
        self._problem_ids.discard(row.member_id)
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), REASON))
        self.marks_changed.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(section, orientation, role, len(COLUMN_TITLES),
                           lambda column: COLUMN_TITLES[column](), (), len(self._rows))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only:
            return flags
        row = self._rows[index.row()]
        if index.column() == STATUS or (
            index.column() == REASON and row.status is not Attendance.PRESENT
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags
