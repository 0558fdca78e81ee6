"""工作台: the dues arrears are worked out off the GUI thread — the window stays usable meanwhile,
a line says the list is being worked out, and a result nobody wants any more (refreshed again,
or locked) is dropped."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.dues import ArrearsLevel, PersonCategory
from app.services import dues
from app.services import members as m
from app.services.dues import ArrearsEntry
from app.services.workspace import Workspace
from app.storage.unit_of_work import UnitOfWork
from tests.conftest import PASSPHRASE
from tests.conftest import id_number as number
from ui.shell.dashboard import DashboardPage
from ui.shell.main_window import MainWindow

Screenshot = Callable[[QWidget, str], Path]
D = Decimal
PENDING = "正在计算欠缴党费情况…"


class Gate:
    """Holds ``dues.arrears_list`` (the real one, on the real database) until opened: the test
    decides when the background computation may finish."""

    def __init__(self) -> None:
        self.open = threading.Event()
        self.calls: list[date] = []  # as_of of each computation that started
        self._real = dues.arrears_list

    def __call__(self, uow: UnitOfWork, as_of: date, folded: object = None) -> list[ArrearsEntry]:
        self.calls.append(as_of)
        assert self.open.wait(10), "the test never opened the gate"
        return self._real(uow, as_of)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    gate = Gate()
    monkeypatch.setattr(dues, "arrears_list", gate)
    yield gate
    gate.open.set()  # never leave a worker waiting


def months_before(day: date, count: int) -> list[Month]:
    current = Month.of(day)
    return [current - n for n in range(count, 0, -1)]


@pytest.fixture
def branch(workspace: Workspace) -> dict[str, str]:
    """王工 (in work, pays every month) and 赵生 (student, pays nothing) with dues for the four
    months before today: 赵生 is four months behind."""
    today = date.today()
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2020, 1, 1)),
            "student": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(3), category=PersonCategory.STUDENT),
                date(2020, 1, 1)),
        }
        dues.set_base(uow, ids["worker"], Month(2020, 1), D("4800.00"))
        months = months_before(today, 4)
        for month in months:
            dues.generate_month(uow, month)
        dues.record_payment(uow, ids["worker"], today, months, D("192.00"))
        uow.commit()
    return ids


def show(qtbot: QtBot, widget: QWidget, width: int = 1000, height: int = 680) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


def test_the_window_stays_usable_while_the_arrears_are_worked_out(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], gate: Gate,
    screenshot: Screenshot,
) -> None:
    window = MainWindow(workspace)  # unlocked: 工作台 is refreshed at once
    show(qtbot, window)
    arrears = window.dashboard.sections["arrears"]
    qtbot.waitUntil(lambda: gate.calls == [date.today()])  # running on a worker thread
    assert arrears.busy
    assert arrears.isVisible()
    assert arrears.status_label.text() == PENDING
    assert arrears.heading.isVisible()
    assert not arrears.note_label.isVisible()
    assert not window.dashboard.reminders_label.isVisible()  # not "nothing to do" yet
    screenshot(window, "dashboard-01-arrears-pending")

    # The GUI thread is free: keys move through the navigation and pages change.
    window.navigation.setFocus()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert window.pages.currentWidget() is window.members
    qtbot.keyClick(window.navigation, Qt.Key.Key_Up)
    assert window.pages.currentWidget() is window.dashboard
    assert arrears.busy

    with qtbot.waitSignal(arrears.loaded, timeout=10000):
        gate.open.set()
    assert not arrears.busy
    assert arrears.shown() == [("赵生", ArrearsLevel.WARNING)]
    assert not arrears.status_label.isVisible()
    assert arrears.heading.isVisible()
    assert "连续 4 个月未交" in arrears.labels[0].text()
    assert not window.dashboard.reminders_label.isVisible()
    screenshot(window, "dashboard-02-arrears-done")


def test_a_result_from_before_a_new_refresh_is_dropped(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], gate: Gate
) -> None:
    months = months_before(date.today(), 4)
    before_the_third = months[2].first_day  # two months over: nobody is 3 months behind yet
    clock = [before_the_third]
    dashboard = DashboardPage(workspace, today=lambda: clock[0])
    show(qtbot, dashboard, 850, 700)
    loaded: list[list[tuple[str, ArrearsLevel]]] = []
    arrears = dashboard.sections["arrears"]
    arrears.loaded.connect(lambda: loaded.append(arrears.shown()))
    dashboard.refresh()
    qtbot.waitUntil(lambda: len(gate.calls) == 1)
    clock[0] = date.today()
    dashboard.refresh()  # while the first is still running: it waits for it
    assert dashboard.sections["arrears"].status_label.text() == PENDING
    assert not any(label.isVisible() for label in dashboard.sections["arrears"].labels)

    gate.open.set()
    qtbot.waitUntil(lambda: not dashboard.sections["arrears"].busy, timeout=10000)
    assert gate.calls == [before_the_third, date.today()]
    assert loaded == [[("赵生", ArrearsLevel.WARNING)]]  # only the second was shown


def test_a_result_arriving_after_the_lock_is_dropped(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], gate: Gate
) -> None:
    window = MainWindow(workspace)
    show(qtbot, window)
    arrears = window.dashboard.sections["arrears"]
    qtbot.waitUntil(lambda: len(gate.calls) == 1)
    window.lock()
    gate.open.set()  # the worker goes on: the database is locked now
    qtbot.waitUntil(lambda: not arrears.busy, timeout=10000)
    assert window.is_locked
    assert arrears.shown() == []
    assert not arrears.isVisibleTo(window.dashboard)

    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    with qtbot.waitSignal(arrears.loaded, timeout=10000):
        qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    assert not window.is_locked
    assert arrears.shown() == [("赵生", ArrearsLevel.WARNING)]
