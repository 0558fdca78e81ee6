"""Bases from a payroll workbook: checked whole, applied all or nothing, problems by row/column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.domain.calendar import Month
from app.domain.dues import PersonCategory
from app.domain.members import Severity
from app.errors import InvalidInputError, RosterFileError
from app.services import dues as d
from app.services import dues_import as imp
from app.services import members as m
from app.storage.models import AuditEntry, DuesBaseRow
from tests.conftest import id_number as number

D = Decimal
TODAY = date(2026, 1, 5)


@pytest.fixture
def branch(workspace):
    with workspace.unit_of_work() as uow:
        ids = {
            "wang": m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)), TODAY),
            "li": m.create_member(uow, m.MemberInput(
                name="李老", id_number=number(2), category=PersonCategory.RETIRED), TODAY),
            "zhao": m.create_member(uow, m.MemberInput(
                name="赵生", id_number=number(3), category=PersonCategory.STUDENT), TODAY),
            "sun": m.create_member(uow, m.MemberInput(name="孙同", id_number=number(4)), TODAY),
        }
        d.set_base(uow, ids["sun"], Month(2025, 1), D("6000.00"))
        uow.commit()
    return workspace, ids


def payroll(path: Path, rows: list[list[object]]) -> Path:
    """A payroll as finance offices send it: title, note, header, rows, a totals footer."""
    book = Workbook()
    sheet = book.active
    sheet.title = "2026年1月"
    sheet.append(["市财政局2026年1月工资发放表"])
    sheet.append(["单位：元"])
    sheet.append(["序号", "姓名", "身份证号码", "应发工资", "个人所得税", "实发工资"])
    for index, row in enumerate(rows, start=1):
        sheet.append([index, *row])
    sheet.append(["合计"])
    book.save(path)
    return path


def count_bases(ws) -> int:
    with ws.unit_of_work() as uow:
        return uow.session.scalar(select(func.count()).select_from(DuesBaseRow))


def test_bad_rows_apply_nothing_and_are_named_by_row_and_column(branch, tmp_path):
    ws, _ids = branch
    unknown = number(9)
    path = payroll(tmp_path / "工资表.xlsx", [
        ["王工", number(1), 9000, 300, 8700],  # row 4: fine
        ["李老", 110105197201010021, 6000, 0, 6000],  # row 5: Excel cut the ID number
        ["某人", unknown, 5000, 0, 5000],  # row 6: nobody in the register
        ["孙同", number(4), 7000, 0, "七千"],  # row 7: not an amount
        ["王工", number(1), 9000, 300, 4833.3333],  # row 8: twice, and below the fen
        ["赵生", number(3), 0, 0, 100],  # row 9: a student pays a fixed amount (warning)
    ])
    with ws.unit_of_work() as uow:
        plan = imp.plan_base_import(uow, path, 2026, TODAY)
    errors = {(p.row, p.column, p.field, p.code) for p in plan.errors}
    assert errors == {
        (5, "C", "id_number", "precision_lost"),
        (6, "C", "id_number", "unknown_member"),
        (7, "F", "base", "not_an_amount"),
        (8, "C", "id_number", "duplicate_in_file"),
        (8, "F", "base", "not_whole_fen"),
    }
    assert all(p.sheet == "2026年1月" for p in plan.problems)
    assert next(p for p in plan.errors if p.code == "duplicate_in_file").other_row == 4
    warnings = {(p.row, p.code) for p in plan.warnings}
    assert warnings == {(9, "no_base_needed")}
    assert [p.row for p in plan.problems] == sorted(p.row for p in plan.problems)

    before = count_bases(ws)
    with ws.unit_of_work() as uow, pytest.raises(InvalidInputError):
        imp.apply_base_import(uow, plan)
    assert count_bases(ws) == before


def test_a_fixed_payroll_is_applied_from_january(branch, tmp_path):
    ws, _ids = branch
    path = payroll(tmp_path / "工资表.xlsx", [
        ["王工", number(1), "9,000.00", 300, "8,700.50"],
        ["李老", str(number(2)), 6000, 0, 6000],
        ["孙同", number(4), 6000, 0, 6000],  # the base in force already: unchanged
    ])
    with ws.unit_of_work() as uow:
        plan = imp.plan_base_import(uow, path, 2026, TODAY)
        assert not plan.has_errors
        assert [(r.name, r.base) for r in plan.rows] == [("王工", D("8700.50")),
                                                         ("李老", D("6000"))]
        assert plan.unchanged == 1
        result = imp.apply_base_import(uow, plan)
        uow.commit()
    assert (result.applied, result.unchanged) == (2, 1)
    with ws.unit_of_work() as uow:
        lines = {line.name: line for line in d.base_lines(uow, 2026)}
        audit = uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "dues.base_import")
        ).one()
    assert lines["王工"].current == D("8700.50")
    assert lines["李老"].current == D("6000.00")
    assert lines["孙同"].current == D("6000.00")
    assert "工资表.xlsx" in audit
    # the new base gives the new amounts due (第二条: 8700.50 x 1.5% = 130.5075 -> 130.51)
    with ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2026, 1))
        uow.commit()
        due = {line.name: line.due for line in d.month_sheet(uow, Month(2026, 1))}
    assert due["王工"] == D("130.51")


def test_a_month_applies_from_that_month_and_names_mismatch_as_warning(branch, tmp_path):
    ws, _ids = branch
    path = payroll(tmp_path / "p.xlsx", [["王二", number(1), 5000, 0, 5200]])
    with ws.unit_of_work() as uow:
        plan = imp.plan_base_import(uow, path, Month(2026, 7), TODAY)
        assert [(p.row, p.column, p.code, p.severity) for p in plan.problems] == [
            (4, "B", "name_mismatch", Severity.WARNING)
        ]
        imp.apply_base_import(uow, plan)
        uow.commit()
        lines = {line.name: line for line in d.base_lines(uow, 2026)}
    assert lines["王工"].current == D("5200.00")


def test_a_file_without_a_payroll_header_is_one_problem(branch, tmp_path):
    ws, _ids = branch
    book = Workbook()
    book.active.append(["说明", "本表仅供参考"])
    path = tmp_path / "说明.xlsx"
    book.save(path)
    with ws.unit_of_work() as uow:
        plan = imp.plan_base_import(uow, path, 2026, TODAY)
    assert [(p.field, p.code) for p in plan.errors] == [("file", "no_header")]


def test_not_a_workbook(branch, tmp_path):
    ws, _ids = branch
    path = tmp_path / "x.xlsx"
    path.write_text("not a workbook")
    with ws.unit_of_work() as uow, pytest.raises(RosterFileError) as caught:
        imp.plan_base_import(uow, path, 2026, TODAY)
    assert caught.value.reason == "not_xlsx"
