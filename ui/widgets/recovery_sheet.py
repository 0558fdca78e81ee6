"""The recovery code for the user to keep: shown large, printed, or saved to a file they choose.

Used by the setup wizard and by 设置 → new recovery code. The code is never written anywhere the
user did not choose.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.errors import FileAccessError
from app.files import write_atomically
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE


def sheet_text(code: str, branch_name: str, made_on: date) -> str:
    """The text of the printed or saved sheet."""
    return QCoreApplication.translate(
        "RecoverySheet",
        "BranchDesk recovery code\n"
        "\n"
        "Branch: {branch}\n"
        "Made on: {date}\n"
        "\n"
        "    {code}\n"
        "\n"
        "This code opens the branch's data when the passphrase is forgotten.\n"
        "Keep this sheet locked away, apart from the computer.\n"
        "Anyone holding it can read the data.\n"
        "A newer recovery code makes this one stop working.\n",
    ).format(branch=branch_name, date=made_on.isoformat(), code=code)


def save_sheet(path: Path, text: str) -> None:
    """Write the sheet to the file the user chose. Raises FileAccessError."""
    try:
        write_atomically(path, text.replace("\n", os.linesep).encode("utf-8"))
    except OSError as error:
        raise FileAccessError.from_os_error(path, error) from error


def monospace_font(point_scale: float = 1.0) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * point_scale)
    return font


class RecoveryCodeView(QWidget):
    """The code in large monospace with 打印… and 保存为文件… buttons and a line of feedback.

    ``kept`` is emitted when the sheet was saved or sent to the printer.
    """

    kept = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._code = ""
        self._branch_name = ""

        self.code_label = QLabel()
        font = monospace_font(1.8)
        # The font goes into the style sheet too: a style sheet otherwise sizes the label for the
        # default font and the large code is cut off.
        self.code_label.setFont(font)
        self.code_label.setStyleSheet(
            f"font-family: '{font.family()}'; font-size: {font.pointSizeF():.0f}pt;"
            " padding: 12px; border: 1px solid #999; background: #fffdf5;"
        )
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Never squeezed by the word-wrapped feedback below it (QWizard's page layout gives
        # height-for-width labels too little room otherwise).
        self.code_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_sheet)
        self.save_button = QPushButton(self.tr("Save as file…"))
        self.save_button.clicked.connect(self.choose_file_and_save)

        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        self.feedback_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Room for the longest message from the start: a wizard page does not grow for a
        # word-wrapped label, it squeezes the code above it instead.
        self.feedback_label.setMinimumHeight(3 * self.feedback_label.fontMetrics().lineSpacing())

        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_label)
        layout.addLayout(buttons)
        layout.addWidget(self.feedback_label)

    def set_code(self, code: str, branch_name: str) -> None:
        self._code = code
        self._branch_name = branch_name
        self.code_label.setText(code)
        self.feedback_label.clear()

    def clear(self) -> None:
        self.set_code("", "")

    def show_new_code(self, workspace: Workspace) -> None:
        """Replace the recovery code (the old one stops working at once) and show the new one.
        Raises BranchDeskError."""
        from app.services import branch  # not at import: the lock screen must not wait for it

        code = workspace.new_recovery_code()
        with workspace.unit_of_work() as uow:
            branch_name = branch.load_profile(uow).name
        self.set_code(code, branch_name)
        self.show()

    def text(self) -> str:
        return sheet_text(self._code, self._branch_name, date.today())

    def choose_file_and_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the recovery code"),
            self.tr("BranchDesk recovery code.txt"),
            self.tr("Text files (*.txt)"),
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        try:
            save_sheet(path, self.text())
        except FileAccessError as error:
            self._feedback(message_for(error), ok=False)
            return
        self._feedback(
            self.tr(
                "Saved to {file}. Print it or copy it to removable media, then delete "
                "the file from this computer."
            ).format(file=path),
            ok=True,
        )
        self.kept.emit()

    def print_sheet(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def print_it() -> None:
            document = QTextDocument()
            document.setDefaultFont(monospace_font(1.2))
            document.setPlainText(self.text())
            document.print_(printer)
            self._feedback(self.tr("Sent to the printer."), ok=True)
            self.kept.emit()

        dialog.accepted.connect(print_it)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def _feedback(self, text: str, ok: bool) -> None:
        self.feedback_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback_label.setText(text)
