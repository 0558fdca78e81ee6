"""The meeting editor's 表决 tab (a 支部党员大会 only): who may vote, the quorum, a vote's result.

While the secretary marks attendance and enters the counts, the tab shows how many members are
entitled to vote and how many of them are present (a ``VotePreview`` the editor asks of the
services with the unsaved marks) and what the result of the vote would be (``VoteResult.compute``,
the domain's rule). Written opinions of those absent (书面意见, attendance key 4: 发展党员工作细则
第二十一条) count in the votes, not in the quorum. A vote deciding about a person (admission, 转正,
延长预备期, 取消预备党员资格: 细则第三十三条) names the decision and the person. 记录表决 asks the
editor to save the meeting and record the vote; the votes recorded so far are listed below.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.development import Decision, Stage
from app.domain.meetings import VoteError, VoteResult
from app.services.meetings import Meeting, VotePreview
from app.services.members import MemberListRow
from ui.common import member_texts
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.widgets.empty_hint import EmptyHint


class VotesTab(QWidget):
    """``record_requested`` when 记录表决 is clicked; ``preview`` is what is shown, or None."""

    record_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: VotePreview | None = None
        self._read_only = False
        self.entitled_label = QLabel()
        self.entitled_label.setObjectName("vote_entitled")
        self.voting_present_label = QLabel()
        self.voting_present_label.setObjectName("vote_present")
        self.voting_written_label = QLabel()
        self.voting_written_label.setObjectName("vote_written")
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("vote_quorum")
        self.quorum_label.setWordWrap(True)
        font = QFont(self.quorum_label.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.quorum_label.setFont(font)
        rules_hint = QLabel(self.tr(
            "Full members on the roll are entitled to vote; probationary members attend but do "
            "not vote. The meeting is valid only when more than half of those entitled are "
            "present, and a resolution passes only with more than half of those entitled — "
            "not of those present — in favour. Written opinions of those absent (attendance "
            "key 4) count in the votes, not in the quorum."
        ))
        rules_hint.setWordWrap(True)
        rules_hint.setStyleSheet(HINT_STYLE)
        quorum_box = QGroupBox(self.tr("Entitled to vote and quorum"))
        quorum_form = QFormLayout(quorum_box)
        quorum_form.addRow(self.tr("Entitled to vote:"), self.entitled_label)
        quorum_form.addRow(self.tr("Of them present:"), self.voting_present_label)
        quorum_form.addRow(self.tr("Absent, written opinion:"), self.voting_written_label)
        quorum_form.addRow(self.tr("Quorum:"), self.quorum_label)
        quorum_form.addRow(rules_hint)

        self.subject_edit = QLineEdit()
        self.subject_edit.setMaxLength(200)
        self.subject_edit.setPlaceholderText(self.tr("e.g. 接收张三同志为中共预备党员"))
        self.decision_combo = QComboBox()
        self.decision_combo.setObjectName("vote_decision")
        self.decision_combo.addItem(self.tr("Other resolution"), None)
        for decision in Decision:
            self.decision_combo.addItem(member_texts.label(decision), decision)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("vote_person")
        self.person_combo.setMinimumContentsLength(8)
        self.decision_combo.currentIndexChanged.connect(self._decision_changed)
        decision_row = QHBoxLayout()
        decision_row.addWidget(self.decision_combo, 1)
        decision_row.addWidget(self.person_combo, 1)
        self.in_favour_spin = QSpinBox()
        self.against_spin = QSpinBox()
        self.abstain_spin = QSpinBox()
        counts = QHBoxLayout()
        for text, spin in ((self.tr("In favour"), self.in_favour_spin),
                           (self.tr("Against"), self.against_spin),
                           (self.tr("Abstaining"), self.abstain_spin)):
            spin.setRange(0, 100_000)
            spin.setMinimumWidth(80)
            counts.addWidget(QLabel(text))
            counts.addWidget(spin)
            counts.addSpacing(12)
        counts.addStretch(1)
        self.vote_result_label = QLabel()
        self.vote_result_label.setObjectName("vote_result")
        self.vote_result_label.setWordWrap(True)
        self.vote_result_label.setFont(font)
        self.record_vote_button = QPushButton(self.tr("Record vote"))
        self.record_vote_button.clicked.connect(self.record_requested)
        self.vote_message = QLabel()
        self.vote_message.setWordWrap(True)
        vote_box = QGroupBox(self.tr("Record a vote"))
        vote_form = QFormLayout(vote_box)
        vote_form.addRow(member_texts.field_label("subject"), self.subject_edit)
        vote_form.addRow(self.tr("Decides:"), decision_row)
        vote_form.addRow(self.tr("Votes:"), counts)
        vote_form.addRow(self.tr("Result:"), self.vote_result_label)
        record_row = QHBoxLayout()
        record_row.addWidget(self.vote_message, 1)
        record_row.addWidget(self.record_vote_button)
        vote_form.addRow(record_row)

        self.votes_table = QTableWidget(0, 5)
        self.votes_empty_hint = EmptyHint(self.votes_table, self.tr(
            "No votes yet: fill in the form above and click “Record vote”."
        ))
        self.votes_table.setHorizontalHeaderLabels([
            self.tr("Matter voted on"), self.tr("Entitled / present"),
            self.tr("For / against / abstaining"), self.tr("Quorum"), self.tr("Result"),
        ])
        self.votes_table.verticalHeader().setVisible(False)
        self.votes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.votes_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # counts and words
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the matter: the rest
        layout = QVBoxLayout(self)
        layout.addWidget(quorum_box)
        layout.addWidget(vote_box)
        layout.addWidget(QLabel(self.tr("Votes recorded at this meeting:")))
        layout.addWidget(self.votes_table, 1)

        for spin in self._spins():
            spin.valueChanged.connect(lambda _v: self.show_result())
            spin.valueChanged.connect(lambda _v: self._edited())
        self.subject_edit.textEdited.connect(lambda _t: self._edited())

    def _spins(self) -> tuple[QSpinBox, QSpinBox, QSpinBox]:
        return self.in_favour_spin, self.against_spin, self.abstain_spin

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.subject_edit.setReadOnly(read_only)
        self.decision_combo.setEnabled(not read_only)
        self.person_combo.setEnabled(
            not read_only and self.decision_combo.currentData() is not None
        )
        for spin in self._spins():
            spin.setReadOnly(read_only)
        self.record_vote_button.setEnabled(not read_only)

    def fill_people(self, rows: list[MemberListRow]) -> None:
        """Whom a decision can be about: 发展对象 (admission) and 预备党员 (转正, 延长预备期,
        取消预备党员资格)."""
        chosen = self.person_combo.currentData()
        self.person_combo.clear()
        self.person_combo.addItem(self.tr("(choose the person)"), None)
        for row in rows:
            if row.stage in (Stage.CANDIDATE, Stage.PROBATIONARY):
                self.person_combo.addItem(row.name, row.id)
        self.person_combo.setCurrentIndex(max(self.person_combo.findData(chosen), 0))

    def _decision_changed(self) -> None:
        about_person = self.decision_combo.currentData() is not None
        self.person_combo.setEnabled(about_person and not self._read_only)
        if not about_person:
            self.person_combo.setCurrentIndex(0)

    # ---------------------------------------------------------------- the vote being entered
    def typed(self) -> bool:
        """A vote's subject is typed and not recorded yet."""
        return bool(self.subject_edit.text().strip())

    def vote(self) -> tuple[str, int, int, int]:
        """The subject and the counts in favour, against and abstaining, as typed."""
        return (self.subject_edit.text(), self.in_favour_spin.value(),
                self.against_spin.value(), self.abstain_spin.value())

    def decision(self) -> tuple[Decision | None, str | None]:
        """What the vote decides and about whom (both None for another resolution)."""
        decision = self.decision_combo.currentData()
        person = self.person_combo.currentData() if decision is not None else None
        return decision, person

    def recorded(self) -> None:
        """The vote was recorded: the form is emptied for the next one."""
        self.subject_edit.clear()
        self.decision_combo.setCurrentIndex(0)
        for spin in self._spins():
            spin.setValue(0)
        self.vote_message.setStyleSheet(NOTICE_STYLE)
        self.vote_message.setText(self.tr("The vote was recorded and the meeting saved."))

    def not_recorded(self, text: str) -> None:
        self.vote_message.setStyleSheet(ERROR_STYLE)
        self.vote_message.setText(text)

    def _edited(self) -> None:
        if self.vote_message.styleSheet() == ERROR_STYLE:
            self.vote_message.clear()  # the problem it named is being corrected

    # ---------------------------------------------------------------- entitled, quorum, result
    def show_preview(self, preview: VotePreview) -> None:
        self.preview = preview
        self.entitled_label.setText(self.tr("{n} full members").format(n=preview.entitled))
        self.voting_present_label.setText(str(preview.present))
        self.voting_written_label.setText(str(preview.written))
        if preview.quorum_met:
            self.quorum_label.setStyleSheet(NOTICE_STYLE)
            self.quorum_label.setText(self.tr(
                "Quorum met: {present} of {entitled} present, more than half."
            ).format(present=preview.present, entitled=preview.entitled))
        else:
            self.quorum_label.setStyleSheet(ERROR_STYLE)
            self.quorum_label.setText(self.tr(
                "No quorum: {present} of {entitled} present — more than half ({needed}) are "
                "needed. Resolutions of this meeting are not valid."
            ).format(present=preview.present, entitled=preview.entitled,
                     needed=preview.entitled // 2 + 1))
        self.show_result()

    def show_no_preview(self) -> None:
        """The meeting's details are not complete enough to ask who may vote."""
        self.preview = None
        self.entitled_label.setText("—")
        self.voting_present_label.setText("—")
        self.voting_written_label.setText("—")
        self.quorum_label.setStyleSheet(HINT_STYLE)
        self.quorum_label.setText(self.tr(
            "Shown once the meeting's date and topics are filled in."
        ))
        self.show_result()

    def show_preview_failed(self, text: str) -> None:
        self.preview = None
        self.quorum_label.setText(text)

    def show_result(self) -> None:
        preview = self.preview
        if preview is None:
            self.vote_result_label.setStyleSheet(HINT_STYLE)
            self.vote_result_label.setText("")
            return
        try:
            result = VoteResult.compute(
                entitled=preview.entitled, present=preview.present,
                in_favour=self.in_favour_spin.value(), against=self.against_spin.value(),
                abstain=self.abstain_spin.value(), written=preview.written,
            )
        except VoteError as error:
            self.vote_result_label.setStyleSheet(ERROR_STYLE)
            self.vote_result_label.setText(member_texts.issue_text(error.problem.value))
            return
        needed = preview.entitled // 2 + 1
        if not (result.in_favour or result.against or result.abstain):
            # Nothing entered yet: no verdict, least of all a red "not passed".
            self.vote_result_label.setStyleSheet(HINT_STYLE + " font-weight: normal;")
            self.vote_result_label.setText(self.tr("Enter the votes; the result is shown here."))
            return
        if result.passed:
            self.vote_result_label.setStyleSheet(NOTICE_STYLE)
            self.vote_result_label.setText(self.tr(
                "Passed: {for_} in favour, more than half of the {entitled} entitled to vote."
            ).format(for_=result.in_favour, entitled=preview.entitled))
        elif not result.quorum_met:
            self.vote_result_label.setStyleSheet(ERROR_STYLE)
            self.vote_result_label.setText(self.tr(
                "Not passed: the meeting has no quorum."
            ))
        else:
            self.vote_result_label.setStyleSheet(ERROR_STYLE)
            self.vote_result_label.setText(self.tr(
                "Not passed: {for_} in favour; at least {needed} of the {entitled} entitled to "
                "vote are needed."
            ).format(for_=result.in_favour, needed=needed, entitled=preview.entitled))

    # ---------------------------------------------------------------- votes recorded
    def show_votes(self, meeting: Meeting) -> None:
        self.votes_table.setRowCount(0)
        for vote in meeting.votes:
            result = vote.result
            row = self.votes_table.rowCount()
            self.votes_table.insertRow(row)
            texts = (
                vote.subject,
                self.tr("{entitled} / {present} (+{written} written)").format(
                    entitled=result.entitled, present=result.present, written=result.written
                ) if result.written else self.tr("{entitled} / {present}").format(
                    entitled=result.entitled, present=result.present
                ),
                self.tr("{for_} / {against} / {abstain}").format(
                    for_=result.in_favour, against=result.against, abstain=result.abstain
                ),
                self.tr("met") if result.quorum_met else self.tr("not met"),
                self.tr("passed") if result.passed else self.tr("not passed"),
            )
            for column, text in enumerate(texts):
                self.votes_table.setItem(row, column, QTableWidgetItem(text))
