"""The 整改 item editor: the 组织生活会 that found the problem, whose problem (a member's or the
committee's), the problem, the owner, measures, deadline, status, the day it was done, what was
done, the 密级, and its evidence files (kept encrypted in the database, on this PC only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import Classification
from app.domain.rectification import ItemStatus
from app.errors import BranchDeskError
from app.services import rectification as rect
from app.services import talks
from app.services.rectification import ItemInput
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.rectification.texts import status_label
from ui.widgets import record_book
from ui.widgets.date_field import DateField
from ui.widgets.entry_dialog import EntryDialog
from ui.widgets.enum_combo import EnumCombo

Today = Callable[[], date]


def _text_box(placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(80)
    box.setTabChangesFocus(True)
    return box


class ItemDialog(EntryDialog):
    """``saved(item id)`` after the item (or its evidence) was written."""

    def __init__(
        self, workspace: Workspace, item_id: str | None = None, meeting_id: str | None = None,
        today: Today = date.today, parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, item_id, parent)
        self.last_task: BackgroundTask | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Rectification item") if item_id
                            else self.tr("New problem and its rectification"))
        self.meeting_combo = QComboBox()
        self.whose_combo = QComboBox()
        self.whose_combo.addItem(self.tr("The branch committee"), None)
        self.problem_edit = _text_box(self.tr("The problem as the meeting found it"))
        self.owner_combo = QComboBox()
        self.measures_edit = _text_box(self.tr("What will be done, by when, how"))
        self.due_field = DateField()
        self.status_combo = QComboBox()
        for status in ItemStatus:
            self.status_combo.addItem(status_label(status), status)
        self.done_field = DateField()
        self.result_edit = _text_box(self.tr("What was done (filled in when done)"))
        self.classification_combo = EnumCombo(Classification)  # 秘密 stays on this PC
        self.classification_combo.set_value(Classification.INTERNAL)

        self.evidence_table = record_book.new_table(
            (self.tr("Evidence file"), self.tr("Size")), (300, 80), stretch=0)
        self.evidence_table.setMaximumHeight(110)
        self.add_evidence_button = QPushButton(self.tr("Add evidence…"))
        self.copy_evidence_button = QPushButton(self.tr("Save a copy…"))
        self.add_evidence_button.clicked.connect(self.choose_evidence)
        self.copy_evidence_button.clicked.connect(self.choose_evidence_copy)
        self.evidence_table.itemSelectionChanged.connect(self._update_evidence_buttons)
        self.evidence_label = QLabel()
        self.evidence_label.setWordWrap(True)
        self.evidence_label.setStyleSheet(HINT_STYLE)

        form = QFormLayout()
        form.addRow(self.tr("Organizational life meeting"), self.meeting_combo)
        form.addRow(self.tr("Whose problem"), self.whose_combo)
        form.addRow(self.tr("Problem"), self.problem_edit)
        form.addRow(self.tr("Responsible"), self.owner_combo)
        form.addRow(self.tr("Measures"), self.measures_edit)
        form.addRow(self.tr("Deadline"), self.due_field)
        form.addRow(self.tr("Status"), self.status_combo)
        form.addRow(self.tr("Done on"), self.done_field)
        form.addRow(self.tr("What was done"), self.result_edit)
        form.addRow(member_texts.field_label("classification"), self.classification_combo)
        evidence_buttons = QHBoxLayout()
        evidence_buttons.addWidget(self.evidence_label, 1)
        evidence_buttons.addWidget(self.add_evidence_button)
        evidence_buttons.addWidget(self.copy_evidence_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.evidence_table)
        layout.addLayout(evidence_buttons)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 640, 700)
        self._load(meeting_id, today)
        self.mark_clean()

    def _load(self, meeting_id: str | None, today: Today) -> None:
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                meetings = rect.life_meetings(uow)
                people = talks.roll(uow)
                item = rect.get_item(uow, self.entry_id) if self.entry_id else None
                evidence = rect.evidence_of(uow, self.entry_id) if self.entry_id else []
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return
        for meeting in meetings:
            self.meeting_combo.addItem(f"{meeting.held_on.isoformat()} {meeting.topic}",
                                       meeting.id)
        self.owner_combo.addItem(self.tr("(choose)"), None)
        for person in people:
            self.whose_combo.addItem(person.name, person.id)
            self.owner_combo.addItem(person.name, person.id)
        if item is None:
            self._select(self.meeting_combo, meeting_id)
            self.due_field.set_date(date(today().year + 1, 3, 31))
        else:
            self._select(self.meeting_combo, item.meeting_id)
            self._select(self.whose_combo, item.member_id)
            self._select(self.owner_combo, item.owner_id)
            self.problem_edit.setPlainText(item.problem)
            self.measures_edit.setPlainText(item.measures)
            self.due_field.set_date(item.due_on)
            self.status_combo.setCurrentIndex(self.status_combo.findData(item.status))
            self.done_field.set_date(item.done_on)
            self.result_edit.setPlainText(item.result)
            self.classification_combo.set_value(item.classification)
        self._show_evidence(evidence)

    @staticmethod
    def _select(combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        if index >= 0:
            combo.setCurrentIndex(index)

    def _show_evidence(self, evidence: list[rect.Evidence]) -> None:
        record_book.fill(self.evidence_table, [
            (e.id, (e.file_name, self.tr("{kb} KB").format(kb=max(1, e.size // 1024))), False)
            for e in evidence])
        self.evidence_label.setText(
            self.tr("Kept encrypted in the database; evidence files stay on this PC.")
            if self.entry_id else self.tr("Save the item first, then add its evidence."))
        self._update_evidence_buttons()

    def _update_evidence_buttons(self) -> None:
        self.add_evidence_button.setEnabled(self.entry_id is not None)
        self.copy_evidence_button.setEnabled(
            record_book.selected_id(self.evidence_table) is not None)

    def data(self) -> ItemInput | None:
        due = self.due_field.date_value()
        if due is None:
            self.message_label.setText(self.tr("Enter the deadline, e.g. 2027-03-31."))
            return None
        if not self.done_field.is_valid():
            self.message_label.setText(self.tr("The day it was done is not a date."))
            return None
        return ItemInput(
            meeting_id=self.meeting_combo.currentData() or "",
            problem=self.problem_edit.toPlainText(),
            owner_id=self.owner_combo.currentData() or "",
            measures=self.measures_edit.toPlainText(), due_on=due,
            member_id=self.whose_combo.currentData(), status=self.status_combo.currentData(),
            done_on=self.done_field.date_value(), result=self.result_edit.toPlainText(),
            classification=self.classification_combo.value(),
        )

    def write(self, uow: Any, data: ItemInput) -> str:
        if self.entry_id is None:
            return rect.create_item(uow, data)
        rect.update_item(uow, self.entry_id, data)
        return self.entry_id

    # ---------------------------------------------------------------- evidence
    def choose_evidence(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Add evidence"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)"),
            self.tr("All files (*)")])
        dialog.filesSelected.connect(lambda files: self.add_evidence([Path(f) for f in files]))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def add_evidence(self, paths: list[Path]) -> BackgroundTask | None:
        """Read the files into the encrypted database, off the GUI thread."""
        item_id = self.entry_id
        if item_id is None or not paths:
            return None
        workspace = self._workspace

        def operation(context: TaskContext) -> int:
            for done, path in enumerate(paths):
                with workspace.unit_of_work() as uow:
                    rect.add_evidence_file(uow, item_id, path)
                    uow.commit()
                context.progress(done + 1, len(paths))
            return len(paths)

        def done(count: object) -> None:
            with self._workspace.unit_of_work(read_only=True) as uow:
                self._show_evidence(rect.evidence_of(uow, item_id))
            self.evidence_label.setStyleSheet(NOTICE_STYLE)
            self.evidence_label.setText(self.tr("{count} files added.").format(count=count))
            self.saved.emit(item_id)

        self.last_task = run_in_background(
            self, operation, on_success=done, on_failure=self._failed,
            title=self.tr("Adding files…"), cancellable=False)
        return self.last_task

    def choose_evidence_copy(self) -> QFileDialog | None:
        evidence_id = record_book.selected_id(self.evidence_table)
        if evidence_id is None:
            return None
        row = self.evidence_table.currentRow()
        name = self.evidence_table.item(row, 0)
        dialog = QFileDialog(self, self.tr("Save a copy of the file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(name.text() if name else "")
        dialog.fileSelected.connect(lambda file: self.save_copy(evidence_id, Path(file)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_copy(self, evidence_id: str, path: Path) -> BackgroundTask:
        workspace = self._workspace

        def operation(_context: TaskContext) -> Path:
            with workspace.unit_of_work() as uow:
                rect.save_evidence_copy(uow, evidence_id, path)
                uow.commit()
            return path

        def done(result: object) -> None:
            self.evidence_label.setStyleSheet(NOTICE_STYLE)
            self.evidence_label.setText(self.tr("Saved a copy as {file}.").format(file=result))

        self.last_task = run_in_background(
            self, operation, on_success=done, on_failure=self._failed,
            title=self.tr("Saving a copy…"), cancellable=False)
        return self.last_task

    def _failed(self, error: BaseException) -> None:
        self.evidence_label.setStyleSheet(ERROR_STYLE)
        self.evidence_label.setText(message_for(error))
