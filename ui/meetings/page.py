"""组织生活: the meetings of the branch by period, their minutes, and compliance with the required
frequencies (三会一课 and the rest).

The list is a ``MeetingTableModel`` filtered in SQL by year and month (or the whole year), type
and a text in the topics or place. 新建会议 / 打开 open the ``MeetingEditor``. The minutes PDF, its
print preview and the sign-in sheet come from ``app.services.meeting_documents`` and
``ui.widgets.printing``, imported when used; a build without them shows the buttons disabled. PDF
work runs off the GUI thread (``run_in_background``).

The 统计 tab shows, for a year, every month, quarter and the year with each required meeting type:
held, missed (the period is over) or still due; the required frequencies are settings
(要求召开的频次…). Locking clears everything shown (``clear``); unlocking reloads it (``refresh``).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import Quarter
from app.domain.meetings import Frequency, MeetingType, Period
from app.errors import BranchDeskError
from app.services import meetings
from app.services.meetings import ComplianceReport, MeetingFilter
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.meetings.editor import MeetingEditor
from ui.meetings.table_model import MeetingTableModel
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.search_box import search_as_typed

DOCUMENTS_MODULE = "app.services.meeting_documents"
PRINTING_MODULE = "ui.widgets.printing"

Today = Callable[[], date]

HELD_BRUSH = QBrush(QColor("#e8f5e9"))
MISSED_BRUSH = QBrush(QColor("#ffebee"))
DUE_BRUSH = QBrush(QColor("#fff8e1"))
NOT_REQUIRED_BRUSH = QBrush(QColor("#f5f5f5"))


TOPICS_COLUMN = 2


def _module(name: str) -> ModuleType | None:
    """``name`` imported, or None where this build does not have it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


def period_text(period: Period) -> str:
    """A period as a secretary names it: 2026年11月, 2026年第四季度, 2026年全年."""
    if period.frequency is Frequency.MONTHLY:
        return QCoreApplication.translate("MeetingsPage", "{month}/{year}").format(
            year=period.first.year, month=period.first.month
        )
    if period.frequency is Frequency.QUARTERLY:
        quarters = (
            QCoreApplication.translate("MeetingsPage", "first quarter"),
            QCoreApplication.translate("MeetingsPage", "second quarter"),
            QCoreApplication.translate("MeetingsPage", "third quarter"),
            QCoreApplication.translate("MeetingsPage", "fourth quarter"),
        )
        return QCoreApplication.translate("MeetingsPage", "{quarter} of {year}").format(
            year=period.first.year, quarter=quarters[Quarter.of(period.first).quarter - 1]
        )
    return QCoreApplication.translate("MeetingsPage", "{year} (whole year)").format(
        year=period.first.year
    )


class FrequenciesDialog(EditorDialog):
    """How often each meeting type is required (每月 / 每季度 / 每年 / 不要求)."""

    saved = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Required meetings"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.combos: dict[MeetingType, QComboBox] = {}
        hint = QLabel(self.tr(
            "How often the branch must hold each kind of meeting (《中国共产党支部工作条例"
            "（试行）》 and local rules). A branch without a committee or without party groups "
            "sets those to “not required”."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        for meeting_type in MeetingType:
            combo = QComboBox()
            for frequency in Frequency:
                combo.addItem(member_texts.label(frequency), frequency)
            combo.addItem(self.tr("Not required"), None)
            self.combos[meeting_type] = combo
            form.addRow(member_texts.label(meeting_type), combo)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 460, 420)
        try:
            with workspace.unit_of_work(read_only=True) as uow:
                current = meetings.load_frequencies(uow)
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return
        for meeting_type, combo in self.combos.items():
            combo.setCurrentIndex(max(combo.findData(current.get(meeting_type)), 0))

    def save(self) -> bool:
        values = {t: combo.currentData() for t, combo in self.combos.items()}
        try:
            with self._workspace.unit_of_work() as uow:
                meetings.save_frequencies(uow, values)
                uow.commit()
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return False
        self.saved.emit()
        self.accept()
        return True

    def save_unsaved_work(self) -> bool:
        return self.save()


class MeetingsPage(QWidget):
    """``changed`` is emitted after a meeting was written (工作台 reloads its reminders)."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.model = MeetingTableModel(workspace, parent=self)
        self.editor: MeetingEditor | None = None
        self.file_dialog: QFileDialog | None = None
        self.frequencies_dialog: FrequenciesDialog | None = None
        self.last_task: BackgroundTask | None = None
        self.report: ComplianceReport | None = None

        self.tabs = QTabWidget()
        self.tabs.addTab(self._list_tab(), self.tr("Meetings"))
        self.tabs.addTab(self._compliance_tab(), self.tr("Compliance"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
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
        self._has_documents = _available(DOCUMENTS_MODULE)
        self._has_printing = self._has_documents and _available(PRINTING_MODULE)

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
        for button, available in ((self.export_button, self._has_documents),
                                  (self.print_button, self._has_printing),
                                  (self.sign_in_button, self._has_printing)):
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
    def _file_name(self, meeting_id: str, document: str) -> str:
        row = self.model.row_of(meeting_id)
        found = self.model.list_row(row) if row is not None else None
        if found is None:
            return f"{document}.pdf"
        return self.tr("{date} {type} {document}.pdf").format(
            date=found.held_on.isoformat(), type=member_texts.label(found.type),
            document=document,
        )

    def choose_export_path(self) -> QFileDialog | None:
        meeting_id = self.selected_meeting_id()
        if meeting_id is None:
            return None
        dialog = QFileDialog(self, self.tr("Export minutes as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self._file_name(meeting_id, self.tr("minutes")))
        dialog.fileSelected.connect(lambda file: self.export_minutes(Path(file), meeting_id))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_minutes(self, path: Path, meeting_id: str | None = None) -> BackgroundTask | None:
        """Write the minutes PDF to ``path`` off the GUI thread (recorded in the audit log)."""
        meeting_id = meeting_id or self.selected_meeting_id()
        documents = _module(DOCUMENTS_MODULE)
        if meeting_id is None or documents is None:
            return None
        workspace = self._workspace

        def operation(_context: TaskContext) -> int:
            with workspace.unit_of_work() as uow:
                pages = int(documents.write_minutes(uow, meeting_id, path))
                uow.commit()
            return pages

        def done(pages: Any) -> None:
            self._feedback(self.tr("Minutes exported ({pages} pages): {file}").format(
                pages=pages, file=str(path)
            ))

        self._feedback("")
        self.last_task = run_in_background(
            self, operation, on_success=done, on_failure=self._document_failed,
            title=self.tr("Writing the minutes…"), cancellable=False,
        )
        return self.last_task

    def print_minutes(self) -> BackgroundTask | None:
        return self._print("minutes_pdf", "write_minutes", self.tr("Meeting minutes"))

    def print_sign_in_sheet(self) -> BackgroundTask | None:
        return self._print("sign_in_sheet_pdf", "write_sign_in_sheet", self.tr("Sign-in sheet"))

    def _print(self, render: str, write: str, title: str) -> BackgroundTask | None:
        """Render the PDF in memory off the GUI thread, then open the print preview (its "Save
        as PDF…" writes the file through the service, which records the export)."""
        meeting_id = self.selected_meeting_id()
        documents = _module(DOCUMENTS_MODULE)
        printing = _module(PRINTING_MODULE)
        if meeting_id is None or documents is None or printing is None:
            return None
        workspace = self._workspace

        def operation(_context: TaskContext) -> bytes:
            with workspace.unit_of_work() as uow:
                return bytes(getattr(documents, render)(uow, meeting_id))

        def save_as(path: Path) -> None:
            with workspace.unit_of_work() as uow:
                getattr(documents, write)(uow, meeting_id, path)
                uow.commit()

        def show(data: Any) -> None:
            self.last_task = printing.print_pdf(self, data, title=title, save_as=save_as)

        self._feedback("")
        self.last_task = run_in_background(
            self, operation, on_success=show, on_failure=self._document_failed,
            title=self.tr("Preparing the document…"), cancellable=False,
        )
        return self.last_task

    def _document_failed(self, error: BaseException) -> None:
        self._feedback(message_for(error), ok=False)

    # ---------------------------------------------------------------- compliance
    def _compliance_tab(self) -> QWidget:
        tab = QWidget()
        self.compliance_year_spin = QSpinBox()
        self.compliance_year_spin.setRange(1990, 2100)
        self.compliance_year_spin.setValue(self._today().year)
        self.compliance_year_spin.setSuffix(self.tr(" (year)"))
        self.compliance_year_spin.valueChanged.connect(lambda _v: self.refresh_compliance())
        self.frequencies_button = QPushButton(self.tr("Required meetings…"))
        self.frequencies_button.clicked.connect(self.edit_frequencies)
        self.compliance_summary = QLabel()
        self.compliance_summary.setObjectName("compliance_summary")
        self.compliance_summary.setWordWrap(True)
        legend = QLabel(self.tr(
            "✓ held   ✗ missed (the period is over)   ○ still due   blank: not required in "
            "this period"
        ))
        legend.setStyleSheet(HINT_STYLE)
        self.compliance_table = QTableWidget(0, 0)
        self.compliance_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compliance_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.compliance_table.verticalHeader().setDefaultSectionSize(26)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.compliance_year_spin)
        top.addSpacing(12)
        top.addWidget(self.compliance_summary, 1)
        top.addWidget(self.frequencies_button)
        layout = QVBoxLayout(tab)
        layout.addLayout(top)
        layout.addWidget(legend)
        layout.addWidget(self.compliance_table, 1)
        return tab

    def _tab_changed(self) -> None:
        if self.tabs.currentIndex() == 1 and self.report is None:
            try:
                self.refresh_compliance()
            except BranchDeskError as error:
                self.compliance_summary.setText(message_for(error))

    def refresh_compliance(self) -> None:
        if not self._workspace.is_unlocked:
            return
        with self._workspace.unit_of_work(read_only=True) as uow:
            self.report = meetings.compliance_report(
                uow, self.compliance_year_spin.value(), as_of=self._today()
            )
        self._show_compliance(self.report)

    def _show_compliance(self, report: ComplianceReport) -> None:
        types = [t for t in MeetingType if any(t in p.required for p in report.periods)]
        table = self.compliance_table
        table.clear()
        table.setColumnCount(len(types))
        table.setRowCount(len(report.periods))
        table.setHorizontalHeaderLabels([member_texts.label(t) for t in types])
        table.setVerticalHeaderLabels([period_text(p.period) for p in report.periods])
        held = missed = due = 0
        for row, period in enumerate(report.periods):
            for column, meeting_type in enumerate(types):
                if meeting_type not in period.required:
                    item = QTableWidgetItem("")
                    item.setBackground(NOT_REQUIRED_BRUSH)
                elif meeting_type in period.held:
                    held += 1
                    item = QTableWidgetItem(self.tr("✓ held"))
                    item.setBackground(HELD_BRUSH)
                elif period.closed:
                    missed += 1
                    item = QTableWidgetItem(self.tr("✗ missed"))
                    item.setBackground(MISSED_BRUSH)
                    item.setForeground(QBrush(QColor("#b00020")))
                else:
                    due += 1
                    item = QTableWidgetItem(self.tr("○ still due"))
                    item.setBackground(DUE_BRUSH)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.compliance_summary.setText(self.tr(
            "{year}: {held} required meetings held, {missed} missed, {due} still due."
        ).format(year=report.year, held=held, missed=missed, due=due))

    def compliance_cells(self) -> dict[tuple[str, str], str]:
        """(period, type) → cell text of the compliance table, for tests."""
        table = self.compliance_table
        cells = {}
        for row in range(table.rowCount()):
            period = table.verticalHeaderItem(row)
            for column in range(table.columnCount()):
                kind = table.horizontalHeaderItem(column)
                item = table.item(row, column)
                if period and kind and item:
                    cells[(period.text(), kind.text())] = item.text()
        return cells

    def edit_frequencies(self) -> FrequenciesDialog:
        dialog = FrequenciesDialog(self._workspace, self)
        dialog.saved.connect(self._after_frequencies)
        self.frequencies_dialog = dialog
        dialog.open()
        return dialog

    def _after_frequencies(self) -> None:
        try:
            self.refresh_compliance()
        except BranchDeskError as error:
            self.compliance_summary.setText(message_for(error))
        self.changed.emit()

    # ---------------------------------------------------------------- lock and unlock
    def refresh(self) -> None:
        """Reload from the (unlocked) workspace; raises BranchDeskError."""
        self.model.set_filter(self.current_filter())
        self._show_count()
        if self.report is not None or self.tabs.currentIndex() == 1:
            self.refresh_compliance()

    def clear(self) -> None:
        """Forget everything shown (the workspace was locked); typed filters stay."""
        self._search_timer.stop()
        self.model.clear()
        self.count_label.clear()
        self.feedback_label.clear()
        self.report = None
        self.compliance_table.clear()
        self.compliance_table.setRowCount(0)
        self.compliance_table.setColumnCount(0)
        self.compliance_summary.clear()
