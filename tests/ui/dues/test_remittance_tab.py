"""党费 › 上缴记录: a remittance is recorded and compared with what was collected."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.services import dues
from tests.ui.dues.helpers import Screenshot
from ui.dues.page import DuesPage

D = Decimal


def test_a_remittance_is_recorded_and_reconciled(
    qtbot: QtBot, page: DuesPage, branch: dict[str, str], screenshot: Screenshot
) -> None:
    with page._workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month(2025, 5))
        dues.record_payment(uow, branch["worker"], date(2025, 5, 8), [Month(2025, 5)],
                            D("48.00"))
        dues.record_payment(uow, branch["retiree"], date(2025, 5, 9), [Month(2025, 5)],
                            D("25.00"))
        uow.commit()
    tab = page.remittance_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):  # worked out off the GUI thread
        page.tabs.setCurrentWidget(page.remittance_tab)
    assert tab.collected_label.text() == "73.00 元"
    assert tab.difference_label.text() == "73.00 元"
    tab.first_edit.set_month(Month(2025, 1))
    tab.last_edit.set_month(Month(2025, 6))
    qtbot.keyClicks(tab.amount_edit, "70")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return)
    assert "已记录" in tab.feedback_label.text()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 2).text() == "70.00"  # type: ignore[union-attr]
    assert tab.remitted_label.text() == "70.00 元"
    assert tab.difference_label.text() == "3.00 元"
    qtbot.keyClicks(tab.amount_edit, "abc")
    assert not tab.record()
    assert tab.table.rowCount() == 1
    screenshot(page, "dues-07-remittances")
