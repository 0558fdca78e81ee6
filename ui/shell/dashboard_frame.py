"""工作台's frame: the branch's name and profile, and the reminders box. ``DashboardPage``
(``ui.shell.dashboard``) fills it with the record books' sections."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.common.screen_fit import scrolling
from ui.common.styles import HINT_STYLE


class DashboardFrame(QWidget):
    """The heading, the profile box and the reminders box (``reminders`` lays out the
    sections under ``reminders_label``). ``go_to`` (a page's name) when a link is followed."""

    go_to = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = QLabel()
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)

        self.name_label = QLabel()
        self.code_label = QLabel()
        self.higher_org_label = QLabel()
        self.secretary_label = QLabel()
        profile_box = QGroupBox(QCoreApplication.translate("DashboardPage", "Branch"))
        form = QFormLayout(profile_box)
        form.addRow(QCoreApplication.translate("DashboardPage", "Branch name:"), self.name_label)
        form.addRow(QCoreApplication.translate("DashboardPage", "Branch code:"), self.code_label)
        form.addRow(QCoreApplication.translate("DashboardPage", "Higher party organization:"),
                    self.higher_org_label)
        form.addRow(QCoreApplication.translate("DashboardPage", "Branch secretary:"),
                    self.secretary_label)

        reminders_box = QGroupBox(QCoreApplication.translate("DashboardPage", "Reminders"))
        self.reminders = QVBoxLayout(reminders_box)
        self.reminders_label = QLabel(QCoreApplication.translate(
            "DashboardPage", "Nothing needs attention at the moment."))
        self.reminders_label.setWordWrap(True)
        self.reminders_label.setStyleSheet(HINT_STYLE)
        self.reminders_label.hide()
        self.reminders.addWidget(self.reminders_label)

        content = QWidget()  # scrolls when the reminders are longer than the screen
        layout = QVBoxLayout(content)
        layout.addWidget(self.heading)
        layout.addWidget(profile_box)
        layout.addWidget(reminders_box)
        layout.addStretch(1)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(scrolling(content))

    @property
    def profile_labels(self) -> tuple[QLabel, QLabel, QLabel, QLabel]:
        return (self.name_label, self.code_label, self.higher_org_label, self.secretary_label)

    def show_profile(self, name: str, code: str, higher_org: str, secretary: str) -> None:
        self.heading.setText(name)
        for label, text in zip(self.profile_labels, (name, code, higher_org, secretary),
                               strict=True):
            label.setText(text)

    def clear_profile(self) -> None:
        self.heading.clear()
        for label in self.profile_labels:
            label.clear()
