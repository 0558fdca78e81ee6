"""党费 › 上缴记录: record what was handed to the higher party committee, and compare the
year's collections with its remittances.

The comparison is folded from the whole ledger (seconds for 10,000 members), so it is worked out
off the GUI thread (``LatestOnly``: the newest reload wins) while a line in its place says so.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import Month
from app.domain.money import parse_yuan
from app.errors import BranchDeskError, InvalidInputError
from app.services import dues
from app.services.dues import RemittanceSummary
from app.services.workspace import Workspace
from ui.common import dues_texts
from ui.common.dues_texts import yuan_text
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import LatestOnly
from ui.dues.operations import remittance_summary_operation
from ui.dues.tab_parts import MONEY_ALIGNMENT, MonthEdit, Today, day_of, feedback, qdate


class RemittanceTab(QWidget):
    """Record a remittance to the higher committee; compare collections with remittances.

    The comparison is folded from the whole ledger, so ``reload`` works it out off the GUI thread
    (``LatestOnly``) while a line in its place says so; ``loaded`` is emitted when it is shown
    (its figures, or why they could not be worked out).
    """

    changed = Signal()
    loaded = Signal()

    def __init__(self, workspace: Workspace, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        now = today()

        self.date_edit = QDateEdit()
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDate(qdate(now))
        self.date_edit.setMaximumWidth(150)
        self.first_edit = MonthEdit()
        self.first_edit.set_month(Month(now.year, 1))
        self.last_edit = MonthEdit()
        self.last_edit.set_month(Month.of(now))
        self.amount_edit = QLineEdit()
        self.amount_edit.setAlignment(MONEY_ALIGNMENT)
        self.amount_edit.setPlaceholderText(self.tr("e.g. 1166.70"))
        self.amount_edit.setMaximumWidth(160)
        self.amount_edit.returnPressed.connect(self.record)
        self.centre_check = QCheckBox(self.tr(
            "Voluntary dues of 1000 yuan or more, remitted wholly to the centre (art. 11)"
        ))
        self.record_button = QPushButton(self.tr("Record remittance"))
        self.record_button.clicked.connect(self.record)
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        period = QHBoxLayout()
        period.addWidget(self.first_edit)
        period.addWidget(QLabel(self.tr("to")))
        period.addWidget(self.last_edit)
        period.addStretch(1)
        form_box = QGroupBox(self.tr("Record a remittance to the higher party committee"))
        form = QFormLayout(form_box)
        form.addRow(self.tr("Remitted on:"), self.date_edit)
        form.addRow(self.tr("Collections of:"), period)
        form.addRow(self.tr("Amount (yuan):"), self.amount_edit)
        form.addRow("", self.centre_check)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.feedback_label, 1)
        form.addRow("", buttons)

        self.year_spin = QSpinBox()
        self.year_spin.setRange(2000, 2099)
        self.year_spin.setValue(now.year)
        self.year_spin.valueChanged.connect(lambda _y: self.reload())
        self.year_spin.setMaximumWidth(90)
        self.collected_label = QLabel()
        self.remitted_label = QLabel()
        self.difference_label = QLabel()
        self.centre_label = QLabel()
        for label in (self.collected_label, self.remitted_label, self.difference_label,
                      self.centre_label):
            label.setAlignment(MONEY_ALIGNMENT)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        reconcile_box = QGroupBox(self.tr("Collections and remittances"))
        reconcile = QFormLayout(reconcile_box)
        self._reconcile_form = reconcile
        reconcile.addRow(self.tr("Year:"), self.year_spin)
        reconcile.addRow(self.status_label)
        reconcile.setRowVisible(self.status_label, False)
        reconcile.addRow(self.tr("Collected (by date paid):"), self.collected_label)
        reconcile.addRow(self.tr("Remitted for the year:"), self.remitted_label)
        reconcile.addRow(self.tr("Not yet remitted:"), self.difference_label)
        reconcile.addRow(self.tr("Of all collections, for the centre (art. 11):"),
                         self.centre_label)

        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([
            self.tr("Remitted on"), self.tr("Collections of"), self.tr("Amount"),
            self.tr("To the centre"),
        ])
        amount_header = self.table.horizontalHeaderItem(2)
        if amount_header is not None:
            amount_header.setTextAlignment(MONEY_ALIGNMENT)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for column, width in enumerate((110, 220, 110)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setStretchLastSection(True)

        upper = QHBoxLayout()
        upper.addWidget(form_box, 3)
        upper.addWidget(reconcile_box, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(upper)
        layout.addWidget(QLabel(self.tr("Remittances recorded:")))
        layout.addWidget(self.table, 1)
        self._latest = LatestOnly(self, self._arrived, self._failed)

    @property
    def busy(self) -> bool:
        """True from ``reload`` until its figures are shown."""
        return self._latest.busy

    def reload(self) -> None:
        """Work out the year's figures and the remittances off the GUI thread; a line says so
        meanwhile (figures shown before may be out of date: hence the reload)."""
        self._clear_figures()
        self._show_status(self.tr("Adding up the collections and remittances…"), HINT_STYLE)
        self._latest.run(remittance_summary_operation(self._workspace,
                                                      self.year_spin.value()))

    def _arrived(self, summary: RemittanceSummary) -> None:
        self._show_status("", HINT_STYLE)
        self.show_summary(summary)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        self._show_status(self.tr("The collections and remittances could not be added up: "
                                  "{reason}").format(reason=message_for(error)), ERROR_STYLE)
        self.loaded.emit()

    def _show_status(self, text: str, style: str) -> None:
        """``text`` in the line under the year (hidden when empty)."""
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        self._reconcile_form.setRowVisible(self.status_label, bool(text))

    def _clear_figures(self) -> None:
        self.table.setRowCount(0)
        for label in (self.collected_label, self.remitted_label, self.difference_label,
                      self.centre_label):
            label.clear()

    def show_summary(self, summary: RemittanceSummary) -> None:
        remittances = summary.remittances
        self.table.setRowCount(len(remittances))
        for row, remittance in enumerate(remittances):
            cells = [
                QTableWidgetItem(remittance.remitted_on.isoformat()),
                QTableWidgetItem(dues_texts.period_text(remittance.first, remittance.last)),
                QTableWidgetItem(yuan_text(remittance.amount)),
                QTableWidgetItem(self.tr("yes") if remittance.to_centre else ""),
            ]
            cells[2].setTextAlignment(MONEY_ALIGNMENT)
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.centre_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(summary.for_centre)))
        result = summary.reconciliation
        if result is None:
            self.collected_label.setText(self.tr("{amount} yuan").format(
                amount=yuan_text(summary.collected)))
            self.remitted_label.setText(self.tr("a remittance spans two years"))
            self.difference_label.clear()
            return
        self.collected_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(result.collected)))
        self.remitted_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(result.remitted)))
        self.difference_label.setText(self.tr("{amount} yuan").format(
            amount=yuan_text(result.difference)))
        self.difference_label.setStyleSheet(NOTICE_STYLE if result.balanced else ERROR_STYLE)

    def clear(self) -> None:
        """Forget what is shown (the data was locked); a computation still running is ignored."""
        self._latest.drop()
        self._clear_figures()
        self._show_status("", HINT_STYLE)
        self.feedback_label.clear()

    def has_unsaved_work(self) -> bool:
        return bool(self.amount_edit.text().strip())

    def unsaved_work_title(self) -> str:
        return self.tr("Party dues, remittances: a remittance typed")

    def save_unsaved_work(self) -> bool:
        return self.record()

    def record(self) -> bool:
        try:
            amount = parse_yuan(self.amount_edit.text())
        except ValueError:
            feedback(self.feedback_label, self.tr("Type the amount, e.g. 1166.70."), ok=False)
            self.amount_edit.setFocus()
            return False
        first, last = self.first_edit.month(), self.last_edit.month()
        if last < first:
            feedback(self.feedback_label, self.tr("The period ends before it starts."),
                     ok=False)
            return False
        remitted_on = day_of(self.date_edit)
        try:
            with self._workspace.unit_of_work() as uow:
                dues.record_remittance(uow, remitted_on, first, last, amount,
                                       to_centre=self.centre_check.isChecked())
                uow.commit()
        except InvalidInputError as error:
            feedback(self.feedback_label, self.tr(
                "Not recorded: the amount must be above 0 and in whole fen."
            ) if error.problems else message_for(error), ok=False)
            return False
        except BranchDeskError as error:
            feedback(self.feedback_label, message_for(error), ok=False)
            return False
        self.amount_edit.clear()
        self.centre_check.setChecked(False)
        feedback(self.feedback_label, self.tr("Recorded: {amount} yuan for {period}.").format(
            amount=yuan_text(amount), period=dues_texts.period_text(first, last)), ok=True)
        self.reload()
        self.changed.emit()
        return True
