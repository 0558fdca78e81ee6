"""A member's record at a glance: the fields, how they left (if they did) and their timeline.

The timeline lists the development milestones and every recorded event (奖励, 处分, 流动, 失联,
转入, 离开…) oldest first, as ``timeline()`` returns them. From here the secretary edits the
record, adds an event or records the member leaving; the view then reloads and ``changed`` tells
the list.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.documents.vocabulary import letter_number
from app.domain import codes
from app.domain.members import FlowDirection, MembershipStatus
from app.domain.transfers import expires_on, may_transfer
from app.errors import BranchDeskError
from app.services import members
from app.services.members import Member, TimelineEntry
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.common.messages import message_for
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.common.tasks import BackgroundTask, TaskContext, run_in_background
from ui.dues.member_dues import MemberDuesHistory
from ui.members.dialogs import EventDialog, LeaveDialog
from ui.members.form import MemberForm
from ui.members.transfer_dialogs import CancelTransferDialog, ReceiptDialog, TransferOutDialog

PRINTING_MODULE = "ui.widgets.printing"

Today = Callable[[], date]


def _date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


class MemberDetail(QDialog):
    """``changed(member_id)`` after the record was edited, an event added or the member left."""

    changed = Signal(str)

    def __init__(
        self,
        workspace: Workspace,
        member_id: str,
        today: Today = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._member_id = member_id
        self._today = today
        self.member: Member | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Member record"))
        fit_to_screen(self, 900, 640)

        self.heading = QLabel()
        self.heading.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.standing_label = QLabel()

        self.record_box = QGroupBox(self.tr("Record"))
        record_row = QHBoxLayout(self.record_box)
        self._left_form = QFormLayout()
        self._right_form = QFormLayout()
        record_row.addLayout(self._left_form, 1)
        record_row.addLayout(self._right_form, 1)

        self.leaving_box = QGroupBox(self.tr("Left the branch"))
        self._leaving_form = QFormLayout(self.leaving_box)

        self.timeline_tree = QTreeWidget()
        self.timeline_tree.setRootIsDecorated(False)
        self.timeline_tree.setHeaderLabels(
            [self.tr("Date"), self.tr("Milestone or event"), self.tr("Details")]
        )
        header = self.timeline_tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        # The timeline and the member's dues history (month by month, payments, 冲销) side by side.
        self.dues_history = MemberDuesHistory(workspace, member_id, today)
        self.history_tabs = QTabWidget()
        self.history_tabs.addTab(self.timeline_tree, self.tr("Timeline"))
        self.history_tabs.addTab(self.dues_history, self.tr("Party dues"))

        self.status_label = QLabel()
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.event_button = QPushButton(self.tr("Add to the record…"))
        self.leave_button = QPushButton(self.tr("Leave the branch…"))
        self.transfer_button = QPushButton(self.tr("Transfer out…"))
        self.letter_button = QPushButton(self.tr("Print the letter…"))
        self.receipt_button = QPushButton(self.tr("Receipt returned…"))
        self.returned_button = QPushButton(self.tr("Letter returned unused…"))
        self.edit_button.clicked.connect(self.edit)
        self.event_button.clicked.connect(self.add_event)
        self.leave_button.clicked.connect(self.record_leaving)
        self.transfer_button.clicked.connect(self.transfer_out)
        self.letter_button.clicked.connect(self.print_letter)
        self.receipt_button.clicked.connect(self.record_receipt)
        self.returned_button.clicked.connect(self.letter_returned)
        self.last_task: BackgroundTask | None = None
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.event_button, self.leave_button,
                       self.transfer_button, self.letter_button, self.receipt_button,
                       self.returned_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading)
        title_row.addWidget(self.standing_label)
        title_row.addStretch(1)
        layout.addLayout(title_row)
        layout.addWidget(self.record_box)
        layout.addWidget(self.leaving_box)
        layout.addWidget(self.history_tabs, 1)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        self.reload()

    # ---------------------------------------------------------------- loading
    def reload(self) -> None:
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                member = members.get_member(uow, self._member_id)
                entries = members.timeline(uow, self._member_id)
            self.dues_history.refresh()
        except BranchDeskError as error:
            self.status_label.setText(message_for(error))
            return
        self.member = member
        self._show(member, entries)

    def _full_date_text(self, member: Member) -> str:
        """The 转正 date with the 党龄, which runs from the end of probation (党章第七条)."""
        standing = members.party_standing(member.data, self._today())
        if standing is None:
            return _date(member.data.full_date)
        if standing.since != member.data.full_date:
            return self.tr(
                "{date} (discussed after the probation ended; years of membership: {years}, "
                "counted from the end of probation, {since})"
            ).format(date=_date(member.data.full_date), years=standing.years,
                     since=standing.since.isoformat())
        return self.tr("{date} (years of membership: {years}, counted from {since})").format(
            date=_date(member.data.full_date), years=standing.years,
            since=standing.since.isoformat(),
        )

    def _show(self, member: Member, entries: list[TimelineEntry]) -> None:
        data = member.data
        self.heading.setText(data.name)
        active = member.status is MembershipStatus.ACTIVE
        self.standing_label.setText(
            member_texts.label(data.stage) if active else member_texts.label(member.status)
        )
        self.standing_label.setStyleSheet("" if active else ERROR_STYLE)
        for form in (self._left_form, self._right_form, self._leaving_form):
            while form.rowCount():
                form.removeRow(0)
        ethnic = codes.ethnic_groups().name_of(data.ethnic_group) or ""
        education = codes.education_levels().name_of(data.education) or ""
        degree = codes.degrees().name_of(data.degree) or ""
        left = [
            ("gender", member_texts.label(data.gender) if data.gender else ""),
            ("birth_date", _date(data.birth_date)),
            ("id_number", data.id_number),
            ("ethnic_group", ethnic),
            ("native_place", data.native_place),
            ("education", education),
            ("degree", degree),
            ("phone", data.phone),
        ]
        right = [
            ("work_unit", data.work_unit),
            ("job_title", data.job_title),
            ("occupation", codes.occupations().name_of(data.occupation) or ""),
            ("category", member_texts.label(data.category)),
            ("party_group_id", member.party_group_name),
            ("branch_post", member_texts.label(data.branch_post) if data.branch_post.value
             else ""),
            ("full_date", self._full_date_text(member)),
            ("classification", member_texts.label(data.classification)),
        ]
        if member.flow_direction is not FlowDirection.NONE:
            right.append(("flow", self.tr("{direction} since {date}: {place}").format(
                direction=member_texts.label(member.flow_direction),
                date=_date(member.flow_since), place=member.flow_place,
            )))
            right += [("flow_contact", member.flow_contact),
                      ("flow_card_no", member.flow_card_no)]
        if member.transfer_in_on is not None:
            right.append(("transfer_in_origin", self.tr(
                "{origin} (letter {number}, {date}; dues paid up to {month})").format(
                origin=member.transfer_in_origin,
                number=letter_number(member.transfer_in_letter_no),
                date=_date(member.transfer_in_on),
                month=member.transfer_in_paid_until or self.tr("not stated"))))
        if member.lost_contact_since is not None:
            right.append(("status", self.tr("Lost contact since {date}").format(
                date=_date(member.lost_contact_since)
            )))
        if data.notes:
            right.append(("notes", data.notes))
        for form, rows in ((self._left_form, left), (self._right_form, right)):
            for field, value in rows:
                form.addRow(self._label(field), self._value(value))

        self.leaving_box.setVisible(not active)
        if not active:
            leaving = [
                ("status", member_texts.label(member.status)),
                ("left_date", _date(member.left_date)),
                ("left_reason", member.left_reason),
            ]
            if member.status in (MembershipStatus.TRANSFERRED_OUT,
                                 MembershipStatus.TRANSFER_PENDING):
                leaving[1] = ("transfer_date", _date(member.left_date))
                leaving += [
                    ("transfer_destination", member.transfer_destination),
                    ("transfer_letter_no", member.transfer_letter_no),
                ]
            if member.transfer_valid_days and member.left_date is not None:
                leaving += [
                    ("paid_until", member.transfer_paid_until),
                    ("valid_days", self.tr("{days} days, until {date}").format(
                        days=member.transfer_valid_days,
                        date=_date(expires_on(member.left_date, member.transfer_valid_days)))),
                    ("transfer_receipt_on", _date(member.transfer_receipt_on)),
                ]
            for field, value in leaving:
                self._leaving_form.addRow(self._label(field), self._value(value))

        self.timeline_tree.clear()
        for entry in entries:
            item = QTreeWidgetItem(
                [entry.on.isoformat(), member_texts.timeline_kind(entry.kind), entry.text]
            )
            self.timeline_tree.addTopLevelItem(item)
        if not entries:
            item = QTreeWidgetItem(["", self.tr("Nothing recorded yet."), ""])
            self.timeline_tree.addTopLevelItem(item)

        self.leave_button.setEnabled(active)
        self.event_button.setEnabled(active)
        pending = member.status is MembershipStatus.TRANSFER_PENDING
        self.transfer_button.setVisible(active)
        self.transfer_button.setEnabled(active and may_transfer(data.stage))
        for button in (self.receipt_button, self.returned_button):
            button.setVisible(pending)
        self.letter_button.setVisible(bool(member.transfer_valid_days) and not active)
        self.leaving_box.setTitle(self.tr("Awaiting the receipt of the letter") if pending
                                  else self.tr("Left the branch"))

    def _label(self, field: str) -> QLabel:
        label = QLabel(self.tr("{field}:").format(field=member_texts.field_label(field)))
        label.setStyleSheet(HINT_STYLE)
        return label

    def _value(self, text: str) -> QLabel:
        label = QLabel(text or self.tr("—"))
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def timeline_texts(self) -> list[tuple[str, str, str]]:
        """(date, kind, details) as shown, for tests."""
        tree = self.timeline_tree
        return [
            (item.text(0), item.text(1), item.text(2))
            for item in (tree.topLevelItem(i) for i in range(tree.topLevelItemCount()))
            if item is not None
        ]

    # ---------------------------------------------------------------- actions
    def _after_change(self, _member_id: str) -> None:
        self.reload()
        self.changed.emit(self._member_id)

    def edit(self) -> MemberForm:
        form = MemberForm(self._workspace, self._member_id, self._today, self)
        form.saved.connect(self._after_change)
        form.open()
        return form

    def add_event(self) -> EventDialog:
        name = self.member.data.name if self.member else ""
        dialog = EventDialog(self._workspace, self._member_id, name, self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.open()
        return dialog

    def record_leaving(self) -> LeaveDialog:
        name = self.member.data.name if self.member else ""
        dialog = LeaveDialog(self._workspace, self._member_id, name, self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.open()
        return dialog

    def transfer_out(self) -> TransferOutDialog:
        """开具介绍信; once issued, the letter's print preview opens."""
        name = self.member.data.name if self.member else ""
        dialog = TransferOutDialog(self._workspace, self._member_id, name, self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.done_for.connect(lambda _id: self.print_letter())
        dialog.open()
        return dialog

    def record_receipt(self) -> ReceiptDialog:
        name = self.member.data.name if self.member else ""
        dialog = ReceiptDialog(self._workspace, self._member_id, name, self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.open()
        return dialog

    def letter_returned(self) -> CancelTransferDialog:
        name = self.member.data.name if self.member else ""
        dialog = CancelTransferDialog(self._workspace, self._member_id, name, self._today, self)
        dialog.done_for.connect(self._after_change)
        dialog.open()
        return dialog

    def print_letter(self) -> BackgroundTask:
        """The letter in memory (off the GUI thread), then its print preview; "Save as PDF…"
        writes the file through the service, which records the export."""
        from app.services import transfer_documents

        workspace, member_id = self._workspace, self._member_id

        def operation(_context: TaskContext) -> bytes:
            with workspace.unit_of_work(read_only=True) as uow:
                return transfer_documents.transfer_letter_pdf(uow, member_id)

        def save_as(path: Any) -> None:
            with workspace.unit_of_work() as uow:
                transfer_documents.write_transfer_letter(uow, member_id, path)
                uow.commit()

        def show(data: Any) -> None:
            printing = importlib.import_module(PRINTING_MODULE)
            self.last_task = printing.print_pdf(
                self, data, title=self.tr("Letter of introduction"), save_as=save_as)

        self.last_task = run_in_background(
            self, operation, on_success=show,
            on_failure=lambda error: self.status_label.setText(message_for(error)),
            title=self.tr("Preparing the document…"), cancellable=False,
        )
        return self.last_task
