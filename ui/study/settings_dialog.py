"""The study record's settings: annual targets (第20条: 32 学时; secretaries and committee
members 56), the conversion of time to 学时 (a local rule), and which meetings count as study."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.meetings import MeetingType
from app.domain.study import Conversion, StudyRules
from app.services import study
from app.services.workspace import UnitOfWork, Workspace
from ui.common import member_texts
from ui.common.screen_fit import fit_to_screen
from ui.common.styles import HINT_STYLE
from ui.study.parts import error_line, save_cancel, write_and_close
from ui.widgets.editor_dialog import EditorDialog

COUNTABLE = (MeetingType.PARTY_LECTURE, MeetingType.THEME_DAY, MeetingType.PARTY_GROUP,
             MeetingType.MEMBERS_ASSEMBLY, MeetingType.ORGANIZATIONAL_LIFE, MeetingType.OTHER)


def _hours_spin(value: Decimal) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(2)
    spin.setRange(0, 500)
    spin.setSingleStep(0.5)
    spin.setValue(float(value))
    return spin


def _decimal(spin: QDoubleSpinBox) -> Decimal:
    return Decimal(str(round(spin.value(), 2)))


class StudySettingsDialog(EditorDialog):
    saved = Signal()

    def __init__(self, workspace: Workspace, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._year = year
        self.setWindowTitle(self.tr("Study record settings"))
        with workspace.unit_of_work(read_only=True) as uow:
            rules = study.load_rules(uow)
        targets = QGroupBox(self.tr("Annual targets"))
        form = QFormLayout(targets)
        self.target_spin = _hours_spin(rules.target)
        self.committee_spin = _hours_spin(rules.committee_target)
        form.addRow(self.tr("Members (art. 20: at least 32):"), self.target_spin)
        form.addRow(self.tr("Secretary and committee members:"), self.committee_spin)

        conversion = QGroupBox(self.tr("Converting time to hours"))
        form = QFormLayout(conversion)
        c = rules.conversion
        self.per_hour_spin = _hours_spin(c.per_hour)
        self.half_day_spin = _hours_spin(c.half_day)
        self.full_day_spin = _hours_spin(c.full_day)
        self.half_from_spin = QSpinBox()
        self.half_from_spin.setRange(30, 720)
        self.half_from_spin.setValue(c.half_day_from_minutes)
        self.full_from_spin = QSpinBox()
        self.full_from_spin.setRange(60, 1440)
        self.full_from_spin.setValue(c.full_day_from_minutes)
        self.untimed_spin = _hours_spin(c.untimed_meeting)
        form.addRow(self.tr("Hours per clock hour:"), self.per_hour_spin)
        form.addRow(self.tr("A half day counts as:"), self.half_day_spin)
        form.addRow(self.tr("A half day from (minutes):"), self.half_from_spin)
        form.addRow(self.tr("A day counts as:"), self.full_day_spin)
        form.addRow(self.tr("A day from (minutes):"), self.full_from_spin)
        form.addRow(self.tr("A meeting without times:"), self.untimed_spin)

        meetings = QGroupBox(self.tr("Attendance that counts as study"))
        box = QVBoxLayout(meetings)
        self.meeting_checks: dict[MeetingType, QCheckBox] = {}
        for kind in COUNTABLE:
            check = QCheckBox(member_texts.label(kind))
            check.setChecked(kind in rules.counted_meetings)
            self.meeting_checks[kind] = check
            box.addWidget(check)
        hint = QLabel(self.tr(
            "Members marked present get the meeting's hours by themselves; a change of "
            "attendance changes them. Saving counts the meetings of the year shown again."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        box.addWidget(hint)
        self.error_label = error_line()
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        for widget in (targets, conversion, meetings, self.error_label):
            layout.addWidget(widget)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 640)

    def rules(self) -> StudyRules:
        return StudyRules(
            target=_decimal(self.target_spin), committee_target=_decimal(self.committee_spin),
            conversion=Conversion(
                per_hour=_decimal(self.per_hour_spin), half_day=_decimal(self.half_day_spin),
                full_day=_decimal(self.full_day_spin),
                half_day_from_minutes=self.half_from_spin.value(),
                full_day_from_minutes=self.full_from_spin.value(),
                untimed_meeting=_decimal(self.untimed_spin),
            ),
            counted_meetings=frozenset(k for k, c in self.meeting_checks.items() if c.isChecked()),
        )

    def save_unsaved_work(self) -> bool:
        rules, year = self.rules(), self._year

        def write(uow: UnitOfWork) -> None:
            study.save_rules(uow, rules)
            study.recount_meetings(uow, year)  # the year shown follows at once

        return write_and_close(self, self._workspace, self.error_label, write, self.saved)
