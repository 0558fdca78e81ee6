"""Typed work survives auto-lock (kept in memory behind the lock screen, never written to disk in
plaintext), and closing the window with unsaved work asks first."""

from __future__ import annotations

import getpass
import os
import secrets
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.meetings import MeetingType
from app.services import dues, meetings
from app.services import members as m
from app.services.meetings import Attendance, MeetingFilter
from app.services.workspace import Workspace
from tests.conftest import PASSPHRASE, id_number
from ui.dues.bases_model import BaseCol
from ui.dues.month_model import Col
from ui.meetings.editor import MeetingEditor
from ui.members.form import MemberForm
from ui.shell.main_window import MainWindow

Screenshot = Callable[[QWidget, str], Path]
AUTO_LOCK_MS = 400
TYPING_MS = 600_000
"""While the test types, no auto-lock: a loaded machine once let 400 ms pass mid-typing."""
NAMES = ["王建国", "李红", "张伟"]


def add_members(workspace: Workspace) -> list[str]:
    with workspace.unit_of_work() as uow:
        ids = [
            m.create_member(uow, m.MemberInput(
                name=name, id_number=id_number(i + 1), stage=Stage.FULL,
                full_date=date(2010, 7, 1),
            ), date(2024, 1, 1))
            for i, name in enumerate(NAMES)
        ]
        for member_id in ids:
            dues.set_base(uow, member_id, Month(2024, 1), Decimal("4800.00"))
        uow.commit()
    return ids


def add_members_ids(workspace: Workspace) -> list[str]:
    with workspace.unit_of_work() as uow:
        return m.member_ids(uow, m.MemberFilter())


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    add_members(workspace)
    main = MainWindow(workspace, auto_lock_ms=TYPING_MS)
    qtbot.addWidget(main)
    main.resize(1100, 720)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()  # focus goes where the test puts it
    qtbot.waitUntil(main.isActiveWindow)
    return main


def marker() -> str:
    """Text nobody else types: found on disk only if the app wrote what was typed."""
    return f"ZQXJ{secrets.token_hex(6)}"


def wait_for_auto_lock(qtbot: QtBot, window: MainWindow) -> None:
    """The typing is done: the window locks after AUTO_LOCK_MS without input."""
    window.idle_watch.set_timeout_ms(AUTO_LOCK_MS)
    qtbot.waitUntil(lambda: window.is_locked, timeout=10_000)


def unlock(qtbot: QtBot, window: MainWindow) -> None:
    window.unlock_panel.passphrase_edit.setText(PASSPHRASE)
    qtbot.keyClick(window.unlock_panel.passphrase_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.is_locked, timeout=10_000)


def assert_not_on_disk(texts: list[str], data_dir: Path, since: float) -> None:
    """Neither the data folder nor the temporary folder holds the typed text in any encoding
    (every file of the data folder; the temporary files written since ``since``)."""
    folders = [data_dir, Path(tempfile.gettempdir())]
    # Other tests' folders (pytest's, under the temporary folder) hold what those tests wrote,
    # e.g. a copy of the translations, which has 代交人 in it: on two workers they are written
    # while this test looks. The app under test writes to the data folder or the temporary one.
    others = Path(tempfile.gettempdir()) / f"pytest-of-{getpass.getuser()}"
    needles = [t.encode(encoding) for t in texts for encoding in ("utf-8", "utf-16-le")]
    for folder in folders:
        # os.walk, not rglob: other programs' temporary folders vanish while we look.
        paths = [Path(top, name) for top, _dirs, names in os.walk(folder) for name in names
                 if folder == data_dir or not Path(top).is_relative_to(others)]
        for path in paths:
            try:
                if not path.is_file() or path.is_symlink():
                    continue
                info = path.stat()
                if folder != data_dir and (info.st_mtime < since or info.st_size > 50_000_000):
                    continue
                raw = path.read_bytes()
            except OSError:
                continue  # another user's file, or gone meanwhile
            for needle in needles:
                assert needle not in raw, f"typed text found in {path}"


# ---------------------------------------------------------------- auto-lock keeps typed work


def test_auto_lock_keeps_the_meeting_editor_with_its_text_attendance_and_vote(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    started = time.time()
    window.show_page(2)
    editor = window.meetings.new_meeting()
    qtbot.waitExposed(editor)
    editor.details.type_combo.set_value(MeetingType.MEMBERS_ASSEMBLY)
    assert len(editor.attendance.rows) == 3
    topic, discussion, subject = marker(), marker(), marker()
    qtbot.keyClicks(editor.details.start_edit, "14:30")
    qtbot.keyClicks(editor.details.topics_edit, topic)
    qtbot.keyClicks(editor.details.discussion_edit, discussion)
    editor.details.place_edit.insert("三楼会议室")
    editor.attendance.set_status(1, Attendance.LEAVE)
    editor.attendance.set_reason(1, "病假")
    editor.tabs.setCurrentIndex(editor.votes_tab_index)
    qtbot.keyClicks(editor.votes.subject_edit, subject)
    editor.votes.in_favour_spin.setValue(3)
    editor.tabs.setCurrentIndex(0)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.details.discussion_edit.setFocus()
    statuses = [row.status for row in editor.attendance.rows]

    wait_for_auto_lock(qtbot, window)
    assert not editor.isVisible()
    assert not workspace.is_unlocked
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.unlock_panel.passphrase_edit)
    assert_not_on_disk([topic, discussion, subject], workspace.data_dir, started)

    unlock(qtbot, window)
    assert editor.isVisible()
    assert editor.details.topics_edit.toPlainText() == topic
    assert editor.details.discussion_edit.toPlainText() == discussion
    assert editor.details.place_edit.text() == "三楼会议室"
    assert editor.details.start_edit.text() == "14:30"
    assert [row.status for row in editor.attendance.rows] == statuses
    assert editor.attendance.rows[1].reason == "病假"
    assert editor.votes.subject_edit.text() == subject
    assert editor.votes.in_favour_spin.value() == 3
    qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.details.discussion_edit)
    # …and it still saves.
    assert editor.save()
    with workspace.unit_of_work() as uow:
        ids = meetings.meeting_ids(uow, MeetingFilter())
        assert [r.topics for r in meetings.meeting_rows(uow, ids)] == [(topic,)]


def test_auto_lock_keeps_the_member_form_and_a_question_over_it(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    started = time.time()
    window.show_page(1)
    form = window.members.add_member()
    qtbot.waitExposed(form)
    name, notes = marker(), marker()
    qtbot.keyClicks(form.name_edit, name)
    qtbot.keyClicks(form.notes_edit, notes)
    question = QMessageBox(QMessageBox.Icon.Question, "?", "?", QMessageBox.StandardButton.Ok,
                           form)
    question.open()

    wait_for_auto_lock(qtbot, window)
    assert not form.isVisible()
    assert not question.isVisible()
    assert_not_on_disk([name, notes], workspace.data_dir, started)

    unlock(qtbot, window)
    assert form.isVisible()
    assert question.isVisible()
    assert form.name_edit.text() == name
    assert form.notes_edit.toPlainText() == notes


def test_auto_lock_keeps_dues_amounts_and_bases_typed_even_in_an_open_cell(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    started = time.time()
    with workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month.of(date.today()))
        uow.commit()
    window.show_page(3)
    page = window.dues
    page.month_tab.reload()
    month = page.month_tab.model
    assert month.rowCount() == 3
    month.setData(month.index(0, Col.AMOUNT), "48")
    month.setData(month.index(1, Col.PAYER), "代交人" + marker())

    with qtbot.waitSignal(page.bases_tab.loaded, timeout=10_000):
        page.tabs.setCurrentWidget(page.bases_tab)
    bases = page.bases_tab.model
    bases.setData(bases.index(0, BaseCol.NEW), "5100")
    table = page.bases_tab.table
    table.setCurrentIndex(bases.index(1, BaseCol.NEW))
    table.setFocus()
    table.edit(bases.index(1, BaseCol.NEW))
    editor = QApplication.focusWidget()
    assert editor is not None
    assert table.viewport().isAncestorOf(editor)
    qtbot.keyClicks(editor, "5200")  # typed, the cell still open

    wait_for_auto_lock(qtbot, window)
    assert bases.rowCount() == 0
    assert_not_on_disk(["5100.00", "代交人"], workspace.data_dir, started)

    with qtbot.waitSignal(page.bases_tab.loaded, timeout=10_000):
        unlock(qtbot, window)
    assert bases.index(0, BaseCol.NEW).data() == "5100.00"
    assert bases.index(1, BaseCol.NEW).data() == "5200.00"
    page.tabs.setCurrentWidget(page.month_tab)
    assert month.index(0, Col.AMOUNT).data() == "48.00"
    assert month.index(1, Col.PAYER).data().startswith("代交人")


# ---------------------------------------------------------------- quitting with unsaved work


def quit_box(window: MainWindow) -> QMessageBox:
    box = window.quit_box
    assert box is not None
    assert box.isVisible()
    return box


def click(qtbot: QtBot, box: QMessageBox, button: QMessageBox.StandardButton) -> None:
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def test_closing_with_an_unsaved_meeting_asks_then_saves(
    qtbot: QtBot, window: MainWindow, workspace: Workspace, screenshot: Screenshot
) -> None:
    window.idle_watch.set_timeout_ms(0)
    window.show_page(2)
    editor = window.meetings.new_meeting()
    assert not editor.has_unsaved_work()  # nothing typed yet: closing does not ask
    qtbot.keyClicks(editor.details.start_edit, "14:30")
    editor.details.topics_edit.insertPlainText("学习党章")
    editor.details.host_combo.setCurrentText("王建国")

    window.close()
    box = quit_box(window)
    assert window.isVisible()
    assert "新建会议" in box.text()
    assert [box.button(b).text() for b in (QMessageBox.StandardButton.Save,
            QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Cancel)] == [
        "保存", "不保存", "取消"]
    screenshot(box, "quit-with-unsaved-work")
    click(qtbot, box, QMessageBox.StandardButton.Cancel)
    assert window.isVisible()
    assert editor.isVisible()

    window.close()
    click(qtbot, quit_box(window), QMessageBox.StandardButton.Save)
    assert not window.isVisible()
    workspace.unlock(PASSPHRASE)  # closing locked the data
    with workspace.unit_of_work() as uow:
        ids = meetings.meeting_ids(uow, MeetingFilter())
        assert [r.topics for r in meetings.meeting_rows(uow, ids)] == [("学习党章",)]


def test_closing_with_a_member_form_that_cannot_be_saved_stays_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.idle_watch.set_timeout_ms(0)
    window.show_page(1)
    form: MemberForm = window.members.add_member()
    qtbot.keyClicks(form.notes_edit, "no name yet")
    window.close()
    click(qtbot, quit_box(window), QMessageBox.StandardButton.Save)
    assert window.isVisible()
    assert form.isVisible()
    assert form.status_label.text()
    window.close()
    click(qtbot, quit_box(window), QMessageBox.StandardButton.Discard)
    assert not window.isVisible()


def test_closing_while_locked_with_dues_typed_offers_only_not_saving(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    with workspace.unit_of_work() as uow:
        dues.generate_month(uow, Month.of(date.today()))
        uow.commit()
    window.show_page(3)
    window.dues.month_tab.reload()
    month = window.dues.month_tab.model
    month.setData(month.index(0, Col.AMOUNT), "48")
    window.lock()
    window.close()
    box = quit_box(window)
    assert "党费月度收缴" in box.text()
    assert box.button(QMessageBox.StandardButton.Save) is None
    assert "解锁" in box.informativeText()
    click(qtbot, box, QMessageBox.StandardButton.Discard)
    assert not window.isVisible()


def test_closing_without_unsaved_work_does_not_ask(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    member_id = add_members_ids(workspace)[0]  # its own unit of work: not inside another
    with workspace.unit_of_work() as uow:
        meeting_id = meetings.create_meeting(uow, meetings.MeetingInput(
            type=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 3, 2), start_time="14:30",
            end_time="16:00", place="三楼会议室", topics=("学习党章",), host="王建国",
            recorder="李红",
        ))
        meetings.set_attendance(uow, meeting_id, member_id, Attendance.LEAVE, "病假")
        uow.commit()
    window.show_page(2)
    window.meetings.refresh()
    existing = window.meetings.open_meeting(meeting_id)
    assert existing is not None
    assert not existing.has_unsaved_work()
    existing.close()
    editor: MeetingEditor = window.meetings.new_meeting()
    qtbot.waitExposed(editor)
    window.close()
    assert window.quit_box is None
    assert not window.isVisible()
    assert not workspace.is_unlocked

