"""The talk editor: date, kind, the people (two or more, checked in the list of members),
topic, a short record, the follow-up needed and the 密级 (秘密 stays on this PC)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import Classification
from app.domain.talks import Person, TalkKind
from app.errors import BranchDeskError
from app.services import talks
from app.services.talks import TalkInput
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import HINT_STYLE
from ui.talks.texts import kind_label
from ui.widgets.date_field import DateField
from ui.widgets.entry_dialog import EntryDialog
from ui.widgets.enum_combo import EnumCombo

Today = Callable[[], date]


class TalkDialog(EntryDialog):
    """``saved(talk id)`` after the talk was written."""

    def __init__(
        self, workspace: Workspace, talk_id: str | None = None, today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(workspace, talk_id, parent)
        self.setWindowTitle(self.tr("Talk") if talk_id else self.tr("New talk"))
        self.date_field = DateField()
        self.date_field.set_date(today())
        self.kind_combo = QComboBox()
        for kind in TalkKind:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.topic_edit = QLineEdit()
        self.topic_edit.setMaxLength(talks.TOPIC_MAX)
        self.topic_edit.setPlaceholderText(self.tr("e.g. thoughts on the year's work"))
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Find a name…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._filter_people)
        self.people_list = QListWidget()
        self.people_list.itemChanged.connect(lambda _item: self._show_chosen())
        self.chosen_label = QLabel()
        self.chosen_label.setWordWrap(True)
        self.chosen_label.setStyleSheet(HINT_STYLE)
        self.record_edit = QPlainTextEdit()
        self.record_edit.setPlaceholderText(self.tr("What was talked about, in a few lines"))
        self.follow_up_edit = QLineEdit()
        self.follow_up_edit.setPlaceholderText(self.tr("Empty: no follow-up needed"))
        self.classification_combo = EnumCombo(Classification)  # 秘密 stays on this PC
        self.classification_combo.set_value(Classification.INTERNAL)

        form = QFormLayout()
        form.addRow(self.tr("Date"), self.date_field)
        form.addRow(self.tr("Kind"), self.kind_combo)
        form.addRow(self.tr("Topic"), self.topic_edit)
        people = QVBoxLayout()
        people.addWidget(self.search_edit)
        people.addWidget(self.people_list, 1)
        people.addWidget(self.chosen_label)
        form.addRow(self.tr("People"), people)
        form.addRow(self.tr("Record"), self.record_edit)
        form.addRow(self.tr("Follow-up needed"), self.follow_up_edit)
        form.addRow(member_texts.field_label("classification"), self.classification_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)
        fit_to_screen(self, 620, 680)
        self._load()
        self._clean_people = self.chosen_ids()
        self.mark_clean()

    def _load(self) -> None:
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                roll = talks.roll(uow)
                talk = talks.get_talk(uow, self.entry_id) if self.entry_id else None
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return
        chosen = set(talk.data.people) if talk else set()
        people = list(roll)
        if talk is not None:  # someone who has left the roll since stays in the talk
            known = {p.id for p in roll}
            people += [Person(i, n, False) for i, n in zip(talk.data.people, talk.names,
                                                           strict=True) if i not in known]
        self.people_list.blockSignals(True)
        for person in people:
            text = person.name + (self.tr(" (committee)") if person.committee else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if person.id in chosen
                               else Qt.CheckState.Unchecked)
            self.people_list.addItem(item)
        self.people_list.blockSignals(False)
        if talk is not None:
            data = talk.data
            self.date_field.set_date(data.on_date)
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(data.kind))
            self.topic_edit.setText(data.topic)
            self.record_edit.setPlainText(data.record)
            self.follow_up_edit.setText(data.follow_up)
            self.classification_combo.set_value(data.classification)
        self._show_chosen()

    def chosen_ids(self) -> tuple[str, ...]:
        return tuple(
            str(self.people_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.people_list.count())
            if self.people_list.item(i).checkState() == Qt.CheckState.Checked
        )

    def choose(self, names: list[str]) -> None:
        """Check the people named (for tests and keyboard users' convenience)."""
        for i in range(self.people_list.count()):
            item = self.people_list.item(i)
            if item.text().split(" ")[0].split("（")[0] in names:
                item.setCheckState(Qt.CheckState.Checked)

    def _filter_people(self, text: str) -> None:
        for i in range(self.people_list.count()):
            item = self.people_list.item(i)
            item.setHidden(bool(text.strip()) and text.strip() not in item.text())

    def _show_chosen(self) -> None:
        names = [
            self.people_list.item(i).text()
            for i in range(self.people_list.count())
            if self.people_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.chosen_label.setText(
            self.tr("Chosen: {names}").format(names="、".join(names)) if names
            else self.tr("Check two or more people."))

    def has_unsaved_work(self) -> bool:
        return super().has_unsaved_work() or self.chosen_ids() != self._clean_people

    def data(self) -> TalkInput | None:
        on = self.date_field.date_value()
        if on is None:
            self.message_label.setText(self.tr("Enter the date of the talk, e.g. 2026-10-12."))
            return None
        return TalkInput(
            on_date=on, kind=self.kind_combo.currentData(), topic=self.topic_edit.text(),
            people=self.chosen_ids(), record=self.record_edit.toPlainText(),
            follow_up=self.follow_up_edit.text(),
            classification=self.classification_combo.value(),
        )

    def write(self, uow: Any, data: TalkInput) -> str:
        if self.entry_id is None:
            return talks.create_talk(uow, data)
        talks.update_talk(uow, self.entry_id, data)
        return self.entry_id
