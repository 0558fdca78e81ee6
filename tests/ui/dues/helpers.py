"""What the 党费 tests do the same way: the day they run on, showing a widget, typing as a person
does (keys to whatever has the focus, Chinese as an input method commits it), and waiting for a
tab's background task."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget
from pytestqt.qtbot import QtBot

from ui.dues.month_model import DuesMonthModel
from ui.widgets.entry_table import EntryTableView

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2025, 6, 16)


def show(qtbot: QtBot, widget: QWidget, width: int = 980, height: int = 640) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    """Type as a person does: each key goes to whatever has the focus (the table, then the
    editor it opened)."""
    for character in text:
        qtbot.keyClick(focused(), character)


def commit_text(widget: QWidget, text: str) -> None:
    """Chinese text as an input method commits it (QTest types only ASCII keys)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def press_enter(qtbot: QtBot, view: EntryTableView) -> None:
    row = view.currentIndex().row()
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    last = view.model().rowCount() - 1
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState
                    and view.currentIndex().row() == min(row + 1, last))


def wait_for_task(qtbot: QtBot, tab: object) -> None:
    task = tab.last_task  # type: ignore[attr-defined]
    if task is not None:
        with qtbot.waitSignal(task.finished, timeout=10000):
            pass
    qtbot.waitUntil(lambda: tab.last_task is None)  # type: ignore[attr-defined]
    # The progress dialog was the active window; the window manager gives the activation
    # back to the page when it closes (the offscreen platform has no window manager).
    window = tab.window()  # type: ignore[attr-defined]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def rows(model: DuesMonthModel) -> list[tuple[str, ...]]:
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]
