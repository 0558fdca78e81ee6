"""A first look at the demo branch: 工作台 lists the development deadlines coming up (worked out off
the GUI thread) next to the meetings due and the dues arrears; the compliance grid of 组织生活 is
met (not a row of ✗); 党费 has a year of figures."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.development import DeadlineKind
from app.services import demo
from app.services.workspace import Workspace
from ui.meetings.page import MeetingsPage
from ui.shell.dashboard import DashboardPage

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2026, 11, 25)


def demo_branch(workspace: Workspace) -> Workspace:
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, 60)
        uow.commit()
    return workspace


def test_the_dashboard_shows_the_development_deadlines(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot
) -> None:
    page = DashboardPage(demo_branch(workspace), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    with qtbot.waitSignal(page.sections["development"].loaded, timeout=10_000):
        page.refresh()
    shown = page.sections["development"].shown()
    kinds = {kind for _name, kind in shown}
    assert {DeadlineKind.PROBATION_ENDS.value, DeadlineKind.REVIEW_DUE.value} <= kinds
    assert page.sections["development"].isVisible()
    texts = [label.text() for label in page.sections["development"].labels]
    assert any("预备期满" in text or "转正" in text for text in texts), texts
    qtbot.waitUntil(lambda: not page.sections["arrears"].busy, timeout=10_000)
    assert page.sections["arrears"].entries  # a few members in arrears
    assert not page.reminders_label.isVisible()
    screenshot(page, "dashboard-demo")


def test_the_compliance_grid_is_met(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot
) -> None:
    page = MeetingsPage(demo_branch(workspace), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.show()
    page.refresh_compliance()
    table = page.compliance.table
    cells = [table.item(r, c).text() for r in range(table.rowCount())
             for c in range(table.columnCount()) if table.item(r, c) is not None]
    assert any(text.startswith("✓") for text in cells)
    assert not any(text.startswith("✗") for text in cells), page.compliance.summary.text()
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    screenshot(page, "compliance-demo")
