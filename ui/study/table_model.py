"""The year's study table on the 学习教育 page: one row per member, hours per form, total,
target and what is missing (exempt members, 第23条, have no target)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from app.domain.study import StudyForm, hours_text
from app.services.study import TableLine
from ui.common import study_texts

Index = QModelIndex | QPersistentModelIndex
FORMS = tuple(StudyForm)
LEAD = 2  # name, party group
BEHIND_COLOUR = QColor("#b00020")


class StudyTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self.lines: list[TableLine] = []

    def set_lines(self, lines: list[TableLine]) -> None:
        self.beginResetModel()
        self.lines = lines
        self.endResetModel()

    def line(self, row: int) -> TableLine:
        return self.lines[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else LEAD + len(FORMS) + 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("Name")
        if section == 1:
            return self.tr("Party group")
        if section < LEAD + len(FORMS):
            return study_texts.form_text(FORMS[section - LEAD])
        return (self.tr("Total"), self.tr("Target"), self.tr("Missing"),
                self.tr("Status"))[section - LEAD - len(FORMS)]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and line.behind and column >= LEAD:
            return BEHIND_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= LEAD:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == 0 and line.committee:
            return self.tr("Secretary or committee member: target {hours} hours").format(
                hours=hours_text(line.target or Decimal(0)))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return line.name
        if column == 1:
            return line.party_group
        if column < LEAD + len(FORMS):
            value = line.hours.get(FORMS[column - LEAD])
            return hours_text(value) if value is not None else ""
        tail = column - LEAD - len(FORMS)
        if tail == 0:
            return hours_text(line.total)
        if tail == 1:
            return hours_text(line.target) if line.target is not None else "—"
        if tail == 2:
            return hours_text(line.shortfall) if line.target is not None else ""
        return self.status(line)

    def status(self, line: TableLine) -> str:
        if not line.on_roll:
            return self.tr("No longer in the branch")
        if line.exempt is not None:
            return self.tr("Exempt ({reason})").format(
                reason=study_texts.exempt_text(line.exempt))
        if line.reached:
            return self.tr("Reached")
        if line.behind:
            return self.tr("Behind the pace (on pace: {hours})").format(
                hours=hours_text(line.expected))
        return self.tr("On the way")
