"""The meeting editor's 附件 tab: photos and scanned sign-in sheets kept inside the database.

Files are read and written off the GUI thread (``run_in_background``); a meeting must be saved
before files can be added to it. Finalized minutes take files too (the signed scan usually comes
later; adding one is audited and leaves the minutes as they are).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError, FileAccessError, InvalidInputError
from app.files import write_atomically
from app.services import meetings
from app.services.meetings import Meeting
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.meetings.problems import problems_text
from ui.widgets.empty_hint import EmptyHint


class AttachmentsTab(QWidget):
    """The files of meeting ``meeting_id`` (None until the meeting is saved). ``added`` after
    files were written into the database."""

    added = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.meeting_id: str | None = None
        self.last_task: BackgroundTask | None = None
        self.file_dialog: QFileDialog | None = None
        self._attachment_ids: list[str] = []
        hint = QLabel(self.tr(
            "Photos and scanned sign-in sheets are kept inside the encrypted database "
            "(at most 20 MB each)."
        ))
        hint.setText(hint.text() + self.tr(
            " Files can be added after finalizing too (e.g. the signed minutes, scanned)."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.attachments_table = QTableWidget(0, 2)
        self.attachments_empty_hint = EmptyHint(self.attachments_table, self.tr(
            "No attachments yet: click “Add files…” (e.g. a scanned sign-in sheet or photos)."
        ))
        self.attachments_table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Size")])
        self.attachments_table.verticalHeader().setVisible(False)
        self.attachments_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attachments_table.setSelectionBehavior(
            QAbstractItemView.SelectionBehavior.SelectRows
        )
        self.attachments_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.attachments_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.add_attachment_button = QPushButton(self.tr("Add files…"))
        self.save_attachment_button = QPushButton(self.tr("Save a copy…"))
        self.add_attachment_button.clicked.connect(self.choose_attachments)
        self.save_attachment_button.clicked.connect(self.choose_attachment_copy)
        self.attachments_table.itemSelectionChanged.connect(self._update_buttons)
        self.attachment_message = QLabel()
        self.attachment_message.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.attachment_message, 1)
        row.addWidget(self.add_attachment_button)
        row.addWidget(self.save_attachment_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.attachments_table, 1)
        layout.addLayout(row)

    def set_editable(self, saved: bool) -> None:
        """Files can be added to a saved meeting, finalized or not (audited; the minutes stay as
        they are)."""
        self.add_attachment_button.setEnabled(saved)
        self.add_attachment_button.setToolTip(
            "" if saved else self.tr("Save the meeting first, then add files.")
        )
        self._update_buttons()

    def show_attachments(self, meeting: Meeting) -> None:
        self.attachments_table.setRowCount(0)
        self._attachment_ids = [a.id for a in meeting.attachments]
        for info in meeting.attachments:
            row = self.attachments_table.rowCount()
            self.attachments_table.insertRow(row)
            self.attachments_table.setItem(row, 0, QTableWidgetItem(info.file_name))
            size = QTableWidgetItem(self.tr("{kb} KB").format(kb=max(1, round(info.size / 1024))))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.attachments_table.setItem(row, 1, size)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.save_attachment_button.setEnabled(self._selected_attachment() is not None)

    def _selected_attachment(self) -> str | None:
        rows = self.attachments_table.selectionModel().selectedRows()
        return self._attachment_ids[rows[0].row()] if rows else None

    # ---------------------------------------------------------------- adding files
    def choose_attachments(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Add files to the meeting"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters([
            self.tr("Photos and scans (*.jpg *.jpeg *.png *.pdf *.tif *.tiff)"),
            self.tr("All files (*)"),
        ])
        dialog.filesSelected.connect(lambda files: self.add_attachments([Path(f) for f in files]))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def add_attachments(self, paths: list[Path]) -> BackgroundTask | None:
        """Read the files and keep them in the database (off the GUI thread)."""
        meeting_id = self.meeting_id
        if meeting_id is None or not paths:
            return None
        workspace = self._workspace

        def operation(context: TaskContext) -> int:
            for done, path in enumerate(paths):
                data = _read_file(path)
                with workspace.unit_of_work() as uow:
                    meetings.add_attachment(uow, meeting_id, path.name, data)
                    uow.commit()
                context.progress(done + 1, len(paths))
            return len(paths)

        self.last_task = run_in_background(
            self, operation, on_success=self._after_attachments,
            on_failure=self._attachment_failed, title=self.tr("Adding files…"),
            cancellable=False,
        )
        return self.last_task

    def _after_attachments(self, count: object) -> None:
        self._reload_attachments()
        self.attachment_message.setStyleSheet(NOTICE_STYLE)
        self.attachment_message.setText(self.tr("{count} files added.").format(count=count))
        self.added.emit()

    def _attachment_failed(self, error: BaseException) -> None:
        self._reload_attachments()
        self.attachment_message.setStyleSheet(ERROR_STYLE)
        if isinstance(error, InvalidInputError):
            self.attachment_message.setText(problems_text(error))
        else:
            self.attachment_message.setText(message_for(error))

    def _reload_attachments(self) -> None:
        if self.meeting_id is None:
            return
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                meeting = meetings.get_meeting(uow, self.meeting_id)
        except BranchDeskError as error:
            self.attachment_message.setText(message_for(error))
            return
        self.show_attachments(meeting)

    # ---------------------------------------------------------------- saving a copy
    def choose_attachment_copy(self) -> QFileDialog | None:
        attachment_id = self._selected_attachment()
        if attachment_id is None:
            return None
        name = self.attachments_table.item(self._attachment_ids.index(attachment_id), 0)
        dialog = QFileDialog(self, self.tr("Save a copy of the file"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(name.text() if name else "")
        dialog.fileSelected.connect(
            lambda file: self.save_attachment_copy(attachment_id, Path(file))
        )
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_attachment_copy(self, attachment_id: str, path: Path) -> BackgroundTask:
        workspace = self._workspace

        def operation(_context: TaskContext) -> Path:
            with workspace.unit_of_work() as uow:
                data = meetings.attachment_data(uow, attachment_id)
            _write_file(path, data)
            return path

        def done(result: object) -> None:
            self.attachment_message.setStyleSheet(NOTICE_STYLE)
            self.attachment_message.setText(
                self.tr("Saved a copy as {file}.").format(file=str(result))
            )

        self.last_task = run_in_background(
            self, operation, on_success=done, on_failure=self._attachment_failed,
            title=self.tr("Saving a copy…"), cancellable=False,
        )
        return self.last_task


def _read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error


def _write_file(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error
