"""指标设置: which indicators the branch is assessed on, each one's target and weight (localities
differ; the default is DOMAIN.md's, ``app.domain.assessment.DEFAULT_SETTINGS``).

Every indicator the app knows is a row: a box to use it, its target (with ≥ or ≤ and the unit
the assessment view shows) and its weight as typed, and its formula as a hint. 保存 checks the
set and keeps it through ``assessment.save_settings``; a refused set shows the reason under the
fields and changes nothing. 恢复默认 puts the default back in the fields (kept on 保存)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.assessment import DEFAULT_SETTINGS, DEFINITIONS, Code, IndicatorSetting, Kind
from app.errors import AssessmentSettingsError, BranchDeskError
from app.services import assessment
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen, scrolling
from ui.common.styles import ERROR_STYLE, HINT_STYLE


def _plain(number: Decimal) -> str:
    """``90`` for ``Decimal('90.0')``, ``2.5`` stays."""
    return str(number.to_integral()) if number == number.to_integral() else str(number.normalize())


class _Row:
    """One indicator's widgets."""

    def __init__(self, code: Code) -> None:
        definition = DEFINITIONS[code]
        self.code = code
        self.unit = "%" if definition.kind is Kind.SHARE else definition.unit
        self.used = QCheckBox(definition.name)
        self.used.setToolTip(definition.formula)
        self.target = QLineEdit()
        self.target.setMaximumWidth(80)
        self.weight = QLineEdit()
        self.weight.setMaximumWidth(60)
        self.formula = QLabel(definition.formula)
        self.formula.setWordWrap(True)
        self.formula.setStyleSheet(HINT_STYLE)
        self.sign = QLabel("≤" if definition.lower_is_better else "≥")
        self.unit_label = QLabel(self.unit)
        self.used.toggled.connect(self._enable)

    def _enable(self, used: bool) -> None:
        self.target.setEnabled(used)
        self.weight.setEnabled(used)

    def show(self, setting: IndicatorSetting, used: bool) -> None:
        self.target.setText(_plain(setting.target))
        self.weight.setText(_plain(setting.weight))
        self.used.setChecked(used)
        self._enable(used)

    def plain(self) -> dict[str, object]:
        """The row as typed (a unit typed after the number is allowed: ``90%``)."""
        target = self.target.text().strip().removesuffix(self.unit).strip()
        return {"code": self.code.value, "target": target, "weight": self.weight.text().strip()}


class AssessmentSettingsDialog(QDialog):
    saved = Signal()  # the set was kept: the view counts again

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(self.tr("Assessment indicators"))
        self.rows = {code: _Row(code) for code in DEFINITIONS}
        self.total_label = QLabel()
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.RestoreDefaults
            | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.defaults_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.defaults_button.setText(self.tr("Restore defaults"))
        self.defaults_button.setToolTip(self.tr(
            "Put the default indicators, targets and weights in the fields; kept when saved"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.save_button.clicked.connect(lambda: self.save())
        self.defaults_button.clicked.connect(lambda: self.restore_defaults())
        self.buttons.rejected.connect(self.reject)
        for row in self.rows.values():
            for signal in (row.used.toggled, row.weight.textChanged):
                signal.connect(lambda *_: self._show_total())
        self._compose()
        with workspace.unit_of_work(read_only=True) as uow:
            self.show_settings(assessment.load_settings(uow))
        fit_to_screen(self, 980, 660)

    def _compose(self) -> None:
        hint = QLabel(self.tr(
            "Choose the indicators the branch is assessed on, the target each must reach and "
            "its weight. The standing counts the weights of the indicators met against those "
            "that could be counted; the weights need not add up to 100."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.addWidget(QLabel(self.tr("Used")), 0, 0)
        grid.addWidget(QLabel(self.tr("Target")), 0, 1, 1, 3)
        grid.addWidget(QLabel(self.tr("Weight")), 0, 4)
        grid.addWidget(QLabel(self.tr("How it is counted")), 0, 5)
        for line, row in enumerate(self.rows.values(), start=1):
            grid.addWidget(row.used, line, 0)
            grid.addWidget(row.sign, line, 1)
            grid.addWidget(row.target, line, 2)
            grid.addWidget(row.unit_label, line, 3)
            grid.addWidget(row.weight, line, 4)
            grid.addWidget(row.formula, line, 5)
        grid.setColumnStretch(5, 1)
        grid.setRowStretch(len(self.rows) + 1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(scrolling(grid_widget), 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def show_settings(self, settings: tuple[IndicatorSetting, ...]) -> None:
        """Fill the fields: the indicators of ``settings`` ticked, the others unticked with
        their default target and weight."""
        chosen = {s.code: s for s in settings}
        defaults = {s.code: s for s in DEFAULT_SETTINGS}
        for code, row in self.rows.items():
            row.show(chosen.get(code, defaults[code]), code in chosen)
        self.error_label.clear()
        self._show_total()

    def restore_defaults(self) -> None:
        self.show_settings(DEFAULT_SETTINGS)

    def _show_total(self) -> None:
        try:
            total = sum((Decimal(row.weight.text().strip()) for row in self.rows.values()
                         if row.used.isChecked()), Decimal(0))
        except ArithmeticError:
            self.total_label.setText(self.tr("Sum of the weights used: —"))
            return
        self.total_label.setText(self.tr("Sum of the weights used: {total}").format(
            total=_plain(total)))

    def typed(self) -> list[dict[str, object]]:
        return [row.plain() for row in self.rows.values() if row.used.isChecked()]

    def save(self) -> bool:
        """Check and keep the set; on a refusal say why beside the fields, keep nothing."""
        try:
            settings = assessment.parse_settings(self.typed())
            with self._workspace.unit_of_work() as uow:
                assessment.save_settings(uow, settings)
                uow.commit()
        except BranchDeskError as error:
            self.error_label.setText(message_for(error))
            if isinstance(error, AssessmentSettingsError):
                self._focus(error)
            return False
        self.error_label.clear()
        self.saved.emit()
        self.accept()
        return True

    def _focus(self, error: AssessmentSettingsError) -> None:
        """Put the cursor in the field the refusal is about."""
        try:
            row = self.rows[Code(error.indicator)]
        except ValueError:
            return
        field = row.target
        if error.problem == "negative_weight" or (
                error.problem == "not_a_number" and _is_number(row.plain()["target"])):
            field = row.weight
        field.setFocus()
        field.selectAll()


def _is_number(text: object) -> bool:
    try:
        return Decimal(str(text)).is_finite()
    except ArithmeticError:
        return False
