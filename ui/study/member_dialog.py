"""A member's study of the year: the entries (by hand, imported, or from meetings attended), with
their proofs, and the member's exemption from the targets (第23条: old, ill, disabled)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.study import ExemptReason, hours_text
from app.errors import BranchDeskError, FileAccessError, InvalidInputError
from app.services import study
from app.services.workspace import Workspace
from ui.common import study_texts
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import HINT_STYLE
from ui.common.tasks import show_error, show_message
from ui.study.entry_dialog import EntryDialog
from ui.study.parts import error_line
from ui.widgets.empty_hint import EmptyHint


class MemberStudyDialog(QDialog):
    """``changed`` whenever an entry or the exemption was saved (the page reloads)."""

    changed = Signal()

    def __init__(self, workspace: Workspace, member_id: str, name: str, year: int,
                 today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._workspace = workspace
        self._member_id = member_id
        self._name = name
        self._year = year
        self._today = today
        self.entries: list[study.Entry] = []
        self.editor: EntryDialog | None = None
        self.setWindowTitle(self.tr("Study of {name} in {year}").format(name=name, year=year))

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Date"), self.tr("Form"), self.tr("Course or topic"), self.tr("Hours"),
            self.tr("Organizer"), self.tr("Proof"),
        ])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.edit_entry())
        self.empty_hint = EmptyHint(self.table, self.tr(
            "No study recorded this year: press Add…. Attendance at party lectures and theme "
            "days is recorded by itself."))
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.clicked.connect(self.add_entry)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.clicked.connect(self.edit_entry)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_entry)
        self.attach_button = QPushButton(self.tr("Attach proof…"))
        self.attach_button.clicked.connect(self.attach_proof)
        self.save_proof_button = QPushButton(self.tr("Save proof as…"))
        self.save_proof_button.clicked.connect(self.save_proof)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button,
                       self.attach_button, self.save_proof_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.exempt_combo = QComboBox()
        self.exempt_combo.addItem(self.tr("Not exempt"), None)
        for reason in ExemptReason:
            self.exempt_combo.addItem(study_texts.exempt_text(reason), reason)
        self.exempt_combo.activated.connect(lambda _index: self.save_exemption())
        exempt_row = QHBoxLayout()
        exempt_row.addWidget(QLabel(self.tr("Exempt from the study targets (art. 23):")))
        exempt_row.addWidget(self.exempt_combo)
        exempt_row.addStretch(1)
        self.error_label = error_line()
        hint = QLabel(self.tr(
            "Entries from meetings follow the attendance: to take one away, mark the member "
            "absent in the meeting."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addLayout(exempt_row)
        layout.addWidget(self.error_label)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        fit_to_screen(self, 860, 520)
        self.reload()

    def reload(self) -> None:
        with self._workspace.unit_of_work(read_only=True) as uow:
            self.entries = study.member_entries(uow, self._member_id, self._year)
            line = study.member_year(uow, self._member_id, self._year, self._today)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            data = entry.data
            topic = data.topic
            if entry.from_meeting:
                topic = self.tr("{topic} (meeting attended)").format(topic=topic)
            cells = (data.on_date.isoformat(), study_texts.form_text(data.form), topic,
                     hours_text(data.hours), data.organizer,
                     entry.proof.file_name if entry.proof else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if line is not None:
            target = (self.tr("exempt (art. 23)") if line.target is None
                      else hours_text(line.target))
            self.summary_label.setText(self.tr(
                "{year}: {total} hours, target {target}."
            ).format(year=self._year, total=hours_text(line.total), target=target))
            self.exempt_combo.setCurrentIndex(
                0 if line.exempt is None else list(ExemptReason).index(line.exempt) + 1)
        self.table.resizeColumnsToContents()

    def selected(self) -> study.Entry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.entries[rows[0].row()] if rows else None

    def add_entry(self) -> None:
        self._open_editor(None)

    def edit_entry(self) -> None:
        entry = self.selected()
        if entry is not None:
            self._open_editor(entry)

    def _open_editor(self, entry: study.Entry | None) -> None:
        default = min(self._today, date(self._year, 12, 31))
        editor = EntryDialog(self._workspace, self._member_id, self._name, entry, default, self)
        editor.saved.connect(self._saved)
        self.editor = editor
        editor.open()

    def _saved(self) -> None:
        self.reload()
        self.changed.emit()

    def delete_entry(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            with self._workspace.unit_of_work() as uow:
                study.delete_entry(uow, entry.id)
                uow.commit()
        except InvalidInputError as error:
            self._say(study_texts.input_problems([(p.field, p.code) for p in error.problems]))
            return
        except BranchDeskError as error:
            show_error(self, error)
            return
        self._saved()

    def attach_proof(self, path: Path | None = None) -> None:
        entry = self.selected()
        if entry is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Proof of study"), "",
                self.tr("Images and documents (*.png *.jpg *.jpeg *.pdf);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            data = path.read_bytes()
        except OSError as error:
            show_error(self, FileAccessError.from_os_error(path, error))
            return
        try:
            with self._workspace.unit_of_work() as uow:
                study.attach_proof(uow, entry.id, path.name, data)
                uow.commit()
        except BranchDeskError as error:
            show_error(self, error)
            return
        self._saved()

    def save_proof(self, path: Path | None = None) -> None:
        entry = self.selected()
        if entry is None or entry.proof is None:
            return
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save proof as"), entry.proof.file_name)
            if not chosen:
                return
            path = Path(chosen)
        from app.files import write_atomically

        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                data = study.proof_data(uow, entry.proof.id)
            write_atomically(path, data)
        except OSError as error:
            show_error(self, FileAccessError.from_os_error(path, error))
            return
        except BranchDeskError as error:
            show_error(self, error)
            return
        show_message(self, self.tr("Saved to {file}.").format(file=path))

    def save_exemption(self) -> None:
        reason = self.exempt_combo.currentData()
        try:
            with self._workspace.unit_of_work() as uow:
                study.set_exemption(uow, self._member_id, reason)
                uow.commit()
        except BranchDeskError as error:
            show_error(self, error)
            return
        self._saved()

    def _say(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
