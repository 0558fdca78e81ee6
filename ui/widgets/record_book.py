"""What the record books' pages (谈心谈话, 整改) share: a read-only table of rows, the question
before deleting an entry (named buttons, the safe answer the default), and the file dialog of
an export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

WARNING_COLOUR = QColor("#b00020")


def new_table(headers: Sequence[str], widths: Sequence[int], stretch: int) -> QTableWidget:
    """A read-only single-selection table of rows; column ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill(table: QTableWidget, rows: Sequence[tuple[str, Sequence[str], bool]]) -> None:
    """Replace the rows: (record id, cell texts, shown as a warning). Each cell's tooltip is its
    whole text (cells are cut to the column)."""
    table.setRowCount(0)
    table.setRowCount(len(rows))
    for row, (record_id, texts, warning) in enumerate(rows):
        for column, text in enumerate(texts):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            if warning:
                item.setForeground(QBrush(WARNING_COLOUR))
            table.setItem(row, column, item)


def selected_id(table: QTableWidget) -> str | None:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None


def select_id(table: QTableWidget, record_id: str) -> bool:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
            table.selectRow(row)
            return True
    return False


def ask_delete(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """删除 / 取消 (取消 the default), without blocking; ``on_yes`` runs on 删除."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("RecordBook", "Delete"))
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("RecordBook", "Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.accepted.connect(on_yes)
    box.open()
    return box


def ask_save_path(
    parent: QWidget, title: str, name: str, pdf: bool, on_path: Callable[[Path], object]
) -> QFileDialog:
    """The window-modal "save as" dialog of an export (an .xlsx, or a .pdf)."""
    dialog = QFileDialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if pdf:
        dialog.setNameFilter(QCoreApplication.translate("RecordBook", "PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
    else:
        dialog.setNameFilter(
            QCoreApplication.translate("RecordBook", "Excel workbooks (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
    dialog.selectFile(name)
    dialog.fileSelected.connect(lambda file: on_path(Path(file)))
    dialog.open()
    return dialog
