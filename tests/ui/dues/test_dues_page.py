"""党费 page: a month's entry from the keyboard, a back payment that needs a note, the yearly
bases, remittances, arrears on 工作台 (month 3, month 5, cleared by a payment), a member's history
with a reversal, lock/unlock, and the table models."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.dues import ArrearsLevel, PersonCategory
from app.services import dues
from app.services import members as m
from app.services.dues import BaseLine, MonthLine
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.conftest import id_number as number
from ui.dues.bases_model import BaseCol, DuesBaseModel
from ui.dues.member_dues import MemberDuesDialog, ReverseDialog
from ui.dues.month_model import Col, DuesMonthModel
from ui.dues.page import DuesPage
from ui.dues.reminders import PROMINENT_STYLE, WARNING_STYLE
from ui.shell.dashboard import DashboardPage
from ui.shell.main_window import MainWindow
from ui.widgets.entry_table import EntryTableView

Screenshot = Callable[[QWidget, str], Path]
D = Decimal
TODAY = date(2025, 6, 16)


class Clock:
    def __init__(self, today: date) -> None:
        self.today = today

    def __call__(self) -> date:
        return self.today


@pytest.fixture
def branch(workspace: Workspace) -> dict[str, str]:
    """李老 (retired, 25.00), 王工 (in work, 48.00), 赵生 (student, 0.20), 孙无基数 (no base)."""
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2024, 1, 1)),
            "retiree": m.create_member(uow, m.MemberInput(
                name="李老", id_number=number(2), category=PersonCategory.RETIRED),
                date(2024, 1, 1)),
            "student": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(3), category=PersonCategory.STUDENT),
                date(2024, 1, 1)),
            "nobase": m.create_member(uow, m.MemberInput(name="孙无基数", id_number=number(4)),
                                      date(2024, 1, 1)),
        }
        dues.set_base(uow, ids["worker"], Month(2024, 1), D("4800.00"))  # 1%: 48.00
        dues.set_base(uow, ids["retiree"], Month(2024, 1), D("5000.00"))  # 0.5%: 25.00
        uow.commit()
    return ids


def show(qtbot: QtBot, widget: QWidget, width: int = 980, height: int = 640) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace, branch: dict[str, str]) -> DuesPage:
    widget = DuesPage(workspace, today=lambda: TODAY)
    show(qtbot, widget)
    widget.refresh()
    return widget


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type as a person does: each key goes to whatever has the focus (the table, then the
    editor it opened)."""
    for character in text:
        qtbot.keyClick(focused(), character)


def commit_text(widget: QWidget, text: str) -> None:
    """Chinese text as an input method commits it (QTest types only ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press_enter(qtbot: QtBot, view: EntryTableView) -> None:
    row = view.currentIndex().row()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    last = view.model().rowCount() - 1
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState
                    and view.currentIndex().row() == min(row + 1, last))


def wait_for_task(qtbot: QtBot, tab: object) -> None:
    task = tab.last_task  # type: ignore[attr-defined]
    if task is not None:
        with qtbot.waitSignal(task.finished, timeout=10000):
            pass
    qtbot.waitUntil(lambda: tab.last_task is None)  # type: ignore[attr-defined]
    # The progress dialog was the active window; the window manager gives the activation
    # back to the page when it closes (the offscreen platform has no window manager).
    window = tab.window()  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def rows(model: DuesMonthModel) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


# ---------------------------------------------------------------- the monthly entry


def test_a_month_entered_from_the_keyboard_with_a_partial_payment(
    qtbot: QtBot, page: DuesPage, screenshot: Screenshot
) -> None:
    tab = page.month_tab
    assert tab.month == Month(2025, 6)
    assert "尚未" in tab.feedback_label.text()  # nothing generated yet, and it says what to do
    tab.table.setFocus()

    qtbot.keyClick(focused(), Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    assert tab.last_task is not None
    wait_for_task(qtbot, tab)
    assert "孙无基数" in tab.feedback_label.text()  # named, not an id
    assert "基数" in tab.feedback_label.text()
    assert [r[0] for r in rows(tab.model)] == ["李老", "王工", "赵生"]
    assert [r[2] for r in rows(tab.model)] == ["25.00", "48.00", "0.20"]
    assert tab.table.currentIndex().column() == Col.AMOUNT  # ready to type
    assert tab.table.currentIndex().row() == 0
    assert "应交 73.20" in tab.totals_label.text()

    type_text(qtbot, "25")
    press_enter(qtbot, tab.table)
    assert tab.model.index(0, Col.AMOUNT).data() == "25.00"
    assert "本次录入 25.00" in tab.totals_label.text()  # live
    type_text(qtbot, "30")  # 王工 pays part of his 48.00
    press_enter(qtbot, tab.table)
    assert tab.table.currentIndex().row() == 2
    assert "部分" in tab.model.index(1, Col.STATUS).data()
    press_enter(qtbot, tab.table)  # 赵生 pays nothing today: Enter skips the row
    assert "本次录入 55.00" in tab.totals_label.text()
    assert "仍未交 18.20" in tab.totals_label.text()
    screenshot(page, "dues-01-month-typed")

    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert tab.last_task is not None
    wait_for_task(qtbot, tab)
    assert "2 笔" in tab.feedback_label.text(), tab.feedback_label.text()
    shown = rows(tab.model)
    assert shown[0][3:5] == ("25.00", "0.00")
    assert shown[1][3:5] == ("30.00", "18.00")
    assert shown[1][Col.AMOUNT] == ""  # saved rows are emptied
    assert "已记录" in shown[1][Col.STATUS]
    assert "已交 55.00" in tab.totals_label.text()
    assert "仍未交 18.20" in tab.totals_label.text()
    screenshot(page, "dues-02-month-saved")

    with page._workspace.unit_of_work() as uow:
        sheet = {line.name: line for line in dues.month_sheet(uow, Month(2025, 6))}
    assert sheet["王工"].paid == D("30.00")
    assert sheet["王工"].outstanding == D("18.00")
    assert sheet["李老"].paid == D("25.00")


def test_mark_all_as_paid_and_flags_for_a_payer_and_the_centre(
    qtbot: QtBot, page: DuesPage
) -> None:
    tab = page.month_tab
    with page._workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month(2025, 6))
        uow.commit()
    tab.reload()
    tab.table.setFocus()
    assert tab.mark_button.text() == "全部按应交标记为已交"
    qtbot.keyClick(focused(), Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert [r[Col.AMOUNT] for r in rows(tab.model)] == ["25.00", "48.00", "0.20"]
    assert "仍未交 0.00" in tab.totals_label.text()
    # 王工 also gives 1000 yuan voluntarily, and his wife hands the money over
    tab.model.setData(tab.model.index(1, Col.AMOUNT), "1048")
    tab.model.setData(tab.model.index(1, Col.VOLUNTARY), "1000")
    tab.model.setData(tab.model.index(1, Col.PAYER), "王工之妻")
    status = tab.model.index(1, Col.STATUS).data()
    assert "中央" in status
    assert "代交" in status
    tab.save()
    wait_for_task(qtbot, tab)
    status = tab.model.index(1, Col.STATUS).data()
    assert "已记录" in status
    assert "中央" in status
    assert tab.model.index(1, Col.OUTSTANDING).data() == "0.00"


def test_a_back_payment_without_a_note_is_refused_beside_the_row(
    qtbot: QtBot, page: DuesPage, screenshot: Screenshot
) -> None:
    tab = page.month_tab
    tab.month_edit.set_month(Month(2024, 11))  # 7 months before June 2025
    tab.generate()
    wait_for_task(qtbot, tab)
    row = tab.model.row_of(next(iter(
        tab.model.member_id(r) for r in range(tab.model.rowCount())
        if tab.model.line(r).name == "王工")))
    assert row is not None
    tab.table.setCurrentIndex(tab.model.index(row, Col.AMOUNT))
    tab.table.setFocus()
    type_text(qtbot, "48")
    press_enter(qtbot, tab.table)
    assert "超过6个月" in tab.model.index(row, Col.STATUS).data()  # told before saving

    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_task(qtbot, tab)
    message = tab.model.index(row, Col.STATUS).data()
    assert "备注" in message
    assert "第十二条" in message
    assert tab.model.row_has_error(row)
    assert "未保存。王工：补交超过6个月" in tab.feedback_label.text()
    assert tab.model.index(row, Col.PAID).data() == "0.00"  # nothing recorded
    assert tab.table.currentIndex() == tab.model.index(row, Col.NOTE)  # cursor on the note
    screenshot(page, "dues-03-back-payment-needs-a-note")

    qtbot.keyClick(focused(), Qt.Key.Key_F2)  # open the note for editing
    commit_text(focused(), "长期外派，支部研究同意补交")
    press_enter(qtbot, tab.table)
    qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_for_task(qtbot, tab)
    assert tab.model.index(row, Col.PAID).data() == "48.00"
    assert "已记录" in tab.model.index(row, Col.STATUS).data()


def test_a_typing_mistake_is_marked_and_nothing_is_saved(qtbot: QtBot, page: DuesPage) -> None:
    tab = page.month_tab
    tab.generate()
    wait_for_task(qtbot, tab)
    tab.start_entry()
    type_text(qtbot, "25")
    press_enter(qtbot, tab.table)
    type_text(qtbot, "4x8")
    press_enter(qtbot, tab.table)
    assert tab.model.row_has_error(1)
    assert tab.save() is None
    assert "改正" in tab.feedback_label.text()
    assert tab.model.index(0, Col.PAID).data() == "0.00"


# ---------------------------------------------------------------- history and reversal


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


# ---------------------------------------------------------------- bases and remittances


def test_bases_typed_from_the_keyboard_then_the_month_generates(
    qtbot: QtBot, page: DuesPage, branch: dict[str, str], screenshot: Screenshot
) -> None:
    tab = page.bases_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):  # read off the GUI thread
        page.tabs.setCurrentWidget(tab)
    model = tab.model
    names = [model.index(r, BaseCol.NAME).data() for r in range(model.rowCount())]
    assert names == ["李老", "孙无基数", "王工", "赵生"]  # by pinyin
    assert model.index(2, BaseCol.PREVIOUS).data() == "4800.00"
    assert model.index(1, BaseCol.STATUS).data() == "尚无基数"
    assert "定额" in model.index(3, BaseCol.STATUS).data()
    assert not model.flags(model.index(3, BaseCol.NEW)) & Qt.ItemFlag.ItemIsEditable
    assert "1 名党员" in tab.missing_label.text()

    tab.table.setCurrentIndex(model.index(1, BaseCol.NEW))  # 李老's pension is unchanged
    tab.table.setFocus()
    type_text(qtbot, "3500")
    press_enter(qtbot, tab.table)
    type_text(qtbot, "5200.5")
    qtbot.keyClick(focused(), Qt.Key.Key_Return)  # 赵生 below pays a fixed amount: Enter stays
    qtbot.waitUntil(lambda: model.index(2, BaseCol.NEW).data() == "5200.50")
    assert tab.table.currentIndex().row() == 2
    assert model.index(2, BaseCol.NEW).data() == "5200.50"
    screenshot(page, "dues-06-bases")
    with qtbot.waitSignal(tab.loaded, timeout=10000):  # saved, then read again
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        wait_for_task(qtbot, tab)
    assert "2 个" in tab.feedback_label.text(), tab.feedback_label.text()
    assert model.index(1, BaseCol.CURRENT).data() == "3500.00"
    assert model.index(2, BaseCol.CURRENT).data() == "5200.50"

    with page._workspace.unit_of_work() as uow:
        result = dues.generate_month(uow, Month(2025, 6))
        uow.commit()
        sheet = {line.name: line.due for line in dues.month_sheet(uow, Month(2025, 6))}
    assert result.missing_base == ()
    assert sheet["孙无基数"] == D("35.00")
    assert sheet["王工"] == D("78.01")  # 5200.50 x 1.5% = 78.0075 -> 78.01


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


# ---------------------------------------------------------------- arrears


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
    with qtbot.waitSignal(dashboard.arrears.loaded):  # worked out off the GUI thread
        dashboard.refresh()
    # 赵生 (student) January to March unpaid: three months, a reminder; 王工 only two
    assert dashboard.arrears.shown() == [("赵生", ArrearsLevel.WARNING)]
    assert dashboard.arrears.isVisible()
    assert dashboard.arrears.labels[0].styleSheet() == WARNING_STYLE
    assert "连续 3 个月未交" in dashboard.arrears.labels[0].text()

    clock.today = date(2025, 6, 2)
    with qtbot.waitSignal(dashboard.arrears.loaded):
        dashboard.refresh()
    assert dashboard.arrears.shown() == [("赵生", ArrearsLevel.SEVERE),
                                         ("王工", ArrearsLevel.WARNING)]
    prominent = dashboard.arrears.labels[0]
    assert prominent.styleSheet() == PROMINENT_STYLE  # red, bold, boxed
    assert "第十三条" in prominent.text()
    assert "第十三条" in dashboard.arrears.note_label.text()
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
    with qtbot.waitSignal(dashboard.arrears.loaded):  # the page's change refreshes 工作台
        qtbot.keyClick(focused(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        wait_for_task(qtbot, tab)
    assert dashboard.arrears.shown() == [("王工", ArrearsLevel.WARNING)]
    with qtbot.waitSignal(page.arrears_tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(page.arrears_tab)
    assert page.arrears_tab.rows() == [("王工", 4, "warning")]


# ---------------------------------------------------------------- lock and the window


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


# ---------------------------------------------------------------- models


def test_the_month_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = DuesMonthModel()
    model.load(Month(2025, 6), [
        MonthLine("a", "甲", PersonCategory.IN_WORK, D("48.00"), D("0.00")),
        MonthLine("b", "乙", PersonCategory.RETIRED, D("25.00"), D("25.00")),
        MonthLine("c", "丙", PersonCategory.STUDENT, D("0.20"), D("0.10")),
    ], date(2025, 6, 16))
    model.setData(model.index(0, Col.AMOUNT), "30")
    model.setData(model.index(2, Col.AMOUNT), "abc")
    model.set_message("b", "已记录", error=False)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, Col.DUE).data(Qt.ItemDataRole.TextAlignmentRole) & int(
        Qt.AlignmentFlag.AlignRight)
    totals = model.totals()
    assert (totals.due, totals.paid, totals.entered, totals.unpaid_after) == (
        D("73.20"), D("25.10"), D("30.00"), D("18.10"))


def test_the_bases_model_passes_the_model_tester(qtmodeltester: object) -> None:
    model = DuesBaseModel()
    model.load([
        BaseLine("a", "甲", PersonCategory.IN_WORK, D("4800.00"), D("4800.00")),
        BaseLine("b", "乙", PersonCategory.STUDENT, None, None),
        BaseLine("c", "丙", PersonCategory.RETIRED, None, None),
    ])
    model.setData(model.index(0, BaseCol.NEW), "5000")
    model.setData(model.index(2, BaseCol.NEW), "x")
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.pending() == ([("a", D("5000"))], [2])
    assert not model.setData(model.index(1, BaseCol.NEW), "100")


def test_bases_from_a_payroll_file_are_shown_before_they_are_imported(
    qtbot: QtBot, page: DuesPage, tmp_path: Path, screenshot: Screenshot
) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    tab = page.bases_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(tab)
    assert tab.import_button.isVisibleTo(page)

    def workbook(name: str, rows: list[list[object]]) -> Path:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "工资表"
        sheet.append(["姓名", "身份证号", "税后工资"])
        for row in rows:
            sheet.append(row)
        path = tmp_path / name
        book.save(path)
        return path

    wrong = workbook("wrong.xlsx", [["孙无基数", number(4), "三千五"]])
    tab.import_payroll(wrong)
    wait_for_task(qtbot, tab)
    dialog = tab.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    lines = [dialog.problems_list.item(i).text()  # type: ignore[attr-defined]
             for i in range(dialog.problems_list.count())]  # type: ignore[attr-defined]
    assert any("wrong.xlsx" in line and "第 2 行" in line and "C" in line for line in lines), lines
    assert not dialog.import_button.isEnabled()  # type: ignore[attr-defined]
    dialog.reject()

    good = workbook("payroll.xlsx", [
        ["孙无基数", number(4), 3500],
        ["王工", number(1), "5200.00"],
        ["赵生", number(3), 800],  # a student pays a fixed amount: left out, with a note
    ])
    tab.import_payroll(good)
    wait_for_task(qtbot, tab)
    dialog = tab.import_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "2 个基数" in dialog.summary_label.text()  # type: ignore[attr-defined]
    screenshot(dialog, "dues-10-payroll-import")
    with qtbot.waitSignal(tab.loaded, timeout=10000):  # imported, then read again
        dialog.import_button.click()  # type: ignore[attr-defined]
        qtbot.waitUntil(
            lambda: tab.last_task is not None or "已导入" in tab.feedback_label.text())
        wait_for_task(qtbot, tab)
    assert "已导入 2 个基数" in tab.feedback_label.text(), tab.feedback_label.text()
    model = tab.model
    current = {model.index(r, BaseCol.NAME).data(): model.index(r, BaseCol.CURRENT).data()
               for r in range(model.rowCount())}
    assert current["孙无基数"] == "3500.00"
    assert current["王工"] == "5200.00"


def test_the_annual_ledger_is_exported_from_the_page(
    qtbot: QtBot, page: DuesPage, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    target = tmp_path / "台账.xlsx"
    task = page.month_tab.export_year(choose=lambda _suggested: str(target))
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20000):
        pass
    qtbot.waitUntil(lambda: "台账" in page.month_tab.feedback_label.text(), timeout=5000)
    workbook = load_workbook(target, read_only=True)
    assert len(workbook.sheetnames) >= 3
    workbook.close()
