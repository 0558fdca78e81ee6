"""The meeting editor (新建会议 / 会议记录): details, attendance, votes, attachments, finalizing.

Everything typed stays in the window until 保存: saving writes the details (``create_meeting`` /
``update_meeting``) and every attendance row that differs from what is stored (``set_attendance``)
in one unit of work. The services decide what is valid; their problems are shown beside the field
they concern, or in the message line under the tabs.

Attendance is keyboard-first: everyone expected is present; arrow keys move, 2 marks 请假, 3 marks
缺席 (the reason cell opens for typing), 1 marks present again. 应到/实到 update as marks change.

At a 支部党员大会 the vote panel shows, while the secretary marks attendance and enters the counts,
how many members are entitled to vote and how many of them are present — asked of the services
with the unsaved marks applied in a unit of work that is then rolled back — and what the result of
the vote would be (``VoteResult.compute``, the domain's rule). 记录表决 saves the meeting and
records the vote with the counts the services compute from the register.

定稿 makes the minutes read-only; afterwards only amendments (添加更正) can be added.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.development import Stage
from app.domain.meetings import MeetingType, VoteError, VoteResult
from app.domain.members import Classification
from app.errors import BranchDeskError, FileAccessError, InvalidInputError
from app.files import write_atomically
from app.services import branch, meetings, members
from app.services.meetings import Attendance, Meeting, MeetingInput, VotePreview
from app.services.members import MemberFilter
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.meetings.attendance_model import (
    REASON,
    STATUS,
    STATUS_ROLE,
    AttendanceModel,
    AttendanceRow,
)
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.edits import on_user_edit
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.enum_combo import EnumCombo

Today = Callable[[], date]
Index = QModelIndex | QPersistentModelIndex
PREVIEW_DELAY_MS = 120
"""Pause after the last attendance change before the vote preview is asked again."""

_MARK_KEYS = {
    Qt.Key.Key_1: Attendance.PRESENT,
    Qt.Key.Key_2: Attendance.LEAVE,
    Qt.Key.Key_3: Attendance.ABSENT,
}


class _AttendanceRowError(Exception):
    """``set_attendance`` refused the row of ``member_id``."""

    def __init__(self, member_id: str, error: InvalidInputError) -> None:
        super().__init__(member_id)
        self.member_id = member_id
        self.error = error


# ---------------------------------------------------------------- the attendance table


class _StatusDelegate(QStyledItemDelegate):
    """The status column is edited with a combo of 出席 / 请假 / 缺席."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if index.column() != STATUS:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for status in Attendance:
            combo.addItem(member_texts.label(status), status)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox) and index.column() == STATUS:
            editor.setCurrentIndex(max(editor.findData(index.data(STATUS_ROLE)), 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox) and index.column() == STATUS:
            model.setData(index, editor.currentData(), STATUS_ROLE)
            return
        super().setModelData(editor, model, index)


class AttendanceView(QTableView):
    """Arrow keys move; 1/2/3 mark the selected rows present / on leave / absent; marking one row
    absent opens its reason for typing; Enter after the reason goes to the next row."""

    def __init__(self, model: AttendanceModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._attendance = model
        self.setModel(model)
        self.setItemDelegate(_StatusDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(28)
        header = self.horizontalHeader()
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 100, 90)):
            self.setColumnWidth(column, width)

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.selectionModel().selectedRows()}
        if not rows and self.currentIndex().isValid():
            rows = {self.currentIndex().row()}
        return sorted(rows)

    def mark(self, status: Attendance) -> None:
        """Mark the selected rows; one row marked absent without a reason opens the reason."""
        rows = self.selected_rows()
        for row in rows:
            self._attendance.set_status(row, status)
        if len(rows) == 1 and status is not Attendance.PRESENT:
            reason = self._attendance.index(rows[0], REASON)
            if not str(reason.data() or "").strip():
                self.setCurrentIndex(reason)
                self.edit(reason)

    def commit_open_editor(self) -> None:
        """Save what is typed in the cell being edited, if any, and close its editor."""
        if self.state() != QAbstractItemView.State.EditingState:
            return
        editor = QApplication.focusWidget()
        if editor is not None and self.viewport().isAncestorOf(editor):
            self.commitData(editor)
            super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        enter = hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
        column = self.currentIndex().column()
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if enter else hint)
        if enter and column == REASON:
            below = self._attendance.index(self.currentIndex().row() + 1, STATUS)
            if below.isValid():
                self.setCurrentIndex(below)
                self.selectRow(below.row())

    def keyboardSearch(self, search: str) -> None:
        # Qt calls this for a key typed on a cell it cannot edit (a present member's reason):
        # jumping to the member whose reason starts with that key would let the rest of what
        # is typed overwrite their reason. Nothing moves, nothing changes.
        pass

    def keyPressEvent(self, event: QKeyEvent) -> None:
        status = _MARK_KEYS.get(Qt.Key(event.key()))
        editing = self.state() == QAbstractItemView.State.EditingState
        if (
            status is not None
            and not editing
            and not self._attendance.read_only
            and self.currentIndex().column() != REASON
        ):
            self.mark(status)
            event.accept()
            return
        super().keyPressEvent(event)


# ---------------------------------------------------------------- amendments


class AmendmentDialog(EditorDialog):
    """添加更正: date, author and text of a correction to finalized minutes."""

    added = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        meeting_id: str,
        author: str,
        today: Today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._meeting_id = meeting_id
        self.setWindowTitle(self.tr("Add a correction"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 520, 340)
        self.date_edit = DateField()
        self.date_edit.set_date(today())
        self.author_edit = QLineEdit(author)
        self.author_edit.setMaxLength(50)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr("What is corrected, e.g. 会议地点应为二楼会议室。")
        )
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        hint = QLabel(self.tr(
            "The finalized minutes stay as they are; the correction is kept with its own date "
            "and author and prints after them."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(member_texts.field_label("on"), self.date_edit)
        form.addRow(member_texts.field_label("author"), self.author_edit)
        form.addRow(self.tr("Correction"), self.text_edit)
        self.classification_combo = EnumCombo(Classification)  # 秘密 stays on this PC
        self.classification_combo.set_value(Classification.INTERNAL)
        form.addRow(member_texts.field_label("classification"), self.classification_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add correction"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        for widget in (self.date_edit, self.author_edit, self.text_edit):
            on_user_edit(widget, self.message_label.clear)  # the problem is being corrected

    def save(self) -> bool:
        on = self.date_edit.date_value()
        if on is None:
            self.message_label.setText(self.tr("Enter the date of the correction."))
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                amendment_id = meetings.add_amendment(
                    uow, self._meeting_id, on, self.author_edit.text(),
                    self.text_edit.toPlainText(), self.classification_combo.value(),
                )
                uow.commit()
        except InvalidInputError as error:
            self.message_label.setText(_problems_text(error))
            return False
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return False
        self.added.emit(amendment_id)
        self.accept()
        return True

    def save_unsaved_work(self) -> bool:
        return self.save()


def _problems_text(error: InvalidInputError) -> str:
    return "；".join(
        member_texts.describe_problem(p.field, p.code) for p in error.problems
    )


# ---------------------------------------------------------------- the editor


# Fields whose problems concern each other: correcting one may correct the other.
_RELATED_FIELDS = {"start_time": ("end_time",), "end_time": ("start_time",)}


@dataclass
class _Field:
    widget: QWidget
    message: QLabel


class MeetingEditor(EditorDialog):
    """Record a new meeting (``meeting_id`` None) or open one. ``changed(meeting_id)`` after
    anything was written (save, vote, attachment, finalize, amendment)."""

    changed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        meeting_id: str | None = None,
        today: Today = date.today,
        parent: QWidget | None = None,
        meeting_type: MeetingType = MeetingType.COMMITTEE,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._meeting_id = meeting_id
        self._today = today
        self._meeting: Meeting | None = None
        self._loading = False
        self._fields: dict[str, _Field] = {}
        self._preview: VotePreview | None = None
        self._loaded_details: tuple[object, ...] = ()
        self.last_task: BackgroundTask | None = None
        self.amendment_dialog: AmendmentDialog | None = None
        self.confirm_box: QMessageBox | None = None
        self.file_dialog: QFileDialog | None = None

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 1040, 740)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_vote_preview)

        self.finalized_banner = QLabel()
        self.finalized_banner.setWordWrap(True)
        self.finalized_banner.setStyleSheet(
            "background: #fff8e1; border: 1px solid #e0c060; padding: 6px;"
        )
        self.finalized_banner.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._details_tab(), self.tr("Meeting"))
        self.attendance_tab_index = self.tabs.addTab(self._attendance_tab(), "")
        self.votes_tab_index = self.tabs.addTab(self._votes_tab(), self.tr("Votes"))
        self.attachments_tab_index = self.tabs.addTab(
            self._attachments_tab(), self.tr("Attachments")
        )
        self.amendments_tab_index = self.tabs.addTab(
            self._amendments_tab(), self.tr("Corrections")
        )

        self.message_label = QLabel()
        self.message_label.setObjectName("editor_message")
        self.message_label.setWordWrap(True)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.finalize_button = QPushButton(self.tr("Finalize…"))
        self.finalize_button.setToolTip(self.tr(
            "Finalized minutes can no longer be edited; corrections are added as amendments."
        ))
        self.amend_button = QPushButton(self.tr("Add correction…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        self.finalize_button.clicked.connect(self.ask_finalize)
        self.amend_button.clicked.connect(self.add_amendment)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finalize_button)
        buttons.addWidget(self.amend_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.finalized_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

        self.type_combo.set_value(meeting_type)
        self.type_combo.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.party_group_combo.currentIndexChanged.connect(lambda _i: self._group_changed())
        self.attendance.marks_changed.connect(self._marks_changed)
        for spin in (self.in_favour_spin, self.against_spin, self.abstain_spin):
            spin.valueChanged.connect(lambda _v: self._show_vote_result())
            spin.valueChanged.connect(lambda _v: self._vote_edited())
        self.subject_edit.textEdited.connect(lambda _t: self._vote_edited())
        for name, field in self._fields.items():
            on_user_edit(field.widget, functools.partial(self._field_edited, name))
        self.load()

    # ---------------------------------------------------------------- building
    def _field(self, name: str, widget: QWidget) -> QWidget:
        message = QLabel()
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        message.hide()
        self._fields[name] = _Field(widget, message)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        return box

    def _names_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = combo.lineEdit()
        if line is not None:
            line.setMaxLength(50)
        return combo

    def _details_tab(self) -> QWidget:
        self.type_combo = EnumCombo(MeetingType)
        self.party_group_combo = QComboBox()
        self.held_on_edit = DateField()
        self.held_on_edit.setPlaceholderText(self.tr("e.g. 2026-11-20"))
        self.start_edit = QLineEdit()
        self.end_edit = QLineEdit()
        for edit, example in ((self.start_edit, self.tr("e.g. 14:30")),
                              (self.end_edit, self.tr("e.g. 16:00"))):
            edit.setMaxLength(5)
            edit.setPlaceholderText(example)
            edit.setFixedWidth(90)
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(100)
        self.host_combo = self._names_combo()
        self.recorder_combo = self._names_combo()
        self.lecturer_combo = self._names_combo()
        self.guests_edit = QLineEdit()
        self.guests_edit.setPlaceholderText(self.tr("names, separated by 、"))
        self.classification_combo = EnumCombo(Classification)
        self.topics_edit = QPlainTextEdit()
        self.topics_edit.setTabChangesFocus(True)
        self.topics_edit.setPlaceholderText(self.tr("One topic per line"))
        self.topics_edit.setFixedHeight(90)
        self.discussion_edit = QPlainTextEdit()
        self.discussion_edit.setTabChangesFocus(True)
        self.discussion_edit.setPlaceholderText(
            self.tr("Who said what, in the order of the meeting")
        )
        self.resolutions_edit = QPlainTextEdit()
        self.resolutions_edit.setTabChangesFocus(True)
        self.resolutions_edit.setFixedHeight(90)

        time_box = QWidget()
        time_row = QHBoxLayout(time_box)
        time_row.setContentsMargins(0, 0, 0, 0)
        time_row.addWidget(self.start_edit)
        time_row.addWidget(QLabel(self.tr("to")))
        time_row.addWidget(self.end_edit)
        time_row.addStretch(1)
        self.time_messages = QLabel()

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label = member_texts.field_label
        left.addRow(label("type"), self._field("type", self.type_combo))
        self.party_group_label = QLabel(label("party_group_id"))
        left.addRow(self.party_group_label, self._field("party_group_id", self.party_group_combo))
        left.addRow(label("held_on"), self._field("held_on", self.held_on_edit))
        times = QWidget()
        times_column = QVBoxLayout(times)
        times_column.setContentsMargins(0, 0, 0, 0)
        times_column.setSpacing(2)
        times_column.addWidget(time_box)
        for name, edit in (("start_time", self.start_edit), ("end_time", self.end_edit)):
            message = QLabel()
            message.setStyleSheet(ERROR_STYLE)
            message.hide()
            self._fields[name] = _Field(edit, message)
            times_column.addWidget(message)
        left.addRow(self.tr("Time"), times)
        left.addRow(label("place"), self._field("place", self.place_edit))
        left.addRow(label("host"), self._field("host", self.host_combo))
        left.addRow(label("recorder"), self._field("recorder", self.recorder_combo))
        self.lecturer_label = QLabel(label("lecturer"))
        left.addRow(self.lecturer_label, self._field("lecturer", self.lecturer_combo))
        left.addRow(label("guests"), self._field("guests", self.guests_edit))
        left.addRow(label("classification"),
                    self._field("classification", self.classification_combo))
        self._details_form = left

        right = QVBoxLayout()
        for name, text_edit in (("topics", self.topics_edit),
                                ("discussion", self.discussion_edit),
                                ("resolutions", self.resolutions_edit)):
            heading = QLabel(label(name))
            heading.setStyleSheet("font-weight: bold;")
            right.addWidget(heading)
            right.addWidget(self._field(name, text_edit), 1 if name == "discussion" else 0)

        inner = QWidget()
        grid = QGridLayout(inner)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        return scroll

    def _attendance_tab(self) -> QWidget:
        tab = QWidget()
        self.attendance = AttendanceModel(self)
        self.attendance_view = AttendanceView(self.attendance)
        hint = QLabel(self.tr(
            "Everyone expected is marked present. Mark only the exceptions: select a name with "
            "the arrow keys and press 2 for on leave or 3 for absent, then type the reason and "
            "press Enter; 1 marks present again. Several names can be selected with Shift."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("attendance_counts")
        font = QFont(self.counts_label.font())
        font.setBold(True)
        self.counts_label.setFont(font)
        self.mark_buttons: dict[Attendance, QPushButton] = {}
        marks = QHBoxLayout()
        marks.addWidget(self.counts_label, 1)
        for status, text in (
            (Attendance.PRESENT, self.tr("Present (1)")),
            (Attendance.LEAVE, self.tr("On leave (2)")),
            (Attendance.ABSENT, self.tr("Absent (3)")),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, s=status: self.attendance_view.mark(s))
            self.mark_buttons[status] = button
            marks.addWidget(button)
        self.attendance_message = QLabel()
        self.attendance_message.setWordWrap(True)
        self.attendance_message.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addLayout(marks)
        layout.addWidget(self.attendance_view, 1)
        layout.addWidget(self.attendance_message)
        return tab

    def _votes_tab(self) -> QWidget:
        tab = QWidget()
        self.entitled_label = QLabel()
        self.entitled_label.setObjectName("vote_entitled")
        self.voting_present_label = QLabel()
        self.voting_present_label.setObjectName("vote_present")
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("vote_quorum")
        self.quorum_label.setWordWrap(True)
        font = QFont(self.quorum_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.quorum_label.setFont(font)
        rules_hint = QLabel(self.tr(
            "Full members on the roll are entitled to vote; probationary members attend but do "
            "not vote. The meeting is valid only when more than half of those entitled are "
            "present, and a resolution passes only with more than half of those entitled — "
            "not of those present — in favour."
        ))
        rules_hint.setWordWrap(True)
        rules_hint.setStyleSheet(HINT_STYLE)
        quorum_box = QGroupBox(self.tr("Entitled to vote and quorum"))
        quorum_form = QFormLayout(quorum_box)
        quorum_form.addRow(self.tr("Entitled to vote:"), self.entitled_label)
        quorum_form.addRow(self.tr("Of them present:"), self.voting_present_label)
        quorum_form.addRow(self.tr("Quorum:"), self.quorum_label)
        quorum_form.addRow(rules_hint)

        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(200)
        self.subject_edit.setPlaceholderText(self.tr("e.g. 接收张三同志为中共预备党员"))
        self.in_favour_spin = QSpinBox()
        self.against_spin = QSpinBox()
        self.abstain_spin = QSpinBox()
        counts = QHBoxLayout()
        for text, spin in ((self.tr("In favour"), self.in_favour_spin),
                           (self.tr("Against"), self.against_spin),
                           (self.tr("Abstaining"), self.abstain_spin)):
            spin.setRange(0, 100_000)
            spin.setMinimumWidth(80)
            counts.addWidget(QLabel(text))
            counts.addWidget(spin)
            counts.addSpacing(12)
        counts.addStretch(1)
        self.vote_result_label = QLabel()
        self.vote_result_label.setObjectName("vote_result")
        self.vote_result_label.setWordWrap(True)
        self.vote_result_label.setFont(font)
        self.record_vote_button = QPushButton(self.tr("Record vote"))
        self.record_vote_button.clicked.connect(self.record_vote)
        self.vote_message = QLabel()
        self.vote_message.setWordWrap(True)
        vote_box = QGroupBox(self.tr("Record a vote"))
        vote_form = QFormLayout(vote_box)
        vote_form.addRow(member_texts.field_label("subject"), self.subject_edit)
        vote_form.addRow(self.tr("Votes:"), counts)
        vote_form.addRow(self.tr("Result:"), self.vote_result_label)
        record_row = QHBoxLayout()
        record_row.addWidget(self.vote_message, 1)
        record_row.addWidget(self.record_vote_button)
        vote_form.addRow(record_row)

        self.votes_table = QTableWidget(0, 5)
        self.votes_empty_hint = EmptyHint(self.votes_table, self.tr(
            "No votes yet: fill in the form above and click “Record vote”."
        ))
        self.votes_table.setHorizontalHeaderLabels([
            self.tr("Matter voted on"), self.tr("Entitled / present"),
            self.tr("For / against / abstaining"), self.tr("Quorum"), self.tr("Result"),
        ])
        self.votes_table.verticalHeader().setVisible(False)
        self.votes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.votes_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        layout = QVBoxLayout(tab)
        layout.addWidget(quorum_box)
        layout.addWidget(vote_box)
        layout.addWidget(QLabel(self.tr("Votes recorded at this meeting:")))
        layout.addWidget(self.votes_table, 1)
        return tab

    def _attachments_tab(self) -> QWidget:
        tab = QWidget()
        hint = QLabel(self.tr(
            "Photos and scanned sign-in sheets are kept inside the encrypted database "
            "(at most 20 MB each)."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.attachments_table = QTableWidget(0, 2)
        self.attachments_empty_hint = EmptyHint(self.attachments_table, self.tr(
            "No attachments yet: click “Add files…” (e.g. a scanned sign-in sheet or photos)."
        ))
        self.attachments_table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size")])
        self.attachments_table.verticalHeader().setVisible(False)
        self.attachments_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.attachments_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachments_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.add_attachment_button = QPushButton(self.tr("Add files…"))
        self.save_attachment_button = QPushButton(self.tr("Save a copy…"))
        self.add_attachment_button.clicked.connect(self.choose_attachments)
        self.save_attachment_button.clicked.connect(self.choose_attachment_copy)
        self.attachments_table.itemSelectionChanged.connect(self._update_attachment_buttons)
        self.attachment_message = QLabel()
        self.attachment_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.attachment_message, 1)
        row.addWidget(self.add_attachment_button)
        row.addWidget(self.save_attachment_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(hint)
        layout.addWidget(self.attachments_table, 1)
        layout.addLayout(row)
        self._attachment_ids: list[str] = []
        return tab

    def _amendments_tab(self) -> QWidget:
        tab = QWidget()
        self.amendments_table = QTableWidget(0, 3)
        self.amendments_empty_hint = EmptyHint(self.amendments_table, self.tr(
            "No corrections: to correct finalized minutes, click “Add correction…”."
        ))
        self.amendments_table.setHorizontalHeaderLabels(
            [self.tr("Date"), member_texts.field_label("author"), self.tr("Correction")]
        )
        self.amendments_table.verticalHeader().setVisible(False)
        self.amendments_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.amendments_table.setWordWrap(True)
        self.amendments_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        layout = QVBoxLayout(tab)
        layout.addWidget(self.amendments_table, 1)
        return tab

    # ---------------------------------------------------------------- loading
    def load(self) -> None:
        """Read the meeting (or what a new one needs) and show it."""
        self._loading = True
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                names = [r.name for r in members.member_rows(
                    uow, members.member_ids(uow, MemberFilter())
                )]
                groups = members.party_groups(uow)
                secretary = branch.load_profile(uow).secretary
                meeting = (
                    meetings.get_meeting(uow, self._meeting_id)
                    if self._meeting_id is not None else None
                )
            self._meeting = meeting
            current_group = meeting.data.party_group_id if meeting else None
            self.party_group_combo.clear()
            self.party_group_combo.addItem(self.tr("(choose a party group)"), None)
            for group in groups:
                self.party_group_combo.addItem(group.name, group.id)
            for combo in (self.host_combo, self.recorder_combo, self.lecturer_combo):
                text = combo.currentText()
                combo.clear()
                combo.addItems(names)
                combo.setCurrentText(text)
            if meeting is None:
                self.held_on_edit.set_date(self._today())
                if not self.host_combo.currentText():
                    # Usually the branch secretary chairs: entered once, at setup.
                    self.host_combo.setCurrentText(secretary)
                self.classification_combo.set_value(Classification.INTERNAL)
                self.party_group_combo.setCurrentIndex(0)
                self._loading = False
                self._rebuild_expected()
            else:
                self._show_meeting(meeting)
                self.party_group_combo.setCurrentIndex(
                    max(self.party_group_combo.findData(current_group), 0)
                )
        except BranchDeskError as error:
            self._message(message_for(error), ok=False)
        finally:
            self._loading = False
        self._update_state()
        self._loaded_details = self._typed_details()

    def _show_meeting(self, meeting: Meeting) -> None:
        data = meeting.data
        self.type_combo.set_value(data.type)
        self.held_on_edit.set_date(data.held_on)
        self.start_edit.setText(data.start_time)
        self.end_edit.setText(data.end_time)
        self.place_edit.setText(data.place)
        self.topics_edit.setPlainText("\n".join(data.topics))
        self.host_combo.setCurrentText(data.host)
        self.recorder_combo.setCurrentText(data.recorder)
        self.lecturer_combo.setCurrentText(data.lecturer)
        self.guests_edit.setText("、".join(data.guests))
        self.discussion_edit.setPlainText(data.discussion)
        self.resolutions_edit.setPlainText(data.resolutions)
        self.classification_combo.set_value(data.classification)
        self.attendance.set_rows([
            AttendanceRow(a.member_id, a.name, a.probationary, a.status, a.reason,
                          a.status, a.reason)
            for a in meeting.attendance
        ])
        self._show_votes(meeting)
        self._show_attachments(meeting)
        self.amendments_table.setRowCount(0)
        for amendment in meeting.amendments:
            row = self.amendments_table.rowCount()
            self.amendments_table.insertRow(row)
            for column, text in enumerate(
                (amendment.on.isoformat(), amendment.author, amendment.text)
            ):
                self.amendments_table.setItem(row, column, QTableWidgetItem(text))
        self.amendments_table.resizeRowsToContents()

    def _show_votes(self, meeting: Meeting) -> None:
        self.votes_table.setRowCount(0)
        for vote in meeting.votes:
            result = vote.result
            row = self.votes_table.rowCount()
            self.votes_table.insertRow(row)
            texts = (
                vote.subject,
                self.tr("{entitled} / {present}").format(
                    entitled=result.entitled, present=result.present
                ),
                self.tr("{for_} / {against} / {abstain}").format(
                    for_=result.in_favour, against=result.against, abstain=result.abstain
                ),
                self.tr("met") if result.quorum_met else self.tr("not met"),
                self.tr("passed") if result.passed else self.tr("not passed"),
            )
            for column, text in enumerate(texts):
                self.votes_table.setItem(row, column, QTableWidgetItem(text))

    def _show_attachments(self, meeting: Meeting) -> None:
        self.attachments_table.setRowCount(0)
        self._attachment_ids = [a.id for a in meeting.attachments]
        for info in meeting.attachments:
            row = self.attachments_table.rowCount()
            self.attachments_table.insertRow(row)
            self.attachments_table.setItem(row, 0, QTableWidgetItem(info.file_name))
            size = QTableWidgetItem(self.tr("{kb} KB").format(kb=max(1, round(info.size / 1024))))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.attachments_table.setItem(row, 1, size)
        self._update_attachment_buttons()

    def _rebuild_expected(self) -> None:
        """A new meeting: list everyone the services expect for its type (and party group),
        keeping the marks already made for people still on the list."""
        if self._meeting_id is not None or self._loading:
            return
        meeting_type = self.type_combo.value()
        group_id = self.party_group_combo.currentData()
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                ids = meetings.expected_attendee_ids(uow, meeting_type, group_id)
                rows = members.member_rows(uow, ids)
        except BranchDeskError as error:
            self._message(message_for(error), ok=False)
            return
        before = {r.member_id: r for r in self.attendance.rows}
        fresh = []
        for row in rows:
            old = before.get(row.id)
            fresh.append(AttendanceRow(
                row.id, row.name, row.stage is Stage.PROBATIONARY,
                old.status if old else Attendance.PRESENT, old.reason if old else "",
            ))
        self.attendance.set_rows(fresh)

    # ---------------------------------------------------------------- state
    @property
    def meeting_id(self) -> str | None:
        return self._meeting_id

    @property
    def is_finalized(self) -> bool:
        return self._meeting is not None and self._meeting.finalized_on is not None

    def _type_changed(self) -> None:
        self._rebuild_expected()
        self._update_state()
        self.refresh_vote_preview()

    def _group_changed(self) -> None:
        if self.type_combo.value() is MeetingType.PARTY_GROUP:
            self._rebuild_expected()

    def _update_state(self) -> None:
        meeting_type = self.type_combo.value()
        finalized = self.is_finalized
        saved = self._meeting_id is not None
        if not saved:
            self.setWindowTitle(self.tr("New meeting"))
        elif finalized:
            self.setWindowTitle(self.tr("Meeting minutes (finalized)"))
        else:
            self.setWindowTitle(self.tr("Meeting minutes"))
        self._details_form.setRowVisible(
            self.party_group_label, meeting_type is MeetingType.PARTY_GROUP
        )
        self._details_form.setRowVisible(
            self.lecturer_label, meeting_type is MeetingType.PARTY_LECTURE
        )
        self.tabs.setTabVisible(
            self.votes_tab_index, meeting_type is MeetingType.MEMBERS_ASSEMBLY
        )
        has_amendments = self._meeting is not None and bool(self._meeting.amendments)
        self.tabs.setTabVisible(self.amendments_tab_index, finalized or has_amendments)

        read_only = finalized
        for edit in (self.held_on_edit, self.start_edit, self.end_edit, self.place_edit,
                     self.guests_edit, self.subject_edit):
            edit.setReadOnly(read_only)
        for text_edit in (self.topics_edit, self.discussion_edit, self.resolutions_edit):
            text_edit.setReadOnly(read_only)
        for combo in (self.type_combo, self.party_group_combo, self.host_combo,
                      self.recorder_combo, self.lecturer_combo, self.classification_combo):
            combo.setEnabled(not read_only)
        for spin in (self.in_favour_spin, self.against_spin, self.abstain_spin):
            spin.setReadOnly(read_only)
        self.attendance.set_read_only(read_only)
        for button in self.mark_buttons.values():
            button.setEnabled(not read_only)
        self.record_vote_button.setEnabled(not read_only)
        self.save_button.setVisible(not read_only)
        self.finalize_button.setVisible(not read_only)
        self.amend_button.setVisible(finalized)
        self.add_attachment_button.setEnabled(saved and not read_only)
        self.add_attachment_button.setToolTip(
            "" if saved else self.tr("Save the meeting first, then add files.")
        )
        if finalized and self._meeting is not None and self._meeting.finalized_on is not None:
            self.finalized_banner.setText(self.tr(
                "These minutes were finalized on {date} and can no longer be edited. To correct "
                "something, use “Add correction…”: the correction prints after the minutes."
            ).format(date=self._meeting.finalized_on.isoformat()))
        self.finalized_banner.setVisible(finalized)
        self._update_attachment_buttons()

    def _update_attachment_buttons(self) -> None:
        self.save_attachment_button.setEnabled(self._selected_attachment() is not None)

    def _marks_changed(self) -> None:
        counts = self.attendance.counts()
        expected = sum(counts.values())
        text = self.tr(
            "Expected {expected} · present {present} · on leave {leave} · absent {absent}"
        ).format(
            expected=expected, present=counts[Attendance.PRESENT],
            leave=counts[Attendance.LEAVE], absent=counts[Attendance.ABSENT],
        )
        self.counts_label.setText(text)
        self.tabs.setTabText(
            self.attendance_tab_index,
            self.tr("Attendance ({present}/{expected})").format(
                present=counts[Attendance.PRESENT], expected=expected
            ),
        )
        self.attendance_message.clear()
        if not self._loading:
            self._preview_timer.start()

    def _message(self, text: str, ok: bool = True) -> None:
        self.message_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.message_label.setText(text)

    def field_message(self, name: str) -> str:
        """The problem shown beside field ``name`` ("" when none), for tests."""
        field = self._fields.get(name)
        return field.message.text() if field is not None else ""

    def _field_edited(self, name: str) -> None:
        """An error beside a field goes once the field is edited; the line under the tabs that
        asked for corrections goes with the last of them (a later save checks again)."""
        if not self._fields[name].message.text():
            return
        for related in (name, *_RELATED_FIELDS.get(name, ())):
            self._fields[related].message.clear()
            self._fields[related].message.hide()
        if not any(f.message.text() for f in self._fields.values()) and (
            self.message_label.styleSheet() == ERROR_STYLE
        ):
            self.message_label.clear()

    def _vote_edited(self) -> None:
        if self.vote_message.styleSheet() == ERROR_STYLE:
            self.vote_message.clear()  # the problem it named is being corrected

    def _clear_field_messages(self) -> None:
        for field in self._fields.values():
            field.message.clear()
            field.message.hide()

    def _show_problems(self, error: InvalidInputError) -> None:
        unplaced = []
        for problem in error.problems:
            field = self._fields.get(problem.field)
            text = member_texts.describe_problem(problem.field, problem.code)
            if field is None:
                unplaced.append(text)
                continue
            field.message.setText(member_texts.issue_text(problem.code))
            field.message.show()
        self.tabs.setCurrentIndex(0)
        self._message(
            "；".join(unplaced) if unplaced
            else self.tr("Please correct the entries marked in red."),
            ok=False,
        )

    # ---------------------------------------------------------------- input
    def meeting_input(self) -> MeetingInput | None:
        """What the details say, or None (with the problem beside the date) if no date."""
        held_on = self.held_on_edit.date_value()
        if held_on is None:
            field = self._fields["held_on"]
            field.message.setText(
                member_texts.issue_text("required") if self.held_on_edit.is_empty()
                else member_texts.issue_text("not_a_date")
            )
            field.message.show()
            return None
        return MeetingInput(
            type=self.type_combo.value(),
            held_on=held_on,
            start_time=self.start_edit.text().strip(),
            end_time=self.end_edit.text().strip(),
            place=self.place_edit.text(),
            topics=tuple(self.topics_edit.toPlainText().splitlines()),
            host=self.host_combo.currentText(),
            recorder=self.recorder_combo.currentText(),
            lecturer=(self.lecturer_combo.currentText()
                      if self.type_combo.value() is MeetingType.PARTY_LECTURE else ""),
            party_group_id=(self.party_group_combo.currentData()
                            if self.type_combo.value() is MeetingType.PARTY_GROUP else None),
            guests=tuple(g.strip() for g in self.guests_edit.text().replace(",", "、")
                         .replace("，", "、").split("、") if g.strip()),
            discussion=self.discussion_edit.toPlainText(),
            resolutions=self.resolutions_edit.toPlainText(),
            classification=self.classification_combo.value(),
        )

    def _write(self, uow: Any, data: MeetingInput | None,
               for_preview: bool = False) -> str:
        """Write the details (when ``data``) and the changed attendance rows into ``uow``; the
        caller commits or, for a preview, lets it roll back. Returns the meeting id."""
        meeting_id = self._meeting_id
        if meeting_id is None:
            if data is None:
                raise ValueError("a new meeting needs its details")
            meeting_id = meetings.create_meeting(uow, data)
        elif data is not None:
            meetings.update_meeting(uow, meeting_id, data)
        for row in self.attendance.changed_rows():
            # A preview only counts who is present: a reason not typed yet is checked on saving.
            reason = row.reason or ("-" if for_preview else "")
            try:
                meetings.set_attendance(
                    uow, meeting_id, row.member_id, row.status, reason
                )
            except InvalidInputError as error:
                raise _AttendanceRowError(row.member_id, error) from error
        return meeting_id

    # ---------------------------------------------------------------- unsaved work (quitting)
    def _typed_details(self) -> tuple[object, ...]:
        return (
            self.type_combo.currentIndex(), self.held_on_edit.text(), self.start_edit.text(),
            self.end_edit.text(), self.place_edit.text(), self.topics_edit.toPlainText(),
            self.host_combo.currentText(), self.recorder_combo.currentText(),
            self.lecturer_combo.currentText(), self.party_group_combo.currentIndex(),
            self.guests_edit.text(), self.discussion_edit.toPlainText(),
            self.resolutions_edit.toPlainText(), self.classification_combo.currentIndex(),
        )

    def _vote_typed(self) -> bool:
        return bool(self.subject_edit.text().strip())

    def has_unsaved_work(self) -> bool:
        """Details or attendance changed since the meeting was read, or a vote typed and not
        recorded (a finalized meeting holds nothing editable)."""
        if self.is_finalized:
            return False
        self.attendance_view.commit_open_editor()
        return (
            self._typed_details() != self._loaded_details
            or bool(self.attendance.changed_rows())
            or self._vote_typed()
        )

    def unsaved_work_title(self) -> str:
        return self.windowTitle()

    def save_unsaved_work(self) -> bool:
        return self.record_vote() if self._vote_typed() else self.save()

    # ---------------------------------------------------------------- saving
    def save(self) -> bool:
        """Write the details and the attendance marks; True when saved."""
        return self._save_with(None)

    def _save_with(self, extra: Callable[[Any, str], None] | None) -> bool:
        self._clear_field_messages()
        self.attendance_message.clear()
        self.attendance_view.commit_open_editor()
        data = self.meeting_input()
        if data is None:
            self.tabs.setCurrentIndex(0)
            self._message(self.tr("Please correct the entries marked in red."), ok=False)
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                meeting_id = self._write(uow, data)
                if extra is not None:
                    extra(uow, meeting_id)
                uow.commit()
        except _AttendanceRowError as problem:
            self.attendance.mark_problems({problem.member_id})
            row = self.attendance.row_of(problem.member_id)
            self.tabs.setCurrentIndex(self.attendance_tab_index)
            if row is not None:
                index = self.attendance.index(row, REASON)
                self.attendance_view.setCurrentIndex(index)
            self.attendance_message.setText(self.tr(
                "Give the reason for everyone on leave or absent (the row marked in red)."
            ))
            self._message(self.tr("Not saved: a reason for absence is missing."), ok=False)
            return False
        except InvalidInputError as error:
            self._show_problems(error)
            return False
        except BranchDeskError as error:
            self._message(message_for(error), ok=False)
            return False
        self._meeting_id = meeting_id
        self.load()
        self._message(self.tr("Saved."))
        self.changed.emit(meeting_id)
        return True

    # ---------------------------------------------------------------- votes
    def refresh_vote_preview(self) -> None:
        """Ask the services who may vote and who of them is present, with the unsaved marks."""
        self._preview_timer.stop()
        if self.type_combo.value() is not MeetingType.MEMBERS_ASSEMBLY or self._loading:
            return
        self._preview = None
        try:
            with self._workspace.unit_of_work() as uow:
                data = None if self._meeting_id is not None else self.meeting_input()
                if self._meeting_id is None and data is None:
                    raise InvalidInputError([])
                if not self.is_finalized:
                    meeting_id = self._write(uow, data, for_preview=True)
                else:
                    meeting_id = self._meeting_id or ""
                self._preview = meetings.vote_preview(uow, meeting_id)
                # leaving the block rolls the unsaved marks back: nothing is written here
        except (InvalidInputError, _AttendanceRowError):
            self.entitled_label.setText("—")
            self.voting_present_label.setText("—")
            self.quorum_label.setStyleSheet(HINT_STYLE)
            self.quorum_label.setText(self.tr(
                "Shown once the meeting's date and topics are filled in."
            ))
            self._show_vote_result()
            return
        except BranchDeskError as error:
            self.quorum_label.setText(message_for(error))
            return
        self._fields["held_on"].message.hide()
        preview = self._preview
        self.entitled_label.setText(self.tr("{n} full members").format(n=preview.entitled))
        self.voting_present_label.setText(str(preview.present))
        if preview.quorum_met:
            self.quorum_label.setStyleSheet(NOTICE_STYLE)
            self.quorum_label.setText(self.tr(
                "Quorum met: {present} of {entitled} present, more than half."
            ).format(present=preview.present, entitled=preview.entitled))
        else:
            self.quorum_label.setStyleSheet(ERROR_STYLE)
            self.quorum_label.setText(self.tr(
                "No quorum: {present} of {entitled} present — more than half ({needed}) are "
                "needed. Resolutions of this meeting are not valid."
            ).format(present=preview.present, entitled=preview.entitled,
                     needed=preview.entitled // 2 + 1))
        self._show_vote_result()

    def _show_vote_result(self) -> None:
        preview = self._preview
        if preview is None:
            self.vote_result_label.setStyleSheet(HINT_STYLE)
            self.vote_result_label.setText("")
            return
        try:
            result = VoteResult.compute(
                entitled=preview.entitled, present=preview.present,
                in_favour=self.in_favour_spin.value(), against=self.against_spin.value(),
                abstain=self.abstain_spin.value(),
            )
        except VoteError as error:
            self.vote_result_label.setStyleSheet(ERROR_STYLE)
            self.vote_result_label.setText(member_texts.issue_text(error.problem.value))
            return
        needed = preview.entitled // 2 + 1
        if not (result.in_favour or result.against or result.abstain):
            # Nothing entered yet: no verdict, least of all a red "not passed".
            self.vote_result_label.setStyleSheet(HINT_STYLE + " font-weight: normal;")
            self.vote_result_label.setText(self.tr("Enter the votes; the result is shown here."))
            return
        if result.passed:
            self.vote_result_label.setStyleSheet(NOTICE_STYLE)
            self.vote_result_label.setText(self.tr(
                "Passed: {for_} in favour, more than half of the {entitled} entitled to vote."
            ).format(for_=result.in_favour, entitled=preview.entitled))
        elif not result.quorum_met:
            self.vote_result_label.setStyleSheet(ERROR_STYLE)
            self.vote_result_label.setText(self.tr(
                "Not passed: the meeting has no quorum."
            ))
        else:
            self.vote_result_label.setStyleSheet(ERROR_STYLE)
            self.vote_result_label.setText(self.tr(
                "Not passed: {for_} in favour; at least {needed} of the {entitled} entitled to "
                "vote are needed."
            ).format(for_=result.in_favour, needed=needed, entitled=preview.entitled))

    def record_vote(self) -> bool:
        """Save the meeting and record the vote (with the counts the services compute)."""
        subject = self.subject_edit.text()
        counts = (self.in_favour_spin.value(), self.against_spin.value(),
                  self.abstain_spin.value())

        def vote(uow: Any, meeting_id: str) -> None:
            meetings.record_vote(uow, meeting_id, subject, *counts)

        self.vote_message.clear()
        if not self._save_with(vote):
            if self.message_label.text():
                self.vote_message.setStyleSheet(ERROR_STYLE)
                self.vote_message.setText(self.message_label.text())
            return False
        self.subject_edit.clear()
        for spin in (self.in_favour_spin, self.against_spin, self.abstain_spin):
            spin.setValue(0)
        self.tabs.setCurrentIndex(self.votes_tab_index)
        self.vote_message.setStyleSheet(NOTICE_STYLE)
        self.vote_message.setText(self.tr("The vote was recorded and the meeting saved."))
        return True

    # ---------------------------------------------------------------- finalizing and amendments
    def ask_finalize(self) -> QMessageBox:
        """Ask (without blocking) before finalizing; 定稿 saves and finalizes.

        Finalizing cannot be undone, so 取消 is the default button: Enter or Esc out of habit
        never finalizes, only a deliberate click on 定稿 (or Alt+its key) does. So that a cancel
        is not mistaken for a finalization, the editor then says that nothing was finalized."""
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("Finalize minutes"),
            self.tr(
                "Finalize these minutes? Afterwards they can no longer be edited; corrections "
                "are added as amendments with their own date and author."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
        )
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Finalize"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.finalize)
        box.rejected.connect(lambda: self._message(
            self.tr("Not finalized: the minutes can still be edited.")
        ))
        self.confirm_box = box
        box.open()
        return box

    def finalize(self) -> bool:
        today = self._today()

        def finalize(uow: Any, meeting_id: str) -> None:
            meetings.finalize(uow, meeting_id, today)

        if not self._save_with(finalize):
            return False
        self._message(self.tr("Finalized: the minutes are now read-only."))
        return True

    def add_amendment(self) -> AmendmentDialog | None:
        if self._meeting_id is None:
            return None
        author = self._meeting.data.recorder if self._meeting else ""
        dialog = AmendmentDialog(self._workspace, self._meeting_id, author, self._today, self)
        dialog.added.connect(self._after_amendment)
        self.amendment_dialog = dialog
        dialog.open()
        return dialog

    def _after_amendment(self, _amendment_id: str) -> None:
        self.load()
        self.tabs.setCurrentIndex(self.amendments_tab_index)
        self._message(self.tr("The correction was added."))
        if self._meeting_id is not None:
            self.changed.emit(self._meeting_id)

    # ---------------------------------------------------------------- attachments
    def _selected_attachment(self) -> str | None:
        rows = self.attachments_table.selectionModel().selectedRows()
        return self._attachment_ids[rows[0].row()] if rows else None

    def choose_attachments(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Add files to the meeting"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)"),
            self.tr("All files (*)"),
        ])
        dialog.filesSelected.connect(lambda files: self.add_attachments([Path(f) for f in files]))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def add_attachments(self, paths: list[Path]) -> BackgroundTask | None:
        """Read the files and keep them in the database (off the GUI thread)."""
        meeting_id = self._meeting_id
        if meeting_id is None or not paths:
            return None
        workspace = self._workspace

        def operation(context: TaskContext) -> int:
            for done, path in enumerate(paths):
                data = _read_file(path)
                with workspace.unit_of_work() as uow:
                    meetings.add_attachment(uow, meeting_id, path.name, data)
                    uow.commit()
                context.progress(done + 1, len(paths))
            return len(paths)

        self.last_task = run_in_background(
            self, operation, on_success=self._after_attachments,
            on_failure=self._attachment_failed, title=self.tr("Adding files…"),
            cancellable=False,
        )
        return self.last_task

    def _after_attachments(self, count: object) -> None:
        self._reload_attachments()
        self.attachment_message.setStyleSheet(NOTICE_STYLE)
        self.attachment_message.setText(self.tr("{count} files added.").format(count=count))
        if self._meeting_id is not None:
            self.changed.emit(self._meeting_id)

    def _attachment_failed(self, error: BaseException) -> None:
        self._reload_attachments()
        self.attachment_message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, InvalidInputError):
            self.attachment_message.setText(_problems_text(error))
        else:
            self.attachment_message.setText(message_for(error))

    def _reload_attachments(self) -> None:
        if self._meeting_id is None:
            return
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                meeting = meetings.get_meeting(uow, self._meeting_id)
        except BranchDeskError as error:
            self.attachment_message.setText(message_for(error))
            return
        self._show_attachments(meeting)

    def choose_attachment_copy(self) -> QFileDialog | None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return None
        name = self.attachments_table.item(self._attachment_ids.index(attachment_id), 0)
        dialog = QFileDialog(self, self.tr("Save a copy of the file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(name.text() if name else "")
        dialog.fileSelected.connect(
            lambda file: self.save_attachment_copy(attachment_id, Path(file))
        )
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_attachment_copy(self, attachment_id: str, path: Path) -> BackgroundTask:
        workspace = self._workspace

        def operation(_context: TaskContext) -> Path:
            with workspace.unit_of_work() as uow:
                data = meetings.attachment_data(uow, attachment_id)
            _write_file(path, data)
            return path

        def done(result: object) -> None:
            self.attachment_message.setStyleSheet(NOTICE_STYLE)
            self.attachment_message.setText(
                self.tr("Saved a copy as {file}.").format(file=str(result))
            )

        self.last_task = run_in_background(
            self, operation, on_success=done, on_failure=self._attachment_failed,
            title=self.tr("Saving a copy…"), cancellable=False,
        )
        return self.last_task


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error


def _write_file(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
