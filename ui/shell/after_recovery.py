"""After an unlock with the recovery code: set a new passphrase, then perhaps a new recovery code.

The recovery code is the way back when the passphrase is forgotten, so the window asks for a new
passphrase straight away (the code is not asked for again: it was just typed). 以后再说 skips it;
the question comes back at the next unlock with the recovery code. Once the passphrase is set, it
offers a new recovery code, since the old one was taken out of its safe place.

The dialog belongs to this unlock: locking closes it (``closes_on_lock``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.widgets.passphrase_fields import PassphraseFields
from ui.widgets.recovery_sheet import RecoveryCodeView


def _text(text: str, style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class AfterRecoveryDialog(QDialog):
    """设置新口令 (skippable), then 生成新的恢复码 (optional)."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setProperty("closes_on_lock", True)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Set a new passphrase"))
        self.setMinimumWidth(520)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._passphrase_page())
        self.pages.addWidget(self._recovery_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)

    # ---------------------------------------------------------------- building
    def _passphrase_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout()
        self.fields = PassphraseFields(form, self)
        self.feedback = _text("", ERROR_STYLE)
        self.set_button = QPushButton(self.tr("Set passphrase"))
        self.set_button.setDefault(True)
        self.set_button.clicked.connect(self.set_passphrase)
        self.later_button = QPushButton(self.tr("Later"))
        self.later_button.setAutoDefault(False)
        self.later_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.set_button)
        buttons.addWidget(self.later_button)
        layout = QVBoxLayout(page)
        layout.addWidget(_text(self.tr(
            "The data was unlocked with the recovery code. Set a new passphrase now and unlock "
            "with it from now on."
        )))
        layout.addLayout(form)
        layout.addWidget(self.feedback)
        layout.addWidget(_text(self.tr(
            "“Later” keeps the old passphrase; you will be asked again the next time the "
            "recovery code unlocks the data."
        ), HINT_STYLE))
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _recovery_page(self) -> QWidget:
        page = QWidget()
        self.done_label = _text(self.tr("The new passphrase is set."), NOTICE_STYLE)
        self.offer_label = _text(self.tr(
            "The recovery code was taken out of its safe place. If it may have been seen by "
            "others, or you are not sure where it is kept, make a new one: the old code stops "
            "working at once."
        ))
        self.new_code_button = QPushButton(self.tr("Make a new recovery code"))
        self.new_code_button.clicked.connect(self.make_new_recovery_code)
        self.recovery_view = RecoveryCodeView()
        self.recovery_view.hide()
        self.recovery_feedback = _text("")
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_code_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_label)
        layout.addWidget(self.offer_label)
        layout.addWidget(self.recovery_view)
        layout.addWidget(self.recovery_feedback)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # ---------------------------------------------------------------- actions
    def set_passphrase(self) -> bool:
        self.feedback.clear()
        if not self.fields.show_problem():
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._workspace.set_new_passphrase(self.fields.passphrase())
        except BranchDeskError as error:
            self.feedback.setText(message_for(error))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.fields.clear()
        self.setWindowTitle(self.tr("New recovery code"))
        self.pages.setCurrentIndex(1)
        self.close_button.setDefault(True)
        return True

    def make_new_recovery_code(self) -> bool:
        self.recovery_feedback.clear()
        try:
            self.recovery_view.show_new_code(self._workspace)
        except BranchDeskError as error:
            self.recovery_feedback.setStyleSheet(ERROR_STYLE)
            self.recovery_feedback.setText(message_for(error))
            return False
        self.new_code_button.setEnabled(False)
        self.adjustSize()  # room for the code: the dialog was sized without it
        self.recovery_feedback.setStyleSheet(NOTICE_STYLE)
        self.recovery_feedback.setText(self.tr(
            "The old recovery code no longer works. Print or save the new one now: it is shown "
            "only this once."
        ))
        return True
