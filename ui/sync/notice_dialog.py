"""A platform notice as a task: its text, due date and attachments (saved out where the user
chooses, or saved and opened), and the branch's answer — 已阅, a text reply or a file — which is
kept in the encrypted database and leaves by the next sync (online or in the next bundle).

The database and the files are worked off the GUI thread (``ui.common.tasks.run_quietly``):
loading the notice (and marking it read), saving a copy of an attachment, reading the chosen
file and writing the answer. The window stays responsive meanwhile, its buttons off and the work
in hand said in its message line; a failure is said there in Chinese. One piece of work at a
time; closing the window while one runs closes it once that is done (so that 工作台, which
reloads when the window closes, sees the answer)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.services.workspace import Workspace
from sync import notice_tasks
from sync.notice_tasks import NoticeTask
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, Operation, TaskContext, run_quietly
from ui.sync import notice_texts

SHOWN_NAME = 40  # characters of the chosen file's name shown


class NoticeDialog(QDialog):
    """``answered`` is emitted after an answer was written (工作台 then reloads)."""

    answered = Signal()

    def __init__(
        self, workspace: Workspace, notice_id: int, parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._notice_id = notice_id
        self._today = today
        self._file: Path | None = None
        self.file_dialog: QFileDialog | None = None
        self.task: NoticeTask | None = None  # once loaded
        self.last_task: BackgroundTask | None = None  # the work running (tests wait on it)
        self._close_when_done = False
        self._finish_before_close = False  # the work running is an answer being written
        self.setWindowTitle(self.tr("Platform notice"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setMinimumHeight(80)

        files_box = QGroupBox(self.tr("Attachments"))
        self.files = QListWidget()
        self.files.setMaximumHeight(110)
        self.save_button = QPushButton(self.tr("Save a copy…"))
        self.open_button = QPushButton(self.tr("Save and open…"))
        self.save_button.clicked.connect(lambda: self.choose_copy(open_after=False))
        self.open_button.clicked.connect(lambda: self.choose_copy(open_after=True))
        self.files.itemSelectionChanged.connect(self._update_buttons)
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.save_button)
        file_buttons.addWidget(self.open_button)
        file_buttons.addStretch(1)
        files_layout = QVBoxLayout(files_box)
        files_layout.addWidget(self.files)
        files_layout.addLayout(file_buttons)
        self.files_box = files_box

        answer_box = QGroupBox(self.tr("The branch's answer"))
        self.answer_state = QLabel()
        self.answer_state.setWordWrap(True)
        self.reply = QPlainTextEdit()
        self.reply.setPlaceholderText(self.tr("Write the branch's reply here."))
        self.reply.setMaximumHeight(100)
        self.choose_file_button = QPushButton(self.tr("Choose the file…"))
        self.choose_file_button.clicked.connect(self.choose_answer_file)
        self.chosen_file = QLabel()
        self.chosen_file.setStyleSheet(HINT_STYLE)
        self.answer_button = QPushButton()
        self.answer_button.clicked.connect(self.submit)
        chooser = QHBoxLayout()
        chooser.addWidget(self.choose_file_button)
        chooser.addWidget(self.chosen_file, 1)
        answer_layout = QVBoxLayout(answer_box)
        answer_layout.addWidget(self.answer_state)
        answer_layout.addWidget(self.reply)
        answer_layout.addLayout(chooser)
        answer_layout.addWidget(self.answer_button, 0, Qt.AlignmentFlag.AlignRight)
        self.answer_box = answer_box

        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.dates)
        layout.addWidget(self.body, 1)
        layout.addWidget(files_box)
        layout.addWidget(answer_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.files_box.setVisible(False)
        self.answer_box.setVisible(False)
        fit_to_screen(self, 620, 640)
        self.load()

    # ---------------------------------------------------------------- work off the GUI thread
    @property
    def busy(self) -> bool:
        return self.last_task is not None

    def _run(self, doing: str, operation: Operation, done: Callable[[Any], None],
             finish_before_close: bool = False) -> BackgroundTask | None:
        """Run ``operation`` on the thread pool (one at a time: None while another runs),
        saying ``doing`` with the buttons off; then ``done(result)``, or the error said. With
        ``finish_before_close`` the window, asked to close meanwhile, closes after it."""
        if self.busy:
            return None
        self._finish_before_close = finish_before_close
        self.message.setStyleSheet(HINT_STYLE)
        self.message.setText(doing)

        def succeeded(result: Any) -> None:
            self._ended()
            done(result)
            self._close_if_asked()

        def failed(error: BaseException) -> None:
            self._ended()
            self._say(message_for(error), ok=False)
            self._close_if_asked()

        self.last_task = run_quietly(self, operation, succeeded, failed)
        self._update_buttons()
        return self.last_task

    def _ended(self) -> None:
        self.last_task = None
        self._update_buttons()

    def _close_if_asked(self) -> None:
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    def reject(self) -> None:
        """Close; while work runs, once it is done (an answer being written is not cut off)."""
        if self.busy and self._finish_before_close:
            self._close_when_done = True
            self.message.setStyleSheet(HINT_STYLE)
            self.message.setText(self.tr("The window closes once this is done."))
            return
        super().reject()

    # ---------------------------------------------------------------- showing
    def load(self) -> BackgroundTask | None:
        """Read the notice and mark it read (both off the GUI thread), then show it."""
        workspace, notice_id = self._workspace, self._notice_id

        def read(_context: TaskContext) -> NoticeTask:
            notice_tasks.mark_read(workspace, notice_id)
            return notice_tasks.notice_task(workspace, notice_id)

        def loaded(task: NoticeTask) -> None:
            self.message.clear()
            self.show_task(task)
            fit_to_screen(self, 620, 640)  # its parts shown now: still within the screen

        return self._run(self.tr("Loading the notice…"), read, loaded)

    def show_task(self, task: NoticeTask) -> None:
        self.task = task
        today = self._today()
        self.heading.setText(task.title)
        self.dates.setText(notice_texts.dates_line(task, today))
        self.dates.setStyleSheet(ERROR_STYLE if task.overdue(today) else HINT_STYLE)
        self.body.setPlainText(task.body)
        self.files.clear()
        for attachment in task.attachments:
            self.files.addItem(self.tr("{name} ({kb} KB)").format(
                name=attachment.name, kb=max(1, round(attachment.size / 1024))))
        self.files_box.setVisible(bool(task.attachments))
        self._show_answer(task)
        self._update_buttons()

    def _show_answer(self, task: NoticeTask) -> None:
        self.answer_box.setVisible(task.response != "none")
        if task.response == "none":
            return
        self.answer_state.setText(notice_texts.answer_line(task))
        refused = task.answer is not None and task.answer.state == "refused"
        self.answer_state.setStyleSheet(ERROR_STYLE if refused else HINT_STYLE)
        self.reply.setVisible(task.response == "text")
        if task.answer is not None and task.answer.kind == "text" and not self.reply.toPlainText():
            self.reply.setPlainText(task.answer.text)
        self.choose_file_button.setVisible(task.response == "file")
        self.chosen_file.setVisible(task.response == "file")
        self.answer_button.setText(notice_texts.answer_button(task))

    def _update_buttons(self) -> None:
        """Everything off while work runs; the answer's widgets while an answer may be given."""
        idle = not self.busy and self.task is not None
        selected = idle and bool(self.files.selectedIndexes())
        self.save_button.setEnabled(selected)
        self.open_button.setEnabled(selected)
        may_answer = self.task is not None and self.task.can_change_answer(self._today())
        self.reply.setEnabled(may_answer)
        self.reply.setReadOnly(not idle)  # what is being saved stays as it is
        self.choose_file_button.setEnabled(idle and may_answer)
        self.answer_button.setEnabled(idle and may_answer)

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # ---------------------------------------------------------------- attachments
    def choose_copy(self, open_after: bool) -> QFileDialog | None:
        rows = self.files.selectedIndexes()
        if not rows or self.task is None:
            return None
        attachment = self.task.attachments[rows[0].row()]
        dialog = QFileDialog(self, self.tr("Save a copy of the attachment"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.selectFile(attachment.name)
        dialog.fileSelected.connect(
            lambda file: self.save_copy(attachment.position, Path(file), open_after))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def save_copy(self, position: int, path: Path,
                  open_after: bool = False) -> BackgroundTask | None:
        """Write a copy of attachment ``position`` to ``path`` (off the GUI thread)."""
        workspace, notice_id = self._workspace, self._notice_id

        def saved(_result: Path) -> None:
            self._say(self.tr("Saved a copy as {file}.").format(file=str(path)), ok=True)
            if open_after:
                QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        return self._run(
            self.tr("Saving a copy of the attachment…"),
            lambda _context: notice_tasks.save_attachment(workspace, notice_id, position, path),
            saved)

    # ---------------------------------------------------------------- answering
    def choose_answer_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose the file to send"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda file: self.set_answer_file(Path(file)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def set_answer_file(self, path: Path) -> None:
        """The file to send; a long name shown shortened (the whole path in its tooltip), so
        that the window keeps its width."""
        self._file = path
        name = path.name
        if len(name) > SHOWN_NAME:
            name = f"{name[:SHOWN_NAME - 12]}…{name[-11:]}"
        self.chosen_file.setText(name)
        self.chosen_file.setToolTip(str(path))

    def submit(self) -> BackgroundTask | None:
        """Write the answer off the GUI thread (it leaves by the next sync); the outcome, or why
        not, is said in the message line. None while other work runs."""
        task = self.task
        if task is None:
            return None
        workspace, notice_id, today = self._workspace, self._notice_id, self._today()
        text, file = self.reply.toPlainText(), self._file

        def answered(result: NoticeTask) -> None:
            self.show_task(result)
            self._say(self.tr("The answer is saved and goes to the platform with the next "
                              "synchronization (online, or in the next bundle file)."), ok=True)
            self.answered.emit()

        return self._run(
            self.tr("Saving the answer…"),
            lambda _context: notice_tasks.answer_notice(
                workspace, notice_id, task.response, text=text, file=file, today=today),
            answered, finish_before_close=True)
