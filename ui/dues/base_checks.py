"""The bases' plausibility thresholds (``app.domain.dues_bases``) as a small dialog of the 基数核定
tab: the lowest plausible wage (the local minimum wage), the highest plausible base, and how far a
new base may be from the one in force before it is pointed out."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.dues_bases import BaseCheckSettings
from app.errors import BranchDeskError
from app.services import dues
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE


def _money_box(value: Decimal) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setDecimals(2)
    box.setRange(0, 10_000_000)
    box.setSingleStep(100)
    box.setValue(float(value))  # shown only: read back through ``_decimal``
    return box


def _decimal(box: QDoubleSpinBox) -> Decimal:
    return Decimal(f"{box.value():.2f}")


class BaseChecksDialog(QDialog):
    """``saved(settings)`` after the thresholds were stored."""

    saved = Signal(object)

    def __init__(self, workspace: Workspace, current: BaseCheckSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Checks on typed bases"))
        hint = QLabel(self.tr(
            "A base outside these limits is pointed out before it is saved (never refused). "
            "Use the local minimum wage, less the individual social-insurance share, as the "
            "lowest plausible wage of a member in work."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.minimum_edit = _money_box(current.wage_minimum)
        self.maximum_edit = _money_box(current.maximum)
        self.change_spin = QSpinBox()
        self.change_spin.setRange(1, 1000)
        self.change_spin.setSuffix(" %")
        self.change_spin.setValue(int(current.change_share * 100))
        form = QFormLayout()
        form.addRow(self.tr("Lowest plausible wage (yuan):"), self.minimum_edit)
        form.addRow(self.tr("Highest plausible base (yuan):"), self.maximum_edit)
        form.addRow(self.tr("Change from the base in force above:"), self.change_spin)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)

    def submit(self) -> bool:
        try:
            settings = BaseCheckSettings(
                wage_minimum=_decimal(self.minimum_edit), maximum=_decimal(self.maximum_edit),
                change_share=Decimal(self.change_spin.value()) / 100)
        except ValueError:
            self.message_label.setText(self.tr(
                "The lowest plausible wage must be below the highest plausible base."))
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                dues.save_base_check_settings(uow, settings)
                uow.commit()
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return False
        self.saved.emit(settings)
        self.accept()
        return True
