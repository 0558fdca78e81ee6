"""The register's dialogs: an entry as received, forwarding it to a unit, the unit's answer (or
不予采纳 with the reason), the feedback to the proposer, and the register's settings. Each saves
through ``app.services.opinions`` in one unit of work; a refused value is said in the dialog and
nothing is saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.members import Classification
from app.domain.opinions import Category, Channel, Status
from app.errors import BranchDeskError, FieldProblem, InvalidInputError
from app.services import opinions
from app.services.opinions import Opinion
from app.services.workspace import UnitOfWork, Workspace
from ui.common import member_texts, opinion_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog

OTHER_PERSON = "__other__"
ANONYMOUS = "__anonymous__"


class FormDialog(EditorDialog):
    """A form with a hint, an error line and 保存 / 取消; ``apply(uow)`` does the writing."""

    saved = Signal(str)
    """The id of the entry saved."""

    def __init__(self, workspace: Workspace, title: str, hint: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.form = QFormLayout()
        self.hint = QLabel(hint)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setVisible(bool(hint))
        self.message_label = QLabel()
        self.message_label.setObjectName("message")
        self.message_label.setStyleSheet(ERROR_STYLE)
        self.message_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.hint)
        self.box.addLayout(self.form)
        self.box.addWidget(self.message_label)
        self.box.addWidget(self.buttons)

    def date_field(self, value: date | None) -> DateField:
        field = DateField()
        field.set_date(value)
        return field

    def required_date(self, field: DateField, name: str) -> date:
        value = field.date_value()
        if value is None:
            raise InvalidInputError([FieldProblem(name, "required" if field.is_empty()
                                                  else "not_a_date")])
        return value

    def apply(self, uow: UnitOfWork) -> str:
        raise NotImplementedError

    def save(self) -> bool:
        try:
            with self._workspace.unit_of_work() as uow:
                saved = self.apply(uow)
                uow.commit()
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return False
        self.saved.emit(saved)
        self.accept()
        return True

    def save_unsaved_work(self) -> bool:
        return self.save()

    def finish(self, width: int, height: int) -> None:
        fit_to_screen(self, width, height)
        self.mark_clean()


def _text_edit(text: str, height: int = 90) -> QPlainTextEdit:
    edit = QPlainTextEdit(text)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


def _combo(values: list[Channel] | list[Category]) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(opinion_texts.label(value), value)
    return combo


class EntryDialog(FormDialog):
    """An entry as received: when, from whom (a member, someone else, anonymous), how, about
    what, and what was said."""

    def __init__(self, workspace: Workspace, today: date, entry: Opinion | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, self.tr("Opinion or suggestion") if entry is None
                         else self.tr("Edit the entry"), parent=parent)
        self._entry = entry
        with workspace.unit_of_work(read_only=True) as uow:
            members = opinions.member_choices(uow)
        self.received = self.date_field(entry.received_on if entry else today)
        self.proposer = QComboBox()
        self.proposer.addItem(self.tr("Anonymous"), ANONYMOUS)
        self.proposer.addItem(self.tr("Someone else (type the name)"), OTHER_PERSON)
        for member_id, name in members:
            self.proposer.addItem(name, member_id)
        self.other_name = QLineEdit(entry.proposer if entry and not entry.member_id else "")
        self.other_name.setMaxLength(50)
        from_platform = entry is not None and entry.channel is Channel.PLATFORM
        channels: list[Channel] = [
            c for c in Channel if from_platform or c is not Channel.PLATFORM]
        self.channel = _combo(channels)
        self.category = _combo(list(Category))
        self.content = _text_edit(entry.content if entry else "", 120)
        self.classification = QComboBox()
        for value in (Classification.INTERNAL, Classification.SECRET):
            self.classification.addItem(member_texts.label(value), value)
        if entry is not None:
            key = ANONYMOUS if entry.anonymous else entry.member_id or OTHER_PERSON
            self.proposer.setCurrentIndex(max(self.proposer.findData(key), 0))
            self.channel.setCurrentIndex(max(self.channel.findData(entry.channel), 0))
            self.category.setCurrentIndex(max(self.category.findData(entry.category), 0))
            self.classification.setCurrentIndex(
                max(self.classification.findData(entry.classification), 0))
        elif members:
            self.proposer.setCurrentIndex(2)
        self.proposer.currentIndexChanged.connect(self._proposer_changed)
        self.form.addRow(self.tr("Received on"), self.received)
        self.form.addRow(self.tr("From"), self.proposer)
        self.form.addRow(self.tr("Name"), self.other_name)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Content"), self.content)
        self.form.addRow(self.tr("Classification"), self.classification)
        self._proposer_changed()
        self.finish(560, 520)

    def _proposer_changed(self) -> None:
        self.other_name.setEnabled(self.proposer.currentData() == OTHER_PERSON)

    def apply(self, uow: UnitOfWork) -> str:
        who = self.proposer.currentData()
        data = opinions.OpinionInput(
            received_on=self.required_date(self.received, "received_on"),
            channel=self.channel.currentData(), category=self.category.currentData(),
            content=self.content.toPlainText(),
            member_id=who if who not in (ANONYMOUS, OTHER_PERSON) else None,
            proposer_name=self.other_name.text() if who == OTHER_PERSON else "",
            anonymous=who == ANONYMOUS,
            classification=self.classification.currentData(),
        )
        if self._entry is None:
            return opinions.record_opinion(uow, data)
        opinions.update_opinion(uow, self._entry.id, data)
        return self._entry.id


class ForwardDialog(FormDialog):
    """转办: the unit (from the branch's list, or typed) and the date."""

    def __init__(self, workspace: Workspace, entry: Opinion, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, self.tr("Forward to a unit"), self.tr(
            "After saving, print the transfer slip (转办单) and hand it to the unit with the "
            "entry."), parent)
        self._entry = entry
        with workspace.unit_of_work(read_only=True) as uow:
            units = opinions.units(uow)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.unit.setCurrentText(entry.forwarded_to or (units[0] if units else ""))
        self.on = self.date_field(entry.forwarded_on or today)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Forwarded on"), self.on)
        self.finish(460, 240)

    def apply(self, uow: UnitOfWork) -> str:
        opinions.forward(uow, self._entry.id, self.unit.currentText(),
                         self.required_date(self.on, "forwarded_on"))
        return self._entry.id


class AnswerDialog(FormDialog):
    """The unit's answer: 已答复, 已落实 (with the measures) or 不予采纳 (with the reason)."""

    def __init__(self, workspace: Workspace, entry: Opinion, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, self.tr("Record the answer"), parent=parent)
        self._entry = entry
        self.outcome = QComboBox()
        for status in (Status.ANSWERED, Status.IMPLEMENTED, Status.DECLINED):
            self.outcome.addItem(opinion_texts.label(status), status)
        if entry.status in (Status.ANSWERED, Status.IMPLEMENTED, Status.DECLINED):
            self.outcome.setCurrentIndex(self.outcome.findData(entry.status))
        self.reply = _text_edit(entry.reply)
        self.measures = _text_edit(entry.measures, 60)
        self.reason = _text_edit(entry.decline_reason, 60)
        self.answered_by = QLineEdit(entry.answered_by or entry.forwarded_to)
        self.answered_by.setMaxLength(100)
        self.on = self.date_field(entry.answered_on or today)
        self.form.addRow(self.tr("Outcome"), self.outcome)
        self.form.addRow(self.tr("Reply"), self.reply)
        self.form.addRow(self.tr("Measures"), self.measures)
        self.form.addRow(self.tr("Reason for not adopting"), self.reason)
        self.form.addRow(self.tr("Answered by"), self.answered_by)
        self.form.addRow(self.tr("Answered on"), self.on)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self._outcome_changed()
        self.finish(560, 520)

    def _outcome_changed(self) -> None:
        declined = self.outcome.currentData() is Status.DECLINED
        self.reply.setEnabled(not declined)
        self.measures.setEnabled(not declined)
        self.reason.setEnabled(declined)

    def apply(self, uow: UnitOfWork) -> str:
        on = self.required_date(self.on, "answered_on")
        outcome = self.outcome.currentData()
        if outcome is Status.DECLINED:
            opinions.decline(uow, self._entry.id, self.reason.toPlainText(),
                             self.answered_by.text(), on)
        else:
            opinions.answer(uow, self._entry.id, self.reply.toPlainText(),
                            self.measures.toPlainText(), self.answered_by.text(), on,
                            implemented=outcome is Status.IMPLEMENTED)
        return self._entry.id


class FeedbackDialog(FormDialog):
    """The day the proposer was told of the answer."""

    def __init__(self, workspace: Workspace, entry: Opinion, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(workspace, self.tr("Feedback to the proposer"), self.tr(
            "The day the proposer was told of the answer. An entry from the city platform "
            "shows its answer there after the next sync."), parent)
        self._entry = entry
        self.on = self.date_field(entry.feedback_on or today)
        self.form.addRow(self.tr("Told on"), self.on)
        self.finish(420, 200)

    def apply(self, uow: UnitOfWork) -> str:
        opinions.record_feedback(uow, self._entry.id, self.required_date(self.on, "feedback_on"))
        return self._entry.id


class SettingsDialog(FormDialog):
    """The units entries are forwarded to, the time limits, and the 纪委's contact."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(workspace, self.tr("Register settings"), self.tr(
            "There is no national time limit for answering: set the branch's own, in days "
            "from receipt."), parent)
        with workspace.unit_of_work(read_only=True) as uow:
            units = opinions.units(uow)
            limits = opinions.time_limits(uow)
            contact = opinions.discipline_contact(uow)
        self.units = _text_edit("\n".join(units), 110)
        self.units.setPlaceholderText(self.tr("One unit per line, e.g. 办公室"))
        self.form.addRow(self.tr("Units (one per line)"), self.units)
        self.limits: dict[Category, QSpinBox] = {}
        self.form.addRow(QLabel(self.tr("Time limit for an answer, by category:")))
        for category in Category:
            spin = QSpinBox()
            spin.setRange(1, 366)
            spin.setValue(limits[category])
            spin.setSuffix(self.tr(" days"))
            self.limits[category] = spin
            self.form.addRow(opinion_texts.label(category), spin)
        self.contact = QLineEdit(contact)
        self.contact.setMaxLength(500)
        self.contact.setPlaceholderText(self.tr("e.g. 机关纪委办公室, room, telephone"))
        self.form.addRow(self.tr("Discipline committee contact"), self.contact)
        self.finish(520, 520)

    def apply(self, uow: UnitOfWork) -> str:
        opinions.set_units(uow, self.units.toPlainText().splitlines())
        opinions.set_time_limits(uow, {c: s.value() for c, s in self.limits.items()})
        opinions.set_discipline_contact(uow, self.contact.text())
        return ""

