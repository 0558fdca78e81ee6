"""Issue 15 on a real encrypted database: dated categories, quarterly payers (第十二条), hardship
reliefs (第七条) in the arrears list (第十三条), the dues settings (rounding, 第六条)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.domain.calendar import Month, month_range
from app.domain.dues import (
    ArrearsLevel,
    DuesSettings,
    HardshipRelief,
    PersonCategory,
    ReliefKind,
)
from app.domain.money import Precision, RoundingMode, RoundingSetting
from app.errors import InvalidInputError
from app.services import dues as d
from app.services import dues_terms as t
from app.services import members as m
from app.storage.models import MemberRow, OutboxEntry, Setting
from tests.conftest import id_number as number

D = Decimal


@pytest.fixture
def branch(workspace):
    """A worker on 6,000 a month, a student, and two more workers on 4,000."""
    with workspace.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                      date(2025, 1, 1)),
            "student": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(2), category=PersonCategory.STUDENT),
                date(2025, 1, 1)),
            "quarterly": m.create_member(uow, m.MemberInput(name="孙季", id_number=number(3)),
                                         date(2025, 1, 1)),
            "monthly": m.create_member(uow, m.MemberInput(name="周月", id_number=number(4)),
                                       date(2025, 1, 1)),
        }
        d.set_base(uow, ids["worker"], Month(2025, 1), D("6000"))
        d.set_base(uow, ids["quarterly"], Month(2025, 1), D("4000"))
        d.set_base(uow, ids["monthly"], Month(2025, 1), D("4000"))
        uow.commit()
    return workspace, ids


def generate(ws, *months: Month) -> None:
    with ws.unit_of_work() as uow:
        for month in months:
            d.generate_month(uow, month)
        uow.commit()


def due(ws, member_id: str, month: Month) -> Decimal:
    with ws.unit_of_work() as uow:
        return d.ledger(uow).balance(member_id, month).due


# ---------------------------------------------------------------- dated categories


def test_a_july_retirement_leaves_june_at_the_in_work_rate(branch):
    """Issue 15's example: a member who retires in July owes the 在职 rate through June (第二条:
    1.5% of 6,000 = 90.00), the retiree rate from July (第五条: 1% = 60.00), even when June is
    generated after the member's category was changed on the member form in July."""
    ws, ids = branch
    generate(ws, *month_range(Month(2025, 1), Month(2025, 5)))
    with ws.unit_of_work() as uow:
        data = m.input_of(uow.session.get(MemberRow, ids["worker"]))
        data = replace(data, category=PersonCategory.RETIRED)
        m.update_member(uow, ids["worker"], data, date(2025, 7, 10))
        uow.commit()
    generate(ws, Month(2025, 6), Month(2025, 7))
    assert due(ws, ids["worker"], Month(2025, 6)) == D("90.00")
    assert due(ws, ids["worker"], Month(2025, 7)) == D("60.00")
    with ws.unit_of_work() as uow:
        sent = [json.loads(e.patch) for e in uow.session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity == "dues_category"))]
    assert sent == [{"member_id": ids["worker"], "effective_month": "2025-07",
                     "category": "retired", "previous": "in_work", "classification": "internal"}]
    with ws.unit_of_work() as uow:  # review of issue 15: the 党费 page said 离退休 for June
        june = {line.member_id: line for line in d.month_sheet(uow, Month(2025, 6))}
        july = {line.member_id: line for line in d.month_sheet(uow, Month(2025, 7))}
    assert (june[ids["worker"]].category, june[ids["worker"]].due) == (
        PersonCategory.IN_WORK, D("90.00"))
    assert july[ids["worker"]].category is PersonCategory.RETIRED


def test_a_dated_change_names_the_months_already_generated(branch):
    """A change recorded in August for July: the member's record says 离退休 (in force now), June
    stays 在职, and July — already generated at the old rate — is named for a correction."""
    ws, ids = branch
    generate(ws, Month(2025, 7))
    with ws.unit_of_work() as uow:
        result = t.change_category(uow, ids["worker"], Month(2025, 7), PersonCategory.RETIRED,
                                   date(2025, 8, 3))
        with pytest.raises(InvalidInputError) as refused:
            t.change_category(uow, ids["worker"], Month(2025, 9), PersonCategory.RETIRED,
                              date(2025, 8, 3))
        uow.commit()
    assert [p.code for p in refused.value.problems] == ["unchanged"]
    assert result.change.previous is PersonCategory.IN_WORK
    assert result.already_generated == (Month(2025, 7),)
    generate(ws, Month(2025, 6), Month(2025, 8))
    assert due(ws, ids["worker"], Month(2025, 6)) == D("90.00")
    assert due(ws, ids["worker"], Month(2025, 8)) == D("60.00")
    with ws.unit_of_work() as uow:
        assert uow.session.get(MemberRow, ids["worker"]).category == "retired"


# ---------------------------------------------------------------- quarterly payers (第十二条)


def test_a_quarterly_payer_is_in_arrears_by_the_quarter(branch):
    """第十二条 with 第十三条: on 15 June, with nothing paid this year, the monthly payer has five
    unpaid months (severe); the quarterly payer has one unpaid quarter (three months, warning):
    April and May belong to a quarter that is not over."""
    ws, ids = branch
    generate(ws, *month_range(Month(2025, 1), Month(2025, 6)))
    with ws.unit_of_work() as uow:
        t.agree_quarterly(uow, ids["quarterly"], date(2024, 12, 20), Month(2025, 1))
        uow.commit()
    with ws.unit_of_work() as uow:
        listed = {e.member_id: e.arrears for e in d.arrears_list(uow, date(2025, 6, 15))}
    assert listed[ids["monthly"]].level is ArrearsLevel.SEVERE
    assert listed[ids["quarterly"]].level is ArrearsLevel.WARNING
    assert listed[ids["quarterly"]].consecutive_months == 3
    assert listed[ids["quarterly"]].by_quarter


def test_quarterly_consent_is_checked_listed_and_ended(branch):
    ws, ids = branch
    with ws.unit_of_work() as uow:
        for start, until, code in ((Month(2025, 2), None, "not_a_quarter_start"),
                                   (Month(2025, 1), Month(2025, 5), "not_a_quarter_end"),
                                   (Month(2025, 4), Month(2025, 3), "ends_before_start")):
            with pytest.raises(InvalidInputError) as bad:
                t.agree_quarterly(uow, ids["quarterly"], date(2025, 1, 2), start, until)
            assert [p.code for p in bad.value.problems] == [code]
        consent = t.agree_quarterly(uow, ids["quarterly"], date(2025, 1, 2), Month(2025, 1))
        with pytest.raises(InvalidInputError) as overlap:
            t.agree_quarterly(uow, ids["quarterly"], date(2025, 5, 2), Month(2025, 7))
        assert [p.code for p in overlap.value.problems] == ["overlaps_quarterly"]
        t.end_quarterly(uow, consent, Month(2025, 6))
        later = t.agree_quarterly(uow, ids["quarterly"], date(2025, 9, 2), Month(2025, 10))
        uow.commit()
    with ws.unit_of_work() as uow:
        lines = t.quarterly_consents(uow, ids["quarterly"])
    assert [(line.consent_id, line.consent.valid_until) for line in lines] == [
        (consent, Month(2025, 6)), (later, None)]


# ---------------------------------------------------------------- exempt and 0.00 months


def test_the_arrears_list_tells_an_exempt_month_from_a_zero_month(branch):
    """第十三条: April exempted under 第七条 ends the run (3 months, warning, April shown as
    exempt); April at 0.00 from a base of 0 is bridged (6 months: the branch must consider
    第十三条, April shown as bridged)."""
    ws, ids = branch
    april = Month(2025, 4)
    with ws.unit_of_work() as uow:
        d.add_relief(uow, ids["quarterly"], HardshipRelief(
            ReliefKind.EXEMPT, "机关党委", date(2025, 3, 28), april, april))
        d.set_base(uow, ids["monthly"], april, D("0"))
        d.set_base(uow, ids["monthly"], Month(2025, 5), D("4000"))
        uow.commit()
    generate(ws, *month_range(Month(2025, 1), Month(2025, 7)))
    assert due(ws, ids["quarterly"], april) == due(ws, ids["monthly"], april) == D("0.00")
    with ws.unit_of_work() as uow:
        listed = {e.member_id: e for e in d.arrears_list(uow, date(2025, 8, 1))}
    exempt, zero = listed[ids["quarterly"]], listed[ids["monthly"]]
    assert (exempt.arrears.consecutive_months, exempt.arrears.level) == (3, ArrearsLevel.WARNING)
    assert exempt.exempt == (april,)
    assert exempt.arrears.bridged == ()
    assert (zero.arrears.consecutive_months, zero.arrears.level) == (6, ArrearsLevel.LAPSED)
    assert zero.arrears.bridged == (april,)
    assert zero.exempt == ()


def test_reliefs_are_listed_for_the_member(branch):
    ws, ids = branch
    relief = HardshipRelief(ReliefKind.REDUCED, "机关党委", date(2025, 3, 1), Month(2025, 3),
                            Month(2025, 12), reduced_amount=D("10.00"))
    with ws.unit_of_work() as uow:
        relief_id = d.add_relief(uow, ids["worker"], relief)
        uow.commit()
    with ws.unit_of_work() as uow:
        assert t.reliefs_of(uow, ids["worker"]) == [t.ReliefLine(relief_id, relief)]


# ---------------------------------------------------------------- settings (rounding, 第六条)


def test_generate_month_takes_the_branchs_settings(branch):
    """The rounding rule and the fixed amounts of 第六条 are settings with the national defaults;
    ``generate_month`` uses the saved ones (before: always the defaults)."""
    ws, ids = branch
    with ws.unit_of_work() as uow:
        assert t.dues_settings(uow) == DuesSettings()
        t.save_dues_settings(uow, DuesSettings(
            rounding=RoundingSetting(RoundingMode.HALF_UP, Precision.YUAN),
            student_amount=D("0.50"),
        ))
        d.set_base(uow, ids["worker"], Month(2025, 2), D("6030"))  # 1.5%: 90.45
        uow.commit()
    generate(ws, Month(2025, 2))
    assert due(ws, ids["student"], Month(2025, 2)) == D("0.50")
    assert due(ws, ids["worker"], Month(2025, 2)) == D("90.00")


def test_settings_from_text_name_every_bad_field_and_bad_stored_values_are_the_defaults(branch):
    ws, _ids = branch
    with pytest.raises(InvalidInputError) as bad:
        t.settings_from_text("sideways", "fen", "1.50", "0.2", "abc", "0.20")
    assert [(p.field, p.code) for p in bad.value.problems] == [
        ("farmer_amount", "farmer_amount"), ("unemployed_amount", "fixed_amount"),
        ("rounding", "not_a_choice")]
    found = t.settings_from_text("down", "jiao", "0.80", "0.20", "0.30", "0.20")
    assert (found.farmer_amount, found.unemployed_amount) == (D("0.80"), D("0.30"))
    with ws.unit_of_work() as uow:
        uow.session.merge(Setting(key="dues.fixed.student", value="7"))
        uow.session.merge(Setting(key="dues.rounding.mode", value="?"))
        uow.commit()
    with ws.unit_of_work() as uow:
        assert t.dues_settings(uow) == DuesSettings()


def test_the_arrears_sheet_says_how_the_months_counted(branch, tmp_path):
    """The year workbook's 欠缴党费名单 (第十三条) words the same: exempt April ends the run,
    April at 0.00 is counted through, and the rule is under the table."""
    from openpyxl import load_workbook

    from app.documents import dues_reports as doc
    from app.services import dues_reports

    ws, ids = branch
    april = Month(2025, 4)
    with ws.unit_of_work() as uow:
        d.add_relief(uow, ids["quarterly"], HardshipRelief(
            ReliefKind.EXEMPT, "机关党委", date(2025, 3, 28), april, april))
        d.set_base(uow, ids["monthly"], april, D("0"))
        d.set_base(uow, ids["monthly"], Month(2025, 5), D("4000"))
        for month in month_range(Month(2025, 1), Month(2025, 7)):
            d.generate_month(uow, month)
        dues_reports.export_year(uow, 2025, tmp_path / "2025.xlsx", date(2025, 8, 1))
        uow.commit()
    sheet = load_workbook(tmp_path / "2025.xlsx")[doc.ARREARS_SHEET]
    hints = {row[1].value: row[8].value for row in sheet.iter_rows(min_row=4)
             if row[1].value in ("孙季", "周月")}
    assert hints["周月"].endswith("；2025年4月应交0.00元，不中断连续计算")
    assert hints["孙季"].endswith("；2025年4月经批准免交，连续计算中断")
    assert any("第七条" in str(row[0].value) for row in sheet.iter_rows(min_row=4))


def test_a_category_changed_back_in_the_same_month_leaves_no_change(branch):
    """A slip on the member form corrected the same month: the dated change is withdrawn
    (tombstoned, sent as such), not turned into "在职 from July, 离退休 before"."""
    ws, ids = branch
    with ws.unit_of_work() as uow:
        data = m.input_of(uow.session.get(MemberRow, ids["worker"]))
        m.update_member(uow, ids["worker"], replace(data, category=PersonCategory.RETIRED),
                        date(2025, 7, 10))
        m.update_member(uow, ids["worker"], data, date(2025, 7, 11))
        uow.commit()
    with ws.unit_of_work() as uow:
        assert t.categories_by_member(uow, [ids["worker"]]) == {}
        last = [json.loads(e.patch) for e in uow.session.scalars(
            select(OutboxEntry).where(OutboxEntry.entity == "dues_category"))][-1]
    assert set(last) == {"deleted_at"}
    generate(ws, Month(2025, 6), Month(2025, 7))
    assert due(ws, ids["worker"], Month(2025, 6)) == due(ws, ids["worker"], Month(2025, 7)) \
        == D("90.00")
    with ws.unit_of_work() as uow:
        result = t.change_category(uow, ids["worker"], Month(2025, 9), PersonCategory.RETIRED,
                                   date(2025, 8, 1))
        undone = t.change_category(uow, ids["worker"], Month(2025, 9), PersonCategory.IN_WORK,
                                   date(2025, 8, 1))
        uow.commit()
    assert result.change is not None
    assert undone.change is None
