"""党员 → 党小组: the branch's party groups with their members on the roll; adding and renaming."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError, InvalidInputError
from app.services import members
from app.services.members import PartyGroup
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from ui.widgets.empty_hint import EmptyHint


class PartyGroupsTab(QWidget):
    """``changed`` after a group was added or renamed: the page reloads (the filter names the
    groups too)."""

    changed = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Party group"), self.tr("Members on the roll")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._group_selected)
        self.empty_hint = EmptyHint(self.table, self.tr(
            "No party groups yet: type a name below and click “Add party group”."
        ))
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. 第一党小组"))
        self.name_edit.setMaxLength(50)
        self.add_group_button = QPushButton(self.tr("Add party group"))
        self.rename_group_button = QPushButton(self.tr("Rename selected"))
        self.add_group_button.clicked.connect(self.add_group)
        self.rename_group_button.clicked.connect(self.rename_group)
        self.name_edit.returnPressed.connect(self.add_group)
        self.feedback = QLabel()
        self.name_edit.textEdited.connect(lambda _t: self.feedback.clear())
        box = QGroupBox(self.tr("Party group name"))
        row = QHBoxLayout(box)
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.add_group_button)
        row.addWidget(self.rename_group_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(self.feedback)
        self._group_ids: list[str] = []
        self._group_selected()

    def show_groups(self, groups: list[PartyGroup]) -> None:
        self.table.setRowCount(0)
        self._group_ids = [g.id for g in groups]
        for group in groups:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(group.name))
            count = QTableWidgetItem(str(group.member_count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 1, count)

    def _selected_group(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self._group_ids[rows[0].row()] if rows else None

    def _group_selected(self) -> None:
        group_id = self._selected_group()
        self.rename_group_button.setEnabled(group_id is not None)
        if group_id is not None:
            item = self.table.item(self._group_ids.index(group_id), 0)
            self.name_edit.setText(item.text() if item else "")

    def add_group(self) -> None:
        self._write_group(None)

    def rename_group(self) -> None:
        group_id = self._selected_group()
        if group_id is not None:
            self._write_group(group_id)

    def _write_group(self, group_id: str | None) -> None:
        name = self.name_edit.text()
        try:
            with self._workspace.unit_of_work() as uow:
                if group_id is None:
                    members.create_party_group(uow, name)
                else:
                    members.rename_party_group(uow, group_id, name)
                uow.commit()
        except InvalidInputError as error:
            problem = error.problems[0]
            self.feedback.setStyleSheet(ERROR_STYLE)
            self.feedback.setText(
                self.tr("Party group name {problem}").format(
                    problem=member_texts.issue_text(problem.code)
                )
            )
            return
        except BranchDeskError as error:
            self.feedback.setStyleSheet(ERROR_STYLE)
            self.feedback.setText(message_for(error))
            return
        self.feedback.setStyleSheet(NOTICE_STYLE)
        self.feedback.setText(
            self.tr("Party group added.") if group_id is None else self.tr("Renamed.")
        )
        self.name_edit.clear()
        self.changed.emit()

    def clear(self) -> None:
        """Forget what was shown (the workspace was locked)."""
        self.table.setRowCount(0)
        self._group_ids = []
        self.feedback.clear()
