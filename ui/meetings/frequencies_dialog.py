"""要求召开的频次…: how often each meeting type is required (每月 / 每季度 / 每年 / 不要求)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.domain.meetings import Frequency, MeetingType
from app.errors import BranchDeskError
from app.services import meetings
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.widgets.editor_dialog import EditorDialog


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
            "（试行）》 and local rules). With fewer than 7 full members the branch has no "
            "committee: committee meetings are then not required whatever is set here, and "
            "are again from 7. A branch without party groups sets those to “not required”."
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
