"""One study entry, typed or corrected: date, form, course or topic, 学时, organizer, 密级.

An entry made by a meeting's attendance keeps what the meeting says (date, form, topic): only
its hours can be changed here, and they then stay as typed (``study.update_entry``).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import Classification
from app.domain.study import MAX_ENTRY_HOURS, StudyForm
from app.services import study
from app.services.workspace import UnitOfWork, Workspace
from ui.common import study_texts
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import HINT_STYLE
from ui.study.parts import error_line, save_cancel, write_and_close
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.enum_combo import EnumCombo


class EntryDialog(EditorDialog):
    """Adds an entry for ``member_id`` or edits ``entry``; ``saved`` once it is stored."""

    saved = Signal()

    def __init__(self, workspace: Workspace, member_id: str, member_name: str,
                 entry: study.Entry | None = None, today: date | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._member_id = member_id
        self.entry = entry
        self.setWindowTitle(
            self.tr("Study of {name}").format(name=member_name) if entry is None
            else self.tr("Study entry of {name}").format(name=member_name))
        self.date_field = DateField()
        self.date_field.set_date(entry.data.on_date if entry else (today or date.today()))
        self.form_combo = QComboBox()
        for kind in StudyForm:
            self.form_combo.addItem(study_texts.form_text(kind), kind)
        self.form_combo.setCurrentIndex(
            list(StudyForm).index(entry.data.form if entry else StudyForm.COLLECTIVE))
        self.topic_edit = QLineEdit(entry.data.topic if entry else "")
        self.topic_edit.setMaxLength(200)
        self.topic_edit.setPlaceholderText(self.tr("e.g. the course or the topic studied"))
        self.hours_spin = QDoubleSpinBox()
        self.hours_spin.setDecimals(2)
        self.hours_spin.setRange(0, float(MAX_ENTRY_HOURS))
        self.hours_spin.setSingleStep(0.5)
        self.hours_spin.setValue(float(entry.data.hours) if entry else 2.0)
        self.organizer_edit = QLineEdit(entry.data.organizer if entry else "")
        self.organizer_edit.setMaxLength(200)
        self.classification_combo = EnumCombo(Classification)
        self.classification_combo.set_value(
            entry.data.classification if entry else Classification.INTERNAL)

        fields = QFormLayout()
        fields.addRow(self.tr("Date:"), self.date_field)
        fields.addRow(self.tr("Form:"), self.form_combo)
        fields.addRow(self.tr("Course or topic:"), self.topic_edit)
        fields.addRow(self.tr("Hours:"), self.hours_spin)
        fields.addRow(self.tr("Organizer:"), self.organizer_edit)
        fields.addRow(self.tr("Classification:"), self.classification_combo)
        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(HINT_STYLE)
        if entry is not None and entry.from_meeting:
            for widget in (self.date_field, self.form_combo, self.topic_edit):
                widget.setEnabled(False)
            self.note_label.setText(self.tr(
                "Recorded from the meeting's attendance: date, form and topic follow the "
                "meeting. Hours changed here stay as typed."))
        else:
            self.note_label.hide()
        self.error_label = error_line()
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(fields)
        layout.addWidget(self.note_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 360)

    def data(self) -> study.EntryInput | None:
        on_date = self.date_field.date_value()
        if on_date is None:
            self._say([("on_date", "required" if self.date_field.is_empty()
                        else "not_a_date")])
            return None
        return study.EntryInput(
            member_id=self._member_id, on_date=on_date, form=self.form_combo.currentData(),
            topic=self.topic_edit.text(), hours=Decimal(str(self.hours_spin.value())),
            organizer=self.organizer_edit.text(),
            classification=self.classification_combo.value(),
        )

    def save_unsaved_work(self) -> bool:
        data = self.data()
        if data is None:
            return False
        entry = self.entry

        def write(uow: UnitOfWork) -> None:
            if entry is None:
                study.add_entry(uow, data)
            else:
                study.update_entry(uow, entry.id, data)

        return write_and_close(self, self._workspace, self.error_label, write, self.saved)

    def _say(self, problems: list[tuple[str, str]]) -> None:
        self.error_label.setText(study_texts.input_problems(problems))
        self.error_label.show()
