"""谈心谈话 and 组织生活会 整改 in the window, tried as a new user would on the demo branch: both
pages in the navigation, a year of talks with the pairs left, the 组织生活会's five 整改 items with
two overdue on 工作台, and the meeting editor's 问题清单及整改… leading to that meeting's items."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services import demo, rectification
from app.services.workspace import Workspace
from ui.shell.dashboard import DashboardPage
from ui.shell.main_window import MainWindow
from ui.shell.pages import PAGES

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2026, 11, 25)


def demo_branch(workspace: Workspace, today: date) -> Workspace:
    with workspace.unit_of_work() as uow:
        demo.populate(uow, today, 40)
        uow.commit()
    return workspace


def test_the_dashboard_shows_the_pairs_left_and_the_overdue_items(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot
) -> None:
    page = DashboardPage(demo_branch(workspace, TODAY), today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1100, 900)
    page.show()
    with qtbot.waitSignal(page.all_loaded, timeout=30_000):
        page.refresh()
    talks, rectification = page.sections["talks"], page.sections["rectification"]
    assert talks.isVisible()
    assert "尚有 6 对未谈话" in talks.labels[0].text()
    assert rectification.isVisible()
    assert len(rectification.entries) == 2
    assert sum(label.text().count("已逾期") for label in rectification.labels) == 2
    screenshot(page, "record-books-dashboard")


def test_a_new_user_finds_both_books_and_the_meetings_problems(
    qtbot: QtBot, workspace: Workspace, screenshot: Screenshot
) -> None:
    today = date.today()
    window = MainWindow(demo_branch(workspace, today))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert titles[PAGES.index("talks")] == "谈心谈话"
    assert titles[PAGES.index("rectification")] == "组织生活会整改"

    window.show_page(PAGES.index("talks"))
    assert window.pages.currentWidget() is window.talks
    assert window.talks.table.rowCount() > 0
    assert "尚未谈话 6 对" in window.talks.coverage_label.text()
    screenshot(window, "record-books-talks")

    with workspace.unit_of_work(read_only=True) as uow:
        meeting = rectification.life_meetings(uow)[0]
    window.show_page(PAGES.index("meetings"))
    editor = window.meetings.open_meeting(meeting.id)
    assert editor is not None
    assert editor.rectification_button.isVisible()
    editor.rectification_button.click()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.rectification)
    page = window.rectification
    assert page.meeting_id == meeting.id
    assert page.table.rowCount() == 5
    assert page.all_button.isVisible()
    screenshot(window, "record-books-rectification")


def test_the_rectification_button_is_only_on_a_saved_organizational_life_meeting(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    window.show_page(PAGES.index("meetings"))
    editor = window.meetings.new_meeting()
    editor.show()
    assert not editor.rectification_button.isVisible()
