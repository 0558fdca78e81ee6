"""党费 › 基数核定: bases typed from the keyboard (fixed-amount rows passed over), then the month
generates from them; bases from a payroll file are shown before they are imported."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.services import dues
from tests.conftest import id_number as number
from tests.ui.dues.helpers import Screenshot, focused, press_enter, type_text, wait_for_task
from ui.dues.bases_model import BaseCol
from ui.dues.page import DuesPage

D = Decimal


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
