"""Roster import and export on a real encrypted database: all or nothing, updates instead of
duplicates, round trips, and the demo branch."""

from __future__ import annotations

import json
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.documents import roster as sheet
from app.domain import members as rules
from app.domain.development import Stage
from app.domain.id_numbers import check_character
from app.domain.members import MembershipStatus, Severity
from app.errors import InvalidInputError, RosterFileError, SecretExportConfirmationRequired
from app.services import demo, members, roster
from app.services.members import MemberFilter, StatusFilter
from app.services.workspace import Workspace
from app.storage.models import AuditEntry, MemberRow, OutboxEntry
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE

TODAY = date(2026, 7, 1)
HEADER = ["序号", "姓名", "性别", "民族", "出生年月", "公民身份号码", "文化程度", "入党时间",
          "转正时间", "工作单位及职务", "联系电话", "党小组"]


def id_number(birth: str, seq: str = "123", area: str = "420102") -> str:
    first17 = f"{area}{birth}{seq}"
    return first17 + check_character(first17)


def write(path: Path, rows: list[list[object]], header: list[str] = HEADER) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "党员名册"
    ws.append(["市财政局机关第一党支部党员花名册"])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(["填报日期：2026年6月30日"])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(header))
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def good_rows() -> list[list[object]]:
    return [
        [1, "张伟", "男", "汉族", "1980.03", id_number("19800312", "131"), "大学本科",
         "2005.07.01", "2006-07-01", "市财政局 预算科科长", "13800138000", "第一党小组"],
        [2, "李娜", "女", "回族", "1985年5月", id_number("19850520", "242"), "硕士",
         "2010年6月30日", "2011/6/30", "市财政局国库科", "13900139000", "第二党小组"],
        [3, "王芳", "女", "汉族", "1978.11", id_number("19781102", "020"), "大专",
         "2001.7", "2002.7", "市国库收付中心 主任", "027-85551234", "第一党小组"],
        [4, "刘强", "男", "土家族", "1992.08", id_number("19920818", "111").lower(), "本科",
         "2016.06.28", "2017.06.28", "市政府采购中心 科员", "13700137000", ""],
    ]


def plan(ws: Workspace, path: Path, mapping=None) -> roster.ImportPlan:
    with ws.unit_of_work() as uow:
        return roster.plan_import(uow, path, TODAY, mapping)


def apply(ws: Workspace, the_plan: roster.ImportPlan) -> roster.ImportResult:
    with ws.unit_of_work() as uow:
        result = roster.apply_import(uow, the_plan, TODAY)
        uow.commit()
    return result


def count(ws: Workspace) -> int:
    with ws.unit_of_work() as uow:
        return members.count_members(uow, MemberFilter(status=StatusFilter.ALL))


def test_three_kinds_of_bad_rows_import_nothing_and_are_named(workspace, tmp_path):
    rows = good_rows()
    rows[0][5] = rows[0][5][:-1] + ("0" if rows[0][5][-1] != "0" else "1")  # check character
    rows[1][5] = float(rows[1][5])  # Excel made it a number: digits lost
    rows[2][7] = "2001年13月"  # no such month
    path = write(tmp_path / "花名册.xlsx", rows)
    the_plan = plan(workspace, path)
    assert the_plan.has_errors
    assert [(p.row, p.column, p.field, p.code) for p in the_plan.errors] == [
        (4, "F", "id_number", "bad_check_char"),
        (5, "F", "id_number", "precision_lost"),
        (6, "H", "admission_date", "not_a_date"),
    ]
    assert {p.sheet for p in the_plan.errors} == {"党员名册"}
    with pytest.raises(InvalidInputError):
        apply(workspace, the_plan)
    assert count(workspace) == 0

    fixed = write(tmp_path / "花名册（改）.xlsx", good_rows())
    the_plan = plan(workspace, fixed)
    assert the_plan.errors == []
    assert apply(workspace, the_plan) == roster.ImportResult(created=4, updated=0, unchanged=0)
    assert count(workspace) == 4
    with workspace.unit_of_work() as uow:
        number = id_number("19800312", "131")
        member = members.get_member(uow, members.find_by_id_number(uow, number) or "")
        groups = {g.name: g.member_count for g in members.party_groups(uow)}
        lowercase = members.find_by_id_number(uow, id_number("19920818", "111"))
    assert member.data.name == "张伟"
    assert member.data.work_unit == "市财政局"
    assert member.data.job_title == "预算科科长"
    assert member.data.birth_date == date(1980, 3, 12)  # 出生年月 1980.03, the day from the ID
    assert member.data.admission_date == date(2005, 7, 1)
    assert member.data.education == "20"
    assert member.party_group_name == "第一党小组"
    assert groups == {"第一党小组": 2, "第二党小组": 1}  # created from the file
    assert lowercase is not None  # stored upper-case, found again


def test_birth_month_differs_from_the_id_number_is_a_warning_only(workspace, tmp_path):
    rows = good_rows()[:1]
    rows[0][4] = "1980.04"  # the ID number says March
    the_plan = plan(workspace, write(tmp_path / "r.xlsx", rows))
    assert not the_plan.has_errors
    assert [(p.column, p.field, p.code, p.severity) for p in the_plan.warnings] == [
        ("E", "birth_date", "birth_date_mismatch", Severity.WARNING),
    ]
    assert apply(workspace, the_plan).created == 1


def test_duplicates_within_the_file(workspace, tmp_path):
    rows = good_rows()
    rows.append([5, "张伟", "男", "汉族", "1980.03", rows[0][5], "本科", "", "", "", "", ""])
    the_plan = plan(workspace, write(tmp_path / "r.xlsx", rows))
    [problem] = the_plan.errors
    assert (problem.row, problem.column, problem.code, problem.other_row) == (
        8, "F", "duplicate_in_file", 4
    )


def test_reimport_updates_instead_of_duplicating(workspace, tmp_path):
    path = write(tmp_path / "r.xlsx", good_rows())
    apply(workspace, plan(workspace, path))
    again = plan(workspace, path)
    assert again.count(roster.Action.UNCHANGED) == 4
    assert apply(workspace, again) == roster.ImportResult(created=0, updated=0, unchanged=4)

    rows = good_rows()
    rows[1][10] = "13912345678"
    rows[3][11] = "第三党小组"
    changed = plan(workspace, write(tmp_path / "r2.xlsx", rows))
    assert changed.count(roster.Action.UPDATE) == 2
    assert changed.new_party_groups == ("第三党小组",)
    assert apply(workspace, changed) == roster.ImportResult(created=0, updated=2, unchanged=2)
    assert count(workspace) == 4
    with workspace.unit_of_work() as uow:
        li = members.get_member(uow, members.find_by_id_number(uow, rows[1][5]) or "")
        patches = [json.loads(p) for p in uow.session.scalars(
            select(OutboxEntry.patch).where(OutboxEntry.entity_id == li.id)
        )]
    assert li.data.phone == "13912345678"
    assert patches[-1] == {"phone": "13912345678"}  # only the changed field is synced


def test_a_roster_without_some_columns_keeps_what_the_register_has(workspace, tmp_path):
    apply(workspace, plan(workspace, write(tmp_path / "r.xlsx", good_rows())))
    short = write(tmp_path / "short.xlsx", [["张伟", good_rows()[0][5], "13811112222"]],
                  header=["姓名", "身份证号码", "手机号"])
    the_plan = plan(workspace, short)
    assert the_plan.count(roster.Action.UPDATE) == 1
    apply(workspace, the_plan)
    with workspace.unit_of_work() as uow:
        member = members.get_member(uow, members.find_by_id_number(uow, good_rows()[0][5]) or "")
    assert member.data.phone == "13811112222"
    assert member.data.work_unit == "市财政局"  # not in the file: unchanged
    assert member.party_group_name == "第一党小组"


def test_unknown_header_and_mapping(workspace, tmp_path):
    header = ["姓名", "身份证号", "户籍所在地", "个人爱好"]
    path = write(tmp_path / "r.xlsx", [["张伟", good_rows()[0][5], "湖北武汉", "读书"]], header)
    the_plan = plan(workspace, path)
    assert [(u.column, u.text) for u in the_plan.unknown_headers] == [
        ("C", "户籍所在地"), ("D", "个人爱好"),
    ]
    assert [(p.row, p.column, p.code) for p in the_plan.warnings] == [
        (3, "C", "unknown_column"), (3, "D", "unknown_column"),
    ]
    assert not the_plan.has_errors
    mapped = plan(workspace, path, {"户籍所在地": "native_place", "个人爱好": None})
    assert mapped.unknown_headers == ()
    assert mapped.problems == ()
    apply(workspace, mapped)
    with workspace.unit_of_work() as uow:
        member = members.get_member(uow, members.find_by_id_number(uow, good_rows()[0][5]) or "")
    assert member.data.native_place == "湖北武汉"


def test_not_a_roster_is_a_typed_error(workspace, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(RosterFileError) as caught:
        plan(workspace, bad)
    assert caught.value.reason == "not_xlsx"


def test_500_rows_with_merged_title_rows_import_fully(workspace, tmp_path):
    people = demo.demo_people(500, TODAY, seed=7)
    header = ["序号", "姓名", "性别", "民族", "出生日期", "身份证号码", "籍贯", "学历", "学位",
              "工作单位", "职务", "手机号码", "人员类别", "党员类型", "入党日期", "转正日期"]
    rows = []
    for index, person in enumerate(people, start=1):
        d = person.data
        rows.append([
            index, d.name, "男" if d.gender and d.gender.value == "1" else "女",
            sheet.cell_text(sheet.BY_FIELD["ethnic_group"], d.ethnic_group), d.birth_date,
            d.id_number, d.native_place,
            sheet.cell_text(sheet.BY_FIELD["education"], d.education),
            sheet.cell_text(sheet.BY_FIELD["degree"], d.degree), d.work_unit, d.job_title,
            d.phone, sheet.cell_text(sheet.BY_FIELD["category"], d.category),
            sheet.cell_text(sheet.BY_FIELD["stage"], d.stage),
            d.admission_date.strftime("%Y.%m.%d") if d.admission_date else None,
            d.full_date.strftime("%Y年%m月%d日") if d.full_date else None,
        ])
    path = write(tmp_path / "500.xlsx", rows, header)
    the_plan = plan(workspace, path)
    in_development = [p for p in people if p.data.stage not in (Stage.FULL, Stage.PROBATIONARY)]
    # Those in development need their stage's start date, which this roster lacks.
    assert {(p.field, p.code) for p in the_plan.errors} <= {
        ("application_date", "required_for_stage"), ("activist_date", "required_for_stage"),
        ("candidate_date", "required_for_stage"),
    }
    assert len(the_plan.errors) == len(in_development)
    keep = [r for r, p in zip(rows, people, strict=True) if p not in in_development]
    the_plan = plan(workspace, write(tmp_path / "500b.xlsx", keep, header))
    assert the_plan.errors == []
    assert apply(workspace, the_plan).created == len(keep)
    assert count(workspace) == len(keep) > 400


def test_export_then_import_round_trips_identically(workspace, tmp_path):
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, 80)
        uow.commit()
    path = tmp_path / "导出.xlsx"
    with workspace.unit_of_work() as uow:
        result = roster.export_roster(uow, path, TODAY, PROFILE.name)
        uow.commit()
    with workspace.unit_of_work() as uow:
        active = [members.get_member(uow, i) for i in
                  members.member_ids(uow, MemberFilter(status=StatusFilter.ACTIVE))]
        detail = uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "member.export")
        ).one()
    assert result.members == len(active) > 60
    assert json.loads(detail)["path"] == str(path)
    title = load_workbook(path).active["A1"].value
    assert PROFILE.name in title

    # Into another branch's empty database: every member comes back with the same fields.
    other = Workspace(tmp_path / "other", kdf=FAST_KDF)
    other.create(PROFILE, PASSPHRASE)
    the_plan = plan(other, path)
    assert the_plan.errors == []
    assert apply(other, the_plan).created == len(active)
    with other.unit_of_work() as uow:
        imported = {
            m.data.id_number: m for m in (
                members.get_member(uow, i)
                for i in members.member_ids(uow, MemberFilter(status=StatusFilter.ALL))
            )
        }
    for member in active:
        twin = imported[member.data.id_number]
        assert twin.party_group_name == member.party_group_name
        assert replace(twin.data, party_group_id=None) == replace(
            member.data, party_group_id=None
        ), member.data.name
    assert other.check().ok
    other.lock()

    # And into the same database: nothing new, nothing changed.
    again = plan(workspace, path)
    assert again.count(roster.Action.UNCHANGED) == len(active)
    assert again.count(roster.Action.CREATE) == 0


def test_imports_are_audited_and_queued_for_sync(workspace, tmp_path):
    path = write(tmp_path / "r.xlsx", good_rows())
    apply(workspace, plan(workspace, path))
    with workspace.unit_of_work() as uow:
        ids = set(uow.session.scalars(select(MemberRow.id)))
        created = set(uow.session.scalars(
            select(AuditEntry.entity_id).where(AuditEntry.action == "member.create")
        ))
        ops = {
            op.entity_id: json.loads(op.patch)
            for op in uow.session.scalars(select(OutboxEntry).where(OutboxEntry.entity == "member"))
        }
        summary = uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "member.import")
        ).one()
        hlcs = list(uow.session.scalars(select(OutboxEntry.hlc).order_by(OutboxEntry.seq)))
        data = members.get_member(uow, next(iter(ids))).data
    assert created == ids == set(ops)
    assert ops[next(iter(ids))] == members.wire_fields(data)
    assert json.loads(summary) == {"file": "r.xlsx", "created": 4, "updated": 0, "unchanged": 0}
    assert hlcs == sorted(hlcs)
    assert len(set(hlcs)) == len(hlcs)
    assert workspace.check().ok  # the audit chain holds


def test_a_plan_is_rechecked_when_the_register_changed(workspace, tmp_path):
    path = write(tmp_path / "r.xlsx", good_rows())
    first, second = plan(workspace, path), plan(workspace, path)
    apply(workspace, first)
    with pytest.raises(InvalidInputError):
        apply(workspace, second)
    assert count(workspace) == 4


def test_demo_branch_is_valid_and_realistic(workspace):
    with workspace.unit_of_work() as uow:
        summary = demo.populate(uow, TODAY, 300)
        uow.commit()
    assert summary.members == 300
    assert summary.party_groups == 4
    assert summary.left > 0
    assert summary.flowing > 0
    assert summary.rewards > 0
    with workspace.unit_of_work() as uow:
        all_ids = members.member_ids(uow, MemberFilter(status=StatusFilter.ALL))
        everyone = [members.get_member(uow, i) for i in all_ids]
        overview = members.development_overview(uow, TODAY, within_days=45)
        statuses = members.membership_counts(uow)
        total = uow.session.scalar(select(func.count()).select_from(MemberRow))
    assert total == 300
    for member in everyone:
        errors = [i for i in rules.check(members.to_facts(member.data), TODAY)
                  if i.severity is Severity.ERROR]
        assert errors == [], (member.data, errors)
    assert {m.data.stage for m in everyone} == set(Stage)
    assert statuses[MembershipStatus.TRANSFERRED_OUT] > 0
    assert sum(1 for m in everyone if m.data.ethnic_group == "01") > 240
    assert len({m.data.id_number[:2] for m in everyone}) >= 8
    assert any(item.deadlines for item in overview)
    assert demo.demo_people(50, TODAY) == demo.demo_people(50, TODAY)  # deterministic
    assert workspace.check().ok


def test_wire_fields_are_json_ready_for_every_field():
    for person in demo.demo_people(40, TODAY):
        wired = members.wire_fields(person.data)
        assert json.loads(json.dumps(wired)) == wired
    assert {f.name for f in fields(members.MemberInput)} == set(wired)


def test_a_roster_with_secret_members_is_exported_only_when_asked_and_marked(workspace, tmp_path):
    # DESIGN.md, "Security model": 秘密 records never leave the PC unasked. The export asks
    # (window) or needs --include-secret (command line), and the file says 秘密 on every page.
    with workspace.unit_of_work() as uow:
        members.create_member(uow, members.MemberInput(
            name="张三", id_number=id_number("19800101")), TODAY)
        members.create_member(uow, members.MemberInput(
            name="李四", id_number=id_number("19810101"),
            classification=rules.Classification.SECRET), TODAY)
        uow.commit()
    path = tmp_path / "花名册.xlsx"
    with workspace.unit_of_work() as uow:
        assert roster.secret_member_count(uow) == 1
        with pytest.raises(SecretExportConfirmationRequired) as asked:
            roster.export_roster(uow, path, TODAY, PROFILE.name)
    assert asked.value.count == 1
    assert not path.exists()
    with workspace.unit_of_work() as uow:
        result = roster.export_roster(uow, path, TODAY, PROFILE.name, include_secret=True)
        assert result.members == 2
        uow.commit()
        detail = json.loads(uow.session.scalars(
            select(AuditEntry.detail).where(AuditEntry.action == "member.export")
        ).one())
    assert detail["secret"] == 1
    sheet_ = load_workbook(path).active
    assert sheet_["A1"].value.startswith("【秘密】")
    for header in (sheet_.oddHeader, sheet_.evenHeader, sheet_.firstHeader):
        assert header.left.text == "秘密"


def test_a_roster_without_secret_members_is_not_marked(workspace, tmp_path):
    with workspace.unit_of_work() as uow:
        members.create_member(uow, members.MemberInput(
            name="张三", id_number=id_number("19800101")), TODAY)
        uow.commit()
        roster.export_roster(uow, tmp_path / "a.xlsx", TODAY, PROFILE.name)
    sheet_ = load_workbook(tmp_path / "a.xlsx").active
    assert not sheet_["A1"].value.startswith("【")
    assert not sheet_.oddHeader.left.text
