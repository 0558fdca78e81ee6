"""The notice dialog works the database and the files off the GUI thread: the window stays
responsive, its buttons off while the work runs; failures are said in Chinese; closing it while
an answer is written closes it once the answer is kept."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from server import notices as server_notices
from sync import notice_tasks, service
from sync.notice_limits import MAX_ATTACHMENT_BYTES
from tests.integration.sync.conftest import LiveServer
from tests.ui.conftest import SCREENSHOTS
from tests.ui.screen_fit import problems, settle
from tests.ui.sync import test_sync_page
from tests.ui.sync.test_notice_section import done, loaded, pc
from tests.ui.sync.test_sync_page import no_sleep
from ui.common.styles import ERROR_STYLE
from ui.sync.notice_dialog import NoticeDialog

live = test_sync_page.live  # the platform on a loopback port
__all__ = ["pc"]  # the fixture, shared
TODAY = server_notices.beijing_today()
ATTACHMENT = "附件：党员信息采集表.xlsx".encode() * 200


@pytest.fixture
def notice(pc: Workspace, live: LiveServer) -> int:
    """A notice asking for a file by a date ten days off, with one attachment, on the PC."""
    branch_id = service.settings(pc).branch_id
    notice_id = live.store.publish_notice(
        branch_id, "关于报送党员信息采集表的通知", "请填写附件中的采集表后上报。",
        due_on=(TODAY + timedelta(days=10)).isoformat(), response="file",
        attachments=[("党员信息采集表.xlsx", ATTACHMENT)])
    service.sync_now(pc, sleep=no_sleep)
    return notice_id


_PARENTS: list[QWidget] = []  # the dialogs' windows, kept for the test


def dialog_of(qtbot: QtBot, pc: Workspace, notice_id: int,
              today: date = TODAY) -> NoticeDialog:
    parent = QWidget()
    qtbot.addWidget(parent)
    _PARENTS[:] = [parent]
    dialog = NoticeDialog(pc, notice_id, parent, today=lambda: today)
    dialog.show()
    return dialog


def paused(monkeypatch: pytest.MonkeyPatch, name: str) -> tuple[
        threading.Event, threading.Event, list[threading.Thread]]:
    """Pause ``notice_tasks.name`` where it runs: (entered, release, threads it ran on)."""
    entered, release = threading.Event(), threading.Event()
    threads: list[threading.Thread] = []
    original: Callable[..., Any] = getattr(notice_tasks, name)

    def slow(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        entered.set()
        release.wait(20)
        return original(*args, **kwargs)

    monkeypatch.setattr(notice_tasks, name, slow)
    return entered, release, threads


def responsive(qtbot: QtBot) -> None:
    """The GUI thread's event loop runs (a timer fires)."""
    fired: list[bool] = []
    QTimer.singleShot(10, lambda: fired.append(True))
    qtbot.waitUntil(lambda: fired == [True], timeout=2_000)


def test_the_notice_loads_off_the_gui_thread(
    qtbot: QtBot, pc: Workspace, notice: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release, threads = paused(monkeypatch, "notice_task")
    dialog = dialog_of(qtbot, pc, notice)
    try:
        assert entered.wait(10)
        responsive(qtbot)
        assert dialog.busy
        assert dialog.message.text() == "正在读取通知…"
        assert not dialog.answer_button.isEnabled()
    finally:
        release.set()
    loaded(qtbot, dialog)
    assert threads[0] is not threading.main_thread()
    assert dialog.heading.text() == "关于报送党员信息采集表的通知"
    assert dialog.files.count() == 1
    assert dialog.choose_file_button.isEnabled()
    assert notice_tasks.notice_task(pc, notice).read
    dialog.close()


def test_an_answer_is_written_off_the_gui_thread_with_the_buttons_off(
    qtbot: QtBot, pc: Workspace, notice: int, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dialog = loaded(qtbot, dialog_of(qtbot, pc, notice))
    answered: list[bool] = []
    closed: list[int] = []
    dialog.answered.connect(lambda: answered.append(True))
    dialog.finished.connect(closed.append)
    chosen = tmp_path / "采集表.xlsx"
    chosen.write_bytes(b"PK" + bytes(range(256)) * 40)
    dialog.set_answer_file(chosen)
    dialog.files.setCurrentRow(0)
    assert dialog.save_button.isEnabled()
    entered, release, threads = paused(monkeypatch, "answer_notice")
    try:
        task = dialog.submit()
        assert task is not None
        assert entered.wait(10)
        responsive(qtbot)
        assert threads[0] is not threading.main_thread()
        for button in (dialog.answer_button, dialog.choose_file_button, dialog.save_button,
                       dialog.open_button):
            assert not button.isEnabled(), button.text()
        assert dialog.message.text() == "正在保存答复…"
        assert dialog.submit() is None  # one piece of work at a time
        # Closing now waits for the answer to be kept.
        dialog.reject()
        assert dialog.isVisible()
        assert "完成后" in dialog.message.text()
    finally:
        release.set()
    qtbot.waitUntil(lambda: closed != [], timeout=20_000)  # (and deleted, as it closes)
    assert answered == [True]
    kept = notice_tasks.notice_task(pc, notice).answer
    assert kept is not None
    assert kept.file_name == "采集表.xlsx"


def test_failures_are_said_in_chinese_and_the_buttons_come_back(
    qtbot: QtBot, pc: Workspace, notice: int, tmp_path: Path
) -> None:
    dialog = loaded(qtbot, dialog_of(qtbot, pc, notice))
    big = tmp_path / "太大.pdf"
    big.write_bytes(b"\0" * (MAX_ATTACHMENT_BYTES + 1))
    dialog.set_answer_file(big)
    done(qtbot, dialog, dialog.submit())
    assert "10 MB" in dialog.message.text()
    assert ERROR_STYLE in dialog.message.styleSheet()
    assert dialog.answer_button.isEnabled()
    assert notice_tasks.notice_task(pc, notice).answer is None
    # A copy into a folder that is not there.
    done(qtbot, dialog, dialog.save_copy(0, tmp_path / "无此目录" / "表.xlsx"))
    assert ERROR_STYLE in dialog.message.styleSheet()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in dialog.message.text())
    assert not (tmp_path / "无此目录").exists()
    dialog.files.setCurrentRow(0)
    assert dialog.save_button.isEnabled()
    dialog.close()


def test_the_dialog_fits_an_office_screen(
    qtbot: QtBot, pc: Workspace, notice: int, tmp_path: Path
) -> None:
    dialog = loaded(qtbot, dialog_of(qtbot, pc, notice))
    long_name = "机关第一党支部党员信息采集表（2026年度，已核对）" * 3 + ".xlsx"
    dialog.set_answer_file(tmp_path / long_name)
    assert dialog.chosen_file.text().endswith("已核对）.xlsx")
    assert dialog.chosen_file.toolTip() == str(tmp_path / long_name)
    dialog.files.setCurrentRow(0)
    settle()
    assert problems(dialog) == []
    SCREENSHOTS.mkdir(exist_ok=True)
    size = dialog.screen().availableGeometry().size()
    dialog.grab().save(str(SCREENSHOTS / f"notice-dialog-{size.width()}x{size.height()}.png"))
    dialog.close()


def test_a_notice_past_its_date_still_opens(qtbot: QtBot, pc: Workspace, notice: int) -> None:
    dialog = loaded(qtbot, dialog_of(qtbot, pc, notice, TODAY + timedelta(days=30)))
    assert ERROR_STYLE in dialog.dates.styleSheet()  # overdue: no answer given
    assert dialog.answer_button.isEnabled()  # none stands: it may still be given
    dialog.close()


def test_a_notice_that_is_not_there_is_said_so(qtbot: QtBot, pc: Workspace) -> None:
    dialog = dialog_of(qtbot, pc, 9999)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)
    assert dialog.task is None
    assert ERROR_STYLE in dialog.message.styleSheet()
    assert any("\u4e00" <= ch <= "\u9fff" for ch in dialog.message.text())
    assert not dialog.answer_box.isVisibleTo(dialog)
    assert dialog.submit() is None
    dialog.close()
