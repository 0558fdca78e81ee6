"""民主评议 as a new user does it: a year's appraisal with one 不合格 member put on 限期改正,
refused first for a period over a year (第30条), then saved; the member's timeline shows it; the
result table is exported. Screenshots of the page and the dialog are saved to look at."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.appraisal import Decider, Grade, Handling, StrikeOffGround
from app.domain.development import Stage
from app.domain.members import EventKind, MembershipStatus
from app.services import appraisal as a
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.ui.dues.helpers import Screenshot, show
from ui.appraisal.page import AppraisalPage

TODAY = date(2026, 12, 28)
NAMES = ("王芳", "李强", "张伟", "刘洋", "陈静", "赵磊")


@pytest.fixture
def branch(workspace: Workspace) -> dict[str, str]:
    """Five full members and one probationary member (赵磊); all but 刘洋 already appraised."""
    with workspace.unit_of_work() as uow:
        ids = {name: m.create_member(uow, m.MemberInput(
            name=name, id_number=number(i),
            stage=Stage.PROBATIONARY if name == "赵磊" else Stage.FULL,
            admission_date=date(2026, 3, 1) if name == "赵磊" else None,
        ), TODAY) for i, name in enumerate(NAMES)}
        for name in ("王芳", "李强", "张伟", "陈静"):
            a.save(uow, ids[name], 2026, a.AppraisalInput(
                self_assessed=True, votes=(3 if name == "王芳" else 1, 4, 0, 0),
                grade=Grade.EXCELLENT if name == "王芳" else Grade.QUALIFIED,
                decided_by=Decider.ASSEMBLY, decided_on=date(2026, 12, 20)), TODAY)
        a.save(uow, ids["赵磊"], 2026, a.AppraisalInput(self_assessed=True, votes=(0, 5, 0, 0)),
               TODAY)
        uow.commit()
    return ids


def _row_of(page: AppraisalPage, name: str) -> int:
    return next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == name)


def test_an_unqualified_member_is_put_on_correction(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], screenshot: Screenshot, tmp_path
) -> None:
    page = AppraisalPage(workspace, today=lambda: TODAY)
    show(qtbot, page, 1100, 600)
    page.refresh()
    assert page.table.rowCount() == 6
    assert page.table.item(_row_of(page, "赵磊"), 4).text() == "预备党员不定等次"
    assert page.table.item(_row_of(page, "刘洋"), 4).text() == "未评议"
    assert "优秀 1 人（上限 1 人）" in page.summary.text()

    page.table.setCurrentCell(_row_of(page, "刘洋"), 0)
    dialog = page.edit_current()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert not dialog.handling_box.isVisible()
    dialog.self_assessed.setChecked(True)
    for box, value in zip(dialog.votes, (0, 1, 1, 3), strict=True):
        box.setValue(value)
    dialog.grade.setCurrentIndex(dialog.grade.findData(Grade.UNQUALIFIED))
    assert dialog.handling_box.isVisible()
    dialog.decided_by.setCurrentIndex(dialog.decided_by.findData(Decider.ASSEMBLY))
    dialog.decided_on.setText("2026-12-20")
    dialog.handling.setCurrentIndex(dialog.handling.findData(Handling.CORRECTION))
    assert dialog.correction_until.isVisible()
    assert not dialog.approved_on.isVisible()
    dialog.correction_until.setText("2028-01-31")  # over a year: 第30条
    dialog.notes.setPlainText("多次无故缺席组织生活，支部书记已谈话提醒。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    screenshot(dialog, "appraisal_dialog_refused")
    assert dialog.isVisible()
    assert "一年" in dialog.problems.text()
    with workspace.unit_of_work() as uow:
        assert a.get(uow, branch["刘洋"], 2026) is None

    dialog.correction_until.setText("2027-06-30")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.table.item(_row_of(page, "刘洋"), 4).text() == "不合格"
    assert "2027-06-30" in page.table.item(_row_of(page, "刘洋"), 5).text()
    assert "不合格 1 人" in page.summary.text()
    screenshot(page, "appraisal_page")
    with workspace.unit_of_work() as uow:
        kinds = [e.kind for e in m.timeline(uow, branch["刘洋"])]
    assert kinds.count(EventKind.APPRAISAL.value) == 2

    target = tmp_path / "民主评议.xlsx"
    task = page.export_xlsx(target)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    qtbot.waitUntil(lambda: target.exists())
    rows = {r[1]: r for r in load_workbook(target).active.iter_rows(min_row=4, values_only=True)
            if r[1]}
    assert rows["刘洋"][7:9] == ("不合格", "限期改正")


def test_striking_off_asks_for_the_meeting_the_vote_the_approval_and_the_ground(
    qtbot: QtBot, workspace: Workspace, branch: dict[str, str], screenshot: Screenshot
) -> None:
    # 党章 第9条 and 教育管理条例 第31条, through the dialog.
    page = AppraisalPage(workspace, today=lambda: TODAY)
    show(qtbot, page, 1100, 600)
    page.refresh()
    page.table.setCurrentCell(_row_of(page, "刘洋"), 0)
    dialog = page.edit_current()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    dialog.grade.setCurrentIndex(dialog.grade.findData(Grade.UNQUALIFIED))
    dialog.decided_by.setCurrentIndex(dialog.decided_by.findData(Decider.ASSEMBLY))
    dialog.decided_on.setText("2026-12-20")
    dialog.handling.setCurrentIndex(dialog.handling.findData(Handling.STRIKE_OFF))
    assert not dialog.correction_until.isVisible()
    for field in (dialog.meeting_on, dialog.entitled, dialog.in_favour, dialog.approved_on,
                  dialog.ground):
        assert field.isVisible()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "第三十一条" in dialog.problems.text()
    assert "支部大会日期" in dialog.problems.text()

    dialog.meeting_on.setText("2027-01-08")
    dialog.entitled.setValue(5)
    dialog.in_favour.setValue(4)
    dialog.approved_on.setText("2027-02-03")
    dialog.ground.setCurrentIndex(dialog.ground.findData(StrikeOffGround.SIX_MONTHS_ABSENT))
    screenshot(dialog, "appraisal_dialog_strike_off")
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.table.item(_row_of(page, "刘洋"), 1).text() == "已离开名册"
    with workspace.unit_of_work() as uow:
        assert m.get_member(uow, branch["刘洋"]).status is MembershipStatus.STRUCK_OFF
