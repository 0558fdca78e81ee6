"""Transfers of membership (组织关系转接) on a real encrypted database: the letter out and its
回执, the transfer in with the dues it starts, 流动党员 (DOMAIN.md, "Transfers";
教育管理工作条例 第二十四、二十五条; 组通字〔2006〕45号)."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.dues import ArrearsLevel
from app.domain.members import EventKind, FlowDirection, MembershipStatus
from app.domain.transfers import DuesFinding, DuesStartRule, TransferSettings
from app.errors import InvalidInputError
from app.services import dues as d
from app.services import members as m
from app.services import transfer_documents as td
from app.services import transfer_settings
from app.services import transfers as t
from app.storage.models import AuditEntry, OutboxEntry
from tests.conftest import id_number as number

D = Decimal
TODAY = date(2025, 9, 1)
ORIGIN = "中共市审计局机关委员会"


def nid(i: int) -> str:
    return number(i, 1940)


MAY, AUGUST = Month(2025, 5), Month(2025, 8)


def letter_in(on: date = date(2025, 6, 10), paid_until: Month | None = MAY,
              letter_no: str = "0012") -> t.LetterIn:
    return t.LetterIn(letter_no=letter_no, origin=ORIGIN, received_on=on, paid_until=paid_until)


def letter_out(paid_until: Month | None = AUGUST, **fields) -> t.LetterOut:
    values = {"letter_no": "0031", "destination": "中共市发展和改革委员会机关委员会",
              "issued_on": date(2025, 8, 20), "paid_until": paid_until, "valid_days": 30,
              "reason": "工作调动"} | fields
    return t.LetterOut(**values)


def add(ws, i: int, **fields) -> str:
    with ws.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(
            name=f"党员{i}", id_number=nid(i), **fields), TODAY)
        uow.commit()
    return member_id


def test_a_member_transferred_in_in_june_owes_from_the_month_after_the_paid_up_month(workspace):
    """45号文: the letter says 党费已交到 2025年5月; the receiving branch charges from June.
    Before: charged January to June, "severe, 5 months" of arrears on 30 June."""
    with workspace.unit_of_work() as uow:
        member_id = t.transfer_in(uow, m.MemberInput(
            name="周转入", id_number=nid(30), admission_date=date(2010, 7, 1)),
            letter_in(), today=date(2025, 6, 10))
        d.set_base(uow, member_id, Month(2025, 1), D("4800.00"))
        for month in range(1, 7):
            d.generate_month(uow, Month(2025, month))
        uow.commit()
        charged = sorted(str(month) for month, balance in
                         d.member_ledger(uow, member_id).months.items() if balance.due > 0)
        arrears = d.arrears_list(uow, date(2025, 6, 30))
    assert charged == ["2025-06"]
    assert [entry for entry in arrears if entry.member_id == member_id] == []
    assert ArrearsLevel.SEVERE not in {entry.arrears.level for entry in arrears}


def test_the_month_dues_start_is_a_setting_with_gaps_and_overlaps_warned(workspace):
    with workspace.unit_of_work() as uow:
        default = t.transfer_in_dues(uow, letter_in(paid_until=Month(2025, 3)))
        transfer_settings.save(uow, TransferSettings(dues_start=DuesStartRule.TRANSFER_MONTH))
        uow.commit()
        gap = t.transfer_in_dues(uow, letter_in(paid_until=Month(2025, 3)))
        overlap = t.transfer_in_dues(uow, letter_in(paid_until=Month(2025, 7)))
        member_id = t.transfer_in(uow, m.MemberInput(name="吴", id_number=nid(31)),
                                  letter_in(paid_until=Month(2025, 3)), today=TODAY)
        d.set_base(uow, member_id, Month(2025, 1), D("4800.00"))
        for month in range(1, 8):
            d.generate_month(uow, Month(2025, month))
        uow.commit()
        charged = sorted(str(month) for month, balance in
                         d.member_ledger(uow, member_id).months.items() if balance.due > 0)
        audited = uow.session.scalars(select(AuditEntry.action)).all()
    assert default.owes_from == Month(2025, 4)
    assert dict(default.findings) == {DuesFinding.BACK_DUES: (Month(2025, 4), Month(2025, 5))}
    assert gap.owes_from == Month(2025, 6)
    assert dict(gap.findings) == {DuesFinding.GAP: (Month(2025, 4), Month(2025, 5))}
    assert dict(overlap.findings) == {DuesFinding.OVERLAP: (Month(2025, 6), Month(2025, 7))}
    assert charged == ["2025-06", "2025-07"]
    assert "preferences.update" in audited


def test_the_letter_out_makes_the_member_pending_until_the_receipt(workspace):
    member_id = add(workspace, 40)
    other = add(workspace, 41)
    with workspace.unit_of_work() as uow:
        d.set_base(uow, member_id, Month(2025, 1), D("4800.00"))
        for month in range(1, 9):
            d.generate_month(uow, Month(2025, month))
        d.record_payment(uow, member_id, date(2025, 8, 15),
                         [Month(2025, i) for i in range(1, 9)], D("384.00"),
                         note="补交")
        assert t.paid_through(uow, member_id) == Month(2025, 8)
        warnings = t.transfer_out(uow, member_id, letter_out(), TODAY)
        uow.commit()
        pending = m.get_member(uow, member_id)
        on_roll = m.member_ids(uow, m.MemberFilter())
        listed_apart = m.member_ids(uow, m.MemberFilter(status=m.StatusFilter.TRANSFER_PENDING))
        counts = t.roster_counts(uow)
        reminders = t.pending_transfers(uow, date(2025, 9, 18))
        late = t.pending_transfers(uow, date(2025, 9, 19))
        september = d.generate_month(uow, Month(2025, 9))
    assert warnings == []
    assert pending.status is MembershipStatus.TRANSFER_PENDING
    assert pending.transfer_paid_until == "2025-08"
    assert pending.transfer_valid_days == 30
    assert on_roll == [other]
    assert listed_apart == [member_id]
    assert (counts.active, counts.pending) == (1, 1)
    assert [(r.member_id, r.expires_on, r.overdue) for r in reminders] == [
        (member_id, date(2025, 9, 18), False)]
    assert late[0].overdue  # 有效期 30 天 from 20 August: past it on 19 September, no 回执
    # the sending branch charges up to 党费已交到 only (the other member has no base)
    assert (september.created, september.missing_base) == (0, (other,))
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError) as early:
            t.record_receipt(uow, member_id, date(2025, 8, 19), TODAY)
        t.record_receipt(uow, member_id, date(2025, 8, 30), TODAY)
        uow.commit()
        left = m.get_member(uow, member_id)
        kinds = [e.kind for e in m.timeline(uow, member_id)]
        patches = [json.loads(p) for p in uow.session.scalars(
            select(OutboxEntry.patch).where(OutboxEntry.entity_id == member_id))]
        audited = uow.session.scalars(select(AuditEntry.action)).all()
        assert t.pending_transfers(uow, TODAY) == []
        assert m.member_ids(uow, m.MemberFilter(status=m.StatusFilter.LEFT)) == [member_id]
    assert {(p.field, p.code) for p in early.value.problems} == {
        ("transfer_receipt_on", "before_letter")}
    assert left.status is MembershipStatus.TRANSFERRED_OUT
    assert left.transfer_receipt_on == date(2025, 8, 30)
    assert kinds[-2:] == [EventKind.TRANSFER_OUT.value, EventKind.TRANSFER_RECEIPT.value]
    assert {"transfer_valid_days": 30, "transfer_paid_until": "2025-08"}.items() <= \
        patches[-2].items()
    assert {"member.transfer_out", "member.transfer_receipt"} <= set(audited)


def test_a_letter_out_is_checked_before_anything_changes(workspace):
    applicant = add(workspace, 50, stage=Stage.APPLICANT, application_date=date(2025, 1, 5))
    member_id = add(workspace, 51)
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError) as caught:
            t.transfer_out(uow, applicant, letter_out(
                paid_until=None, letter_no=" ", destination="", valid_days=91,
                issued_on=date(2025, 9, 2)), TODAY)
        warnings = t.transfer_out(uow, member_id, letter_out(paid_until=Month(2025, 6)), TODAY)
        uow.commit()
        with pytest.raises(InvalidInputError) as again:
            t.transfer_out(uow, member_id, letter_out(), TODAY)
        assert m.get_member(uow, applicant).status is MembershipStatus.ACTIVE
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("stage", "not_a_member"), ("paid_until", "required"),
        ("transfer_letter_no", "required"), ("transfer_destination", "required"),
        ("valid_days", "out_of_range"), ("transfer_date", "in_future")}
    # nothing recorded here: the ledger knows no paid-up month, the letter says June
    assert [(w.field, w.code) for w in warnings] == [("paid_until", "differs_from_ledger")]
    assert {(p.field, p.code) for p in again.value.problems} == {("status", "transfer_pending")}


def test_a_letter_returned_unused_puts_the_member_back_on_the_roll(workspace):
    member_id = add(workspace, 60)
    with workspace.unit_of_work() as uow:
        t.transfer_out(uow, member_id, letter_out(), TODAY)
        t.cancel_transfer_out(uow, member_id, TODAY, "对方单位未接收，介绍信退回")
        uow.commit()
        member = m.get_member(uow, member_id)
        kinds = [e.kind for e in m.timeline(uow, member_id)]
    assert member.status is MembershipStatus.ACTIVE
    assert (member.transfer_letter_no, member.left_date) == ("", None)
    assert kinds == [EventKind.TRANSFER_OUT.value, EventKind.TRANSFER_CANCELLED.value]


def test_transfer_in_reactivates_a_member_who_left_and_refuses_one_on_the_roll(workspace):
    member_id = add(workspace, 70)
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError) as on_roll:
            t.transfer_in(uow, m.MemberInput(name="党员70", id_number=nid(70)),
                          letter_in(), TODAY)
        t.transfer_out(uow, member_id, letter_out(), TODAY)
        t.record_receipt(uow, member_id, TODAY, TODAY)
        again = t.transfer_in(uow, m.MemberInput(name="党员70", id_number=nid(70)),
                              letter_in(on=TODAY, letter_no="0099"), TODAY)
        new = t.transfer_in(uow, m.MemberInput(name="新人", id_number=nid(71)),
                            letter_in(), TODAY)
        uow.commit()
        member = m.get_member(uow, member_id)
        assert m.count_members(uow, m.MemberFilter()) == 2
    assert {(p.field, p.code) for p in on_roll.value.problems} == {
        ("id_number", "already_on_roll")}
    assert again == member_id
    assert new != member_id
    assert member.status is MembershipStatus.ACTIVE
    assert (member.transfer_in_letter_no, member.transfer_in_origin) == ("0099", ORIGIN)
    assert member.transfer_letter_no == ""
    assert member.transfer_receipt_on is None


def test_flow_members_are_kept_with_place_and_contact_and_counted_apart(workspace):
    away = add(workspace, 80)
    here = add(workspace, 81)
    add(workspace, 82)
    with workspace.unit_of_work() as uow:
        m.add_event(uow, away, EventKind.FLOW_OUT, date(2025, 2, 1), "外出务工",
                    place="广东省深圳市", contact="13912345678", card_no="粤流-2025-017")
        m.add_event(uow, here, EventKind.FLOW_IN, date(2025, 5, 1), place="来自江西省赣州市",
                    contact="微信 gz-li")
        uow.commit()
        flows = t.flow_members(uow, TODAY)
        counts = t.roster_counts(uow)
        outflow = m.member_ids(uow, m.MemberFilter(flow=FlowDirection.OUT))
        m.add_event(uow, away, EventKind.FLOW_END, TODAY, "返回本地")
        uow.commit()
        ended = m.get_member(uow, away)
    assert [(f.member_id, f.direction, f.contact) for f in flows] == [
        (away, FlowDirection.OUT, "13912345678"), (here, FlowDirection.IN, "微信 gz-li")]
    assert flows[0].card_no == "粤流-2025-017"
    assert flows[0].transfer_advised
    assert not flows[1].transfer_advised
    assert (counts.active, counts.flow_out, counts.flow_in, counts.pending) == (3, 1, 1, 0)
    assert outflow == [away]
    assert (ended.flow_direction, ended.flow_contact, ended.flow_card_no) == (
        FlowDirection.NONE, "", "")


def pdf_text(path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"],
                          capture_output=True, check=True, text=True)
    return done.stdout


def test_the_letter_prints_its_three_parts_with_one_number_and_daxie_numerals(workspace, tmp_path):
    member_id = add(workspace, 45, stage=Stage.PROBATIONARY, admission_date=date(2025, 1, 10),
                    ethnic_group="01", phone="13800138000")
    path = tmp_path / "介绍信.pdf"
    with workspace.unit_of_work() as uow:
        transfer_settings.save(uow, TransferSettings(
            issuer="中共某区直属机关工作委员会", issuer_address="某市某区人民路1号",
            issuer_phone="0791-86000000", issuer_postcode="330000"))
        t.transfer_out(uow, member_id, letter_out(), TODAY)
        pages = td.write_transfer_letter(uow, member_id, path)
        uow.commit()
        exported = uow.session.scalars(select(AuditEntry.detail).where(
            AuditEntry.action == "member.export")).all()
    text = pdf_text(path)
    flat = re.sub(r"\s+", "", text)
    assert pages == 1
    assert flat.count("第0031号") >= 3  # 存根, 介绍信, 回执 (and the cut lines)
    for part in ("中国共产党党员组织关系介绍信（存根）", "中国共产党党员组织关系介绍信回执",
                 "（回执粘贴处）", "（盖章）"):
        assert part in flat
    assert "党员45同志（男，40岁，汉族），系中共预备党员，身份证号码" + nid(45) in flat
    assert "由机关第一党支部去中共市发展和改革委员会机关委员会，请转接组织关系。" in flat
    assert "该同志党费已交到贰零贰伍年捌月。" in flat
    assert "（有效期叁拾天）" in flat
    assert "2025年8月20日" in flat
    assert "党员联系电话或其他联系方式：13800138000" in flat
    assert "某市某区人民路1号" in flat
    assert "邮编：330000" in flat
    assert "中共某区直属机关工作委员会：党员45同志的党员组织关系已转达我处" in flat
    assert exported
    assert "transfer_letter" in exported[-1]
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True,
                           text=True).stdout.splitlines()[2:]
    assert fonts
    assert all(" yes " in line for line in fonts)


def test_only_a_member_with_a_letter_out_has_a_letter_to_print(workspace, tmp_path):
    member_id = add(workspace, 46)
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as caught:
        td.write_transfer_letter(uow, member_id, tmp_path / "x.pdf")
    assert {(p.field, p.code) for p in caught.value.problems} == {
        ("status", "no_transfer_letter")}
    assert not (tmp_path / "x.pdf").exists()


def test_a_member_just_transferred_in_is_paid_up_to_what_the_letter_in_said(workspace):
    """Nothing recorded here yet: the letter out proposes the paid-up month of the letter in."""
    with workspace.unit_of_work() as uow:
        member_id = t.transfer_in(uow, m.MemberInput(name="何平", id_number=nid(72)),
                                  letter_in(), TODAY)
        assert t.paid_through(uow, member_id) == MAY
        assert t.transfer_out(uow, member_id, letter_out(paid_until=MAY), TODAY) == []
