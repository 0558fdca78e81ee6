"""A platform notice as a task: its text, due date and attachments (saved out where the user
chooses, or saved and opened), and the branch's answer — 已阅, a text reply or a file — which is
kept in the encrypted database and leaves by the next sync (online or in the next bundle).
Attachments are small (at most 10 MB): read and written at once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

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

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from sync import notice_tasks
from sync.notice_tasks import NoticeTask
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.sync import notice_texts


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
        self.setWindowTitle(self.tr("Platform notice"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-weight: bold; font-size: 14pt;")
        self.dates = QLabel()
        self.dates.setWordWrap(True)
        self.body = QTextBrowser()
        self.body.setMinimumHeight(120)

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
        self.task = self.reload()
        notice_tasks.mark_read(workspace, notice_id)
        fit_to_screen(self, 620, 640)

    # ---------------------------------------------------------------- showing
    def reload(self) -> NoticeTask:
        task = notice_tasks.notice_task(self._workspace, self._notice_id)
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
        self._show_answer(task, today)
        self._update_buttons()
        return task

    def _show_answer(self, task: NoticeTask, today: date) -> None:
        self.answer_box.setVisible(task.response != "none")
        if task.response == "none":
            return
        self.answer_state.setText(notice_texts.answer_line(task))
        refused = task.answer is not None and task.answer.state == "refused"
        self.answer_state.setStyleSheet(ERROR_STYLE if refused else HINT_STYLE)
        can_answer = task.can_change_answer(today)
        self.reply.setVisible(task.response == "text")
        self.reply.setEnabled(can_answer)
        if task.answer is not None and task.answer.kind == "text" and not self.reply.toPlainText():
            self.reply.setPlainText(task.answer.text)
        self.choose_file_button.setVisible(task.response == "file")
        self.chosen_file.setVisible(task.response == "file")
        self.choose_file_button.setEnabled(can_answer)
        self.answer_button.setText(notice_texts.answer_button(task))
        self.answer_button.setEnabled(can_answer)

    def _update_buttons(self) -> None:
        selected = bool(self.files.selectedIndexes())
        self.save_button.setEnabled(selected)
        self.open_button.setEnabled(selected)

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # ---------------------------------------------------------------- attachments
    def choose_copy(self, open_after: bool) -> QFileDialog | None:
        rows = self.files.selectedIndexes()
        if not rows:
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

    def save_copy(self, position: int, path: Path, open_after: bool = False) -> bool:
        try:
            notice_tasks.save_attachment(self._workspace, self._notice_id, position, path)
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return False
        self._say(self.tr("Saved a copy as {file}.").format(file=str(path)), ok=True)
        if open_after:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return True

    # ---------------------------------------------------------------- answering
    def choose_answer_file(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Choose the file to send"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(lambda file: self.set_answer_file(Path(file)))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def set_answer_file(self, path: Path) -> None:
        self._file = path
        self.chosen_file.setText(path.name)

    def submit(self) -> bool:
        """Write the answer (it leaves by the next sync); False with the reason shown."""
        try:
            notice_tasks.answer_notice(
                self._workspace, self._notice_id, self.task.response,
                text=self.reply.toPlainText(), file=self._file, today=self._today())
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return False
        self.reload()
        self._say(self.tr("The answer is saved and goes to the platform with the next "
                          "synchronization (online, or in the next bundle file)."), ok=True)
        self.answered.emit()
        return True
