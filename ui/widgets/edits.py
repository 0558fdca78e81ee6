"""``on_user_edit``: one way to hear that the user changed a field's value, whatever its widget.

Forms use it to take an error line away as soon as the field it is about is being corrected
(a later save checks everything again).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget


def on_user_edit(widget: QWidget, slot: Callable[[], None]) -> None:
    """Call ``slot`` when the value of ``widget`` changes (combo boxes and spin boxes also when
    set by the program; line edits only when edited)."""
    if isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: slot())
        if widget.isEditable():
            widget.editTextChanged.connect(lambda _t: slot())
    elif isinstance(widget, QLineEdit):
        widget.textEdited.connect(lambda _t: slot())
    elif isinstance(widget, QPlainTextEdit):
        widget.textChanged.connect(slot)
    elif isinstance(widget, QAbstractSpinBox):
        widget.editingFinished.connect(slot)
