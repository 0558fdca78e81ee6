"""附件: the files that came with an opinion (a letter, a photo), kept inside the encrypted
database and never sent. Small files are read and written at once (at most 20 MB each)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError, FileAccessError
from app.files import write_atomically
from app.services import opinions
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE


class AttachmentsDialog(QDialog):
    def __init__(self, workspace: Workspace, opinion_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._opinion_id = opinion_id
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(self.tr("Attachments"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        hint = QLabel(self.tr("Letters, photos or scans that came with the entry are kept inside "
                              "the encrypted database on this PC (at most 20 MB each); they are "
                              "not synced."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.files = QListWidget()
        self.add_button = QPushButton(self.tr("Add files…"))
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.add_button.clicked.connect(self.choose_files)
        self.save_button.clicked.connect(self.choose_copy)
        self.files.itemSelectionChanged.connect(self._update)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.files, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._ids: list[str] = []
        self.reload()
        fit_to_screen(self, 520, 380)

    def reload(self) -> None:
        with self._workspace.unit_of_work(read_only=True) as uow:
            found = opinions.attachments(uow, self._opinion_id)
        self._ids = [a.id for a in found]
        self.files.clear()
        for item in found:
            self.files.addItem(self.tr("{name} ({kb} KB)").format(
                name=item.file_name, kb=max(1, round(item.size / 1024))))
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(bool(self.files.selectedIndexes()))

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    def choose_files(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Add files to the entry"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.filesSelected.connect(lambda files: self.add_files([Path(f) for f in files]))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def add_files(self, paths: list[Path]) -> bool:
        try:
            for path in paths:
                try:
                    data = path.read_bytes()
                except OSError as error:
                    raise FileAccessError.from_os_error(path, error) from error
                with self._workspace.unit_of_work() as uow:
                    opinions.add_attachment(uow, self._opinion_id, path.name, data)
                    uow.commit()
        except BranchDeskError as error:
            self.reload()
            self._say(message_for(error), ok=False)
            return False
        self.reload()
        self._say(self.tr("{count} files added.").format(count=len(paths)), ok=True)
        return True

    def choose_copy(self) -> QFileDialog | None:
        rows = self.files.selectedIndexes()
        if not rows:
            return None
        attachment_id = self._ids[rows[0].row()]
        dialog = QFileDialog(self, self.tr("Save a copy of the file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.fileSelected.connect(lambda file: self.save_copy(attachment_id, Path(file)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_copy(self, attachment_id: str, path: Path) -> bool:
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                data = opinions.attachment_data(uow, attachment_id)
            try:
                write_atomically(path, data)
            except OSError as error:
                raise FileAccessError.from_os_error(path, error) from error
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return False
        self._say(self.tr("Saved a copy as {file}.").format(file=str(path)), ok=True)
        return True
