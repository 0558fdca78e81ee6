"""``opinions report --year YYYY FILE.xlsx`` as an administrator runs it: a real process, real
files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.opinions import Category, Channel
from app.services import opinions as op
from app.services.workspace import Workspace
from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("opinions") / "data"
    result = run(data_dir, "init", "--branch-name", "第七党支部", "--branch-code", "BR-7")
    assert result.returncode == 0, result.stderr
    workspace = Workspace(data_dir)
    workspace.unlock(PASSPHRASE)
    try:
        with workspace.unit_of_work() as uow:
            first = op.record_opinion(uow, op.OpinionInput(
                date(2025, 4, 1), Channel.MEETING, Category.PARTY_BUILDING, "建议增加专题党课"))
            op.forward(uow, first, "组织部", date(2025, 4, 2))
            op.record_handover(uow, date(2025, 5, 1), "JW-2025-1")
            uow.commit()
    finally:
        workspace.lock()
    return data_dir


def test_writes_the_register_workbook(branch, tmp_path):
    target = tmp_path / "2025年意见建议.xlsx"
    result = run(branch, "opinions", "report", "--year", "2025", str(target))
    assert result.returncode == 0, result.stderr
    assert "2025" in result.stdout
    assert CJK.search(result.stdout)
    book = load_workbook(target)
    assert book.sheetnames == ["登记表", "汇总"]
    assert book["登记表"]["F4"].value == "建议增加专题党课"
    assert book["登记表"]["K4"].value == "已转办"
    assert "JW-2025-1" not in str([list(r) for r in book["登记表"].iter_rows(values_only=True)])


def test_a_folder_that_does_not_exist_is_one_chinese_line(branch, tmp_path):
    result = run(branch, "opinions", "report", "--year", "2025",
                 str(tmp_path / "nope" / "x.xlsx"))
    assert result.returncode == 1
    assert "x.xlsx" in one_chinese_line(result.stderr)


@pytest.mark.parametrize("args", [
    ["opinions", "report", "x.xlsx"],
    ["opinions", "report", "--year", "20x5", "x.xlsx"],
    ["opinions"],
])
def test_bad_usage_exits_2(branch, args):
    result = run(branch, *args)
    assert result.returncode == 2
    assert CJK.search(result.stderr)
