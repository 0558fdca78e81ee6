"""What the study record's editing dialogs share: the error line and 保存 / 取消."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from ui.common.styles import ERROR_STYLE
from ui.widgets.editor_dialog import EditorDialog


def error_line() -> QLabel:
    """A hidden red line for what the service refused."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def save_cancel(dialog: EditorDialog) -> QDialogButtonBox:
    """保存 (``dialog.save_unsaved_work``) and 取消 (``dialog.reject``: asks before dropping
    what was typed)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Save).setText(
        QCoreApplication.translate("StudyDialogs", "Save"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("StudyDialogs", "Cancel"))
    buttons.accepted.connect(dialog.save_unsaved_work)
    buttons.rejected.connect(dialog.reject)
    return buttons
