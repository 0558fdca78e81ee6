"""A new passphrase typed twice, with a live strength hint: used by setup and by 设置."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from app.domain.passphrase import MINIMUM_LENGTH, Strength, strength
from ui.common.styles import ERROR_STYLE, HINT_STYLE

_STRENGTH_COLOURS = {
    Strength.TOO_SHORT: "#b00020",
    Strength.WEAK: "#b26a00",
    Strength.FAIR: "#5d7a00",
    Strength.STRONG: "#1b5e20",
}


class PassphraseFields(QObject):
    """Two password fields and the hint under them, added as rows to ``form`` (so the labels line
    up with the form's other rows). ``problem()`` says what is wrong, if anything."""

    changed = Signal()

    def __init__(self, form: QFormLayout, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.new_edit = QLineEdit()
        self.new_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength_label = QLabel()
        self.strength_label.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)

        form.addRow(self.tr("New passphrase:"), self.new_edit)
        form.addRow("", self.strength_label)
        form.addRow(self.tr("Type it again:"), self.confirm_edit)
        form.addRow("", self.error_label)

        self.new_edit.textChanged.connect(self._update)
        self.confirm_edit.textChanged.connect(self._update)
        self._update()

    def passphrase(self) -> str:
        return self.new_edit.text()

    def clear(self) -> None:
        self.new_edit.clear()
        self.confirm_edit.clear()
        self.error_label.clear()

    def problem(self) -> str:
        """The reason the passphrase cannot be used yet, or "" when it can."""
        text = self.new_edit.text()
        if len(text) < MINIMUM_LENGTH:
            return self.tr("The passphrase must be at least {n} characters long.").format(
                n=MINIMUM_LENGTH
            )
        if self.confirm_edit.text() != text:
            return self.tr("The two passphrases differ.")
        return ""

    def show_problem(self) -> bool:
        """Show ``problem()`` beside the fields; True when there is none."""
        problem = self.problem()
        self.error_label.setText(problem)
        return not problem

    def _update(self) -> None:
        self.error_label.clear()
        text = self.new_edit.text()
        if not text:
            self.strength_label.setStyleSheet(HINT_STYLE)
            self.strength_label.setText(
                self.tr(
                    "At least {n} characters. A few words you can remember make a strong "
                    "passphrase."
                ).format(n=MINIMUM_LENGTH)
            )
        else:
            level = strength(text)
            self.strength_label.setStyleSheet(f"color: {_STRENGTH_COLOURS[level]};")
            self.strength_label.setText(self._describe(level))
        self.changed.emit()

    def _describe(self, level: Strength) -> str:
        match level:
            case Strength.TOO_SHORT:
                return self.tr("Too short: at least {n} characters.").format(n=MINIMUM_LENGTH)
            case Strength.WEAK:
                return self.tr("Strength: weak. Make it longer or mix letters, digits and signs.")
            case Strength.FAIR:
                return self.tr("Strength: fair.")
            case Strength.STRONG:
                return self.tr("Strength: strong.")
