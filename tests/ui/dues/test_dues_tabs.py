"""党费 › 上缴记录 and 欠费提醒 are worked out off the GUI thread, and 基数核定's rows are read
there: the window stays usable while they are, a line says so, one computation runs at a time, a
result nobody wants any more (reloaded again, or locked) is dropped, and a failure is shown in
place.

The real computations run on the real (SQLCipher) database, held at a gate until the test opens
it, so the test decides when they finish."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.errors import DatabaseUnreadableError
from app.services import dues
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE
from tests.conftest import id_number as number
from tests.ui.dues.helpers import TODAY, Screenshot, show
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE
from ui.dues.bases_model import BaseCol
from ui.dues.page import DuesPage
from ui.shell.main_window import MainWindow

D = Decimal
ADDING_UP = "正在计算收缴和上缴情况…"
WORKING_OUT = "正在计算欠缴党费情况…"
READING_BASES = "正在读取党员的党费基数…"


class Gate:
    """Holds a service function (the real one, on the real database) until opened; records the
    argument after the unit of work of each call that started. ``error``, if set, is raised
    instead of calling it."""

    def __init__(self, real: Callable[..., Any]) -> None:
        self.open = threading.Event()
        self.calls: list[object] = []
        self.error: Exception | None = None
        self._real = real

    def __call__(self, uow: object, argument: object, *rest: object) -> Any:
        self.calls.append(argument)
        assert self.open.wait(10), "the test never opened the gate"
        if self.error is not None:
            raise self.error
        return self._real(uow, argument, *rest)


@pytest.fixture
def remittance_gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate(dues.remittance_summary)
    monkeypatch.setattr(dues, "remittance_summary", gate)
    yield gate
    gate.open.set()  # never leave a worker waiting


@pytest.fixture
def arrears_gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate(dues.arrears_list)
    monkeypatch.setattr(dues, "arrears_list", gate)
    yield gate
    gate.open.set()


@pytest.fixture
def bases_gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate(dues.base_lines)
    monkeypatch.setattr(dues, "base_lines", gate)
    yield gate
    gate.open.set()


@pytest.fixture
def branch(workspace: Workspace) -> dict[str, str]:
    """王工 (48.00 a month) pays January to May 2025, 赵生 (student, 0.20) pays nothing: 赵生 is
    five months behind in June. 1000.00 voluntary from 王工 goes to the centre (第十一条); 200.00
    of 2024's collections were remitted in 2024, 150.00 of this year's so far."""
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2024, 1, 1)),
            "student": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(3), category=PersonCategory.STUDENT),
                date(2024, 1, 1)),
        }
        dues.set_base(uow, ids["worker"], Month(2024, 1), D("4800.00"))
        months = [Month(2025, i) for i in range(1, 6)]
        for month in months:
            dues.generate_month(uow, month)
        dues.record_payment(uow, ids["worker"], date(2024, 12, 1), [], D("200.00"),
                            voluntary=D("200.00"))
        dues.record_payment(uow, ids["worker"], date(2025, 5, 8), months, D("1240.00"),
                            voluntary=D("1000.00"))
        dues.record_remittance(uow, date(2024, 12, 20), Month(2024, 12), Month(2024, 12),
                               D("200.00"))
        dues.record_remittance(uow, date(2025, 5, 20), Month(2025, 1), Month(2025, 5),
                               D("150.00"))
        uow.commit()
    return ids


def figures(page: DuesPage) -> tuple[str, str, str, str]:
    tab = page.remittance_tab
    return (tab.collected_label.text(), tab.remitted_label.text(), tab.difference_label.text(),
            tab.centre_label.text())


# ---------------------------------------------------------------- 上缴记录


def test_the_remittance_tab_stays_usable_while_its_figures_are_worked_out(
    qtbot: QtBot, page: DuesPage, remittance_gate: Gate, screenshot: Screenshot
) -> None:
    tab = page.remittance_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: remittance_gate.calls == [2025])  # running on a worker thread
    assert tab.busy
    assert tab.status_label.isVisible()
    assert tab.status_label.text() == ADDING_UP
    assert figures(page) == ("", "", "", "")
    assert tab.table.rowCount() == 0
    screenshot(page, "dues-tabs-01-remittances-pending")

    # The GUI thread is free: the form takes keys meanwhile.
    qtbot.keyClicks(tab.amount_edit, "120.50")
    assert tab.amount_edit.text() == "120.50"
    assert tab.busy

    with qtbot.waitSignal(tab.loaded, timeout=10000):
        remittance_gate.open.set()
    assert not tab.busy
    assert not tab.status_label.isVisible()
    # 2025 (by date paid): 1240.00; remitted for 2025: 150.00; for the centre: 1000.00
    assert figures(page) == ("1240.00 元", "150.00 元", "1090.00 元", "1000.00 元")
    assert [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())] == [  # type: ignore[union-attr]
        "2025-05-20", "2024-12-20"]
    assert tab.amount_edit.text() == "120.50"  # what was typed meanwhile stays
    qtbot.wait(50)  # the layout without the status line, for the screenshot
    screenshot(page, "dues-tabs-02-remittances-done")


def test_only_the_newest_year_asked_for_is_shown(
    qtbot: QtBot, page: DuesPage, remittance_gate: Gate
) -> None:
    tab = page.remittance_tab
    loaded: list[tuple[str, str, str, str]] = []
    tab.loaded.connect(lambda: loaded.append(figures(page)))
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: remittance_gate.calls == [2025])
    tab.year_spin.setFocus()
    qtbot.keyClick(tab.year_spin, Qt.Key.Key_Down)  # 2024, while 2025 is still being added up
    qtbot.keyClick(tab.year_spin, Qt.Key.Key_Down)  # 2023
    qtbot.keyClick(tab.year_spin, Qt.Key.Key_Up)  # 2024
    assert tab.year_spin.value() == 2024
    assert tab.status_label.text() == ADDING_UP
    assert figures(page) == ("", "", "", "")

    remittance_gate.open.set()
    qtbot.waitUntil(lambda: not tab.busy, timeout=10000)
    assert remittance_gate.calls == [2025, 2024]  # one at a time; 2023 never started
    assert loaded == [("200.00 元", "200.00 元", "0.00 元", "1000.00 元")]  # 2024's only


def test_a_remittance_result_arriving_after_the_lock_is_dropped(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], remittance_gate: Gate
) -> None:
    window = MainWindow(workspace)
    show(qtbot, window, 1000, 680)
    window.show_page(3)
    tab = window.dues.remittance_tab
    window.dues.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: len(remittance_gate.calls) == 1)
    window.lock()
    remittance_gate.open.set()  # the worker goes on: the database is locked now
    qtbot.waitUntil(lambda: not tab.busy, timeout=10000)
    assert window.is_locked
    assert figures(window.dues) == ("", "", "", "")
    assert tab.table.rowCount() == 0
    assert not tab.status_label.isVisibleTo(tab)  # neither the figures nor an error

    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    assert not window.is_locked
    assert tab.table.rowCount() == 2
    assert window.dues.remittance_tab.centre_label.text() == "1000.00 元"


def test_figures_that_cannot_be_worked_out_say_why_in_their_place(
    qtbot: QtBot, page: DuesPage, remittance_gate: Gate, screenshot: Screenshot
) -> None:
    tab = page.remittance_tab
    remittance_gate.error = DatabaseUnreadableError()
    remittance_gate.open.set()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(tab)
    assert tab.status_label.isVisible()
    assert tab.status_label.styleSheet() == ERROR_STYLE
    assert tab.status_label.text() == "未能计算收缴和上缴情况：" + message_for(
        DatabaseUnreadableError())
    assert figures(page) == ("", "", "", "")
    qtbot.wait(50)  # the layout with the (longer) line, for the screenshot
    screenshot(page, "dues-tabs-03-remittances-failed")

    remittance_gate.error = None  # it works again: the next reload shows the figures
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.reload()
    assert not tab.status_label.isVisible()
    assert tab.collected_label.text() == "1240.00 元"


# ---------------------------------------------------------------- 欠费提醒


def test_the_arrears_tab_stays_usable_while_the_list_is_worked_out(
    qtbot: QtBot, page: DuesPage, arrears_gate: Gate, screenshot: Screenshot
) -> None:
    tab = page.arrears_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: arrears_gate.calls == [TODAY])
    assert tab.busy
    assert tab.summary_label.text() == WORKING_OUT
    assert tab.rows() == []
    assert tab.table.rowCount() == 0
    screenshot(page, "dues-tabs-04-arrears-pending")

    # The GUI thread is free: the tab bar moves to the month and back; coming back asks for the
    # list again, which waits for the one running (its result is then dropped).
    page.tabs.tabBar().setFocus()
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Left)
    assert page.tabs.currentWidget() is page.remittance_tab
    page.tabs.setCurrentWidget(page.month_tab)
    page.month_tab.month_edit.set_month(Month(2025, 5))
    assert page.month_tab.model.rowCount() == 2  # May's sheet, read meanwhile
    loaded: list[list[tuple[str, int, str]]] = []
    tab.loaded.connect(lambda: loaded.append(tab.rows()))
    page.tabs.setCurrentWidget(tab)
    assert tab.summary_label.text() == WORKING_OUT

    arrears_gate.open.set()
    qtbot.waitUntil(lambda: not tab.busy, timeout=10000)
    assert arrears_gate.calls == [TODAY, TODAY]
    assert loaded == [[("赵生", 5, "severe")]]  # shown once: the second computation's
    assert tab.summary_label.text() == "有 1 名党员连续3个月以上未交党费，其中 1 名已达5个月以上。"
    assert tab.table.item(0, 0).text() == "赵生"  # type: ignore[union-attr]
    screenshot(page, "dues-tabs-05-arrears-done")


def test_an_arrears_result_arriving_after_the_lock_is_dropped(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], arrears_gate: Gate
) -> None:
    window = MainWindow(workspace)
    show(qtbot, window, 1000, 680)
    window.show_page(3)
    tab = window.dues.arrears_tab
    window.dues.tabs.setCurrentWidget(tab)
    # 工作台's reminders use the same service: the tab's computation is the one asked for last.
    qtbot.waitUntil(lambda: len(arrears_gate.calls) == 2)
    window.lock()
    arrears_gate.open.set()
    arrears = window.dashboard.sections["arrears"]
    qtbot.waitUntil(lambda: not tab.busy and not arrears.busy, timeout=10000)
    assert window.is_locked
    assert tab.rows() == []
    assert tab.summary_label.text() == ""

    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    assert [name for name, _months, _level in tab.rows()] == ["赵生"]


def test_an_arrears_list_that_cannot_be_worked_out_says_why_in_its_place(
    qtbot: QtBot, page: DuesPage, arrears_gate: Gate
) -> None:
    tab = page.arrears_tab
    arrears_gate.error = DatabaseUnreadableError()
    arrears_gate.open.set()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(tab)
    assert tab.summary_label.styleSheet() == ERROR_STYLE
    assert tab.summary_label.text() == "未能计算欠缴党费情况：" + message_for(
        DatabaseUnreadableError())
    assert tab.rows() == []


# ---------------------------------------------------------------- 基数核定


def base_rows(page: DuesPage) -> list[tuple[str, str, str]]:
    """(name, last year's base, new base typed) of every row."""
    model = page.bases_tab.model
    return [(model.index(r, BaseCol.NAME).data(), model.index(r, BaseCol.PREVIOUS).data(),
             model.index(r, BaseCol.NEW).data()) for r in range(model.rowCount())]


def test_the_bases_tab_stays_usable_while_its_rows_are_read(
    qtbot: QtBot, page: DuesPage, bases_gate: Gate, screenshot: Screenshot
) -> None:
    tab = page.bases_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: bases_gate.calls == [2025])  # read on a worker thread
    assert tab.busy
    assert tab.missing_label.text() == READING_BASES
    assert base_rows(page) == []
    assert not tab.save_button.isEnabled()
    assert not tab.copy_button.isEnabled()
    assert tab.save() is None  # Ctrl+S meanwhile: nothing to save yet, no message either
    assert tab.feedback_label.text() == ""
    screenshot(page, "dues-tabs-06-bases-pending")

    # The GUI thread is free: the tab bar moves to the month and back; coming back reads the
    # rows again, which waits for the read running (its rows are then dropped).
    page.tabs.tabBar().setFocus()
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Left)
    assert page.tabs.currentWidget() is page.month_tab
    page.month_tab.month_edit.set_month(Month(2025, 5))
    assert page.month_tab.model.rowCount() == 2  # May's sheet, read meanwhile
    loaded: list[list[tuple[str, str, str]]] = []
    tab.loaded.connect(lambda: loaded.append(base_rows(page)))
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Right)
    assert page.tabs.currentWidget() is tab
    assert tab.missing_label.text() == READING_BASES

    bases_gate.open.set()
    qtbot.waitUntil(lambda: not tab.busy, timeout=10000)
    assert bases_gate.calls == [2025, 2025]  # one at a time
    assert loaded == [[("王工", "4800.00", ""), ("赵生", "", "")]]  # shown once: the second read
    assert tab.missing_label.text() == "共 2 名党员。"
    assert tab.save_button.isEnabled()
    screenshot(page, "dues-tabs-07-bases-done")

    # Typed from the keyboard, then read again (the tab shown anew): the typed base waits for
    # the rows and is still there when they come back.
    tab.table.setCurrentIndex(tab.model.index(0, BaseCol.NEW))
    tab.table.setFocus()
    for character in "5200":
        qtbot.keyClick(QApplication.focusWidget(), character)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: base_rows(page)[0] == ("王工", "4800.00", "5200.00"))
    bases_gate.open.clear()
    page.tabs.setCurrentWidget(page.month_tab)
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: len(bases_gate.calls) == 3)
    assert base_rows(page) == []
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        bases_gate.open.set()
    assert base_rows(page) == [("王工", "4800.00", "5200.00"), ("赵生", "", "")]

    # Another year drops what was typed for this one.
    bases_gate.open.clear()
    tab.year_spin.setFocus()
    qtbot.keyClick(tab.year_spin, Qt.Key.Key_Up)  # 2026
    qtbot.waitUntil(lambda: bases_gate.calls[-1] == 2026)
    assert tab.missing_label.text() == READING_BASES
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        bases_gate.open.set()
    assert base_rows(page) == [("王工", "4800.00", ""), ("赵生", "", "")]


def test_bases_arriving_after_the_lock_are_dropped(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], bases_gate: Gate
) -> None:
    window = MainWindow(workspace)
    show(qtbot, window, 1000, 680)
    window.show_page(3)
    tab = window.dues.bases_tab
    window.dues.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: len(bases_gate.calls) == 1)
    window.lock()
    bases_gate.open.set()  # the worker goes on: the database is locked now
    qtbot.waitUntil(lambda: not tab.busy, timeout=10000)
    assert window.is_locked
    assert tab.model.rowCount() == 0
    assert tab.missing_label.text() == ""  # neither the rows nor an error

    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    assert not window.is_locked
    assert base_rows(window.dues) == [("王工", "4800.00", ""), ("赵生", "", "")]


def test_bases_that_cannot_be_read_say_why_in_their_place(
    qtbot: QtBot, page: DuesPage, bases_gate: Gate
) -> None:
    tab = page.bases_tab
    bases_gate.error = DatabaseUnreadableError()
    bases_gate.open.set()
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(tab)
    assert tab.missing_label.styleSheet() == ERROR_STYLE
    assert tab.missing_label.text() == "未能读取党费基数：" + message_for(DatabaseUnreadableError())
    assert base_rows(page) == []

    bases_gate.error = None  # it works again: the next reload shows the rows
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.reload()
    assert tab.missing_label.text() == "共 2 名党员。"
    assert len(base_rows(page)) == 2
