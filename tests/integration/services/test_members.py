"""The member register's services on a real encrypted database."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.domain.development import Stage
from app.domain.id_numbers import Gender, IdType, check_character
from app.domain.members import EventKind, MembershipStatus, Severity
from app.errors import InvalidInputError
from app.services import members as m
from app.storage.models import AuditEntry, OutboxEntry

TODAY = date(2026, 11, 25)


def id_number(birth: str, seq: str = "123", area: str = "110105") -> str:
    first17 = f"{area}{birth}{seq}"
    return first17 + check_character(first17)


def add(ws, name: str, number: str, **fields) -> str:
    with ws.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(name=name, id_number=number, **fields),
                                    TODAY)
        uow.commit()
    return member_id


def test_create_fills_birth_date_and_gender_from_the_id_number(workspace):
    member_id = add(workspace, "张伟", id_number("19800102", "131").lower())
    with workspace.unit_of_work() as uow:
        member = m.get_member(uow, member_id)
    assert member.data.birth_date == date(1980, 1, 2)
    assert member.data.gender is Gender.MALE
    assert member.data.id_number.endswith(member.data.id_number[-1].upper())


def test_a_bad_id_number_is_refused_with_every_problem(workspace):
    bad = id_number("19800102")[:-1] + ("0" if id_number("19800102")[-1] != "0" else "1")
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as caught:
        m.create_member(uow, m.MemberInput(name="", id_number=bad), TODAY)
    fields = {(p.field, p.code) for p in caught.value.problems}
    assert ("name", "required") in fields
    assert ("id_number", "bad_check_char") in fields


def test_a_mismatch_with_the_id_number_warns_and_keeps_what_was_entered(workspace):
    data = m.MemberInput(name="李娜", id_number=id_number("19900315", "124"),
                         birth_date=date(1990, 3, 16), gender=Gender.MALE)
    with workspace.unit_of_work() as uow:
        issues = m.check_member(uow, data, TODAY)
        member_id = m.create_member(uow, data, TODAY)
        uow.commit()
        assert m.get_member(uow, member_id).data.birth_date == date(1990, 3, 16)
    warned = {(i.field, i.code) for i in issues if i.severity is Severity.WARNING}
    assert ("birth_date", "birth_date_mismatch") in warned
    assert ("gender", "gender_mismatch") in warned


def test_duplicate_id_numbers_are_refused(workspace):
    number = id_number("19750505")
    add(workspace, "王强", number)
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as caught:
        m.create_member(uow, m.MemberInput(name="王强", id_number=number), TODAY)
    assert ("id_number", "duplicate_id_number") in {(p.field, p.code)
                                                    for p in caught.value.problems}


def test_dates_out_of_order_are_errors(workspace):
    data = m.MemberInput(name="赵敏", id_number=id_number("19950101", "222"),
                         stage=Stage.PROBATIONARY, application_date=date(2024, 5, 1),
                         activist_date=date(2024, 3, 1), admission_date=date(2025, 6, 1))
    with workspace.unit_of_work() as uow:
        issues = m.check_member(uow, data, TODAY)
    assert ("activist_date", "before_application_date", Severity.ERROR) in {
        (i.field, i.code, i.severity) for i in issues}


def test_every_write_is_audited_and_queued_for_sync(workspace):
    member_id = add(workspace, "陈静", id_number("19850707", "246"))
    with workspace.unit_of_work() as uow:
        data = m.get_member(uow, member_id).data
        m.update_member(uow, member_id, m.MemberInput(**{**data.__dict__, "phone": "13800138000"}),
                        TODAY)
        m.update_member(uow, member_id, m.MemberInput(**{**data.__dict__, "phone": "13800138000"}),
                        TODAY)  # no change: nothing recorded
        uow.commit()
    with workspace.unit_of_work() as uow:
        actions = uow.session.scalars(select(AuditEntry.action)).all()
        query = select(OutboxEntry).where(OutboxEntry.entity_id == member_id)
        query = query.order_by(OutboxEntry.seq)
        patches = [json.loads(o.patch) for o in uow.session.scalars(query)]
    assert actions.count("member.create") == 1
    assert actions.count("member.update") == 1
    assert patches[0]["name"] == "陈静"
    assert patches[1] == {"phone": "13800138000"}


def test_a_member_who_leaves_stays_in_history_and_counts(workspace):
    stays = add(workspace, "周杰", id_number("19700101", "111"))
    leaves = add(workspace, "吴刚", id_number("19710101", "113"))
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError):
            m.record_leaving(uow, leaves, MembershipStatus.TRANSFERRED_OUT, TODAY, "工作调动")
        m.record_leaving(uow, leaves, MembershipStatus.TRANSFERRED_OUT, TODAY, "工作调动",
                         destination="市教育局机关党委", letter_no="组转字〔2026〕12号")
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert m.member_ids(uow, m.MemberFilter()) == [stays]
        assert m.member_ids(uow, m.MemberFilter(status=m.StatusFilter.LEFT)) == [leaves]
        assert m.count_members(uow, m.MemberFilter(status=m.StatusFilter.ALL)) == 2
        counts = m.membership_counts(uow)
        left = m.get_member(uow, leaves)
        kinds = [e.kind for e in m.timeline(uow, leaves)]
    assert counts[MembershipStatus.ACTIVE] == 1
    assert counts[MembershipStatus.TRANSFERRED_OUT] == 1
    assert left.transfer_letter_no == "组转字〔2026〕12号"
    assert kinds == ["left"]


def test_flow_and_lost_contact_events_set_the_current_state(workspace):
    member_id = add(workspace, "郑洁", id_number("19920202", "246"))
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError):
            m.add_event(uow, member_id, EventKind.FLOW_OUT, TODAY)
        m.add_event(uow, member_id, EventKind.FLOW_OUT, TODAY, "外出务工", place="广东省深圳市")
        m.add_event(uow, member_id, EventKind.LOST_CONTACT, TODAY)
        m.add_event(uow, member_id, EventKind.REWARD, TODAY, "优秀共产党员")
        uow.commit()
        member = m.get_member(uow, member_id)
    assert member.flow_place == "广东省深圳市"
    assert member.lost_contact_since == TODAY


def test_filter_and_sort_in_sql(workspace):
    with workspace.unit_of_work() as uow:
        group = m.create_party_group(uow, "第一党小组")
        uow.commit()
    a = add(workspace, "安然", id_number("19600101", "111"), party_group_id=group)
    b = add(workspace, "白雪", id_number("19700101", "222"), stage=Stage.PROBATIONARY,
            admission_date=date(2026, 3, 1))
    c = add(workspace, "曹操", id_number("19800101", "333"), phone="13912345678")
    with workspace.unit_of_work() as uow:
        assert m.member_ids(uow, m.MemberFilter(text="白")) == [b]
        assert m.member_ids(uow, m.MemberFilter(text="1391234")) == [c]
        assert m.member_ids(uow, m.MemberFilter(text="%")) == []
        assert m.member_ids(uow, m.MemberFilter(stage=Stage.PROBATIONARY)) == [b]
        assert m.member_ids(uow, m.MemberFilter(party_group_id=group)) == [a]
        by_birth = m.member_ids(uow, m.MemberFilter(sort=m.SortKey.BIRTH_DATE, descending=True))
        assert by_birth == [c, b, a]
        rows = m.member_rows(uow, [c, a])
        assert [r.name for r in rows] == ["曹操", "安然"]
        assert rows[1].party_group_name == "第一党小组"
        groups = m.party_groups(uow)
    assert [(g.name, g.member_count) for g in groups] == [("第一党小组", 1)]


def test_development_overview_lists_deadlines(workspace):
    add(workspace, "钱程", id_number("19980101", "111"), stage=Stage.PROBATIONARY,
        application_date=date(2023, 1, 5), talk_date=date(2023, 1, 20),
        activist_date=date(2023, 3, 1), candidate_date=date(2024, 4, 1),
        admission_date=date(2025, 12, 10), approval_date=date(2026, 1, 20))
    with workspace.unit_of_work() as uow:
        items = m.development_overview(uow, TODAY, within_days=30)
    assert [i.name for i in items] == ["钱程"]
    assert "probation_ends" in {d.kind.value for d in items[0].deadlines}


def test_a_residence_permit_number_is_not_saved_as_a_resident_id(workspace):
    # Issue 15: 810000199001010019 is a 港澳台居民居住证 number, not a mainland 居民身份证.
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError) as refused:
            m.create_member(uow, m.MemberInput(name="陈港", id_number="810000199001010019"),
                            TODAY)
        assert [(p.field, p.code) for p in refused.value.problems] == [
            ("id_number", "residence_permit_number")
        ]
        member_id = m.create_member(uow, m.MemberInput(
            name="陈港", id_number="810000199001010019", id_type=IdType.HMT_RESIDENCE_PERMIT,
        ), TODAY)
        assert m.get_member(uow, member_id).data.birth_date == date(1990, 1, 1)


def test_a_full_membership_three_months_late_warns_on_the_date(workspace):
    # 细则第三十三条: the branch discusses 转正 when probation ends; 党龄 still counts from then.
    with workspace.unit_of_work() as uow:
        data = m.MemberInput(
            name="晚转正", id_number=id_number("19900101"), stage=Stage.FULL,
            admission_date=date(2025, 6, 1), approval_date=date(2025, 7, 1),
            full_date=date(2026, 9, 1),
        )
        issues = m.check_member(uow, data, TODAY)
    late = [i for i in issues if i.code == "full_membership_late"]
    assert [(i.field, i.severity) for i in late] == [("full_date", Severity.WARNING)]
    # The 转正 vote is expected for a 转正 this recent (细则第三十三条).
    assert ("full_date", "votes_missing") in {(i.field, i.code) for i in issues}


def test_party_standing_runs_from_the_end_of_probation():
    # 党章第七条, the issue's example: admitted 2023-06-01, 转正 meeting 2024-09-01.
    data = m.MemberInput(name="党龄", id_number=id_number("19900101"), stage=Stage.FULL,
                         admission_date=date(2023, 6, 1), full_date=date(2024, 9, 1))
    standing = m.party_standing(data, date(2025, 6, 1))
    assert standing == m.MembershipYears(since=date(2024, 6, 1), years=1)
    assert m.party_standing(m.MemberInput(name="申请人", id_number=""), TODAY) is None
