"""Data-entry traps: keyboard entry never lands on a cell that cannot be edited and never jumps
to another member (基数核定 with a student between two wage earners, the month's collection,
meeting attendance); a base that looks like a typing slip is listed before it is saved; an amount
beyond what is owed is asked about (voluntary, paid ahead, or a slip)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.domain.dues_bases import BaseCheckSettings
from app.services import dues
from app.services import members as m
from app.services.meetings import Attendance
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.ui.dues.helpers import focused, show
from ui.dues.bases_model import BaseCol
from ui.dues.month_model import Col
from ui.dues.month_tab import MonthTab
from ui.dues.page import DuesPage
from ui.meetings.attendance_model import REASON, STATUS, AttendanceModel, AttendanceRow
from ui.meetings.attendance_view import AttendanceView

D = Decimal


@pytest.fixture
def branch(workspace: Workspace) -> dict[str, str]:
    """Two wage earners and two students; bases 5000.00, 5600.00."""
    people = [
        ("worker_a", "王工", PersonCategory.IN_WORK), ("student_a", "王学", PersonCategory.STUDENT),
        ("worker_b", "王五", PersonCategory.IN_WORK), ("student_b", "王生", PersonCategory.STUDENT),
    ]
    ids: dict[str, str] = {}
    with workspace.unit_of_work() as uow:
        for i, (key, name, category) in enumerate(people, 1):
            ids[key] = m.create_member(uow, m.MemberInput(
                name=name, id_number=number(i), category=category), date(2024, 1, 1))
        dues.set_base(uow, ids["worker_a"], Month(2024, 1), D("5000.00"))
        dues.set_base(uow, ids["worker_b"], Month(2024, 1), D("5600.00"))
        uow.commit()
    return ids


def editable(index: QModelIndex) -> bool:
    return bool(index.flags() & Qt.ItemFlag.ItemIsEditable)


def test_enter_in_the_bases_passes_over_fixed_amount_rows_and_typing_never_moves(
    qtbot: QtBot, page: DuesPage
) -> None:
    tab = page.bases_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(tab)
    model, view = tab.model, tab.table
    rows = model.rowCount()
    wanted = [r for r in range(rows) if editable(model.index(r, BaseCol.NEW))]
    assert len(wanted) == 2
    assert rows == 4

    # Enter from the first row walks over the editable rows only.
    view.setCurrentIndex(model.index(0, BaseCol.NEW))
    view.setFocus()
    visited = [0]
    for _ in range(rows):
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
        visited.append(view.currentIndex().row())
    landed = sorted(set(visited) - {0})
    assert all(editable(model.index(r, BaseCol.NEW)) for r in landed), visited
    assert set(wanted) - {0} <= set(landed)

    # Typing a number on a student's row (reached by the arrow keys or a click): nothing moves,
    # nothing is typed anywhere, and the page says why. A typed base of another member starts
    # with the same digit: Qt's keyboard search would have jumped there.
    worker = next(r for r in wanted)
    view.setCurrentIndex(model.index(worker, BaseCol.NEW))
    for key in "5200":
        qtbot.keyClick(focused(), key)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.typed(worker) == "5200")  # committed through a queued call
    student = next(r for r in range(rows) if r not in wanted)
    view.setCurrentIndex(model.index(student, BaseCol.NEW))
    view.setFocus()
    for key in "5800":
        qtbot.keyClick(focused(), key)
    assert view.currentIndex().row() == student
    assert model.typed(worker) == "5200"
    assert [model.typed(r) for r in range(rows)].count("") == rows - 1
    assert "定额" in tab.feedback_label.text()
    assert model.line(student).name in tab.feedback_label.text()

    # Enter from the name column goes to the next base to type.
    view.setCurrentIndex(model.index(student, BaseCol.NAME))
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    current = view.currentIndex()
    if current.row() != student:
        assert current.column() == BaseCol.NEW
        assert editable(current)


def test_the_month_entry_never_jumps_to_another_member(qtbot: QtBot, page: DuesPage) -> None:
    tab = page.month_tab
    with page._workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month(2025, 6))
        uow.commit()
    tab.reload()
    model, view = tab.model, tab.table
    assert model.rowCount() == 4
    # On the 应交 column (read-only), typing the first digits of an amount due of another row
    # used to select that row; now nothing moves and nothing is typed.
    student = next(r for r in range(4) if model.line(r).due == D("0.20"))
    view.setCurrentIndex(model.index(student, Col.DUE))
    view.setFocus()
    for key in "75":  # 王工 owes 75.00
        qtbot.keyClick(focused(), key)
    assert view.currentIndex().row() == student
    assert all(model.entry(r).is_empty() for r in range(4))
    assert "本次实交" in tab.feedback_label.text()
    # Enter from a read-only column goes down to the amount column.
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    if student < 3:
        assert view.currentIndex() == model.index(student + 1, Col.AMOUNT)


def test_typing_a_reason_on_a_present_member_never_edits_another(qtbot: QtBot) -> None:
    model = AttendanceModel()
    model.set_rows([
        AttendanceRow("a", "王建国", False),
        AttendanceRow("b", "李红", False, Attendance.ABSENT, "2日出差",
                      Attendance.ABSENT, "2日出差"),
        AttendanceRow("c", "张伟", False),
    ])
    view = AttendanceView(model)
    show(qtbot, view)
    view.setCurrentIndex(model.index(2, REASON))  # 张伟 is present: no reason to type
    view.setFocus()
    for key in "25":
        qtbot.keyClick(focused(), key)
    assert view.currentIndex().row() == 2
    assert [r.reason for r in model.rows] == ["", "2日出差", ""]
    assert [r.status for r in model.rows] == [Attendance.PRESENT, Attendance.ABSENT,
                                              Attendance.PRESENT]
    view.setCurrentIndex(model.index(0, STATUS))
    assert view.currentIndex().row() == 0


# ---------------------------------------------------------------- implausible bases


def bases_of(workspace: Workspace) -> dict[str, Decimal | None]:
    with workspace.unit_of_work() as uow:
        return {line.name: line.current for line in dues.base_lines(uow, 2025)}


def test_a_base_of_ten_yuan_for_a_member_in_work_warns_before_saving(
    qtbot: QtBot, page: DuesPage, workspace: Workspace
) -> None:
    tab = page.bases_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(tab)
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.line(r).name == "王工")  # 5000.00
    other = next(r for r in range(model.rowCount()) if model.line(r).name == "王五")  # 5600.00
    tab.table.setCurrentIndex(model.index(row, BaseCol.NEW))
    tab.table.setFocus()
    for key in "10":
        qtbot.keyClick(focused(), key)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: model.typed(row) == "10")
    model.setData(model.index(other, BaseCol.NEW), "5800")  # plausible: no warning
    remark = model.index(row, BaseCol.STATUS).data()
    assert "请核对" in remark
    assert "1500.00" in remark  # below the lowest plausible wage
    assert "5000.00" in remark  # and far from the base in force
    assert model.warnings(other) == []

    assert tab.save() is None  # the list comes first
    box = tab.warning_box
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert "王工：10.00 元" in box.text()
    assert "王五" not in box.text()
    back = next(b for b in box.buttons() if b.text() == "返回修改")
    assert box.defaultButton() is back
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert tab.last_task is None
    assert bases_of(workspace)["王工"] == D("5000.00")  # nothing saved
    assert tab.table.currentIndex() == model.index(row, BaseCol.NEW)

    tab.save()
    box = tab.warning_box
    assert box is not None
    save = next(b for b in box.buttons() if b.text() == "按录入保存")
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)  # the secretary knows better
        assert tab.last_task is not None
        with qtbot.waitSignal(tab.last_task.finished, timeout=10000):
            pass
    assert bases_of(workspace)["王工"] == D("10.00")
    assert bases_of(workspace)["王五"] == D("5800.00")


def test_the_thresholds_are_kept_in_the_database(workspace: Workspace) -> None:
    with workspace.unit_of_work() as uow:
        assert dues.base_check_settings(uow) == BaseCheckSettings()
        dues.save_base_check_settings(uow, BaseCheckSettings(wage_minimum=D("2690")))
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert dues.base_check_settings(uow).wage_minimum == D("2690")


# ---------------------------------------------------------------- overpayments


def june_generated(page: DuesPage, workspace: Workspace) -> MonthTab:
    """The month tab with June 2025's amounts due generated and shown."""
    with workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month(2025, 6))
        uow.commit()
    page.month_tab.reload()
    return page.month_tab


def answer_overpayment(qtbot: QtBot, tab: MonthTab, row: int, amount: str, button: str) -> None:
    """Type ``amount`` for ``row`` as a person does, then answer the question with ``button``."""
    window = tab.window()  # the question was the active window (no window manager here)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.table.go_to(tab.model.index(row, Col.AMOUNT))
    tab.table.setFocus()
    for key in amount:
        qtbot.keyClick(focused(), key)
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.overpayment_box is not None)
    box = tab.overpayment_box
    assert box is not None
    assert box.isVisible()
    assert box.defaultButton().text() == "改正金额"
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button),
                     Qt.MouseButton.LeftButton)
    assert tab.overpayment_box is None


def test_an_overpayment_is_asked_about_and_each_answer_records_the_right_payment(
    qtbot: QtBot, page: DuesPage, branch: dict[str, str], workspace: Workspace
) -> None:
    tab = june_generated(page, workspace)
    model = tab.model
    row = {model.line(r).name: r for r in range(model.rowCount())}
    assert model.index(row["王工"], Col.DUE).data() == "50.00"  # 5000 x 1%
    assert model.index(row["王五"], Col.DUE).data() == "84.00"  # 5600 x 1.5%

    answer_overpayment(qtbot, tab, row["王工"], "200", "自愿多交党费（第十一条）")
    assert model.index(row["王工"], Col.VOLUNTARY).data() == "150.00"
    answer_overpayment(qtbot, tab, row["王五"], "200", "预交以后月份")
    assert "116.00 元预交以后月份" in model.index(row["王五"], Col.STATUS).data()
    answer_overpayment(qtbot, tab, row["王学"], "5", "改正金额")
    assert tab.table.currentIndex() == model.index(row["王学"], Col.AMOUNT)
    assert tab.table.state() == tab.table.State.EditingState  # typed again at once
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)
    model.setData(model.index(row["王学"], Col.AMOUNT), "0.2")
    assert model.undecided() == []

    assert tab.save() is not None
    with qtbot.waitSignal(tab.last_task.finished, timeout=10000):  # type: ignore[union-attr]
        pass
    with workspace.unit_of_work() as uow:
        worker = dues.member_payments(uow, branch["worker_a"])
        ahead = dues.member_payments(uow, branch["worker_b"])
        student = dues.member_payments(uow, branch["student_a"])
        ledger = dues.member_ledger(uow, branch["worker_b"])
    assert [(p.amount, p.voluntary, p.months) for p in worker] == [
        (D("200.00"), D("150.00"), (Month(2025, 6),))]  # counted for 第十一条
    assert [(p.amount, p.voluntary, p.months) for p in ahead] == [
        (D("200.00"), D("0.00"), (Month(2025, 6), Month(2025, 7), Month(2025, 8)))]
    assert [p.amount for p in student] == [D("0.20")]
    assert (ledger.prepaid, ledger.unallocated) == (D("116.00"), D("0.00"))  # nothing to undo

    history = page.show_history(branch["worker_b"])
    assert history is not None
    text = history.history.unallocated_label.text()
    assert "预交 116.00 元" in text
    assert "冲销" not in text


def test_saving_asks_about_an_overpayment_nobody_answered(
    qtbot: QtBot, page: DuesPage, branch: dict[str, str], workspace: Workspace
) -> None:
    tab = june_generated(page, workspace)
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.line(r).name == "王工")
    model.setData(model.index(row, Col.AMOUNT), "60")
    qtbot.waitUntil(lambda: tab.overpayment_box is not None)
    box = tab.overpayment_box
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # closed without an answer: nothing decided
    qtbot.waitUntil(lambda: tab.overpayment_box is None)
    assert model.undecided() == [row]
    assert tab.save() is None  # asked again before anything is recorded
    box = tab.overpayment_box
    assert box is not None
    qtbot.mouseClick(next(b for b in box.buttons() if b.text() == "自愿多交党费（第十一条）"),
                     Qt.MouseButton.LeftButton)
    assert tab.last_task is not None  # then saved
    with qtbot.waitSignal(tab.last_task.finished, timeout=10000):
        pass
    with workspace.unit_of_work() as uow:
        payments = dues.member_payments(uow, branch["worker_a"])
    assert [(p.amount, p.voluntary) for p in payments] == [(D("60.00"), D("10.00"))]


def test_the_thresholds_are_set_on_the_bases_tab(
    qtbot: QtBot, page: DuesPage, workspace: Workspace
) -> None:
    tab = page.bases_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        page.tabs.setCurrentWidget(tab)
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.line(r).name == "王工")
    model.setData(model.index(row, BaseCol.NEW), "2500")
    assert model.warnings(row) == []
    dialog = tab.edit_checks()
    qtbot.waitExposed(dialog)
    dialog.minimum_edit.setValue(2690)
    dialog.maximum_edit.setValue(1000)
    assert not dialog.submit()
    assert "低于" in dialog.message_label.text()
    dialog.maximum_edit.setValue(30000)
    assert dialog.submit()
    assert "2690.00" in model.index(row, BaseCol.STATUS).data()
    with workspace.unit_of_work() as uow:
        assert dues.base_check_settings(uow) == BaseCheckSettings(
            wage_minimum=D("2690"), maximum=D("30000"))
