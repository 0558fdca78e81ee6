"""The 组织生活 page the tests work on, shown and read (as of ``TODAY``)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from tests.ui.meetings.helpers import TODAY
from ui.meetings.page import MeetingsPage


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace) -> MeetingsPage:
    widget = MeetingsPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(980, 600)
    widget.show()
    qtbot.waitExposed(widget)
    widget.refresh()
    return widget

