"""Platform notices as tasks on 工作台 and in their dialog, against the reference server on a
loopback port: overdue ones first and marked, attachments saved out, answers given (已阅, text,
file) and sent by the next sync; a notice leaves 工作台 once answered."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.services.workspace import Workspace
from server import notices as server_notices
from sync import notice_tasks, service
from tests.integration.sync.conftest import LiveServer
from tests.ui.sync import test_sync_page
from tests.ui.sync.test_sync_page import new_workspace, no_sleep
from tests.writers import another_writer_holds
from ui.common.styles import ERROR_STYLE
from ui.common.tasks import BackgroundTask
from ui.shell.dashboard import DashboardPage
from ui.sync.notice_dialog import NoticeDialog

Screenshot = Callable[[QWidget, str], Path]
live = test_sync_page.live  # the platform on a loopback port
TODAY = server_notices.beijing_today()
SHOTS = Path(os.environ.get("BRANCHDESK_NOTICE_SHOTS", "/tmp/notice-shots"))


@pytest.fixture
def pc(tmp_path: Path, live: LiveServer) -> Iterator[Workspace]:
    _branch_id, code = live.branch()
    ws = new_workspace(tmp_path, "pc")
    service.enroll(ws, live.url, code, device_name="pc", sleep=no_sleep)
    yield ws
    ws.lock()


def done(qtbot: QtBot, dialog: NoticeDialog, task: BackgroundTask | None) -> None:
    """Wait for the dialog's work (off the GUI thread) to end and be shown."""
    assert task is not None
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)


def loaded(qtbot: QtBot, dialog: NoticeDialog) -> NoticeDialog:
    qtbot.waitUntil(lambda: dialog.task is not None and not dialog.busy, timeout=20_000)
    return dialog


def shoot(widget: QWidget, name: str, screenshot: Screenshot) -> None:
    screenshot(widget, name)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / f"{name}.png"))


def test_notices_on_the_dashboard_read_saved_and_answered(
    qtbot: QtBot, tmp_path: Path, live: LiveServer, pc: Workspace, screenshot: Screenshot
) -> None:
    branch_id = service.settings(pc).branch_id
    store = live.store
    read_id = store.publish_notice(branch_id, "关于学习贯彻全会精神的通知", "请组织党员认真学习。",
                                   due_on=(TODAY - timedelta(days=2)).isoformat(),
                                   response="read")
    attachment = "附件1：年度党建工作总结模板.docx".encode()
    file_id = store.publish_notice(
        branch_id, "关于报送2026年度党建工作总结的通知",
        "各党支部：\n请于截止日期前通过支部工作台上报本支部年度党建工作总结（附件为模板）。",
        due_on=(TODAY + timedelta(days=10)).isoformat(), response="file",
        attachments=[("年度党建工作总结模板.docx", attachment)])
    text_id = store.publish_notice(None, "关于征求对市委组织部工作意见的通知",
                                   "请各支部汇总意见后回复。", response="text")
    plain_id = store.publish_notice(branch_id, "关于春节期间值班安排的通知", "知悉即可。")
    service.sync_now(pc, sleep=no_sleep)

    page = DashboardPage(pc, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.resize(1000, 760)
    with qtbot.waitSignal(page.all_loaded, timeout=10_000):
        page.refresh()
    page.show()
    section = page.sections["notices"]
    assert section.isVisible()
    assert section.heading.text() == '<a href="sync">待办理的平台通知</a>'
    assert [t.id for t in section.entries][:1] == [read_id]  # overdue first
    assert len(section.entries) == 4
    first = section.labels[0]
    assert "已逾期" in first.text()
    assert ERROR_STYLE in first.styleSheet()
    assert "上报文件" in section.labels[1].text()
    assert not page.reminders_label.isVisible()
    shoot(page, "notices-dashboard", screenshot)

    # The file notice (its line is a link): read it, save its attachment, answer with a file.
    # (Each dialog deletes itself when closed, and is the page's child: not registered with
    # qtbot, which would close it again.)
    section.labels[1].linkActivated.emit(str(file_id))
    dialog = section.dialog
    assert dialog is not None
    loaded(qtbot, dialog)
    assert dialog.heading.text() == "关于报送2026年度党建工作总结的通知"
    assert dialog.files.count() == 1
    saved = tmp_path / "模板.docx"
    done(qtbot, dialog, dialog.save_copy(0, saved))
    assert saved.read_bytes() == attachment
    assert "已保存" in dialog.message.text()
    done(qtbot, dialog, dialog.submit())  # no file chosen yet
    assert "选择" in dialog.message.text()
    assert ERROR_STYLE in dialog.message.styleSheet()
    summary = tmp_path / "机关第一党支部2026年度党建工作总结.pdf"
    summary.write_bytes(b"%PDF-1.4 " + os.urandom(5000))
    dialog.set_answer_file(summary)
    done(qtbot, dialog, dialog.submit())
    assert "下次同步" in dialog.answer_state.text()
    dialog.files.setCurrentRow(0)
    shoot(dialog, "notices-dialog-file", screenshot)
    dialog.close()
    qtbot.waitUntil(lambda: file_id not in [t.id for t in section.entries])

    # The text notice: an empty reply is refused with a reason, then answered.
    dialog = loaded(qtbot, section.open_notice(text_id))
    done(qtbot, dialog, dialog.submit())
    assert "回复" in dialog.message.text()
    assert notice_tasks.notice_task(pc, text_id).answer is None
    dialog.reply.setPlainText("建议进一步精简会议和文件，减轻基层负担。")
    done(qtbot, dialog, dialog.submit())
    assert "已保存" in dialog.message.text()
    shoot(dialog, "notices-dialog-text", screenshot)
    dialog.close()

    # The overdue 已阅 notice.
    dialog = loaded(qtbot, section.open_notice(read_id))
    assert "已逾期" in dialog.dates.text()
    shoot(dialog, "notices-dialog-overdue", screenshot)
    done(qtbot, dialog, dialog.submit())
    dialog.close()
    # To read: it asks for no answer.
    qtbot.waitUntil(lambda: [t.id for t in section.entries] == [plain_id])

    # The next sync sends the three answers; the platform has them.
    assert service.sync_now(pc, sleep=no_sleep).answers == 3
    assert [a.kind for a in server_notices.answers(store, file_id)] == ["file"]
    assert server_notices.answers(store, file_id)[0].file_content == summary.read_bytes()
    assert [a.late for a in server_notices.answers(store, read_id)] == [True]
    dialog = loaded(qtbot, section.open_notice(file_id))
    assert "平台已收到" in dialog.answer_state.text()
    dialog.close()
    dialog = loaded(qtbot, section.open_notice(plain_id))
    assert not dialog.answer_box.isVisibleTo(dialog)
    dialog.close()
    qtbot.waitUntil(lambda: section.entries == [] and not section.busy)
    assert not section.isVisible()


def test_the_sync_page_opens_a_notice_as_a_task(
    qtbot: QtBot, live: LiveServer, pc: Workspace
) -> None:
    from ui.sync.page import SyncPage

    branch_id = service.settings(pc).branch_id
    live.store.publish_notice(branch_id, "关于报送党员信息的通知", "请核对后上报。",
                              response="text")
    service.sync_now(pc, sleep=no_sleep)
    page = SyncPage(pc)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.notices_list.count() == 1, timeout=10000)
    dialog = page.open_notice(page.notices_list.item(0))
    qtbot.addWidget(dialog)
    loaded(qtbot, dialog)
    assert dialog.heading.text() == "关于报送党员信息的通知"
    assert dialog.reply.isVisibleTo(dialog)
    dialog.reply.setPlainText("已核对。")
    done(qtbot, dialog, dialog.submit())
    assert dialog.task is not None
    assert notice_tasks.notice_task(pc, dialog.task.id).answer.text == "已核对。"


def test_a_notice_is_marked_read_without_waiting_for_a_sync_that_writes(
    qtbot: QtBot, live: LiveServer, pc: Workspace
) -> None:
    """Choosing a notice while a sync holds the database: the window does not wait for the
    write lock (the busy timeout is 30 s); the notice is marked read once the sync is done, and
    the list is read again when the notice's dialog closes."""
    import time

    from ui.sync.page import SyncPage

    branch_id = service.settings(pc).branch_id
    live.store.publish_notice(branch_id, "关于报送党员信息的通知", "请核对后上报。",
                              response="text")
    service.sync_now(pc, sleep=no_sleep)
    page = SyncPage(pc)
    qtbot.addWidget(page)
    page.refresh()
    assert page.notices_list.item(0).font().bold()
    with another_writer_holds(pc):
        started = time.monotonic()
        page.notices_list.setCurrentRow(0)
        assert time.monotonic() - started < 5  # the GUI thread did not wait for the lock
        assert "请核对后上报" in page.notice_view.toPlainText()
        assert page.notices_list.item(0).font().bold()  # not read yet: the sync still writes
    qtbot.waitUntil(lambda: not page.notices_list.item(0).font().bold(), timeout=20_000)
    assert [n.read for n in service.notices(pc)] == [True]

    dialog = page.open_notice(page.notices_list.item(0))  # the page's child, deleted on close
    loaded(qtbot, dialog)
    page.notices_list.clear()  # the dialog's closing reads the list again
    dialog.reject()
    qtbot.waitUntil(lambda: page.notices_list.count() == 1, timeout=10_000)


def test_refusals_and_bad_attachments_are_told_in_chinese() -> None:
    from app.errors import NoticeAnswerError, SyncProtocolError
    from ui.common.messages import message_for

    assert "超过 10 MB" in message_for(SyncProtocolError("attachment_too_large"))
    assert "已损坏" in message_for(SyncProtocolError("bad_attachment"))
    assert "截止日期" in message_for(NoticeAnswerError("answer_closed"))
    assert "10 MB" in message_for(NoticeAnswerError("file_too_large"))
    assert "无法理解" not in message_for(SyncProtocolError("attachment_too_large"))
