"""设置: the branch's information and printed name order (``ui.settings.branch``), the dues
settings (``ui.settings.dues``), passphrase,
在本机记住, auto-lock, recovery code, backup and restore.

Every action calls the workspace or a service; results and errors are shown inline beside the
control that caused them, so nothing here blocks in a modal dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError
from app.services import branch
from app.services.workspace import RestoreResult, Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.settings.branch import BranchProfileBox, NameOrderBox
from ui.settings.dues import DuesSettingsBox
from ui.settings.transfers import TransferSettingsBox
from ui.widgets.passphrase_fields import PassphraseFields
from ui.widgets.recovery_sheet import RecoveryCodeView

BACKUP_SUFFIX = ".bdbackup"
MAX_AUTO_LOCK_MINUTES = 240


def _feedback(label: QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
    label.setText(text)


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


class SettingsPage(QWidget):
    """``auto_lock_changed(minutes)`` after a new auto-lock time is saved; ``restored`` after a
    restore replaced the data (the workspace is then locked)."""

    auto_lock_changed = Signal(int)
    restored = Signal(object)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.last_task: BackgroundTask | None = None

        content = QWidget()
        column = QVBoxLayout(content)
        self.branch_box = BranchProfileBox(workspace)
        self.name_order_box = NameOrderBox(workspace)
        column.addWidget(self.branch_box)
        column.addWidget(self.name_order_box)
        self.transfers_box = TransferSettingsBox(workspace)
        column.addWidget(self.transfers_box)
        self.dues_box = DuesSettingsBox(workspace)
        column.addWidget(self.dues_box)
        column.addWidget(self._passphrase_box())
        column.addWidget(self._remember_box())
        column.addWidget(self._auto_lock_box())
        column.addWidget(self._recovery_box())
        column.addWidget(self._backup_box())
        column.addStretch(1)

        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self._scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._scroll)

    # ---------------------------------------------------------------- building
    def _passphrase_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Passphrase"))
        form = QFormLayout(box)
        self.current_edit = QLineEdit()
        self.current_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.current_edit.setPlaceholderText(
            self.tr("Forgot it? The recovery code works here too.")
        )
        form.addRow(self.tr("Current passphrase or recovery code:"), self.current_edit)
        self.new_passphrase = PassphraseFields(form, self)
        self.change_button = QPushButton(self.tr("Change passphrase"))
        self.change_button.clicked.connect(self.change_passphrase)
        self.passphrase_feedback = QLabel()
        self.passphrase_feedback.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addWidget(self.passphrase_feedback, 1)
        form.addRow("", row)
        return box

    def _remember_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Remember on this PC"))
        layout = QVBoxLayout(box)
        self.remember_check = QCheckBox(
            self.tr("Remember on this PC (open without the passphrase)")
        )
        self.remember_check.toggled.connect(self.set_remember)
        layout.addWidget(self.remember_check)
        layout.addWidget(
            _hint(
                self.tr(
                    "The key is kept in this computer's credential store for your user account, "
                    "so BranchDesk opens without asking. Use it only on a PC that you alone use "
                    "and that locks its screen."
                )
            )
        )
        self.remember_feedback = QLabel()
        self.remember_feedback.setWordWrap(True)
        layout.addWidget(self.remember_feedback)
        return box

    def _auto_lock_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Auto-lock"))
        form = QFormLayout(box)
        self.auto_lock_spin = QSpinBox()
        self.auto_lock_spin.setRange(0, MAX_AUTO_LOCK_MINUTES)
        self.auto_lock_spin.setSpecialValueText(self.tr("Never"))
        self.auto_lock_spin.setSuffix(self.tr(" min"))
        self.auto_lock_spin.setKeyboardTracking(False)
        self.auto_lock_spin.setMaximumWidth(160)
        self.auto_lock_spin.valueChanged.connect(self.save_auto_lock)
        form.addRow(self.tr("Lock after this long without use:"), self.auto_lock_spin)
        self.auto_lock_feedback = QLabel()
        form.addRow("", self.auto_lock_feedback)
        return box

    def _recovery_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Recovery code"))
        layout = QVBoxLayout(box)
        layout.addWidget(
            _hint(
                self.tr(
                    "If the recovery code was lost or seen by others, make a new one. "
                    "The old code stops working at once."
                )
            )
        )
        self.recovery_button = QPushButton(self.tr("Make a new recovery code…"))
        self.recovery_button.clicked.connect(self.ask_new_recovery_code)
        layout.addWidget(self.recovery_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.recovery_view = RecoveryCodeView()
        self.recovery_view.hide()
        layout.addWidget(self.recovery_view)
        self.recovery_feedback = QLabel()
        self.recovery_feedback.setWordWrap(True)
        layout.addWidget(self.recovery_feedback)
        return box

    def _backup_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Backup and restore"))
        layout = QVBoxLayout(box)
        layout.addWidget(
            _hint(
                self.tr(
                    "A backup is encrypted like the data: it opens only with the passphrase or "
                    "the recovery code. Keep backups on removable media, away from this PC."
                )
            )
        )
        self.backup_button = QPushButton(self.tr("Back up…"))
        self.backup_button.clicked.connect(self.choose_backup_target)
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self.choose_restore_source)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.restore_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.backup_feedback = QLabel()
        self.backup_feedback.setWordWrap(True)
        self.backup_feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.backup_feedback)
        return box

    # ---------------------------------------------------------------- loading
    def refresh(self) -> None:
        """Show the saved settings of the (unlocked) workspace; typed passphrases are kept."""
        with self._workspace.unit_of_work(read_only=True) as uow:
            preferences = branch.load_preferences(uow)
        self.branch_box.refresh()
        self.name_order_box.refresh()
        self.transfers_box.refresh()
        self.dues_box.refresh()
        self.auto_lock_spin.blockSignals(True)
        self.auto_lock_spin.setValue(preferences.auto_lock_minutes)
        self.auto_lock_spin.blockSignals(False)
        self.remember_check.blockSignals(True)
        self.remember_check.setChecked(self._workspace.remembered_on_this_pc)
        self.remember_check.blockSignals(False)

    def clear(self) -> None:
        """Called when the data is locked: the recovery code on screen goes away."""
        self.recovery_view.clear()
        self.branch_box.clear()
        self.transfers_box.clear()
        self.recovery_view.hide()

    # ---------------------------------------------------------------- passphrase
    def change_passphrase(self) -> None:
        self.passphrase_feedback.clear()
        if not self.new_passphrase.show_problem():
            return
        try:
            opened_with = self._workspace.change_passphrase(
                self.current_edit.text(), self.new_passphrase.passphrase()
            )
        except BranchDeskError as error:
            _feedback(self.passphrase_feedback, message_for(error), ok=False)
            return
        self.current_edit.clear()
        self.new_passphrase.clear()
        text = self.tr("The passphrase was changed.")
        if opened_with == "recovery":
            text += self.tr(" The recovery code still works; if others may have seen it, use "
                            "“Make a new recovery code…” below.")
        _feedback(self.passphrase_feedback, text, ok=True)

    # ---------------------------------------------------------------- remember on this PC
    def set_remember(self, enabled: bool) -> None:
        self.remember_feedback.clear()
        try:
            self._workspace.set_remember_on_this_pc(enabled)
        except BranchDeskError as error:
            self.remember_check.blockSignals(True)
            self.remember_check.setChecked(self._workspace.remembered_on_this_pc)
            self.remember_check.blockSignals(False)
            _feedback(self.remember_feedback, message_for(error), ok=False)
            return
        _feedback(
            self.remember_feedback,
            self.tr("BranchDesk will open on this PC without the passphrase.")
            if enabled
            else self.tr("The key was removed from this PC; the passphrase will be asked for."),
            ok=True,
        )

    # ---------------------------------------------------------------- auto-lock
    def save_auto_lock(self, minutes: int) -> None:
        try:
            with self._workspace.unit_of_work() as uow:
                branch.save_preferences(uow, branch.Preferences(auto_lock_minutes=minutes))
                uow.commit()
        except BranchDeskError as error:
            _feedback(self.auto_lock_feedback, message_for(error), ok=False)
            return
        _feedback(
            self.auto_lock_feedback,
            self.tr("Saved: never locks by itself.")
            if minutes == 0
            else self.tr("Saved: locks after {minutes} minutes without use.").format(
                minutes=minutes
            ),
            ok=True,
        )
        self.auto_lock_changed.emit(minutes)

    # ---------------------------------------------------------------- recovery code
    def ask_new_recovery_code(self) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("New recovery code"),
            self.tr(
                "Make a new recovery code? The old code stops working at once; print or save "
                "the new one before you leave this page."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        # The old code stops working at once: the buttons say what they do, Enter cancels.
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Make a new recovery code"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self.make_new_recovery_code)
        box.open()
        return box

    def make_new_recovery_code(self) -> None:
        self.recovery_feedback.clear()
        try:
            self.recovery_view.show_new_code(self._workspace)
        except BranchDeskError as error:
            _feedback(self.recovery_feedback, message_for(error), ok=False)
            return
        # Once the layout made room for it (next turn of the event loop), scroll it into view.
        QTimer.singleShot(0, lambda: self._scroll.ensureWidgetVisible(self.recovery_feedback))
        _feedback(
            self.recovery_feedback,
            self.tr("The new recovery code is shown above. Print it or save it now."),
            ok=True,
        )

    # ---------------------------------------------------------------- backup
    def choose_backup_target(self) -> None:
        suggested = self.tr("BranchDesk backup {date}").format(date=date.today().isoformat())
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up to"),
            suggested + BACKUP_SUFFIX,
            self.tr("BranchDesk backups (*{suffix})").format(suffix=BACKUP_SUFFIX),
        )
        if name:
            path = Path(name)
            if not path.suffix:
                path = path.with_suffix(BACKUP_SUFFIX)
            self.back_up_to(path)

    def back_up_to(self, target: Path) -> BackgroundTask:
        self.backup_feedback.clear()
        workspace = self._workspace

        def backup(context: TaskContext) -> Path:
            workspace.backup(target, context.progress, context.cancelled)
            return target

        self.last_task = run_in_background(
            self,
            backup,
            on_success=self._backed_up,
            on_failure=self._backup_failed,
            title=self.tr("Backing up…"),
        )
        return self.last_task

    def _backed_up(self, target: object) -> None:
        _feedback(
            self.backup_feedback,
            self.tr("The backup was saved to {file}.").format(file=target),
            ok=True,
        )

    def _backup_failed(self, error: BaseException) -> None:
        _feedback(self.backup_feedback, message_for(error), ok=False)

    # ---------------------------------------------------------------- restore
    def choose_restore_source(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from"),
            "",
            self.tr("BranchDesk backups (*{suffix});;All files (*)").format(suffix=BACKUP_SUFFIX),
        )
        if name:
            self.ask_restore(Path(name))

    def ask_restore(self, source: Path) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore from a backup"),
            self.tr(
                "Replace the current data with the backup {file}? The backup is checked first; "
                "the current data is kept aside in the data folder. BranchDesk locks afterwards."
            ).format(file=source.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        # Replacing the data is not undone in the window: the buttons say what they do,
        # and Enter (the default) cancels.
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restore"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.restore_from(source))
        box.open()
        return box

    def restore_from(self, source: Path) -> BackgroundTask:
        self.backup_feedback.clear()
        workspace = self._workspace

        def restore(_context: TaskContext) -> RestoreResult:
            return workspace.restore(source)

        self.last_task = run_in_background(
            self,
            restore,
            on_success=self._restored,
            on_failure=self._backup_failed,
            title=self.tr("Checking and restoring the backup…"),
            cancellable=False,
        )
        return self.last_task

    def _restored(self, result: object) -> None:
        _feedback(self.backup_feedback, restored_text(result), ok=True)
        self.restored.emit(result)


def restored_text(result: object) -> str:
    """What 设置 says after a restore: where the replaced data was kept."""
    if isinstance(result, RestoreResult) and result.set_aside is not None:
        return QCoreApplication.translate(
            "SettingsPage",
            "The backup was restored. The data it replaced was kept in {folder}.",
        ).format(folder=result.set_aside)
    return restored_notice()


def restored_notice() -> str:
    """What the lock screen says after a restore (short: a long folder name would not fit)."""
    return QCoreApplication.translate(
        "SettingsPage", "The backup was restored. Unlock to continue."
    )
