"""The 同步 page's bundle box: a PC without a connection syncs by files on a USB drive — the
platform's and this PC's key files, exporting a bundle, importing the platform's return bundle."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.common.lazy_module import LazyModule as _LazyModule
from ui.common.messages import message_for
from ui.common.styles import HINT_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.sync.texts import show_feedback

if TYPE_CHECKING:
    from sync import bundle_sync
else:
    bundle_sync = _LazyModule("sync.bundle_sync")  # bundle cryptography: imported when first used


class BundleBox(QGroupBox):
    """``changed`` after a bundle was written or applied or a key set (the page reads its state
    again); ``received`` after a return bundle brought changes (other pages may need a refresh)."""

    changed = Signal()
    received = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Sync by bundle file (PC without a connection)"))
        self._workspace = workspace
        self.last_task: BackgroundTask | None = None
        layout = QVBoxLayout(self)
        steps = QLabel(self.tr(
            "1. Export a bundle onto a USB drive and take it to the platform administrator.\n"
            "2. Bring back the return bundle the platform writes and import it here.\n"
            "A new bundle always carries every change not yet confirmed, so a lost drive loses "
            "nothing. Records classified 秘密 never enter a bundle."))
        steps.setWordWrap(True)
        steps.setStyleSheet(HINT_STYLE)
        layout.addWidget(steps)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.export_button = QPushButton(self.tr("Export bundle…"))
        self.export_button.clicked.connect(lambda: self.export_bundle())
        self.import_button = QPushButton(self.tr("Import return bundle…"))
        self.import_button.clicked.connect(lambda: self.import_bundle())
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
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
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        layout.addWidget(self.feedback)

    def show_status(self, status: bundle_sync.BundleStatus) -> None:
        lines = [self.tr("{count} changes wait to leave this PC.").format(count=status.pending)]
        if not status.has_platform_key:
            lines.append(self.tr("The platform's key file is not set yet: ask the platform "
                                 "administrator for it."))
        elif status.waiting_for_return:
            lines.append(self.tr("Bundle {sequence} was exported: import the platform's return "
                                 "bundle when it comes back.").format(
                                     sequence=status.last_export_sequence))
        self.status_label.setText("\n".join(lines))
        self.export_button.setEnabled(status.has_platform_key)
        self.import_button.setEnabled(status.has_platform_key and bool(status.device_id))

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
        show_feedback(self.feedback, " ".join(lines), ok=True)
        self.changed.emit()

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
        show_feedback(self.feedback, text, ok=not result.rejected)
        self.changed.emit()
        if result.pulled:
            self.received.emit()

    def _bundle_failed(self, error: BaseException) -> None:
        show_feedback(self.feedback, message_for(error), ok=False)
        self.changed.emit()

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
            show_feedback(self.feedback, message_for(error), ok=False)
            return
        show_feedback(self.feedback,
                      self.tr("The platform's key is set: bundles can now be exported."), ok=True)
        self.changed.emit()

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
            show_feedback(self.feedback, message_for(error), ok=False)
            return
        show_feedback(self.feedback, self.tr(
            "This PC's key file was saved. Give it to the platform administrator to register."),
            ok=True)
        self.changed.emit()

    def clear(self) -> None:
        """Forget what was shown (the workspace is being locked)."""
        self.status_label.clear()
        self.feedback.clear()
