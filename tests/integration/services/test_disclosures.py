"""党务公开 on a real encrypted database: drafts from the records, the steps in order, 秘密
refused by name, the printed notice and the year's register read back."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.domain.calendar import Month
from app.domain.development import Stage
from app.domain.meetings import MeetingType
from app.domain.members import Classification
from app.errors import DisclosureSecretError, DisclosureStepError, InvalidInputError
from app.services import classification as classification_service
from app.services import disclosures as d
from app.services import dues as dues_service
from app.services import meetings as mt
from app.services import members as m
from app.storage.models import AuditEntry, DisclosureRow, OutboxEntry
from tests.conftest import id_number

TODAY = date(2026, 11, 25)


def add_member(ws, name: str, stage: Stage, i: int, **extra) -> str:
    with ws.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(
            name=name, id_number=id_number(i), stage=stage, gender="2",
            birth_date=date(1998, 5, 4), work_unit="市财政局预算处", **extra,
        ), TODAY)
        uow.commit()
    return member_id


def candidate(ws) -> str:
    return add_member(ws, "林晓", Stage.CANDIDATE, 1, application_date=date(2024, 3, 1),
                      activist_date=date(2024, 6, 1), candidate_date=date(2025, 8, 1))


def test_development_notice_drafted_with_the_period_setting_then_steps_in_order(workspace):
    member_id = candidate(workspace)
    with workspace.unit_of_work() as uow:
        draft = d.draft_development(uow, member_id, TODAY)
        assert draft.category is d.Category.DEVELOPMENT
        assert "林晓" in draft.title
        assert "发展对象" in draft.title
        assert "2024年3月1日递交入党申请书" in draft.content
        assert draft.end_on == TODAY + timedelta(days=6)  # 7 days: the default setting
        assert draft.sources == (("member", member_id),)
        edited = d.DisclosureInput(**{**draft.__dict__, "content": draft.content + "\n已修改"})
        item_id = d.create(uow, edited, "王书记", TODAY)
        with pytest.raises(DisclosureStepError):
            d.publish(uow, item_id, TODAY)  # not approved yet
        d.review(uow, item_id, "组织委员 李红", TODAY)
        d.approve(uow, item_id, "支部委员会", TODAY)
        d.publish(uow, item_id, TODAY)
        uow.commit()
    with workspace.unit_of_work() as uow:
        item = d.get(uow, item_id)
        assert item.status is d.Status.PUBLISHED
        assert (item.drafted_by, item.reviewed_by, item.approved_by) == (
            "王书记", "组织委员 李红", "支部委员会")
        assert item.data.content.endswith("已修改")
        assert item.is_open(TODAY)
        assert not item.is_open(TODAY + timedelta(days=7))
        actions = uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity_id == item_id)).all()
        assert actions == ["disclosure.create", "disclosure.review", "disclosure.approve",
                           "disclosure.publish"]
        patches = [json.loads(p) for p in uow.session.scalars(select(OutboxEntry.patch).where(
            OutboxEntry.entity == "disclosure"))]
        assert patches[0]["member_id"] == member_id
        assert patches[-1]["status"] == "published"
        with pytest.raises(DisclosureStepError):
            d.update(uow, item_id, edited)  # published: no more edits
        d.withdraw(uow, item_id, TODAY + timedelta(days=2))
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert d.get(uow, item_id).status is d.Status.WITHDRAWN


def test_period_setting_and_probation_notice(workspace):
    member_id = add_member(workspace, "赵敏", Stage.PROBATIONARY, 2,
                           admission_date=date(2025, 11, 30))
    with workspace.unit_of_work() as uow:
        d.save_period_days(uow, 5)
        draft = d.draft_development(uow, member_id, TODAY)
    assert draft.category is d.Category.PROBATION
    assert "转正" in draft.title
    assert "2025年11月30日" in draft.content
    assert draft.end_on == TODAY + timedelta(days=4)


def test_an_edit_after_review_goes_back_to_draft(workspace):
    member_id = candidate(workspace)
    with workspace.unit_of_work() as uow:
        draft = d.draft_development(uow, member_id, TODAY)
        item_id = d.create(uow, draft, "王书记", TODAY)
        d.review(uow, item_id, "李红", TODAY)
        d.update(uow, item_id, d.DisclosureInput(**{**draft.__dict__, "title": "新标题"}))
        item = d.get(uow, item_id)
    assert item.status is d.Status.DRAFT
    assert item.reviewed_by == ""


def test_an_item_naming_a_secret_member_is_refused_by_name_and_unchanged(workspace):
    member_id = candidate(workspace)
    with workspace.unit_of_work() as uow:
        item_id = d.create(uow, d.draft_development(uow, member_id, TODAY), "王书记", TODAY)
        classification_service.set_classification(uow, "member", member_id,
                                                  Classification.SECRET)
        uow.commit()
    with workspace.unit_of_work() as uow:
        with pytest.raises(DisclosureSecretError) as refused:
            d.review(uow, item_id, "李红", TODAY)
        assert (refused.value.entity, refused.value.label) == ("member", "林晓")
        assert uow.session.get(DisclosureRow, item_id).status == "draft"


def test_meetings_draft_leaves_secret_meetings_out_and_refuses_one_made_secret_later(workspace):
    add_member(workspace, "党员甲", Stage.FULL, 3)
    ids = []
    with workspace.unit_of_work() as uow:
        for day, kind, secret in ((date(2026, 10, 9), MeetingType.PARTY_LECTURE, False),
                                  (date(2026, 10, 20), MeetingType.COMMITTEE, True),
                                  (date(2026, 11, 3), MeetingType.MEMBERS_ASSEMBLY, False)):
            ids.append(mt.create_meeting(uow, mt.MeetingInput(
                type=kind, held_on=day, topics=("学习党章",),
                classification=Classification.SECRET if secret else Classification.INTERNAL)))
        draft = d.draft_meetings(uow, date(2026, 10, 1), date(2026, 11, 30), TODAY)
        assert "党课" in draft.content
        assert "支部党员大会" in draft.content
        assert "支部委员会会议" not in draft.content
        assert draft.sources == (("meeting", ids[0]), ("meeting", ids[2]))
        item_id = d.create(uow, draft, "王书记", TODAY)
        classification_service.set_classification(uow, "meeting", ids[2],
                                                  Classification.SECRET)
        with pytest.raises(DisclosureSecretError) as refused:
            d.review(uow, item_id, "李红", TODAY)
    assert (refused.value.entity, refused.value.label) == ("meeting", "2026-11-03")


def test_dues_draft_totals_only(workspace):
    payer = add_member(workspace, "钱多多", Stage.FULL, 4)
    with workspace.unit_of_work() as uow:
        dues_service.set_base(uow, payer, Month(2026, 1), Decimal("5000"))
        uow.commit()
    with workspace.unit_of_work() as uow:
        draft = d.draft_dues(uow, 2026, 3, TODAY)
    assert draft.category is d.Category.DUES
    assert "2026年第3季度" in draft.title
    assert "收缴党费0.00元" in draft.content
    assert "钱多多" not in draft.content


def test_invalid_input_is_refused_whole(workspace):
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as refused:
        d.create(uow, d.DisclosureInput(
            category=d.Category.OTHER, title=" ", content="", scope=d.Scope.SPECIFIC,
            start_on=TODAY, end_on=TODAY - timedelta(days=1)), "王书记", TODAY)
    assert {p.field for p in refused.value.problems} == {
        "title", "content", "end_on", "scope_note"}


def test_notice_pdf_and_year_register_read_back(workspace, tmp_path):
    member_id = candidate(workspace)
    with workspace.unit_of_work() as uow:
        item_id = d.create(uow, d.draft_development(uow, member_id, TODAY), "王书记", TODAY)
        d.record_feedback(uow, item_id, TODAY, "letter", "", "无异议")
        uow.commit()
    with workspace.unit_of_work() as uow:
        pages = d.print_notice(uow, item_id, tmp_path / "notice.pdf")
        rows = d.export_year(uow, 2026, tmp_path / "year.xlsx")
    assert (pages, rows) == (1, 1)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "notice.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "关于拟将林晓同志列为发展对象的公示" in text
    assert "公示期：2026年11月25日至2026年12月1日（共7天）" in text
    assert "意见反映方式" in text
    assert "公开范围：党内" in text
    sheet = load_workbook(tmp_path / "year.xlsx").active
    values = [c.value for c in sheet[3]]
    assert values[1:4] == ["发展党员公示", "关于拟将林晓同志列为发展对象的公示", "党内"]
    assert values[-2:] == ["拟稿", 1]
    assert "无异议" not in json.dumps([[c.value for c in r] for r in sheet.iter_rows()],
                                     default=str, ensure_ascii=False)


def test_the_year_register_export_is_audited(workspace, tmp_path):
    """Every export that leaves the encrypted store is in the audit log (DESIGN.md); the
    register's export was not."""
    with workspace.unit_of_work() as uow:
        d.export_year(uow, 2026, tmp_path / "year.xlsx")
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        entity_id, detail = uow.session.execute(
            select(AuditEntry.entity_id, AuditEntry.detail)
            .where(AuditEntry.action == "disclosure.export")).one()
    assert entity_id == "2026"
    assert str(tmp_path / "year.xlsx") in detail


def test_a_response_to_a_development_notice_is_noted_in_the_members_record_once(workspace):
    member_id = candidate(workspace)
    with workspace.unit_of_work() as uow:
        item_id = d.create(uow, d.draft_development(uow, member_id, TODAY), "王书记", TODAY)
        d.record_feedback(uow, item_id, TODAY, "in_person", "张三", "工作认真")
        assert d.note_feedback(uow, item_id) == 0  # noted already
        uow.commit()
    with workspace.unit_of_work() as uow:
        notes = [e.text for e in m.timeline(uow, member_id) if "公示期间收到意见" in e.text]
        [feedback] = d.get(uow, item_id).feedback
    assert notes == [
        "《关于拟将林晓同志列为发展对象的公示》公示期间收到意见（当面，张三）：工作认真"]
    assert feedback.noted


def test_appraisal_results_count_every_grade_and_name_only_the_excellent(workspace):
    """DOMAIN.md: 评议 results are disclosed. Counts by grade; 优秀 named (a commendation); the
    others, and a 秘密 member even if 优秀, never named."""
    from app.domain.appraisal import Decider, Grade
    from app.services import appraisal

    names = ["周红", "吴刚", "郑丽", "王强", "冯敏", "陈静"]
    ids = [add_member(workspace, name, Stage.FULL, 20 + i) for i, name in enumerate(names)]
    grades = [Grade.EXCELLENT, Grade.EXCELLENT, Grade.QUALIFIED, Grade.QUALIFIED, Grade.BASIC,
              Grade.QUALIFIED]
    with workspace.unit_of_work() as uow:
        with pytest.raises(InvalidInputError):
            d.draft_appraisal(uow, 2026, TODAY)  # nothing graded yet
        for member_id, grade in zip(ids, grades, strict=True):
            appraisal.save(uow, member_id, 2026, appraisal.AppraisalInput(
                self_assessed=True, votes=(1, 4, 1, 0), grade=grade,
                decided_by=Decider.ASSEMBLY, decided_on=date(2026, 11, 20)), TODAY)
        classification_service.set_classification(uow, "member", ids[1], Classification.SECRET)
        draft = d.draft_appraisal(uow, 2026, TODAY)
        item_id = d.create(uow, draft, "王书记", TODAY)
        uow.commit()
    assert draft.category is d.Category.APPRAISAL
    assert "评定为优秀2名、合格3名、基本合格1名、不合格0名" in draft.content
    assert "周红" in draft.content
    for hidden in ("吴刚", "郑丽", "冯敏"):
        assert hidden not in draft.content
    assert draft.sources == (("member", ids[0]),)
    with workspace.unit_of_work() as uow:
        d.review(uow, item_id, "李红", TODAY)  # names no 秘密 record: may go on
        uow.commit()
