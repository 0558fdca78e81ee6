"""Names in pinyin order from the database (a stored sort key, sorted in SQL) and printed lists in
the branch's chosen order (issue 13)."""

from __future__ import annotations

from datetime import date

from alembic import command
from alembic.config import Config
from sqlalchemy import text

from app.domain.meetings import MeetingType
from app.domain.name_order import NameOrder
from app.services import branch, roster
from app.services import meeting_documents as md
from app.services import meetings as mt
from app.services import members as m
from app.storage import migrate
from tests.conftest import id_number

TODAY = date(2026, 11, 25)
# Unicode order: 张 解 单 安 曾 白 陈; pinyin order: 安 白 陈 单(shàn) 解(xiè) 曾(zēng) 张.
NAMES = ["张伟", "解放", "单明", "安然", "曾强", "白雪", "陈静"]
PINYIN = ["安然", "白雪", "陈静", "单明", "解放", "曾强", "张伟"]


def add_all(workspace, names=NAMES) -> dict[str, str]:
    with workspace.unit_of_work() as uow:
        ids = {name: m.create_member(uow, m.MemberInput(name=name, id_number=id_number(i)), TODAY)
               for i, name in enumerate(names, start=1)}
        uow.commit()
    return ids


def listed(workspace, **filters) -> list[str]:
    with workspace.unit_of_work() as uow:
        ids = m.member_ids(uow, m.MemberFilter(**filters))
        return [row.name for row in m.member_rows(uow, ids)]


def test_the_member_list_sorts_by_pinyin_in_sql(workspace):
    add_all(workspace)
    assert listed(workspace) == PINYIN
    assert listed(workspace, sort=m.SortKey.NAME, descending=True) == PINYIN[::-1]


def test_a_renamed_member_moves(workspace):
    ids = add_all(workspace)
    with workspace.unit_of_work() as uow:
        member = m.get_member(uow, ids["张伟"])
        m.update_member(uow, ids["张伟"], m.MemberInput(**{**vars(member.data), "name": "艾伟"}),
                        TODAY)
        uow.commit()
    assert listed(workspace)[0] == "艾伟"


def test_a_bulk_import_stores_the_sort_key(workspace):
    with workspace.unit_of_work() as uow:
        items = [(uow.new_id(), m.MemberInput(name=name, id_number=id_number(i)))
                 for i, name in enumerate(NAMES, start=1)]
        roster.insert_members(uow, items, "test")
        uow.commit()
    assert listed(workspace) == PINYIN


def test_the_roster_export_lists_by_pinyin(workspace):
    add_all(workspace)
    with workspace.unit_of_work() as uow:
        assert [e.values["name"] for e in roster.export_entries(uow)] == PINYIN


def test_the_migration_fills_the_key_of_existing_members(workspace):
    add_all(workspace)
    engine = workspace._vault.engine
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0006_meeting_list_index")  # before the sort key
    migrate.upgrade(engine)
    with engine.connect() as connection:
        keys = {name: key for name, key in connection.execute(
            text("SELECT name, sort_key FROM member"))}
    assert keys["曾强"].startswith("zeng1qiang2 ")
    assert listed(workspace) == PINYIN


def test_printed_lists_follow_the_branch_choice(workspace):
    ids = add_all(workspace, ["张伟", "王五", "丁一", "白雪"])
    with workspace.unit_of_work() as uow:
        meeting_id = mt.create_meeting(uow, mt.MeetingInput(
            type=MeetingType.MEMBERS_ASSEMBLY, held_on=date(2026, 11, 20), start_time="14:30",
            topics=("研究工作",),
        ))
        for name, member_id in ids.items():
            status = mt.Attendance.LEAVE if name == "王五" else mt.Attendance.PRESENT
            mt.set_attendance(uow, meeting_id, member_id, status, "出差" if name == "王五" else "")
        uow.commit()
    with workspace.unit_of_work() as uow:
        minutes = md.minutes_document(uow, meeting_id)
        sheet = md.sign_in_sheet(uow, meeting_id)
    assert minutes.attendees == ("白雪", "丁一", "张伟")
    assert [e.name for e in sheet.expected] == ["白雪", "丁一", "王五", "张伟"]

    with workspace.unit_of_work() as uow:
        assert branch.load_name_order(uow) is NameOrder.PINYIN
        branch.save_name_order(uow, NameOrder.STROKES)
        uow.commit()
    with workspace.unit_of_work() as uow:
        assert branch.load_name_order(uow) is NameOrder.STROKES
        minutes = md.minutes_document(uow, meeting_id)
        sheet = md.sign_in_sheet(uow, meeting_id)
    assert minutes.attendees == ("丁一", "白雪", "张伟")  # 2, 5, 7 strokes
    assert [e.name for e in sheet.expected] == ["丁一", "王五", "白雪", "张伟"]
