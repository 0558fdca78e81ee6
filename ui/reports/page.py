"""报表: every report and printed document BranchDesk makes, and the page that makes it.

The reports live beside the records they come from (the roster on 党员, minutes on 组织生活, dues
sheets on 党费); this page lists them so a secretary looking for "报表" finds each one, and takes
them there with one click.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.styles import HINT_STYLE


class ReportsPage(QWidget):
    """``go_to(page index)`` when the secretary asks to open the page that makes a report."""

    go_to = Signal(int)

    MEMBERS_PAGE = 1
    MEETINGS_PAGE = 2
    DUES_PAGE = 3
    STUDY_PAGE = 4
    TALKS_PAGE = 5
    RECTIFICATION_PAGE = 6
    APPRAISAL_PAGE = 7
    OPINIONS_PAGE = 8
    DISCLOSURES_PAGE = 9

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(self.tr("Reports"))
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        intro = QLabel(self.tr(
            "Each report is made on the page of the records it comes from. Exported files are "
            "written only where you choose, and every export is recorded in the audit log."
        ))
        intro.setWordWrap(True)
        intro.setStyleSheet(HINT_STYLE)

        box = QGroupBox(self.tr("Available reports"))
        grid = QGridLayout(box)
        self.buttons: list[QPushButton] = []
        rows = (
            (self.tr("Party member roster (Excel)"),
             self.tr("Members page, 'Export roster…'. The same layout can be imported again."),
             self.MEMBERS_PAGE),
            (self.tr("Meeting minutes and sign-in sheets (PDF, printable)"),
             self.tr("Organizational life page: open a meeting, then export, print or sign-in "
                     "sheet."),
             self.MEETINGS_PAGE),
            (self.tr("Dues collection sheet, annual dues ledger, arrears list, remittance record "
                     "(Excel)"),
             self.tr("Party dues page: the monthly entry exports the collection sheet; the annual "
                     "workbook holds the ledger, arrears and remittances."),
             self.DUES_PAGE),
            (self.tr("Study hours of the year (Excel, printable)"),
             self.tr("Study record page: export the table or print it."),
             self.STUDY_PAGE),
            (self.tr("Heart-to-heart talks of a year, with the pairs not yet covered (Excel)"),
             self.tr("Talks page, 'Export the year…'."),
             self.TALKS_PAGE),
            (self.tr("Rectification ledger of the organizational life meetings (Excel, PDF "
                     "printable)"),
             self.tr("Rectification page, 'Export ledger (Excel)…' or '(PDF)…'."),
             self.RECTIFICATION_PAGE),
            (self.tr("Democratic appraisal result table (Excel, PDF, printable)"),
             self.tr("Democratic appraisal page: 'Export result table…' or 'Print result "
                     "table…'."),
             self.APPRAISAL_PAGE),
            (self.tr("Register of opinions and suggestions, with its summary (Excel); transfer "
                     "slips and cover slips (PDF, printable)"),
             self.tr("Opinions page: 'Export the year…', and the slips of the selected entry."),
             self.OPINIONS_PAGE),
            (self.tr("Disclosure notices (PDF) and the year's disclosure register (Excel)"),
             self.tr("Disclosure page: select an item for its printed notice; the register "
                     "lists every item of the year with its steps."),
             self.DISCLOSURES_PAGE),
        )
        for row, (name, where, page) in enumerate(rows):
            title = QLabel(name)
            title.setWordWrap(True)
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            detail = QLabel(where)
            detail.setWordWrap(True)
            button = QPushButton(self.tr("Go there"))
            button.clicked.connect(lambda _checked=False, index=page: self.go_to.emit(index))
            self.buttons.append(button)
            grid.addWidget(title, 2 * row, 0)
            grid.addWidget(button, 2 * row, 1)
            grid.addWidget(detail, 2 * row + 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)

        admin = QLabel(self.tr(
            "Administrators can make the same files from the command line: 'members export', "
            "'meetings minutes', 'dues ledger', 'study report', 'talks report', "
            "'rectification report', 'appraisal report', 'opinions report' (see the "
            "administrator's guide)."
        ))
        admin.setWordWrap(True)
        admin.setStyleSheet(HINT_STYLE)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(admin)
        layout.addStretch(1)
