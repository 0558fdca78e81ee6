"""工作台: the branch at a glance: its profile, then what is due, one section per record book.

``SECTIONS`` lists the sections in the order shown: each is a ``BackgroundList`` provided by its
record book (how it loads its entries off the GUI thread, how it shows them, the page its heading
links to). Adding a book's section is one line here. "Nothing needs attention" shows only once
every section has loaded and none has anything to say.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.services import branch, dashboard_cache
from app.services.workspace import Workspace
from ui.appraisal.reminders import CorrectionReminders
from ui.common.tasks import run_quietly
from ui.disclosures.reminders import DisclosureReminders
from ui.dues.reminders import ArrearsReminders
from ui.meetings.reminders import MeetingReminders
from ui.members.reminders import DevelopmentReminders
from ui.members.transfer_reminders import TransferReminders
from ui.opinions.reminders import OpinionReminders
from ui.rectification.reminders import RectificationReminders
from ui.shell.dashboard_frame import DashboardFrame, snapshot
from ui.shell.election_reminder import ElectionReminder
from ui.study.reminders import StudyReminders
from ui.sync.notice_section import NoticeSection
from ui.talks.reminders import TalkReminders
from ui.widgets.background_list import BackgroundList

log = logging.getLogger(__name__)

Section = Callable[[Workspace, Callable[[], date]], BackgroundList]

SECTIONS: tuple[tuple[str, Section], ...] = (
    ("election", ElectionReminder),
    ("meetings", MeetingReminders),
    ("rectification", RectificationReminders),
    ("talks", TalkReminders),
    ("development", DevelopmentReminders),
    ("transfers", TransferReminders),
    ("arrears", ArrearsReminders),
    ("study", StudyReminders),
    ("corrections", CorrectionReminders),
    ("opinions", OpinionReminders),
    ("disclosures", DisclosureReminders),
    ("notices", NoticeSection),  # platform notices to answer (issue 18)
)
"""(name, section) of each reminder section, in the order shown."""


class DashboardPage(DashboardFrame):
    """``sections`` by name (``SECTIONS``); ``go_to`` (a page's name) when a section's heading
    link is followed; ``all_loaded`` once every section has loaded after a refresh.

    Once every section has loaded without failing, what it shows is kept in the database
    (``app.services.dashboard_cache``) for the next start, if nothing changed meanwhile."""

    all_loaded = Signal()
    """Every section has loaded (after a refresh)."""

    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self._refreshed: tuple[int | None, date] | None = None  # generation and day
        self.sections: dict[str, BackgroundList] = {}
        for name, section in SECTIONS:
            widget = section(workspace, today)
            widget.loaded.connect(self._show_whether_anything_is_due)
            widget.go_to.connect(self.go_to)
            self.reminders.addWidget(widget)
            self.sections[name] = widget

    @property
    def filled(self) -> bool:
        """True once the profile and every section have been loaded since the last refresh."""
        return self._refreshed is not None and not any(s.busy for s in self.sections.values())

    def refresh(self) -> None:
        """Reload from the (unlocked) workspace: the profile now, the sections off the GUI
        thread (each emits ``loaded``). Raises BranchDeskError (e.g. locked)."""
        today = self._today()
        with self._workspace.unit_of_work(read_only=True) as uow:
            computed_at = dashboard_cache.generation(uow)  # before any figure is read
            profile = branch.load_profile(uow)
        self.show_profile(profile.name, profile.code, profile.higher_org, profile.secretary)
        self._refreshed = (computed_at, today)
        for section in self.sections.values():
            section.refresh()
        self._show_whether_anything_is_due()

    def refresh_section(self, name: str) -> None:
        """Reload one section (what a page's change may have changed)."""
        self.sections[name].refresh()
        self._show_whether_anything_is_due()

    def _show_whether_anything_is_due(self) -> None:
        """"Nothing needs attention" once every section has loaded and none has anything."""
        filled = self.filled
        failed = any(section.failed for section in self.sections.values())
        self.reminders_label.setVisible(filled and not failed and not any(
            section.entries for section in self.sections.values()))
        if filled:
            if not failed:
                self._keep()
            self.all_loaded.emit()

    def _keep(self) -> None:
        """Keep what is shown for the next start, off the GUI thread (a sync may hold the
        write lock); not if anything changed since the refresh began."""
        assert self._refreshed is not None  # noqa: S101 - filled
        computed_at, day = self._refreshed
        if computed_at is None:
            return
        content = snapshot(self, list(self.sections.values()))
        workspace = self._workspace

        def keep(_context: object) -> bool:
            return dashboard_cache.keep(workspace, computed_at, day, content)

        run_quietly(self, keep, on_failure=lambda error: log.info(
            "工作台 not kept: %s", type(error).__name__))

    def clear(self) -> None:
        """Forget what was shown (called when the data is locked)."""
        self._refreshed = None
        self.clear_profile()
        for section in self.sections.values():
            section.clear()
        self.reminders_label.hide()
