"""Small dialogs of the 党务公开 page: what a draft is made from, who did a step and when, and a
response received by letter or in person."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.development import Stage
from ui.common import member_texts
from ui.common.disclosure_texts import CHANNELS, channel_label
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.widgets.date_field import DateField

FROM_PIPELINE, FROM_DUES, FROM_MEETINGS, FROM_APPRAISAL, BLANK = range(5)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("DisclosureTexts", "Cancel"))
    buttons.rejected.connect(dialog.reject)
    return buttons


class DraftDialog(QDialog):
    """Where a new item's text comes from: a member in the pipeline (发展对象 / 预备党员), the
    dues ledger of a quarter or year, the meetings of a period, a year's 民主评议 results, or
    nothing (a blank item)."""

    def __init__(
        self, subjects: list[tuple[str, str, Stage]], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New disclosure item"))
        self.source = QComboBox()
        self.source.addItems([
            self.tr("Admission or full-membership notice of a member"),
            self.tr("Dues collected and remitted"),
            self.tr("Organizational life of a period"),
            self.tr("Results of the year's 民主评议"),
            self.tr("Blank item"),
        ])
        self.member = QComboBox()
        for member_id, name, stage in subjects:
            self.member.addItem(f"{name}（{member_texts.label(stage)}）", member_id)
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        self.quarter.addItem(self.tr("Whole year"), None)
        for quarter in range(1, 5):
            self.quarter.addItem(self.tr("Quarter {n}").format(n=quarter), quarter)
        self.appraisal_year = QSpinBox()
        self.appraisal_year.setRange(1990, 2100)
        # 民主评议 is held at the end of a year or the start of the next: last year until June.
        self.appraisal_year.setValue(today.year if today.month > 6 else today.year - 1)
        self.first = DateField()
        self.first.set_date(date(today.year, 1, 1))
        self.last = DateField()
        self.last.set_date(today)
        self.pages = QStackedWidget()
        member_page = QWidget()
        member_form = QFormLayout(member_page)
        member_form.addRow(self.tr("Member"), self.member)
        if not subjects:
            none = QLabel(self.tr("No 发展对象 or 预备党员 on the roll."))
            none.setStyleSheet(HINT_STYLE)
            member_form.addRow(none)
        dues_page = QWidget()
        dues_form = QFormLayout(dues_page)
        dues_form.addRow(self.tr("Year"), self.year)
        dues_form.addRow(self.tr("Period"), self.quarter)
        meetings_page = QWidget()
        meetings_form = QFormLayout(meetings_page)
        meetings_form.addRow(self.tr("From"), self.first)
        meetings_form.addRow(self.tr("To"), self.last)
        appraisal_page = QWidget()
        QFormLayout(appraisal_page).addRow(self.tr("Year"), self.appraisal_year)
        for page in (member_page, dues_page, meetings_page, appraisal_page, QWidget()):
            self.pages.addWidget(page)
        self.source.currentIndexChanged.connect(self.pages.setCurrentIndex)
        hint = QLabel(self.tr("The draft opens in the editor: check and edit it before review."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        buttons = _buttons(self, self.tr("Draft"))
        buttons.accepted.connect(self._accept)
        source_form = QFormLayout()
        source_form.addRow(self.tr("Draft from"), self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(source_form)
        layout.addWidget(self.pages)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 300)

    def _accept(self) -> None:
        kind = self.source.currentIndex()
        if kind == FROM_PIPELINE and self.member.currentData() is None:
            self.error.setText(self.tr("Choose a member."))
            return
        if kind == FROM_MEETINGS and (self.first.date_value() is None
                                      or self.last.date_value() is None):
            self.error.setText(self.tr("Enter the first and the last day."))
            return
        self.accept()


class StepDialog(QDialog):
    """Who did a step (审核, 审批) and on which day."""

    def __init__(
        self, title: str, who: str, today: date, hint: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.who = QLineEdit(who)
        self.who.setMaxLength(50)
        self.day = DateField()
        self.day.set_date(today)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("By"), self.who)
        form.addRow(self.tr("On"), self.day)
        buttons = _buttons(self, title)
        buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        if hint:
            note = QLabel(hint)
            note.setWordWrap(True)
            note.setStyleSheet(HINT_STYLE)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 420, 180)

    def _accept(self) -> None:
        if not self.who.text().strip() or self.day.date_value() is None:
            self.error.setText(self.tr("Enter who and the day."))
            return
        self.accept()


class FeedbackDialog(QDialog):
    """A response received during the 公示期 (those from the platform arrive by sync)."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a response"))
        self.day = DateField()
        self.day.set_date(today)
        self.channel = QComboBox()
        for channel in CHANNELS:
            if channel != "platform":
                self.channel.addItem(channel_label(channel), channel)
        self.author = QLineEdit()
        self.author.setPlaceholderText(self.tr("Empty: anonymous"))
        self.content = QPlainTextEdit()
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Received on"), self.day)
        form.addRow(self.tr("How"), self.channel)
        form.addRow(self.tr("From"), self.author)
        form.addRow(self.tr("Content"), self.content)
        buttons = _buttons(self, self.tr("Record"))
        buttons.accepted.connect(self._accept)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 480, 320)

    def _accept(self) -> None:
        if not self.content.toPlainText().strip() or self.day.date_value() is None:
            self.error.setText(self.tr("Enter the day and what was said."))
            return
        self.accept()
