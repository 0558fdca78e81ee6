"""The meeting editor's 出席 tab: the register of everyone expected, the mark buttons, 应到/实到.

Attendance is keyboard-first (``AttendanceView``): everyone expected is present and only the
exceptions are marked (1 present, 2 on leave, 3 absent, 4 absent with a written opinion). The
counts update as marks change; a missing reason is shown on its row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.domain.development import Stage
from app.services.meetings import Attendance, Meeting
from app.services.members import MemberListRow
from ui.common.styles import ERROR_STYLE, HINT_STYLE
from ui.meetings.attendance_model import REASON, AttendanceModel, AttendanceRow
from ui.meetings.attendance_view import AttendanceView


class AttendanceTab(QWidget):
    """``model`` holds the marks (saved by the editor); ``view`` is where they are made."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = AttendanceModel(self)
        self.view = AttendanceView(self.model)
        hint = QLabel(self.tr(
            "Everyone expected is marked present. Mark only the exceptions: select a name with "
            "the arrow keys and press 2 for on leave, 3 for absent or 4 for absent with a written "
            "opinion handed in before the meeting, then type the reason and press Enter; 1 marks "
            "present again. Several names can be selected with Shift."
        ))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.counts_label = QLabel()
        self.counts_label.setObjectName("attendance_counts")
        font = QFont(self.counts_label.font())
        font.setBold(True)
        self.counts_label.setFont(font)
        self.mark_buttons: dict[Attendance, QPushButton] = {}
        marks = QHBoxLayout()
        marks.addWidget(self.counts_label, 1)
        for status, text in (
            (Attendance.PRESENT, self.tr("Present (1)")),
            (Attendance.LEAVE, self.tr("On leave (2)")),
            (Attendance.ABSENT, self.tr("Absent (3)")),
            (Attendance.WRITTEN, self.tr("Written opinion (4)")),
        ):
            button = QPushButton(text)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _c=False, s=status: self.view.mark(s))
            self.mark_buttons[status] = button
            marks.addWidget(button)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(marks)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)

    def show_attendance(self, meeting: Meeting) -> None:
        """The register of a saved meeting, as stored."""
        self.model.set_rows([
            AttendanceRow(a.member_id, a.name, a.probationary, a.status, a.reason,
                          a.status, a.reason)
            for a in meeting.attendance
        ])

    def show_expected(self, expected: list[MemberListRow]) -> None:
        """A new meeting's register: everyone ``expected``, keeping the marks already made for
        people still on the list (the others present)."""
        before = {r.member_id: r for r in self.model.rows}
        fresh = []
        for row in expected:
            old = before.get(row.id)
            fresh.append(AttendanceRow(
                row.id, row.name, row.stage is Stage.PROBATIONARY,
                old.status if old else Attendance.PRESENT, old.reason if old else "",
            ))
        self.model.set_rows(fresh)

    def set_read_only(self, read_only: bool) -> None:
        self.model.set_read_only(read_only)
        for button in self.mark_buttons.values():
            button.setEnabled(not read_only)

    def show_counts(self) -> dict[Attendance, int]:
        """Show 应到/实到 for the current marks (a new mark clears the last problem); returns the
        counts."""
        counts = self.model.counts()
        text = self.tr(
            "Expected {expected} · present {present} · on leave {leave} · absent {absent}"
        ).format(
            expected=sum(counts.values()), present=counts[Attendance.PRESENT],
            leave=counts[Attendance.LEAVE], absent=counts[Attendance.ABSENT],
        )
        if counts[Attendance.WRITTEN]:
            text += self.tr(" · written opinions {written}").format(
                written=counts[Attendance.WRITTEN]
            )
        self.counts_label.setText(text)
        self.message.clear()
        return counts

    def show_missing_reason(self, member_id: str) -> None:
        """The row of ``member_id`` in red, its reason current, and what is missing said."""
        self.model.mark_problems({member_id})
        row = self.model.row_of(member_id)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, REASON))
        self.message.setText(self.tr(
            "Give the reason for everyone on leave or absent (the row marked in red)."
        ))
