"""The register as a table: one line per entry, newest first; overdue entries in red.

A report handed to the 纪委 shows only what the register holds of it: the date and the 纪委's
reference number."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.opinions import Kind
from app.services.opinions import Opinion
from ui.common import opinion_texts

Index = QModelIndex | QPersistentModelIndex
OVERDUE = QColor("#b00020")


class OpinionTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Opinion] = []
        self.headers = [
            self.tr("Received"), self.tr("From"), self.tr("Channel"), self.tr("Category"),
            self.tr("Content"), self.tr("Unit"), self.tr("Status"), self.tr("Answer due"),
        ]

    def set_entries(self, entries: list[Opinion]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def entry(self, row: int) -> Opinion | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def row_of(self, opinion_id: str) -> int | None:
        for row, entry in enumerate(self.entries):
            if entry.id == opinion_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row())
        if entry is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and entry.overdue:
            return OVERDUE
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 4:
            return self.cells(entry)[4]
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.cells(entry)[index.column()]

    def cells(self, entry: Opinion) -> list[str]:
        received = entry.received_on.isoformat()
        if entry.kind is Kind.MISCONDUCT:
            return [received, "—", "—", self.tr("Report of misconduct"),
                    self.tr("(handed to the discipline committee; content not recorded here)"),
                    self.tr("Discipline committee"),
                    self.tr("Handed over {reference}").format(reference=entry.reference).strip(),
                    ""]
        proposer = entry.proposer or (self.tr("Anonymous") if entry.anonymous else "")
        status = opinion_texts.label(entry.status)
        if entry.overdue:
            status = self.tr("{status} (overdue)").format(status=status)
        return [
            received, proposer,
            opinion_texts.label(entry.channel) if entry.channel else "",
            opinion_texts.label(entry.category) if entry.category else "",
            " ".join(entry.content.split())[:80], entry.forwarded_to, status,
            entry.due_on.isoformat() if entry.due_on and entry.status.value in (
                "pending", "forwarded") else "",
        ]
