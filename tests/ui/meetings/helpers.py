"""Meetings and members for the 组织生活 tests, and what those tests do with the editor."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app.domain.development import Stage
from app.domain.meetings import MeetingType
from app.domain.members import BranchPost
from app.services import meetings, members
from app.services.meetings import MeetingInput
from app.services.workspace import Workspace
from tests.conftest import id_number
from ui.meetings.editor import MeetingEditor
from ui.meetings.page import MeetingsPage

Screenshot = Callable[[QWidget, str], Path]
TODAY = date(2026, 11, 25)
NAMES = ["王建国", "李红", "张伟", "刘芳", "陈静", "杨洋", "赵磊", "黄丽", "周杰", "吴敏",
         "徐强", "孙燕", "马超"]


def number(i: int) -> str:
    return id_number(i, first_year=1960)


def add_members(ws: Workspace, full: int, probationary: int = 0, committee: int = 0) -> list[str]:
    ids = []
    with ws.unit_of_work() as uow:
        for i in range(full + probationary):
            stage = Stage.FULL if i < full else Stage.PROBATIONARY
            ids.append(members.create_member(uow, members.MemberInput(
                name=NAMES[i], id_number=number(i), stage=stage,
                admission_date=date(2026, 3, 1) if stage is Stage.PROBATIONARY else None,
                full_date=date(2010, 7, 1) if stage is Stage.FULL else None,
                branch_post=BranchPost.ORGANIZATION if i < committee else BranchPost.NONE,
            ), TODAY))
        uow.commit()
    return ids


def add_meeting(ws: Workspace, kind: MeetingType, held_on: date, topic: str = "学习党章",
                place: str = "三楼会议室") -> str:
    with ws.unit_of_work() as uow:
        meeting_id = meetings.create_meeting(uow, MeetingInput(
            type=kind, held_on=held_on, start_time="14:30", end_time="16:00", place=place,
            topics=(topic,), host="王建国", recorder="李红",
        ))
        uow.commit()
    return meeting_id



def open_editor(qtbot: QtBot, page: MeetingsPage, kind: MeetingType) -> MeetingEditor:
    editor = page.new_meeting()
    qtbot.waitExposed(editor)
    editor.details.type_combo.set_value(kind)
    return editor


def fill_details(qtbot: QtBot, editor: MeetingEditor, topic: str) -> None:
    qtbot.keyClicks(editor.details.start_edit, "14:30")
    qtbot.keyClicks(editor.details.end_edit, "16:00")
    editor.details.place_edit.insert("三楼会议室")  # as the input method commits it
    editor.details.topics_edit.insertPlainText(topic)
    editor.details.host_combo.setCurrentText("王建国")
    editor.details.recorder_combo.setCurrentText("李红")


def answer(qtbot: QtBot, box: QMessageBox | None, button: QMessageBox.StandardButton) -> None:
    assert box is not None
    assert box.isVisible()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout
