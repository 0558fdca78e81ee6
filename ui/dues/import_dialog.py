"""Bases from a payroll workbook (工资表), shown before anything is written.

The bases tab reads and checks the whole file in the background (``plan_base_import``), then this
dialog shows what would change and every problem by file, sheet, row and column — the same way
the roster import reports them. Errors block the import (nothing is written); warnings name the
rows left out. 导入 applies the plan all or nothing (``apply_base_import``), in the background.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import Severity
from app.domain.money import format_yuan
from app.services.dues_import import BasePlan
from app.services.roster import ImportProblem
from ui.common import roster_texts
from ui.common.dues_texts import month_text
from ui.common.member_texts import field_label
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.common.tr_noop import QT_TRANSLATE_NOOP

# Problems only a payroll file has (the others are worded as in the roster import).
_REASONS = {
    "not_an_amount": QT_TRANSLATE_NOOP("DuesImport", "the base is not an amount"),
    "negative": QT_TRANSLATE_NOOP("DuesImport", "the base is negative"),
    "not_whole_fen": QT_TRANSLATE_NOOP(
        "DuesImport", "the base has digits below the fen: the payroll must show the real pay"),
    "unknown_member": QT_TRANSLATE_NOOP(
        "DuesImport", "no member of the branch has this ID number"),
    "name_mismatch": QT_TRANSLATE_NOOP(
        "DuesImport", "the name differs from the register; the ID number decides"),
    "member_has_left": QT_TRANSLATE_NOOP(
        "DuesImport", "this member has left the branch: the row is left out"),
    "not_paying": QT_TRANSLATE_NOOP(
        "DuesImport", "this person does not pay dues yet (art. 8): the row is left out"),
    "no_base_needed": QT_TRANSLATE_NOOP(
        "DuesImport", "this member pays a fixed amount (art. 6): the row is left out"),
    "no_header": QT_TRANSLATE_NOOP(
        "DuesImport",
        "no sheet has a column for the ID number and one for the base (e.g. 党费基数, 税后工资)"),
}


def reason(problem: ImportProblem) -> str:
    text = _REASONS.get(problem.code)
    if text is not None:
        return QCoreApplication.translate("DuesImport", text)
    return roster_texts.reason(problem)


def field_name(field: str) -> str:
    if field == "base":
        return QCoreApplication.translate("DuesImport", "Base")
    return field_label(field) if field and field != "file" else ""


def problem_line(path: Path, problem: ImportProblem) -> str:
    """File, sheet, row, column (field): problem — as the roster import words it."""
    if not problem.sheet:
        line = QCoreApplication.translate("DuesImport", "File {file}: {problem}").format(
            file=path.name, problem=reason(problem))
    else:
        line = QCoreApplication.translate(
            "DuesImport", "File {file}, sheet {sheet}, row {row}, column {column} ({field}): "
            "{problem}"
        ).format(file=path.name, sheet=problem.sheet, row=problem.row,
                 column=problem.column or "-", field=field_name(problem.field),
                 problem=reason(problem))
    if problem.severity is Severity.WARNING:
        return QCoreApplication.translate("DuesImport", "Note: {line}").format(line=line)
    return line


class BaseImportDialog(QDialog):
    """Shows a ``BasePlan``; ``confirmed`` when the secretary chooses to import it."""

    confirmed = Signal()

    def __init__(self, plan: BasePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Bases from a payroll file"))
        fit_to_screen(self, 720, 460)

        self.summary_label = QLabel(self.tr(
            "{file}: {count} bases to set from {month}, {unchanged} unchanged; {errors} errors, "
            "{warnings} notes."
        ).format(file=plan.path.name, count=len(plan.rows), month=month_text(plan.effective),
                 unchanged=plan.unchanged, errors=len(plan.errors),
                 warnings=len(plan.warnings)))
        self.summary_label.setWordWrap(True)
        self.problems_list = QListWidget()
        self.problems_list.setWordWrap(True)
        for problem in plan.problems:
            self.problems_list.addItem(problem_line(plan.path, problem))
        for planned in plan.rows:
            previous = (self.tr("none") if planned.previous is None
                        else format_yuan(planned.previous))
            self.problems_list.addItem(self.tr(
                "{name}: {previous} → {base}"
            ).format(name=planned.name, previous=previous, base=format_yuan(planned.base)))
        self.advice_label = QLabel(
            self.tr("Correct the file and choose it again: nothing is imported while it has "
                    "errors.") if plan.has_errors
            else self.tr("Nothing is written until you press Import.")
        )
        self.advice_label.setWordWrap(True)
        self.advice_label.setStyleSheet(ERROR_STYLE if plan.has_errors else HINT_STYLE)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("Import"))
        self.import_button.setEnabled(not plan.has_errors and bool(plan.rows))
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.problems_list, 1)
        layout.addWidget(self.advice_label)
        layout.addWidget(self.buttons)

    def _import(self) -> None:
        self.confirmed.emit()
        self.accept()
