"""党费 › 月度收缴: a month's entry from the keyboard with a partial payment, marking rows as paid
in full, a back payment that needs a note, a typing mistake that stops the save, and the annual
ledger exported from the tab."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.services import dues
from tests.ui.dues.helpers import (
    Screenshot,
    commit_text,
    focused,
    press_enter,
    rows,
    type_text,
    wait_for_task,
)
from ui.dues.month_model import Col
from ui.dues.page import DuesPage

D = Decimal


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


def test_an_amount_recorded_before_a_dated_change_is_found_and_worked_out_again(
    qtbot: QtBot, page: DuesPage, workspace, branch: dict[str, str], screenshot: Screenshot
) -> None:
    """王工 retires from June, recorded after June was generated: “Check amounts…” names him
    (48.00 recorded, 24.00 now: 0.5% of 4,800), and after “Work them out again” June says 24.00."""
    from datetime import date

    from app.domain.dues import PersonCategory
    from app.services import dues_terms

    tab = page.month_tab
    tab.generate()
    wait_for_task(qtbot, tab)
    tab.recheck()
    wait_for_task(qtbot, tab)
    assert "都与" in tab.feedback_label.text() or "相符" in tab.feedback_label.text()
    with workspace.unit_of_work() as uow:
        dues_terms.change_category(uow, branch["worker"], Month(2025, 6), PersonCategory.RETIRED,
                                   date(2025, 6, 16))
        uow.commit()
    tab.recheck()
    wait_for_task(qtbot, tab)
    box = tab.recheck_box
    assert box is not None
    assert "王工：已记录 48.00 元，现应为 24.00 元" in box.text()
    screenshot(box, "dues-recheck-question")
    box.buttons()[0].click()  # 重新计算
    wait_for_task(qtbot, tab)
    assert ("王工", "24.00") in {(r[Col.NAME], r[Col.DUE]) for r in rows(tab.model)}
    assert "重新计算" in tab.feedback_label.text()
