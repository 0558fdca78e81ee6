"""同步 page against the reference server on a loopback port: enrollment, 立即同步, a same-field
conflict decided on the page, automatic sync, the mass-deletion question, the status bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.id_numbers import check_character
from app.errors import MassDeletionConfirmationRequired
from app.services import members as m
from app.services.workspace import Workspace
from server import db as server_db
from sync import service
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE, MemoryKeyring
from tests.integration.sync.conftest import LiveServer, start_server
from ui.shell.main_window import MainWindow
from ui.sync import page as sync_page
from ui.sync.page import RowsModel, SyncPage

TODAY = date(2026, 11, 25)
Screenshot = Callable[[QWidget, str], Path]


@pytest.fixture
def live(tmp_path: Path) -> Iterator[LiveServer]:
    server = start_server(server_db.default_url(str(tmp_path / "server.db")))
    yield server
    server.stop()
    server.store.engine.dispose()


def new_workspace(tmp_path: Path, name: str) -> Workspace:
    ws = Workspace(tmp_path / name, keyring=MemoryKeyring(), kdf=FAST_KDF)
    ws.create(PROFILE, PASSPHRASE)
    return ws


def no_sleep(_seconds: float) -> None:
    pass


def add_member(ws: Workspace, name: str) -> str:
    first17 = "11010519800102123"
    with ws.unit_of_work() as uow:
        member_id = m.create_member(
            uow, m.MemberInput(name=name, id_number=first17 + check_character(first17)), TODAY)
        uow.commit()
    return member_id


def edit_member(ws: Workspace, member_id: str, **changes: Any) -> None:
    with ws.unit_of_work() as uow:
        current = m.get_member(uow, member_id).data
        m.update_member(uow, member_id, replace(current, **changes), TODAY)
        uow.commit()


def phone(ws: Workspace, member_id: str) -> str | None:
    with ws.unit_of_work() as uow:
        return m.get_member(uow, member_id).data.phone


def test_enroll_sync_and_decide_a_conflict_on_the_page(
    qtbot: QtBot, tmp_path: Path, live: LiveServer, screenshot: Screenshot
) -> None:
    branch_id, code = live.branch()
    a = new_workspace(tmp_path, "a")
    service.enroll(a, live.url, live.code(branch_id), device_name="a", sleep=no_sleep)
    member_id = add_member(a, "张红梅")
    service.sync_now(a, sleep=no_sleep)

    live.store.publish_notice(branch_id, "关于做好年度党费收缴工作的通知",
                              "请各支部于12月20日前完成本年度党费收缴与核对。")
    b = new_workspace(tmp_path, "b")
    page = SyncPage(b)
    qtbot.addWidget(page)
    page.resize(900, 1100)
    page.refresh()
    page.show()
    assert "尚未注册" in page.connection_box.enrollment_label.text()
    assert not page.sync_button.isEnabled()

    page.connection_box.server_edit.setText(live.url)
    page.connection_box.code_edit.setText(code)
    page.connection_box.enroll_button.click()
    assert page.connection_box.last_task is not None
    with qtbot.waitSignal(page.connection_box.last_task.finished, timeout=20000):
        pass
    assert "机关第一党支部" in page.connection_box.enroll_feedback.text()
    assert page.sync_button.isEnabled()

    page.sync_button.click()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    assert "已同步" in page.result_label.text()
    assert phone(b, member_id) == ""  # the member arrived
    assert page.history_model.rowCount() == 1
    assert page.history_model.index(0, 1).data() == "成功"
    assert not page.conflicts_box.isVisible()  # nothing to decide: no empty list
    assert page.notices_list.count() == 1
    assert page.notices_list.item(0).font().bold()
    page.notices_list.setCurrentRow(0)
    assert "12月20日" in page.notice_view.toPlainText()
    qtbot.waitUntil(lambda: not page.notices_list.item(0).font().bold(), timeout=10000)
    assert [n.read for n in service.notices(b)] == [True]

    edit_member(a, member_id, phone="13800000001")
    service.sync_now(a, sleep=no_sleep)
    edit_member(b, member_id, phone="13900000002")
    page.refresh()
    assert "有 1 项更改" in page.pending_label.text()

    page.sync_button.click()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    assert page.conflicts_box.model.rowCount() == 1
    row = [page.conflicts_box.model.index(0, c).data() for c in range(4)]
    assert row == ["党员 张红梅", "联系电话", "13900000002", "13800000001"]
    # Seen without scrolling: right under 立即同步, above the bundle section.
    assert page.conflicts_box.isVisible()
    assert page.conflicts_box.y() < page.bundle_box.y()
    screenshot(page, "sync_page_conflict")

    page.conflicts_box.view.selectRow(0)
    page.conflicts_box.keep_server_button.click()
    assert page.conflicts_box.model.rowCount() == 0
    assert "已保留" in page.conflicts_box.feedback.text()
    assert page.conflicts_box.isVisible()  # saying what was decided

    page.sync_button.click()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    service.sync_now(a, sleep=no_sleep)
    assert phone(a, member_id) == phone(b, member_id) == "13800000001"
    assert service.conflicts(a) == service.conflicts(b) == []
    assert service.pending_count(b) == 0
    page.refresh()
    screenshot(page, "sync_page_after")
    a.lock()
    b.lock()


def test_automatic_sync_runs_off_the_gui_thread_and_is_skipped_while_locked(
    qtbot: QtBot, tmp_path: Path, live: LiveServer
) -> None:
    branch_id, _code = live.branch()
    ws = new_workspace(tmp_path, "auto")
    service.enroll(ws, live.url, live.code(branch_id), device_name="auto", sleep=no_sleep)
    service.configure(ws, auto_minutes=30)
    add_member(ws, "李卫东")
    page = SyncPage(ws)
    qtbot.addWidget(page)
    page.refresh()
    assert page.auto_timer.isActive()
    assert page.auto_timer.interval() == 30 * 60_000
    states: list[str] = []
    page.state_changed.connect(states.append)

    assert page.sync_automatically()
    assert not page.sync_automatically()  # one at a time
    qtbot.waitUntil(lambda: not page.auto_sync_running, timeout=20000)
    assert service.pending_count(ws) == 0
    assert states[-1] == "同步：已是最新"

    ws.lock()
    page.clear()
    assert not page.auto_timer.isActive()
    assert not page.sync_automatically()


def test_a_mass_deletion_is_asked_then_synchronized_with_the_deletions_confirmed(
    qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[bool] = []

    def fake_sync_now(_ws: Workspace, _progress: Any, _cancelled: Any,
                      confirm_mass_deletion: bool = False,
                      retrying: Any = None) -> service.SyncReport:
        calls.append(confirm_mass_deletion)
        if not confirm_mass_deletion:
            raise MassDeletionConfirmationRequired(40, 0.1)
        return service.SyncReport(pulled=40, deleted=40)

    monkeypatch.setattr(sync_page.service, "sync_now", fake_sync_now)
    page = SyncPage(workspace)
    qtbot.addWidget(page)
    page.refresh()
    page.sync_now()
    assert page.last_task is not None
    with qtbot.waitSignal(page.last_task.finished, timeout=10000):
        pass
    box = page.mass_deletion_box
    assert box is not None
    assert "40" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.last_task is not None
    with qtbot.waitSignal(page.last_task.finished, timeout=10000):
        pass
    assert calls == [False, True]
    assert "接收 40 项" in page.result_label.text()


def test_the_status_bar_shows_the_sync_state(qtbot: QtBot, workspace: Workspace) -> None:
    window = MainWindow(workspace)
    qtbot.addWidget(window)
    # Read just after the window appears (kept off the start-up path).
    qtbot.waitUntil(lambda: window.sync_state_label.text() == "同步：未注册", timeout=5000)
    window.lock()
    assert window.sync_state_label.text() == ""


def test_the_rows_model_passes_the_model_tester(qtmodeltester: Any) -> None:
    model = RowsModel(["记录", "字段", "本机的值", "平台的值"])
    model.set_rows([("党员 张红梅", "联系电话", "1", "2"), ("党员 王五", "姓名", "a", "b")],
                   ["c1", "c2"])
    qtmodeltester.check(model)


def test_two_bases_for_one_month_are_decided_on_the_page_and_both_pcs_converge(
    qtbot: QtBot, tmp_path: Path, live: LiveServer
) -> None:
    """Two PCs set one member's base for the same month to different amounts: the page names
    the member and the month and shows yuan; keeping this PC's amount converges both PCs."""
    from decimal import Decimal

    from app.domain.calendar import Month
    from app.services import dues

    branch_id, _code = live.branch()
    a, b = new_workspace(tmp_path, "a"), new_workspace(tmp_path, "b")
    for ws, name in ((a, "a"), (b, "b")):
        service.enroll(ws, live.url, live.code(branch_id), device_name=name, sleep=no_sleep)
    member_id = add_member(a, "张红梅")
    service.sync_now(a, sleep=no_sleep)
    service.sync_now(b, sleep=no_sleep)
    for ws, base in ((a, "6000"), (b, "7000")):
        with ws.unit_of_work() as uow:
            dues.set_base(uow, member_id, Month(2026, 7), Decimal(base))
            uow.commit()
    service.sync_now(a, sleep=no_sleep)
    page = SyncPage(b)
    qtbot.addWidget(page)
    page.refresh()
    page.sync_button.click()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    assert page.conflicts_box.model.rowCount() == 1
    row = [page.conflicts_box.model.index(0, c).data() for c in range(4)]
    assert row == ["党费基数 张红梅 2026年7月", "月基数", "7000.00", "6000.00"]
    page.conflicts_box.view.selectRow(0)
    page.conflicts_box.keep_local_button.click()
    assert page.conflicts_box.model.rowCount() == 0
    page.sync_button.click()
    with qtbot.waitSignal(page.last_task.finished, timeout=20000):
        pass
    service.sync_now(a, sleep=no_sleep)
    for ws in (a, b):
        with ws.unit_of_work() as uow:
            lines = {line.member_id: line for line in dues.base_lines(uow, 2026)}
        assert lines[member_id].current == Decimal("7000")
    assert service.conflicts(a) == service.conflicts(b) == []


def test_the_page_reads_while_a_sync_writes(
    qtbot: QtBot, workspace: Workspace, make_workspace: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """同步 and 设置 are read on the GUI thread, often while a sync writes in the background: their
    reads take no write lock, so they neither wait for the writer nor fail (before, each read
    began as a writer and waited up to the busy timeout, then reported "数据正忙")."""
    from app.storage import engine as storage_engine
    from ui.settings.branch import BranchProfileBox

    monkeypatch.setattr(storage_engine, "BUSY_TIMEOUT_SECONDS", 0.3)
    reader = make_workspace()
    reader.unlock(PASSPHRASE)
    page = SyncPage(reader)
    qtbot.addWidget(page)
    profile_box = BranchProfileBox(reader)
    qtbot.addWidget(profile_box)
    with workspace.unit_of_work() as writer:  # what a sync holds while it applies a page
        m.create_party_group(writer, "第一党小组")
        page.refresh()
        profile_box.refresh()
        writer.commit()
    assert "项更改等待发送到平台" in page.pending_label.text()  # read, not "数据正忙"
    assert profile_box.name_edit.text() == "机关第一党支部"
    reader.lock()
