"""党内统计 in the window as a secretary uses it: the demo branch's tables made off the GUI
thread, the gaps listed (one opens the member), the balance matching, the workbook exported and
the counts submitted. A screenshot at 1366×768 is saved to /tmp/stats-shots/ to look at."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.services import demo
from app.services.workspace import Workspace
from app.storage.models import OutboxEntry
from tests.ui.dues.helpers import show
from tests.ui.screen_fit import problems
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
    assert view.gaps.count() == len(report.gaps) > 0
    assert view.gaps.item(0).text() == f"{report.gaps[0].name}：缺少职业"
    assert "合计：" in view.balance_label.text()
    assert view.errors.count() == 0
    assert view.status.text().endswith("平衡校验相符。")

    with qtbot.waitSignal(view.open_member, timeout=2000) as opened:
        view.gaps.itemActivated.emit(view.gaps.item(0))
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

    task = view.submit()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=20_000):
        pass
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
