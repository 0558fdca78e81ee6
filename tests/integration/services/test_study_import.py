"""Study hours from a workbook: all or nothing, every problem named by row and column."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.domain.study import StudyForm
from app.errors import InvalidInputError, RosterFileError
from app.services import study, study_import
from app.storage.models import OutboxEntry, StudyEntryRow
from tests.integration.services.test_meetings import add_members, number

TODAY = date(2026, 11, 25)
HEADER = ["姓名", "身份证号码", "学习日期", "课程名称", "获得学时", "学习形式"]


def workbook(path, rows, header=HEADER, title=True):
    book = Workbook()
    sheet = book.active
    sheet.title = "学时导出"
    if title:
        sheet.append(["某某学习平台学时导出"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def entries(ws) -> int:
    with ws.unit_of_work(read_only=True) as uow:
        return int(uow.session.scalar(select(func.count()).select_from(StudyEntryRow)) or 0)


def plan(ws, path):
    with ws.unit_of_work(read_only=True) as uow:
        return study_import.plan_hours_import(uow, path, TODAY)


def test_a_platform_export_is_imported_by_id_number_or_name(workspace, tmp_path):
    ids = add_members(workspace, full=3)
    path = workbook(tmp_path / "export.xlsx", [
        ["党员00", number(0), "2026-03-15", "学习贯彻二十届三中全会精神", 2, "网络学习"],
        ["党员01", None, date(2026, 4, 2), "党史专题", "1.5", None],
        [None, number(2), 46100, "专题培训班", 24, "培训班"],  # an Excel date serial
        ["合计", None, None, None, 27.5, None],
    ])
    found = plan(workspace, path)
    assert found.errors == []
    assert [(p.row, p.name, p.hours) for p in found.rows] == [
        (3, "党员00", Decimal(2)), (4, "党员01", Decimal("1.5")), (5, "党员02", Decimal(24))]
    assert found.rows[1].form is StudyForm.ONLINE  # the default for a platform's export
    assert found.rows[2].form is StudyForm.TRAINING
    with workspace.unit_of_work() as uow:
        result = study_import.apply_hours_import(uow, found)
        uow.commit()
    assert (result.applied, result.hours) == (3, Decimal("27.5"))
    with workspace.unit_of_work(read_only=True) as uow:
        table = {line.member_id: line.total for line in study.year_table(uow, 2026, TODAY).lines}
        ops = uow.session.scalar(select(func.count()).select_from(OutboxEntry).where(
            OutboxEntry.entity == "study_entry"))
    assert [table[i] for i in ids] == [2, Decimal("1.5"), 24]
    assert ops == 3

    again = plan(workspace, path)  # the same export a second time counts once
    assert again.rows == ()
    assert again.already == 3
    assert {p.code for p in again.warnings} == {"already_recorded"}


def test_a_bad_file_is_refused_whole_naming_rows_and_columns(workspace, tmp_path):
    add_members(workspace, full=2)
    with workspace.unit_of_work() as uow:  # a second 党员00: the name alone is ambiguous
        from app.services import members as m

        m.create_member(uow, m.MemberInput(name="党员00", id_number=number(7)), TODAY)
        uow.commit()
    path = workbook(tmp_path / "bad.xlsx", [
        ["党员01", None, "2026-03-15", "好的一行", 2, None],
        ["党员00", None, "2026-03-15", "同名", 2, None],
        ["查无此人", None, "2026-03-15", "课程", 2, None],
        ["党员01", None, "2026.13.01", "课程", 2, None],
        ["党员01", None, "2026-03-16", "课程", "1.333", None],
        ["党员01", None, "2026-03-17", None, 0, "跳舞"],
        ["党员01", None, "2026-03-15", "好的一行", 2, None],
        ["党员01", "110105", "2026-03-18", "课程", 1, None],
    ])
    found = plan(workspace, path)
    by_place = {(p.row, p.column): p.code for p in found.errors}
    assert by_place == {
        (4, "A"): "name_ambiguous",
        (5, "A"): "unknown_member",
        (6, "C"): "not_a_date",
        (7, "E"): "too_precise",
        (8, "D"): "required",
        (8, "E"): "not_positive",
        (8, "F"): "unknown_value",
        (9, "D"): "same_study_in_file",
        (10, "B"): "bad_length",
    }
    assert next(p for p in found.errors if p.row == 6).value == "2026.13.01"
    with workspace.unit_of_work() as uow, pytest.raises(InvalidInputError):
        study_import.apply_hours_import(uow, found)
    assert entries(workspace) == 0


def test_a_file_without_the_columns_is_refused(workspace, tmp_path):
    path = workbook(tmp_path / "roster.xlsx", [["党员00", "2026-01-01"]], header=["姓名", "日期"])
    found = plan(workspace, path)
    assert [p.code for p in found.errors] == ["no_header"]
    text = tmp_path / "not.xlsx"
    text.write_text("姓名,学时", encoding="utf-8")
    with pytest.raises(RosterFileError):
        plan(workspace, text)


def test_the_template_reads_back_empty(workspace, tmp_path):
    from app.documents import study_hours

    path = tmp_path / "模板.xlsx"
    study_hours.write_template(path)
    found = plan(workspace, path)
    assert found.problems == ()
    assert found.rows == ()


def test_a_member_who_left_is_a_warning_and_the_row_is_left_out(workspace, tmp_path):
    from app.domain.members import MembershipStatus
    from app.services import members as m

    ids = add_members(workspace, full=2)
    with workspace.unit_of_work() as uow:
        m.record_leaving(uow, ids[1], MembershipStatus.TRANSFERRED_OUT, date(2026, 6, 1),
                         "工作调动", destination="外单位", letter_no="001")
        uow.commit()
    path = workbook(tmp_path / "export.xlsx", [
        ["党员00", number(0), "2026-03-15", "课程", 2, None],
        ["党员01", number(1), "2026-03-15", "课程", 2, None],
    ])
    found = plan(workspace, path)
    assert found.errors == []
    assert [(p.row, p.column, p.code) for p in found.warnings] == [(4, "B", "member_has_left")]
    assert [p.name for p in found.rows] == ["党员00"]
