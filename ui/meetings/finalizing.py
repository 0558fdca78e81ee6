"""Finalized minutes (定稿) and their corrections (更正): the question before finalizing, the
dialog that adds a correction (添加更正) and the meeting editor's tab that lists them.

Finalized minutes stay as they are; a correction is kept with its own date and author and prints
after them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import Classification
from app.errors import BranchDeskError, InvalidInputError
from app.services import meetings
from app.services.meetings import Meeting
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.meetings.problems import problems_text
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog
from ui.widgets.edits import on_user_edit
from ui.widgets.empty_hint import EmptyHint
from ui.widgets.enum_combo import EnumCombo

Today = Callable[[], date]


class FinalizeQuestion(QMessageBox):
    """定稿 or 取消 before finalizing, which cannot be undone: 取消 is the default button, so
    that Enter or Esc out of habit never finalizes, only a deliberate click on 定稿 (or Alt+its
    key) does."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Question, self.tr("Finalize minutes"),
            self.tr(
                "Finalize these minutes? Afterwards they can no longer be edited; corrections "
                "are added as amendments with their own date and author."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent,
        )
        self.button(QMessageBox.StandardButton.Yes).setText(self.tr("Finalize"))
        self.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        self.setDefaultButton(QMessageBox.StandardButton.No)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)


class AmendmentDialog(EditorDialog):
    """添加更正: date, author and text of a correction to finalized minutes."""

    added = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        meeting_id: str,
        author: str,
        today: Today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._meeting_id = meeting_id
        self.setWindowTitle(self.tr("Add a correction"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 520, 340)
        self.date_edit = DateField()
        self.date_edit.set_date(today())
        self.author_edit = QLineEdit(author)
        self.author_edit.setMaxLength(50)
        self.text_edit = QPlainTextEdit()
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(
            self.tr("What is corrected, e.g. 会议地点应为二楼会议室。")
        )
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        hint = QLabel(self.tr(
            "The finalized minutes stay as they are; the correction is kept with its own date "
            "and author and prints after them."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(member_texts.field_label("on"), self.date_edit)
        form.addRow(member_texts.field_label("author"), self.author_edit)
        form.addRow(self.tr("Correction"), self.text_edit)
        self.classification_combo = EnumCombo(Classification)  # 秘密 stays on this PC
        self.classification_combo.set_value(Classification.INTERNAL)
        form.addRow(member_texts.field_label("classification"), self.classification_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Add correction"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(buttons)
        for widget in (self.date_edit, self.author_edit, self.text_edit):
            on_user_edit(widget, self.message_label.clear)  # the problem is being corrected

    def save(self) -> bool:
        on = self.date_edit.date_value()
        if on is None:
            self.message_label.setText(self.tr("Enter the date of the correction."))
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                amendment_id = meetings.add_amendment(
                    uow, self._meeting_id, on, self.author_edit.text(),
                    self.text_edit.toPlainText(), self.classification_combo.value(),
                )
                uow.commit()
        except InvalidInputError as error:
            self.message_label.setText(problems_text(error))
            return False
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return False
        self.added.emit(amendment_id)
        self.accept()
        return True

    def save_unsaved_work(self) -> bool:
        return self.save()


class AmendmentsTab(QWidget):
    """The corrections added to a meeting's finalized minutes, oldest first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.amendments_table = QTableWidget(0, 3)
        self.amendments_empty_hint = EmptyHint(self.amendments_table, self.tr(
            "No corrections: to correct finalized minutes, click “Add correction…”."
        ))
        self.amendments_table.setHorizontalHeaderLabels(
            [self.tr("Date"), member_texts.field_label("author"), self.tr("Correction")]
        )
        self.amendments_table.verticalHeader().setVisible(False)
        self.amendments_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.amendments_table.setWordWrap(True)
        self.amendments_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.amendments_table, 1)

    def show_amendments(self, meeting: Meeting) -> None:
        self.amendments_table.setRowCount(0)
        for amendment in meeting.amendments:
            row = self.amendments_table.rowCount()
            self.amendments_table.insertRow(row)
            for column, text in enumerate(
                (amendment.on.isoformat(), amendment.author, amendment.text)
            ):
                self.amendments_table.setItem(row, column, QTableWidgetItem(text))
        self.amendments_table.resizeRowsToContents()
