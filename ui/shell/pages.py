"""The main window's pages: their names in navigation order, and how each is built and wired.

Each page's module is imported when the page is built (``ui.shell.page_stack``), not before the
window has painted: the factories below import them.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from PySide6.QtWidgets import QLabel, QWidget

from app.services.workspace import Workspace
from ui.shell.page_stack import PageFactory

PAGES = (
    "dashboard", "members", "meetings", "dues", "study", "talks", "rectification", "appraisal",
    "opinions", "disclosures", "reports", "sync", "settings",
)
"""The pages in navigation order (each is an attribute of the window, built on first use)."""

SHOWING_DATA = (
    "dashboard", "members", "meetings", "dues", "study", "talks", "rectification", "appraisal",
    "opinions", "disclosures", "reports", "settings",
)
"""The pages that read the database when they are refreshed."""

SYNCED = (
    "dashboard", "members", "meetings", "dues", "study", "talks", "rectification", "appraisal",
    "opinions", "disclosures",
)
"""The pages that show what a sync may have changed."""


class Refreshable(Protocol):
    """What the window calls on a page that shows data."""

    def refresh(self) -> None: ...

    def clear(self) -> None: ...


class Window(Protocol):
    """What the pages' signals are connected to."""

    sync_state_label: QLabel

    def show_page(self, index: int) -> None: ...

    def show_rectification(self, meeting_id: str, held_on: date) -> None: ...

    def show_branch(self, name: str) -> None: ...

    def refresh_dashboard(self) -> None: ...

    def refresh_meeting_reminders(self) -> None: ...

    def after_sync(self) -> None: ...

    def apply_auto_lock_minutes(self, minutes: int) -> None: ...

    def after_restore(self, result: object) -> None: ...


def page_factories(workspace: Workspace, window: Window) -> list[tuple[str, PageFactory]]:
    """(name, factory) of each page in ``PAGES`` order."""

    def dashboard() -> QWidget:
        from ui.shell.dashboard import DashboardPage

        return DashboardPage(workspace)

    def members() -> QWidget:
        from ui.members.page import MembersPage

        return MembersPage(workspace)

    def meetings() -> QWidget:
        from ui.meetings.page import MeetingsPage

        page = MeetingsPage(workspace)
        page.changed.connect(window.refresh_meeting_reminders)
        page.rectification_requested.connect(window.show_rectification)
        return page

    def dues() -> QWidget:
        from ui.dues.page import DuesPage

        page = DuesPage(workspace)
        page.changed.connect(window.refresh_dashboard)
        return page

    def study() -> QWidget:
        from ui.study.page import StudyPage

        page = StudyPage(workspace)
        page.changed.connect(window.refresh_dashboard)
        return page

    def appraisal() -> QWidget:
        from ui.appraisal.page import AppraisalPage

        page = AppraisalPage(workspace)
        page.changed.connect(window.refresh_dashboard)
        return page

    def opinions() -> QWidget:
        from ui.opinions.page import OpinionsPage

        page = OpinionsPage(workspace)
        page.changed.connect(window.refresh_dashboard)
        return page

    def talks() -> QWidget:
        from ui.talks.page import TalksPage

        page = TalksPage(workspace)
        page.changed.connect(window.refresh_dashboard)
        return page

    def rectification() -> QWidget:
        from ui.rectification.page import RectificationPage

        page = RectificationPage(workspace)
        page.changed.connect(window.refresh_dashboard)
        return page

    def disclosures() -> QWidget:
        from ui.disclosures.page import DisclosuresPage

        page = DisclosuresPage(workspace)
        page.changed.connect(window.refresh_dashboard)
        return page

    def reports() -> QWidget:
        from ui.reports.page import ReportsPage

        return ReportsPage(workspace)

    def sync() -> QWidget:
        from ui.sync.page import SyncPage

        page = SyncPage(workspace)
        page.synced.connect(window.after_sync)
        page.state_changed.connect(window.sync_state_label.setText)
        return page

    def settings() -> QWidget:
        from ui.settings.page import SettingsPage

        page = SettingsPage(workspace)
        page.auto_lock_changed.connect(window.apply_auto_lock_minutes)
        page.restored.connect(window.after_restore)
        page.branch_box.saved.connect(window.show_branch)
        return page

    built = {"dashboard": dashboard, "members": members, "meetings": meetings, "dues": dues,
             "study": study, "talks": talks, "rectification": rectification,
             "appraisal": appraisal, "opinions": opinions, "disclosures": disclosures,
             "reports": reports, "sync": sync, "settings": settings}
    return [(name, built[name]) for name in PAGES]
