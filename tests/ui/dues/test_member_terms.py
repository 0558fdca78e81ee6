"""The member's dues window records a dated change of category, quarterly payment (第十二条) and a
hardship relief (第七条); the arrears tab says how exempt and 0.00 months counted (第十三条); 设置
holds the rounding and the amounts of 第六条 (issue 15)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.dues import HardshipRelief, PersonCategory, ReliefKind
from app.services import dues, dues_terms
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from ui.dues.member_dues import MemberDuesDialog
from ui.dues.member_terms import CategoryChangeDialog, QuarterlyDialog, ReliefDialog
from ui.dues.page import DuesPage
from ui.settings.dues import DuesSettingsBox

D = Decimal
TODAY = date(2025, 8, 3)


@pytest.fixture
def branch(workspace: Workspace) -> dict[str, str]:
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2025, 1, 1)),
            "zero": m.create_member(uow, m.MemberInput(name="孙零", id_number=number(2)),
                                    date(2025, 1, 1)),
        }
        dues.set_base(uow, ids["worker"], Month(2025, 1), D("6000"))
        dues.set_base(uow, ids["zero"], Month(2025, 1), D("4000"))
        uow.commit()
    return ids


@pytest.fixture
def dialog(qtbot: QtBot, workspace: Workspace, branch: dict[str, str]) -> MemberDuesDialog:
    window = MemberDuesDialog(workspace, branch["worker"], lambda: TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_july_retirement_is_recorded_in_the_members_dues_window(
    qtbot: QtBot, dialog: MemberDuesDialog, workspace: Workspace, branch: dict[str, str],
    screenshot,
) -> None:
    """Issue 15: retired from July, June generated afterwards stays at 90.00 (第二条)."""
    terms = dialog.terms
    assert terms.lines() == ["按月交纳，按党员信息中的人员类别计算；无减免。"]
    change = terms.open_dialog(CategoryChangeDialog)
    assert isinstance(change, CategoryChangeDialog)
    change.category_combo.set_value(PersonCategory.RETIRED)
    change.month_edit.set_month(Month(2025, 7))
    screenshot(change, "dues-terms-01-category")
    change.submit()
    assert change.result() == QDialog.DialogCode.Accepted
    assert terms.lines() == ["自2025年7月起：离退休（此前：在职）"]
    assert terms.feedback_label.text() == "已登记。"
    with workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month(2025, 6))
        dues.generate_month(uow, Month(2025, 7))
        ledger = dues.ledger(uow)
        uow.commit()
    assert ledger.balance(branch["worker"], Month(2025, 6)).due == D("90.00")
    assert ledger.balance(branch["worker"], Month(2025, 7)).due == D("60.00")


def test_a_relief_with_a_bad_amount_stays_open_and_says_why(
    qtbot: QtBot, dialog: MemberDuesDialog, workspace: Workspace, branch: dict[str, str],
) -> None:
    relief = dialog.terms.open_dialog(ReliefDialog)
    assert isinstance(relief, ReliefDialog)
    relief.kind_combo.setCurrentIndex(relief.kind_combo.findData(ReliefKind.REDUCED))
    relief.amount_edit.setText("五元")
    relief.submit()
    assert relief.isVisible()
    assert "少交后每月金额：不是有效金额" in relief.message_label.text()
    assert "批准组织：必填" in relief.message_label.text()
    relief.amount_edit.setText("5.00")
    relief.approver_edit.setText("机关党委")
    relief.from_edit.set_month(Month(2025, 9))
    relief.submit()
    assert relief.result() == QDialog.DialogCode.Accepted
    assert dialog.terms.lines() == [
        "少交，每月5.00元，2025年9月至2025年12月；机关党委于2025-08-03批准"]
    with workspace.unit_of_work() as uow:
        assert [r.relief.reduced_amount for r in dues_terms.reliefs_of(
            uow, branch["worker"])] == [D("5.00")]


def test_quarterly_payment_is_agreed_and_ended(
    qtbot: QtBot, dialog: MemberDuesDialog,
) -> None:
    terms = dialog.terms
    assert not terms.monthly_button.isEnabled()
    quarterly = terms.open_dialog(QuarterlyDialog)
    assert isinstance(quarterly, QuarterlyDialog)
    assert quarterly.from_edit.month() == Month(2025, 7)  # the quarter of today
    quarterly.from_edit.set_month(Month(2025, 8))
    quarterly.submit()
    assert "起始月份：应为季度的第一个月" in quarterly.message_label.text()
    quarterly.from_edit.set_month(Month(2025, 7))
    quarterly.submit()
    assert terms.lines() == ["按季交纳，自2025年7月起；党支部于2025-08-03同意"]
    assert terms.monthly_button.isEnabled()
    end = terms.open_end_quarterly()
    assert end is not None
    end.submit()
    assert terms.lines() == ["按季交纳，2025年7月至2025年9月；党支部于2025-08-03同意"]
    assert not terms.monthly_button.isEnabled()


def test_the_arrears_tab_says_how_exempt_and_zero_months_counted(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], screenshot,
) -> None:
    """第十三条 in the arrears view: 王工's exempt April ends his run (3 months, remind); 孙零's
    April at 0.00 is counted through (6 months)."""
    april = Month(2025, 4)
    with workspace.unit_of_work() as uow:
        dues.add_relief(uow, branch["worker"], HardshipRelief(
            ReliefKind.EXEMPT, "机关党委", date(2025, 3, 28), april, april))
        dues.set_base(uow, branch["zero"], april, D("0"))
        dues.set_base(uow, branch["zero"], Month(2025, 5), D("4000"))
        for month in range(1, 8):
            dues.generate_month(uow, Month(2025, month))
        uow.commit()
    page = DuesPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 640)
    page.show()
    tab = page.arrears_tab
    with qtbot.waitSignal(tab.loaded, timeout=10000):
        tab.reload()
    assert tab.rows() == [("孙零", 6, "lapsed"), ("王工", 3, "warning")]
    assert tab.notes() == ["2025年4月应交0.00元：不中断连续计算",
                           "2025年4月经批准免交（第七条）：连续计算中断"]
    screenshot(tab, "dues-terms-02-arrears-notes")


def test_the_dues_settings_are_saved_and_checked(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str],
) -> None:
    box = DuesSettingsBox(workspace)
    qtbot.addWidget(box)
    box.refresh()
    assert box.student_edit.text() == "0.20"
    box.farmer_edit.setText("1.50")
    assert not box.save()
    assert "农民党员每月金额：应为0.20至1.00元" in box.feedback_label.text()
    box.farmer_edit.setText("0.50")
    box.student_edit.setText("0.30")
    box.precision_combo.setCurrentIndex(box.precision_combo.findData("yuan"))
    assert box.save()
    with workspace.unit_of_work() as uow:
        saved = dues_terms.dues_settings(uow)
    assert (saved.farmer_amount, saved.student_amount) == (D("0.50"), D("0.30"))
    assert saved.rounding.precision.value == "yuan"
    box.defaults_button.click()
    assert box.farmer_edit.text() == "0.20"
