"""设置 › 党费: the rounding of the monthly amounts and the fixed amounts of 第六条, each with the
national default (DOMAIN.md: "Where a rule differs by locality, it is a setting with the national
rule as default"). Saved through ``dues_terms.save_dues_settings``; ``generate_month`` uses them.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.dues import DuesSettings
from app.domain.money import Precision, RoundingMode
from app.errors import BranchDeskError
from app.services import dues_terms
from app.services.workspace import Workspace
from ui.common import dues_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.settings.branch import _write


class DuesSettingsBox(QGroupBox):
    """Edit and save the dues settings; 恢复全国标准 puts the national defaults in the fields."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Party dues"), parent)
        self._workspace = workspace
        self.mode_combo = QComboBox()
        for mode in RoundingMode:
            self.mode_combo.addItem(dues_texts.rounding_mode_text(mode), mode.value)
        self.precision_combo = QComboBox()
        for precision in Precision:
            self.precision_combo.addItem(dues_texts.precision_text(precision), precision.value)
        self.farmer_edit = QLineEdit()
        self.student_edit = QLineEdit()
        self.unemployed_edit = QLineEdit()
        self.relief_edit = QLineEdit()
        hint = QLabel(self.tr(
            "The regulation sets no rounding: the monthly amount is rounded once, by this rule. "
            "Art. 6: farmers pay 0.20 to 1.00 yuan a month (set locally); students, the "
            "unemployed and those living on relief or 低保 pay 0.20 yuan. Amounts already "
            "recorded do not change."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        rounding = QHBoxLayout()
        rounding.addWidget(self.precision_combo)
        rounding.addWidget(self.mode_combo)
        rounding.addStretch(1)
        form = QFormLayout(self)
        form.addRow(hint)
        form.addRow(self.tr("Rounding:"), rounding)
        form.addRow(self.tr("Farmers (yuan a month):"), self.farmer_edit)
        form.addRow(self.tr("Students (yuan a month):"), self.student_edit)
        form.addRow(self.tr("Unemployed (yuan a month):"), self.unemployed_edit)
        form.addRow(self.tr("On relief or 低保 (yuan a month):"), self.relief_edit)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save)
        self.defaults_button = QPushButton(self.tr("National defaults"))
        self.defaults_button.clicked.connect(lambda: self.show_settings(DuesSettings()))
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.defaults_button)
        buttons.addWidget(self.feedback_label, 1)
        form.addRow(buttons)

    def refresh(self) -> None:
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                settings = dues_terms.dues_settings(uow)
        except BranchDeskError as error:
            self.feedback_label.setStyleSheet(ERROR_STYLE)
            self.feedback_label.setText(message_for(error))
            return
        self.show_settings(settings)
        self.feedback_label.clear()

    def show_settings(self, settings: DuesSettings) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(settings.rounding.mode.value))
        self.precision_combo.setCurrentIndex(
            self.precision_combo.findData(settings.rounding.precision.value))
        self.farmer_edit.setText(str(settings.farmer_amount))
        self.student_edit.setText(str(settings.student_amount))
        self.unemployed_edit.setText(str(settings.unemployed_amount))
        self.relief_edit.setText(str(settings.relief_amount))

    def save(self) -> bool:
        try:
            settings = dues_terms.settings_from_text(
                self.mode_combo.currentData(), self.precision_combo.currentData(),
                self.farmer_edit.text(), self.student_edit.text(),
                self.unemployed_edit.text(), self.relief_edit.text())
        except BranchDeskError as error:
            self.feedback_label.setStyleSheet(ERROR_STYLE)
            self.feedback_label.setText(message_for(error))
            return False
        return _write(self._workspace, self.feedback_label,
                      lambda uow: dues_terms.save_dues_settings(uow, settings))
