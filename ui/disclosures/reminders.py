"""党务公开 on 工作台: a 公示期 ending in the next days, items approved but not yet published,
responses to a 发展/转正 公示 not yet in the member's record, and the yearly 党费 公开 not yet
made (from October)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services import disclosures
from app.services.workspace import Workspace

Today = Callable[[], date]
WARNING_STYLE = "color: #8a5300;"


class DisclosureReminders(QWidget):
    """``entries``: what needs attention (empty: the widget is hidden)."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[disclosures.Reminder] = []
        self.heading = QLabel(self.tr("Party-affairs disclosure"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.text = QLabel()
        self.text.setObjectName("disclosure_reminders")
        self.text.setWordWrap(True)
        self.text.setStyleSheet(WARNING_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.text)
        self.hide()

    def refresh(self) -> None:
        """Read the reminders as of today. Raises BranchDeskError (e.g. locked)."""
        with self._workspace.unit_of_work(read_only=True) as uow:
            self.entries = disclosures.reminders(uow, self._today())
        self.text.setText("\n".join(self._line(r) for r in self.entries))
        self.setVisible(bool(self.entries))

    def clear(self) -> None:
        self.entries = []
        self.text.clear()
        self.hide()

    def _line(self, reminder: disclosures.Reminder) -> str:
        day = reminder.on.isoformat() if reminder.on else ""
        kind = disclosures.ReminderKind
        if reminder.kind is kind.ENDING:
            return self.tr("The disclosure period of “{title}” ends on {date}.").format(
                title=reminder.title, date=day)
        if reminder.kind is kind.WAITING:
            return self.tr("“{title}” was approved on {date} and is not yet published.").format(
                title=reminder.title, date=day)
        if reminder.kind is kind.UNNOTED:
            return self.tr(
                "Responses to “{title}” are not yet noted in the member's record."
            ).format(title=reminder.title)
        return self.tr(
            "The party dues collected and used have not been disclosed this year (at least "
            "once a year)."
        )
