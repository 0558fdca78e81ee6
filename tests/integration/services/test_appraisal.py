"""民主评议党员 on a real encrypted database: rules, the member's record, documents read back."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.domain.appraisal import Decider, Grade, Handling, StrikeOffGround
from app.domain.development import Stage
from app.domain.members import Classification, EventKind, MembershipStatus
from app.errors import InvalidInputError
from app.services import appraisal as a
from app.services import members as m
from app.storage.ids import natural_id
from app.storage.models import AuditEntry, OutboxEntry
from tests.conftest import id_number

TODAY = date(2026, 12, 28)
DECIDED = date(2026, 12, 20)


@pytest.fixture
def roll(workspace):
    """Six full members and one probationary one."""
    ids = []
    with workspace.unit_of_work() as uow:
        for i in range(7):
            stage = Stage.PROBATIONARY if i == 6 else Stage.FULL
            admitted = date(2026, 6, 1) if i == 6 else None
            ids.append(m.create_member(uow, m.MemberInput(
                name=f"党员{i}", id_number=id_number(i), stage=stage, admission_date=admitted,
            ), TODAY))
        uow.commit()
    return ids


def graded(grade: Grade, **fields) -> a.AppraisalInput:
    fields.setdefault("decided_on", DECIDED)
    return a.AppraisalInput(self_assessed=True, votes=(1, 4, 1, 0), grade=grade,
                            decided_by=Decider.ASSEMBLY, **fields)


def save(ws, member_id: str, data: a.AppraisalInput, year: int = 2026) -> str:
    with ws.unit_of_work() as uow:
        record_id = a.save(uow, member_id, year, data, TODAY)
        uow.commit()
    return record_id


def test_a_save_is_audited_queued_and_keyed_by_member_and_year(workspace, roll):
    record_id = save(workspace, roll[0], graded(Grade.QUALIFIED))
    assert record_id == natural_id("appraisal", roll[0], "2026")
    with workspace.unit_of_work() as uow:
        ops = uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "appraisal"))
        patch = json.loads(next(iter(ops)).patch)
        actions = set(uow.session.scalars(select(AuditEntry.action)))
    assert patch["grade"] == "qualified"
    assert patch["votes_qualified"] == 4
    assert "appraisal.create" in actions


def test_excellent_beyond_a_third_of_full_members_is_refused(workspace, roll):
    # 第18条 (DOMAIN.md): six full members, so at most two 优秀; a third is refused, nothing kept.
    save(workspace, roll[0], graded(Grade.EXCELLENT))
    save(workspace, roll[1], graded(Grade.EXCELLENT))
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as caught:
        a.save(uow, roll[2], 2026, graded(Grade.EXCELLENT), TODAY)
    assert ("grade", "excellent_over_limit") in {(p.field, p.code) for p in caught.value.problems}
    with workspace.unit_of_work() as uow:
        assert a.get(uow, roll[2], 2026) is None
        # The same member saved again as 优秀 does not count twice.
        a.save(uow, roll[1], 2026, graded(Grade.EXCELLENT, notes="再次保存"), TODAY)


def test_a_probationary_member_is_not_graded(workspace, roll):
    # 第18条: 预备党员 take part without a grade.
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError):
        a.save(uow, roll[6], 2026, graded(Grade.QUALIFIED), TODAY)
    save(workspace, roll[6], a.AppraisalInput(self_assessed=True, votes=(0, 6, 0, 0)))
    with workspace.unit_of_work() as uow:
        line = next(line for line in a.year_lines(uow, 2026) if line.member_id == roll[6])
    assert line.probationary
    assert line.data is not None
    assert line.data.grade is Grade.NONE


def test_unqualified_with_correction_goes_on_the_timeline_once(workspace, roll):
    # 第30条: 限期改正 at most a year; the member's timeline shows the grade and the deadline.
    data = graded(Grade.UNQUALIFIED, handling=Handling.CORRECTION,
                  correction_until=date(2027, 6, 30))
    save(workspace, roll[3], data)
    save(workspace, roll[3], data)  # saved again unchanged: nothing new on the timeline
    with workspace.unit_of_work() as uow:
        events = [e for e in m.timeline(uow, roll[3]) if e.kind == EventKind.APPRAISAL.value]
    assert [e.text for e in events] == [
        "2026年度民主评议：不合格", "2026年度民主评议不合格，限期改正至2027-06-30",
    ]


def test_strike_off_approved_takes_the_member_off_the_roll(workspace, roll):
    # 党章 第9条 and 教育管理条例 第31条: 支部大会 decides, the higher committee approves.
    pending = graded(Grade.UNQUALIFIED, handling=Handling.STRIKE_OFF, meeting_on=date(2027, 1, 8),
                     entitled=6, in_favour=5, ground=StrikeOffGround.CORRECTION_FAILED)
    save(workspace, roll[4], pending)
    with workspace.unit_of_work() as uow:
        assert m.get_member(uow, roll[4]).status is MembershipStatus.ACTIVE
    from dataclasses import replace
    save(workspace, roll[4], replace(pending, approved_on=date(2027, 2, 3)))
    with workspace.unit_of_work() as uow:
        member = m.get_member(uow, roll[4])
        lines = a.year_lines(uow, 2026)
    assert member.status is MembershipStatus.STRUCK_OFF
    assert member.left_date == date(2027, 2, 3)
    assert "第三十一条（五）" in member.left_reason
    assert any(line.member_id == roll[4] and line.left for line in lines)


def test_a_vote_without_a_majority_of_those_entitled_is_refused(workspace, roll):
    # 支部工作条例 第12条: more than half of those entitled to vote.
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError) as caught:
        a.save(uow, roll[4], 2026, graded(
            Grade.UNQUALIFIED, handling=Handling.PERSUADE, meeting_on=date(2027, 1, 8),
            entitled=6, in_favour=3,
        ), TODAY)
    assert ("in_favour", "vote_not_passed") in {(p.field, p.code) for p in caught.value.problems}


def test_result_table_reads_back_from_xlsx_and_pdf(workspace, roll, tmp_path):
    save(workspace, roll[0], graded(Grade.EXCELLENT))
    save(workspace, roll[3], graded(Grade.UNQUALIFIED, handling=Handling.CORRECTION,
                                    correction_until=date(2027, 6, 30)))
    save(workspace, roll[6], a.AppraisalInput(self_assessed=True))
    xlsx, pdf = tmp_path / "评议.xlsx", tmp_path / "评议.pdf"
    with workspace.unit_of_work() as uow:
        a.export_xlsx(uow, 2026, xlsx, TODAY)
        pages = a.export_pdf(uow, 2026, pdf, TODAY)
    sheet = load_workbook(xlsx).active
    rows = [tuple(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[2][:3] == ("序号", "姓名", "自评")
    by_name = {row[1]: row for row in rows[3:10]}
    assert by_name["党员0"][7] == "优秀"
    assert by_name["党员3"][7:9] == ("不合格", "限期改正")
    assert "2027-06-30" in by_name["党员3"][9]
    assert by_name["党员6"][7] == "预备党员（不定等次）"
    assert by_name["党员1"][7] == "未评议"
    assert any(row[0] and "优秀1人（上限2人" in str(row[0]) for row in rows)
    assert pages == 1
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "民主评议党员结果表" in text
    assert "限期改正" in text
    assert "内部" in text


def test_a_secret_appraisal_marks_the_table_secret(workspace, roll, tmp_path):
    save(workspace, roll[3], graded(Grade.UNQUALIFIED, classification=Classification.SECRET))
    with workspace.unit_of_work() as uow:
        found = a.export_xlsx(uow, 2026, tmp_path / "x.xlsx", TODAY)
    assert found.classification is Classification.SECRET
    assert "密级：秘密" in str(load_workbook(tmp_path / "x.xlsx").active["A2"].value)


def test_a_correction_ending_soon_is_due_for_review_until_next_years_appraisal(workspace, roll):
    # 第30条: at the end of the 限期改正 the branch looks at the member again.
    save(workspace, roll[3], graded(Grade.UNQUALIFIED, handling=Handling.CORRECTION,
                                    correction_until=date(2027, 6, 30)))
    with workspace.unit_of_work() as uow:
        assert a.corrections_due(uow, date(2027, 5, 1)) == []
        due = a.corrections_due(uow, date(2027, 6, 5))
        assert [(d.name, d.until) for d in due] == [("党员3", date(2027, 6, 30))]
        assert a.corrections_due(uow, date(2027, 8, 1))  # overdue stays listed
        a.save(uow, roll[3], 2027, graded(Grade.QUALIFIED, decided_on=date(2027, 12, 20)),
               TODAY)
        assert a.corrections_due(uow, date(2027, 8, 1)) == []


def test_a_secret_strike_off_leaves_only_the_kind_of_leaving_on_the_synced_roll(workspace, roll):
    # The member record syncs; a 秘密 appraisal's grounds and votes stay in the appraisal.
    save(workspace, roll[4], graded(
        Grade.UNQUALIFIED, handling=Handling.STRIKE_OFF, meeting_on=date(2027, 1, 8),
        entitled=6, in_favour=5, approved_on=date(2027, 2, 3),
        ground=StrikeOffGround.SIX_MONTHS_ABSENT, classification=Classification.SECRET,
    ))
    with workspace.unit_of_work() as uow:
        member = m.get_member(uow, roll[4])
    assert member.status is MembershipStatus.STRUCK_OFF
    assert member.left_reason == "除名"
