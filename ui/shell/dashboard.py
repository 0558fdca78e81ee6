"""工作台: the branch at a glance: its profile, then what is due — the committee's next 换届 (from
six months ahead), meetings, development deadlines of new members (an undiscussed 转正 among
them), transfers, dues arrears, study hours behind the pace (the last four worked out off the GUI
thread)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from app.services import branch
from app.services.workspace import Workspace
from ui.appraisal.reminders import CorrectionReminders
from ui.common.screen_fit import scrolling
from ui.common.styles import HINT_STYLE
from ui.disclosures.reminders import DisclosureReminders
from ui.dues.reminders import ArrearsReminders
from ui.meetings.reminders import MeetingReminders
from ui.members.reminders import DevelopmentReminders
from ui.members.transfer_reminders import TransferReminders
from ui.opinions.reminders import OpinionReminders
from ui.rectification.reminders import RectificationReminders
from ui.shell.election_reminder import ElectionReminder
from ui.study.reminders import StudyReminders
from ui.sync.notice_section import NoticeSection
from ui.talks.reminders import TalkReminders


class DashboardPage(QWidget):
    def __init__(
        self,
        workspace: Workspace,
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today

        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)

        self.name_label = QLabel()
        self.code_label = QLabel()
        self.higher_org_label = QLabel()
        self.secretary_label = QLabel()
        profile_box = QGroupBox(self.tr("Branch"))
        form = QFormLayout(profile_box)
        form.addRow(self.tr("Branch name:"), self.name_label)
        form.addRow(self.tr("Branch code:"), self.code_label)
        form.addRow(self.tr("Higher party organization:"), self.higher_org_label)
        form.addRow(self.tr("Branch secretary:"), self.secretary_label)

        reminders_box = QGroupBox(self.tr("Reminders"))
        reminders = QVBoxLayout(reminders_box)
        self.reminders_label = QLabel(self.tr("Nothing needs attention at the moment."))
        self.reminders_label.setWordWrap(True)
        self.reminders_label.setStyleSheet(HINT_STYLE)
        reminders.addWidget(self.reminders_label)
        self.election = ElectionReminder()
        reminders.addWidget(self.election)
        self.meetings = MeetingReminders(workspace, today)
        reminders.addWidget(self.meetings)
        self.rectification = RectificationReminders(workspace, today)
        reminders.addWidget(self.rectification)
        self.talks = TalkReminders(workspace, today)
        reminders.addWidget(self.talks)
        self.development = DevelopmentReminders(workspace, today)
        self.development.loaded.connect(self._show_whether_anything_is_due)
        reminders.addWidget(self.development)
        self.transfers = TransferReminders(workspace, today)
        self.transfers.loaded.connect(self._show_whether_anything_is_due)
        reminders.addWidget(self.transfers)
        self.arrears = ArrearsReminders(workspace, today)
        self.arrears.loaded.connect(self._show_whether_anything_is_due)
        reminders.addWidget(self.arrears)
        self.study = StudyReminders(workspace, today)
        self.study.loaded.connect(self._show_whether_anything_is_due)
        reminders.addWidget(self.study)
        self.corrections = CorrectionReminders(workspace, today)
        self.corrections.loaded.connect(self._show_whether_anything_is_due)
        reminders.addWidget(self.corrections)
        self.opinions = OpinionReminders(workspace, today)
        reminders.addWidget(self.opinions)
        self.disclosures = DisclosureReminders(workspace, today)
        reminders.addWidget(self.disclosures)
        self.notices = NoticeSection(workspace, today)  # platform notices to answer (issue 18)
        reminders.addWidget(self.notices)

        content = QWidget()  # scrolls when the reminders are longer than the screen
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(profile_box)
        layout.addWidget(reminders_box)
        layout.addStretch(1)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scrolling(content))

    def refresh(self) -> None:
        """Reload from the (unlocked) workspace. The dues arrears follow from a background
        computation (``ArrearsReminders.loaded``). Raises BranchDeskError (e.g. locked)."""
        with self._workspace.unit_of_work(read_only=True) as uow:
            profile = branch.load_profile(uow)
            committee = branch.committee_status(uow, self._today())
        self.election.show_status(committee)
        self.heading.setText(profile.name)
        self.name_label.setText(profile.name)
        self.code_label.setText(profile.code)
        self.higher_org_label.setText(profile.higher_org)
        self.secretary_label.setText(profile.secretary)
        self.meetings.refresh()
        self.rectification.refresh()
        self.talks.refresh()
        self.development.refresh()
        self.transfers.refresh()
        self.arrears.refresh()
        self.study.refresh()
        self.corrections.refresh()
        self.opinions.refresh()
        self.disclosures.refresh()
        self.notices.refresh()
        self._show_whether_anything_is_due()

    def _show_whether_anything_is_due(self) -> None:
        """"Nothing needs attention" once it is known (not while the arrears are worked out)."""
        something = (self.meetings.due or self.meetings.missed or self.development.entries
                     or self.arrears.entries or self.transfers.entries or self.election.shown
                     or self.study.entries or self.corrections.entries or self.opinions.entries
                     or self.rectification.entries or self.talks.coverage
                     or self.disclosures.entries or self.notices.entries)
        busy = (self.arrears.busy or self.development.busy or self.transfers.busy
                or self.study.busy or self.corrections.busy)
        self.reminders_label.setVisible(not (something or busy))

    def clear(self) -> None:
        """Forget what was shown (called when the data is locked)."""
        self.election.clear()
        for label in (
            self.heading,
            self.name_label,
            self.code_label,
            self.higher_org_label,
            self.secretary_label,
        ):
            label.clear()
        self.meetings.clear()
        self.rectification.clear()
        self.talks.clear()
        self.development.clear()
        self.transfers.clear()
        self.arrears.clear()
        self.study.clear()
        self.corrections.clear()
        self.opinions.clear()
        self.disclosures.clear()
        self.notices.clear()
