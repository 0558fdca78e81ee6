"""意见建议 on 工作台: entries still unanswered after the branch's time limit for their category
(settings on the 意见建议 page), oldest first."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.services import opinions
from app.services.opinions import Opinion
from app.services.workspace import Workspace
from ui.common import opinion_texts
from ui.common.styles import ERROR_STYLE

Today = Callable[[], date]
SHOWN = 8
"""At most this many lines; the rest are counted."""


class OpinionReminders(QWidget):
    """``entries``: the overdue opinions; hidden when there are none."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[Opinion] = []
        self.heading = QLabel(self.tr("Opinions and suggestions"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.label = QLabel()
        self.label.setObjectName("opinions_overdue")
        self.label.setWordWrap(True)
        self.label.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.label)
        self.hide()

    def refresh(self) -> None:
        """Read the overdue entries as of today. Raises BranchDeskError."""
        today = self._today()
        with self._workspace.unit_of_work(read_only=True) as uow:
            self.entries = opinions.overdue(uow, today)
        if not self.entries:
            self.clear()
            return
        lines = [
            self.tr("Overdue: received {date} ({category}), {status}, answer was due by "
                    "{due}").format(
                date=e.received_on.isoformat(),
                category=opinion_texts.label(e.category) if e.category else "",
                status=opinion_texts.label(e.status),
                due=e.due_on.isoformat() if e.due_on else "")
            for e in self.entries[:SHOWN]
        ]
        if len(self.entries) > SHOWN:
            lines.append(self.tr("and {count} more (see the Opinions page)").format(
                count=len(self.entries) - SHOWN))
        self.label.setText("\n".join(lines))
        self.show()

    def clear(self) -> None:
        self.entries = []
        self.label.clear()
        self.hide()
