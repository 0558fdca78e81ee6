"""谈心谈话 on a real encrypted database (支部工作条例 第19条; DOMAIN.md, "Talks")."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from app.domain.members import Classification
from app.domain.talks import PairKind, TalkKind
from app.errors import InvalidInputError
from app.services import talks as t
from app.storage.models import AuditEntry, OutboxEntry, TalkParticipantRow
from tests.integration.services.test_meetings import add_members

DAY = date(2026, 10, 12)


def talk(people, on=DAY, **kw) -> t.TalkInput:
    return t.TalkInput(on_date=on, kind=kw.pop("kind", TalkKind.HEART_TO_HEART),
                       topic=kw.pop("topic", "交流思想和工作"), people=tuple(people), **kw)


def test_a_talk_is_recorded_with_its_people_audit_and_outbox(workspace):
    ids = add_members(workspace, full=4, committee=2)
    with workspace.unit_of_work() as uow:
        talk_id = t.create_talk(uow, talk(ids[:3], record="谈了学习体会", follow_up="下月再谈"))
        uow.commit()
    with workspace.unit_of_work() as uow:
        found = t.get_talk(uow, talk_id)
        assert set(found.data.people) == set(ids[:3])
        assert found.data.follow_up == "下月再谈"
        assert uow.session.scalar(select(AuditEntry.action).where(
            AuditEntry.entity_id == talk_id)) == "talk.create"
        ops = {(o.entity, json.loads(o.patch).get("member_id")) for o in uow.session.scalars(
            select(OutboxEntry))}
        assert ("talk", None) in ops
        assert {("talk_participant", i) for i in ids[:3]} <= ops


def test_a_talk_needs_two_people_and_a_topic(workspace):
    """第19条: talks are "之间" — between two people or more."""
    ids = add_members(workspace, full=2)
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as raised:
        t.create_talk(uow, talk([ids[0], ids[0]], topic=" "))
    assert {(p.field, p.code) for p in raised.value.problems} == {
        ("topic", "required"), ("people", "two_people_needed")}


def test_changing_the_people_tombstones_the_removed_and_restores_the_returned(workspace):
    ids = add_members(workspace, full=3)
    with workspace.unit_of_work() as uow:
        talk_id = t.create_talk(uow, talk(ids[:2]))
        t.update_talk(uow, talk_id, talk([ids[0], ids[2]]))
        t.update_talk(uow, talk_id, talk(ids[:3]))
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert set(t.get_talk(uow, talk_id).data.people) == set(ids)
        assert uow.session.query(TalkParticipantRow).count() == 3


def test_coverage_counts_committee_pairs_and_committee_member_pairs_of_the_year(workspace):
    """DOMAIN.md: coverage counts 委员–委员 and 委员–党员 pairs; a talk between members and a
    talk of another year cover nothing required; a deleted talk covers nothing."""
    ids = add_members(workspace, full=4, committee=2)  # 2 委员, 2 党员: 1 + 4 pairs
    committee, members = ids[:2], ids[2:]
    with workspace.unit_of_work() as uow:
        t.create_talk(uow, talk(committee))
        t.create_talk(uow, talk([committee[0], members[0]], kind=TalkKind.REMINDER))
        t.create_talk(uow, talk(members))
        t.create_talk(uow, talk([committee[1], members[1]], on=date(2025, 12, 1)))
        deleted = t.create_talk(uow, talk([committee[1], members[0]]))
        t.delete_talk(uow, deleted)
        uow.commit()
    with workspace.unit_of_work() as uow:
        found = t.coverage(uow, 2026)
        assert (found.required, found.covered) == (5, 2)
        assert found.missing_of(PairKind.COMMITTEE_MEMBER) == 3
        assert len(t.talks_of_year(uow, 2026)) == 3


def test_the_dashboard_reminder_comes_in_the_last_quarter_while_pairs_are_missing(workspace):
    ids = add_members(workspace, full=2, committee=2)
    with workspace.unit_of_work() as uow:
        assert t.reminder(uow, date(2026, 9, 30)) is None
        assert t.reminder(uow, date(2026, 10, 1)) is not None
        t.create_talk(uow, talk(ids))
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert t.reminder(uow, date(2026, 12, 1)) is None


def test_a_secret_talk_and_a_classification_change_are_audited(workspace):
    ids = add_members(workspace, full=2)
    with workspace.unit_of_work() as uow:
        talk_id = t.create_talk(uow, talk(ids))
        t.update_talk(uow, talk_id, talk(ids, classification=Classification.SECRET))
        uow.commit()
    with workspace.unit_of_work() as uow:
        details = [json.loads(e.detail) for e in uow.session.scalars(
            select(AuditEntry).where(AuditEntry.action == "classification.change"))]
    assert details == [{"from": "internal", "to": "secret"}]
