"""同步: the platform's address and CA bundle, enrollment, 立即同步, conflicts, notices, history.

Every network call runs off the GUI thread: 立即同步 and enrollment through ``run_in_background``
(progress and cancel), the automatic sync on a schedule through a quiet runner without a dialog.
The page reads what it shows through ``sync.service`` and never writes to the database itself.
It holds 立即同步, the automatic sync, notices and history; its boxes for the connection and
enrollment, the conflicts and the bundle files are modules of their own.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError, MassDeletionConfirmationRequired
from app.services.workspace import Workspace
from ui.common.branding import app_title
from ui.common.lazy_module import LazyModule as _LazyModule
from ui.common.messages import message_for
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background, run_quietly
from ui.sync.bundle_box import BundleBox
from ui.sync.conflicts_box import ConflictsBox
from ui.sync.connection_box import ConnectionBox
from ui.sync.notice_dialog import NoticeDialog
from ui.sync.rows_model import RowsModel, rows_table
from ui.sync.state import SyncState, load_state
from ui.sync.texts import (
    error_text,
    local_time,
    outcome_text,
    report_text,
    retry_text,
    show_feedback,
)

if TYPE_CHECKING:
    from sync import bundle_sync, service
    from sync.engine import SyncReport
else:
    # The sync client (HTTP, the pydantic wire schema, bundle cryptography) is imported when the
    # page first reads its state, not while the program starts: it is ~0.3 s of imports.
    service = _LazyModule("sync.service")
    bundle_sync = _LazyModule("sync.bundle_sync")

log = logging.getLogger(__name__)


class _QuietSignals(QObject):
    succeeded = Signal(object)
    failed = Signal(object)
    retrying = Signal(int)


class _QuietRunner(QRunnable):
    def __init__(self, operation: Callable[[], object], signals: _QuietSignals) -> None:
        super().__init__()
        self._operation = operation
        self._signals = signals
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._operation()
        except BaseException as error:  # back to the GUI thread, never lost
            self._signals.failed.emit(error)
        else:
            self._signals.succeeded.emit(result)


class SyncPage(QWidget):
    """``state_changed(text)`` whenever the sync state worth a status-bar line changes;
    ``synced`` after a synchronization received changes (other pages may need a refresh)."""

    state_changed = Signal(str)
    synced = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.last_task: BackgroundTask | None = None
        self.notice_task: BackgroundTask | None = None  # marking read, reading the list
        self.mass_deletion_box: QMessageBox | None = None
        self._quiet: tuple[_QuietSignals, _QuietRunner] | None = None
        self._enrolled = False
        self._manual_running = False
        self._loaded = False  # the state was read at least once since unlocking

        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(self.sync_automatically)

        content = QWidget()
        column = QVBoxLayout(content)
        self.connection_box = ConnectionBox(workspace, self.refresh)
        self.connection_box.enrolled.connect(self._refresh_quietly)
        column.addWidget(self.connection_box)
        column.addWidget(self._sync_box())
        # Right under 立即同步, and only while there is something to decide: on a 1366×768
        # screen a list at the bottom of the page went unseen.
        self.conflicts_box = ConflictsBox(workspace, self.refresh)
        self.conflicts_box.decided.connect(self.synced)
        self.conflicts_box.hide()
        column.addWidget(self.conflicts_box)
        self.bundle_box = BundleBox(workspace)
        self.bundle_box.changed.connect(self._refresh_quietly)
        self.bundle_box.received.connect(self.synced)
        column.addWidget(self.bundle_box)
        column.addWidget(self._notices_box())
        column.addWidget(self._history_box())
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    # ---------------------------------------------------------------- building
    def _sync_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Synchronization"))
        layout = QVBoxLayout(box)
        self.pending_label = QLabel()
        layout.addWidget(self.pending_label)
        self.sync_button = QPushButton(self.tr("Synchronize now"))
        self.sync_button.clicked.connect(self.sync_now)
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.result_label = QLabel()
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        return box

    def _notices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Platform notices"))
        layout = QHBoxLayout(box)
        self.notices_list = QListWidget()
        self.notices_list.setMinimumHeight(120)
        self.notices_list.currentItemChanged.connect(self._show_notice)
        self.notices_list.itemDoubleClicked.connect(self.open_notice)
        self.notices_list.setToolTip(self.tr("Double-click a notice to open it: attachments "
                                             "and the branch's answer"))
        self.notice_view = QTextBrowser()
        self.notice_view.setMinimumHeight(120)
        layout.addWidget(self.notices_list, 2)
        layout.addWidget(self.notice_view, 3)
        return box

    def _history_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("History"))
        layout = QVBoxLayout(box)
        self.history_model = RowsModel([
            self.tr("Started"), self.tr("Result"), self.tr("Sent"), self.tr("Received"),
            self.tr("Conflicts"), self.tr("Refused"), self.tr("Error"),
        ], self)
        self.history_view = rows_table(self.history_model)
        layout.addWidget(self.history_view)
        return box

    # ---------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Read the state again (after unlocking, a sync, a choice). Raises BranchDeskError."""
        state = load_state(self._workspace)
        s = state.settings
        self._enrolled = s.enrolled
        self.connection_box.show_settings(s)
        self.sync_button.setEnabled(s.enrolled and not self._busy())
        self._loaded = True
        self._show_pending(state.pending)
        self.conflicts_box.show_conflicts(state.conflicts)
        if state.history and not self.result_label.text():
            last = state.history[0]
            show_feedback(
                self.result_label, self.tr("Last synchronization: {time}, {result}.").format(
                    time=local_time(last.finished_at), result=outcome_text(last.outcome)),
                ok=last.outcome != "failed")
        self.history_model.set_rows([
            (local_time(r.started_at), outcome_text(r.outcome), str(r.pushed), str(r.pulled),
             str(r.conflicts), str(r.rejected), error_text(r.error))
            for r in state.history
        ], [r.started_at for r in state.history])
        self._show_notices(state.notices)
        self.bundle_box.show_status(bundle_sync.status(self._workspace))
        self._schedule(s.auto_minutes)
        self.state_changed.emit(self._state_text(state))

    def _show_pending(self, count: int) -> None:
        self.pending_label.setText(self.tr("{count} changes wait to be sent to the platform.")
                                   .format(count=count))

    def showEvent(self, event: QShowEvent) -> None:
        # Changes made on other pages since the state was read: the count is read again (one
        # query) each time the page is shown; what is typed in the fields stays.
        super().showEvent(event)
        if self._loaded and self._workspace.is_unlocked and not self._busy():
            try:
                self._show_pending(service.pending_count(self._workspace))
                self.bundle_box.show_status(bundle_sync.status(self._workspace))
            except BranchDeskError as error:
                self.state_changed.emit(message_for(error))

    def clear(self) -> None:
        """Forget what was shown (the workspace is being locked); the schedule stops."""
        self._loaded = False
        self.auto_timer.stop()
        self.connection_box.clear()
        self.pending_label.clear()
        self.result_label.clear()
        self.bundle_box.clear()
        self.conflicts_box.clear()
        self.history_model.set_rows([], [])
        self.notices_list.clear()
        self.notice_view.clear()

    def _state_text(self, state: SyncState) -> str:
        if not state.settings.enrolled:
            return self.tr("Sync: not enrolled")
        if state.conflicts:
            return self.tr("Sync: {count} conflicts to decide").format(
                count=len(state.conflicts))
        if state.history and state.history[0].outcome == "failed":
            return self.tr("Sync: last attempt failed")
        if state.pending:
            return self.tr("Sync: {count} changes waiting").format(count=state.pending)
        return self.tr("Sync: up to date")

    def _show_notices(self, notices: list[service.PlatformNotice]) -> None:
        self.notices_list.blockSignals(True)
        self.notices_list.clear()
        for notice in notices:
            item = QListWidgetItem(f"{notice.published_at[:10]}  {notice.title}")
            item.setData(Qt.ItemDataRole.UserRole, notice)
            font = item.font()
            font.setBold(not notice.read)
            item.setFont(font)
            self.notices_list.addItem(item)
        self.notices_list.blockSignals(False)
        self.notice_view.clear()

    def open_notice(self, item: QListWidgetItem) -> NoticeDialog:
        """The notice as a task: its attachments and the branch's answer (issue 18). The list
        is read again when the dialog closes (the dialog marks the notice read)."""
        notice: service.PlatformNotice = item.data(Qt.ItemDataRole.UserRole)
        dialog = NoticeDialog(self._workspace, notice.id, self)
        self.notice_dialog = dialog
        dialog.finished.connect(self._reload_notices)
        dialog.open()
        return dialog

    def _reload_notices(self) -> None:
        workspace = self._workspace

        def operation(_context: TaskContext) -> list[service.PlatformNotice]:
            return service.notices(workspace)

        self.notice_task = run_quietly(
            self, operation, lambda found: self._show_notices(found),
            lambda error: self.state_changed.emit(message_for(error)))

    def _show_notice(self, item: QListWidgetItem | None) -> None:
        """The notice's text, and the notice marked read off the GUI thread (a sync may hold
        the database for a while): its line stops being bold once it is."""
        if item is None:
            return
        notice: service.PlatformNotice = item.data(Qt.ItemDataRole.UserRole)
        self.notice_view.setPlainText(f"{notice.title}\n\n{notice.body}")
        if notice.read:
            return
        workspace, notice_id = self._workspace, notice.id

        def operation(_context: TaskContext) -> None:
            service.mark_notice_read(workspace, notice_id)

        self.notice_task = run_quietly(
            self, operation, lambda _result: self._shown_read(notice_id),
            lambda error: self.state_changed.emit(message_for(error)))

    def _shown_read(self, notice_id: int) -> None:
        for row in range(self.notices_list.count()):
            item = self.notices_list.item(row)
            notice: service.PlatformNotice = item.data(Qt.ItemDataRole.UserRole)
            if notice.id == notice_id:
                item.setData(Qt.ItemDataRole.UserRole, replace(notice, read=True))
                font = item.font()
                font.setBold(False)
                item.setFont(font)

    # ---------------------------------------------------------------- actions
    def sync_now(self, confirm_mass_deletion: bool = False) -> None:
        if self._busy():
            return
        workspace = self._workspace

        def operation(ctx: TaskContext) -> SyncReport:
            return service.sync_now(workspace, ctx.progress, ctx.cancelled,
                                    confirm_mass_deletion=confirm_mass_deletion,
                                    retrying=lambda n: ctx.note(retry_text(n)))

        self._manual_running = True
        self.sync_button.setEnabled(False)
        self.state_changed.emit(self.tr("Sync: synchronizing…"))
        self.last_task = run_in_background(
            self, operation, self._synced, self._sync_failed,
            title=self.tr("Synchronizing with the platform…"))
        self.last_task.noted.connect(self._retrying)

    def _retrying(self, text: str) -> None:
        """The platform did not answer and the request is tried again: say so meanwhile."""
        show_feedback(self.result_label, text, ok=False)
        self.state_changed.emit(self.tr("Sync: {message}").format(message=text))

    def _succeeded(self, text: str, ok: bool) -> None:
        """A synchronization ended: its outcome replaces what was shown, errors of earlier
        attempts included."""
        show_feedback(self.result_label, text, ok=ok)
        self.connection_box.clear_errors()

    def _busy(self) -> bool:
        return self._manual_running or self._quiet is not None

    def _synced(self, result: object) -> None:
        self._manual_running = False
        result = cast("SyncReport", result)
        self._succeeded(report_text(result), ok=not result.rejected)
        self._refresh_quietly()
        if result.pulled:
            self.synced.emit()

    def _sync_failed(self, error: BaseException) -> None:
        self._manual_running = False
        show_feedback(self.result_label, message_for(error), ok=False)
        self._refresh_quietly()
        if isinstance(error, MassDeletionConfirmationRequired):
            self._ask_mass_deletion(error)

    def _ask_mass_deletion(self, error: MassDeletionConfirmationRequired) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Question, app_title(),
            message_for(error) + "\n\n" + self.tr("Remove these records from this PC now?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Remove them from this PC"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.sync_now(confirm_mass_deletion=True))
        box.finished.connect(self._forget_mass_deletion_box)
        self.mass_deletion_box = box
        box.open()

    def _forget_mass_deletion_box(self) -> None:
        self.mass_deletion_box = None

    def _refresh_quietly(self) -> None:
        self.sync_button.setEnabled(self._enrolled and not self._busy())
        try:
            self.refresh()
        except BranchDeskError as error:
            self.state_changed.emit(message_for(error))

    # ---------------------------------------------------------------- automatic sync
    def _schedule(self, minutes: int) -> None:
        if minutes > 0 and self._enrolled:
            interval = minutes * 60_000
            if not self.auto_timer.isActive() or self.auto_timer.interval() != interval:
                self.auto_timer.start(interval)
        else:
            self.auto_timer.stop()

    def sync_automatically(self) -> bool:
        """One scheduled sync on the thread pool, without a dialog. Skipped (False) while locked,
        not enrolled, or while another sync runs; the outcome goes to the status bar."""
        if not self._workspace.is_unlocked or not self._enrolled or self._busy():
            return False
        workspace = self._workspace
        signals = _QuietSignals(self)
        signals.succeeded.connect(self._auto_synced)
        signals.failed.connect(self._auto_failed)
        signals.retrying.connect(lambda n: self._retrying(retry_text(n)))
        runner = _QuietRunner(
            lambda: service.sync_now(workspace, retrying=signals.retrying.emit), signals)
        self._quiet = (signals, runner)
        self.sync_button.setEnabled(False)
        self.state_changed.emit(self.tr("Sync: synchronizing…"))
        QThreadPool.globalInstance().start(runner)
        return True

    @property
    def auto_sync_running(self) -> bool:
        return self._quiet is not None

    def _auto_done(self) -> None:
        if self._quiet is not None:
            self._quiet[0].deleteLater()
        self._quiet = None

    def _auto_synced(self, result: object) -> None:
        self._auto_done()
        if not self._workspace.is_unlocked:
            return
        result = cast("SyncReport", result)
        self._succeeded(report_text(result), ok=not result.rejected)
        self._refresh_quietly()
        if result.pulled:
            self.synced.emit()

    def _auto_failed(self, error: BaseException) -> None:
        self._auto_done()
        log.warning("automatic sync failed: %s", type(error).__name__, exc_info=error)
        if not self._workspace.is_unlocked:
            return
        show_feedback(self.result_label, message_for(error), ok=False)
        self._refresh_quietly()
        self.state_changed.emit(self.tr("Sync: {message}").format(message=message_for(error)))
