"""A date entry that can be empty (未填): a line edit that reads the ways people write dates.

QDateEdit has no empty state, and a record's milestones are often unknown. This field is typed
like text: 2024-03-01, 2024.3.1, 2024/3/1, 20240301 or 2024年3月1日 all read as the same day and
are shown as 2024-03-01 when the field is left. Up and Down move the date by a day (PageUp and
PageDown by a month) so that a nearby date needs no retyping; an empty field means 未填.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.development import add_months

_PATTERNS = (
    re.compile(r"^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$"),
    re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})$"),
)


def parse_date(text: str) -> date | None:
    """The date ``text`` names, or None if it names none (raises nothing)."""
    text = "".join(text.split())
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return None
    return None


class DateField(QLineEdit):
    """``date_changed`` is emitted whenever the text changes (the value may be None or invalid)."""

    date_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("not filled in, e.g. 2024-03-01"))
        self.setToolTip(
            self.tr(
                "Type a date such as 2024-03-01, 2024.3.1 or 20240301; leave it empty if "
                "unknown. Up/Down change it by a day, PageUp/PageDown by a month."
            )
        )
        self.setMaxLength(16)
        self.textChanged.connect(self.date_changed)
        self.editingFinished.connect(self._normalize)

    def is_empty(self) -> bool:
        return not self.text().strip()

    def is_valid(self) -> bool:
        """Empty or a real date."""
        return self.is_empty() or parse_date(self.text()) is not None

    def date_value(self) -> date | None:
        return parse_date(self.text())

    def set_date(self, value: date | None) -> None:
        self.setText(value.isoformat() if value is not None else "")

    def _normalize(self) -> None:
        value = self.date_value()
        if value is not None and self.text() != value.isoformat():
            self.set_date(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        value = self.date_value()
        steps = {
            Qt.Key.Key_Up: lambda d: d + timedelta(days=1),
            Qt.Key.Key_Down: lambda d: d - timedelta(days=1),
            Qt.Key.Key_PageUp: lambda d: add_months(d, 1),
            Qt.Key.Key_PageDown: lambda d: add_months(d, -1),
        }
        step = steps.get(Qt.Key(event.key()))
        if step is not None and value is not None:
            self.set_date(step(value))
            event.accept()
            return
        super().keyPressEvent(event)
