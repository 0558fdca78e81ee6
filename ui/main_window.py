"""The main window: navigation on the left, pages on the right, a lock screen that covers both.

Locking (auto-lock, the 立即锁定 button, or a restore) drops the key through the workspace and
switches the window to the lock screen. The pages stay alive but hidden, so what the user was
typing is still there after unlocking; what they showed from the database is cleared.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from app.errors import BranchDeskError
from app.services import branch
from app.services.workspace import Workspace
from ui.autolock import IdleWatch
from ui.branding import app_title, branch_title
from ui.messages import message_for
from ui.pages.dashboard import DashboardPage
from ui.pages.dues import DuesPage
from ui.pages.meetings import MeetingsPage
from ui.pages.members import MembersPage
from ui.pages.reports import ReportsPage
from ui.pages.settings import SettingsPage, restored_notice
from ui.pages.sync import SyncPage
from ui.unlock import UnlockPanel

SYNC_STATE_DELAY_MS = 300
"""How long after the window appears the 同步 page reads its state (see ``_after_unlock``)."""


class MainWindow(QMainWindow):
    """``auto_lock_ms``, when given, overrides the saved auto-lock minutes (for tests)."""

    def __init__(
        self,
        workspace: Workspace,
        auto_lock_ms: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._auto_lock_override = auto_lock_ms
        self.setWindowTitle(app_title())
        self.resize(1000, 680)
        self.setMinimumSize(QSize(760, 520))

        self.dashboard = DashboardPage(workspace)
        self.members = MembersPage(workspace)
        self.meetings = MeetingsPage(workspace)
        self.meetings.changed.connect(self._refresh_meeting_reminders)
        self.dues = DuesPage(workspace)
        self.dues.changed.connect(self._refresh_dashboard)
        self.settings = SettingsPage(workspace)
        self.settings.auto_lock_changed.connect(self._apply_auto_lock_minutes)
        self.settings.restored.connect(self._after_restore)
        self.settings.branch_box.saved.connect(self._show_branch)
        self.reports = ReportsPage()
        self.reports.go_to.connect(self.show_page)
        self.sync = SyncPage(workspace)
        self.sync.synced.connect(self._after_sync)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(150)
        self.navigation.setStyleSheet(
            "#navigation { font-size: 15px; } #navigation::item { padding: 10px 14px; }"
        )
        self.pages = QStackedWidget()
        for title, page in [
            (self.tr("Dashboard"), self.dashboard),
            (self.tr("Members"), self.members),
            (self.tr("Organizational life"), self.meetings),
            (self.tr("Party dues"), self.dues),
            (self.tr("Reports"), self.reports),
            (self.tr("Sync"), self.sync),
            (self.tr("Settings"), self.settings),
        ]:
            self.navigation.addItem(title)
            self.pages.addWidget(page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.currentRowChanged.connect(self._page_shown)
        self._sync_stale = False
        self.navigation.setCurrentRow(0)

        self.content = QWidget()
        row = QHBoxLayout(self.content)
        row.addWidget(self.navigation)
        row.addWidget(self.pages, 1)

        self.unlock_panel = UnlockPanel(workspace)
        self.unlock_panel.unlocked.connect(self._after_unlock)

        self.screens = QStackedWidget()
        self.screens.addWidget(self.content)
        self.screens.addWidget(self.unlock_panel)
        self.setCentralWidget(self.screens)

        self.state_label = QLabel()
        self.lock_button = QPushButton(self.tr("Lock now"))
        self.lock_button.clicked.connect(lambda: self.lock())
        self.sync_state_label = QLabel()
        self.sync.state_changed.connect(self.sync_state_label.setText)
        self.statusBar().addWidget(self.state_label, 1)
        self.statusBar().addPermanentWidget(self.sync_state_label)
        self.statusBar().addPermanentWidget(self.lock_button)

        self.idle_watch = IdleWatch(self)
        self.idle_watch.idle.connect(self._lock_when_idle)

        if workspace.is_unlocked:
            self._after_unlock()
        else:
            self._show_locked("")

    # ---------------------------------------------------------------- state
    @property
    def is_locked(self) -> bool:
        return self.screens.currentWidget() is self.unlock_panel

    def show_page(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def lock(self, notice: str = "") -> None:
        """Drop the key, close the connections and cover everything with the lock screen."""
        self._workspace.lock()
        self._show_locked(notice)

    def _lock_when_idle(self) -> None:
        self.lock(self.tr("Locked after a period without use."))

    def _show_locked(self, notice: str) -> None:
        self.idle_watch.stop()
        self._close_dialogs()
        self.dashboard.clear()
        self.members.clear()
        self.meetings.clear()
        self.dues.clear()
        self.settings.clear()
        self.sync.clear()
        self.sync_state_label.clear()
        self.screens.setCurrentWidget(self.unlock_panel)
        self.unlock_panel.reset(notice)
        self.lock_button.hide()
        self.state_label.setText(self.tr("Locked"))
        self.setWindowTitle(app_title())  # the branch shows only while unlocked

    def _after_unlock(self) -> None:
        try:
            self.dashboard.refresh()
            self.members.refresh()
            self.meetings.refresh()
            self.dues.refresh()
            self.settings.refresh()
            with self._workspace.unit_of_work() as uow:
                minutes = branch.load_preferences(uow).auto_lock_minutes
                self._show_branch(branch.load_profile(uow).name)
        except BranchDeskError as error:
            self._workspace.lock()
            self._show_locked("")
            self.unlock_panel.message_label.setText(message_for(error))
            return
        self.screens.setCurrentWidget(self.content)
        self.lock_button.show()
        self.state_label.setText(self.tr("Unlocked"))
        self._apply_auto_lock_minutes(minutes)
        self.idle_watch.start()
        # The 同步 page's state (and the status bar's sync line, the automatic sync) is read just
        # after the window appears: it needs the sync client, whose imports would slow the start.
        self._sync_stale = True
        QTimer.singleShot(SYNC_STATE_DELAY_MS, self._refresh_sync_state)

    def _show_branch(self, name: str) -> None:
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
        if self.pages.widget(index) is self.sync:
            self._refresh_sync_state()

    def _refresh_dashboard(self) -> None:
        """After a dues change: the arrears reminders on 工作台 may have changed."""
        try:
            self.dashboard.refresh()
        except BranchDeskError as error:
            self.state_label.setText(message_for(error))

    def _after_sync(self) -> None:
        """Changes arrived from the platform (or a conflict was decided): pages show them."""
        try:
            self.dashboard.refresh()
            self.members.refresh()
            self.meetings.refresh()
            self.dues.refresh()
        except BranchDeskError as error:
            self.state_label.setText(message_for(error))

    def _refresh_meeting_reminders(self) -> None:
        """After a meeting was written: what 工作台 says is due may have changed."""
        try:
            self.dashboard.meetings.refresh()
        except BranchDeskError as error:
            self.state_label.setText(message_for(error))

    def _apply_auto_lock_minutes(self, minutes: int) -> None:
        if self._auto_lock_override is not None:
            self.idle_watch.set_timeout_ms(self._auto_lock_override)
        else:
            self.idle_watch.set_timeout_minutes(minutes)

    def _after_restore(self, _result: object) -> None:
        self._show_locked(restored_notice())

    def _close_dialogs(self) -> None:
        """Close message boxes and other dialogs over the window: nothing stays on screen while
        locked. Progress dialogs of running tasks stay (auto-lock waits for those)."""
        # The stubs type findChildren's result as Iterable[Never].
        for dialog in cast("list[QDialog]", self.findChildren(QDialog)):
            if dialog.isVisible() and not isinstance(dialog, QProgressDialog):
                dialog.reject()

    # ---------------------------------------------------------------- Qt
    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle_watch.stop()
        self._workspace.lock()
        super().closeEvent(event)
