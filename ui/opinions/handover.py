"""移交纪委: how a report of misconduct is handed over, and the register's note of it.

The branch does not investigate and keeps nothing of a report (检举控告工作规则 第47条;
DOMAIN.md): the dialog says how to hand it to the 纪委 (whose contact is a setting) and records
only the date and the 纪委's reference number. The entry is 秘密: it never leaves this PC."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from app.services import opinions
from app.services.workspace import UnitOfWork, Workspace
from ui.common.styles import NOTICE_STYLE
from ui.opinions.dialogs import FormDialog


class HandoverDialog(FormDialog):
    def __init__(self, workspace: Workspace, today: date, parent: QWidget | None = None) -> None:
        super().__init__(workspace, self.tr("Hand a report to the discipline committee"),
                         parent=parent)
        with workspace.unit_of_work(read_only=True) as uow:
            contact = opinions.discipline_contact(uow)
        where = contact or self.tr(
            "the discipline committee (set its contact under Settings of this page)")
        self.steps = QLabel(self.tr(
            "A report of misconduct (检举、控告) must be kept strictly secret and never reach the "
            "person it concerns. The branch does not investigate it.\n"
            "1. Do not open, copy or note down its content or who made it, here or elsewhere.\n"
            "2. Seal the original and hand it, with the printed cover slip, to: {where}\n"
            "3. Record here only the date and the committee's reference number, if it gives "
            "one. This entry is secret (秘密): it is never synced nor put in a bundle."
        ).format(where=where))
        self.steps.setObjectName("steps")
        self.steps.setWordWrap(True)
        self.steps.setStyleSheet(NOTICE_STYLE)
        self.box.insertWidget(0, self.steps)
        self.on = self.date_field(today)
        self.reference = QLineEdit()
        self.reference.setMaxLength(50)
        self.reference.setPlaceholderText(self.tr("optional"))
        self.form.addRow(self.tr("Handed over on"), self.on)
        self.form.addRow(self.tr("Reference number"), self.reference)
        self.finish(560, 420)

    def apply(self, uow: UnitOfWork) -> str:
        return opinions.record_handover(uow, self.required_date(self.on, "received_on"),
                                        self.reference.text())
