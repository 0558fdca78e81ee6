"""What the 党费 tabs share: the month picker, the hint and feedback lines, dates between Qt and
Python, the reasons a refused row shows, and the modules another part of the app may provide.

A new tab takes ``(workspace, today)`` like the others and has ``reload`` and ``clear``
(``DuesTab``); a tab that holds typed work also answers ``has_unsaved_work``,
``unsaved_work_title`` and ``save_unsaved_work`` (asked before quitting).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from types import ModuleType
from typing import Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QLabel, QWidget

from app.domain.calendar import Month
from app.errors import InvalidInputError
from ui.common import dues_texts
from ui.common.styles import ERROR_STYLE, HINT_STYLE, NOTICE_STYLE

Today = Callable[[], date]

MONEY_ALIGNMENT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class DuesTab(Protocol):
    """What the page asks of every tab: read what it shows, or forget it (the data was locked)."""

    def reload(self) -> None: ...

    def clear(self) -> None: ...


def optional_module(name: str) -> ModuleType | None:
    """A module another part of the app provides, or None where this build has none."""
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def feedback(label: QLabel, text: str, ok: bool) -> None:
    label.setStyleSheet(NOTICE_STYLE if ok else ERROR_STYLE)
    label.setText(text)


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(HINT_STYLE)
    return label


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def day_of(edit: QDateEdit) -> date:
    """The day a date field shows (the stubs type ``toPython`` loosely)."""
    value = edit.date().toPython()
    if not isinstance(value, date):
        raise TypeError("not a date")
    return value


def _month_of(value: QDate) -> Month:
    return Month(value.year(), value.month())


class MonthEdit(QDateEdit):
    """A month picker: Up/Down change the month, the year and month can be typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDisplayFormat(self.tr("MM/yyyy"))
        self.setCurrentSection(QDateEdit.Section.MonthSection)
        self.setMinimumDate(QDate(2000, 1, 1))
        self.setMaximumDate(QDate(2099, 12, 1))

    def month(self) -> Month:
        return _month_of(self.date())

    def set_month(self, month: Month) -> None:
        self.setDate(QDate(month.year, month.month, 1))


def problems_text(error: InvalidInputError) -> str:
    """Why a row was refused, each reason once (shown beside the row)."""
    return " ".join(dict.fromkeys(dues_texts.problem_text(p.code) for p in error.problems))
