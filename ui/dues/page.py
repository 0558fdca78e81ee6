"""党费: the page, with one tab per part of the work, each in a module of its own.

- 月度收缴 (``month_tab``): generate a month's amounts due, type what each member hands over,
  save them all or none; export the collection sheet and the annual ledger.
- 基数核定 (``bases_tab``): type the new bases and the month they apply from (第十条), or
  import them from a payroll file.
- 上缴记录 (``remittance_tab``): record what was handed to the higher committee, and compare it
  with what was collected.
- 欠费提醒 (``arrears_tab``): members 3 or more consecutive months behind; 5 months in red
  (第十三条).

A member's history (``member_dues``) opens from 月度收缴 and 欠费提醒. Everything is read and
written through ``app.services.dues``; the tabs hand long work to a background thread
(``operations``). Only the tab in view reloads; the others reload when they are shown. Locking
clears what is shown (``clear``), unlocking reloads it (``refresh``); what was typed and not saved
stays.

To add a tab: a widget taking ``(workspace, today)`` with ``reload`` and ``clear``
(``tab_parts.DuesTab``), added in ``__init__`` below; a ``changed`` signal if it records
anything, and a place in ``editors`` if it holds typed work.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.dues.arrears_tab import ArrearsTab
from ui.dues.bases_tab import BasesTab
from ui.dues.member_dues import MemberDuesDialog
from ui.dues.month_tab import MonthTab
from ui.dues.remittance_tab import RemittanceTab
from ui.dues.tab_parts import DuesTab, Today, feedback


class DuesPage(QWidget):
    """``changed`` after anything was recorded (the 工作台 reminders may need a reload)."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self._active = False
        self.history_dialog: MemberDuesDialog | None = None

        self.month_tab = MonthTab(workspace, today)
        self.bases_tab = BasesTab(workspace, today)
        self.remittance_tab = RemittanceTab(workspace, today)
        self.arrears_tab = ArrearsTab(workspace, today)
        self._tabs: list[DuesTab] = [
            self.month_tab, self.bases_tab, self.remittance_tab, self.arrears_tab]
        self.tabs = QTabWidget()
        self.tabs.addTab(self.month_tab, self.tr("Monthly collection"))
        self.tabs.addTab(self.bases_tab, self.tr("Bases"))
        self.tabs.addTab(self.remittance_tab, self.tr("Remittances"))
        self.tabs.addTab(self.arrears_tab, self.tr("Arrears"))
        self.tabs.currentChanged.connect(lambda _i: self._reload_current())

        for tab in (self.month_tab, self.bases_tab, self.remittance_tab):
            tab.changed.connect(self.changed)
        self.month_tab.history_requested.connect(self.show_history)
        self.arrears_tab.history_requested.connect(self.show_history)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        """Reload the tab in view (the others reload when they are shown)."""
        self._active = True
        self._reload_current()

    def clear(self) -> None:
        """Forget what was shown (the workspace was locked); typed text stays in the editors."""
        self._active = False
        for tab in self._tabs:
            tab.clear()

    def editors(self) -> list[QWidget]:
        """The tabs that hold typed work until it is saved (asked about before quitting)."""
        return [self.month_tab, self.bases_tab, self.remittance_tab]

    def _reload_current(self) -> None:
        if not self._active:
            return
        current: object = self.tabs.currentWidget()
        for tab in self._tabs:
            if tab is current:
                tab.reload()

    def show_history(self, member_id: str) -> MemberDuesDialog | None:
        """The member's dues month by month, with their payments (and 冲销)."""
        try:
            dialog = MemberDuesDialog(self._workspace, member_id, self._today, self)
        except BranchDeskError as error:
            feedback(self.month_tab.feedback_label, message_for(error), ok=False)
            return None
        dialog.changed.connect(self._after_history_change)
        dialog.open()
        self.history_dialog = dialog
        return dialog

    def _after_history_change(self, _member_id: str) -> None:
        self._reload_current()
        self.changed.emit()
