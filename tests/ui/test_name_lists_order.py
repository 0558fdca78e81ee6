"""Lists of names on screen are in pinyin order (安, 白, 陈, 张), not in Unicode order (安, 张, 白,
陈); lists of party groups in natural order (第二 before 第三, 2 before 10)."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from app.documents import roster as sheet
from app.domain.development import Stage
from app.services import members as m
from app.services import roster
from app.services.workspace import Workspace
from tests.conftest import id_number
from ui.dues.page import DuesPage
from ui.members.page import MembersPage
from ui.members.reminders import pipeline_operation

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


GROUPS = ["第三党小组", "第一党小组", "第十党小组", "第二党小组"]  # Unicode: 一, 三, 二, 十
NATURAL = ["第一党小组", "第二党小组", "第三党小组", "第十党小组"]


def test_party_groups_are_in_natural_order_in_every_list(
    qtbot: QtBot, workspace: Workspace
) -> None:
    with workspace.unit_of_work() as uow:
        group_ids = {name: m.create_party_group(uow, name) for name in GROUPS}
        for i, name in enumerate(GROUPS):
            m.create_member(uow, m.MemberInput(
                name=NAMES[i], id_number=id_number(i + 1), party_group_id=group_ids[name],
            ), TODAY)
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert [g.name for g in m.party_groups(uow)] == NATURAL
        by_group = m.member_rows(uow, m.member_ids(uow, m.MemberFilter(sort=m.SortKey.PARTY_GROUP)))
        assert [r.party_group_name for r in by_group] == NATURAL
        exported = roster.export_entries(uow)
        assert [e.values[sheet.PARTY_GROUP] for e in exported] == NATURAL

    page = MembersPage(workspace, today=lambda: TODAY)
    qtbot.addWidget(page)
    page.refresh()
    qtbot.waitUntil(lambda: page.group_filter.count() == len(GROUPS) + 1)
    assert [page.group_filter.itemText(i) for i in range(1, page.group_filter.count())] == NATURAL
