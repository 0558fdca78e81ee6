"""党员: the member register — the list, the development of new members, the party groups.

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

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.development import STAGES, Deadline, Stage
from app.domain.dues import PersonCategory
from app.errors import BranchDeskError, InvalidInputError
from app.services import members
from app.services.members import DevelopmentItem, MemberFilter, PartyGroup, StatusFilter
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.members.detail import MemberDetail
from ui.members.dialogs import EventDialog, LeaveDialog
from ui.members.form import MemberForm
from ui.members.table_model import COLUMNS, MemberTableModel
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.search_box import search_as_typed

ROSTER_IO_MODULE = "ui.members.roster_io"
HORIZONS = (30, 60, 90)

Today = Callable[[], date]


def _roster_io() -> ModuleType | None:
    """The roster import/export module, or None where this build has none."""
    try:
        return importlib.import_module(ROSTER_IO_MODULE)
    except ImportError:
        return None


def deadline_words(deadline: Deadline, today: date) -> str:
    """How far away a deadline is: 还有 12 天 / 今天到期 / 已逾期 3 天."""
    days = (deadline.due_date - today).days
    if days > 0:
        return QCoreApplication.translate("MembersPage", "in {days} days").format(days=days)
    if days == 0:
        return QCoreApplication.translate("MembersPage", "due today")
    return QCoreApplication.translate("MembersPage", "{days} days overdue").format(days=-days)


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
        self.tabs.addTab(self._development_tab(), self.tr("Development of new members"))
        self.tabs.addTab(self._groups_tab(), self.tr("Party groups"))
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
        for combo in (self.stage_filter, self.group_filter, self.category_filter):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self._fill_group_filter([])

        self.count_label = QLabel()
        self.count_label.setObjectName("member_count")

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
        self.detail_button = QPushButton(self.tr("View"))
        self.edit_button = QPushButton(self.tr("Edit"))
        self.leave_button = QPushButton(self.tr("Leave the branch…"))
        self.event_button = QPushButton(self.tr("Add to the record…"))
        self.import_button = QPushButton(self.tr("Import roster…"))
        self.export_button = QPushButton(self.tr("Export roster…"))
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
        ):
            filters2.addWidget(QLabel(text))
            filters2.addWidget(combo)
            filters2.addSpacing(8)
        filters2.addStretch(1)
        filters2.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.add_button, self.detail_button, self.edit_button,
                       self.leave_button, self.event_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)

        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addLayout(filters2)
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

    # ---------------------------------------------------------------- development
    def _development_tab(self) -> QWidget:
        tab = QWidget()
        self.horizon_combo = QComboBox()
        for days in HORIZONS:
            self.horizon_combo.addItem(self.tr("next {days} days").format(days=days), days)
        self.horizon_combo.currentIndexChanged.connect(lambda _i: self.refresh_development())
        self.development_summary = QLabel()
        self.development_tree = QTreeWidget()
        self.development_tree.setHeaderLabels([
            self.tr("Name"), self.tr("Deadline"), self.tr("Due date"), self.tr("When"),
        ])
        self.development_tree.setAlternatingRowColors(True)
        header = self.development_tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.development_tree.itemDoubleClicked.connect(self._development_item_opened)
        hint = QLabel(self.tr(
            "Applicants, activists, development candidates and probationary members on the "
            "roll, by stage, with what falls due: the talk with an applicant (within a month), "
            "the half-yearly review of an activist, the committee's approval and the end of "
            "probation. Double-click a name to open the record."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show deadlines due in the:")))
        top.addWidget(self.horizon_combo)
        top.addSpacing(16)
        top.addWidget(self.development_summary, 1)
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addLayout(top)
        layout.addWidget(self.development_tree, 1)
        return tab

    def refresh_development(self) -> None:
        if not self._workspace.is_unlocked:
            return
        today = self._today()
        with self._workspace.unit_of_work(read_only=True) as uow:
            items = members.development_overview(uow, today, self.horizon_combo.currentData())
        self._show_development(items, today)

    def _show_development(self, items: list[DevelopmentItem], today: date) -> None:
        tree = self.development_tree
        tree.clear()
        by_stage: dict[Stage, list[DevelopmentItem]] = {}
        for item in items:
            by_stage.setdefault(item.stage, []).append(item)
        due = overdue = 0
        for stage in STAGES:
            if stage is Stage.FULL:
                continue
            found = by_stage.get(stage, [])
            parent = QTreeWidgetItem([
                self.tr("{stage} ({count})").format(
                    stage=member_texts.label(stage), count=len(found)
                )
            ])
            parent.setFirstColumnSpanned(True)
            font = parent.font(0)
            font.setBold(True)
            parent.setFont(0, font)
            tree.addTopLevelItem(parent)
            for item in found:
                deadlines = item.deadlines or (None,)
                for deadline in deadlines:
                    child = QTreeWidgetItem([item.name, "", "", ""])
                    child.setData(0, Qt.ItemDataRole.UserRole, item.member_id)
                    if deadline is not None:
                        due += 1
                        child.setText(1, member_texts.label(deadline.kind))
                        child.setText(2, deadline.due_date.isoformat())
                        child.setText(3, deadline_words(deadline, today))
                        if deadline.is_overdue(today):
                            overdue += 1
                            child.setForeground(3, Qt.GlobalColor.red)
                    else:
                        child.setText(1, self.tr("nothing due"))
                    parent.addChild(child)
            parent.setExpanded(True)
        self.development_summary.setText(
            self.tr("{due} deadlines, {overdue} of them overdue").format(
                due=due, overdue=overdue
            )
        )

    def development_rows(self) -> list[tuple[str, str, str, str]]:
        """(name, deadline, due date, when) of every member row shown, for tests."""
        rows = []
        tree = self.development_tree
        for i in range(tree.topLevelItemCount()):
            parent = tree.topLevelItem(i)
            for j in range(parent.childCount()):
                child = parent.child(j)
                rows.append(tuple(child.text(c) for c in range(4)))
        return rows  # type: ignore[return-value]

    def _development_item_opened(self, item: QTreeWidgetItem, _column: int) -> None:
        member_id = item.data(0, Qt.ItemDataRole.UserRole)
        if member_id:
            self.show_detail(str(member_id))

    # ---------------------------------------------------------------- party groups
    def _groups_tab(self) -> QWidget:
        tab = QWidget()
        self.groups_table = QTableWidget(0, 2)
        self.groups_table.setHorizontalHeaderLabels(
            [self.tr("Party group"), self.tr("Members on the roll")]
        )
        self.groups_table.verticalHeader().setVisible(False)
        self.groups_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.groups_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.groups_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.groups_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.groups_table.itemSelectionChanged.connect(self._group_selected)
        self.groups_empty_hint = EmptyHint(self.groups_table, self.tr(
            "No party groups yet: type a name below and click “Add party group”."
        ))
        self.group_name_edit = QLineEdit()
        self.group_name_edit.setPlaceholderText(self.tr("e.g. 第一党小组"))
        self.group_name_edit.setMaxLength(50)
        self.add_group_button = QPushButton(self.tr("Add party group"))
        self.rename_group_button = QPushButton(self.tr("Rename selected"))
        self.add_group_button.clicked.connect(self.add_group)
        self.rename_group_button.clicked.connect(self.rename_group)
        self.group_name_edit.returnPressed.connect(self.add_group)
        self.group_feedback = QLabel()
        self.group_name_edit.textEdited.connect(lambda _t: self.group_feedback.clear())
        box = QGroupBox(self.tr("Party group name"))
        row = QHBoxLayout(box)
        row.addWidget(self.group_name_edit, 1)
        row.addWidget(self.add_group_button)
        row.addWidget(self.rename_group_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.groups_table, 1)
        layout.addWidget(box)
        layout.addWidget(self.group_feedback)
        self._group_ids: list[str] = []
        self._group_selected()
        return tab

    def _show_groups(self, groups: list[PartyGroup]) -> None:
        self.groups_table.setRowCount(0)
        self._group_ids = [g.id for g in groups]
        for group in groups:
            row = self.groups_table.rowCount()
            self.groups_table.insertRow(row)
            self.groups_table.setItem(row, 0, QTableWidgetItem(group.name))
            count = QTableWidgetItem(str(group.member_count))
            count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.groups_table.setItem(row, 1, count)
        self._fill_group_filter(groups)

    def _selected_group(self) -> str | None:
        rows = self.groups_table.selectionModel().selectedRows()
        return self._group_ids[rows[0].row()] if rows else None

    def _group_selected(self) -> None:
        group_id = self._selected_group()
        self.rename_group_button.setEnabled(group_id is not None)
        if group_id is not None:
            item = self.groups_table.item(self._group_ids.index(group_id), 0)
            self.group_name_edit.setText(item.text() if item else "")

    def add_group(self) -> None:
        self._write_group(None)

    def rename_group(self) -> None:
        group_id = self._selected_group()
        if group_id is not None:
            self._write_group(group_id)

    def _write_group(self, group_id: str | None) -> None:
        name = self.group_name_edit.text()
        try:
            with self._workspace.unit_of_work() as uow:
                if group_id is None:
                    members.create_party_group(uow, name)
                else:
                    members.rename_party_group(uow, group_id, name)
                uow.commit()
        except InvalidInputError as error:
            problem = error.problems[0]
            self.group_feedback.setStyleSheet(ERROR_STYLE)
            self.group_feedback.setText(
                self.tr("Party group name {problem}").format(
                    problem=member_texts.issue_text(problem.code)
                )
            )
            return
        except BranchDeskError as error:
            self.group_feedback.setStyleSheet(ERROR_STYLE)
            self.group_feedback.setText(message_for(error))
            return
        self.group_feedback.setStyleSheet(NOTICE_STYLE)
        self.group_feedback.setText(
            self.tr("Party group added.") if group_id is None else self.tr("Renamed.")
        )
        self.group_name_edit.clear()
        self._reload_all()

    def refresh_groups(self) -> None:
        if not self._workspace.is_unlocked:
            return
        with self._workspace.unit_of_work(read_only=True) as uow:
            groups = members.party_groups(uow)
        self._show_groups(groups)

    # ---------------------------------------------------------------- lock and unlock
    def refresh(self) -> None:
        """Reload everything from the (unlocked) workspace; raises BranchDeskError."""
        self.refresh_groups()
        self.model.set_filter(self.current_filter(), keep_rows=False)
        self._show_count()
        self.refresh_development()

    def clear(self) -> None:
        """Forget everything shown (the workspace was locked); typed filters stay."""
        self._search_timer.stop()
        self.model.clear()
        self.count_label.clear()
        self.feedback_label.clear()
        self.development_tree.clear()
        self.development_summary.clear()
        self.groups_table.setRowCount(0)
        self._group_ids = []
        self.group_feedback.clear()
        self._fill_group_filter([])
