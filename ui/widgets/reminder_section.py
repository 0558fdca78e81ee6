"""``ReminderSection``: one part of 工作台's reminders that reads its lines on the GUI thread —
a bold heading over a wrapped line in a colour, hidden while there is nothing to say."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services.workspace import Workspace


class ReminderSection(QWidget):
    def __init__(
        self, workspace: Workspace, today: Callable[[], date], heading: str, name: str,
        style: str, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.heading = QLabel(heading)
        self.heading.setStyleSheet("font-weight: bold;")
        self.label = QLabel()
        self.label.setObjectName(name)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(style)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.label)
        self.hide()

    def say(self, text: str, tooltip: str = "") -> None:
        """Show ``text``; an empty text hides the section."""
        self.label.setText(text)
        self.label.setToolTip(tooltip)
        self.setVisible(bool(text))
