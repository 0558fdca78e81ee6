"""工作台's frame — the branch's name and profile, the reminders box — and 工作台 as kept in the
database, shown at start-up until the live one has loaded (issue 14).

This module imports Qt and the app's light modules only: the kept copy is shown before
SQLAlchemy, the models and the record books' modules are imported. ``DashboardPage``
(``ui.shell.dashboard``) is the live 工作台 in the same frame; ``snapshot`` is the copy of what it
shows (the texts, styles and links of its visible sections), ``SnapshotPage`` shows a copy.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ui.common.screen_fit import scrolling
from ui.common.styles import HINT_STYLE
from ui.widgets.background_list import line_label


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


def snapshot(frame: DashboardFrame, sections: list[Any]) -> str:
    """The copy of what ``frame`` shows, its ``sections`` (``BackgroundList``s) in order: the
    profile, then each visible section's heading, note and lines (text, style, tooltip)."""

    def line(label: QLabel) -> list[str]:
        return [label.text(), label.styleSheet(), label.toolTip()]

    shown = []
    for section in sections:
        if section.isHidden():
            continue
        note = section.note_label
        shown.append({
            "heading": section.heading.text(),
            "note": line(note) if note is not None else None,
            "lines": [line(label) for label in section.labels],
        })
    return json.dumps({
        "profile": [label.text() for label in frame.profile_labels],
        "nothing": not frame.reminders_label.isHidden(),
        "sections": shown,
    }, ensure_ascii=False)


class SnapshotPage(DashboardFrame):
    """工作台 as kept (``snapshot``): the same texts, styles and links, nothing to refresh."""

    def __init__(self, content: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        name, code, higher_org, secretary = content["profile"]
        self.branch_name = str(name)
        self.show_profile(str(name), str(code), str(higher_org), str(secretary))
        self.reminders_label.setVisible(bool(content["nothing"]))
        for section in content["sections"]:
            box = QWidget()  # as a section lays itself out (``BackgroundList``)
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            heading = QLabel(str(section["heading"]))
            heading.setStyleSheet("font-weight: bold;")
            heading.linkActivated.connect(self.go_to)
            layout.addWidget(heading)
            lines = ([section["note"]] if section["note"] else []) + list(section["lines"])
            for text, style, tooltip in lines:
                layout.addWidget(line_label(str(text), str(style), str(tooltip)))
            self.reminders.addWidget(box)



def parse(content: str) -> SnapshotPage | None:
    """The page showing a kept copy, or None when ``content`` is not one (the data then opens
    as usual)."""
    try:
        return SnapshotPage(json.loads(content))
    except (ValueError, KeyError, TypeError):
        return None
