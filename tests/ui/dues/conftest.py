"""The 党费 page as the tests open it: shown on 16 June 2025 with the members of ``branch``.

``branch`` here is four members; a test module that needs other members defines its own
``branch``, and ``page`` uses that one."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.services import dues
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.ui.dues.helpers import TODAY, show
from ui.dues.page import DuesPage

D = Decimal


@pytest.fixture
def branch(workspace: Workspace) -> dict[str, str]:
    """李老 (retired, 25.00), 王工 (in work, 48.00), 赵生 (student, 0.20), 孙无基数 (no base)."""
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2024, 1, 1)),
            "retiree": m.create_member(uow, m.MemberInput(
                name="李老", id_number=number(2), category=PersonCategory.RETIRED),
                date(2024, 1, 1)),
            "student": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(3), category=PersonCategory.STUDENT),
                date(2024, 1, 1)),
            "nobase": m.create_member(uow, m.MemberInput(name="孙无基数", id_number=number(4)),
                                      date(2024, 1, 1)),
        }
        dues.set_base(uow, ids["worker"], Month(2024, 1), D("4800.00"))  # 1%: 48.00
        dues.set_base(uow, ids["retiree"], Month(2024, 1), D("5000.00"))  # 0.5%: 25.00
        uow.commit()
    return ids


@pytest.fixture
def page(qtbot: QtBot, workspace: Workspace, branch: dict[str, str]) -> DuesPage:
    widget = DuesPage(workspace, today=lambda: TODAY)
    show(qtbot, widget)
    widget.refresh()  # the month tab, read on the GUI thread
    return widget
