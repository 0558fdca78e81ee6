"""``after_paint`` watches a page and the widgets in it; a section of 工作台 replaces its lines
while it waits (the old labels are deleted): the paint must still run the callback, not crash."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from ui.shell.startup import after_paint


def test_a_child_deleted_before_the_paint_is_not_touched(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    old = QLabel("old line")
    layout.addWidget(old)
    ran: list[bool] = []
    after_paint(page, lambda: ran.append(True))
    layout.removeWidget(old)
    old.deleteLater()
    qtbot.waitUntil(lambda: not isValid(old))  # the deferred delete has run
    layout.addWidget(QLabel("new line"))
    page.show()
    qtbot.waitUntil(lambda: ran == [True], timeout=5000)
