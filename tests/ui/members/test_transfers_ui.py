"""组织关系转接 in the window, as a new secretary does it: transfer a member out (the letter's
print preview, its receipt), receive another with a letter, 转出待接收 and 流动党员 listed
apart, the overdue letter on 工作台, and the branch's transfer settings."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.members import EventKind, MembershipStatus
from app.domain.transfers import DuesStartRule
from app.services import members, transfer_settings, transfers
from app.services.members import StatusFilter
from app.services.workspace import Workspace
from tests.conftest import id_number
from ui.members.detail import MemberDetail
from ui.members.page import MembersPage
from ui.settings.transfers import TransferSettingsBox
from ui.shell.dashboard import DashboardPage
from ui.widgets.printing import open_dialogs

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2025, 9, 1)


def add(workspace: Workspace, i: int, name: str, **fields: object) -> str:
    with workspace.unit_of_work() as uow:
        member_id = members.create_member(uow, members.MemberInput(
            name=name, id_number=id_number(i), **fields), TODAY)  # type: ignore[arg-type]
        uow.commit()
    return member_id


def show(qtbot: QtBot, widget: QWidget, width: int = 1000, height: int = 680) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> MembersPage:
    widget = MembersPage(workspace, today=lambda: TODAY)
    show(qtbot, widget, 1100, 640)
    widget.refresh()
    return widget


def test_transfer_out_prints_the_letter_then_the_receipt_takes_the_member_off_the_roll(
        qtbot: QtBot, workspace: Workspace, page: MembersPage, screenshot: Screenshot) -> None:
    member_id = add(workspace, 1, "王建国", phone="13800138000", ethnic_group="01")
    add(workspace, 2, "李秀英")
    page.refresh()
    detail = MemberDetail(workspace, member_id, lambda: TODAY, page)
    show(qtbot, detail, 900, 640)
    assert detail.transfer_button.isVisible()
    assert detail.transfer_button.isEnabled()
    assert not detail.receipt_button.isVisible()
    dialog = detail.transfer_out()
    assert dialog.days_spin.value() == 30  # the setting's default
    assert dialog.paid_edit.text() == ""  # nothing in this branch's ledger
    dialog.submit()
    assert dialog.messages["transfer_letter_no"].text() == "必填"
    assert dialog.messages["paid_until"].text() == "必填"
    dialog.letter_edit.setText("0031")
    dialog.destination_edit.setText("中共市审计局机关委员会")
    dialog.date_edit.setText("2025-08-20")
    dialog.paid_edit.setText("2025.8")
    dialog.reason_edit.setText("工作调动")
    assert not dialog.submit()  # the ledger knows no paid-up month: warned first
    assert "与本支部党费账目不一致" in dialog.status_label.text()
    screenshot(dialog, "transfer-out-warning")
    with qtbot.waitSignal(dialog.done_for):
        assert dialog.submit()  # OK again: issued
    qtbot.waitUntil(lambda: len(open_dialogs()) == 1, timeout=30_000)  # the letter's preview
    [preview] = open_dialogs()
    assert preview.pages.count == 1
    preview.close()
    assert detail.standing_label.text() == "转出待接收"
    assert detail.receipt_button.isVisible()
    assert detail.letter_button.isVisible()
    assert not detail.transfer_button.isVisible()
    screenshot(detail, "member-detail-transfer-pending")

    page.refresh()
    assert page.model.count == 1  # on the roll: only the other member
    assert "转出待接收 1 人" in page.roster_counts_label.text()
    page.set_status_filter(StatusFilter.TRANSFER_PENDING)
    assert page.model.count == 1
    screenshot(page, "members-awaiting-receipt")

    receipt = detail.record_receipt()
    receipt.date_edit.setText("2025-08-10")
    receipt.submit()
    assert receipt.messages["transfer_receipt_on"].text() == "早于介绍信日期"
    receipt.date_edit.setText("2025-08-30")
    with qtbot.waitSignal(receipt.done_for):
        receipt.submit()
    assert detail.standing_label.text() == "已转出"
    with workspace.unit_of_work(read_only=True) as uow:
        member = members.get_member(uow, member_id)
    assert member.status is MembershipStatus.TRANSFERRED_OUT
    assert ("2025-08-30", "介绍信回执收回", "中共市审计局机关委员会") in detail.timeline_texts()


def test_transfer_in_shows_from_which_month_dues_are_owed(
        qtbot: QtBot, workspace: Workspace, page: MembersPage, screenshot: Screenshot) -> None:
    dialog = page.transfer_in()
    dialog.name_edit.setText("周转入")
    dialog.id_edit.setText(id_number(30))
    dialog.letter_edit.setText("0012")
    dialog.origin_edit.setText("中共某县委组织部")
    dialog.date_edit.setText("2025-06-10")
    assert "介绍信未注明党费交到何时" in dialog.dues_label.text()
    dialog.paid_edit.setText("2025-05")
    assert dialog.dues_label.text() == "自 2025-06 起在本支部交纳党费。"
    dialog.paid_edit.setText("2025-04")
    assert dialog.dues_label.text().endswith(
        "\n2025-05 在原支部未交：应在本支部补交（补交一般不超过6个月，第十二条）。")
    dialog.paid_edit.setText("2025-03")
    assert "2025-04 至 2025-05 在原支部未交" in dialog.dues_label.text()
    screenshot(dialog, "transfer-in")
    dialog.paid_edit.setText("2025-05")
    with qtbot.waitSignal(dialog.done_for):
        assert dialog.submit()
    assert dialog.member_id is not None
    with workspace.unit_of_work(read_only=True) as uow:
        member = members.get_member(uow, dialog.member_id)
    assert (member.transfer_in_letter_no, member.transfer_in_paid_until) == ("0012", "2025-05")
    assert page.model.count == 1


def test_flow_members_with_contact_are_counted_apart(
        qtbot: QtBot, workspace: Workspace, page: MembersPage) -> None:
    away = add(workspace, 3, "赵志强")
    add(workspace, 4, "孙丽")
    page.refresh()
    page.select_member(away)
    dialog = page.add_event()
    assert dialog is not None
    dialog.kind_combo.set_value(EventKind.FLOW_OUT)
    dialog.date_edit.setText("2025-02-01")
    dialog.place_edit.setText("广东省深圳市")
    dialog.contact_edit.setText("13912345678")
    dialog.card_edit.setText("粤流-017")
    with qtbot.waitSignal(dialog.done_for):
        dialog.submit()
    assert "其中流出 1 人、流入 0 人" in page.roster_counts_label.text()
    page.flow_filter.setCurrentIndex(1)  # 流出
    assert page.model.count == 1
    with workspace.unit_of_work(read_only=True) as uow:
        assert members.get_member(uow, away).flow_contact == "13912345678"


def test_an_overdue_letter_and_a_long_absence_are_on_the_dashboard(
        qtbot: QtBot, workspace: Workspace) -> None:
    leaving = add(workspace, 5, "欧阳文华")
    away = add(workspace, 6, "刘洋")
    with workspace.unit_of_work() as uow:
        transfers.transfer_out(uow, leaving, transfers.LetterOut(
            "0040", "中共某区委组织部", date(2025, 7, 1), Month(2025, 7), valid_days=15), TODAY)
        members.add_event(uow, away, EventKind.FLOW_OUT, date(2025, 1, 10), place="上海市")
        uow.commit()
    dashboard = DashboardPage(workspace, today=lambda: TODAY)
    show(qtbot, dashboard, 850, 700)
    dashboard.refresh()
    section = dashboard.sections["transfers"]
    qtbot.waitUntil(lambda: not section.busy and bool(section.entries),
                    timeout=10_000)
    assert dashboard.sections["transfers"].shown() == ["欧阳文华", "刘洋"]
    texts = [label.text() for label in dashboard.sections["transfers"].labels]
    assert "有效期至 2025-07-15，回执尚未收回" in texts[0]
    assert "应转接组织关系" in texts[1]


def test_the_transfer_settings_are_kept(qtbot: QtBot, workspace: Workspace) -> None:
    box = TransferSettingsBox(workspace)
    show(qtbot, box, 700, 400)
    box.refresh()
    assert box.days_spin.value() == 30
    box.days_spin.setValue(15)
    box.rule_combo.setCurrentIndex(box.rule_combo.findData(DuesStartRule.TRANSFER_MONTH))
    box.issuer_edit.setText("中共某区直属机关工作委员会")
    assert box.save()
    assert box.feedback.text() == "已保存。"
    with workspace.unit_of_work(read_only=True) as uow:
        settings = transfer_settings.load(uow)
    assert (settings.valid_days, settings.dues_start, settings.issuer) == (
        15, DuesStartRule.TRANSFER_MONTH, "中共某区直属机关工作委员会")


def test_an_applicant_cannot_be_transferred(qtbot: QtBot, workspace: Workspace) -> None:
    member_id = add(workspace, 7, "钱进", stage=Stage.APPLICANT,
                    application_date=date(2025, 3, 1))
    detail = MemberDetail(workspace, member_id, lambda: TODAY)
    show(qtbot, detail, 900, 640)
    assert detail.transfer_button.isVisible()
    assert not detail.transfer_button.isEnabled()
