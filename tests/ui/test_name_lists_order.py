"""Lists of names on screen are in pinyin order (安, 白, 陈, 张), not in Unicode order (安, 张, 白,
陈); lists of party groups in natural order (第二 before 第三, 2 before 10)."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from app.domain.development import Stage
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number
from ui.development_reminders import pipeline_operation
from ui.pages.dues import DuesPage

NAMES = ["张伟", "安娜", "白云", "陈晨"]  # in Unicode order: 安, 张, 白, 陈
PINYIN = ["安娜", "白云", "陈晨", "张伟"]
TODAY = date(2025, 6, 16)


def test_generating_a_month_lists_the_members_without_a_base_by_pinyin(
    qtbot: QtBot, workspace: Workspace
) -> None:
    with workspace.unit_of_work() as uow:
        for i, name in enumerate(NAMES):
            m.create_member(uow, m.MemberInput(name=name, id_number=id_number(i + 1)),
                            date(2024, 1, 1))
        uow.commit()
    page = DuesPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.refresh()
    tab = page.month_tab
    task = tab.generate()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10000):
        pass
    assert "、".join(PINYIN) in tab.feedback_label.text()


def test_development_deadlines_on_the_same_day_are_in_pinyin_order(
    workspace: Workspace,
) -> None:
    admitted = TODAY - timedelta(days=365 - 10)  # 预备期 ends in 10 days, for all four
    with workspace.unit_of_work() as uow:
        for i, name in enumerate(NAMES):
            m.create_member(uow, m.MemberInput(
                name=name, id_number=id_number(i + 1), stage=Stage.PROBATIONARY,
                application_date=admitted - timedelta(days=800),
                activist_date=admitted - timedelta(days=700),
                candidate_date=admitted - timedelta(days=100),
                admission_date=admitted,
            ), TODAY)
        uow.commit()
    found = pipeline_operation(workspace, TODAY)(None)  # type: ignore[arg-type]
    for due in {p.deadline.due_date for p in found}:  # each day's deadlines: all four
        assert [p.name for p in found if p.deadline.due_date == due] == PINYIN
