"""Dues arrears on 工作台: members 3 or more consecutive months behind (第十三条).

Three or four months: a reminder. Five months: prominent, in red — one more month makes six, and
six months unpaid without good reason is treated as leaving the party (第十三条). Six or more:
prominent as well; the branch looks into it and decides. The app only reminds.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.dues import ArrearsLevel
from app.services import dues
from app.services.dues import ArrearsEntry
from app.services.workspace import Workspace
from ui import dues_texts
from ui.styles import HINT_STYLE

Today = Callable[[], date]

WARNING_STYLE = "color: #8a5300;"
PROMINENT_STYLE = (
    "color: #b00020; font-weight: bold; background: #fdecea; border: 1px solid #f5c2c0; "
    "border-radius: 3px; padding: 4px 6px;"
)
MAX_SHOWN = 12


def is_prominent(level: ArrearsLevel) -> bool:
    return level in (ArrearsLevel.SEVERE, ArrearsLevel.LAPSED)


class ArrearsReminders(QWidget):
    """One line per member in arrears, the longest first; nothing when nobody is."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.entries: list[ArrearsEntry] = []
        self.labels: list[QLabel] = []
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self.tr("Party dues in arrears"))
        self.heading.setStyleSheet("font-weight: bold;")
        self.note_label = QLabel(dues_texts.article_13_note())
        self.note_label.setWordWrap(True)
        self.note_label.setStyleSheet(HINT_STYLE)
        self._layout.addWidget(self.heading)
        self._layout.addWidget(self.note_label)
        self.hide()

    def refresh(self) -> None:
        """Read the arrears as of today. Raises BranchDeskError (e.g. locked)."""
        with self._workspace.unit_of_work() as uow:
            entries = dues.arrears_list(uow, self._today())
        self.show_entries(entries)

    def clear(self) -> None:
        self.show_entries([])

    def show_entries(self, entries: list[ArrearsEntry]) -> None:
        self.entries = list(entries)
        for label in self.labels:
            self._layout.removeWidget(label)
            label.hide()
            label.deleteLater()
        self.labels = []
        position = 1  # after the heading
        for entry in self.entries[:MAX_SHOWN]:
            level = entry.arrears.level
            text = dues_texts.arrears_text(entry.name, entry.arrears)
            advice = dues_texts.arrears_advice(level)
            label = QLabel(self.tr("{line} {advice}").format(line=text, advice=advice))
            label.setWordWrap(True)
            label.setProperty("level", level.value)
            label.setStyleSheet(PROMINENT_STYLE if is_prominent(level) else WARNING_STYLE)
            self._layout.insertWidget(position, label)
            label.show()
            position += 1
            self.labels.append(label)
        hidden = len(self.entries) - MAX_SHOWN
        if hidden > 0:
            more = QLabel(self.tr(
                "{count} more members: see Party dues › Arrears."
            ).format(count=hidden))
            more.setStyleSheet(WARNING_STYLE)
            self._layout.insertWidget(position, more)
            more.show()
            self.labels.append(more)
        self.setVisible(bool(self.entries))

    def shown(self) -> list[tuple[str, ArrearsLevel]]:
        """(name, level) of every member listed (for tests)."""
        return [(e.name, e.arrears.level) for e in self.entries]
