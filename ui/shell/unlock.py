"""The lock screen: unlock with the passphrase, or with the recovery code instead.

``UnlockPanel`` is a plain widget, shown by the main window in place of its pages at start and
after an auto-lock, so nothing behind it is destroyed. A wrong passphrase is reported in the panel;
after repeated failures the button stays disabled for the delay the workspace asks for, with a
countdown on it.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import (
    BranchDeskError,
    DatabaseUnreadableError,
    PassphraseRequiredError,
    UnlockThrottledError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
)
from app.services.workspace import DerivedKey, Workspace
from ui.common.branding import app_title
from ui.common.messages import damaged_database_text, message_for
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background, run_quietly


class UnlockPanel(QWidget):
    """Asks for the passphrase (or the recovery code) and unlocks the workspace.

    Emits ``unlocked`` once the workspace is open. ``wait_seconds`` is how long the button stays
    disabled after too many wrong attempts (0 when it is enabled).
    """

    unlocked = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._wait_seconds = 0
        self._unlocking = False
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        self._countdown.timeout.connect(self._tick)

        title = QLabel(app_title())
        title_font = QFont(title.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.6)
        title_font.setBold(True)
        title.setFont(title_font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.locked_label = QLabel(self.tr("The data is locked."))
        self.locked_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.passphrase_edit = QLineEdit()
        self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_edit.setPlaceholderText(self.tr("Passphrase"))
        self.passphrase_edit.returnPressed.connect(self.try_unlock)

        self.recovery_edit = QLineEdit()
        self.recovery_edit.setPlaceholderText(self.tr("Recovery code, e.g. ABCD-EFGH-…"))
        self.recovery_edit.returnPressed.connect(self.try_unlock)

        self._inputs = QStackedWidget()
        self._inputs.addWidget(self.passphrase_edit)
        self._inputs.addWidget(self.recovery_edit)
        self._inputs.setSizePolicy(self.passphrase_edit.sizePolicy())

        self.prompt_label = QLabel()
        self.prompt_label.setWordWrap(True)

        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)

        self.mode_button = QPushButton()
        self.mode_button.setFlat(True)
        self.mode_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.mode_button.setStyleSheet("text-decoration: underline; color: #1a4f9c;")
        self.mode_button.clicked.connect(self.toggle_mode)

        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)

        # Shown when the database is damaged: Settings is behind this screen, so the restore is
        # offered here, with the passphrase (or recovery code) typed above.
        self.restore_button = QPushButton(self.tr("Restore from a backup…"))
        self.restore_button.clicked.connect(self.choose_backup)
        self.restore_button.hide()
        self.last_task: BackgroundTask | None = None

        box = QWidget()
        box.setMaximumWidth(440)
        box.setMinimumWidth(360)
        form = QVBoxLayout(box)
        form.setSpacing(10)
        form.addWidget(title)
        form.addWidget(self.locked_label)
        form.addSpacing(12)
        form.addWidget(self.prompt_label)
        form.addWidget(self._inputs)
        form.addWidget(self.unlock_button)
        form.addWidget(self.message_label)
        form.addWidget(self.restore_button)
        form.addWidget(self.mode_button, 0, Qt.AlignmentFlag.AlignLeft)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self._show_mode(recovery=False)

    # ---------------------------------------------------------------- state
    @property
    def using_recovery_code(self) -> bool:
        return self._inputs.currentWidget() is self.recovery_edit

    @property
    def wait_seconds(self) -> int:
        return self._wait_seconds

    def reset(self, notice: str = "") -> None:
        """Clear what was typed; show ``notice`` (e.g. why the data was locked) if any."""
        self.passphrase_edit.clear()
        self.recovery_edit.clear()
        self._show_mode(recovery=False)
        self.message_label.setStyleSheet(NOTICE_STYLE if notice else ERROR_STYLE)
        self.message_label.setText(notice)
        self.message_label.setMinimumHeight(0)
        self.restore_button.hide()
        self.focus_input()

    def show_damaged(self) -> None:
        """The database file is damaged: say what to do and offer the restore."""
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(damaged_database_text())
        # A wrapped label in a centred box gets the height of its size hint, too short for
        # three lines: ask for the height its text needs at the box's width.
        width = max(self.message_label.width(), self.message_label.minimumSizeHint().width())
        self.message_label.setMinimumHeight(self.message_label.heightForWidth(width))
        self.restore_button.show()

    # ---------------------------------------------------------------- restoring a damaged file
    def choose_backup(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from"))
        if name:
            self.restore_from(Path(name))

    def restore_from(self, source: Path) -> BackgroundTask | None:
        """Replace the damaged database with the backup ``source``, opened with the passphrase
        or recovery code typed above (the one valid when the backup was made)."""
        secret = (self.recovery_edit if self.using_recovery_code else self.passphrase_edit).text()
        if not secret.strip():
            self._fail(PassphraseRequiredError())
            self.restore_button.show()
            return None
        workspace = self._workspace

        def restore(_context: TaskContext) -> object:
            return workspace.restore(source, secret)

        self.last_task = run_in_background(
            self, restore, on_success=self._restored, on_failure=self._restore_failed,
            title=self.tr("Checking and restoring the backup…"), cancellable=False,
        )
        return self.last_task

    def _restored(self, _result: object) -> None:
        from ui.settings.page import restored_notice  # the settings page's own wording

        self.reset(restored_notice())

    def _restore_failed(self, error: BaseException) -> None:
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(message_for(error))

    def focus_input(self) -> None:
        self._inputs.currentWidget().setFocus()

    def toggle_mode(self) -> None:
        self._show_mode(recovery=not self.using_recovery_code)
        self.message_label.clear()
        self.focus_input()

    def _show_mode(self, recovery: bool) -> None:
        self._inputs.setCurrentWidget(self.recovery_edit if recovery else self.passphrase_edit)
        if recovery:
            self.prompt_label.setText(self.tr("Enter the recovery code you printed or saved:"))
            self.mode_button.setText(self.tr("Use the passphrase instead"))
        else:
            self.prompt_label.setText(self.tr("Enter the passphrase to unlock:"))
            self.mode_button.setText(self.tr("Forgot the passphrase? Use the recovery code"))

    # ---------------------------------------------------------------- unlocking
    @property
    def unlocking(self) -> bool:
        """True while the key is being worked out from what was typed (``try_unlock``)."""
        return self._unlocking

    def try_unlock(self) -> BackgroundTask | None:
        """Unlock with what was typed. The key derivation (about 0.3 s) runs off the GUI thread
        (the task is returned, and kept in ``last_task``); the database is then opened on the
        GUI thread, which uses the connection."""
        if self._wait_seconds > 0 or self._unlocking:
            return None
        recovery = self.using_recovery_code
        secret = (self.recovery_edit if recovery else self.passphrase_edit).text()
        if not secret.strip():
            self.message_label.setStyleSheet(ERROR_STYLE)
            if recovery:
                self.message_label.setText(self.tr("Enter the recovery code."))
            else:
                self.message_label.setText(self.tr("Enter the passphrase."))
            return None
        workspace = self._workspace
        workspace.load_storage()  # imports here, not on the worker thread

        def derive(_context: TaskContext) -> DerivedKey:
            return workspace.derive_key(secret, recovery)

        self._unlocking = True
        self.unlock_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.last_task = run_quietly(self, derive, on_success=self._open, on_failure=self._failed)
        return self.last_task

    def _derived(self) -> None:
        self._unlocking = False
        self.unlock_button.setEnabled(True)
        QApplication.restoreOverrideCursor()

    def _open(self, derived: DerivedKey) -> None:
        self._derived()
        try:
            self._workspace.open_with(derived)
        except BranchDeskError as error:
            self._fail(error)
            return
        self.passphrase_edit.clear()
        self.recovery_edit.clear()
        self.message_label.clear()
        self.unlocked.emit()

    def _failed(self, error: BaseException) -> None:
        self._derived()
        self._fail(error)

    def _fail(self, error: BaseException) -> None:
        if isinstance(error, DatabaseUnreadableError):
            self.show_damaged()
            return
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setText(message_for(error))
        (self.recovery_edit if self.using_recovery_code else self.passphrase_edit).selectAll()
        if isinstance(error, WrongPassphraseError | WrongRecoveryCodeError | UnlockThrottledError):
            self._start_wait(error.retry_after)

    def _start_wait(self, seconds: float) -> None:
        self._wait_seconds = math.ceil(seconds)
        if self._wait_seconds <= 0:
            return
        self.unlock_button.setEnabled(False)
        self._show_wait()
        self._countdown.start()

    def _tick(self) -> None:
        self._wait_seconds -= 1
        if self._wait_seconds > 0:
            self._show_wait()
            return
        self._countdown.stop()
        self.unlock_button.setEnabled(True)
        self.unlock_button.setText(self.tr("Unlock"))

    def _show_wait(self) -> None:
        self.unlock_button.setText(
            self.tr("Unlock (wait {seconds} s)").format(seconds=self._wait_seconds)
        )
