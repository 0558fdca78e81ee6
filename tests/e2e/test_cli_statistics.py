"""``stats --year Y [--as-of DATE] FILE`` as an administrator runs it: a real process, real
files; a bad reference date and a broken record each end with exit 1 and one Chinese line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from app.domain.development import Stage
from app.services import members as m
from app.services.workspace import Workspace
from app.storage.models import MemberRow
from tests.conftest import id_number as number
from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run


def _workspace(data_dir: Path) -> Workspace:
    workspace = Workspace(data_dir)
    workspace.unlock(PASSPHRASE)
    return workspace


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("stats") / "data"
    result = run(data_dir, "init", "--branch-name", "第七党支部", "--branch-code", "BR-7")
    assert result.returncode == 0, result.stderr
    workspace = _workspace(data_dir)
    try:
        with workspace.unit_of_work() as uow:
            for i, name in enumerate(("赵统", "钱计")):
                m.create_member(uow, m.MemberInput(
                    name=name, id_number=number(i + 1), stage=Stage.FULL, ethnic_group="01",
                    education="21", occupation="05", admission_date=date(2001, 7, 1),
                    full_date=date(2002, 7, 1)), date(2025, 1, 1))
            m.create_member(uow, m.MemberInput(
                name="孙预", id_number=number(3), stage=Stage.PROBATIONARY,
                admission_date=date(2025, 6, 1), approval_date=date(2025, 7, 1)),
                date(2025, 8, 1))
            uow.commit()
    finally:
        workspace.lock()
    return data_dir


def test_writes_the_tables_and_the_checks(branch, tmp_path):
    target = tmp_path / "2025年党内统计.xlsx"
    result = run(branch, "stats", "--year", "2025", str(target))
    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout)
    book = load_workbook(target)
    rows = list(book["党员基本情况"].iter_rows(values_only=True))
    assert rows[3][:2] == ("合计", 3)
    development = {row[0]: row for row in book["发展党员情况"].iter_rows(values_only=True)
                   if row}
    assert development["发展党员"][1] == 1
    assert "校验" in book.sheetnames
    earlier = tmp_path / "mid.pdf"
    result = run(branch, "stats", "--year", "2025", "--as-of", "2025-06-30", str(earlier))
    assert result.returncode == 0, result.stderr
    assert earlier.read_bytes().startswith(b"%PDF")


def test_a_reference_date_outside_the_year_is_one_chinese_line(branch, tmp_path):
    result = run(branch, "stats", "--year", "2025", "--as-of", "2024-12-31",
                 str(tmp_path / "x.xlsx"))
    assert result.returncode == 1
    one_chinese_line(result.stderr)
    assert not (tmp_path / "x.xlsx").exists()


def test_a_broken_record_fails_the_balance_with_one_chinese_line(tmp_path, branch):
    workspace = _workspace(branch)
    try:
        with workspace.unit_of_work() as uow:
            uow.session.execute(update(MemberRow).where(MemberRow.name == "赵统").values(
                status="deceased", left_date=None))
            uow.commit()
    finally:
        workspace.lock()
    result = run(branch, "stats", "--year", "2025", str(tmp_path / "broken.xlsx"))
    assert result.returncode == 1
    one_chinese_line(result.stderr)
    assert "校验" in result.stderr
