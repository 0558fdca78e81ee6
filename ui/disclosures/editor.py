"""The item editor: category, title, text, scope, 公示期 and the feedback channel of a 党务公开
item, new (a draft from the records fills it in) or an existing one before 审批."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError, InvalidInputError
from app.services import disclosures as service
from app.services.workspace import Workspace
from ui.common.disclosure_texts import category_label, scope_label
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog


class DisclosureEditor(EditorDialog):
    """Saves on OK (``saved_id`` then holds the item's id); the draft's member and sources
    are kept as they came."""

    def __init__(
        self, workspace: Workspace, draft: service.DisclosureInput, drafted_by: str,
        today: date, item_id: str | None = None, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._draft = draft
        self._drafted_by = drafted_by
        self._today = today
        self.saved_id = item_id
        self.setWindowTitle(self.tr("Disclosure item") if item_id else
                            self.tr("New disclosure item"))
        self.category = QComboBox()
        for category in service.Category:
            self.category.addItem(category_label(category), category)
        self.category.setCurrentIndex(list(service.Category).index(draft.category))
        self.title_edit = QLineEdit(draft.title)
        self.title_edit.setMaxLength(200)
        self.content = QPlainTextEdit(draft.content)
        self.content.setMinimumHeight(180)
        self.scope = QComboBox()
        for scope in service.Scope:
            self.scope.addItem(scope_label(scope), scope)
        self.scope.setCurrentIndex(list(service.Scope).index(draft.scope))
        self.scope_note = QLineEdit(draft.scope_note)
        self.scope_note.setPlaceholderText(self.tr("Which circle (for a specific circle)"))
        self.start = DateField()
        self.start.set_date(draft.start_on)
        self.end = DateField()
        self.end.set_date(draft.end_on)
        self.channel = QPlainTextEdit(draft.feedback_channel)
        self.channel.setMaximumHeight(70)
        self.drafted_by = QLineEdit(drafted_by)
        self.drafted_by.setEnabled(item_id is None)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()

        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.end)
        scope_row = QHBoxLayout()
        scope_row.addWidget(self.scope)
        scope_row.addWidget(self.scope_note, 1)
        form = QFormLayout()
        form.addRow(self.tr("Category"), self.category)
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Text"), self.content)
        form.addRow(self.tr("Scope"), scope_row)
        form.addRow(self.tr("Disclosure period"), period)
        form.addRow(self.tr("Where to send objections"), self.channel)
        form.addRow(self.tr("Drafted by"), self.drafted_by)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 760, 640)

    def value(self) -> service.DisclosureInput | None:
        start, end = self.start.date_value(), self.end.date_value()
        if start is None or end is None:
            return None
        return replace(
            self._draft, category=self.category.currentData(), title=self.title_edit.text(),
            content=self.content.toPlainText(), scope=self.scope.currentData(),
            scope_note=self.scope_note.text(), start_on=start, end_on=end,
            feedback_channel=self.channel.toPlainText(),
        )

    def save(self) -> None:
        self.save_unsaved_work()

    def save_unsaved_work(self) -> bool:
        data = self.value()
        if data is None:
            self._show(self.tr("Enter the first and the last day of the disclosure period."))
            return False
        if self.saved_id is None and not self.drafted_by.text().strip():
            self._show(self.tr("Enter who drafted the item."))
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                if self.saved_id is None:
                    self.saved_id = service.create(uow, data, self.drafted_by.text(), self._today)
                else:
                    service.update(uow, self.saved_id, data)
                uow.commit()
        except InvalidInputError as error:
            self._show(self._problems(error))
            return False
        except BranchDeskError as error:
            self._show(message_for(error))
            return False
        self.mark_clean()
        self.accept()
        return True

    def _problems(self, error: InvalidInputError) -> str:
        words = {
            "title": self.tr("The title is missing or too long."),
            "content": self.tr("The text is missing."),
            "end_on": self.tr("The period ends before it starts."),
            "scope_note": self.tr("Say which circle the item is disclosed to."),
        }
        return " ".join(words.get(p.field, message_for(error)) for p in error.problems)

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
