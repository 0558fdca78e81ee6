"""Study hours from a workbook, shown before anything is written.

The page reads and checks the whole file in the background (``plan_hours_import``); this dialog
shows what would be recorded and every problem by file, sheet, row and column, as the roster
import does. Errors block the import (nothing is written); warnings name the rows left out.
导入 records the plan all or nothing (``apply_hours_import``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget

from app.domain.study import hours_text
from app.services.study_import import HoursPlan
from ui.common import study_texts
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE

SHOWN_ROWS = 500  # rows to import listed (the summary counts them all)


class HoursImportDialog(QDialog):
    """Shows a ``HoursPlan``; ``confirmed`` when the secretary chooses to import it."""

    confirmed = Signal()

    def __init__(self, plan: HoursPlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Study hours from a workbook"))
        self.summary_label = QLabel(study_texts.plan_summary(plan))
        self.summary_label.setWordWrap(True)
        self.problems_list = QListWidget()
        self.problems_list.setWordWrap(True)
        for problem in plan.problems:
            self.problems_list.addItem(study_texts.problem_line(plan.path, problem))
        for planned in plan.rows[:SHOWN_ROWS]:
            self.problems_list.addItem(self.tr("{name}: {date} {topic}, {hours} hours").format(
                name=planned.name, date=planned.on_date.isoformat(), topic=planned.topic,
                hours=hours_text(planned.hours)))
        self.advice_label = QLabel(
            self.tr("Correct the file and choose it again: nothing is imported while it has "
                    "errors.") if plan.has_errors
            else self.tr("Nothing is written until you press Import.")
        )
        self.advice_label.setWordWrap(True)
        self.advice_label.setStyleSheet(ERROR_STYLE if plan.has_errors else HINT_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(not plan.has_errors and bool(plan.rows))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problems_list, 1)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 760, 480)

    def _import(self) -> None:
        self.confirmed.emit()
        self.accept()
