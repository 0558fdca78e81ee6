"""First run: the setup wizard (支部信息 → 设置口令 → 恢复码), or a restore from a backup.

The database is created when the user leaves the passphrase page (a commit page: there is no way
back afterwards); the last page shows the recovery code exactly once and lets the wizard finish only
after the user confirms they kept it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from app.errors import BranchDeskError
from app.services.workspace import BranchProfile, Workspace
from ui.common.branding import app_title
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.widgets.passphrase_fields import PassphraseFields
from ui.widgets.recovery_sheet import RecoveryCodeView

if TYPE_CHECKING:
    from app.services.workspace import RestoreResult

BRANCH_PAGE, PASSPHRASE_PAGE, RECOVERY_PAGE = range(3)
MAX_FIELD_LENGTH = 100


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class BranchPage(QWizardPage):
    """支部信息: four required fields, each with its message beside it; and 从备份恢复."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Branch information"))
        self.setSubTitle(
            self.tr("Enter the branch this computer keeps the records of. All fields are required.")
        )
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. First Party Branch of the Office"))
        self.code_edit = QLineEdit()
        self.higher_org_edit = QLineEdit()
        self.secretary_edit = QLineEdit()

        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.error_labels: dict[QLineEdit, QLabel] = {}
        rows = [
            (self.tr("Branch name:"), self.name_edit),
            (self.tr("Branch code:"), self.code_edit),
            (self.tr("Higher party organization:"), self.higher_org_edit),
            (self.tr("Branch secretary:"), self.secretary_edit),
        ]
        for row, (label, edit) in enumerate(rows):
            edit.setMaxLength(MAX_FIELD_LENGTH)
            error = QLabel()
            error.setStyleSheet(ERROR_STYLE)
            error.setMinimumWidth(90)
            edit.textChanged.connect(error.clear)
            self.error_labels[edit] = error
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(error, row, 2)

        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.clicked.connect(wizard.choose_backup)
        self.restore_feedback = QLabel()
        self.restore_feedback.setWordWrap(True)
        self.restore_feedback.setStyleSheet(ERROR_STYLE)

        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(
            _hint(
                self.tr(
                    "Moving to a new computer? Restore the branch's data from a backup instead "
                    "of setting up a new branch."
                )
            )
        )
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.restore_feedback)

    def profile(self) -> BranchProfile:
        return BranchProfile(
            name=self.name_edit.text().strip(),
            code=self.code_edit.text().strip(),
            higher_org=self.higher_org_edit.text().strip(),
            secretary=self.secretary_edit.text().strip(),
        )

    def validatePage(self) -> bool:
        if self._wizard.restore_result is not None:
            return True  # the wizard ends here: the data came from a backup
        first_empty: QLineEdit | None = None
        for edit, error in self.error_labels.items():
            if edit.text().strip():
                error.clear()
            else:
                error.setText(self.tr("Required"))
                first_empty = first_empty or edit
        if first_empty is not None:
            first_empty.setFocus()
            return False
        return True


class PassphrasePage(QWizardPage):
    """设置口令: the passphrase twice with a strength hint. Leaving it creates the database."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Set the passphrase"))
        self.setSubTitle(
            self.tr(
                "The passphrase encrypts the branch's data. It is asked for when BranchDesk "
                "starts and after it locks itself."
            )
        )
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Create"))
        form = QFormLayout()
        self.fields = PassphraseFields(form, self)
        self.create_feedback = QLabel()
        self.create_feedback.setWordWrap(True)
        self.create_feedback.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.create_feedback)
        layout.addStretch(1)

    def validatePage(self) -> bool:
        self.create_feedback.clear()
        if not self.fields.show_problem():
            return False
        return self._wizard.create_database(self.fields.passphrase())


class RecoveryPage(QWizardPage):
    """恢复码: shown once, with print and save; finishing needs the confirmation box ticked."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Recovery code"))
        self.setSubTitle(
            self.tr(
                "If the passphrase is ever forgotten, this code is the only way to the data. "
                "It is shown only now."
            )
        )
        self.view = RecoveryCodeView()
        self.kept_check = QCheckBox(self.tr("I have kept the recovery code in a safe place"))
        self.kept_check.toggled.connect(self.completeChanged)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addWidget(
            _hint(
                self.tr(
                    "Print it or save it to removable media, and keep it locked away from this "
                    "computer."
                )
            )
        )
        layout.addStretch(1)
        layout.addWidget(self.kept_check)

    def isComplete(self) -> bool:
        return self.kept_check.isChecked()


class SetupWizard(QWizard):
    """Accepted when a database exists afterwards: created (unlocked) or restored (locked)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.recovery_code = ""
        self.restore_result: RestoreResult | None = None
        self.last_task: BackgroundTask | None = None
        self.setWindowTitle(app_title())
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(680, 500)

        self.branch_page = BranchPage(self)
        self.passphrase_page = PassphrasePage(self)
        self.recovery_page = RecoveryPage()
        self.setPage(BRANCH_PAGE, self.branch_page)
        self.setPage(PASSPHRASE_PAGE, self.passphrase_page)
        self.setPage(RECOVERY_PAGE, self.recovery_page)
        self.setStartId(BRANCH_PAGE)

    # ---------------------------------------------------------------- creating
    def create_database(self, passphrase: str) -> bool:
        """Create the database (two key derivations, about a second, on this thread: the
        connection it leaves open belongs to the GUI thread). Errors are shown on the page."""
        profile = self.branch_page.profile()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.recovery_code = self._workspace.create(profile, passphrase)
        except BranchDeskError as error:
            self.passphrase_page.create_feedback.setText(message_for(error))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.passphrase_page.fields.clear()
        self.recovery_page.view.set_code(self.recovery_code, profile.name)
        return True

    def reject(self) -> None:
        """Once the database exists, the wizard ends only by confirming the recovery code."""
        if self.recovery_code and not self.recovery_page.kept_check.isChecked():
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.recovery_code and not self.recovery_page.kept_check.isChecked():
            event.ignore()
            return
        super().closeEvent(event)

    # ---------------------------------------------------------------- restoring
    def choose_backup(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from"),
            "",
            self.tr("BranchDesk backups (*.bdbackup);;All files (*)"),
        )
        if name:
            self.ask_backup_passphrase(Path(name))

    def ask_backup_passphrase(self, source: Path) -> QInputDialog:
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Restore from a backup"))
        dialog.setLabelText(
            self.tr(
                "The passphrase (or the recovery code) that was in use when the backup {file} "
                "was made:"
            ).format(file=source.name)
        )
        dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.textValueSelected.connect(lambda text: self.restore_from(source, text))
        dialog.open()
        return dialog

    def restore_from(self, source: Path, passphrase: str) -> BackgroundTask:
        self.branch_page.restore_feedback.clear()
        workspace = self._workspace

        def restore(_context: TaskContext) -> RestoreResult:
            # Left unlocked: the passphrase was typed just now and is not asked for again.
            return workspace.restore(source, passphrase, stay_unlocked=True)

        self.last_task = run_in_background(
            self,
            restore,
            on_success=self._restored,
            on_failure=self._restore_failed,
            title=self.tr("Checking and restoring the backup…"),
            cancellable=False,
        )
        return self.last_task

    def _restored(self, result: object) -> None:
        from app.services.workspace import RestoreResult

        self.restore_result = result if isinstance(result, RestoreResult) else None
        self.accept()

    def _restore_failed(self, error: BaseException) -> None:
        self.branch_page.restore_feedback.setText(message_for(error))
