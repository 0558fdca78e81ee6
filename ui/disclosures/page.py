"""党务公开: the branch's disclosure items of a year, each through 拟稿 → 审核 → 审批 → 发布 (and
撤回), its printed notice, and the responses received during its 公示期.

A new item starts from the records (a member in the pipeline, the dues ledger, the meetings of a
period) or blank, and opens in the editor. A step on an item that names a 秘密 record is refused
with the message naming the record. Locking clears the page (``clear``); unlocking reloads it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.errors import BranchDeskError
from app.services import disclosures as service
from app.services.workspace import Workspace
from ui.common.disclosure_texts import category_label, channel_label, scope_label, status_label
from ui.common.messages import message_for
from ui.common.styles import ERROR_STYLE, NOTICE_STYLE
from ui.disclosures import dialogs
from ui.disclosures.editor import DisclosureEditor

Today = Callable[[], date]
Status = service.Status


class DisclosuresPage(QWidget):
    """``changed`` after an item was written."""

    changed = Signal()

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._today = today
        self._items: list[service.Disclosure] = []
        self.editor: DisclosureEditor | None = None
        self.message_box: QMessageBox | None = None
        self._unnoted = False
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today().year)
        self.year.setSuffix(self.tr(" (year)"))
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([
            self.tr("Category"), self.tr("Title"), self.tr("Scope"),
            self.tr("Disclosure period"), self.tr("Step"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (2, 110), (3, 200), (4, 80)):
            self.table.setColumnWidth(column, width)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_item())
        self.detail = QTextBrowser()
        self.feedback_label = QLabel()
        self.feedback_label.setWordWrap(True)

        self.new_button = QPushButton(self.tr("New item…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.review_button = QPushButton(self.tr("Review…"))
        self.approve_button = QPushButton(self.tr("Approve…"))
        self.publish_button = QPushButton(self.tr("Publish"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.print_button = QPushButton(self.tr("Notice as PDF…"))
        self.feedback_button = QPushButton(self.tr("Record a response…"))
        self.report_button = QPushButton(self.tr("Year's register (Excel)…"))
        self.note_button = QPushButton(self.tr("Note responses in the member's record"))
        self.note_button.setToolTip(self.tr(
            "Responses to an admission or full-membership notice received from the platform "
            "become notes on the member's timeline"))
        self.note_button.clicked.connect(self.note_responses)
        self.new_button.clicked.connect(self.new_item)
        self.edit_button.clicked.connect(self.edit_item)
        self.review_button.clicked.connect(lambda: self._step("review"))
        self.approve_button.clicked.connect(lambda: self._step("approve"))
        self.publish_button.clicked.connect(lambda: self._step("publish"))
        self.withdraw_button.clicked.connect(lambda: self._step("withdraw"))
        self.print_button.clicked.connect(lambda: self.print_notice())
        self.feedback_button.clicked.connect(self.record_feedback)
        self.report_button.clicked.connect(lambda: self.export_year())

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Items of")))
        top.addWidget(self.year)
        top.addStretch(1)
        top.addWidget(self.report_button)
        steps = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.review_button,
                       self.approve_button, self.publish_button, self.withdraw_button,
                       self.print_button, self.feedback_button, self.note_button):
            steps.addWidget(button)
        steps.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([300, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(steps)
        layout.addWidget(split, 1)
        layout.addWidget(self.feedback_label)
        self._update_buttons()

    # ---------------------------------------------------------------- loading
    def refresh(self) -> None:
        selected = self.selected_id()
        with self._workspace.unit_of_work() as uow:
            self._items = service.list_items(uow, self.year.value())
        self.table.setRowCount(len(self._items))
        for row, item in enumerate(self._items):
            period = f"{item.data.start_on.isoformat()} ~ {item.data.end_on.isoformat()}"
            for column, text in enumerate((
                category_label(item.data.category), item.data.title,
                scope_label(item.data.scope), period, status_label(item.status),
            )):
                cell = QTableWidgetItem(text)
                cell.setToolTip(text)
                self.table.setItem(row, column, cell)
            if item.id == selected:
                self.table.selectRow(row)
        self._show_selected()

    def clear(self) -> None:
        self._items = []
        self.table.setRowCount(0)
        self.detail.clear()
        self.feedback_label.clear()
        self._update_buttons()

    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._items):
            return None
        return self._items[rows[0].row()].id

    def select(self, item_id: str) -> None:
        for row, item in enumerate(self._items):
            if item.id == item_id:
                self.table.selectRow(row)

    def _show_selected(self) -> None:
        item_id = self.selected_id()
        self._unnoted = False
        if item_id is None:
            self.detail.clear()
        else:
            with self._workspace.unit_of_work() as uow:
                item = service.get(uow, item_id)
            self.detail.setPlainText(self._describe(item))
            self._unnoted = item.data.member_id is not None and item.data.category in (
                service.Category.DEVELOPMENT, service.Category.PROBATION,
            ) and any(not f.noted for f in item.feedback)
        self._update_buttons()

    def _describe(self, item: service.Disclosure) -> str:
        lines = [item.data.title, "", item.data.content, "",
                 self.tr("Where to send objections: {text}").format(
                     text=item.data.feedback_channel), ""]
        steps = (
            (self.tr("Drafted"), item.drafted_by, item.drafted_on),
            (self.tr("Reviewed"), item.reviewed_by, item.reviewed_on),
            (self.tr("Approved"), item.approved_by, item.approved_on),
            (self.tr("Published"), "", item.published_on),
            (self.tr("Withdrawn"), "", item.withdrawn_on),
        )
        for name, who, day in steps:
            if day is not None:
                lines.append(f"{name}：{who} {day.isoformat()}".replace("： ", "："))
        if item.feedback:
            lines += ["", self.tr("Responses ({count}):").format(count=len(item.feedback))]
            for f in item.feedback:
                author = f.author or self.tr("anonymous")
                lines.append(f"{f.received_on.isoformat()} {channel_label(f.channel)} "
                             f"{author}：{f.content}")
        return "\n".join(lines)

    def _update_buttons(self) -> None:
        item = next((i for i in self._items if i.id == self.selected_id()), None)
        status = item.status if item else None
        self.edit_button.setEnabled(status in (Status.DRAFT, Status.REVIEWED))
        self.review_button.setEnabled(status is Status.DRAFT)
        self.approve_button.setEnabled(status is Status.REVIEWED)
        self.publish_button.setEnabled(status is Status.APPROVED)
        self.withdraw_button.setEnabled(status is Status.PUBLISHED)
        self.print_button.setEnabled(item is not None)
        self.feedback_button.setEnabled(status in (Status.PUBLISHED, Status.WITHDRAWN))
        self.note_button.setVisible(item is not None and self._unnoted)

    # ---------------------------------------------------------------- actions
    def new_item(self) -> dialogs.DraftDialog:
        """Ask what the draft comes from; the editor opens with it (non-blocking)."""
        with self._workspace.unit_of_work() as uow:
            subjects = service.development_subjects(uow)
        chooser = dialogs.DraftDialog(subjects, self._today(), self)
        chooser.accepted.connect(lambda: self._drafted(chooser))
        chooser.open()
        return chooser

    def _drafted(self, chooser: dialogs.DraftDialog) -> None:
        try:
            draft = self._draft(chooser)
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return
        self._open_editor(draft, None)

    def _draft(self, chooser: dialogs.DraftDialog) -> service.DisclosureInput:
        today = self._today()
        with self._workspace.unit_of_work() as uow:
            kind = chooser.source.currentIndex()
            if kind == dialogs.FROM_PIPELINE:
                return service.draft_development(uow, chooser.member.currentData(), today)
            if kind == dialogs.FROM_DUES:
                return service.draft_dues(uow, chooser.year.value(),
                                          chooser.quarter.currentData(), today)
            if kind == dialogs.FROM_APPRAISAL:
                return service.draft_appraisal(uow, chooser.appraisal_year.value(), today)
            first, last = chooser.first.date_value(), chooser.last.date_value()
            if kind == dialogs.FROM_MEETINGS and first is not None and last is not None:
                return service.draft_meetings(uow, first, last, today)
            return service.DisclosureInput(
                category=service.Category.OTHER, title="", content="",
                scope=service.Scope.PARTY, start_on=today,
                end_on=today.fromordinal(today.toordinal() + service.period_days(uow) - 1),
                feedback_channel=service.default_channel(uow),
            )

    def edit_item(self) -> None:
        item_id = self.selected_id()
        item = next((i for i in self._items if i.id == item_id), None)
        if item is None or item.status not in (Status.DRAFT, Status.REVIEWED):
            return
        self._open_editor(item.data, item.id, item.drafted_by)

    def _open_editor(
        self, draft: service.DisclosureInput, item_id: str | None, drafted_by: str = ""
    ) -> None:
        self.editor = DisclosureEditor(self._workspace, draft, drafted_by or self._secretary(),
                                       self._today(), item_id, self)
        self.editor.accepted.connect(self._editor_saved)
        self.editor.open()

    def _editor_saved(self) -> None:
        saved = self.editor.saved_id if self.editor else None
        if saved is not None:
            with self._workspace.unit_of_work() as uow:
                start = service.get(uow, saved).data.start_on
            self.year.setValue(start.year)
        self.refresh()
        if saved is not None:
            self.select(saved)
        self.changed.emit()

    def _step(self, step: str) -> dialogs.StepDialog | None:
        """Review and approve ask who and when (a dialog, returned); publish and withdraw are
        done today."""
        item_id = self.selected_id()
        if item_id is None:
            return None
        titles = {"review": self.tr("Review"), "approve": self.tr("Approve")}
        if step not in titles:
            self._do(step, item_id, "", self._today())
            return None
        hints = {
            "review": self.tr("Review includes the secrecy check: nothing secret may be "
                              "disclosed; also check that the item is necessary and accurate."),
            "approve": self.tr("Approval by the branch committee, or by the higher committee "
                               "when the item goes beyond the branch."),
        }
        dialog = dialogs.StepDialog(titles[step], self._secretary(), self._today(),
                                    hints[step], self)
        dialog.accepted.connect(lambda: self._do(
            step, item_id, dialog.who.text(), dialog.day.date_value() or self._today()))
        dialog.open()
        return dialog

    def _do(self, step: str, item_id: str, who: str, day: date) -> None:
        try:
            with self._workspace.unit_of_work() as uow:
                if step == "review":
                    service.review(uow, item_id, who, day)
                elif step == "approve":
                    service.approve(uow, item_id, who, day)
                elif step == "publish":
                    service.publish(uow, item_id, day)
                else:
                    service.withdraw(uow, item_id, day)
                uow.commit()
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return
        self.refresh()
        self._say(self.tr("Done. The next synchronization sends it to the platform."), ok=True)
        self.changed.emit()

    def record_feedback(self) -> dialogs.FeedbackDialog | None:
        item_id = self.selected_id()
        if item_id is None:
            return None
        dialog = dialogs.FeedbackDialog(self._today(), self)
        dialog.accepted.connect(lambda: self._record(item_id, dialog))
        dialog.open()
        return dialog

    def _record(self, item_id: str, dialog: dialogs.FeedbackDialog) -> None:
        try:
            with self._workspace.unit_of_work() as uow:
                service.record_feedback(
                    uow, item_id, dialog.day.date_value() or self._today(),
                    dialog.channel.currentData(), dialog.author.text(),
                    dialog.content.toPlainText())
                uow.commit()
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return
        self._show_selected()

    def note_responses(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        try:
            with self._workspace.unit_of_work() as uow:
                count = service.note_feedback(uow, item_id)
                uow.commit()
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return
        self._show_selected()
        self._say(self.tr("{count} responses noted in the member's record.").format(
            count=count), ok=True)
        self.changed.emit()

    def print_notice(self, path: Path | None = None) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the notice"), self.tr("notice.pdf"), self.tr("PDF (*.pdf)"))
            if not name:
                return
            path = Path(name)
        try:
            with self._workspace.unit_of_work() as uow:
                service.print_notice(uow, item_id, path)
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return
        self._say(self.tr("The notice was written to {file}.").format(file=path), ok=True)

    def export_year(self, path: Path | None = None) -> None:
        year = self.year.value()
        if path is None:
            name, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the register"),
                self.tr("disclosures-{year}.xlsx").format(year=year), self.tr("Excel (*.xlsx)"))
            if not name:
                return
            path = Path(name)
        try:
            with self._workspace.unit_of_work() as uow:
                rows = service.export_year(uow, year, path)
                uow.commit()  # the export's audit entry
        except BranchDeskError as error:
            self._say(message_for(error), ok=False)
            return
        self._say(self.tr("{count} items written to {file}.").format(count=rows, file=path),
                  ok=True)

    def _secretary(self) -> str:
        from app.services.branch import load_profile

        with self._workspace.unit_of_work() as uow:
            return load_profile(uow).secretary

    def _say(self, text: str, ok: bool) -> None:
        self.feedback_label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
        self.feedback_label.setText(text)
        if not ok:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Disclosure"), text,
                              QMessageBox.StandardButton.Ok, self)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.message_box = box
