"""A table for entering many rows from the keyboard (monthly dues, yearly bases).

Type on a cell to start editing it (the first key is kept), Enter saves the cell and moves down
to the same column of the next row, so a column of amounts is typed as "48 Enter 25 Enter …".
Enter on a cell that is not being edited also moves down (a member who did not pay is skipped
with one key). Enter lands only on cells that can be edited: a row whose cell is read-only (a
member paying a fixed amount has no base) is passed over. Typing on a read-only cell changes
nothing and never moves: Qt's keyboard search (jump to the row whose text starts with the key)
is off, since the rest of the number would then overwrite another member's value;
``read_only_typed`` lets the page say why. Money columns are edited right-aligned, as they are
shown.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

Index = QModelIndex | QPersistentModelIndex


class _EntryDelegate(QStyledItemDelegate):
    """Line edits aligned like the cell they edit."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = super().createEditor(parent, option, index)
        alignment = index.data(Qt.ItemDataRole.TextAlignmentRole)
        if isinstance(editor, QLineEdit) and alignment is not None:
            editor.setAlignment(Qt.AlignmentFlag(int(alignment)))
        return editor


def editable(index: QModelIndex) -> bool:
    return index.isValid() and bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


def next_editable(model: QAbstractItemModel, row: int, columns: list[int]) -> QModelIndex:
    """The first editable cell in ``columns`` (tried in order) of the rows after ``row``."""
    for below in range(row + 1, model.rowCount()):
        for column in columns:
            index = model.index(below, column)
            if editable(index):
                return index
    return QModelIndex()


class EntryTableView(QTableView):
    """``read_only_typed(index)``: a key was typed on a cell that cannot be edited (nothing
    changed). ``entry_column``: where Enter goes from a column nobody types in (the name)."""

    read_only_typed = Signal(QModelIndex)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_column: int | None = None
        self.setItemDelegate(_EntryDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setTabKeyNavigation(True)
        self.verticalHeader().setDefaultSectionSize(28)

    def go_to(self, index: QModelIndex) -> None:
        """Make ``index`` the current and only selected cell, whatever keys are held."""
        if index.isValid():
            self.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.scrollTo(index)

    def move_down(self) -> None:
        """Make the next editable cell below the current one current, in the same column (or in
        ``entry_column`` from a column without any); nothing after the last one."""
        current = self.currentIndex()
        model = self.model()
        if not current.isValid() or model is None:
            return
        columns = [current.column()]
        if self.entry_column is not None and self.entry_column != current.column():
            columns.append(self.entry_column)
        target = next_editable(model, current.row(), columns[:1])
        if not target.isValid() and len(columns) > 1:
            target = next_editable(model, current.row(), columns[1:])
        self.go_to(target)

    def commit_open_editor(self) -> None:
        """Save what is typed in the cell being edited, if any, and close its editor."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.viewport().isAncestorOf(editor):
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def selected_rows(self) -> list[int]:
        return sorted({index.row() for index in self.selectionModel().selectedIndexes()})

    # ---------------------------------------------------------------- Qt
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        # Enter in an editor ends it with SubmitModelCache: the value is saved; move down.
        enter = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if enter else hint)
        if enter:
            self.move_down()

    def keyboardSearch(self, search: str) -> None:
        # Qt calls this for a key typed on a cell it cannot edit: never jump to another row.
        if search.strip():
            self.read_only_typed.emit(self.currentIndex())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.state() != QAbstractItemView.State.EditingState
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            self.move_down()
            event.accept()
            return
        super().keyPressEvent(event)
