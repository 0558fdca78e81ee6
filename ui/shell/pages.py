"""The main window's pages: one table (``PAGES_TABLE``) of their names in navigation order, the
class of each, whether it shows data, and how it is wired to the window.

Each page's module is imported when the page is built (``ui.shell.page_stack``), not before the
window has painted: the table names modules, ``page_factories`` imports them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from PySide6.QtWidgets import QLabel, QWidget

from app.services.workspace import Workspace
from ui.shell.page_stack import PageFactory


class Refreshable(Protocol):
    """What the window calls on a page that shows data."""

    def refresh(self) -> None: ...

    def clear(self) -> None: ...


class Window(Protocol):
    """What the pages' signals are connected to."""

    sync_state_label: QLabel

    def show_page(self, index: int) -> None: ...

    def show_page_named(self, name: str) -> None: ...

    def show_rectification(self, meeting_id: str, held_on: date) -> None: ...

    def open_record(self, entity: str, record_id: str) -> None: ...

    def show_branch(self, name: str) -> None: ...

    def refresh_dashboard(self) -> None: ...

    def refresh_meeting_reminders(self) -> None: ...

    def after_sync(self) -> None: ...

    def apply_auto_lock_minutes(self, minutes: int) -> None: ...

    def after_restore(self, result: object) -> None: ...


Wiring = Callable[[Any, Window], None]


@dataclass(frozen=True)
class Page:
    """``cls`` in ``module``, built with the workspace unless ``standalone``. ``data``: it
    reads the database when refreshed; ``synced``: it shows what a sync may change;
    ``changes_dashboard``: its ``changed`` refreshes 工作台; ``wire``: any other connections."""

    name: str
    module: str
    cls: str
    data: bool = True
    synced: bool = True
    changes_dashboard: bool = False
    standalone: bool = False
    wire: Wiring | None = None


def _dashboard(page: Any, window: Window) -> None:
    page.go_to.connect(window.show_page_named)


def _meetings(page: Any, window: Window) -> None:
    page.changed.connect(window.refresh_meeting_reminders)
    page.rectification_requested.connect(window.show_rectification)


def _reports(page: Any, window: Window) -> None:
    """The report centre's third tab for the reports with work of their own."""

    def statistics(workspace: Workspace) -> QWidget:
        from ui.statistics.view import StatisticsView

        view = StatisticsView(workspace)
        view.open_member.connect(lambda member_id: window.open_record("member", member_id))
        return view

    def assessment(workspace: Workspace) -> QWidget:
        from ui.assessment.view import AssessmentView

        view = AssessmentView(workspace)
        view.open_record.connect(window.open_record)
        # One year in the report centre: the preview's and the view's go together, and the
        # preview shows what was just saved or submitted.
        view.changed.connect(page.refresh)
        page.year_spin.valueChanged.connect(view.year_spin.setValue)
        view.year_spin.valueChanged.connect(page.year_spin.setValue)
        if view.year() == page.year_spin.value():
            view.refresh()
        else:
            view.year_spin.setValue(page.year_spin.value())  # counted for that year
        return view

    page.add_view("statistics", statistics)
    page.add_view("assessment", assessment)


def _sync(page: Any, window: Window) -> None:
    page.synced.connect(window.after_sync)
    page.state_changed.connect(window.sync_state_label.setText)


def _settings(page: Any, window: Window) -> None:
    page.auto_lock_changed.connect(window.apply_auto_lock_minutes)
    page.restored.connect(window.after_restore)
    page.branch_box.saved.connect(window.show_branch)


PAGES_TABLE = (
    Page("dashboard", "ui.shell.dashboard", "DashboardPage", wire=_dashboard),
    Page("members", "ui.members.page", "MembersPage"),
    Page("meetings", "ui.meetings.page", "MeetingsPage", wire=_meetings),
    Page("dues", "ui.dues.page", "DuesPage", changes_dashboard=True),
    Page("study", "ui.study.page", "StudyPage", changes_dashboard=True),
    Page("talks", "ui.talks.page", "TalksPage", changes_dashboard=True),
    Page("rectification", "ui.rectification.page", "RectificationPage",
         changes_dashboard=True),
    Page("appraisal", "ui.appraisal.page", "AppraisalPage", changes_dashboard=True),
    Page("opinions", "ui.opinions.page", "OpinionsPage", changes_dashboard=True),
    Page("disclosures", "ui.disclosures.page", "DisclosuresPage", changes_dashboard=True),
    Page("reports", "ui.reports.page", "ReportsPage", synced=False, wire=_reports),
    Page("sync", "ui.sync.page", "SyncPage", data=False, synced=False, wire=_sync),
    Page("settings", "ui.settings.page", "SettingsPage", synced=False, wire=_settings),
)
"""Every page, in navigation order (each is an attribute of the window, built on first use)."""

PAGES = tuple(page.name for page in PAGES_TABLE)
SHOWING_DATA = tuple(page.name for page in PAGES_TABLE if page.data)
"""The pages that read the database when they are refreshed."""
SYNCED = tuple(page.name for page in PAGES_TABLE if page.synced)
"""The pages that show what a sync may have changed."""


def build_page(page: Page, workspace: Workspace, window: Window) -> QWidget:
    """Import ``page``'s module, build it and connect it to ``window``."""
    cls = getattr(importlib.import_module(page.module), page.cls)
    widget = cls() if page.standalone else cls(workspace)
    if page.changes_dashboard:
        widget.changed.connect(window.refresh_dashboard)
    if page.wire is not None:
        page.wire(widget, window)
    return widget


def page_factories(workspace: Workspace, window: Window) -> list[tuple[str, PageFactory]]:
    """(name, factory) of each page in ``PAGES`` order."""

    def factory(page: Page) -> PageFactory:
        return lambda: build_page(page, workspace, window)

    return [(page.name, factory(page)) for page in PAGES_TABLE]
