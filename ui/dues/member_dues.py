"""One member's dues history: every month due and paid, the payments, and their correction.

``MemberDuesHistory`` is a widget (the member page may embed it); ``MemberDuesDialog`` shows it
in a window (the 党费 page opens it on a double-click). A wrong payment is never edited: 冲销
records a reversal with its reason (``app.services.dues.reverse``), and the right payment is then
entered again. Everything shown is read through the services; nothing is computed here but
sums for display.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import dues as rules
from app.errors import BranchDeskError, InvalidInputError
from app.services import dues, members
from app.services.workspace import Workspace
from ui.common import dues_texts
from ui.common.dues_texts import month_text, months_text, yuan_text
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.dues.member_terms import MemberDuesTerms
from ui.widgets.edits import on_user_edit

Today = Callable[[], date]
MONEY_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _item(text: str, money: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    if money:
        item.setTextAlignment(MONEY_ALIGNMENT)
    return item


def _table(headers: list[str], money_columns: set[int], widths: tuple[int, ...]) -> QTableWidget:
    """A read-only table; ``widths`` of the columns but the last, which takes the rest."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    for column in money_columns:
        header_item = table.horizontalHeaderItem(column)
        if header_item is not None:
            header_item.setTextAlignment(MONEY_ALIGNMENT)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    for column, width in enumerate(widths):
        table.setColumnWidth(column, width)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class MemberDuesHistory(QWidget):
    """``changed(member_id)`` after a payment of the member was reversed."""

    changed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        member_id: str,
        today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._member_id = member_id
        self._today = today
        self.payments: list[rules.Payment] = []

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.unallocated_label = QLabel()
        self.unallocated_label.setWordWrap(True)
        self.unallocated_label.setStyleSheet(ERROR_STYLE)
        self.unallocated_label.hide()

        self.months_table = _table(
            [self.tr("Month"), self.tr("Due"), self.tr("Paid"), self.tr("Unpaid"),
             self.tr("State")],
            {1, 2, 3}, (110, 100, 100, 100),
        )
        months_box = QGroupBox(self.tr("Month by month"))
        QVBoxLayout(months_box).addWidget(self.months_table)

        self.payments_table = _table(
            [self.tr("Paid on"), self.tr("For"), self.tr("Amount"), self.tr("Of which voluntary"),
             self.tr("Paid by"), self.tr("Method"), self.tr("Note")],
            {2, 3}, (96, 160, 70, 96, 70, 56),
        )
        self.payments_table.itemSelectionChanged.connect(self._update_buttons)
        self.reverse_button = QPushButton(self.tr("Reverse the selected payment…"))
        self.reverse_button.setToolTip(
            self.tr("A wrong payment is not edited: it is reversed with a reason, and the right "
                    "payment is then entered again.")
        )
        self.reverse_button.clicked.connect(self.reverse_selected)
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)
        payments_box = QGroupBox(self.tr("Payments"))
        payments_layout = QVBoxLayout(payments_box)
        payments_layout.addWidget(self.payments_table)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reverse_button)
        buttons.addWidget(self.feedback_label, 1)
        payments_layout.addLayout(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.unallocated_label)
        layout.addWidget(months_box, 3)
        layout.addWidget(payments_box, 2)
        self._update_buttons()

    @property
    def member_id(self) -> str:
        return self._member_id

    def refresh(self) -> None:
        """Read the member's ledger again. Raises BranchDeskError (e.g. locked)."""
        with self._workspace.unit_of_work(read_only=True) as uow:
            ledger = dues.member_ledger(uow, self._member_id)
            self.payments = dues.member_payments(uow, self._member_id)
        self._show(ledger)

    def clear(self) -> None:
        self.payments = []
        self.summary_label.clear()
        self.unallocated_label.hide()
        self.months_table.setRowCount(0)
        self.payments_table.setRowCount(0)
        self.feedback_label.clear()
        self._update_buttons()

    def month_rows(self) -> list[tuple[str, ...]]:
        """What the months table shows (for tests and the member page)."""
        return [
            tuple(self._cell(self.months_table, r, c) for c in range(5))
            for r in range(self.months_table.rowCount())
        ]

    @staticmethod
    def _cell(table: QTableWidget, row: int, column: int) -> str:
        item = table.item(row, column)
        return item.text() if item is not None else ""

    def _show(self, ledger: rules.MemberLedger) -> None:
        self.summary_label.setText(self.tr(
            "Due in total {due} yuan · paid {paid} yuan · unpaid {unpaid} yuan · voluntary "
            "{voluntary} yuan"
        ).format(due=yuan_text(ledger.total_due), paid=yuan_text(ledger.total_paid),
                 unpaid=yuan_text(ledger.outstanding), voluntary=yuan_text(ledger.voluntary)))
        if ledger.unallocated > 0:
            self.unallocated_label.setStyleSheet(ERROR_STYLE)
            self.unallocated_label.setText(self.tr(
                "{amount} yuan was paid beyond what the months it named still owed. Check it: "
                "reverse the payment and enter it again for the right months."
            ).format(amount=yuan_text(ledger.unallocated)))
            self.unallocated_label.show()
        elif ledger.prepaid > 0:
            self.unallocated_label.setStyleSheet(HINT_STYLE)
            self.unallocated_label.setText(self.tr(
                "{amount} yuan was paid ahead: it is set against the following months once "
                "their dues are generated."
            ).format(amount=yuan_text(ledger.prepaid)))
            self.unallocated_label.show()
        else:
            self.unallocated_label.hide()

        balances = sorted(ledger.months.values(), key=lambda b: b.month, reverse=True)
        self.months_table.setRowCount(len(balances))
        for row, balance in enumerate(balances):
            if balance.due == 0 and balance.paid == 0:
                state = ""
            elif balance.settled:
                state = self.tr("paid in full")
            elif balance.paid > 0:
                state = self.tr("partly paid")
            else:
                state = self.tr("not paid")
            cells = [
                _item(month_text(balance.month)),
                _item(yuan_text(balance.due), money=True),
                _item(yuan_text(balance.paid), money=True),
                _item(yuan_text(balance.outstanding), money=True),
                _item(state),
            ]
            for column, item in enumerate(cells):
                self.months_table.setItem(row, column, item)

        shown = list(reversed(self.payments))  # newest first
        self.payments_table.setRowCount(len(shown))
        for row, payment in enumerate(shown):
            cells = [
                _item(payment.paid_on.isoformat()),
                _item(months_text(payment.months)),
                _item(yuan_text(payment.amount), money=True),
                _item(yuan_text(payment.voluntary), money=True),
                _item(payment.payer or ""),
                _item(dues_texts.method_text(payment.method)),
                _item(payment.note or ""),
            ]
            cells[0].setData(Qt.ItemDataRole.UserRole, payment.event_id)
            for column, item in enumerate(cells):
                self.payments_table.setItem(row, column, item)
        self._update_buttons()

    def _selected_payment(self) -> rules.Payment | None:
        rows = {index.row() for index in self.payments_table.selectedIndexes()}
        if len(rows) != 1:
            return None
        item = self.payments_table.item(rows.pop(), 0)
        event_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((p for p in self.payments if p.event_id == event_id), None)

    def select_payment(self, row: int) -> None:
        self.payments_table.selectRow(row)

    def _update_buttons(self) -> None:
        self.reverse_button.setEnabled(self._selected_payment() is not None)

    def reverse_selected(self) -> ReverseDialog | None:
        payment = self._selected_payment()
        if payment is None:
            return None
        dialog = ReverseDialog(self._workspace, payment, self._today, self)
        dialog.reversed.connect(self._after_reversal)
        dialog.open()
        return dialog

    def _after_reversal(self, _event_id: str) -> None:
        try:
            self.refresh()
        except BranchDeskError as error:
            self.feedback_label.setStyleSheet(ERROR_STYLE)
            self.feedback_label.setText(message_for(error))
            return
        self.feedback_label.setStyleSheet(NOTICE_STYLE)
        self.feedback_label.setText(self.tr("The payment was reversed."))
        self.changed.emit(self._member_id)


class ReverseDialog(QDialog):
    """Ask for the reason and reverse one payment. ``reversed(event_id)`` when done."""

    reversed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        payment: rules.Payment,
        today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._payment = payment
        self._today = today
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Reverse a payment"))
        self.setMinimumWidth(460)

        explanation = QLabel(self.tr(
            "The payment stays in the ledger with a reversal beside it; its months count as "
            "unpaid again. Enter the right payment afterwards if there is one."
        ))
        explanation.setWordWrap(True)
        explanation.setStyleSheet(HINT_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("Paid on:"), QLabel(payment.paid_on.isoformat()))
        form.addRow(self.tr("For:"), QLabel(months_text(payment.months)))
        form.addRow(self.tr("Amount:"), QLabel(self.tr("{amount} yuan").format(
            amount=yuan_text(payment.amount))))
        self.reason_edit = QLineEdit()
        self.reason_edit.setPlaceholderText(self.tr("e.g. amount entered wrongly"))
        form.addRow(self.tr("Reason:"), self.reason_edit)
        self.message_label = QLabel()
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet(ERROR_STYLE)
        on_user_edit(self.reason_edit, self.message_label.clear)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Reverse"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        try:
            with self._workspace.unit_of_work() as uow:
                reversal = dues.reverse(uow, self._payment.event_id, self._today(),
                                        self.reason_edit.text())
                uow.commit()
        except InvalidInputError as error:
            self.message_label.setText(" ".join(
                dues_texts.problem_text(p.code) if p.field != "reason"
                else self.tr("Write the reason for the reversal.")
                for p in error.problems
            ))
            return
        except BranchDeskError as error:
            self.message_label.setText(message_for(error))
            return
        self.reversed.emit(reversal)
        self.accept()


class MemberDuesDialog(QDialog):
    """``MemberDuesHistory`` in a window, titled with the member's name."""

    changed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        member_id: str,
        today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 760, 560)
        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.history = MemberDuesHistory(workspace, member_id, today, self)
        self.history.changed.connect(self.changed)
        self.terms = MemberDuesTerms(workspace, member_id, today, self)
        self.terms.changed.connect(self.changed)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.terms)
        layout.addWidget(self.history, 1)
        layout.addWidget(close)
        with workspace.unit_of_work(read_only=True) as uow:
            name = members.get_member(uow, member_id).data.name
        self.setWindowTitle(self.tr("Dues of {name}").format(name=name))
        self.heading.setText(self.tr("Dues of {name}").format(name=name))
        self.history.refresh()
        self.terms.refresh()
