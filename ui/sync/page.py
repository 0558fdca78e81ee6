"""同步: the platform's address and CA bundle, enrollment, 立即同步, conflicts, notices, history.

Every network call runs off the GUI thread: 立即同步 and enrollment through ``run_in_background``
(progress and cancel), the automatic sync on a schedule through a quiet runner without a dialog.
The page reads what it shows through ``sync.service`` and never writes to the database itself.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar import Month
from app.domain.money import from_fen
from app.errors import BranchDeskError, MassDeletionConfirmationRequired
from app.services import members as member_service
from app.services.workspace import Workspace
from ui.common.branding import app_title
from ui.common.dues_texts import month_text, yuan_text
from ui.common.lazy_module import LazyModule as _LazyModule
from ui.common.member_texts import field_label
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background

if TYPE_CHECKING:
    from sync import bundle_sync, service
    from sync.engine import SyncReport
else:
    # The sync client (HTTP, the pydantic wire schema, bundle cryptography) is imported when the
    # page first reads its state, not while the program starts: it is ~0.3 s of imports.
    service = _LazyModule("sync.service")
    bundle_sync = _LazyModule("sync.bundle_sync")

log = logging.getLogger(__name__)

AnyIndex = QModelIndex | QPersistentModelIndex


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


def entity_label(entity: str) -> str:
    labels = {
        "party_group": QCoreApplication.translate("SyncPage", "Party group"),
        "member": QCoreApplication.translate("SyncPage", "Member"),
        "member_event": QCoreApplication.translate("SyncPage", "Member history"),
        "meeting": QCoreApplication.translate("SyncPage", "Meeting"),
        "meeting_attendance": QCoreApplication.translate("SyncPage", "Attendance"),
        "meeting_vote": QCoreApplication.translate("SyncPage", "Vote"),
        "meeting_amendment": QCoreApplication.translate("SyncPage", "Minutes amendment"),
        "dues_base": QCoreApplication.translate("SyncPage", "Dues base"),
        "dues_relief": QCoreApplication.translate("SyncPage", "Dues relief"),
        "dues_category": QCoreApplication.translate("SyncPage", "Dues category change"),
        "dues_quarterly": QCoreApplication.translate("SyncPage", "Quarterly dues payment"),
        "dues_event": QCoreApplication.translate("SyncPage", "Dues payment"),
    }
    return labels.get(entity, entity)


def dues_field_label(field: str) -> str:
    return {
        "base_fen": QCoreApplication.translate("SyncPage", "Monthly base"),
        "amount_fen": QCoreApplication.translate("SyncPage", "Amount"),
        "note": QCoreApplication.translate("SyncPage", "Reason"),
        "on_date": QCoreApplication.translate("SyncPage", "Date"),
    }.get(field, field)


def ledger_label(kind: str | None) -> str:
    return {
        "due": QCoreApplication.translate("SyncPage", "Amount owed"),
        "reversal": QCoreApplication.translate("SyncPage", "Reversal"),
    }.get(kind or "", entity_label("dues_event"))


def value_text(value: Any) -> str:
    if value is None or value == "":
        return QCoreApplication.translate("SyncPage", "(empty)")
    if isinstance(value, bool):
        return (QCoreApplication.translate("SyncPage", "yes") if value
                else QCoreApplication.translate("SyncPage", "no"))
    return str(value)


def _month_text(code: str | None) -> str:
    try:
        return month_text(Month.parse(code)) if code else ""
    except ValueError:
        return code or ""


def _yuan(fen: Any) -> str:
    return yuan_text(from_fen(fen)) if isinstance(fen, int) else value_text(fen)


def outcome_text(outcome: str) -> str:
    return {
        "ok": QCoreApplication.translate("SyncPage", "Succeeded"),
        "failed": QCoreApplication.translate("SyncPage", "Failed"),
        "cancelled": QCoreApplication.translate("SyncPage", "Cancelled"),
    }.get(outcome, outcome)


def error_text(error: str) -> str:
    return {
        "": "",
        "SyncServerUnreachableError": QCoreApplication.translate(
            "SyncPage", "platform unreachable"),
        "SyncAuthError": QCoreApplication.translate("SyncPage", "not authorized"),
        "SyncProtocolError": QCoreApplication.translate("SyncPage", "unexpected answer"),
        "SyncNotEnrolledError": QCoreApplication.translate("SyncPage", "not enrolled"),
        "MassDeletionConfirmationRequired": QCoreApplication.translate(
            "SyncPage", "deletions to confirm"),
    }.get(error, QCoreApplication.translate("SyncPage", "other error"))


def retry_text(number: int) -> str:
    return QCoreApplication.translate(
        "SyncPage", "The platform does not answer; retrying (attempt {number})…"
    ).format(number=number)


def is_unencrypted(url: str) -> bool:
    """An ``http://`` address off this PC: what is sent can be read on the network. (On the
    loopback address nothing leaves the PC.)"""
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "http":
        return False
    host = (parts.hostname or "").lower()
    return not (host == "localhost" or host.startswith("127.") or host == "::1")


def report_text(report: SyncReport) -> str:
    if report.cancelled:
        return QCoreApplication.translate(
            "SyncPage", "Synchronization cancelled; the next one continues where it stopped.")
    return QCoreApplication.translate(
        "SyncPage",
        "Synchronized: {pushed} changes sent, {pulled} received, {conflicts} conflicts, "
        "{rejected} refused by the platform.",
    ).format(pushed=report.pushed, pulled=report.pulled, conflicts=report.conflicts,
             rejected=report.rejected)


# ---------------------------------------------------------------- what the page shows


@dataclass(frozen=True)
class ConflictLine:
    id: str
    record: str
    field: str
    local: str
    server: str


@dataclass(frozen=True)
class SyncState:
    settings: service.SyncSettings
    pending: int
    conflicts: list[ConflictLine]
    history: list[service.SyncRun]
    notices: list[service.PlatformNotice]


def load_state(workspace: Workspace) -> SyncState:
    """Everything the page shows, read through the services (member names for conflicts)."""
    lines = []
    names: dict[str, str] = {}
    for conflict in service.conflicts(workspace):
        record = entity_label(conflict.entity)
        field = conflict.field
        local, server = value_text(conflict.local_value), value_text(conflict.server_value)
        member_id = conflict.entity_id if conflict.entity == "member" else conflict.member_id
        if member_id and member_id not in names:
            try:
                with workspace.unit_of_work(read_only=True) as uow:
                    names[member_id] = member_service.get_member(uow, member_id).data.name
            except BranchDeskError:
                names[member_id] = ""
        if conflict.entity == "member":
            record = f"{record} {names[conflict.entity_id]}".strip()
            field = field_label(conflict.field)
        elif conflict.entity in ("dues_base", "dues_event"):
            if conflict.entity == "dues_event":
                record = ledger_label(conflict.kind)
            month = _month_text(conflict.month)
            record = " ".join(p for p in (record, names.get(member_id or "", ""), month) if p)
            field = dues_field_label(conflict.field)
            if conflict.field.endswith("_fen"):
                local, server = _yuan(conflict.local_value), _yuan(conflict.server_value)
        lines.append(ConflictLine(conflict.id, record, field, local, server))
    return SyncState(service.settings(workspace), service.pending_count(workspace), lines,
                     service.history(workspace), service.notices(workspace))


class RowsModel(QAbstractTableModel):
    """A small read-only table of text rows (conflicts, history); ``ids`` name the rows."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[str, ...]] = []
        self.ids: list[str] = []

    def set_rows(self, rows: Sequence[tuple[str, ...]], ids: Sequence[str]) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self.ids = list(ids)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        return self._rows[index.row()][index.column()]

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None


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


def _table(model: RowsModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setMinimumHeight(150)
    return view


def _feedback(label: QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
    label.setText(text)


class SyncPage(QWidget):
    """``state_changed(text)`` whenever the sync state worth a status-bar line changes;
    ``synced`` after a synchronization received changes (other pages may need a refresh)."""

    state_changed = Signal(str)
    synced = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self.last_task: BackgroundTask | None = None
        self.mass_deletion_box: QMessageBox | None = None
        self._quiet: tuple[_QuietSignals, _QuietRunner] | None = None
        self._enrolled = False
        self._manual_running = False
        self._loaded = False  # the state was read at least once since unlocking
        self._enrolling = False
        self._insecure_confirmed = ""  # the http:// address the user accepted
        self.insecure_box: QMessageBox | None = None

        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(self.sync_automatically)

        content = QWidget()
        column = QVBoxLayout(content)
        column.addWidget(self._connection_box())
        column.addWidget(self._sync_box())
        # Right under 立即同步, and only while there is something to decide: on a 1366×768
        # screen a list at the bottom of the page went unseen.
        self.conflicts_box = self._conflicts_box()
        self.conflicts_box.hide()
        column.addWidget(self.conflicts_box)
        self.bundle_box = self._bundle_box()
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
    def _connection_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("City platform"))
        form = QFormLayout(box)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText("https://platform.example.gov.cn")
        form.addRow(self.tr("Server address:"), self.server_edit)
        self.ca_edit = QLineEdit()
        self.ca_edit.setPlaceholderText(self.tr("The system's certificates"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.choose_ca_bundle)
        ca_row = QHBoxLayout()
        ca_row.addWidget(self.ca_edit, 1)
        ca_row.addWidget(browse)
        form.addRow(self.tr("CA certificates (PEM):"), ca_row)
        self.auto_spin = QSpinBox()
        self.auto_spin.setRange(0, 0)  # the real maximum comes with the state (``refresh``)
        self.auto_spin.setSingleStep(15)
        self.auto_spin.setSpecialValueText(self.tr("Off"))
        self.auto_spin.setSuffix(self.tr(" minutes"))
        form.addRow(self.tr("Synchronize automatically every:"), self.auto_spin)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(self.save_settings)
        self.settings_feedback = QLabel()
        self.settings_feedback.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.settings_feedback, 1)
        form.addRow("", row)

        self.enrollment_label = QLabel()
        self.enrollment_label.setWordWrap(True)
        form.addRow(self.tr("Enrollment:"), self.enrollment_label)
        self.code_edit = QLineEdit()
        self.code_edit.setPlaceholderText(self.tr("One-time code from the platform"))
        self.enroll_button = QPushButton(self.tr("Enroll this PC"))
        self.enroll_button.clicked.connect(self.enroll)
        code_row = QHBoxLayout()
        code_row.addWidget(self.code_edit, 1)
        code_row.addWidget(self.enroll_button)
        form.addRow(self.tr("Enrollment code:"), code_row)
        self.enroll_feedback = QLabel()
        self.enroll_feedback.setWordWrap(True)
        form.addRow("", self.enroll_feedback)
        return box

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

    def _bundle_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sync by bundle file (PC without a connection)"))
        layout = QVBoxLayout(box)
        steps = QLabel(self.tr(
            "1. Export a bundle onto a USB drive and take it to the platform administrator.\n"
            "2. Bring back the return bundle the platform writes and import it here.\n"
            "A new bundle always carries every change not yet confirmed, so a lost drive loses "
            "nothing. Records classified 秘密 never enter a bundle."))
        steps.setWordWrap(True)
        steps.setStyleSheet(HINT_STYLE)
        layout.addWidget(steps)
        self.bundle_status_label = QLabel()
        self.bundle_status_label.setWordWrap(True)
        layout.addWidget(self.bundle_status_label)
        self.export_bundle_button = QPushButton(self.tr("Export bundle…"))
        self.export_bundle_button.clicked.connect(lambda: self.export_bundle())
        self.import_bundle_button = QPushButton(self.tr("Import return bundle…"))
        self.import_bundle_button.clicked.connect(lambda: self.import_bundle())
        row = QHBoxLayout()
        row.addWidget(self.export_bundle_button)
        row.addWidget(self.import_bundle_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.platform_key_button = QPushButton(self.tr("Set the platform's key file…"))
        self.platform_key_button.clicked.connect(lambda: self.set_platform_key())
        self.device_key_button = QPushButton(self.tr("Save this PC's key file…"))
        self.device_key_button.clicked.connect(lambda: self.write_device_key())
        keys = QHBoxLayout()
        keys.addWidget(self.platform_key_button)
        keys.addWidget(self.device_key_button)
        keys.addStretch(1)
        layout.addLayout(keys)
        self.bundle_feedback = QLabel()
        self.bundle_feedback.setWordWrap(True)
        layout.addWidget(self.bundle_feedback)
        return box

    def _conflicts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Conflicts to decide"))
        layout = QVBoxLayout(box)
        hint = QLabel(self.tr(
            "These fields were changed both on this PC and on the platform. Choose for each "
            "which value to keep; it is sent to the platform with the next synchronization."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        layout.addWidget(hint)
        self.conflicts_model = RowsModel([self.tr("Record"), self.tr("Field"),
                                          self.tr("Value on this PC"),
                                          self.tr("Value on the platform")], self)
        self.conflicts_view = _table(self.conflicts_model)
        layout.addWidget(self.conflicts_view)
        self.keep_local_button = QPushButton(self.tr("Keep this PC's value"))
        self.keep_local_button.clicked.connect(lambda: self.resolve_selected("local"))
        self.keep_server_button = QPushButton(self.tr("Keep the platform's value"))
        self.keep_server_button.clicked.connect(lambda: self.resolve_selected("server"))
        self.conflict_feedback = QLabel()
        self.conflict_feedback.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.keep_local_button)
        row.addWidget(self.keep_server_button)
        row.addWidget(self.conflict_feedback, 1)
        layout.addLayout(row)
        return box

    def _notices_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Platform notices"))
        layout = QHBoxLayout(box)
        self.notices_list = QListWidget()
        self.notices_list.setMinimumHeight(120)
        self.notices_list.currentItemChanged.connect(self._show_notice)
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
        self.history_view = _table(self.history_model)
        layout.addWidget(self.history_view)
        return box

    # ---------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Read the state again (after unlocking, a sync, a choice). Raises BranchDeskError."""
        state = load_state(self._workspace)
        s = state.settings
        self._enrolled = s.enrolled
        self.server_edit.setText(s.server_url)
        self.ca_edit.setText(s.ca_bundle)
        self.auto_spin.setRange(0, service.MAX_AUTO_MINUTES)
        self.auto_spin.setValue(s.auto_minutes)
        self.enrollment_label.setText(
            self.tr("This PC is enrolled with the platform.") if s.enrolled
            else self.tr("Not enrolled yet: enter the one-time code the platform issued."))
        self.code_edit.setEnabled(not s.enrolled)
        self.enroll_button.setEnabled(not s.enrolled and not self._enrolling)
        self.sync_button.setEnabled(s.enrolled and not self._busy())
        self._loaded = True
        self._show_pending(state.pending)
        self.conflicts_model.set_rows(
            [(c.record, c.field, c.local, c.server) for c in state.conflicts],
            [c.id for c in state.conflicts])
        has_conflicts = bool(state.conflicts)
        # Kept while it says what was just decided.
        self.conflicts_box.setVisible(has_conflicts or bool(self.conflict_feedback.text()))
        self.keep_local_button.setEnabled(has_conflicts)
        self.keep_server_button.setEnabled(has_conflicts)
        if has_conflicts and not self.conflicts_view.selectionModel().hasSelection():
            self.conflicts_view.selectRow(0)
        if state.history and not self.result_label.text():
            last = state.history[0]
            _feedback(self.result_label, self.tr("Last synchronization: {time}, {result}.").format(
                time=_local_time(last.finished_at), result=outcome_text(last.outcome)),
                ok=last.outcome != "failed")
        self.history_model.set_rows([
            (_local_time(r.started_at), outcome_text(r.outcome), str(r.pushed), str(r.pulled),
             str(r.conflicts), str(r.rejected), error_text(r.error))
            for r in state.history
        ], [r.started_at for r in state.history])
        self._show_notices(state.notices)
        self._show_bundle_status(bundle_sync.status(self._workspace))
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
                self._show_bundle_status(bundle_sync.status(self._workspace))
            except BranchDeskError as error:
                self.state_changed.emit(message_for(error))

    def clear(self) -> None:
        """Forget what was shown (the workspace is being locked); the schedule stops."""
        self._loaded = False
        self.auto_timer.stop()
        self.server_edit.clear()
        self.ca_edit.clear()
        self.code_edit.clear()
        self.enrollment_label.clear()
        self.pending_label.clear()
        self.result_label.clear()
        self.bundle_status_label.clear()
        self.bundle_feedback.clear()
        for label in (self.settings_feedback, self.enroll_feedback, self.conflict_feedback):
            label.clear()
        self.conflicts_model.set_rows([], [])
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

    def _show_bundle_status(self, status: bundle_sync.BundleStatus) -> None:
        lines = [self.tr("{count} changes wait to leave this PC.").format(count=status.pending)]
        if not status.has_platform_key:
            lines.append(self.tr("The platform's key file is not set yet: ask the platform "
                                 "administrator for it."))
        elif status.waiting_for_return:
            lines.append(self.tr("Bundle {sequence} was exported: import the platform's return "
                                 "bundle when it comes back.").format(
                                     sequence=status.last_export_sequence))
        self.bundle_status_label.setText("\n".join(lines))
        self.export_bundle_button.setEnabled(status.has_platform_key)
        self.import_bundle_button.setEnabled(status.has_platform_key and bool(status.device_id))

    # ---------------------------------------------------------------- bundle files
    def export_bundle(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Export bundle"), "branchdesk.bdsync",
                self.tr("Sync bundles (*.bdsync)"))
            if not chosen:
                return
            path = Path(chosen)
        workspace, target = self._workspace, path

        def operation(_ctx: TaskContext) -> bundle_sync.ExportResult:
            return bundle_sync.export_bundle(workspace, target)

        self.last_task = run_in_background(
            self, operation, self._bundle_exported, self._bundle_failed,
            title=self.tr("Writing the bundle…"), cancellable=False)

    def _bundle_exported(self, result: object) -> None:
        result = cast(bundle_sync.ExportResult, result)
        lines = [self.tr("Bundle {sequence} written and verified: {count} changes.").format(
            sequence=result.sequence, count=result.ops)]
        if result.withheld_secret:
            lines.append(self.tr("{count} changes to records classified 秘密 stay on this PC.")
                         .format(count=result.withheld_secret))
        if result.withheld_unsent:
            lines.append(self.tr(
                "{count} changes to the branch profile were not included: the platform's "
                "administrator keeps the branch profile, it is never sent from a PC.").format(
                    count=result.withheld_unsent))
        lines.append(self.tr("The drive can now be removed safely."))
        _feedback(self.bundle_feedback, " ".join(lines), ok=True)
        self._refresh_quietly()

    def import_bundle(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("Import return bundle"), "", self.tr("Sync bundles (*.bdsync)"))
            if not chosen:
                return
            path = Path(chosen)
        workspace, source = self._workspace, path

        def operation(_ctx: TaskContext) -> bundle_sync.ReturnReport:
            return bundle_sync.import_return_bundle(workspace, source)

        self.last_task = run_in_background(
            self, operation, self._bundle_imported, self._bundle_failed,
            title=self.tr("Applying the return bundle…"), cancellable=False)

    def _bundle_imported(self, result: object) -> None:
        result = cast("bundle_sync.ReturnReport", result)
        text = self.tr(
            "Return bundle applied: {pushed} changes confirmed by the platform, {pulled} "
            "received.").format(pushed=result.pushed, pulled=result.pulled)
        if result.restored:
            text += "\n" + self.tr(
                "This PC's data came from an older backup: the platform had already received "
                "later bundles from it. This PC now has the platform's records again, and the "
                "changes it had not confirmed were sent again (none is counted twice).")
        if result.platform_restored:
            text += "\n" + self.tr(
                "The platform was restored from its backup and lost bundles from this PC: this "
                "PC continues from the platform's numbers, and every change the platform has not "
                "confirmed goes in the next bundle (none is counted twice, nothing here was "
                "deleted). Export a new bundle and take it to the platform.")
        _feedback(self.bundle_feedback, text, ok=not result.rejected)
        self._refresh_quietly()
        if result.pulled:
            self.synced.emit()

    def _bundle_failed(self, error: BaseException) -> None:
        _feedback(self.bundle_feedback, message_for(error), ok=False)
        self._refresh_quietly()

    def set_platform_key(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self, self.tr("The platform's key file"), "", self.tr("Key files (*.json)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            bundle_sync.set_platform_key(self._workspace, path)
        except BranchDeskError as error:
            _feedback(self.bundle_feedback, message_for(error), ok=False)
            return
        _feedback(self.bundle_feedback,
                  self.tr("The platform's key is set: bundles can now be exported."), ok=True)
        self._refresh_quietly()

    def write_device_key(self, path: Path | None = None) -> None:
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("This PC's key file"), "branchdesk-pc-key.json",
                self.tr("Key files (*.json)"))
            if not chosen:
                return
            path = Path(chosen)
        try:
            bundle_sync.write_device_key(self._workspace, path)
        except BranchDeskError as error:
            _feedback(self.bundle_feedback, message_for(error), ok=False)
            return
        _feedback(self.bundle_feedback, self.tr(
            "This PC's key file was saved. Give it to the platform administrator to register."),
            ok=True)
        self._refresh_quietly()

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

    def _show_notice(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        notice: service.PlatformNotice = item.data(Qt.ItemDataRole.UserRole)
        self.notice_view.setPlainText(f"{notice.title}\n\n{notice.body}")
        if not notice.read:
            try:
                service.mark_notice_read(self._workspace, notice.id)
            except BranchDeskError as error:
                self.state_changed.emit(message_for(error))
                return
            font = item.font()
            font.setBold(False)
            item.setFont(font)

    # ---------------------------------------------------------------- actions
    def choose_ca_bundle(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("CA certificates"), "", self.tr("Certificates (*.pem *.crt);;All (*)"))
        if path:
            self.ca_edit.setText(path)

    def _confirm_unencrypted(self, url: str, then: Callable[[], None]) -> bool:
        """True when ``url`` may be used now; for an unencrypted address not yet accepted, ask
        first (a non-blocking question) and call ``then`` if the user agrees."""
        if not is_unencrypted(url) or url == self._insecure_confirmed:
            return True
        box = QMessageBox(
            QMessageBox.Icon.Warning, app_title(), self.tr(
                "The address {url} starts with http://: the connection is not encrypted, and "
                "whoever can watch the network can read the members' data sent over it. Use it "
                "only on a closed intranet where the platform offers no https:// address.\n\n"
                "Use this unencrypted address?").format(url=url),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Use the unencrypted address"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            self._insecure_confirmed = url
            then()

        box.accepted.connect(accepted)
        box.finished.connect(self._forget_insecure_box)
        self.insecure_box = box
        box.open()
        return False

    def _forget_insecure_box(self) -> None:
        self.insecure_box = None

    def save_settings(self) -> None:
        if not self._confirm_unencrypted(self.server_edit.text().strip(), self.save_settings):
            return
        try:
            service.configure(self._workspace, server_url=self.server_edit.text().strip(),
                              ca_bundle=self.ca_edit.text().strip(),
                              auto_minutes=self.auto_spin.value())
            self.refresh()
        except BranchDeskError as error:
            _feedback(self.settings_feedback, message_for(error), ok=False)
            return
        _feedback(self.settings_feedback, self.tr("Saved."), ok=True)

    def enroll(self) -> None:
        url, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not url or not code:
            _feedback(self.enroll_feedback,
                      self.tr("Enter the server address and the enrollment code."), ok=False)
            return
        if not self._confirm_unencrypted(url, self.enroll):
            return
        workspace = self._workspace
        ca = self.ca_edit.text().strip()

        def operation(ctx: TaskContext) -> service.Enrollment:
            service.configure(workspace, ca_bundle=ca)
            return service.enroll(workspace, url, code,
                                  retrying=lambda n: ctx.note(retry_text(n)))

        self.enroll_button.setEnabled(False)
        self._enrolling = True
        self.last_task = run_in_background(
            self, operation, self._enrolled_ok, self._enroll_failed,
            title=self.tr("Enrolling with the platform…"), cancellable=False)

    def _enrolled_ok(self, result: object) -> None:
        result = cast(service.Enrollment, result)
        self._enrolling = False
        self.code_edit.clear()
        _feedback(self.enroll_feedback, self.tr("Enrolled for {branch} ({code}).").format(
            branch=result.branch_name, code=result.branch_code), ok=True)
        self._refresh_quietly()

    def _enroll_failed(self, error: BaseException) -> None:
        self._enrolling = False
        self.enroll_button.setEnabled(True)
        _feedback(self.enroll_feedback, message_for(error), ok=False)

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
        _feedback(self.result_label, text, ok=False)
        self.state_changed.emit(self.tr("Sync: {message}").format(message=text))

    def _succeeded(self, text: str, ok: bool) -> None:
        """A synchronization ended: its outcome replaces what was shown, errors of earlier
        attempts included."""
        _feedback(self.result_label, text, ok=ok)
        for label in (self.settings_feedback, self.enroll_feedback):
            if label.styleSheet() == ERROR_STYLE:
                label.clear()

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
        _feedback(self.result_label, message_for(error), ok=False)
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

    def resolve_selected(self, choice: str) -> None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        if not rows:
            _feedback(self.conflict_feedback, self.tr("Select a conflict first."), ok=False)
            return
        conflict_id = self.conflicts_model.ids[rows[0].row()]
        try:
            service.resolve_conflict(self._workspace, conflict_id, choice)
            self.refresh()
        except BranchDeskError as error:
            _feedback(self.conflict_feedback, message_for(error), ok=False)
            return
        _feedback(self.conflict_feedback, self.tr(
            "Kept. The value is sent to the platform with the next synchronization."), ok=True)
        self.conflicts_box.show()  # the last one decided: still say so
        self.synced.emit()

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
        _feedback(self.result_label, message_for(error), ok=False)
        self._refresh_quietly()
        self.state_changed.emit(self.tr("Sync: {message}").format(message=message_for(error)))
