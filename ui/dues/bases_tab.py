"""党费 › 基数核定: the yearly 核定 of dues bases.

Every paying member with last year's base and the base in force; the secretary types the new
bases and the month they apply from (第十条), then saves. Bases that look like typing slips
(thresholds under 检查…, kept in the database) are listed before they are saved. Where this
build has the payroll import (``app.services.dues_import``), bases come from a payroll file,
shown before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import Month
from app.domain.dues import needs_base
from app.domain.dues_bases import BaseCheckSettings
from app.errors import InvalidInputError
from app.services.dues import BaseLine
from app.services.workspace import Workspace
from ui.common.branding import app_title
from ui.common.dues_texts import month_text
from ui.common.messages import message_for
from ui.common.screen_fit import set_listed_text
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.common.tasks import BackgroundTask, LatestOnly, run_in_background
from ui.dues.bases_model import BaseCol, DuesBaseModel
from ui.dues.operations import (
    PAYROLL_IMPORT_MODULE,
    apply_payroll_import_operation,
    plan_payroll_import_operation,
    read_bases_operation,
    save_bases_operation,
)
from ui.dues.tab_parts import MonthEdit, Today, feedback, hint, optional_module, problems_text
from ui.widgets.entry_table import EntryTableView

if TYPE_CHECKING:
    from ui.dues.base_checks import BaseChecksDialog


class BasesTab(QWidget):
    """The yearly 核定: type each member's monthly base and the month it applies from.

    Every paying member's bases are read off the GUI thread (``LatestOnly``: half a second for
    10,000 members); meanwhile the table is empty, the line under it says so and nothing can be
    saved. What was typed waits for the rows. ``loaded`` is emitted when they are shown (or why
    they could not be read).
    """

    changed = Signal()
    loaded = Signal()

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.last_task: BackgroundTask | None = None
        self.model = DuesBaseModel(self)
        self.import_dialog: QDialog | None = None
        self.warning_box: QMessageBox | None = None
        self._loading = False  # from ``reload`` until its rows (or its failure) are shown
        self._load_error = ""  # why the rows could not be read, until the next reload

        year = today().year
        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2099)
        self.year_spin.setValue(year)
        self.year_spin.valueChanged.connect(self._year_changed)
        self.effective_edit = MonthEdit()
        self.effective_edit.set_month(Month(year, 1))
        self.effective_edit.setToolTip(self.tr(
            "The first month the new bases apply to: the month the new wage or pension is first "
            "paid (art. 10)."
        ))
        # Parented at once: shown while parentless, a button is a window of its own for a moment.
        self.import_button = QPushButton(self.tr("Import from a payroll file…"), self)
        self.import_button.clicked.connect(self.import_payroll)
        self.checks_button = QPushButton(self.tr("Checks…"))
        self.checks_button.setToolTip(self.tr(
            "The limits outside which a typed base is pointed out before saving."))
        self.checks_button.clicked.connect(lambda: self.edit_checks())
        self.checks_dialog: QDialog | None = None
        self.import_button.setVisible(self._payroll_import() is not None)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year_spin)
        top.addSpacing(16)
        top.addWidget(QLabel(self.tr("New bases apply from:")))
        top.addWidget(self.effective_edit)
        top.addStretch(1)
        top.addWidget(self.checks_button)
        top.addWidget(self.import_button)

        self.table = EntryTableView()
        self.table.setModel(self.model)
        for column, width in {BaseCol.NAME: 90, BaseCol.CATEGORY: 110, BaseCol.PREVIOUS: 110,
                              BaseCol.CURRENT: 110, BaseCol.NEW: 120}.items():
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.entry_column = BaseCol.NEW
        self.table.read_only_typed.connect(self._read_only_typed)

        self.missing_label = QLabel()
        self.copy_button = QPushButton(self.tr("Keep current bases"))
        self.copy_button.setToolTip(self.tr(
            "Type the current base as the new base where nothing is typed (the selected rows, "
            "or every row)."
        ))
        self.copy_button.clicked.connect(self.keep_current_bases)
        self.save_button = QPushButton(self.tr("Save bases"))
        self.save_button.setToolTip(self.tr("Record every base typed (Ctrl+S)."))
        self.save_button.clicked.connect(lambda: self.save())
        QShortcut(QKeySequence("Ctrl+S"), self, lambda: self.save(),
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.model.changed.connect(self._show_missing)

        bottom = QHBoxLayout()
        bottom.addWidget(self.missing_label, 1)
        bottom.addWidget(self.copy_button)
        bottom.addWidget(self.save_button)
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint(self.tr(
            "The base is the monthly wage after tax (art. 1), or the pension for retirees "
            "(art. 5). Type the new base in “New monthly base” and press Enter for the next "
            "member; members paying a fixed amount need none."
        )))
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.feedback_label)
        self._latest = LatestOnly(self, self._arrived, self._failed)

    @property
    def year(self) -> int:
        return self.year_spin.value()

    @property
    def busy(self) -> bool:
        """True from ``reload`` until its rows are shown."""
        return self._latest.busy

    def _year_changed(self, year: int) -> None:
        self.effective_edit.set_month(Month(year, 1))
        self.reload(keep_typed=False)

    def reload(self, keep_typed: bool = True) -> None:
        """Read the year's rows off the GUI thread; the table is empty meanwhile. What was typed
        is kept for the members listed again, unless ``keep_typed`` is False."""
        if keep_typed:
            self.table.commit_open_editor()
        self._loading, self._load_error = True, ""
        self.model.hide_rows(keep_typed=keep_typed)
        self._show_missing()
        self._latest.run(read_bases_operation(self._workspace, self.year))

    def _arrived(self, outcome: tuple[list[BaseLine], BaseCheckSettings]) -> None:
        lines, self.model.check_settings = outcome
        self._loading = False
        self.model.load(lines, keep_typed=True)  # what reload did not drop
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self._load_error = self.tr("The bases could not be read: {reason}").format(
            reason=message_for(error))
        self._show_missing()
        self.loaded.emit()

    def clear(self) -> None:
        """Forget the rows (the data was locked); a read still running is ignored. What was
        typed waits for them, as for a reload."""
        self._latest.drop()
        self._loading, self._load_error = False, ""
        self.table.commit_open_editor()
        self.model.hide_rows(keep_typed=True)
        self.missing_label.clear()
        self.feedback_label.clear()

    def has_unsaved_work(self) -> bool:
        self.table.commit_open_editor()
        return self.model.has_typed()

    def unsaved_work_title(self) -> str:
        return self.tr("Party dues, bases: bases typed")

    def save_unsaved_work(self) -> bool | BackgroundTask:
        task = self.save()
        return task if task is not None else False

    def _show_missing(self) -> None:
        """The line under the table: reading, why reading failed, or who still has no base."""
        self.save_button.setEnabled(not self._loading)
        self.copy_button.setEnabled(not self._loading)
        if self._loading:
            self.missing_label.setStyleSheet(HINT_STYLE)
            self.missing_label.setText(self.tr("Reading the members' bases…"))
            return
        if self._load_error:
            self.missing_label.setStyleSheet(ERROR_STYLE)
            self.missing_label.setText(self._load_error)
            return
        missing = self.model.missing_count()
        self.missing_label.setStyleSheet(ERROR_STYLE if missing else HINT_STYLE)
        self.missing_label.setText(
            self.tr("{count} members still have no base.").format(count=missing) if missing
            else self.tr("{count} members listed.").format(count=self.model.rowCount())
        )

    def edit_checks(self) -> BaseChecksDialog:
        """The plausibility thresholds (a setting kept in the database)."""
        from ui.dues.base_checks import BaseChecksDialog  # opened rarely

        dialog = BaseChecksDialog(self._workspace, self.model.check_settings, self)
        dialog.saved.connect(self._checks_saved)
        dialog.open()
        self.checks_dialog = dialog
        return dialog

    def _checks_saved(self, settings: BaseCheckSettings) -> None:
        self.model.check_settings = settings
        if self.model.rowCount():
            self.model.dataChanged.emit(self.model.index(0, BaseCol.STATUS),
                                        self.model.index(self.model.rowCount() - 1,
                                                         BaseCol.STATUS))

    def _read_only_typed(self, index: QModelIndex) -> None:
        """A key typed where no base can be typed: nothing changed; say why."""
        if index.isValid() and not needs_base(self.model.line(index.row()).category):
            text = self.tr("{name} pays a fixed amount (art. 6) and needs no base: nothing was "
                           "typed.").format(name=self.model.line(index.row()).name)
        else:
            text = self.tr("Nothing was typed: type the base in “New monthly base” (Enter "
                           "goes there).")
        feedback(self.feedback_label, text, ok=False)

    def keep_current_bases(self) -> int:
        rows = self.table.selected_rows()
        if len(rows) <= 1:
            rows = list(range(self.model.rowCount()))
        return self.model.copy_current(rows)

    def _ask_about_warnings(self, rows: list[int]) -> None:
        """List the bases that look like slips; save them only if the secretary says so."""
        lines = [self.tr("{name}: {base} yuan — {reasons}").format(
            name=self.model.line(row).name,
            base=self.model.index(row, BaseCol.NEW).data(),
            reasons="；".join(self.model.warnings(row))) for row in rows]
        box = QMessageBox(QMessageBox.Icon.Warning, app_title(), "",
                          QMessageBox.StandardButton.NoButton, self)
        set_listed_text(box, self.tr("Please check these bases before saving:"), lines)
        save = box.addButton(self.tr("Save as typed"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(self.tr("Correct them"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(back)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def answered() -> None:
            self.warning_box = None
            if box.clickedButton() is save:
                self.save(confirmed=True)
            else:
                self.table.go_to(self.model.index(rows[0], BaseCol.NEW))
                self.table.setFocus()

        box.finished.connect(answered)
        self.warning_box = box
        box.open()

    def save(self, confirmed: bool = False) -> BackgroundTask | None:
        """Record the typed bases; bases that look like slips are listed first (``confirmed``:
        the secretary has seen the list and saves them as typed)."""
        if self.last_task is not None or self._loading:  # no rows to save while they are read
            return None
        self.table.commit_open_editor()
        pending, wrong = self.model.pending()
        if wrong:
            feedback(self.feedback_label, self.tr(
                "Nothing was saved: correct the {count} rows marked in red."
            ).format(count=len(wrong)), ok=False)
            return None
        if not pending:
            feedback(self.feedback_label, self.tr("No bases typed: nothing to save."), ok=False)
            return None
        warned = [row for row in range(self.model.rowCount()) if self.model.warnings(row)]
        if warned and not confirmed:
            self._ask_about_warnings(warned)
            return None
        effective = self.effective_edit.month()

        def saved(outcome: object) -> None:
            problems: dict[str, InvalidInputError] = outcome  # type: ignore[assignment]
            if problems:
                for member_id, error in problems.items():
                    self.model.set_message(member_id, problems_text(error), error=True)
                feedback(self.feedback_label, self.tr(
                    "Nothing was saved: {count} rows need attention (see “Remarks”)."
                ).format(count=len(problems)), ok=False)
                return
            saved_ids = [member_id for member_id, _ in pending]
            self.model.clear_typed(saved_ids)
            self.reload()
            for member_id in saved_ids:
                self.model.set_message(member_id, self.tr("saved"), error=False)
            feedback(self.feedback_label, self.tr(
                "{count} bases saved, applying from {month}."
            ).format(count=len(pending), month=month_text(effective)), ok=True)
            self.changed.emit()

        self.last_task = run_in_background(
            self, save_bases_operation(self._workspace, effective, pending), on_success=saved,
            on_failure=lambda e: feedback(self.feedback_label, message_for(e), ok=False),
            title=self.tr("Saving {count} bases…").format(count=len(pending)),
        )
        self.last_task.finished.connect(self._task_done)
        return self.last_task

    def _task_done(self) -> None:
        self.last_task = None

    # ---------------------------------------------------------------- payroll import
    @staticmethod
    def _payroll_import() -> ModuleType | None:
        return optional_module(PAYROLL_IMPORT_MODULE)

    def import_payroll(self, path: Path | None = None) -> BackgroundTask | None:
        """Read and check a payroll xlsx (bases matched by ID number), then show what it would
        change before anything is written."""
        module = self._payroll_import()
        if module is None or self.last_task is not None:
            return None
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import bases from a payroll file"), "",
                self.tr("Excel workbooks (*.xlsx)"),
            )
            if not name:
                return None
            path = Path(name)
        work = plan_payroll_import_operation(module, self._workspace, path,
                                             self.effective_edit.month(), self._today())
        self.last_task = run_in_background(
            self, work, on_success=self._show_plan,
            on_failure=lambda e: feedback(self.feedback_label, message_for(e), ok=False),
            title=self.tr("Reading {file}…").format(file=path.name), cancellable=False,
        )
        self.last_task.finished.connect(self._task_done)
        return self.last_task

    def _show_plan(self, plan: object) -> None:
        from ui.dues.import_dialog import BaseImportDialog

        self.import_dialog = BaseImportDialog(plan, self)  # type: ignore[arg-type]
        self.import_dialog.confirmed.connect(lambda: self._apply_plan(plan))
        self.import_dialog.open()

    def _apply_plan(self, plan: object) -> BackgroundTask | None:
        module = self._payroll_import()
        if module is None:
            return None

        def applied(result: object) -> None:
            self.reload(keep_typed=False)
            feedback(self.feedback_label, self.tr(
                "{count} bases imported, applying from {month}; {unchanged} were unchanged."
            ).format(count=getattr(result, "applied", 0),
                     unchanged=getattr(result, "unchanged", 0),
                     month=month_text(getattr(plan, "effective", self.effective_edit.month()))),
                     ok=True)
            self.changed.emit()

        self.last_task = run_in_background(
            self, apply_payroll_import_operation(module, self._workspace, plan),
            on_success=applied,
            on_failure=lambda e: feedback(self.feedback_label, message_for(e), ok=False),
            title=self.tr("Importing bases…"), cancellable=False,
        )
        self.last_task.finished.connect(self._task_done)
        return self.last_task
