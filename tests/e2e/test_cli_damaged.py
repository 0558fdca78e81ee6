"""A damaged database (8 bytes overwritten: header, first page, middle, last page, the WAL) and a
data folder that is a file: every command says so in one Chinese line, never a traceback."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from app.services import demo, members
from app.services.workspace import Workspace
from tests.conftest import FAST_KDF, PROFILE, overwrite_bytes
from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run

DB = "branchdesk.db"
# offsets into branchdesk.db (4096-byte pages): the salt, the rest of page 1, its end, page 2,
# pages in the middle, the last page and its very end
OFFSETS = (0, 16, 100, 1024, 4090, 4096 + 200, "1/3", "1/2", "2/3", -4096 + 50, -8)

OTHER_COMMANDS_AT = (0, 1024, "1/2", -8)  # the other commands too (each run is a new process)


@pytest.fixture(scope="module")
def healthy(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("damage") / "data"
    workspace = Workspace(data_dir, kdf=FAST_KDF)
    workspace.create(PROFILE, PASSPHRASE)
    with workspace.unit_of_work() as uow:
        demo.populate(uow, date(2026, 11, 25), 40)
        uow.commit()
    workspace.lock()
    assert run(data_dir, "check").returncode == 0
    return data_dir


def damaged_copy(healthy: Path, tmp_path: Path, offset: int | str, name: str = DB) -> Path:
    data_dir = tmp_path / "data"
    shutil.copytree(healthy, data_dir)
    target = data_dir / name
    if isinstance(offset, str):
        numerator, denominator = map(int, offset.split("/"))
        offset = target.stat().st_size * numerator // denominator
    overwrite_bytes(target, offset)
    return data_dir


def assert_said_in_chinese(result) -> None:
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode in (0, 1), result.stderr
    if result.returncode == 1:
        one_chinese_line(result.stderr)


@pytest.mark.parametrize("offset", OFFSETS)
def test_check_reports_a_damaged_page(healthy: Path, tmp_path: Path, offset: int | str):
    data_dir = damaged_copy(healthy, tmp_path, offset)
    result = run(data_dir, "check")
    assert "Traceback" not in result.stderr + result.stdout
    assert result.returncode == 1, result.stdout
    line = one_chinese_line(result.stderr)
    assert "备份" in line  # what to do: restore the latest backup
    assert "异常" in result.stdout  # the failed check is named
    if offset not in OTHER_COMMANDS_AT:
        return
    for command in (["members", "export", str(tmp_path / "roster.xlsx")], ["meetings", "list"],
                    ["dues", "ledger", "--year", "2026", str(tmp_path / "ledger.xlsx")],
                    ["backup", str(tmp_path / "backup.bdbackup")]):  # a write: the audit entry
        assert_said_in_chinese(run(data_dir, *command))


def test_a_damaged_wal_is_never_a_traceback(healthy: Path, tmp_path: Path):
    """A PC that lost power leaves a WAL beside the database; damage in it is either ignored by
    SQLite's own recovery (its frames are checksummed) or reported."""
    data_dir = tmp_path / "data"
    shutil.copytree(healthy, data_dir)
    workspace = Workspace(data_dir, kdf=FAST_KDF)
    workspace.unlock(PASSPHRASE)
    with workspace.unit_of_work() as uow:
        for i in range(300):
            members.create_party_group(uow, f"党小组{i}")
        uow.commit()
    wal = data_dir / f"{DB}-wal"
    wal_size = wal.stat().st_size
    assert wal_size > 10_000
    crashed = tmp_path / "crashed"
    shutil.copytree(data_dir, crashed)  # what the disk holds when the power goes
    workspace.lock()
    for offset in (40, wal_size // 2, -8):
        copy = tmp_path / f"wal{offset}"
        shutil.copytree(crashed, copy)
        overwrite_bytes(copy / f"{DB}-wal", offset)
        result = run(copy, "check")
        assert_said_in_chinese(result)
        if result.returncode == 1:
            assert "备份" in result.stderr
        assert_said_in_chinese(run(copy, "meetings", "list"))


def test_restore_replaces_a_damaged_database(healthy: Path, tmp_path: Path):
    backup = tmp_path / "latest.bdbak"
    assert run(healthy, "backup", str(backup)).returncode == 0
    data_dir = damaged_copy(healthy, tmp_path, 0)
    result = run(data_dir, "restore", str(backup))
    assert result.returncode == 0, result.stderr
    assert run(data_dir, "check").returncode == 0
    assert list((data_dir / "replaced").glob(f"*/{DB}"))  # the damaged file is kept


def test_a_data_folder_that_is_a_file(tmp_path: Path):
    a_file = tmp_path / "not-a-folder"
    a_file.write_text("x", encoding="utf-8")
    for command in (["check"], ["init", "--branch-name", "x", "--branch-code", "y"], ["demo"]):
        result = run(a_file, *command)
        assert result.returncode == 1
        line = one_chinese_line(result.stderr)
        assert CJK.search(line)
        assert "文件夹" in line
    assert a_file.read_text(encoding="utf-8") == "x"
