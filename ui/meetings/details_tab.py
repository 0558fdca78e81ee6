"""The meeting editor's 会议 tab: type, date, time, place, host, recorder, topics, discussion,
resolutions and classification of a meeting, each with its problem shown beside it.

The services decide what is valid; ``show_problems`` places their problems beside the fields they
concern, and an edited field loses its problem (with the fields whose problems concern it).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.meetings import MeetingType
from app.domain.members import Classification
from app.errors import InvalidInputError
from app.services.meetings import MeetingInput
from app.services.members import PartyGroup
from ui.common import member_texts
from ui.common.styles import ERROR_STYLE
from ui.widgets.date_field import DateField
from ui.widgets.edits import on_user_edit
from ui.widgets.enum_combo import EnumCombo

# Fields whose problems concern each other: correcting one may correct the other.
_RELATED_FIELDS = {"start_time": ("end_time",), "end_time": ("start_time",)}


@dataclass
class _Field:
    widget: QWidget
    message: QLabel


class MeetingDetailsTab(QScrollArea):
    """The details of one meeting as typed. ``corrected`` when the last problem shown beside a
    field went because the field was edited."""

    corrected = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._fields: dict[str, _Field] = {}
        self.type_combo = EnumCombo(MeetingType)
        self.party_group_combo = QComboBox()
        self.held_on_edit = DateField()
        self.held_on_edit.setPlaceholderText(self.tr("e.g. 2026-11-20"))
        self.start_edit = QLineEdit()
        self.end_edit = QLineEdit()
        for edit, example in ((self.start_edit, self.tr("e.g. 14:30")),
                              (self.end_edit, self.tr("e.g. 16:00"))):
            edit.setMaxLength(5)
            edit.setPlaceholderText(example)
            edit.setFixedWidth(90)
        self.place_edit = QLineEdit()
        self.place_edit.setMaxLength(100)
        self.host_combo = self._names_combo()
        self.recorder_combo = self._names_combo()
        self.lecturer_combo = self._names_combo()
        self.guests_edit = QLineEdit()
        self.guests_edit.setPlaceholderText(self.tr("names, separated by 、"))
        self.classification_combo = EnumCombo(Classification)
        self.topics_edit = QPlainTextEdit()
        self.topics_edit.setTabChangesFocus(True)
        self.topics_edit.setPlaceholderText(self.tr("One topic per line"))
        self.topics_edit.setFixedHeight(90)
        self.discussion_edit = QPlainTextEdit()
        self.discussion_edit.setTabChangesFocus(True)
        self.discussion_edit.setPlaceholderText(
            self.tr("Who said what, in the order of the meeting")
        )
        self.resolutions_edit = QPlainTextEdit()
        self.resolutions_edit.setTabChangesFocus(True)
        self.resolutions_edit.setFixedHeight(90)

        time_box = QWidget()
        time_row = QHBoxLayout(time_box)
        time_row.setContentsMargins(0, 0, 0, 0)
        time_row.addWidget(self.start_edit)
        time_row.addWidget(QLabel(self.tr("to")))
        time_row.addWidget(self.end_edit)
        time_row.addStretch(1)
        self.time_messages = QLabel()

        left = QFormLayout()
        left.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        label = member_texts.field_label
        left.addRow(label("type"), self._field("type", self.type_combo))
        self.party_group_label = QLabel(label("party_group_id"))
        left.addRow(self.party_group_label, self._field("party_group_id", self.party_group_combo))
        left.addRow(label("held_on"), self._field("held_on", self.held_on_edit))
        times = QWidget()
        times_column = QVBoxLayout(times)
        times_column.setContentsMargins(0, 0, 0, 0)
        times_column.setSpacing(2)
        times_column.addWidget(time_box)
        for name, edit in (("start_time", self.start_edit), ("end_time", self.end_edit)):
            message = QLabel()
            message.setStyleSheet(ERROR_STYLE)
            message.hide()
            self._fields[name] = _Field(edit, message)
            times_column.addWidget(message)
        left.addRow(self.tr("Time"), times)
        left.addRow(label("place"), self._field("place", self.place_edit))
        left.addRow(label("host"), self._field("host", self.host_combo))
        left.addRow(label("recorder"), self._field("recorder", self.recorder_combo))
        self.lecturer_label = QLabel(label("lecturer"))
        left.addRow(self.lecturer_label, self._field("lecturer", self.lecturer_combo))
        left.addRow(label("guests"), self._field("guests", self.guests_edit))
        left.addRow(label("classification"),
                    self._field("classification", self.classification_combo))
        self._details_form = left

        right = QVBoxLayout()
        for name, text_edit in (("topics", self.topics_edit),
                                ("discussion", self.discussion_edit),
                                ("resolutions", self.resolutions_edit)):
            heading = QLabel(label(name))
            heading.setStyleSheet("font-weight: bold;")
            right.addWidget(heading)
            right.addWidget(self._field(name, text_edit), 1 if name == "discussion" else 0)

        inner = QWidget()
        grid = QGridLayout(inner)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.setWidgetResizable(True)
        self.setWidget(inner)
        for name, field in self._fields.items():
            on_user_edit(field.widget, functools.partial(self._field_edited, name))

    def _field(self, name: str, widget: QWidget) -> QWidget:
        message = QLabel()
        message.setStyleSheet(ERROR_STYLE)
        message.setWordWrap(True)
        message.hide()
        self._fields[name] = _Field(widget, message)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        return box

    def _names_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = combo.lineEdit()
        if line is not None:
            line.setMaxLength(50)
        return combo

    # ---------------------------------------------------------------- showing
    def set_choices(self, names: Iterable[str], groups: Iterable[PartyGroup]) -> None:
        """The members to choose host, recorder and lecturer from (what is typed stays) and the
        party groups (none chosen)."""
        self.party_group_combo.clear()
        self.party_group_combo.addItem(self.tr("(choose a party group)"), None)
        for group in groups:
            self.party_group_combo.addItem(group.name, group.id)
        names = list(names)
        for combo in (self.host_combo, self.recorder_combo, self.lecturer_combo):
            text = combo.currentText()
            combo.clear()
            combo.addItems(names)
            combo.setCurrentText(text)

    def show_new(self, today: date, secretary: str) -> None:
        """A new meeting: today, chaired by the secretary unless a host is typed."""
        self.held_on_edit.set_date(today)
        if not self.host_combo.currentText():
            # Usually the branch secretary chairs: entered once, at setup.
            self.host_combo.setCurrentText(secretary)
        self.classification_combo.set_value(Classification.INTERNAL)
        self.party_group_combo.setCurrentIndex(0)

    def show_details(self, data: MeetingInput) -> None:
        self.type_combo.set_value(data.type)
        self.held_on_edit.set_date(data.held_on)
        self.start_edit.setText(data.start_time)
        self.end_edit.setText(data.end_time)
        self.place_edit.setText(data.place)
        self.topics_edit.setPlainText("\n".join(data.topics))
        self.host_combo.setCurrentText(data.host)
        self.recorder_combo.setCurrentText(data.recorder)
        self.lecturer_combo.setCurrentText(data.lecturer)
        self.guests_edit.setText("、".join(data.guests))
        self.discussion_edit.setPlainText(data.discussion)
        self.resolutions_edit.setPlainText(data.resolutions)
        self.classification_combo.set_value(data.classification)

    def select_party_group(self, group_id: str | None) -> None:
        self.party_group_combo.setCurrentIndex(
            max(self.party_group_combo.findData(group_id), 0)
        )

    def show_rows_for(self, meeting_type: MeetingType) -> None:
        """The party group only for a 党小组会, the lecturer only for a 党课."""
        self._details_form.setRowVisible(
            self.party_group_label, meeting_type is MeetingType.PARTY_GROUP
        )
        self._details_form.setRowVisible(
            self.lecturer_label, meeting_type is MeetingType.PARTY_LECTURE
        )

    def set_read_only(self, read_only: bool) -> None:
        for edit in (self.held_on_edit, self.start_edit, self.end_edit, self.place_edit,
                     self.guests_edit):
            edit.setReadOnly(read_only)
        for text_edit in (self.topics_edit, self.discussion_edit, self.resolutions_edit):
            text_edit.setReadOnly(read_only)
        for combo in (self.type_combo, self.party_group_combo, self.host_combo,
                      self.recorder_combo, self.lecturer_combo, self.classification_combo):
            combo.setEnabled(not read_only)

    # ---------------------------------------------------------------- problems
    def field_message(self, name: str) -> str:
        """The problem shown beside field ``name`` ("" when none)."""
        field = self._fields.get(name)
        return field.message.text() if field is not None else ""

    def has_problems(self) -> bool:
        return any(f.message.text() for f in self._fields.values())

    def _field_edited(self, name: str) -> None:
        """An error beside a field goes once the field is edited (with the errors of the fields
        it concerns); ``corrected`` when it was the last."""
        if not self._fields[name].message.text():
            return
        for related in (name, *_RELATED_FIELDS.get(name, ())):
            self._fields[related].message.clear()
            self._fields[related].message.hide()
        if not self.has_problems():
            self.corrected.emit()

    def clear_problems(self) -> None:
        for field in self._fields.values():
            field.message.clear()
            field.message.hide()

    def hide_problem(self, name: str) -> None:
        self._fields[name].message.hide()

    def show_problems(self, error: InvalidInputError) -> list[str]:
        """Show each problem beside its field; returns those of no field here, as text."""
        unplaced = []
        for problem in error.problems:
            field = self._fields.get(problem.field)
            text = member_texts.describe_problem(problem.field, problem.code)
            if field is None:
                unplaced.append(text)
                continue
            field.message.setText(member_texts.issue_text(problem.code))
            field.message.show()
        return unplaced

    # ---------------------------------------------------------------- input
    def meeting_input(self) -> MeetingInput | None:
        """What the details say, or None (with the problem beside the date) if no date."""
        held_on = self.held_on_edit.date_value()
        if held_on is None:
            field = self._fields["held_on"]
            field.message.setText(
                member_texts.issue_text("required") if self.held_on_edit.is_empty()
                else member_texts.issue_text("not_a_date")
            )
            field.message.show()
            return None
        return MeetingInput(
            type=self.type_combo.value(),
            held_on=held_on,
            start_time=self.start_edit.text().strip(),
            end_time=self.end_edit.text().strip(),
            place=self.place_edit.text(),
            topics=tuple(self.topics_edit.toPlainText().splitlines()),
            host=self.host_combo.currentText(),
            recorder=self.recorder_combo.currentText(),
            lecturer=(self.lecturer_combo.currentText()
                      if self.type_combo.value() is MeetingType.PARTY_LECTURE else ""),
            party_group_id=(self.party_group_combo.currentData()
                            if self.type_combo.value() is MeetingType.PARTY_GROUP else None),
            guests=tuple(g.strip() for g in self.guests_edit.text().replace(",", "、")
                         .replace("，", "、").split("、") if g.strip()),
            discussion=self.discussion_edit.toPlainText(),
            resolutions=self.resolutions_edit.toPlainText(),
            classification=self.classification_combo.value(),
        )

    def typed(self) -> tuple[object, ...]:
        """Everything typed, to tell whether it changed since the meeting was read."""
        return (
            self.type_combo.currentIndex(), self.held_on_edit.text(), self.start_edit.text(),
            self.end_edit.text(), self.place_edit.text(), self.topics_edit.toPlainText(),
            self.host_combo.currentText(), self.recorder_combo.currentText(),
            self.lecturer_combo.currentText(), self.party_group_combo.currentIndex(),
            self.guests_edit.text(), self.discussion_edit.toPlainText(),
            self.resolutions_edit.toPlainText(), self.classification_combo.currentIndex(),
        )
