"""Closing the main window while something typed is not saved: 保存 / 不保存 / 取消, without
blocking (while locked only 不保存 and 取消). 保存 saves every editor's work and quits once all of
it is saved; the first editor that refuses is shown (its reason is on it) and the window stays.

The texts are the main window's (translated in the ``MainWindow`` context)."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QWidget

from ui.common.screen_fit import set_listed_text
from ui.shell.unsaved_work import UnsavedWork, open_dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from ui.common.tasks import BackgroundTask
    from ui.dues.page import DuesPage
    from ui.shell.main_window import MainWindow


class QuitGuard:
    """The main window's question before quitting; ``box`` while it is asked."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window
        self.box: QMessageBox | None = None
        self.confirmed = False
        self._saving: list[BackgroundTask] = []

    def unsaved_work(self) -> list[UnsavedWork]:
        """Editors holding typed work: open (or parked) dialogs, then the pages' tabs."""
        window = self._window
        dialogs: list[QDialog] = [*open_dialogs(window), *window.parked.dialogs]
        dues = cast("DuesPage | None", window.pages.built("dues"))
        editors: list[object] = [*dialogs, *(dues.editors() if dues is not None else [])]
        return [e for e in editors if isinstance(e, UnsavedWork) and e.has_unsaved_work()]

    def may_close(self) -> bool:
        """True when the window may close now; otherwise the question is asked (once)."""
        if self.confirmed:
            return True
        work = self.unsaved_work()
        if not work:
            return True
        if self.box is None:
            self.ask(work)
        return False

    def ask(self, work: list[UnsavedWork]) -> QMessageBox:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        window = self._window
        title = QCoreApplication.translate("MainWindow", "Quit BranchDesk")
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, "",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, window,
        )
        listed = QCoreApplication.translate("MainWindow", "These entries are not saved:")
        set_listed_text(box, listed, [f"· {w.unsaved_work_title()}" for w in work])
        if window.is_locked:
            box.setInformativeText(QCoreApplication.translate(
                "MainWindow", "The data is locked: to save them, cancel, unlock and save."))
        else:
            box.addButton(QMessageBox.StandardButton.Save)
            box.button(QMessageBox.StandardButton.Save).setText(
                QCoreApplication.translate("MainWindow", "Save"))
            box.setInformativeText(
                QCoreApplication.translate("MainWindow", "Save them before quitting?"))
        box.button(QMessageBox.StandardButton.Discard).setText(
            QCoreApplication.translate("MainWindow", "Don't save"))
        box.button(QMessageBox.StandardButton.Cancel).setText(
            QCoreApplication.translate("MainWindow", "Cancel"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setProperty("closes_on_lock", True)
        box.finished.connect(lambda _result: self._answered(box))
        self.box = box
        box.open()
        return box

    def _answered(self, box: QMessageBox) -> None:
        from PySide6.QtWidgets import QMessageBox

        self.box = None
        clicked = box.clickedButton()
        button = box.standardButton(clicked) if clicked is not None else None
        if button == QMessageBox.StandardButton.Discard:
            self.confirmed = True
            self._window.close()
        elif button == QMessageBox.StandardButton.Save:
            self.save_and_quit()

    def save_and_quit(self) -> None:
        """Save every editor's work; quit when all of it is saved."""
        from ui.common.tasks import BackgroundTask

        for work in self.unsaved_work():
            outcome = work.save_unsaved_work()
            if isinstance(outcome, BackgroundTask):
                self._saving.append(outcome)
                outcome.finished.connect(lambda task=outcome: self._saved(task))
            elif not outcome:
                self._show(work)
                return
        if not self._saving:
            self._quit_if_saved()

    def _saved(self, task: BackgroundTask) -> None:
        if task in self._saving:
            self._saving.remove(task)
        if not self._saving:
            self._quit_if_saved()

    def _quit_if_saved(self) -> None:
        remaining = self.unsaved_work()
        if remaining:
            self._show(remaining[0])
            return
        self.confirmed = True
        self._window.close()

    def _show(self, work: UnsavedWork) -> None:
        window = self._window
        if isinstance(work, QDialog):
            work.activateWindow()
        elif isinstance(work, QWidget) and window.pages.built("dues") is not None \
                and window.dues.isAncestorOf(work):
            window.show_page(window.pages.indexOf(window.dues))
            window.dues.tabs.setCurrentWidget(work)
