"""The 同步 page's conflicts box: fields changed both on this PC and on the platform, and the
choice of the value to keep for each."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.common.lazy_module import LazyModule as _LazyModule
from ui.common.messages import message_for
from ui.common.styles import HINT_STYLE
from ui.sync.rows_model import RowsModel, rows_table
from ui.sync.state import ConflictLine
from ui.sync.texts import show_feedback

if TYPE_CHECKING:
    from sync import service
else:
    service = _LazyModule("sync.service")  # the sync client: imported when first used


class ConflictsBox(QGroupBox):
    """``refresh`` reads the page's state again after a choice (raises BranchDeskError);
    ``decided`` after a value was kept (other pages may need a refresh)."""

    decided = Signal()

    def __init__(self, workspace: Workspace, refresh: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Conflicts to decide"))
        self._workspace = workspace
        self._refresh = refresh
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr(
            "These fields were changed both on this PC and on the platform. Choose for each "
            "which value to keep; it is sent to the platform with the next synchronization."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        self.model = RowsModel([self.tr("Record"), self.tr("Field"), self.tr("Value on this PC"),
                                self.tr("Value on the platform")], self)
        self.view = rows_table(self.model)
        layout.addWidget(self.view)
        self.keep_local_button = QPushButton(self.tr("Keep this PC's value"))
        self.keep_local_button.clicked.connect(lambda: self.resolve_selected("local"))
        self.keep_server_button = QPushButton(self.tr("Keep the platform's value"))
        self.keep_server_button.clicked.connect(lambda: self.resolve_selected("server"))
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.keep_local_button)
        row.addWidget(self.keep_server_button)
        row.addWidget(self.feedback, 1)
        layout.addLayout(row)

    def show_conflicts(self, conflicts: list[ConflictLine]) -> None:
        self.model.set_rows([(c.record, c.field, c.local, c.server) for c in conflicts],
                            [c.id for c in conflicts])
        has_conflicts = bool(conflicts)
        # Kept while it says what was just decided.
        self.setVisible(has_conflicts or bool(self.feedback.text()))
        self.keep_local_button.setEnabled(has_conflicts)
        self.keep_server_button.setEnabled(has_conflicts)
        if has_conflicts and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def resolve_selected(self, choice: str) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            show_feedback(self.feedback, self.tr("Select a conflict first."), ok=False)
            return
        conflict_id = self.model.ids[rows[0].row()]
        try:
            service.resolve_conflict(self._workspace, conflict_id, choice)
            self._refresh()
        except BranchDeskError as error:
            show_feedback(self.feedback, message_for(error), ok=False)
            return
        show_feedback(self.feedback, self.tr(
            "Kept. The value is sent to the platform with the next synchronization."), ok=True)
        self.show()  # the last one decided: still say so
        self.decided.emit()

    def clear(self) -> None:
        """Forget what was shown (the workspace is being locked)."""
        self.feedback.clear()
        self.model.set_rows([], [])
