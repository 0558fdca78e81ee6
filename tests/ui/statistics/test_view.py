"""党内统计 in the window as a secretary uses it: the demo branch's tables made off the GUI
thread, the gaps listed by kind (a member opens the record), the balance matching, the workbook
exported and the counts submitted once the gaps are confirmed; an unbalanced year is not
submitted. A screenshot at 1366×768 is saved to /tmp/stats-shots/ to look at."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select, update

from app.errors import StatisticsUnbalancedError
from app.services import demo
from app.services.workspace import Workspace
from app.storage.models import MemberRow, OutboxEntry, StatisticsReportRow
from tests.integration.services.test_statistics import record_death_without_date
from tests.ui.dues.helpers import show
from tests.ui.screen_fit import problems
from ui.common.messages import message_for
from ui.statistics.view import StatisticsView

TODAY = date(2026, 11, 25)
SHOTS = Path("/tmp/stats-shots")


@pytest.fixture
def branch(workspace: Workspace) -> Workspace:
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, 60, year=False)
        uow.commit()
    return workspace


def _made(qtbot: QtBot, view: StatisticsView) -> None:
    view.refresh()
    qtbot.waitUntil(lambda: view.report is not None and not view.loader.busy, timeout=20_000)


def test_tables_gaps_export_and_submit(qtbot: QtBot, branch: Workspace, tmp_path) -> None:
    view = StatisticsView(branch, today=lambda: TODAY)
    show(qtbot, view, 1350, 720)
    assert not view.export_button.isEnabled()
    _made(qtbot, view)
    report = view.report
    assert report is not None
    assert report.as_of == date(2026, 12, 31)
    assert view.tabs.count() == len(report.tables)
    assert view.tabs.tabText(0) == "党员基本情况"
    assert {g.field for g in report.gaps} == {"occupation"}  # the demo's gaps: 职业
    assert view.gaps.topLevelItemCount() == 1
    group = view.gaps.topLevelItem(0)
    assert group.text(0) == f"职业未填写：{len(report.gaps)} 人"
    assert group.isExpanded()  # a few gaps: shown open
    assert group.childCount() == len(report.gaps) > 0
    assert group.child(0).text(0) == report.gaps[0].name
    assert "合计：" in view.balance_label.text()
    assert view.errors.count() == 0
    assert view.status.text().endswith("平衡校验相符。")

    with qtbot.waitSignal(view.open_member, timeout=2000) as opened:
        view.gaps.itemActivated.emit(group.child(0), 0)
    assert opened.args == [report.gaps[0].member_id]

    found = problems(view)
    assert found == [], "\n".join(found)
    SHOTS.mkdir(exist_ok=True)
    assert view.grab().save(str(SHOTS / "statistics-view.png"))
    view.tabs.setCurrentIndex(6)  # 发展党员情况
    assert view.grab().save(str(SHOTS / "statistics-development.png"))

    task = view.export(tmp_path / "统计", ".xlsx")
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert view.status.text().startswith("党内统计已写入")
    book = load_workbook(tmp_path / "统计.xlsx")
    assert "校验" in book.sheetnames

    assert view.submit_button.isEnabled()
    task = _confirmed(qtbot, view, len(report.gaps))
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
    assert view.status.text() == "2026年统计数已准备报送平台，将在下次同步时发送。"
    assert view.submit_button.isEnabled()
    with branch.unit_of_work(read_only=True) as uow:
        patches = [json.loads(p) for p in uow.session.scalars(
            select(OutboxEntry.patch).where(OutboxEntry.entity == "statistics_report"))]
    assert len(patches) == 1
    assert patches[0]["year"] == 2026
    names = {g.name for g in report.gaps}
    assert not any(name in patches[0]["tables"] for name in names)


def test_a_reference_date_outside_the_year_is_refused(qtbot: QtBot, branch: Workspace) -> None:
    view = StatisticsView(branch, today=lambda: TODAY)
    show(qtbot, view, 1350, 720)
    view.as_of.set_date(date(2025, 6, 30))
    view.refresh()
    assert view.report is None
    assert "2025-06-30" in view.status.text()


def _confirmed(qtbot: QtBot, view: StatisticsView, gaps: int) -> object:
    """Ask to submit, see the question name the gaps, and say 仍然报送; the task started."""
    assert view.submit() is None  # not yet: the question first
    box = view.question
    assert box is not None
    assert box.isVisible()
    assert f"{gaps} 处信息缺项" in box.text()
    assert f"职业未填写：{gaps} 人" in box.text()
    assert box.button(QMessageBox.StandardButton.Yes).text() == "仍然报送"
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert box.button(QMessageBox.StandardButton.No).text() == "取消"
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    task = view.last_task
    assert task is not None
    return task


def _queued(workspace: Workspace) -> tuple[int, int]:
    """(statistics reports stored, statistics reports queued for the platform)."""
    with workspace.unit_of_work(read_only=True) as uow:
        return (uow.session.scalar(select(func.count()).select_from(StatisticsReportRow)),
                uow.session.scalar(select(func.count()).select_from(OutboxEntry).where(
                    OutboxEntry.entity == "statistics_report")))


def test_declining_the_question_submits_nothing(qtbot: QtBot, branch: Workspace) -> None:
    view = StatisticsView(branch, today=lambda: TODAY)
    show(qtbot, view, 1350, 720)
    _made(qtbot, view)
    assert view.submit() is None
    box = view.question
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.question is None)
    assert view.last_task is None
    assert _queued(branch) == (0, 0)
    assert view.submit_button.isEnabled()


def test_an_unbalanced_year_cannot_be_submitted(qtbot: QtBot, branch: Workspace) -> None:
    record_death_without_date(branch)
    view = StatisticsView(branch, today=lambda: TODAY)
    show(qtbot, view, 1350, 720)
    _made(qtbot, view)
    assert view.report is not None
    assert not view.report.balanced
    assert view.errors.count() == 1
    assert view.export_button.isEnabled()
    assert view.pdf_button.isEnabled()
    assert not view.submit_button.isEnabled()
    assert view.submit_button.toolTip().startswith("平衡校验不符")
    assert "更正" in view.status.text()
    assert "报送" in view.status.text()
    assert view.submit() is None  # reached anyway (a shortcut): refused, nothing asked
    assert view.question is None
    assert view.status.text() == view.submit_button.toolTip()
    assert _queued(branch) == (0, 0)
    refused = message_for(StatisticsUnbalancedError(2026, 1))
    assert refused.startswith("2026年党内统计平衡校验不符")
    assert "未报送" in refused


def test_many_gaps_stay_one_line_per_kind(qtbot: QtBot, branch: Workspace) -> None:
    """After an upgrade no member has 职业: one line with the count, the members listed only
    when it is opened, each still opening the record."""
    with branch.unit_of_work() as uow:
        uow.session.execute(update(MemberRow).values(occupation=""))
        uow.session.execute(update(MemberRow).where(MemberRow.sort_key.in_(
            select(MemberRow.sort_key).order_by(MemberRow.sort_key).limit(2))).values(
            education=""))
        uow.commit()
    view = StatisticsView(branch, today=lambda: TODAY)
    show(qtbot, view, 1350, 720)
    _made(qtbot, view)
    report = view.report
    assert report is not None
    occupation = [g for g in report.gaps if g.field == "occupation"]
    education = [g for g in report.gaps if g.field == "education"]
    assert len(occupation) > 40
    assert 0 < len(education) <= 2
    lines = [view.gaps.topLevelItem(i) for i in range(view.gaps.topLevelItemCount())]
    assert [line.text(0) for line in lines] == [
        f"学历未填写：{len(education)} 人", f"职业未填写：{len(occupation)} 人"]
    assert view.gaps_label.text().startswith(f"信息缺项：{len(report.gaps)} 处")
    group = lines[1]
    assert not group.isExpanded()
    assert group.childCount() == 0
    group.setExpanded(True)
    assert [group.child(i).text(0) for i in range(group.childCount())] == [
        g.name for g in occupation]
    with qtbot.waitSignal(view.open_member, timeout=2000) as opened:
        view.gaps.itemActivated.emit(group.child(3), 0)
    assert opened.args == [occupation[3].member_id]
    with qtbot.assertNotEmitted(view.open_member):
        view.gaps.itemActivated.emit(group, 0)
    SHOTS.mkdir(exist_ok=True)
    assert view.grab().save(str(SHOTS / "statistics-gaps.png"))


def test_another_year_chosen_holds_export_and_submit(qtbot: QtBot, branch: Workspace) -> None:
    """The tables shown are 2026's: with 2025 chosen they are neither exported nor submitted
    as if they were 2025's until made again."""
    view = StatisticsView(branch, today=lambda: TODAY)
    show(qtbot, view, 1350, 720)
    _made(qtbot, view)
    view.year.setValue(2025)
    assert not view.export_button.isEnabled()
    assert not view.pdf_button.isEnabled()
    assert not view.submit_button.isEnabled()
    assert "生成统计表" in view.status.text()
    view.year.setValue(2026)
    assert view.submit_button.isEnabled()
    assert view.status.text().endswith("平衡校验相符。")
    view.as_of.set_date(date(2026, 6, 30))
    assert not view.submit_button.isEnabled()
    view.as_of.set_date(date(2026, 12, 31))  # the default, written out
    assert view.submit_button.isEnabled()


def test_shown_again_the_tables_are_counted_again(qtbot: QtBot, branch: Workspace) -> None:
    """Back from the member's record opened from the gaps, with 职业 filled in: the gap is
    gone and the counts are those submitted."""
    view = StatisticsView(branch, today=lambda: TODAY)
    show(qtbot, view, 1350, 720)
    _made(qtbot, view)
    before = view.report
    assert before is not None
    assert before.gaps
    with branch.unit_of_work() as uow:
        uow.session.execute(update(MemberRow).where(MemberRow.occupation == "").values(
            occupation="05"))
        uow.commit()
    view.hide()
    view.show()
    qtbot.waitUntil(lambda: view.report is not before and not view.loader.busy, timeout=20_000)
    assert view.report is not None
    assert view.report.gaps == ()
    assert view.gaps.topLevelItemCount() == 0
    assert view.gaps_label.text() == "信息缺项：无"
    assert view.submit() is not None  # nothing left to confirm
