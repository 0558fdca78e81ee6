"""What the study record's editing dialogs share: the error line and 保存 / 取消."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from app.errors import BranchDeskError, InvalidInputError
from app.services.workspace import UnitOfWork, Workspace
from ui.common import study_texts
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import show_error
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


def write_and_close(dialog: EditorDialog, workspace: Workspace, error_label: QLabel,
                    write: Callable[[UnitOfWork], object], saved: SignalInstance) -> bool:
    """Run ``write`` in a unit of work and commit: then ``saved`` and the dialog closes (True).
    What the service refused goes to ``error_label``; any other error to a message box."""
    try:
        with workspace.unit_of_work() as uow:
            write(uow)
            uow.commit()
    except InvalidInputError as error:
        error_label.setText(study_texts.input_problems(
            [(p.field, p.code) for p in error.problems]))
        error_label.show()
        return False
    except BranchDeskError as error:
        show_error(dialog, error)
        return False
    dialog.mark_clean()
    saved.emit()
    dialog.accept()
    return True
