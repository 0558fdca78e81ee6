"""Transfers travel with the member record (no new record type): a letter out, its 回执, a letter
in with its paid-up month and a 流动党员's contact reach the other PC online and by bundle."""

from __future__ import annotations

from datetime import date

from app.domain.calendar import Month
from app.domain.members import EventKind, MembershipStatus
from app.services import members as m
from app.services import transfers as t
from app.storage.models import MemberEventRow, MemberRow
from sync import service
from tests.conftest import id_number
from tests.integration.sync.test_bundles import (  # noqa: F401 - fixtures
    air,
    branch,
    live,
    online,
    round_trip,
)
from tests.integration.sync.test_sync_engine import add_member, member, sync, table

ON = date(2025, 8, 20)


def test_a_letter_out_its_receipt_a_letter_in_and_a_flow_member_reach_the_other_pc(
        air, online, tmp_path, live):  # noqa: F811 - the bundle tests' fixtures
    leaving = add_member(air, "张伟", birth="19800102")
    away = add_member(air, "李娜", birth="19850505")
    with air.unit_of_work() as uow:
        t.transfer_out(uow, leaving, t.LetterOut(
            "0031", "中共市审计局机关委员会", ON, Month(2025, 8), valid_days=15), ON)
        arriving = t.transfer_in(uow, m.MemberInput(name="王芳", id_number=id_number(20)),
                                 t.LetterIn("0012", "中共某县委组织部", ON, Month(2025, 7)), ON)
        m.add_event(uow, away, EventKind.FLOW_OUT, ON, place="广东省深圳市",
                    contact="13912345678", card_no="粤流-017")
        uow.commit()
    round_trip(air, tmp_path, live)
    sync(online)
    assert table(online, MemberRow) == table(air, MemberRow)
    assert table(online, MemberEventRow) == table(air, MemberEventRow)
    with online.unit_of_work() as uow:
        pending = m.get_member(uow, leaving)
        came = m.get_member(uow, arriving)
        flow = m.get_member(uow, away)
        t.record_receipt(uow, leaving, date(2025, 8, 28), date(2025, 9, 1))
        uow.commit()
    assert (pending.status, pending.transfer_valid_days, pending.transfer_paid_until) == (
        MembershipStatus.TRANSFER_PENDING, 15, "2025-08")
    assert (came.transfer_in_on, came.transfer_in_paid_until) == (ON, "2025-07")
    assert (flow.flow_contact, flow.flow_card_no) == ("13912345678", "粤流-017")
    sync(online)
    round_trip(air, tmp_path, live)
    with air.unit_of_work() as uow:
        left = m.get_member(uow, leaving)
    assert (left.status, left.transfer_receipt_on) == (
        MembershipStatus.TRANSFERRED_OUT, date(2025, 8, 28))
    assert table(online, MemberRow) == table(air, MemberRow)
    assert service.conflicts(air) == service.conflicts(online) == []
    assert member(online, arriving).name == "王芳"
