"""工作台 reminds of the committee's next 换届 six months ahead (支部工作条例 第二十一条;
基层组织选举工作条例 2020) and lists a 转正 not discussed when probation ended (发展党员工作细则
第三十三条); 设置 › 支部 holds the term."""

from __future__ import annotations

import dataclasses
from datetime import date

from pytestqt.qtbot import QtBot

from app.domain.branch import BranchKind
from app.domain.development import DeadlineKind, Stage
from app.services import branch
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from ui.settings.branch import BranchProfileBox
from ui.shell.dashboard import DashboardPage

TODAY = date(2026, 1, 15)


def add_branch(ws: Workspace, full: int, elected: date | None) -> str:
    """``full`` full members and one probationary member admitted on 2024-06-01 (probation
    ended 2025-06-01, 转正 not yet discussed). Returns the probationary member's id."""
    with ws.unit_of_work() as uow:
        for i in range(full):
            m.create_member(uow, m.MemberInput(name=f"党员{i:02d}", id_number=number(i)), TODAY)
        late = m.create_member(uow, m.MemberInput(
            name="迟转正", id_number=number(30), stage=Stage.PROBATIONARY,
            admission_date=date(2024, 6, 1), approval_date=date(2024, 7, 1)), TODAY)
        profile = branch.load_profile(uow)
        branch.save_profile(uow, dataclasses.replace(profile, committee_elected_on=elected))
        uow.commit()
    return late


def test_the_dashboard_reminds_of_the_election_and_the_overdue_full_membership(
    qtbot: QtBot, workspace: Workspace
) -> None:
    add_branch(workspace, full=7, elected=date(2023, 5, 10))  # term ends 2026-05-10
    page = DashboardPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.all_loaded, timeout=30_000):
        page.refresh()
    assert not page.sections["election"].isHidden()
    assert "2026-05-10" in page.sections["election"].labels[0].text()
    assert "换届" in page.sections["election"].labels[0].text()
    qtbot.waitUntil(lambda: not page.sections["development"].busy, timeout=30_000)
    development = page.sections["development"].shown()
    assert ("迟转正", DeadlineKind.FULL_MEMBERSHIP_OVERDUE.value) in development
    texts = [label.text() for label in page.sections["development"].labels]
    assert any("尚未讨论转正" in text for text in texts), texts


def test_no_election_reminder_without_a_committee_or_before_six_months(
    qtbot: QtBot, workspace: Workspace
) -> None:
    add_branch(workspace, full=6, elected=date(2023, 5, 10))  # 6 full: no committee
    page = DashboardPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.all_loaded, timeout=30_000):
        page.refresh()
    assert page.sections["election"].isHidden()
    with workspace.unit_of_work() as uow:
        m.create_member(uow, m.MemberInput(name="党员99", id_number=number(31)), TODAY)
        profile = branch.load_profile(uow)
        branch.save_profile(uow, dataclasses.replace(
            profile, kind=BranchKind.COMMUNITY))  # 5 years: ends 2028-05-10
        uow.commit()
    with qtbot.waitSignal(page.all_loaded, timeout=30_000):
        page.refresh()
    assert page.sections["election"].isHidden()


def test_the_branch_settings_hold_the_term(qtbot: QtBot, workspace: Workspace) -> None:
    add_branch(workspace, full=7, elected=None)
    box = BranchProfileBox(workspace)
    qtbot.addWidget(box)
    box.refresh()
    assert "填写本届支委会的选举日期" in box.term_label.text()
    box.kind_combo.setCurrentIndex(box.kind_combo.findData(BranchKind.VILLAGE))
    box.elected_edit.setText("2024-03-01")
    box.save()
    assert "2029-03-01" in box.term_label.text()
    with workspace.unit_of_work() as uow:
        stored = branch.load_profile(uow)
    assert (stored.kind, stored.committee_elected_on) == (BranchKind.VILLAGE, date(2024, 3, 1))
    box.elected_edit.setText("2024-13-01")
    box.save()
    assert box.elected_error.text() == "不是有效日期"
