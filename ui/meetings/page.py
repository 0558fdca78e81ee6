"""组织生活: the meetings of the branch by period, their minutes, and compliance with the required
frequencies (三会一课 and the rest).

The list is a ``MeetingTableModel`` filtered in SQL by year and month (or the whole year), type
and a text in the topics or place. 新建会议 / 打开 open the ``MeetingEditor``. The minutes PDF, its
print preview and the sign-in sheet of the selected meeting are ``MeetingDocuments``; a build
without them shows the buttons disabled.

The 统计 tab is a ``ComplianceTab``. Locking clears everything shown (``clear``); unlocking
reloads it (``refresh``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.meetings import MeetingType
from app.errors import BranchDeskError
from app.services.meetings import MeetingFilter
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask
from ui.meetings.compliance_tab import ComplianceTab
from ui.meetings.documents import MeetingDocuments
from ui.meetings.editor import MeetingEditor
from ui.meetings.frequencies_dialog import FrequenciesDialog
from ui.meetings.table_model import MeetingTableModel
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.search_box import search_as_typed

Today = Callable[[], date]

TOPICS_COLUMN = 2


class MeetingsPage(QWidget):
    """``changed`` is emitted after a meeting was written (工作台 reloads its reminders)."""

    changed = Signal()
    rectification_requested = Signal(str, object)
    """An editor's 整改 button: (meeting id, date held), for the shell (issue 16)."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.model = MeetingTableModel(workspace, parent=self)
        self.editor: MeetingEditor | None = None
        self.documents = MeetingDocuments(workspace, self.model, self)
        self.documents.feedback.connect(self._feedback)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_tab(), self.tr("Meetings"))
        self.compliance = ComplianceTab(workspace, today)
        self.compliance.frequencies_saved.connect(self.changed)
        self.tabs.addTab(self.compliance, self.tr("Compliance"))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    # ---------------------------------------------------------------- the list
    def _list_tab(self) -> QWidget:
        tab = QWidget()
        this_year = self._today().year
        self.year_spin = QSpinBox()
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setValue(this_year)
        self.year_spin.setSuffix(self.tr(" (year)"))
        self.month_combo = QComboBox()
        self.month_combo.addItem(self.tr("Whole year"), None)
        for month in range(1, 13):
            self.month_combo.addItem(self.tr("Month {month}").format(month=month), month)
        self.type_filter = QComboBox()
        self.type_filter.addItem(self.tr("All types"), None)
        for meeting_type in MeetingType:
            self.type_filter.addItem(member_texts.label(meeting_type), meeting_type)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search topics or place"))
        self.search_edit.setClearButtonEnabled(True)
        self._search_timer = search_as_typed(self.search_edit, self.apply_filter, self)
        self.year_spin.valueChanged.connect(lambda _v: self.apply_filter())
        self.month_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.type_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.count_label = QLabel()
        self.count_label.setObjectName("meeting_count")

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        for column, width in enumerate((100, 130, 300, 140, 90, 90)):
            self.table.setColumnWidth(column, width)
        # The topics take the room a wide window gives (they were cut with "…" while the
        # status column beside them stood mostly empty).
        self.table.horizontalHeader().setSectionResizeMode(
            TOPICS_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.open_meeting())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self.empty_hint = EmptyHint(self.table, self._empty_text)
        open_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        open_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        open_shortcut.activated.connect(self.open_meeting)

        self.new_button = QPushButton(self.tr("New meeting"))
        self.open_button = QPushButton(self.tr("Open"))
        self.export_button = QPushButton(self.tr("Export minutes as PDF…"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.sign_in_button = QPushButton(self.tr("Sign-in sheet…"))
        self.sign_in_button.setToolTip(self.tr(
            "The sign-in sheet with everyone expected, to print before the meeting"
        ))
        self.new_button.clicked.connect(self.new_meeting)
        self.open_button.clicked.connect(self.open_meeting)
        self.export_button.clicked.connect(self.choose_export_path)
        self.print_button.clicked.connect(self.print_minutes)
        self.sign_in_button.clicked.connect(self.print_sign_in_sheet)

        self.feedback_label = QLabel()
        self.feedback_label.setObjectName("meetings_feedback")
        self.feedback_label.setWordWrap(True)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Period:")))
        filters.addWidget(self.year_spin)
        filters.addWidget(self.month_combo)
        filters.addSpacing(8)
        filters.addWidget(QLabel(self.tr("Type:")))
        filters.addWidget(self.type_filter)
        filters.addSpacing(8)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        actions.addWidget(self.new_button)
        actions.addWidget(self.open_button)
        actions.addStretch(1)
        actions.addWidget(self.export_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.sign_in_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.feedback_label)
        layout.addLayout(actions)
        self._update_buttons()
        return tab

    def _empty_text(self) -> str:
        flt = self.current_filter()
        if flt.month is not None or flt.type is not None or flt.text.strip():
            return self.tr("No meeting matches the filters.")
        return self.tr(
            "No meetings in {year} yet: click “New meeting” to record one."
        ).format(year=flt.year)

    def current_filter(self) -> MeetingFilter:
        return MeetingFilter(
            year=self.year_spin.value(),
            month=self.month_combo.currentData(),
            type=self.type_filter.currentData(),
            text=self.search_edit.text(),
        )

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if not self._workspace.is_unlocked:
            return
        try:
            self.model.set_filter(self.current_filter())
        except BranchDeskError as error:
            self._feedback(message_for(error), ok=False)
        self._show_count()

    def _show_count(self) -> None:
        self.count_label.setText(self.tr("{count} meetings").format(count=self.model.count))

    def selected_meeting_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.meeting_id(rows[0].row()) if rows else None

    def select_meeting(self, meeting_id: str) -> bool:
        row = self.model.row_of(meeting_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _update_buttons(self) -> None:
        selected = self.selected_meeting_id() is not None
        self.open_button.setEnabled(selected)
        missing = self.tr("This version cannot produce PDF documents yet.")
        for button, available in ((self.export_button, self.documents.can_write),
                                  (self.print_button, self.documents.can_print),
                                  (self.sign_in_button, self.documents.can_print)):
            button.setEnabled(selected and available)
            if not available:
                button.setToolTip(missing)

    def _feedback(self, text: str, ok: bool = True) -> None:
        self.feedback_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback_label.setText(text)

    # ---------------------------------------------------------------- the editor
    def new_meeting(self) -> MeetingEditor:
        meeting_type = self.type_filter.currentData() or MeetingType.COMMITTEE
        return self._open_editor(None, meeting_type)

    def open_meeting(self, meeting_id: str | None = None) -> MeetingEditor | None:
        meeting_id = meeting_id or self.selected_meeting_id()
        if meeting_id is None:
            return None
        return self._open_editor(meeting_id, MeetingType.COMMITTEE)

    def _open_editor(self, meeting_id: str | None, meeting_type: MeetingType) -> MeetingEditor:
        editor = MeetingEditor(self._workspace, meeting_id, self._today, self, meeting_type)
        editor.changed.connect(self._after_change)
        editor.rectification_requested.connect(self.rectification_requested)
        self.editor = editor
        editor.open()
        return editor

    def _after_change(self, meeting_id: str) -> None:
        try:
            self.refresh()
        except BranchDeskError as error:
            self._feedback(message_for(error), ok=False)
        self.select_meeting(meeting_id)
        self.changed.emit()

    # ---------------------------------------------------------------- documents
    def choose_export_path(self) -> QFileDialog | None:
        meeting_id = self.selected_meeting_id()
        return self.documents.choose_export_path(meeting_id) if meeting_id else None

    def export_minutes(self, path: Path, meeting_id: str | None = None) -> BackgroundTask | None:
        """Write the minutes PDF of ``meeting_id`` (the selected meeting) to ``path``."""
        meeting_id = meeting_id or self.selected_meeting_id()
        return self.documents.export_minutes(path, meeting_id) if meeting_id else None

    def print_minutes(self) -> BackgroundTask | None:
        meeting_id = self.selected_meeting_id()
        return self.documents.print_minutes(meeting_id) if meeting_id else None

    def print_sign_in_sheet(self) -> BackgroundTask | None:
        meeting_id = self.selected_meeting_id()
        return self.documents.print_sign_in_sheet(meeting_id) if meeting_id else None

    # ---------------------------------------------------------------- compliance
    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.compliance.show_unread()

    def refresh_compliance(self) -> None:
        """Read the compliance report of the year shown; raises BranchDeskError."""
        self.compliance.refresh()

    def edit_frequencies(self) -> FrequenciesDialog:
        return self.compliance.edit_frequencies()

    # ---------------------------------------------------------------- lock and unlock
    def refresh(self) -> None:
        """Reload from the (unlocked) workspace; raises BranchDeskError."""
        self.model.set_filter(self.current_filter())
        self._show_count()
        if self.compliance.report is not None or self.tabs.currentIndex() == 1:
            self.compliance.refresh()

    def clear(self) -> None:
        """Forget everything shown (the workspace was locked); typed filters stay."""
        self._search_timer.stop()
        self.model.clear()
        self.count_label.clear()
        self.feedback_label.clear()
        self.compliance.clear()
