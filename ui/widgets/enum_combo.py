"""A combo box over the values of an enum, worded as the window words them."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox

from ui.common import member_texts


class EnumCombo(QComboBox):
    """Values of an enum worded by ``member_texts.label``; optionally a first 未填 entry (None)."""

    def __init__(self, values: Iterable[enum.Enum], empty_text: str | None = None) -> None:
        super().__init__()
        if empty_text is not None:
            self.addItem(empty_text, None)
        for value in values:
            self.addItem(member_texts.label(value), value)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: enum.Enum | None) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                return
        self.setCurrentIndex(0)
