"""The main window: navigation on the left, pages on the right, a lock screen that covers both.

The window paints before the database is opened and before any page exists (issue 14): each page
is built the first time it is shown or asked for (``ui.shell.page_stack``), and shows the current
data when it is built while unlocked. With the key remembered on this PC the window first shows
its frame, 工作台 saying that the data is being opened, and opens the data once that is on the
screen (``open_from_this_pc``). ``ready`` tells when the window is ready for the user: the lock
screen shown, or 工作台 filled.

Locking (auto-lock, the 立即锁定 button, or a restore) drops the key through the workspace and
switches the window to the lock screen. The pages stay alive but hidden, so what the user was
typing is still there after unlocking; what they showed from the database is cleared. Open
dialogs (a member form, a meeting editor…) are hidden and shown again as they were after
unlocking (``ui.shell.unsaved_work``); a restore closes them. Closing the window while something
typed is not saved asks first. An unlock with the recovery code leads to setting a new passphrase.
"""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from app.errors import BranchDeskError, DatabaseUnreadableError
from app.services.workspace import Workspace
from ui.common.branding import app_title, branch_title
from ui.common.messages import message_for
from ui.common.screen_fit import save_main_window
from ui.shell import record_links
from ui.shell.autolock import IdleWatch
from ui.shell.integrity_watch import IntegrityWatch
from ui.shell.page_stack import PageStack
from ui.shell.pages import SHOWING_DATA, SYNCED, Refreshable, page_factories
from ui.shell.quitting import QuitGuard
from ui.shell.startup import after_paint
from ui.shell.unsaved_work import ParkedDialogs, UnsavedWork

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ui.appraisal.page import AppraisalPage
    from ui.disclosures.page import DisclosuresPage
    from ui.dues.page import DuesPage
    from ui.meetings.page import MeetingsPage
    from ui.members.page import MembersPage
    from ui.opinions.page import OpinionsPage
    from ui.rectification.page import RectificationPage
    from ui.reports.page import ReportsPage
    from ui.settings.page import SettingsPage
    from ui.shell.after_recovery import AfterRecoveryDialog
    from ui.shell.dashboard import DashboardPage
    from ui.shell.dashboard_frame import SnapshotPage
    from ui.shell.unlock import UnlockPanel
    from ui.study.page import StudyPage
    from ui.sync.page import SyncPage
    from ui.talks.page import TalksPage

NO_KEPT_DASHBOARD_ENV = "BRANCHDESK_NO_KEPT_DASHBOARD"
"""Diagnostics and the benchmark: never show 工作台 as kept at the start (the first start of a
day, or after a change, is like that)."""

SYNC_STATE_DELAY_MS = 300
"""How long after the window appears the 同步 page reads its state (see ``_after_unlock``)."""


class MainWindow(QMainWindow):
    """``auto_lock_ms``, when given, overrides the saved auto-lock minutes (for tests).

    Opens unlocked when the workspace is; otherwise locked, unless ``open_from_this_pc`` and the
    key is remembered on this PC: then it shows 工作台 opening and opens the data with the
    remembered key once painted (the lock screen follows if that fails)."""

    ready = Signal()
    """Emitted once, when the window is first ready for the user (see the module docstring)."""

    def __init__(
        self,
        workspace: Workspace,
        auto_lock_ms: int | None = None,
        parent: QWidget | None = None,
        open_from_this_pc: bool = False,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._auto_lock_override = auto_lock_ms
        self.setWindowTitle(app_title())
        self.resize(1000, 680)
        self.setMinimumSize(QSize(760, 520))

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet(
            "#navigation { font-size: 15px; } #navigation::item { padding: 10px 14px; }"
        )
        for title in [
            self.tr("Dashboard"),
            self.tr("Members"),
            self.tr("Organizational life"),
            self.tr("Party dues"),
            self.tr("Study record"),
            self.tr("Talks"),
            self.tr("Rectification"),
            self.tr("Democratic appraisal"),
            self.tr("Opinions"),
            self.tr("Disclosure"),
            self.tr("Reports"),
            self.tr("Sync"),
            self.tr("Settings"),
        ]:
            self.navigation.addItem(title)
        self.pages = PageStack(page_factories(workspace, self), self.tr("Opening the data…"))
        self.navigation.setCurrentRow(0)  # before connecting: 工作台 is built when it opens
        self.navigation.currentRowChanged.connect(self._page_shown)
        self._sync_stale = False
        self._showing_data = False  # unlocked and the pages refreshed: a new page refreshes too
        self._ready = False
        self._waiting_for_dashboard = False

        self.content = QWidget()
        row = QHBoxLayout(self.content)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)

        self._unlock_panel: UnlockPanel | None = None  # built when first needed
        self.snapshot: SnapshotPage | None = None  # 工作台 as kept, until the live one loads

        self.screens = QStackedWidget()
        self.screens.addWidget(self.content)
        self.setCentralWidget(self.screens)

        self.state_label = QLabel()
        self.lock_button = QPushButton(self.tr("Lock now"))
        self.lock_button.clicked.connect(lambda: self.lock())
        self.sync_state_label = QLabel()
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.sync_state_label)
        self.statusBar().addPermanentWidget(self.lock_button)

        self.idle_watch = IdleWatch(self)
        self.idle_watch.idle.connect(self._lock_when_idle)
        self.parked = ParkedDialogs()
        self.after_recovery: AfterRecoveryDialog | None = None
        self.quitting = QuitGuard(self)
        self.integrity = IntegrityWatch(self, workspace, self._lock_damaged)

        if workspace.is_unlocked:
            self._after_unlock()
        elif open_from_this_pc and workspace.remembered_on_this_pc:
            self.lock_button.hide()
            self.state_label.setText(self.tr("Opening…"))
            after_paint(self, self.open_from_this_pc, children=False)
        else:
            self._show_locked("")

    @property
    def unlock_panel(self) -> UnlockPanel:
        """The lock screen, built the first time it is needed (not before a remembered key
        has opened the data and 工作台 has painted)."""
        if self._unlock_panel is None:
            from ui.shell.unlock import UnlockPanel

            self._unlock_panel = UnlockPanel(self._workspace)
            self._unlock_panel.unlocked.connect(self._after_unlock)
            self.screens.addWidget(self._unlock_panel)
        return self._unlock_panel

    # ---------------------------------------------------------------- pages
    @property
    def dashboard(self) -> DashboardPage:
        return cast("DashboardPage", self._page("dashboard"))

    @property
    def members(self) -> MembersPage:
        return cast("MembersPage", self._page("members"))

    @property
    def meetings(self) -> MeetingsPage:
        return cast("MeetingsPage", self._page("meetings"))

    @property
    def dues(self) -> DuesPage:
        return cast("DuesPage", self._page("dues"))

    @property
    def study(self) -> StudyPage:
        return cast("StudyPage", self._page("study"))

    @property
    def talks(self) -> TalksPage:
        return cast("TalksPage", self._page("talks"))

    @property
    def rectification(self) -> RectificationPage:
        return cast("RectificationPage", self._page("rectification"))

    @property
    def appraisal(self) -> AppraisalPage:
        return cast("AppraisalPage", self._page("appraisal"))

    @property
    def opinions(self) -> OpinionsPage:
        return cast("OpinionsPage", self._page("opinions"))

    @property
    def disclosures(self) -> DisclosuresPage:
        return cast("DisclosuresPage", self._page("disclosures"))

    @property
    def reports(self) -> ReportsPage:
        return cast("ReportsPage", self._page("reports"))

    @property
    def sync(self) -> SyncPage:
        return cast("SyncPage", self._page("sync"))

    @property
    def settings(self) -> SettingsPage:
        return cast("SettingsPage", self._page("settings"))

    def _page(self, name: str) -> QWidget:
        """The page, built now if needed; a page built while the data shows shows it too."""
        new = self.pages.built(name) is None
        page = self.pages.page(name)
        if new and self._showing_data and name in SHOWING_DATA:
            self._refresh(cast(Refreshable, page))
        return page

    def _data_pages(self, names: tuple[str, ...]) -> list[Refreshable]:
        return [cast(Refreshable, page) for page in self.pages.built_pages(names)]

    # ---------------------------------------------------------------- state
    @property
    def is_locked(self) -> bool:
        panel = self._unlock_panel
        return panel is not None and self.screens.currentWidget() is panel

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def show_page_named(self, name: str) -> None:
        self.show_page(self.pages.index_of(name))

    def open_from_this_pc(self) -> None:
        """Open the data with the key remembered on this PC; the lock screen if that fails.

        At the start, 工作台 as kept in the database is shown first when it is provably
        current (``Workspace.dashboard_from_this_pc``): the window is then ready, and the data
        is opened right after, the live 工作台 taking the copy's place once it has loaded."""
        if not self._ready and not self._workspace.is_unlocked \
                and not os.environ.get(NO_KEPT_DASHBOARD_ENV):
            content = self._workspace.dashboard_from_this_pc(date.today())
            if content is not None and self._show_snapshot(content):
                return
        self._open_remembered()

    def _open_remembered(self) -> None:
        if self._workspace.is_unlocked or self._workspace.unlock_from_this_pc():
            self._after_unlock()
        else:
            self._show_locked("")

    def _show_snapshot(self, content: str) -> bool:
        from ui.shell.dashboard_frame import parse

        page = parse(content)
        if page is None:
            return False
        self.snapshot = page
        page.go_to.connect(self.show_page_named)
        self.pages.addWidget(page)  # after the pages: their indexes stay the navigation's
        self.pages.setCurrentWidget(page)
        self.show_branch(page.branch_name)
        after_paint(page, self._snapshot_painted)
        return True

    def _snapshot_painted(self) -> None:
        self._became_ready()
        QTimer.singleShot(0, self._open_remembered)

    def _drop_snapshot(self) -> None:
        """The live 工作台 has loaded (or the data was locked): the kept copy goes."""
        page, self.snapshot = self.snapshot, None
        if page is None:
            return
        if self.pages.currentWidget() is page:
            self.pages.setCurrentIndex(self.navigation.currentRow())
        self.pages.removeWidget(page)
        page.deleteLater()

    def _became_ready(self) -> None:
        if not self._ready:
            self._ready = True
            self.ready.emit()

    def lock(self, notice: str = "") -> None:
        """Drop the key, close the connections and cover everything with the lock screen."""
        self._workspace.lock()
        self._show_locked(notice)

    def _lock_when_idle(self) -> None:
        self.lock(self.tr("Locked after a period without use."))

    def _lock_damaged(self) -> None:
        self.lock()
        self.unlock_panel.show_damaged()

    def _show_locked(self, notice: str) -> None:
        self._drop_snapshot()
        self.idle_watch.stop()
        self.integrity.stop()
        self.parked.park(self)
        self._showing_data = False
        for page in self._data_pages((*SHOWING_DATA, "sync")):
            page.clear()
        self.sync_state_label.clear()
        self.screens.setCurrentWidget(self.unlock_panel)
        self.unlock_panel.reset(notice)
        self.lock_button.hide()
        self.state_label.setText(self.tr("Locked"))
        self.setWindowTitle(app_title())  # the branch shows only while unlocked
        if not self._ready:
            after_paint(self.unlock_panel, self._became_ready)

    def _after_unlock(self) -> None:
        from app.services import branch

        try:
            self.pages.page(self.pages.name_at(self.navigation.currentRow()))  # what is shown
            for page in self._data_pages(SHOWING_DATA):
                page.refresh()
            with self._workspace.unit_of_work(read_only=True) as uow:
                minutes = branch.load_preferences(uow).auto_lock_minutes
                self.show_branch(branch.load_profile(uow).name)
        except DatabaseUnreadableError:
            self._lock_damaged()
            return
        except BranchDeskError as error:
            self._workspace.lock()
            self._show_locked("")
            self.unlock_panel.message_label.setText(message_for(error))
            return
        self._showing_data = True
        self.screens.setCurrentWidget(self.content)
        self.lock_button.show()
        self.state_label.setText(self.tr("Unlocked"))
        if not self._ready:
            self._ready_when_filled()
        if self.snapshot is not None:
            dashboard = cast("DashboardPage", self.pages.page("dashboard"))
            if dashboard.filled:
                self._drop_snapshot()
            else:
                dashboard.all_loaded.connect(self._drop_snapshot)
        self.apply_auto_lock_minutes(minutes)
        self.idle_watch.start()
        self.parked.show_again()
        if self._workspace.unlocked_with_recovery_code:
            if self.isVisible():
                self.ask_new_passphrase()
            else:  # opened unlocked (a restore in the wizard): over the window, once it shows
                QTimer.singleShot(0, self.ask_new_passphrase)
        self.integrity.start()
        # The 同步 page's state (and the status bar's sync line, the automatic sync) is read just
        # after the window appears: it needs the sync client, whose imports would slow the start.
        self._sync_stale = True
        QTimer.singleShot(SYNC_STATE_DELAY_MS, self._refresh_sync_state)

    def _ready_when_filled(self) -> None:
        """``ready`` once the page shown is painted, 工作台 with every section loaded."""
        page = self.pages.currentWidget()
        dashboard = cast("DashboardPage", page) if self.pages.built("dashboard") is page \
            else None
        if dashboard is not None and not dashboard.filled:
            if not self._waiting_for_dashboard:
                self._waiting_for_dashboard = True
                dashboard.all_loaded.connect(self._dashboard_filled)
            return
        after_paint(page, self._became_ready)

    def _dashboard_filled(self) -> None:
        if self._waiting_for_dashboard and not self._ready:
            self._waiting_for_dashboard = False
            self._ready_when_filled()

    def show_branch(self, name: str) -> None:
        self.setWindowTitle(branch_title(name))

    def _refresh_sync_state(self) -> None:
        if self.is_locked or not self._sync_stale:
            return
        self._sync_stale = False
        try:
            self.sync.refresh()
        except BranchDeskError as error:
            self.state_label.setText(message_for(error))

    def _page_shown(self, index: int) -> None:
        name = self.pages.name_at(index)
        self._page(name)
        self.pages.setCurrentIndex(index)
        if name == "sync":
            self._refresh_sync_state()

    def _refresh(self, *pages: Refreshable) -> None:
        """Reload ``pages``; what goes wrong is said in the status bar."""
        try:
            for page in pages:
                page.refresh()
        except BranchDeskError as error:
            self.state_label.setText(message_for(error))

    def refresh_dashboard(self) -> None:
        """After a dues change: the arrears reminders on 工作台 may have changed."""
        self._refresh(*self._data_pages(("dashboard",)))

    def after_sync(self) -> None:
        """Changes arrived from the platform (or a conflict was decided): pages show them."""
        self._refresh(*self._data_pages(SYNCED))

    def show_rectification(self, meeting_id: str, held_on: date) -> None:
        """The meeting editor's 整改清单: the 整改 page with that 组织生活会's problems."""
        page = self.rectification
        self.show_page(self.pages.indexOf(page))
        page.show_meeting(meeting_id, held_on)

    def open_record(self, entity: str, record_id: str) -> None:
        """A record another page names (a statistics gap, a record behind a figure)."""
        record_links.open_record(self, entity, record_id)

    def refresh_meeting_reminders(self) -> None:
        """After a meeting was written: what 工作台 says is due may have changed."""
        dashboard = cast("DashboardPage | None", self.pages.built("dashboard"))
        if dashboard is not None:
            dashboard.refresh_section("meetings")

    def apply_auto_lock_minutes(self, minutes: int) -> None:
        if self._auto_lock_override is not None:
            self.idle_watch.set_timeout_ms(self._auto_lock_override)
        else:
            self.idle_watch.set_timeout_minutes(minutes)

    def after_restore(self, _result: object) -> None:
        from ui.settings.page import restored_notice

        self._show_locked(restored_notice())
        self.parked.close_all()  # they showed the data the restore replaced

    # ---------------------------------------------------------------- after a recovery
    def ask_new_passphrase(self) -> AfterRecoveryDialog:
        """The data was unlocked with the recovery code: ask for a new passphrase (skippable)."""
        from PySide6.QtCore import Qt

        from ui.shell.after_recovery import AfterRecoveryDialog

        if self.after_recovery is not None:
            self.after_recovery.close()
        dialog = AfterRecoveryDialog(self._workspace, self)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.destroyed.connect(self._after_recovery_closed)
        self.after_recovery = dialog
        dialog.show()
        dialog.fields.new_edit.setFocus()
        return dialog

    def _after_recovery_closed(self) -> None:
        self.after_recovery = None

    # ---------------------------------------------------------------- unsaved work and quitting
    def unsaved_work(self) -> list[UnsavedWork]:
        return self.quitting.unsaved_work()

    def ask_before_quitting(self, work: list[UnsavedWork]) -> QMessageBox:
        return self.quitting.ask(work)

    @property
    def quit_box(self) -> QMessageBox | None:
        return self.quitting.box

    # ---------------------------------------------------------------- Qt
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.quitting.may_close():
            event.ignore()
            return
        self.idle_watch.stop()
        self._workspace.lock()
        save_main_window(self)
        super().closeEvent(event)
