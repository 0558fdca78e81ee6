"""The 意见建议 register on a real encrypted database: its course, time limits and overdue items,
settings, the 转办单 and the 纪委 cover slip read back with pdftotext, the year's workbook read
back with openpyxl, and the audit entries and outbox ops of every write."""

from __future__ import annotations

import json
import subprocess
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from app.domain.opinions import Category, Channel, Kind, Status
from app.errors import InvalidInputError, RecordNotFoundError
from app.services import members as m
from app.services import opinion_documents as od
from app.services import opinions as op
from app.storage.models import AuditEntry, OpinionRow, OutboxEntry
from tests.conftest import id_number

TODAY = date(2026, 12, 6)


def _pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True)
    return done.stdout


def _entry(uow, content: str = "建议简化报销流程", received: date = TODAY, **kw) -> str:
    data = op.OpinionInput(received, kw.pop("channel", Channel.WRITTEN),
                           kw.pop("category", Category.BUSINESS), content, **kw)
    return op.record_opinion(uow, data)


def test_an_opinion_runs_its_course_with_audit_and_outbox(workspace):
    with workspace.unit_of_work() as uow:
        member = m.create_member(uow, m.MemberInput(name="李明", id_number=id_number(1)), TODAY)
        opinion = _entry(uow, member_id=member)
        op.forward(uow, opinion, "财务处", TODAY)
        op.answer(uow, opinion, "流程已简化", "取消一级审批", "财务处", TODAY, implemented=True)
        op.record_feedback(uow, opinion, TODAY + timedelta(days=1))
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        entry = op.get(uow, opinion, TODAY)
        actions = list(uow.session.scalars(select(AuditEntry.action).where(
            AuditEntry.entity_id == opinion).order_by(AuditEntry.seq)))
        patches = [json.loads(p) for p in uow.session.scalars(select(OutboxEntry.patch).where(
            OutboxEntry.entity_id == opinion).order_by(OutboxEntry.seq))]
    assert entry.proposer == "李明"
    assert entry.status is Status.IMPLEMENTED
    assert (entry.forwarded_to, entry.reply, entry.measures) == ("财务处", "流程已简化",
                                                                 "取消一级审批")
    assert entry.feedback_on == TODAY + timedelta(days=1)
    assert actions == ["opinion.create", "opinion.forward", "opinion.answer", "opinion.feedback"]
    assert patches[0]["content"] == "建议简化报销流程"
    assert patches[1] == {"forwarded_on": TODAY.isoformat(), "forwarded_to": "财务处",
                          "status": "forwarded"}
    assert patches[-1] == {"feedback_on": (TODAY + timedelta(days=1)).isoformat()}


def test_wrong_steps_are_refused_and_change_nothing(workspace):
    with workspace.unit_of_work() as uow:
        opinion = _entry(uow)
        uow.commit()
    cases = [
        lambda uow: op.forward(uow, opinion, " ", TODAY),
        lambda uow: op.forward(uow, opinion, "办公室", TODAY - timedelta(days=1)),
        lambda uow: op.answer(uow, opinion, "", "", "", TODAY),
        lambda uow: op.answer(uow, opinion, "好", "", "", TODAY, implemented=True),
        lambda uow: op.decline(uow, opinion, "  ", "", TODAY),
        lambda uow: op.record_feedback(uow, opinion, TODAY),
        lambda uow: op.record_opinion(uow, op.OpinionInput(
            TODAY, Channel.MEETING, Category.OTHER, "   ")),
    ]
    for case in cases:
        with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError):
            case(uow)
    with workspace.unit_of_work(read_only=True) as uow:
        assert op.get(uow, opinion, TODAY).status is Status.PENDING
        assert len(op.register(uow, TODAY)) == 1


def test_declined_with_its_reason_and_anonymous_keeps_no_name(workspace):
    with workspace.unit_of_work() as uow:
        opinion = _entry(uow, anonymous=True, proposer_name="不该留下的名字")
        op.decline(uow, opinion, "超出支部职权范围", "支委会", TODAY)
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        entry = op.get(uow, opinion, TODAY)
        row = uow.session.get(OpinionRow, opinion)
        kept = (row.proposer_name, row.member_id)
    assert entry.status is Status.DECLINED
    assert entry.decline_reason == "超出支部职权范围"
    assert (entry.proposer, *kept) == ("", "", None)


def test_time_limits_are_settings_and_overdue_items_are_listed(workspace):
    with workspace.unit_of_work() as uow:
        old = _entry(uow, "四十天前的建议", TODAY - timedelta(days=40))
        recent = _entry(uow, "十天前的作风问题", TODAY - timedelta(days=10),
                        category=Category.CONDUCT)
        answered = _entry(uow, "已答复的", TODAY - timedelta(days=60))
        op.answer(uow, answered, "已办", "", "", TODAY - timedelta(days=50))
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        assert [e.id for e in op.overdue(uow, TODAY)] == [old]
        assert op.time_limits(uow)[Category.CONDUCT] == 30
    with workspace.unit_of_work() as uow:
        op.set_time_limits(uow, {**op.time_limits(uow), Category.CONDUCT: 7})
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        assert [e.id for e in op.overdue(uow, TODAY)] == [old, recent]
        assert op.get(uow, recent, TODAY).due_on == TODAY - timedelta(days=3)
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError):
        op.set_time_limits(uow, {Category.OTHER: 0})


def test_units_and_the_discipline_contact_are_kept(workspace):
    with workspace.unit_of_work() as uow:
        op.set_units(uow, ["办公室", " 人事处 ", "办公室", ""])
        op.set_discipline_contact(uow, "机关纪委办公室 0571-8888 0000")
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        assert op.units(uow) == ["办公室", "人事处"]
        assert op.discipline_contact(uow) == "机关纪委办公室 0571-8888 0000"


def test_a_handover_to_the_discipline_committee_keeps_only_the_fact(workspace, tmp_path):
    with workspace.unit_of_work() as uow:
        op.set_discipline_contact(uow, "机关纪委 电话 1234")
        handed = op.record_handover(uow, TODAY, "JW-7")
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        entry = op.get(uow, handed, TODAY)
        assert entry.kind is Kind.MISCONDUCT
        assert entry.classification.value == "secret"
        assert not entry.overdue
        assert op.overdue(uow, TODAY + timedelta(days=400)) == []
        with pytest.raises(RecordNotFoundError):  # not an opinion: no course of its own
            op.forward(uow, handed, "办公室", TODAY)
    with workspace.unit_of_work() as uow:
        od.print_cover_slip(uow, handed, tmp_path / "cover.pdf", TODAY)
        uow.commit()
    text = _pdf_text(tmp_path / "cover.pdf")
    assert "检举控告材料移交单" in text
    assert "JW-7" in text
    assert "机关纪委 电话 1234" in text
    assert "秘密" in text


def test_the_transfer_slip_prints_the_entry_and_the_unit(workspace, tmp_path):
    with workspace.unit_of_work() as uow:
        opinion = _entry(uow, proposer_name="张三")
        with pytest.raises(InvalidInputError):
            od.print_transfer_slip(uow, opinion, tmp_path / "early.pdf", TODAY)
        op.forward(uow, opinion, "后勤服务中心", TODAY)
        od.print_transfer_slip(uow, opinion, tmp_path / "slip.pdf", TODAY)
        uow.commit()
    text = _pdf_text(tmp_path / "slip.pdf")
    for expected in ("党员意见建议转办单", "张三", "建议简化报销流程", "后勤服务中心",
                     "2026年12月6日", "2027年1月5日前", "业务工作", "书面"):
        assert expected in text, expected
    assert not (tmp_path / "early.pdf").exists()


def test_the_year_workbook_lists_opinions_and_only_counts_handovers(workspace, tmp_path):
    with workspace.unit_of_work() as uow:
        first = _entry(uow, "第一条", date(2026, 3, 1))
        op.forward(uow, first, "办公室", date(2026, 3, 2))
        _entry(uow, "第二条", date(2026, 5, 1), category=Category.CONDUCT)
        _entry(uow, "去年的", date(2025, 5, 1))
        op.record_handover(uow, date(2026, 6, 1), "JW-SECRET-REF")
        uow.commit()
    path = tmp_path / "意见建议.xlsx"
    with workspace.unit_of_work() as uow:
        done = od.export_year(uow, 2026, path, TODAY)
        uow.commit()
    assert (done.opinions, done.misconduct) == (2, 1)
    book = openpyxl.load_workbook(path)
    rows = book["登记表"].iter_rows(values_only=True)
    cells = [[c for c in row if c is not None] for row in rows]
    assert cells[0] == ["2026年度党员意见建议登记表"]
    texts = json.dumps(cells, ensure_ascii=False, default=str)
    assert "第一条" in texts
    assert "第二条" in texts
    assert "去年的" not in texts
    assert "JW-SECRET-REF" not in json.dumps(
        [list(r) for s in book for r in s.iter_rows(values_only=True)],
        ensure_ascii=False, default=str)
    summary = {row[0]: row[1:] for row in book["汇总"].iter_rows(min_row=4, values_only=True)
               if row and row[0]}
    assert summary["业务工作"] == (0, 1, 0, 0, 0, 1)
    assert summary["作风建设"] == (1, 0, 0, 0, 0, 1)
    assert summary["合计"] == (1, 1, 0, 0, 0, 2)
    assert summary["移交纪委的检举控告（件）"][0] == 1


def test_attachments_stay_with_the_opinion_and_never_with_a_handover(workspace):
    with workspace.unit_of_work() as uow:
        opinion = _entry(uow)
        handed = op.record_handover(uow, TODAY)
        attachment = op.add_attachment(uow, opinion, "来信.jpg", b"\xff\xd8photo")
        with pytest.raises(RecordNotFoundError):
            op.add_attachment(uow, handed, "材料.pdf", b"%PDF")
        with pytest.raises(InvalidInputError):
            op.add_attachment(uow, opinion, "big.bin", b"0" * (op.MAX_ATTACHMENT_BYTES + 1))
        uow.commit()
    with workspace.unit_of_work(read_only=True) as uow:
        assert op.attachments(uow, opinion) == [op.Attachment(attachment, "来信.jpg", 7)]
        assert op.attachment_data(uow, attachment) == b"\xff\xd8photo"
        assert op.attachments(uow, handed) == []
        queued = set(uow.session.scalars(select(OutboxEntry.entity)))
    assert "opinion_attachment" not in queued
