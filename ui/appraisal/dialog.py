"""One member's 民主评议 for a year: 自评, 测评 counts, the grade and, for 不合格, the handling.

The fields for a handling show only when the grade is 不合格, and only those the handling needs
(限期改正: the deadline; 劝退 / 除名: the 支部大会, its vote, the higher committee's approval; 除名:
the 第31条 ground). Saving goes through ``app.services.appraisal``; a refusal lists every problem
in the dialog and changes nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.appraisal import GRADES, Decider, Grade, Handling, StrikeOffGround
from app.domain.members import Classification
from app.errors import BranchDeskError, InvalidInputError
from app.services import appraisal
from app.services.workspace import Workspace
from ui.appraisal.texts import label, problem_text
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen, scrolling
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.widgets.date_field import DateField
from ui.widgets.editor_dialog import EditorDialog


def _combo(values: Iterable[enum.Enum]) -> QComboBox:
    combo = QComboBox()
    for value in values:
        combo.addItem(label(value), value)
    return combo


def _select(combo: QComboBox, value: enum.Enum) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


def _count() -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 9999)
    return box


class AppraisalDialog(EditorDialog):
    """``saved`` is set once the record was stored (the page then reloads)."""

    def __init__(
        self, workspace: Workspace, member_id: str, name: str, year: int, probationary: bool,
        today: date, parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace, self._member_id, self._year = workspace, member_id, year
        self._today = today
        self.saved = False
        self.setWindowTitle(self.tr("Democratic appraisal {year}: {name}").format(
            year=year, name=name))

        self.self_assessed = QCheckBox(self.tr("Self-assessment done"))
        self.votes = [_count() for _ in GRADES]
        votes_box = QGroupBox(self.tr("Appraisal votes"))
        grid = QGridLayout(votes_box)
        for column, (grade, box) in enumerate(zip(GRADES, self.votes, strict=True)):
            grid.addWidget(QLabel(label(grade)), 0, column)
            grid.addWidget(box, 1, column)

        self.grade = _combo([Grade.NONE, *GRADES])
        self.decided_by = _combo(Decider)
        self.decided_on = DateField()
        grade_form = QFormLayout()
        grade_form.addRow(self.tr("Grade"), self.grade)
        grade_form.addRow(self.tr("Decided by"), self.decided_by)
        grade_form.addRow(self.tr("Decided on"), self.decided_on)
        self.probation_hint = QLabel(self.tr(
            "Probationary members take part without a grade (Article 18)."))
        self.probation_hint.setStyleSheet(HINT_STYLE)
        self.probation_hint.setVisible(probationary)
        if probationary:
            self.grade.setEnabled(False)

        self.handling_box = QGroupBox(self.tr("Handling of an unqualified member"))
        self.handling = _combo(Handling)
        self.correction_until = DateField()
        self.meeting_on = DateField()
        self.entitled, self.in_favour = _count(), _count()
        self.approved_on = DateField()
        self.ground = _combo(StrikeOffGround)
        self.ground.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ground.setMinimumContentsLength(16)
        self.ground.currentIndexChanged.connect(
            lambda _i: self.ground.setToolTip(self.ground.currentText()))
        self.handling_form = QFormLayout(self.handling_box)
        self.handling_form.addRow(self.tr("Handling"), self.handling)
        self.handling_form.addRow(self.tr("Correct by (at most a year)"), self.correction_until)
        self.handling_form.addRow(self.tr("General meeting on"), self.meeting_on)
        self.handling_form.addRow(self.tr("Members entitled to vote"), self.entitled)
        self.handling_form.addRow(self.tr("Votes in favour"), self.in_favour)
        self.handling_form.addRow(self.tr("Approved by the higher committee on"),
                                  self.approved_on)
        self.handling_form.addRow(self.tr("Ground (Article 31)"), self.ground)
        self.handling_hint = QLabel(self.tr(
            "Education comes first. Persuading to leave and striking off are decided by the "
            "general meeting and take effect when the higher committee approves them: the member "
            "then leaves the roll on that date."))
        self.handling_hint.setWordWrap(True)
        self.handling_hint.setStyleSheet(HINT_STYLE)
        self.handling_form.addRow(self.handling_hint)

        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.classification = _combo(Classification)
        other = QFormLayout()
        other.addRow(self.tr("Notes"), self.notes)
        other.addRow(self.tr("Classification"), self.classification)

        self.problems = QLabel()
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

        body = QWidget()  # scrolls when taller than the screen; the buttons stay in view
        fields = QVBoxLayout(body)
        fields.addWidget(self.self_assessed)
        fields.addWidget(votes_box)
        fields.addLayout(grade_form)
        fields.addWidget(self.probation_hint)
        fields.addWidget(self.handling_box)
        fields.addLayout(other)
        fields.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolling(body), 1)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)

        self._load()
        self.grade.currentIndexChanged.connect(self._arrange)
        self.handling.currentIndexChanged.connect(self._arrange)
        self._arrange()
        fit_to_screen(self, 600, 700)
        self.mark_clean()

    # ------------------------------------------------------------ fields
    def _load(self) -> None:
        with self._workspace.unit_of_work() as uow:
            data = appraisal.get(uow, self._member_id, self._year)
        if data is None:
            _select(self.classification, Classification.INTERNAL)
            return
        self.self_assessed.setChecked(data.self_assessed)
        for box, value in zip(self.votes, data.votes, strict=True):
            box.setValue(value)
        _select(self.grade, data.grade)
        _select(self.decided_by, data.decided_by)
        self.decided_on.set_date(data.decided_on)
        _select(self.handling, data.handling)
        self.correction_until.set_date(data.correction_until)
        self.meeting_on.set_date(data.meeting_on)
        self.entitled.setValue(data.entitled)
        self.in_favour.setValue(data.in_favour)
        self.approved_on.set_date(data.approved_on)
        _select(self.ground, data.ground)
        self.notes.setPlainText(data.notes)
        _select(self.classification, data.classification)

    def _arrange(self) -> None:
        """Only the fields the chosen grade and handling need are shown."""
        unqualified = self.grade.currentData() is Grade.UNQUALIFIED
        self.handling_box.setVisible(unqualified)
        handling = self.handling.currentData() if unqualified else Handling.NONE
        assembly = handling in (Handling.PERSUADE, Handling.STRIKE_OFF)
        shown = {
            self.correction_until: handling is Handling.CORRECTION,
            self.meeting_on: assembly, self.entitled: assembly, self.in_favour: assembly,
            self.approved_on: assembly, self.ground: handling is Handling.STRIKE_OFF,
        }
        for widget, visible in shown.items():
            self.handling_form.setRowVisible(widget, visible)

    def data(self) -> appraisal.AppraisalInput:
        unqualified = self.grade.currentData() is Grade.UNQUALIFIED
        return appraisal.AppraisalInput(
            self_assessed=self.self_assessed.isChecked(),
            votes=(self.votes[0].value(), self.votes[1].value(), self.votes[2].value(),
                   self.votes[3].value()),
            grade=self.grade.currentData(), decided_by=self.decided_by.currentData(),
            decided_on=self.decided_on.date_value(),
            handling=self.handling.currentData() if unqualified else Handling.NONE,
            correction_until=self.correction_until.date_value(),
            meeting_on=self.meeting_on.date_value(), entitled=self.entitled.value(),
            in_favour=self.in_favour.value(), approved_on=self.approved_on.date_value(),
            ground=self.ground.currentData(), notes=self.notes.toPlainText(),
            classification=self.classification.currentData(),
        )

    # ------------------------------------------------------------ saving
    def _save(self) -> None:
        if self.save_unsaved_work():
            self.accept()

    def save_unsaved_work(self) -> bool:
        bad = [f for f in (self.decided_on, self.correction_until, self.meeting_on,
                           self.approved_on) if not f.is_empty() and not f.is_valid()]
        if bad:
            self._show([self.tr("A date is not valid; type it as 2026-12-20.")])
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                appraisal.save(uow, self._member_id, self._year, self.data(), self._today)
                uow.commit()
        except InvalidInputError as error:
            self._show([problem_text(p.field, p.code) for p in error.problems])
            return False
        except BranchDeskError as error:
            self._show([message_for(error)])
            return False
        self.saved = True
        self.mark_clean()
        return True

    def _show(self, lines: list[str]) -> None:
        self.problems.setText("\n".join(lines))
        self.problems.show()
