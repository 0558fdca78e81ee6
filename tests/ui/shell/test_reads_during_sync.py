"""The pages read on the GUI thread while a sync writes in the background: their reads take no
write lock (writers begin IMMEDIATE), so showing 党员, 组织生活 or 设置 neither waits for the sync's
transaction nor reports "数据正忙". The 同步 page's own reads: tests/ui/sync/test_sync_page.py."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.services import members
from app.services.workspace import Workspace
from app.storage import engine as storage_engine
from tests.conftest import PASSPHRASE
from ui.members.page import MembersPage
from ui.settings.page import SettingsPage


def test_pages_read_while_another_writer_holds_the_lock(
    qtbot: QtBot, workspace: Workspace, make_workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with workspace.unit_of_work() as uow:
        members.create_party_group(uow, "第一党小组")
        uow.commit()
    monkeypatch.setattr(storage_engine, "BUSY_TIMEOUT_SECONDS", 0.3)
    reader = make_workspace()
    reader.unlock(PASSPHRASE)
    members_page = MembersPage(reader)
    settings_page = SettingsPage(reader)
    qtbot.addWidget(members_page)
    qtbot.addWidget(settings_page)
    with workspace.unit_of_work() as writer:  # what a sync holds while it applies a page
        members.create_party_group(writer, "第二党小组")
        members_page.refresh_groups()  # raised DatabaseBusy after the busy timeout
        settings_page.refresh()
        writer.commit()
    assert settings_page.branch_box.name_edit.text() == "机关第一党支部"
    reader.lock()
