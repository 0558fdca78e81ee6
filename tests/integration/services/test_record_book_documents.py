"""The 谈心谈话 workbook and the 整改台账 (xlsx and PDF) from a real encrypted database, read back
with openpyxl and pdftotext; each export is in the audit log."""

from __future__ import annotations

from datetime import date

import openpyxl
import pytest
from sqlalchemy import select

from app.domain.meetings import MeetingType
from app.domain.members import Classification
from app.domain.rectification import ItemStatus
from app.domain.talks import TalkKind
from app.errors import MissingGlyphsError
from app.services import rectification as r
from app.services import talks as t
from app.storage.models import AuditEntry
from tests.integration.services.test_meetings import add_members, new_meeting
from tests.unit.documents.test_minutes_pdf import compact, text_of

TODAY = date(2026, 12, 6)


def test_the_talks_workbook_lists_the_talks_and_the_pairs_not_covered(workspace, tmp_path):
    ids = add_members(workspace, full=3, committee=2)  # 1 + 2 pairs required
    with workspace.unit_of_work() as uow:
        t.create_talk(uow, t.TalkInput(
            on_date=date(2026, 3, 5), kind=TalkKind.REMINDER, topic="按时交纳党费",
            people=(ids[0], ids[2]), record="提醒按月交纳", follow_up="三月底前补交",
            classification=Classification.SECRET))
        path = tmp_path / "谈心谈话.xlsx"
        assert t.write_report(uow, 2026, path) == 1
        uow.commit()
        actions = list(uow.session.scalars(select(AuditEntry.action)))
    book = openpyxl.load_workbook(path)
    talks_sheet, pairs = book.worksheets
    rows = list(talks_sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0][2:] == ("提醒谈话", "党员00、党员02", "按时交纳党费", "提醒按月交纳",
                           "三月底前补交", "秘密")
    assert "应谈 3 对" in pairs["A2"].value
    assert "尚未谈话 2 对" in pairs["A2"].value
    missing = [row[1:] for row in pairs.iter_rows(min_row=4, values_only=True)]
    assert missing == [("委员之间", "党员00", "党员01"), ("委员与党员", "党员01", "党员02")]
    assert "talk.export" in actions


def _ledger(workspace) -> list[str]:
    ids = add_members(workspace, full=3, committee=1)
    old = new_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2025, 12, 10))
    meeting = new_meeting(workspace, MeetingType.ORGANIZATIONAL_LIFE, date(2026, 11, 20))
    with workspace.unit_of_work() as uow:
        r.create_item(uow, r.ItemInput(
            meeting_id=old, problem="去年的问题", owner_id=ids[0], measures="继续整改",
            due_on=date(2026, 6, 30)))
        r.create_item(uow, r.ItemInput(
            meeting_id=meeting, problem="联系群众不够", owner_id=ids[1], member_id=ids[1],
            measures="每月走访两户", due_on=date(2026, 12, 31), status=ItemStatus.DONE,
            done_on=date(2026, 12, 1), result="已走访八户"))
        uow.commit()
    return ids


def test_the_ledger_workbook_puts_carried_over_items_first(workspace, tmp_path):
    _ledger(workspace)
    path = tmp_path / "整改台账.xlsx"
    with workspace.unit_of_work() as uow:
        assert r.write_ledger(uow, 2026, TODAY, path) == 2
        uow.commit()
    sheet = openpyxl.load_workbook(path).active
    assert "共 2 项，已完成 1 项，逾期未完成 1 项" in sheet["A2"].value
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert rows[0][2:8] == ("支部委员会", "（上年结转）去年的问题", "继续整改", "党员00",
                            rows[0][6], "未整改（已逾期）")
    assert rows[1][2] == "党员01"
    assert rows[1][7] == "已完成（2026-12-01）"
    assert rows[1][8] == "已走访八户"


def test_the_ledger_pdf_prints_every_item(workspace, tmp_path):
    _ledger(workspace)
    path = tmp_path / "整改台账.pdf"
    with workspace.unit_of_work() as uow:
        r.write_ledger(uow, 2026, TODAY, path)
        uow.commit()
    text = compact(text_of(path))
    for words in ("2026年组织生活会整改台账", "去年的问题", "每月走访两户", "已走访八户",
                  "上年结转", "第1页共1页"):
        assert words in text


def test_a_character_the_font_cannot_print_writes_nothing(workspace, tmp_path):
    ids = _ledger(workspace)
    with workspace.unit_of_work() as uow:
        meeting = r.life_meetings(uow)[0].id
        r.create_item(uow, r.ItemInput(meeting_id=meeting, problem="\U0001F600", owner_id=ids[0],
                                       measures="x", due_on=date(2027, 1, 1)))
        with pytest.raises(MissingGlyphsError):
            r.write_ledger(uow, 2026, TODAY, tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
