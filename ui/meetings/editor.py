"""The meeting editor (新建会议 / 会议记录): the dialog around its tabs — loading the meeting,
saving it, voting and finalizing, and what may be edited when.

The tabs, one module each: the details (``MeetingDetailsTab``), attendance (``AttendanceTab``),
votes at a 支部党员大会 (``VotesTab``), attachments (``AttachmentsTab``) and, once the minutes are
finalized, the corrections (``AmendmentsTab``).

Everything typed stays in the window until 保存: saving writes the details (``create_meeting`` /
``update_meeting``) and every attendance row that differs from what is stored (``set_attendance``)
in one unit of work (``writing.write_meeting``). The services decide what is valid; their
problems are shown beside the field they concern, or in the message line under the tabs.

The vote panel's preview of who may vote and who of them is present is asked of the services with
the unsaved marks applied in a unit of work that is then rolled back. 记录表决 saves the meeting
and records the vote with the counts the services compute from the register; a vote deciding about
a person (admission, 转正, 延长预备期, 取消预备党员资格: 细则第三十三条) names the decision and the
person.

定稿 makes the minutes read-only; afterwards only amendments (添加更正) and attachments (the signed
scan usually comes later) can be added.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.meetings import MeetingType
from app.errors import BranchDeskError, InvalidInputError
from app.services import branch, meetings, members
from app.services.meetings import Attendance, Meeting
from app.services.members import MemberFilter
from app.services.workspace import Workspace
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from ui.meetings.attachments_tab import AttachmentsTab
from ui.meetings.attendance_tab import AttendanceTab
from ui.meetings.details_tab import MeetingDetailsTab
from ui.meetings.finalizing import AmendmentDialog, AmendmentsTab, FinalizeQuestion
from ui.meetings.votes_tab import VotesTab
from ui.meetings.writing import AttendanceRowError, preview_vote, write_meeting
from ui.widgets.editor_dialog import EditorDialog

Today = Callable[[], date]
PREVIEW_DELAY_MS = 120
"""Pause after the last attendance change before the vote preview is asked again."""


class MeetingEditor(EditorDialog):
    """Record a new meeting (``meeting_id`` None) or open one. ``changed(meeting_id)`` after
    anything was written (save, vote, attachment, finalize, amendment)."""

    changed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        meeting_id: str | None = None,
        today: Today = date.today,
        parent: QWidget | None = None,
        meeting_type: MeetingType = MeetingType.COMMITTEE,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._meeting_id = meeting_id
        self._today = today
        self._meeting: Meeting | None = None
        self._loading = False
        self._loaded_details: tuple[object, ...] = ()
        self.amendment_dialog: AmendmentDialog | None = None
        self.confirm_box: FinalizeQuestion | None = None

        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        fit_to_screen(self, 1040, 740)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_vote_preview)

        self.finalized_banner = QLabel()
        self.finalized_banner.setWordWrap(True)
        self.finalized_banner.setStyleSheet(
            "background: #fff8e1; border: 1px solid #e0c060; padding: 6px;"
        )
        self.finalized_banner.hide()

        self.details = MeetingDetailsTab()
        self.attendance_tab = AttendanceTab()
        self.votes = VotesTab()
        self.attachments = AttachmentsTab(workspace)
        self.amendments = AmendmentsTab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("Meeting"))
        self.attendance_tab_index = self.tabs.addTab(self.attendance_tab, "")
        self.votes_tab_index = self.tabs.addTab(self.votes, self.tr("Votes"))
        self.attachments_tab_index = self.tabs.addTab(self.attachments, self.tr("Attachments"))
        self.amendments_tab_index = self.tabs.addTab(self.amendments, self.tr("Corrections"))
        self.attendance = self.attendance_tab.model
        self.tabs.currentChanged.connect(self._tab_changed)

        self.message_label = QLabel()
        self.message_label.setObjectName("editor_message")
        self.message_label.setWordWrap(True)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setDefault(True)
        self.finalize_button = QPushButton(self.tr("Finalize…"))
        self.finalize_button.setToolTip(self.tr(
            "Finalized minutes can no longer be edited; corrections are added as amendments."
        ))
        self.amend_button = QPushButton(self.tr("Add correction…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button.clicked.connect(self.save)
        self.finalize_button.clicked.connect(self.ask_finalize)
        self.amend_button.clicked.connect(self.add_amendment)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.finalize_button)
        buttons.addWidget(self.amend_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.finalized_banner)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message_label)
        layout.addLayout(buttons)

        self.details.type_combo.set_value(meeting_type)
        self.details.type_combo.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.details.party_group_combo.currentIndexChanged.connect(
            lambda _i: self._group_changed()
        )
        self.details.corrected.connect(self._details_corrected)
        self.attendance.marks_changed.connect(self._marks_changed)
        self.votes.record_requested.connect(self.record_vote)
        self.attachments.added.connect(self._after_attachments)
        self.load()

    # ---------------------------------------------------------------- loading
    def load(self) -> None:
        """Read the meeting (or what a new one needs) and show it."""
        self._loading = True
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                rows = members.member_rows(uow, members.member_ids(uow, MemberFilter()))
                groups = members.party_groups(uow)
                secretary = branch.load_profile(uow).secretary
                meeting = (
                    meetings.get_meeting(uow, self._meeting_id)
                    if self._meeting_id is not None else None
                )
            self._meeting = meeting
            self.details.set_choices([r.name for r in rows], groups)
            self.votes.fill_people(rows)
            if meeting is None:
                self.details.show_new(self._today(), secretary)
                self._loading = False
                self._rebuild_expected()
            else:
                self._show_meeting(meeting)
                self.details.select_party_group(meeting.data.party_group_id)
        except BranchDeskError as error:
            self._message(message_for(error), ok=False)
        finally:
            self._loading = False
        self._update_state()
        self._loaded_details = self.details.typed()

    def _show_meeting(self, meeting: Meeting) -> None:
        self.details.show_details(meeting.data)
        self.attendance_tab.show_attendance(meeting)
        self.votes.show_votes(meeting)
        self.attachments.show_attachments(meeting)
        self.amendments.show_amendments(meeting)

    def _rebuild_expected(self) -> None:
        """A new meeting: list everyone the services expect for its type (and party group),
        keeping the marks already made for people still on the list."""
        if self._meeting_id is not None or self._loading:
            return
        meeting_type = self.details.type_combo.value()
        group_id = self.details.party_group_combo.currentData()
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                ids = meetings.expected_attendee_ids(uow, meeting_type, group_id)
                rows = members.member_rows(uow, ids)
        except BranchDeskError as error:
            self._message(message_for(error), ok=False)
            return
        self.attendance_tab.show_expected(rows)

    # ---------------------------------------------------------------- state
    @property
    def meeting_id(self) -> str | None:
        return self._meeting_id

    @property
    def is_finalized(self) -> bool:
        return self._meeting is not None and self._meeting.finalized_on is not None

    def _type_changed(self) -> None:
        self._rebuild_expected()
        self._update_state()
        self.refresh_vote_preview()

    def _tab_changed(self, index: int) -> None:
        """The 表决 tab counts who may vote with the details as typed now (the date and topics
        typed after the type was chosen ask for no count by themselves)."""
        if index == self.votes_tab_index:
            self.refresh_vote_preview()

    def _group_changed(self) -> None:
        if self.details.type_combo.value() is MeetingType.PARTY_GROUP:
            self._rebuild_expected()

    def _update_state(self) -> None:
        meeting_type = self.details.type_combo.value()
        finalized = self.is_finalized
        saved = self._meeting_id is not None
        if not saved:
            self.setWindowTitle(self.tr("New meeting"))
        elif finalized:
            self.setWindowTitle(self.tr("Meeting minutes (finalized)"))
        else:
            self.setWindowTitle(self.tr("Meeting minutes"))
        self.details.show_rows_for(meeting_type)
        self.tabs.setTabVisible(
            self.votes_tab_index, meeting_type is MeetingType.MEMBERS_ASSEMBLY
        )
        has_amendments = self._meeting is not None and bool(self._meeting.amendments)
        self.tabs.setTabVisible(self.amendments_tab_index, finalized or has_amendments)

        read_only = finalized
        self.details.set_read_only(read_only)
        self.votes.set_read_only(read_only)
        self.attendance_tab.set_read_only(read_only)
        self.save_button.setVisible(not read_only)
        self.finalize_button.setVisible(not read_only)
        self.amend_button.setVisible(finalized)
        self.attachments.meeting_id = self._meeting_id
        self.attachments.set_editable(saved)
        if finalized and self._meeting is not None and self._meeting.finalized_on is not None:
            self.finalized_banner.setText(self.tr(
                "These minutes were finalized on {date} and can no longer be edited. To correct "
                "something, use “Add correction…”: the correction prints after the minutes."
            ).format(date=self._meeting.finalized_on.isoformat()))
        self.finalized_banner.setVisible(finalized)

    def _marks_changed(self) -> None:
        counts = self.attendance_tab.show_counts()
        self.tabs.setTabText(
            self.attendance_tab_index,
            self.tr("Attendance ({present}/{expected})").format(
                present=counts[Attendance.PRESENT], expected=sum(counts.values())
            ),
        )
        if not self._loading:
            self._preview_timer.start()

    def _message(self, text: str, ok: bool = True) -> None:
        self.message_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.message_label.setText(text)

    def field_message(self, name: str) -> str:
        """The problem shown beside field ``name`` ("" when none), for tests."""
        return self.details.field_message(name)

    def _details_corrected(self) -> None:
        """The line under the tabs that asked for corrections goes with the last problem beside
        a field (a later save checks again)."""
        if self.message_label.styleSheet() == ERROR_STYLE:
            self.message_label.clear()

    def _show_problems(self, error: InvalidInputError) -> None:
        unplaced = self.details.show_problems(error)
        self.tabs.setCurrentIndex(0)
        self._message(
            "；".join(unplaced) if unplaced
            else self.tr("Please correct the entries marked in red."),
            ok=False,
        )

    # ---------------------------------------------------------------- unsaved work (quitting)
    def has_unsaved_work(self) -> bool:
        """Details or attendance changed since the meeting was read, or a vote typed and not
        recorded (a finalized meeting holds nothing editable)."""
        if self.is_finalized:
            return False
        self.attendance_tab.view.commit_open_editor()
        return (
            self.details.typed() != self._loaded_details
            or bool(self.attendance.changed_rows())
            or self.votes.typed()
        )

    def unsaved_work_title(self) -> str:
        return self.windowTitle()

    def save_unsaved_work(self) -> bool:
        return self.record_vote() if self.votes.typed() else self.save()

    # ---------------------------------------------------------------- saving
    def save(self) -> bool:
        """Write the details and the attendance marks; True when saved."""
        return self._save_with(None)

    def _save_with(self, extra: Callable[[Any, str], None] | None) -> bool:
        self.details.clear_problems()
        self.attendance_tab.message.clear()
        self.attendance_tab.view.commit_open_editor()
        data = self.details.meeting_input()
        if data is None:
            self.tabs.setCurrentIndex(0)
            self._message(self.tr("Please correct the entries marked in red."), ok=False)
            return False
        try:
            with self._workspace.unit_of_work() as uow:
                meeting_id = write_meeting(
                    uow, self._meeting_id, data, self.attendance.changed_rows()
                )
                if extra is not None:
                    extra(uow, meeting_id)
                uow.commit()
        except AttendanceRowError as problem:
            self.tabs.setCurrentIndex(self.attendance_tab_index)
            self.attendance_tab.show_missing_reason(problem.member_id)
            self._message(self.tr("Not saved: a reason for absence is missing."), ok=False)
            return False
        except InvalidInputError as error:
            self._show_problems(error)
            return False
        except BranchDeskError as error:
            self._message(message_for(error), ok=False)
            return False
        self._meeting_id = meeting_id
        self.load()
        self._message(self.tr("Saved."))
        self.changed.emit(meeting_id)
        return True

    # ---------------------------------------------------------------- votes
    def refresh_vote_preview(self) -> None:
        """Ask the services who may vote and who of them is present, with the unsaved marks."""
        self._preview_timer.stop()
        if self.details.type_combo.value() is not MeetingType.MEMBERS_ASSEMBLY or self._loading:
            return
        self.votes.preview = None
        data = None if self._meeting_id is not None else self.details.meeting_input()
        try:
            preview = preview_vote(
                self._workspace, self._meeting_id, data, self.attendance.changed_rows(),
                self.is_finalized,
            )
        except (InvalidInputError, AttendanceRowError):
            self.votes.show_no_preview()
            return
        except BranchDeskError as error:
            self.votes.show_preview_failed(message_for(error))
            return
        self.details.hide_problem("held_on")
        self.votes.show_preview(preview)

    def record_vote(self) -> bool:
        """Save the meeting and record the vote (with the counts the services compute)."""
        subject, in_favour, against, abstain = self.votes.vote()
        decision, person = self.votes.decision()

        def vote(uow: Any, meeting_id: str) -> None:
            meetings.record_vote(uow, meeting_id, subject, in_favour, against, abstain,
                                 decision=decision, member_id=person)

        self.votes.vote_message.clear()
        if not self._save_with(vote):
            if self.message_label.text():
                self.votes.not_recorded(self.message_label.text())
            return False
        self.votes.recorded()
        self.tabs.setCurrentIndex(self.votes_tab_index)
        return True

    # ---------------------------------------------------------------- finalizing and amendments
    def ask_finalize(self) -> FinalizeQuestion:
        """Ask (without blocking) before finalizing; 定稿 saves and finalizes. So that a cancel is
        not mistaken for a finalization, the editor then says that nothing was finalized."""
        box = FinalizeQuestion(self)
        box.accepted.connect(self.finalize)
        box.rejected.connect(lambda: self._message(
            self.tr("Not finalized: the minutes can still be edited.")
        ))
        self.confirm_box = box
        box.open()
        return box

    def finalize(self) -> bool:
        today = self._today()

        def finalize(uow: Any, meeting_id: str) -> None:
            meetings.finalize(uow, meeting_id, today)

        if not self._save_with(finalize):
            return False
        self._message(self.tr("Finalized: the minutes are now read-only."))
        return True

    def add_amendment(self) -> AmendmentDialog | None:
        if self._meeting_id is None:
            return None
        author = self._meeting.data.recorder if self._meeting else ""
        dialog = AmendmentDialog(self._workspace, self._meeting_id, author, self._today, self)
        dialog.added.connect(self._after_amendment)
        self.amendment_dialog = dialog
        dialog.open()
        return dialog

    def _after_amendment(self, _amendment_id: str) -> None:
        self.load()
        self.tabs.setCurrentIndex(self.amendments_tab_index)
        self._message(self.tr("The correction was added."))
        if self._meeting_id is not None:
            self.changed.emit(self._meeting_id)

    def _after_attachments(self) -> None:
        if self._meeting_id is not None:
            self.changed.emit(self._meeting_id)
