"""What the 考核评价 window tests share: a demo branch of 20 members in a real SQLCipher
workspace, the view shown on it with the year counted, and screenshots for a person to look at."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services import demo
from app.services.workspace import Workspace
from ui.assessment.view import AssessmentView

TODAY = date(2026, 12, 31)


def shot(widget: QWidget, folder: Path, name: str) -> None:
    folder.mkdir(exist_ok=True)
    assert widget.grab().save(str(folder / f"{name}.png"))


@pytest.fixture
def branch(workspace: Workspace) -> Workspace:
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, 20)
        uow.commit()
    return workspace


def view_of(qtbot: QtBot, workspace: Workspace) -> AssessmentView:
    view = AssessmentView(workspace, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    with qtbot.waitSignal(view.refreshed, timeout=30_000):
        view.refresh()
    return view
