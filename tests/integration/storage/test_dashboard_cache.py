"""工作台 kept in the database (issue 14) is handed out only while provably current: written at the
change generation its figures were read from, for that day, with every table counting its
changes. Real SQLCipher files; every writer (services, raw SQL) invalidates it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services import dashboard_cache, members
from app.services.workspace import Workspace
from app.storage import dashboard_cache as storage
from tests.conftest import id_number

TODAY = date(2026, 12, 6)
CONTENT = '{"profile": ["测试党支部", "", "", ""], "nothing": true, "sections": []}'


@pytest.fixture
def remembered(workspace: Workspace) -> Workspace:
    workspace.set_remember_on_this_pc(True)
    return workspace


def keep(workspace: Workspace, day: date = TODAY) -> bool:
    with workspace.unit_of_work(read_only=True) as uow:
        computed_at = dashboard_cache.generation(uow)
    assert computed_at is not None
    return dashboard_cache.keep(workspace, computed_at, day, CONTENT)


def raw(workspace: Workspace, sql: str) -> None:
    with workspace._vault.engine.begin() as connection:
        connection.exec_driver_sql(sql)


def test_kept_is_read_back_with_the_raw_driver_the_same_day_only(remembered: Workspace) -> None:
    assert remembered.dashboard_from_this_pc(TODAY) is None  # nothing kept yet
    assert keep(remembered)
    remembered.lock()  # read at the start: the data is locked, only the key is remembered
    assert remembered.dashboard_from_this_pc(TODAY) == CONTENT
    assert remembered.dashboard_from_this_pc(TODAY + timedelta(days=1)) is None  # a new day
    assert remembered.dashboard_from_this_pc(TODAY - timedelta(days=1)) is None


def test_any_change_makes_it_unusable(remembered: Workspace) -> None:
    assert keep(remembered)
    with remembered.unit_of_work() as uow:
        members.create_member(uow, members.MemberInput(name="新党员", id_number=id_number(5)),
                              TODAY)
        uow.commit()
    assert remembered.dashboard_from_this_pc(TODAY) is None
    assert keep(remembered)  # a refresh after the change keeps a new copy
    assert remembered.dashboard_from_this_pc(TODAY) == CONTENT


@pytest.mark.parametrize("sql", [
    "UPDATE setting SET value = value WHERE key = 'database_id'",  # same value: still a write
    "INSERT INTO setting (key, value) VALUES ('written.by.hand', 'x')",
    "DELETE FROM setting WHERE key = 'meetings.frequencies'",
])
def test_a_write_by_any_writer_to_any_table_counts(remembered: Workspace, sql: str) -> None:
    raw(remembered, "INSERT INTO setting (key, value) VALUES ('meetings.frequencies', '{}')")
    assert keep(remembered)
    raw(remembered, sql)
    assert remembered.dashboard_from_this_pc(TODAY) is None


def test_a_change_while_the_figures_were_read_is_never_kept(remembered: Workspace) -> None:
    with remembered.unit_of_work(read_only=True) as uow:
        computed_at = dashboard_cache.generation(uow)
    assert computed_at is not None
    with remembered.unit_of_work() as uow:  # between the first read and the keeping
        members.create_member(uow, members.MemberInput(name="新党员", id_number=id_number(6)),
                              TODAY)
        uow.commit()
    assert not dashboard_cache.keep(remembered, computed_at, TODAY, CONTENT)
    assert remembered.dashboard_from_this_pc(TODAY) is None


def test_a_table_without_its_triggers_makes_it_unusable_until_they_are_added(
    remembered: Workspace,
) -> None:
    assert keep(remembered)
    # A later migration's table, created without the triggers (another branch of the code):
    raw(remembered, "CREATE TABLE later_book (id INTEGER PRIMARY KEY, title TEXT)")
    assert remembered.dashboard_from_this_pc(TODAY) is None
    assert not keep(remembered)  # adds its triggers; what was read before cannot be trusted
    assert keep(remembered)
    assert remembered.dashboard_from_this_pc(TODAY) == CONTENT
    raw(remembered, "INSERT INTO later_book (title) VALUES ('x')")
    assert remembered.dashboard_from_this_pc(TODAY) is None


def test_every_table_counts_its_changes_after_the_migration(workspace: Workspace) -> None:
    with workspace._vault.engine.connect() as connection:
        tables = [row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        ).fetchall()]
        triggers = {row[0] for row in connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    # Not counted: the copy and its counter, and the dues folds kept (derived from the ledger,
    # whose own changes count).
    exempt = {"change_generation", "dashboard_cache", "dues_member_fold", "dues_fold_stale"}
    assert set(storage._OWN) == exempt
    counted = [t for t in tables if t not in exempt]
    assert "member" in counted
    assert "alembic_version" in counted
    assert all(set(storage.trigger_names(t)) <= triggers for t in counted)


def test_without_a_remembered_key_or_with_a_wrong_one_nothing_is_read(
    remembered: Workspace, memory_keyring: object,
) -> None:
    assert keep(remembered)
    remembered.lock()
    stored = memory_keyring.entries  # type: ignore[attr-defined]
    for entry in stored:
        stored[entry] = "00" * 32
    assert remembered.dashboard_from_this_pc(TODAY) is None
