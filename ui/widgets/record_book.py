"""What the record books' pages (谈心谈话, 整改) share: the page of a year's entries
(``YearBookPage``), a read-only table of rows, the question before deleting an entry (named
buttons, the safe answer the default), and the file dialog of an export."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background

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
    return ask(parent, title, text, QCoreApplication.translate("RecordBook", "Delete"), on_yes)


def ask(
    parent: QWidget, title: str, text: str, yes: str, on_yes: Callable[[], None],
    icon: QMessageBox.Icon = QMessageBox.Icon.Question,
) -> QMessageBox:
    """``yes`` / 取消 (取消 the default), without blocking; ``on_yes`` runs on ``yes``."""
    box = QMessageBox(icon, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(yes)
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


def year_spin(today: date) -> QSpinBox:
    """The year a page shows, this year to begin with."""
    spin = QSpinBox()
    spin.setRange(1990, 2100)
    spin.setValue(today.year)
    spin.setSuffix(QCoreApplication.translate("RecordBook", " (year)"))
    return spin


class YearBookPage(QWidget):
    """A record book's page: a year, a table of the year's entries (``table``, made by the
    subclass before ``compose``), 新建 / 打开 / 删除 under it, export buttons on the right and a
    feedback line. ``changed`` after an entry was written (工作台 reloads its reminders).
    Subclasses give ``refresh``, ``clear``, ``open_entry`` and ``delete_entry``."""

    changed = Signal()
    table: QTableWidget

    def __init__(
        self, workspace: Workspace, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.file_dialog: QFileDialog | None = None
        self.question: QMessageBox | None = None
        self.last_task: BackgroundTask | None = None
        self.year_spin = year_spin(today())
        self.year_spin.valueChanged.connect(lambda _v: self.refresh())
        self.summary_label = QLabel()
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        self.new_button = QPushButton()
        self.open_button = QPushButton(QCoreApplication.translate("RecordBook", "Open"))
        self.delete_button = QPushButton(QCoreApplication.translate("RecordBook", "Delete"))
        self.open_button.clicked.connect(lambda: self.open_entry())
        self.delete_button.clicked.connect(lambda: self.ask_delete())

    def compose(self, rule: str, middle: QWidget, exports: Sequence[QPushButton]) -> None:
        """Lay the page out: the year and summary, ``rule`` (a hint), ``middle`` (the table or
        what holds it), the feedback line, then the buttons."""
        self.table.doubleClicked.connect(lambda _i: self.open_entry())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        hint = QLabel(rule)
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(QCoreApplication.translate("RecordBook", "Year:")))
        filters.addWidget(self.year_spin)
        filters.addSpacing(12)
        filters.addWidget(self.summary_label, 1)
        actions = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        for button in exports:
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(hint)
        layout.addWidget(middle, 1)
        layout.addWidget(self.feedback_label)
        layout.addLayout(actions)
        self._update_buttons()

    # ------------------------------------------------------------ for the subclasses
    def refresh(self) -> None:
        raise NotImplementedError

    def open_entry(self, entry_id: str | None = None) -> QWidget | None:
        raise NotImplementedError

    def delete_entry(self, entry_id: str) -> None:
        """Delete in the workspace (raises BranchDeskError)."""
        raise NotImplementedError

    def delete_question(self) -> tuple[str, str]:
        """The title and text of the question before deleting."""
        raise NotImplementedError

    # ------------------------------------------------------------ shared behaviour
    def selected_id(self) -> str | None:
        return selected_id(self.table)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def feedback(self, text: str, ok: bool = True) -> None:
        self.feedback_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback_label.setText(text)

    def after_save(self, entry_id: str) -> None:
        self.refresh()
        select_id(self.table, entry_id)
        self.feedback(QCoreApplication.translate("RecordBook", "Saved."))
        self.changed.emit()

    def ask_delete(self) -> QMessageBox | None:
        entry_id = self.selected_id()
        if entry_id is None:
            return None
        title, text = self.delete_question()
        self.question = ask_delete(self, title, text, lambda: self.delete(entry_id))
        return self.question

    def delete(self, entry_id: str) -> None:
        try:
            self.delete_entry(entry_id)
        except BranchDeskError as error:
            self.feedback(message_for(error), ok=False)
            return
        self.refresh()
        self.feedback(QCoreApplication.translate("RecordBook", "Deleted."))
        self.changed.emit()

    def run_export(
        self, operation: Callable[[TaskContext], object], done: Callable[[object], str],
        title: str,
    ) -> BackgroundTask:
        """Write an export off the GUI thread; ``done(result)`` words the feedback."""
        self.feedback("")
        self.last_task = run_in_background(
            self, operation, on_success=lambda result: self.feedback(done(result)),
            on_failure=lambda error: self.feedback(message_for(error), ok=False),
            title=title, cancellable=False)
        return self.last_task

    def clear_shown(self) -> None:
        """Forget the year's rows and lines (the workspace was locked)."""
        self.table.setRowCount(0)
        self.summary_label.clear()
        self.feedback_label.clear()
