"""Dues arrears on 工作台 and under 党费 › 欠费提醒: a reminder at three months, prominent at five,
cleared by a payment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.dues import ArrearsLevel
from app.services import dues, dues_folds
from app.services.workspace import Workspace
from tests.ui.dues.helpers import Screenshot, focused, press_enter, show, type_text, wait_for_task
from ui.dues.month_model import Col
from ui.dues.page import DuesPage
from ui.dues.reminders import PROMINENT_STYLE, WARNING_STYLE
from ui.shell.dashboard import DashboardPage

D = Decimal


class Clock:
    def __init__(self, today: date) -> None:
        self.today = today

    def __call__(self) -> date:
        return self.today


def stale(workspace: Workspace) -> bool:
    with workspace.unit_of_work(read_only=True) as uow:
        return dues_folds.any_stale(uow)


def test_arrears_warn_at_three_months_are_prominent_at_five_and_clear_on_payment(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], screenshot: Screenshot
) -> None:
    with workspace.unit_of_work() as uow:
        for month in range(1, 6):
            dues.generate_month(uow, Month(2025, month))
        dues.record_payment(uow, branch["worker"], date(2025, 1, 20), [Month(2025, 1)],
                            D("48.00"))
        dues.record_payment(uow, branch["retiree"], date(2025, 1, 20),
                            [Month(2025, m) for m in range(1, 6)], D("125.00"))
        uow.commit()
    clock = Clock(date(2025, 4, 2))
    dashboard = DashboardPage(workspace, today=clock)
    show(qtbot, dashboard, 850, 900)
    assert stale(workspace)  # the months just generated: every member's dues fold is stale
    with qtbot.waitSignal(dashboard.sections["arrears"].loaded):  # worked out off the GUI thread
        dashboard.refresh()
    assert not stale(workspace)  # kept by the reminder, off the GUI thread
    # 赵生 (student) January to March unpaid: three months, a reminder; 王工 only two
    assert dashboard.sections["arrears"].shown() == [("赵生", ArrearsLevel.WARNING)]
    assert dashboard.sections["arrears"].isVisible()
    assert dashboard.sections["arrears"].labels[0].styleSheet() == WARNING_STYLE
    assert "连续 3 个月未交" in dashboard.sections["arrears"].labels[0].text()

    clock.today = date(2025, 6, 2)
    with qtbot.waitSignal(dashboard.sections["arrears"].loaded):
        dashboard.refresh()
    assert dashboard.sections["arrears"].shown() == [("赵生", ArrearsLevel.SEVERE),
                                         ("王工", ArrearsLevel.WARNING)]
    prominent = dashboard.sections["arrears"].labels[0]
    assert prominent.styleSheet() == PROMINENT_STYLE  # red, bold, boxed
    assert "第十三条" in prominent.text()
    assert "第十三条" in dashboard.sections["arrears"].note_label.text()
    screenshot(dashboard, "dues-08-dashboard-arrears")

    page = DuesPage(workspace, today=clock)
    show(qtbot, page)
    page.changed.connect(dashboard.refresh)
    page.refresh()
    with qtbot.waitSignal(page.arrears_tab.loaded, timeout=10000):  # off the GUI thread
        page.tabs.setCurrentWidget(page.arrears_tab)
    assert page.arrears_tab.rows() == [("赵生", 5, "severe"), ("王工", 4, "warning")]
    screenshot(page, "dues-09-arrears-tab")

    # 赵生 pays March: January-February and April-May are two-month gaps, no longer a run of 3
    page.tabs.setCurrentWidget(page.month_tab)
    tab = page.month_tab
    tab.month_edit.set_month(Month(2025, 3))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.line(r).name == "赵生")
    tab.table.setCurrentIndex(tab.model.index(row, Col.AMOUNT))
    tab.table.setFocus()
    type_text(qtbot, "0.2")
    press_enter(qtbot, tab.table)
    # the page's change refreshes 工作台
    with qtbot.waitSignal(dashboard.sections["arrears"].loaded):
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        wait_for_task(qtbot, tab)
    assert dashboard.sections["arrears"].shown() == [("王工", ArrearsLevel.WARNING)]
    assert not stale(workspace)  # the payment's member kept again
    with qtbot.waitSignal(page.arrears_tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(page.arrears_tab)
    assert page.arrears_tab.rows() == [("王工", 4, "warning")]
