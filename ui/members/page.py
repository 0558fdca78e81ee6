"""党员: the member register — the list with its filter bar and actions; the tabs of the
development of new members and of the party groups are modules of their own.

The list is a ``MemberTableModel`` (ids from SQL, rows loaded a page at a time); the filter bar
builds a ``MemberFilter`` and the model asks the services. Typing in the search box waits for a
short pause before filtering, so a name typed quickly is one query, not one per character.
Editing, leaving and events open dialogs that call the services; afterwards the page reloads.
Locking clears everything shown (``clear``); unlocking reloads it (``refresh``).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from datetime import date
from types import ModuleType

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.development import STAGES
from app.domain.dues import PersonCategory
from app.domain.members import FlowDirection
from app.errors import BranchDeskError
from app.services import members, transfers
from app.services.members import MemberFilter, PartyGroup, StatusFilter
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.members.detail import MemberDetail
from ui.members.development_tab import DevelopmentTab
from ui.members.dialogs import EventDialog, LeaveDialog
from ui.members.form import MemberForm
from ui.members.party_groups_tab import PartyGroupsTab
from ui.members.table_model import COLUMNS, MemberTableModel
from ui.members.transfer_dialogs import TransferInDialog
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.search_box import search_as_typed

ROSTER_IO_MODULE = "ui.members.roster_io"

Today = Callable[[], date]


def _roster_io() -> ModuleType | None:
    """The roster import/export module, or None where this build has none."""
    try:
        return importlib.import_module(ROSTER_IO_MODULE)
    except ImportError:
        return None


class MembersPage(QWidget):
    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.model = MemberTableModel(workspace, parent=self)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_tab(), self.tr("Register"))
        self.development_tab = DevelopmentTab(workspace, today)
        self.development_tab.member_opened.connect(self.show_detail)
        self.tabs.addTab(self.development_tab, self.tr("Development of new members"))
        self.groups_tab = PartyGroupsTab(workspace)
        self.groups_tab.changed.connect(self._reload_all)
        self.tabs.addTab(self.groups_tab, self.tr("Party groups"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    # ---------------------------------------------------------------- the list
    def _list_tab(self) -> QWidget:
        tab = QWidget()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(
            self.tr("Search name, ID number, phone or work unit")
        )
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = search_as_typed(self.search_edit, self.apply_filter, self)

        self.status_group = QButtonGroup(self)
        self.status_buttons: dict[StatusFilter, QPushButton] = {}
        status_row = QHBoxLayout()
        status_row.setSpacing(0)
        for status, text in (
            (StatusFilter.ACTIVE, self.tr("On the roll")),
            (StatusFilter.TRANSFER_PENDING, self.tr("Awaiting receipt")),
            (StatusFilter.LEFT, self.tr("Left")),
            (StatusFilter.ALL, self.tr("All")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            self.status_group.addButton(button)
            self.status_buttons[status] = button
            status_row.addWidget(button)
        self.status_buttons[StatusFilter.ACTIVE].setChecked(True)
        self.status_group.buttonClicked.connect(lambda _b: self.apply_filter())

        self.stage_filter = QComboBox()
        self.stage_filter.addItem(self.tr("All stages"), None)
        for stage in reversed(STAGES):
            self.stage_filter.addItem(member_texts.label(stage), stage)
        self.group_filter = QComboBox()
        self.group_filter.setMinimumContentsLength(8)
        self.category_filter = QComboBox()
        self.category_filter.addItem(self.tr("All categories"), None)
        for category in PersonCategory:
            self.category_filter.addItem(member_texts.label(category), category)
        self.flow_filter = QComboBox()  # 流动党员, counted and listed apart
        self.flow_filter.addItem(self.tr("All"), None)
        for direction in (FlowDirection.OUT, FlowDirection.IN):
            self.flow_filter.addItem(member_texts.label(direction), direction)
        for combo in (self.stage_filter, self.group_filter, self.category_filter,
                      self.flow_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self._fill_group_filter([])

        self.count_label = QLabel()
        self.count_label.setObjectName("member_count")
        self.roster_counts_label = QLabel()  # 流动党员 and 转出待接收 counted apart
        self.roster_counts_label.setStyleSheet(HINT_STYLE)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionsClickable(True)
        for column, width in enumerate((80, 50, 90, 100, 100, 80, 80, 105)):
            self.table.setColumnWidth(column, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._sort_indicator_changed)
        self.table.doubleClicked.connect(lambda _index: self.show_detail())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.empty_hint = EmptyHint(self.table, self._empty_text)
        open_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        open_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        open_shortcut.activated.connect(self.show_detail)

        self.add_button = QPushButton(self.tr("New member"))
        self.transfer_in_button = QPushButton(self.tr("Transfer in…"))
        self.transfer_in_button.clicked.connect(self.transfer_in)
        self.detail_button = QPushButton(self.tr("View"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.leave_button = QPushButton(self.tr("Leave the branch…"))
        self.event_button = QPushButton(self.tr("Add to the record…"))
        # Parented at once: shown while parentless, a button is a window of its own for a moment.
        self.import_button = QPushButton(self.tr("Import roster…"), self)
        self.export_button = QPushButton(self.tr("Export roster…"), self)
        self.add_button.clicked.connect(self.add_member)
        self.detail_button.clicked.connect(self.show_detail)
        self.edit_button.clicked.connect(self.edit_member)
        self.leave_button.clicked.connect(self.record_leaving)
        self.event_button.clicked.connect(self.add_event)
        self.import_button.clicked.connect(self.import_roster)
        self.export_button.clicked.connect(self.export_roster)
        has_roster_io = importlib.util.find_spec(ROSTER_IO_MODULE) is not None
        self.import_button.setVisible(has_roster_io)
        self.export_button.setVisible(has_roster_io)

        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(self.search_edit, 1)
        filters.addLayout(status_row)
        filters2 = QHBoxLayout()
        for text, combo in (
            (self.tr("Stage:"), self.stage_filter),
            (self.tr("Party group:"), self.group_filter),
            (self.tr("Category:"), self.category_filter),
            (self.tr("Flowing:"), self.flow_filter),
        ):
            filters2.addWidget(QLabel(text))
            filters2.addWidget(combo)
            filters2.addSpacing(8)
        filters2.addStretch(1)
        filters2.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.add_button, self.transfer_in_button, self.detail_button,
                       self.edit_button, self.leave_button, self.event_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addLayout(filters2)
        layout.addWidget(self.roster_counts_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.feedback_label)
        layout.addLayout(actions)
        self._update_buttons()
        return tab

    def _fill_group_filter(self, groups: list[PartyGroup]) -> None:
        current = self.group_filter.currentData()
        self.group_filter.blockSignals(True)
        try:
            self.group_filter.clear()
            self.group_filter.addItem(self.tr("All party groups"), None)
            for group in groups:
                self.group_filter.addItem(group.name, group.id)
            self.group_filter.setCurrentIndex(max(self.group_filter.findData(current), 0))
        finally:
            self.group_filter.blockSignals(False)

    def _empty_text(self) -> str:
        if self.current_filter() != MemberFilter():
            return self.tr("No member matches the search and the filters.")
        return self.tr(
            "No members yet: click “New member”, or “Import roster…” to read a roster workbook."
        )

    def current_filter(self) -> MemberFilter:
        status = next(
            (s for s, b in self.status_buttons.items() if b.isChecked()), StatusFilter.ACTIVE
        )
        return MemberFilter(
            text=self.search_edit.text(),
            status=status,
            stage=self.stage_filter.currentData(),
            party_group_id=self.group_filter.currentData(),
            category=self.category_filter.currentData(),
            flow=self.flow_filter.currentData(),
        )

    def apply_filter(self) -> None:
        """Filter the list as the filter bar says (the search box calls this after a pause)."""
        self._search_timer.stop()
        if not self._workspace.is_unlocked:
            return
        try:
            self.model.set_filter(self.current_filter())
        except BranchDeskError as error:
            self._feedback(message_for(error), ok=False)
        self._show_count()

    def set_status_filter(self, status: StatusFilter) -> None:
        self.status_buttons[status].setChecked(True)
        self.apply_filter()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} people").format(count=self.model.count))
        if not self._workspace.is_unlocked:
            return
        with self._workspace.unit_of_work(read_only=True) as uow:
            counts = transfers.roster_counts(uow)
        self.roster_counts_label.setText(self.tr(
            "On the roll: {active}, of whom {out} flowing out and {into} flowing in; "
            "transferred out and awaiting receipt: {pending}."
        ).format(active=counts.active, out=counts.flow_out, into=counts.flow_in,
                 pending=counts.pending))

    def _sort_indicator_changed(self, column: int, _order: Qt.SortOrder) -> None:
        """Columns without an SQL sort keep the current order; put the indicator back."""
        if COLUMNS[column].sort is None:
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.sort_column(),
                Qt.SortOrder.DescendingOrder if self.model.member_filter.descending
                else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def selected_member_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.member_id(rows[0].row()) if rows else None

    def select_member(self, member_id: str) -> bool:
        row = self.model.row_of(member_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selected_name(self) -> str:
        rows = self.table.selectionModel().selectedRows()
        list_row = self.model.list_row(rows[0].row()) if rows else None
        return list_row.name if list_row else ""

    def _update_buttons(self) -> None:
        selected = self.selected_member_id() is not None
        for button in (self.detail_button, self.edit_button, self.leave_button,
                       self.event_button):
            button.setEnabled(selected)

    def _feedback(self, text: str, ok: bool = True) -> None:
        self.feedback_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback_label.setText(text)

    # ---------------------------------------------------------------- actions
    def add_member(self) -> MemberForm:
        form = MemberForm(self._workspace, None, self._today, self)
        form.saved.connect(self._after_save)
        form.open()
        return form

    def edit_member(self) -> MemberForm | None:
        member_id = self.selected_member_id()
        if member_id is None:
            return None
        form = MemberForm(self._workspace, member_id, self._today, self)
        form.saved.connect(self._after_save)
        form.open()
        return form

    def show_detail(self, member_id: str | None = None) -> MemberDetail | None:
        member_id = member_id or self.selected_member_id()
        if member_id is None:
            return None
        detail = MemberDetail(self._workspace, member_id, self._today, self)
        detail.changed.connect(self._after_change)
        detail.open()
        return detail

    def record_leaving(self) -> LeaveDialog | None:
        member_id = self.selected_member_id()
        if member_id is None:
            return None
        dialog = LeaveDialog(self._workspace, member_id, self._selected_name(), self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.open()
        return dialog

    def add_event(self) -> EventDialog | None:
        member_id = self.selected_member_id()
        if member_id is None:
            return None
        dialog = EventDialog(self._workspace, member_id, self._selected_name(), self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.open()
        return dialog

    def transfer_in(self) -> TransferInDialog:
        dialog = TransferInDialog(self._workspace, self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.open()
        return dialog

    def import_roster(self) -> QDialog | None:
        module = _roster_io()
        if module is None:
            self.import_button.hide()
            return None
        dialog: QDialog = module.RosterImportDialog(self._workspace, self)
        dialog.imported.connect(self._after_import)  # type: ignore[attr-defined]
        dialog.open()
        return dialog

    def export_roster(self) -> None:
        module = _roster_io()
        if module is None:
            self.export_button.hide()
            return
        module.export_roster_interactively(self, self._workspace)

    def _after_save(self, member_id: str) -> None:
        self._feedback(self.tr("Saved."))
        self._after_change(member_id)

    def _after_import(self, count: int) -> None:
        self._reload_all()
        self._feedback(self.tr("{count} members imported.").format(count=count))

    def _after_change(self, member_id: str) -> None:
        self._reload_all()
        self.select_member(member_id)

    def _reload_all(self) -> None:
        try:
            self.refresh()
        except BranchDeskError as error:
            self._feedback(message_for(error), ok=False)

    # ---------------------------------------------------------------- lock and unlock
    def refresh_groups(self) -> None:
        if not self._workspace.is_unlocked:
            return
        with self._workspace.unit_of_work(read_only=True) as uow:
            groups = members.party_groups(uow)
        self.groups_tab.show_groups(groups)
        self._fill_group_filter(groups)

    def refresh(self) -> None:
        """Reload everything from the (unlocked) workspace; raises BranchDeskError."""
        self.refresh_groups()
        self.model.set_filter(self.current_filter(), keep_rows=False)
        self._show_count()
        self.development_tab.refresh()

    def clear(self) -> None:
        """Forget everything shown (the workspace was locked); typed filters stay."""
        self._search_timer.stop()
        self.model.clear()
        self.count_label.clear()
        self.roster_counts_label.clear()
        self.feedback_label.clear()
        self.development_tab.clear()
        self.groups_tab.clear()
        self._fill_group_filter([])
