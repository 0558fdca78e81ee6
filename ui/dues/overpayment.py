"""The question 月度收缴 asks when more is typed for a member than the month still owes: is
the rest voluntary dues (第十一条), the following months paid ahead, or a slip to correct?

Correcting is the default and what Esc answers. The texts are the month tab's: they are
translated in the ``MonthTab`` context, where the question is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.calendar import Month
from ui.common.branding import app_title
from ui.common.dues_texts import month_text, yuan_text
from ui.dues.month_entry import Overpayment


def overpayment_question(
    parent: QWidget, name: str, owed: Decimal, month: Month, typed: str, excess: Decimal
) -> tuple[QMessageBox, Callable[[], Overpayment]]:
    """The question (not yet opened; it deletes itself when closed) and what reads its answer
    once it has finished."""
    box = QMessageBox(QMessageBox.Icon.Question, app_title(), QCoreApplication.translate(
        "MonthTab",
        "{name} still owes {owed} yuan for {month}, and {amount} yuan was typed: {excess} "
        "yuan more. What is it?").format(
            name=name, owed=yuan_text(owed), month=month_text(month), amount=typed,
            excess=yuan_text(excess)),
        QMessageBox.StandardButton.NoButton, parent)
    choices = {
        box.addButton(QCoreApplication.translate("MonthTab", "Voluntary dues (art. 11)"),
                      QMessageBox.ButtonRole.AcceptRole): Overpayment.VOLUNTARY,
        box.addButton(QCoreApplication.translate("MonthTab", "Pay the following months ahead"),
                      QMessageBox.ButtonRole.AcceptRole): Overpayment.PREPAY,
    }
    correct = box.addButton(QCoreApplication.translate("MonthTab", "Correct the amount"),
                            QMessageBox.ButtonRole.RejectRole)
    choices[correct] = Overpayment.CORRECT
    box.setDefaultButton(correct)
    box.setEscapeButton(correct)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answer() -> Overpayment:
        clicked = box.clickedButton()
        return next((c for b, c in choices.items() if b is clicked), Overpayment.CORRECT)

    return box, answer
