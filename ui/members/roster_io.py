"""The window side of roster import and export (党员花名册), for the 党员 page.

``RosterImportDialog``: choose a workbook, map the columns the reader does not know, see every
problem (sheet, row, column, reason) before anything is written, then import all or nothing.
``export_roster_interactively``: ask where, write in the background, say where it went; a roster
holding 秘密 members is exported only after the user agreed (the file is then marked 秘密).
Reading, checking and writing run off the GUI thread (``ui.common.tasks.run_in_background``).
File dialogs are parameters so tests (and other callers) can bypass them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.documents.roster import MAPPABLE_FIELDS
from app.domain.members import Severity
from app.errors import CancelledError
from app.services import branch, roster
from app.services.roster import ImportPlan, ImportResult
from app.services.workspace import Workspace
from ui.common import roster_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background, show_message
from ui.widgets.empty_hint import EmptyHint

ChooseFile = Callable[[QWidget], Path | None]
"""Asks the user for a file; None when they cancel."""

ChooseTarget = Callable[[QWidget, str], Path | None]
"""Asks the user where to write a file (a suggested name given); None when they cancel."""

WORKBOOK_SUFFIX = ".xlsx"
_WARNING_COLOR = QColor("#8a6d00")
_ERROR_COLOR = QColor("#b00020")


def choose_roster_file(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("RosterImportDialog", "Import a roster"),
        "",
        QCoreApplication.translate("RosterImportDialog", "Excel workbooks (*.xlsx);;All files (*)"),
    )
    return Path(name) if name else None


class RosterImportDialog(QDialog):
    """``imported(count)`` after an import wrote ``count`` new or changed members."""

    imported = Signal(int)

    COLUMNS = ("sheet", "row", "column", "field", "severity", "problem")

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        choose_file: ChooseFile = choose_roster_file,
        today: Callable[[], date] = date.today,
        choose_template_target: ChooseTarget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._choose_file = choose_file
        self._choose_template_target = choose_template_target or choose_export_target
        self._today = today
        self._path: Path | None = None
        self._plan: ImportPlan | None = None
        self._mapping: dict[str, str | None] = {}
        self._combos: dict[str, QComboBox] = {}
        self.last_task: BackgroundTask | None = None

        self.setWindowTitle(self.tr("Import a roster"))
        fit_to_screen(self, 900, 600)
        layout = QVBoxLayout(self)

        intro = QLabel(self.tr(
            "Choose the roster workbook (.xlsx). Every row is checked first; the members are "
            "imported only when no row has an error. Members already in the register (same ID "
            "number) are updated, not added twice."
        ))
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.file_label = QLabel(self.tr("No file chosen."))
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.choose_button = QPushButton(self.tr("Choose file…"))
        self.choose_button.clicked.connect(self.choose)
        self.template_button = QPushButton(self.tr("Export a blank template…"))
        self.template_button.setToolTip(self.tr(
            "A workbook with the columns BranchDesk reads and one example row, to fill in."
        ))
        self.template_button.clicked.connect(self.export_template)
        row.addWidget(self.file_label, 1)
        row.addWidget(self.template_button)
        row.addWidget(self.choose_button)
        layout.addLayout(row)

        self.mapping_box = QGroupBox(self.tr("Columns BranchDesk does not know"))
        mapping_layout = QVBoxLayout(self.mapping_box)
        hint = QLabel(self.tr(
            "Say what each column holds, or leave it ignored; then check the file again."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        mapping_layout.addWidget(hint)
        self.mapping_form = QFormLayout()
        mapping_layout.addLayout(self.mapping_form)
        self.recheck_button = QPushButton(self.tr("Check again with these columns"))
        self.recheck_button.clicked.connect(self.check_again)
        mapping_layout.addWidget(self.recheck_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.mapping_box.hide()
        layout.addWidget(self.mapping_box)

        # Short lines, not wrapped: a wrapped label under a stretching table gets squeezed.
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, len(self.COLUMNS))
        self.empty_hint = EmptyHint(self.table, self._empty_text)
        self.table.setHorizontalHeaderLabels([
            self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Field"),
            self.tr("Kind"), self.tr("Problem"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for index in range(len(self.COLUMNS) - 1):
            header.setSectionResizeMode(index, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(self.COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.reject)
        layout.addWidget(self.buttons)

    def _empty_text(self) -> str:
        if self._plan is None:
            return self.tr(
                "Click “Choose file…” to check a roster workbook; nothing is imported before "
                "every row has been checked."
            )
        return self.tr("No problems found.")

    # ---------------------------------------------------------------- the blank template
    def export_template(self) -> BackgroundTask | None:
        """Ask where, write the blank template there (in the background), say where it went."""
        suggested = self.tr("Roster template") + WORKBOOK_SUFFIX
        target = self._choose_template_target(self, suggested)
        if target is None:
            return None

        def write(_context: TaskContext) -> Path:
            return roster.export_template(target)

        def done(result: object) -> None:
            if isinstance(result, Path):
                self._show_status(
                    self.tr("The blank template was written to {file}.").format(file=result),
                    ok=True,
                )

        self.last_task = run_in_background(
            self, write, on_success=done,
            on_failure=lambda error: self._show_status(message_for(error), ok=False),
            title=self.tr("Writing the template…"), cancellable=False,
        )
        return self.last_task

    # ---------------------------------------------------------------- choosing and checking
    def choose(self) -> None:
        path = self._choose_file(self)
        if path is not None:
            self.check_file(path)

    def check_file(self, path: Path) -> BackgroundTask:
        """Read and check ``path`` in the background; the preview shows the result. Columns
        mapped for an earlier file keep their meaning (a corrected file has the same layout)."""
        self._path = path
        self.file_label.setText(path.name)
        return self._plan_in_background()

    def check_again(self) -> BackgroundTask | None:
        if self._path is None:
            return None
        self._mapping = {
            header: combo.currentData() for header, combo in self._combos.items()
        }
        return self._plan_in_background()

    def _plan_in_background(self) -> BackgroundTask:
        path, mapping, today = self._path, dict(self._mapping), self._today()
        workspace = self._workspace
        if path is None:
            raise RuntimeError("no file chosen")
        self._plan = None
        self.import_button.setEnabled(False)
        self._show_status(self.tr("Checking {file}…").format(file=path.name), ok=True)

        def check(context: TaskContext) -> ImportPlan:
            with workspace.unit_of_work() as uow:
                plan = roster.plan_import(uow, path, today, mapping)
            if context.cancelled():
                raise CancelledError()
            return plan

        self.last_task = run_in_background(
            self, check, on_success=self._show_plan, on_failure=self._failed,
            title=self.tr("Checking the roster…"),
        )
        return self.last_task

    def _show_plan(self, result: object) -> None:
        if not isinstance(result, ImportPlan):
            return
        self._plan = result
        self._fill_mapping(result)
        self._fill_table(result)
        lines = [roster_texts.plan_summary(result)]
        if result.new_party_groups:
            lines.append(roster_texts.new_groups_text(result))
        if result.has_errors:
            lines.append(roster_texts.refused_text(result))
        self._show_status("\n".join(lines), ok=not result.has_errors)
        self.import_button.setEnabled(not result.has_errors and bool(result.rows))

    def _fill_mapping(self, plan: ImportPlan) -> None:
        wanted = [u.text for u in plan.unknown_headers]
        wanted += [h for h in self._mapping if h not in wanted]
        while self.mapping_form.rowCount():
            self.mapping_form.removeRow(0)
        self._combos = {}
        for text in dict.fromkeys(wanted):
            combo = QComboBox()
            combo.addItem(self.tr("Ignore this column"), None)
            for field in MAPPABLE_FIELDS:
                combo.addItem(roster_texts.target_label(field), field)
            chosen = self._mapping.get(text)
            if chosen is not None:
                combo.setCurrentIndex(max(0, combo.findData(chosen)))
            self._combos[text] = combo
            self.mapping_form.addRow(text, combo)
        self.mapping_box.setVisible(bool(self._combos))

    def _fill_table(self, plan: ImportPlan) -> None:
        self.table.setRowCount(len(plan.problems))
        path = plan.path
        for index, problem in enumerate(plan.problems):
            values = (
                problem.sheet, str(problem.row), problem.column,
                roster_texts.field_name(problem), roster_texts.severity_text(problem),
                roster_texts.reason(problem),
            )
            color = _ERROR_COLOR if problem.severity is Severity.ERROR else _WARNING_COLOR
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(roster_texts.problem_line(path, problem))
                if column == len(values) - 2:
                    item.setForeground(color)
                self.table.setItem(index, column, item)
        self.table.resizeRowsToContents()

    # ---------------------------------------------------------------- importing
    def start_import(self) -> BackgroundTask | None:
        plan, today, workspace = self._plan, self._today(), self._workspace
        if plan is None or plan.has_errors:
            return None
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(False)

        def write(context: TaskContext) -> ImportResult:
            if context.cancelled():
                raise CancelledError()
            with workspace.unit_of_work() as uow:
                result = roster.apply_import(uow, plan, today)
                uow.commit()
            return result

        self.last_task = run_in_background(
            self, write, on_success=self._imported, on_failure=self._import_failed,
            title=self.tr("Importing the roster…"), cancellable=False,
        )
        return self.last_task

    def _imported(self, result: object) -> None:
        self.choose_button.setEnabled(True)
        if not isinstance(result, ImportResult):
            return
        self._plan = None
        self._show_status(roster_texts.result_text(result), ok=True)
        self.imported.emit(result.created + result.updated)

    def _import_failed(self, error: BaseException) -> None:
        self.choose_button.setEnabled(True)
        self._failed(error)

    def _failed(self, error: BaseException) -> None:
        self._plan = None
        self.import_button.setEnabled(False)
        self.table.setRowCount(0)
        self._show_status(message_for(error), ok=False)

    def _show_status(self, text: str, ok: bool) -> None:
        self.summary.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.summary.setText(text)


# ---------------------------------------------------------------- export


def choose_export_target(parent: QWidget, suggested: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("RosterExport", "Export the roster"),
        suggested,
        QCoreApplication.translate("RosterExport", "Excel workbooks (*.xlsx)"),
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix.lower() == WORKBOOK_SUFFIX else path.with_name(
        path.name + WORKBOOK_SUFFIX
    )


def confirm_secret_export(parent: QWidget, count: int) -> bool:
    """Ask before secret members leave the encrypted store; 取消 is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("RosterExport", "Export the roster"),
        QCoreApplication.translate(
            "RosterExport",
            "The roster holds {count} secret members. Export them too? The workbook leaves "
            "the encrypted database and is marked secret on every page: keep it accordingly.",
        ).format(count=count),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.button(QMessageBox.StandardButton.Yes).setText(
        QCoreApplication.translate("RosterExport", "Export, marked secret")
    )
    box.button(QMessageBox.StandardButton.No).setText(
        QCoreApplication.translate("RosterExport", "Cancel")
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def export_roster_interactively(
    parent: QWidget,
    workspace: Workspace,
    choose_target: Callable[[QWidget, str], Path | None] = choose_export_target,
    today: Callable[[], date] = date.today,
    confirm_secret: Callable[[QWidget, int], bool] = confirm_secret_export,
) -> BackgroundTask | None:
    """Ask where, export the members on the roll there in the background, tell the result.
    With 秘密 members on the roll, ask first (``confirm_secret``). Returns the task (None when
    the user cancelled)."""
    with workspace.unit_of_work(read_only=True) as uow:
        secret = roster.secret_member_count(uow)
    if secret and not confirm_secret(parent, secret):
        return None
    day = today()
    suggested = QCoreApplication.translate("RosterExport", "Roster {date}").format(
        date=day.isoformat()
    ) + WORKBOOK_SUFFIX
    target = choose_target(parent, suggested)
    if target is None:
        return None

    def export(_context: TaskContext) -> roster.ExportResult:
        with workspace.unit_of_work() as uow:
            result = roster.export_roster(
                uow, target, day, branch.load_profile(uow).name, include_secret=bool(secret)
            )
            uow.commit()
        return result

    def done(result: object) -> None:
        if isinstance(result, roster.ExportResult):
            show_message(parent, roster_texts.exported_text(result.members, result.path))

    return run_in_background(
        parent, export, on_success=done,
        title=QCoreApplication.translate("RosterExport", "Exporting the roster…"),
        cancellable=False,
    )
