"""The GUI's entry points: build the QApplication (Chinese, with the bundled CJK font) and run it.

``main.py`` calls ``run_gui(workspace)``. The flow is ``Shell``: the setup wizard on first run;
otherwise the main window, opened straight away when the key is remembered on this PC and behind
its lock screen when not.

The first window paints before SQLAlchemy, the models and the pages are imported (issue 14): this
module and the main window import them only when needed. ``BRANCHDESK_QUIT_WHEN_READY`` quits
once the first window is ready for the user (``Shell.ready``): the wizard or the lock screen
shown, or 工作台 filled when the key is remembered.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app.errors import BranchDeskError
from app.resources import resource_path
from app.services.workspace import Workspace
from ui.common.branding import APPLICATION, ORGANIZATION, app_title
from ui.common.collector import GuiThreadCollector
from ui.common.i18n import install_translations, use_chinese_system_locale
from ui.common.messages import message_for
from ui.common.screen_fit import restore_main_window
from ui.shell.main_window import MainWindow
from ui.shell.startup import after_paint, mark

if TYPE_CHECKING:
    from ui.shell.setup_wizard import SetupWizard

log = logging.getLogger(__name__)

FONT_FILE = ("fonts", "wqy-microhei.ttc")
ICON_FILE = ("icons", "branchdesk.svg")
QUIT_WHEN_READY_ENV = "BRANCHDESK_QUIT_WHEN_READY"
SCREENSHOT_ENV = "BRANCHDESK_SCREENSHOT"  # diagnostic: save the first window as a PNG at this path
DEFAULT_POINT_SIZE = 10
QUIT_WAIT_MS = 2000


def create_application(argv: Sequence[str]) -> QApplication:
    """The QApplication, configured with ``configure_application``."""
    use_chinese_system_locale()
    app = QApplication(list(argv))
    configure_application(app)
    return app


def configure_application(app: QApplication) -> None:
    """Names, the bundled CJK font as the default font, and the Chinese translations.

    The app always starts in Chinese, whatever the system locale. Safe to call more than once.
    """
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    if app.property("branchdesk_configured"):
        return
    _use_bundled_font(app)
    app.setWindowIcon(QIcon(str(resource_path(*ICON_FILE))))
    install_translations(app)
    GuiThreadCollector(app)  # no Qt object is ever freed by the collector on a worker thread
    app.setProperty("branchdesk_configured", True)


def _use_bundled_font(app: QApplication) -> None:
    font_id = QFontDatabase.addApplicationFont(str(resource_path(*FONT_FILE)))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("the bundled CJK font could not be loaded: %s", resource_path(*FONT_FILE))
        return
    font = QFont(families[0])
    font.setPointSize(max(app.font().pointSize(), DEFAULT_POINT_SIZE))
    app.setFont(font)


class Shell(QObject):
    """Which window to show first, and what follows it. ``ready`` is emitted once the first
    window is ready for the user (the wizard or the lock screen shown, or 工作台 filled)."""

    ready = Signal()

    def __init__(self, workspace: Workspace, auto_lock_ms: int | None = None) -> None:
        super().__init__()
        self._workspace = workspace
        self._auto_lock_ms = auto_lock_ms
        self.wizard: SetupWizard | None = None
        self.main_window: MainWindow | None = None

    def start(self) -> QWidget:
        """Show the first window and return it."""
        if not self._workspace.exists():
            from ui.shell.setup_wizard import SetupWizard

            QApplication.setQuitOnLastWindowClosed(False)  # the wizard hands over to the window
            self.wizard = SetupWizard(self._workspace)
            self.wizard.finished.connect(self._after_setup)
            self.wizard.show()
            after_paint(self.wizard, self.ready.emit)
            return self.wizard
        window = self._show_main_window(open_from_this_pc=True)
        window.ready.connect(self.ready)
        return window

    def _after_setup(self, _result: int) -> None:
        QApplication.setQuitOnLastWindowClosed(True)
        if self.wizard is not None:
            self.wizard.deleteLater()
        if not self._workspace.exists():
            QCoreApplication.quit()
            return
        window = self._show_main_window()
        restored = self.wizard.restore_result if self.wizard is not None else None
        if restored is not None and window.is_locked:
            from ui.settings.page import restored_notice

            window.unlock_panel.reset(restored_notice())
        elif restored is not None:
            window.state_label.setText(
                self.tr("The data of {branch} was restored from the backup.").format(
                    branch=restored.branch_name
                )
            )
        self.wizard = None

    def _show_main_window(self, open_from_this_pc: bool = False) -> MainWindow:
        self.main_window = MainWindow(self._workspace, auto_lock_ms=self._auto_lock_ms,
                                      open_from_this_pc=open_from_this_pc)
        restore_main_window(self.main_window)
        self.main_window.show()
        return self.main_window


def _application(argv: Sequence[str] | None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = create_application(sys.argv if argv is None else argv)
    return app


def show_startup_error(error: BranchDeskError, argv: Sequence[str] | None = None) -> int:
    """Say why the window cannot start (e.g. the data folder is a file); returns exit status 1."""
    from PySide6.QtWidgets import QMessageBox

    _application(argv)
    box = QMessageBox(QMessageBox.Icon.Critical, app_title(), message_for(error))
    box.exec()
    return 1


def report_uncaught(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    """``sys.excepthook`` while the window runs: an error the user can meet that a slot let
    through (a damaged file, a lock held too long) is said in a message box; anything else is
    a bug, logged with its traceback and reported as unexpected."""
    from PySide6.QtWidgets import QMessageBox

    if not isinstance(error, BranchDeskError):
        log.error("uncaught error", exc_info=(kind, error, traceback))
    box = QMessageBox(QMessageBox.Icon.Critical, app_title(), message_for(error),
                      parent=QApplication.activeWindow())
    box.exec()


def run_gui(workspace: Workspace, argv: Sequence[str] | None = None) -> int:
    """Run the GUI over ``workspace`` until the last window closes; returns the exit code."""
    app = _application(argv)
    sys.excepthook = report_uncaught
    shell = Shell(workspace)
    first_window = shell.start()
    # A main window is painted itself: no need to wrap every widget in it before it paints.
    after_paint(first_window, lambda: mark("first_paint"),
                children=not isinstance(first_window, MainWindow))
    shell.ready.connect(lambda: mark("ready"))
    screenshot = os.environ.get(SCREENSHOT_ENV)
    if screenshot:
        # Diagnostics (installer smoke test, support): once the first window is ready, save what
        # it shows. Connected before the quit below, so that it runs first.
        shell.ready.connect(lambda: _save_screenshot(first_window, screenshot))
    if os.environ.get(QUIT_WHEN_READY_ENV):
        # Diagnostics and benchmarks: quit as soon as the first window is ready for the user
        # (used by bench/startup.py and the installer smoke test).
        shell.ready.connect(app.quit)
    try:
        return app.exec()
    finally:
        # Work still on the thread pool (e.g. keeping 工作台 in the database) may finish before
        # the connections close; a long computation is not waited for.
        QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS)
        workspace.lock()


def _save_screenshot(window: QWidget, path: str) -> None:
    if not window.grab().save(path):
        log.error("could not save the screenshot of the first window")
