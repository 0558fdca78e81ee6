"""The attendance register's table view: keyboard-first marking of who came.

Everyone expected is present; arrow keys move, 2 marks 请假, 3 marks 缺席, 4 marks 书面意见
(absent with a written opinion, counted in the votes: 发展党员工作细则第二十一条; the reason cell
opens for typing), 1 marks present again; Enter after a reason goes to the next row. The status
column is edited with a combo of 出席 / 请假 / 缺席 / 书面意见.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from app.services.meetings import Attendance
from ui.common import member_texts
from ui.meetings.attendance_model import REASON, STATUS, STATUS_ROLE, AttendanceModel

Index = QModelIndex | QPersistentModelIndex

_MARK_KEYS = {
    Qt.Key.Key_1: Attendance.PRESENT,
    Qt.Key.Key_2: Attendance.LEAVE,
    Qt.Key.Key_3: Attendance.ABSENT,
    Qt.Key.Key_4: Attendance.WRITTEN,
}


class _StatusDelegate(QStyledItemDelegate):
    """The status column is edited with a combo of 出席 / 请假 / 缺席 / 书面意见."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != STATUS:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for status in Attendance:
            combo.addItem(member_texts.label(status), status)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox) and index.column() == STATUS:
            editor.setCurrentIndex(max(editor.findData(index.data(STATUS_ROLE)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox) and index.column() == STATUS:
            model.setData(index, editor.currentData(), STATUS_ROLE)
            return
        super().setModelData(editor, model, index)


class AttendanceView(QTableView):
    """Arrow keys move; 1/2/3 mark the selected rows present / on leave / absent; marking one row
    absent opens its reason for typing; Enter after the reason goes to the next row."""

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attendance = model
        self.setModel(model)
        self.setItemDelegate(_StatusDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 100, self._status_width())):
            self.setColumnWidth(column, width)

    def _status_width(self) -> int:
        """Wide enough for the longest mark (缺席（书面意见）) with the cell's margins."""
        widest = max(self.fontMetrics().horizontalAdvance(member_texts.label(status))
                     for status in Attendance)
        return max(90, widest + 24)

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectionModel().selectedRows()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def mark(self, status: Attendance) -> None:
        """Mark the selected rows; one row marked absent without a reason opens the reason."""
        rows = self.selected_rows()
        for row in rows:
            self._attendance.set_status(row, status)
        if len(rows) == 1 and status is not Attendance.PRESENT:
            reason = self._attendance.index(rows[0], REASON)
            if not str(reason.data() or "").strip():
                self.setCurrentIndex(reason)
                self.edit(reason)

    def commit_open_editor(self) -> None:
        """Save what is typed in the cell being edited, if any, and close its editor."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.viewport().isAncestorOf(editor):
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        enter = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        column = self.currentIndex().column()
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if enter else hint)
        if enter and column == REASON:
            below = self._attendance.index(self.currentIndex().row() + 1, STATUS)
            if below.isValid():
                self.setCurrentIndex(below)
                self.selectRow(below.row())

    def keyboardSearch(self, search: str) -> None:
        # Qt calls this for a key typed on a cell it cannot edit (a present member's reason):
        # jumping to the member whose reason starts with that key would let the rest of what
        # is typed overwrite their reason. Nothing moves, nothing changes.
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = _MARK_KEYS.get(Qt.Key(event.key()))
        editing = self.state() == QAbstractItemView.State.EditingState
        if (
            status is not None
            and not editing
            and not self._attendance.read_only
            and self.currentIndex().column() != REASON
        ):
            self.mark(status)
            event.accept()
            return
        super().keyPressEvent(event)
