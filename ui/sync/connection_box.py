"""The 同步 page's connection box: the platform's address, its CA certificates, the automatic
sync interval, and enrolling this PC with a one-time code (an unencrypted address is confirmed
first)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.common.branding import app_title
from ui.common.lazy_module import LazyModule as _LazyModule
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.sync.texts import is_unencrypted, retry_text, show_feedback

if TYPE_CHECKING:
    from sync import service
else:
    service = _LazyModule("sync.service")  # the sync client: imported when first used


class ConnectionBox(QGroupBox):
    """``refresh`` reads the page's state again after saving (raises BranchDeskError);
    ``enrolled`` after this PC was enrolled."""

    enrolled = Signal()

    def __init__(self, workspace: Workspace, refresh: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("City platform"))
        self._workspace = workspace
        self._refresh = refresh
        self.last_task: BackgroundTask | None = None
        self._enrolling = False
        self._insecure_confirmed = ""  # the http:// address the user accepted
        self.insecure_box: QMessageBox | None = None
        form = QFormLayout(self)
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

    def show_settings(self, s: service.SyncSettings) -> None:
        self.server_edit.setText(s.server_url)
        self.ca_edit.setText(s.ca_bundle)
        self.auto_spin.setRange(0, service.MAX_AUTO_MINUTES)
        self.auto_spin.setValue(s.auto_minutes)
        self.enrollment_label.setText(
            self.tr("This PC is enrolled with the platform.") if s.enrolled
            else self.tr("Not enrolled yet: enter the one-time code the platform issued."))
        self.code_edit.setEnabled(not s.enrolled)
        self.enroll_button.setEnabled(not s.enrolled and not self._enrolling)

    def clear_errors(self) -> None:
        """A synchronization succeeded: errors of earlier attempts no longer hold."""
        for label in (self.settings_feedback, self.enroll_feedback):
            if label.styleSheet() == ERROR_STYLE:
                label.clear()

    def clear(self) -> None:
        """Forget what was shown (the workspace is being locked)."""
        for widget in (self.server_edit, self.ca_edit, self.code_edit, self.enrollment_label,
                       self.settings_feedback, self.enroll_feedback):
            widget.clear()

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
            self._refresh()
        except BranchDeskError as error:
            show_feedback(self.settings_feedback, message_for(error), ok=False)
            return
        show_feedback(self.settings_feedback, self.tr("Saved."), ok=True)

    def enroll(self) -> None:
        url, code = self.server_edit.text().strip(), self.code_edit.text().strip()
        if not url or not code:
            show_feedback(self.enroll_feedback,
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
        show_feedback(self.enroll_feedback, self.tr("Enrolled for {branch} ({code}).").format(
            branch=result.branch_name, code=result.branch_code), ok=True)
        self.enrolled.emit()

    def _enroll_failed(self, error: BaseException) -> None:
        self._enrolling = False
        self.enroll_button.setEnabled(True)
        show_feedback(self.enroll_feedback, message_for(error), ok=False)
