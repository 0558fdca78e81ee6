"""党费 › 欠费提醒: members 3 or more consecutive months behind; 5 months or more in red
(第十三条). Double-clicking a member opens their dues history.

The list is folded from the whole ledger (seconds for 10,000 members), so it is worked out off
the GUI thread (``LatestOnly``: the newest reload wins) while the summary line says so; 工作台
runs the same operation (``ui.dues.reminders.arrears_operation``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.services.dues import ArrearsEntry
from app.services.workspace import Workspace
from ui.common import dues_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import LatestOnly
from ui.dues.reminders import WARNING_STYLE, arrears_operation, is_prominent
from ui.dues.tab_parts import MONEY_ALIGNMENT, Today, hint


class ArrearsTab(QWidget):
    """Everyone 3 or more months behind. The list is folded from the whole ledger, so ``reload``
    works it out off the GUI thread (``LatestOnly``) while the summary line says so; ``loaded``
    is emitted when it is shown (the list, or why it could not be worked out)."""

    history_requested = Signal(str)
    loaded = Signal()

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[ArrearsEntry] = []
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Name"), self.tr("Months unpaid in a row"), self.tr("Months"),
            self.tr("What to do"), self.tr("How the months count"),
        ])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        for column, width in enumerate((100, 110, 200, 220)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.cellDoubleClicked.connect(
            lambda row, _c: self.history_requested.emit(self.entries[row].member_id))
        layout = QVBoxLayout(self)
        layout.addWidget(hint(dues_texts.article_13_note()))
        layout.addWidget(hint(dues_texts.article_13_counting_note()))
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        self._latest = LatestOnly(self, self._arrived, self._failed)

    @property
    def busy(self) -> bool:
        """True from ``reload`` until its list is shown."""
        return self._latest.busy

    def reload(self) -> None:
        """Work out the arrears as of today off the GUI thread; the summary line says so
        meanwhile (a list shown before may be out of date: hence the reload)."""
        self._show_rows([])
        self.summary_label.setStyleSheet(HINT_STYLE)
        self.summary_label.setText(self.tr("Working out who is behind with their dues…"))
        self._latest.run(arrears_operation(self._workspace, self._today()))

    def _arrived(self, entries: list[ArrearsEntry]) -> None:
        self.show_entries(entries)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._show_rows([])
        self.summary_label.setStyleSheet(ERROR_STYLE)
        self.summary_label.setText(self.tr("The dues arrears could not be worked out: {reason}")
                                   .format(reason=message_for(error)))
        self.loaded.emit()

    def show_entries(self, entries: list[ArrearsEntry]) -> None:
        self._show_rows(entries)
        prominent = sum(1 for e in self.entries if is_prominent(e.arrears.level))
        if not self.entries:
            self.summary_label.setStyleSheet(NOTICE_STYLE)
            self.summary_label.setText(self.tr(
                "No member is three or more months behind with their dues."))
        else:
            self.summary_label.setStyleSheet(
                "color: #b00020; font-weight: bold;" if prominent else WARNING_STYLE)
            self.summary_label.setText(self.tr(
                "{count} members are three or more months behind; {urgent} of them five months "
                "or more."
            ).format(count=len(self.entries), urgent=prominent))

    def _show_rows(self, entries: list[ArrearsEntry]) -> None:
        self.entries = list(entries)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            level = entry.arrears.level
            cells = [
                QTableWidgetItem(entry.name),
                QTableWidgetItem(str(entry.arrears.consecutive_months)),
                QTableWidgetItem(dues_texts.months_text(entry.arrears.longest_run)),
                QTableWidgetItem(dues_texts.arrears_advice(level)),
                QTableWidgetItem(dues_texts.arrears_notes(entry.arrears, entry.exempt)),
            ]
            cells[1].setTextAlignment(MONEY_ALIGNMENT)
            for column, item in enumerate(cells):
                if is_prominent(level):
                    item.setForeground(QBrush(QColor("#b00020")))
                    item.setBackground(QBrush(QColor("#fdecea")))
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                else:
                    item.setForeground(QBrush(QColor("#8a5300")))
                item.setData(Qt.ItemDataRole.UserRole, level.value)
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()

    def clear(self) -> None:
        """Forget the list (the data was locked); a computation still running is ignored."""
        self._latest.drop()
        self.show_entries([])
        self.summary_label.clear()

    def rows(self) -> list[tuple[str, int, str]]:
        """(name, months, level code) of every row (for tests)."""
        return [(e.name, e.arrears.consecutive_months, e.arrears.level.value)
                for e in self.entries]

    def notes(self) -> list[str]:
        """The "how the months count" column, row by row (for tests)."""
        items = (self.table.item(row, 4) for row in range(self.table.rowCount()))
        return [item.text() if item is not None else "" for item in items]
