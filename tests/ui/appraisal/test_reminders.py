"""限期改正 (第30条) on 工作台: listed when its end is near, in red once it has passed."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from app.domain.appraisal import Decider, Grade, Handling
from app.services import appraisal as a
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.ui.dues.helpers import show
from ui.appraisal.reminders import CorrectionReminders
from ui.common.styles import ERROR_STYLE


class Clock:
    def __init__(self, today: date) -> None:
        self.today = today

    def __call__(self) -> date:
        return self.today


def test_a_correction_is_reminded_near_its_end_and_red_after_it(
    qtbot: QtBot, workspace: Workspace
) -> None:
    with workspace.unit_of_work() as uow:
        member = m.create_member(uow, m.MemberInput(name="刘洋", id_number=number(1)),
                                 date(2026, 1, 1))
        a.save(uow, member, 2026, a.AppraisalInput(
            grade=Grade.UNQUALIFIED, decided_by=Decider.ASSEMBLY, decided_on=date(2026, 12, 20),
            handling=Handling.CORRECTION, correction_until=date(2027, 6, 30),
        ), date(2026, 12, 28))
        uow.commit()
    clock = Clock(date(2027, 3, 1))
    reminders = CorrectionReminders(workspace, clock)
    show(qtbot, reminders, 600, 200)
    with qtbot.waitSignal(reminders.loaded):
        reminders.refresh()
    assert reminders.shown() == []
    assert not reminders.isVisible()

    clock.today = date(2027, 6, 10)
    with qtbot.waitSignal(reminders.loaded):
        reminders.refresh()
    assert reminders.shown() == ["刘洋"]
    assert "2027-06-30" in reminders.labels[0].text()
    assert reminders.labels[0].styleSheet() != ERROR_STYLE

    clock.today = date(2027, 7, 2)
    with qtbot.waitSignal(reminders.loaded):
        reminders.refresh()
    assert reminders.labels[0].styleSheet() == ERROR_STYLE
    assert "结束，请研究处理" in reminders.labels[0].text()
