"""A month entry that can be empty: a line edit reading the ways people write a month.

2025-05, 2025.5, 2025/5, 202505 and 2025年5月 all read as May 2025 and are shown as 2025-05 when
the field is left; Up and Down move it by a month. Used where a month is typed once (党费已交到 of
a letter of introduction), not for the dues pages' month pickers.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.calendar import Month

_PATTERNS = (
    re.compile(r"^(\d{4})[-./](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)


def parse_month(text: str) -> Month | None:
    """The month ``text`` names, or None if it names none (raises nothing)."""
    text = "".join(text.split())
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            try:
                return Month(int(match.group(1)), int(match.group(2)))
            except ValueError:
                return None
    return None


class MonthField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("e.g. 2025-05"))
        self.setMaxLength(10)
        self.editingFinished.connect(self._normalize)

    def is_empty(self) -> bool:
        return not self.text().strip()

    def month(self) -> Month | None:
        return parse_month(self.text())

    def set_month(self, month: Month | None) -> None:
        self.setText(str(month) if month is not None else "")

    def _normalize(self) -> None:
        month = self.month()
        if month is not None:
            self.set_month(month)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = {Qt.Key.Key_Up: 1, Qt.Key.Key_Down: -1}.get(Qt.Key(event.key()))
        month = self.month()
        if step is not None and month is not None:
            self.set_month(month + step)
            return
        super().keyPressEvent(event)
