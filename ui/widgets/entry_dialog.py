"""``EntryDialog``: the editor of one record book entry (a talk, a 整改 item): an
``EditorDialog`` with 保存 / 取消, a line for what went wrong, and the save that writes a new
entry or the one opened and says ``saved(entry id)``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QWidget

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE
from ui.widgets.editor_dialog import EditorDialog


class EntryDialog(EditorDialog):
    """Subclasses give ``data()`` (the typed entry, or None after saying why in
    ``message_label``) and ``write(uow, data)`` (creates when ``entry_id`` is None; returns the
    entry's id)."""

    saved = Signal(str)

    def __init__(
        self, workspace: Workspace, entry_id: str | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.entry_id = entry_id
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.message_label = QLabel()
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def data(self) -> Any:
        raise NotImplementedError

    def write(self, uow: Any, data: Any) -> str:
        raise NotImplementedError

    def save(self) -> bool:
        data = self.data()
        if data is None:
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                self.entry_id = self.write(uow, data)
                uow.commit()
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return False
        self.saved.emit(self.entry_id)
        self.accept()
        return True

    def save_unsaved_work(self) -> bool:
        return self.save()
