"""The 党费 page: a member's history opened by double-click, with a reversal that reloads the
page; the main window shows the page, and locking clears it while what was typed is kept."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.services import dues
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.ui.dues.helpers import Screenshot, commit_text, show
from ui.dues.member_dues import MemberDuesDialog, ReverseDialog
from ui.dues.month_model import Col
from ui.dues.page import DuesPage
from ui.shell.main_window import MainWindow

D = Decimal


def test_history_by_double_click_and_a_reversal_with_its_reason(
    qtbot: QtBot, page: DuesPage, branch: dict[str, str], screenshot: Screenshot
) -> None:
    with page._workspace.unit_of_work() as uow:
        for month in (Month(2025, 4), Month(2025, 5), Month(2025, 6)):
            dues.generate_month(uow, month)
        dues.record_payment(uow, branch["worker"], date(2025, 5, 10),
                            [Month(2025, 4), Month(2025, 5)], D("96.00"))
        dues.record_payment(uow, branch["worker"], date(2025, 6, 10), [Month(2025, 6)],
                            D("84.00"), note="多录")
        uow.commit()
    page.month_tab.reload()
    row = next(r for r in range(page.month_tab.model.rowCount())
               if page.month_tab.model.line(r).name == "王工")
    rect = page.month_tab.table.visualRect(page.month_tab.model.index(row, Col.NAME))
    viewport = page.month_tab.table.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.history_dialog
    assert isinstance(dialog, MemberDuesDialog)
    qtbot.waitExposed(dialog)
    history = dialog.history
    assert dialog.windowTitle() == "王工的党费"
    assert history.month_rows()[0] == ("2025年6月", "48.00", "48.00", "0.00", "已交清")
    assert "36.00" in history.unallocated_label.text()  # 84.00 for a month of 48.00
    history.select_payment(0)  # newest first: the wrong one
    screenshot(dialog, "dues-04-member-history")

    reverse = history.reverse_selected()
    assert isinstance(reverse, ReverseDialog)
    qtbot.waitExposed(reverse)
    reverse.submit()  # no reason
    assert "原因" in reverse.message_label.text()
    commit_text(reverse.reason_edit, "金额录错")
    screenshot(reverse, "dues-05-reverse")
    reverse.submit()
    qtbot.waitUntil(lambda: "已冲销" in history.feedback_label.text())
    assert history.month_rows()[0] == ("2025年6月", "48.00", "0.00", "48.00", "未交")
    assert len(history.payments) == 1
    assert page.month_tab.model.index(row, Col.PAID).data() == "0.00"  # page reloaded


def test_the_window_shows_the_page_and_locking_clears_it(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str]
) -> None:
    with workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month.of(date.today()))
        uow.commit()
    window = MainWindow(workspace)
    show(qtbot, window, 1000, 680)
    window.show_page(3)
    assert window.pages.currentWidget() is window.dues
    assert window.dues.month_tab.model.rowCount() == 3
    window.dues.month_tab.model.setData(window.dues.month_tab.model.index(0, Col.AMOUNT), "5")
    window.lock()
    assert window.dues.month_tab.model.rowCount() == 0
    assert window.dues.month_tab.totals_label.text().startswith("应交 0.00")
    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10000)
    assert window.dues.month_tab.model.rowCount() == 3
    assert window.dues.month_tab.model.index(0, Col.AMOUNT).data() == "5.00"  # typed text kept
