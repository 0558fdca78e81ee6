"""A meeting's documents: the minutes as a PDF file, and the print preview of the minutes or of
the sign-in sheet (签到表, everyone expected, to print before the meeting).

The documents come from ``app.services.meeting_documents`` and ``ui.widgets.printing``, imported
when used; a build without them has ``can_write`` / ``can_print`` False. PDF work runs off the GUI
thread (``run_in_background``); every file written is recorded in the audit log by the service.
"""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.meetings.table_model import MeetingTableModel

DOCUMENTS_MODULE = "app.services.meeting_documents"
PRINTING_MODULE = "ui.widgets.printing"


def _module(name: str) -> ModuleType | None:
    """``name`` imported, or None where this build does not have it."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ImportError:
        return False


class MeetingDocuments(QObject):
    """The documents of the meetings in ``model``, for the page ``parent`` (which parents the
    file dialog, the progress and the preview). ``feedback(text, ok)`` says how it went."""

    feedback = Signal(str, bool)

    def __init__(
        self, workspace: Workspace, model: MeetingTableModel, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._model = model
        self._page = parent
        self.can_write = _available(DOCUMENTS_MODULE)
        self.can_print = self.can_write and _available(PRINTING_MODULE)
        self.file_dialog: QFileDialog | None = None
        self.last_task: BackgroundTask | None = None

    def _file_name(self, meeting_id: str, document: str) -> str:
        row = self._model.row_of(meeting_id)
        found = self._model.list_row(row) if row is not None else None
        if found is None:
            return f"{document}.pdf"
        return self.tr("{date} {type} {document}.pdf").format(
            date=found.held_on.isoformat(), type=member_texts.label(found.type),
            document=document,
        )

    def choose_export_path(self, meeting_id: str) -> QFileDialog:
        dialog = QFileDialog(self._page, self.tr("Export minutes as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("PDF files (*.pdf)"))
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(self._file_name(meeting_id, self.tr("minutes")))
        dialog.fileSelected.connect(lambda file: self.export_minutes(Path(file), meeting_id))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_minutes(self, path: Path, meeting_id: str) -> BackgroundTask | None:
        """Write the minutes PDF to ``path`` off the GUI thread (recorded in the audit log)."""
        documents = _module(DOCUMENTS_MODULE)
        if documents is None:
            return None
        workspace = self._workspace

        def operation(_context: TaskContext) -> int:
            with workspace.unit_of_work() as uow:
                pages = int(documents.write_minutes(uow, meeting_id, path))
                uow.commit()
            return pages

        def done(pages: Any) -> None:
            self.feedback.emit(self.tr("Minutes exported ({pages} pages): {file}").format(
                pages=pages, file=str(path)
            ), True)

        self.feedback.emit("", True)
        self.last_task = run_in_background(
            self._page, operation, on_success=done, on_failure=self._document_failed,
            title=self.tr("Writing the minutes…"), cancellable=False,
        )
        return self.last_task

    def print_minutes(self, meeting_id: str) -> BackgroundTask | None:
        return self._print(meeting_id, "minutes_pdf", "write_minutes", self.tr("Meeting minutes"))

    def print_sign_in_sheet(self, meeting_id: str) -> BackgroundTask | None:
        return self._print(meeting_id, "sign_in_sheet_pdf", "write_sign_in_sheet",
                           self.tr("Sign-in sheet"))

    def _print(
        self, meeting_id: str, render: str, write: str, title: str
    ) -> BackgroundTask | None:
        """Render the PDF in memory off the GUI thread, then open the print preview (its "Save
        as PDF…" writes the file through the service, which records the export)."""
        documents = _module(DOCUMENTS_MODULE)
        printing = _module(PRINTING_MODULE)
        if documents is None or printing is None:
            return None
        workspace = self._workspace

        def operation(_context: TaskContext) -> bytes:
            with workspace.unit_of_work() as uow:
                return bytes(getattr(documents, render)(uow, meeting_id))

        def save_as(path: Path) -> None:
            with workspace.unit_of_work() as uow:
                getattr(documents, write)(uow, meeting_id, path)
                uow.commit()

        def show(data: Any) -> None:
            self.last_task = printing.print_pdf(self._page, data, title=title, save_as=save_as)

        self.feedback.emit("", True)
        self.last_task = run_in_background(
            self._page, operation, on_success=show, on_failure=self._document_failed,
            title=self.tr("Preparing the document…"), cancellable=False,
        )
        return self.last_task

    def _document_failed(self, error: BaseException) -> None:
        self.feedback.emit(message_for(error), False)
