"""意见建议: the register of members' opinions and suggestions and their course (issue 17).

The list of the year's entries (overdue ones in red), what happened to the selected one, and the
steps: receive, forward to a unit (and print the 转办单), record the answer, record the feedback
to the proposer. Entries filed on the city platform arrive by sync; their status and answer go
back with the next sync. 移交纪委 records that a report of misconduct was handed over (only the
date and a reference number, 秘密) and prints its cover slip.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.opinions import OPEN, Kind
from app.errors import BranchDeskError
from app.services import opinion_documents, opinions
from app.services.opinions import Opinion
from app.services.workspace import Workspace
from ui.common import opinion_texts
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.opinions.attachments import AttachmentsDialog
from ui.opinions.dialogs import (
    AnswerDialog,
    EntryDialog,
    FeedbackDialog,
    FormDialog,
    ForwardDialog,
    SettingsDialog,
)
from ui.opinions.handover import HandoverDialog
from ui.opinions.table_model import OpinionTableModel
from ui.widgets.empty_hint import EmptyHint

Today = Callable[[], date]
ALL_YEARS = 0


class OpinionsPage(QWidget):
    """``changed`` after a write (工作台 shows the overdue entries)."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self.dialog: FormDialog | None = None
        self.file_dialog: QFileDialog | None = None
        heading = QLabel(self.tr("Opinions and suggestions"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)

        self.year = QComboBox()
        self.year.setObjectName("year")
        self.year.addItem(self.tr("All years"), ALL_YEARS)
        this_year = today().year
        for year in range(this_year, this_year - 10, -1):
            self.year.addItem(self.tr("{year}").format(year=year), year)
        self.year.setCurrentIndex(1)
        self.year.currentIndexChanged.connect(self.reload)

        self.add_button = self._button(self.tr("New entry…"), self.add_entry)
        self.edit_button = self._button(self.tr("Edit…"), self.edit_entry)
        self.forward_button = self._button(self.tr("Forward…"), self.forward_entry)
        self.slip_button = self._button(self.tr("Print transfer slip…"), self.print_slip)
        self.answer_button = self._button(self.tr("Answer…"), self.answer_entry)
        self.feedback_button = self._button(self.tr("Feedback…"), self.feedback_entry)
        self.attachments_button = self._button(self.tr("Attachments…"), self.show_attachments)
        self.handover_button = self._button(self.tr("Hand a report to the discipline "
                                                    "committee…"), self.hand_over)
        self.cover_button = self._button(self.tr("Print cover slip…"), self.print_cover)
        self.export_button = self._button(self.tr("Export the year…"), self.choose_export_path)
        self.settings_button = self._button(self.tr("Settings…"), self.edit_settings)

        steps = QHBoxLayout()
        steps.addWidget(QLabel(self.tr("Year")))
        steps.addWidget(self.year)
        for button in (self.add_button, self.edit_button, self.forward_button,
                       self.slip_button, self.answer_button, self.feedback_button):
            steps.addWidget(button)
        steps.addStretch(1)
        more = QHBoxLayout()
        for button in (self.attachments_button, self.handover_button, self.cover_button,
                       self.export_button, self.settings_button):
            more.addWidget(button)
        more.addStretch(1)

        self.model = OpinionTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_entry())
        self.empty_hint = EmptyHint(self.table, self.tr(
            "No entries this year. Record an opinion with “New entry…”; those filed on the "
            "city platform arrive with the next sync."))

        self.course = QLabel()
        self.course.setObjectName("course")
        self.course.setWordWrap(True)
        self.course.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.course.setStyleSheet(HINT_STYLE)
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(steps)
        layout.addLayout(more)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.course)
        layout.addWidget(self.feedback)
        self._selection_changed()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # ------------------------------------------------------------ the list
    def reload(self) -> None:
        selected = self.selected()
        year = self.year.currentData()
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                entries = opinions.register(uow, self._today(), year or None)
        except BranchDeskError as error:
            self.say(message_for(error), ok=False)
            return
        self.model.set_entries(entries)
        if selected is not None:
            self.select(selected.id)
        self._selection_changed()

    def refresh(self) -> None:
        """Read the register again (after unlocking, after a sync)."""
        self.reload()

    def clear(self) -> None:
        """Forget what was shown (the data was locked)."""
        self.model.set_entries([])
        self.course.clear()
        self.feedback.clear()
        self._selection_changed()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._workspace.is_unlocked:
            self.reload()

    def selected(self) -> Opinion | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entry(rows[0].row()) if rows else None

    def select(self, opinion_id: str) -> None:
        row = self.model.row_of(opinion_id)
        if row is not None:
            self.table.selectRow(row)

    def _selection_changed(self, *_args: object) -> None:
        entry = self.selected()
        opinion = entry is not None and entry.kind is Kind.OPINION
        self.edit_button.setEnabled(opinion)
        self.forward_button.setEnabled(opinion)
        self.slip_button.setEnabled(opinion and bool(entry and entry.forwarded_to))
        self.answer_button.setEnabled(opinion)
        self.attachments_button.setEnabled(opinion)
        self.feedback_button.setEnabled(opinion and entry is not None
                                        and entry.status not in OPEN)
        self.cover_button.setEnabled(entry is not None and entry.kind is Kind.MISCONDUCT)
        self.course.setText(self.course_text(entry) if entry else "")

    def course_text(self, entry: Opinion) -> str:
        """What happened to the entry, a line per step."""
        if entry.kind is Kind.MISCONDUCT:
            return self.tr("Handed to the discipline committee on {date}; reference number: "
                           "{reference}. Its content and author are not recorded (secret).").format(
                date=entry.received_on.isoformat(), reference=entry.reference or "—")
        lines = [self.tr("Received {date} ({channel}): {content}").format(
            date=entry.received_on.isoformat(),
            channel=opinion_texts.label(entry.channel) if entry.channel else "",
            content=entry.content)]
        if entry.forwarded_to:
            lines.append(self.tr("Forwarded to {unit} on {date}.").format(
                unit=entry.forwarded_to,
                date=entry.forwarded_on.isoformat() if entry.forwarded_on else ""))
        if entry.reply:
            lines.append(self.tr("Reply: {reply}").format(reply=entry.reply))
        if entry.measures:
            lines.append(self.tr("Measures: {measures}").format(measures=entry.measures))
        if entry.decline_reason:
            lines.append(self.tr("Not adopted: {reason}").format(reason=entry.decline_reason))
        if entry.feedback_on:
            lines.append(self.tr("Proposer told on {date}.").format(
                date=entry.feedback_on.isoformat()))
        elif entry.overdue and entry.due_on:
            lines.append(self.tr("Overdue: the answer was due by {date}.").format(
                date=entry.due_on.isoformat()))
        return "\n".join(lines)

    def say(self, text: str, ok: bool = True) -> None:
        self.feedback.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback.setText(text)

    # ------------------------------------------------------------ the steps
    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open()
        return dialog

    def _saved(self, opinion_id: str) -> None:
        self.reload()
        self.changed.emit()
        if opinion_id:
            self.select(opinion_id)
        self.say(self.tr("Saved."))

    def add_entry(self) -> FormDialog:
        return self._open(EntryDialog(self._workspace, self._today(), parent=self))

    def _selected_opinion(self) -> Opinion | None:
        """The selected entry when it is an opinion (a handover to the 纪委 has no course)."""
        entry = self.selected()
        return entry if entry is not None and entry.kind is Kind.OPINION else None

    def edit_entry(self) -> FormDialog | None:
        entry = self._selected_opinion()
        if entry is None:
            return None
        return self._open(EntryDialog(self._workspace, self._today(), entry, parent=self))

    def forward_entry(self) -> FormDialog | None:
        return self._step(ForwardDialog)

    def answer_entry(self) -> FormDialog | None:
        return self._step(AnswerDialog)

    def feedback_entry(self) -> FormDialog | None:
        return self._step(FeedbackDialog)

    def _step(self, kind: type[ForwardDialog | AnswerDialog | FeedbackDialog]) -> FormDialog | None:
        entry = self._selected_opinion()
        if entry is None:
            return None
        return self._open(kind(self._workspace, entry, self._today(), parent=self))

    def hand_over(self) -> FormDialog:
        return self._open(HandoverDialog(self._workspace, self._today(), parent=self))

    def show_attachments(self) -> AttachmentsDialog | None:
        entry = self._selected_opinion()
        if entry is None:
            return None
        dialog = AttachmentsDialog(self._workspace, entry.id, self)
        dialog.open()
        return dialog

    def edit_settings(self) -> FormDialog:
        return self._open(SettingsDialog(self._workspace, parent=self))

    # ------------------------------------------------------------ documents
    def slip_pdf(self, cover: bool = False) -> bytes | None:
        """The selected entry's 转办单 (or a handover's cover slip) as PDF bytes; None with the
        reason said on the page."""
        entry = self.selected()
        if entry is None:
            return None
        out = io.BytesIO()
        render = (opinion_documents.print_cover_slip if cover
                  else opinion_documents.print_transfer_slip)
        try:
            with self._workspace.unit_of_work() as uow:
                render(uow, entry.id, out, self._today())
                uow.commit()
        except BranchDeskError as error:
            self.say(message_for(error), ok=False)
            return None
        return out.getvalue()

    def print_slip(self) -> None:
        self._preview(self.slip_pdf(), self.tr("Transfer slip"))

    def print_cover(self) -> None:
        self._preview(self.slip_pdf(cover=True), self.tr("Cover slip"))

    def _preview(self, data: bytes | None, title: str) -> None:
        if data is None:
            return
        from ui.widgets import printing

        printing.print_pdf(self, data, title=title)

    def choose_export_path(self) -> QFileDialog:
        year = self.year.currentData() or self._today().year
        dialog = QFileDialog(self, self.tr("Export the register"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("Excel workbooks (*.xlsx)"))
        dialog.setDefaultSuffix("xlsx")
        dialog.selectFile(self.tr("Opinions {year}.xlsx").format(year=year))
        dialog.fileSelected.connect(lambda file: self.export_year(Path(file), year))
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def export_year(self, path: Path, year: int) -> bool:
        try:
            with self._workspace.unit_of_work() as uow:
                done = opinion_documents.export_year(uow, year, path, self._today())
                uow.commit()
        except BranchDeskError as error:
            self.say(message_for(error), ok=False)
            return False
        self.say(self.tr("The register of {year} ({count} entries) was written to {file}.")
                 .format(year=year, count=done.opinions, file=str(path)))
        return True
