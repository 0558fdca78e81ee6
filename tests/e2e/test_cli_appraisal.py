"""``appraisal report --year YYYY FILE.xlsx`` as an administrator runs it: a real process."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.appraisal import Decider, Grade, Handling
from app.services import appraisal as a
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> Path:
    """A branch with three members appraised for 2025, one of them 不合格 (限期改正)."""
    data_dir = tmp_path_factory.mktemp("appraisal") / "data"
    result = run(data_dir, "init", "--branch-name", "第六党支部", "--branch-code", "BR-6")
    assert result.returncode == 0, result.stderr
    workspace = Workspace(data_dir)
    workspace.unlock(PASSPHRASE)
    try:
        with workspace.unit_of_work() as uow:
            grades = {"王优": Grade.EXCELLENT, "李合": Grade.QUALIFIED, "赵改": Grade.UNQUALIFIED}
            ids = {name: m.create_member(uow, m.MemberInput(name=name, id_number=number(i)),
                                         date(2025, 1, 1)) for i, name in enumerate(grades)}
            for name, grade in grades.items():
                fix = grade is Grade.UNQUALIFIED
                a.save(uow, ids[name], 2025, a.AppraisalInput(
                    self_assessed=True, votes=(1, 1, 0, 1), grade=grade,
                    decided_by=Decider.ASSEMBLY, decided_on=date(2025, 12, 20),
                    handling=Handling.CORRECTION if fix else Handling.NONE,
                    correction_until=date(2026, 6, 30) if fix else None,
                ), date(2025, 12, 28))
            uow.commit()
    finally:
        workspace.lock()
    return data_dir


def test_writes_the_result_table(branch, tmp_path):
    target = tmp_path / "2025年民主评议.xlsx"
    result = run(branch, "appraisal", "report", "--year", "2025", str(target))
    assert result.returncode == 0, result.stderr
    assert "2025" in result.stdout
    assert CJK.search(result.stdout)
    rows = {row[1]: row for row in load_workbook(target).active.iter_rows(
        min_row=4, values_only=True) if row[1]}
    assert rows["王优"][7] == "优秀"
    assert rows["赵改"][7:9] == ("不合格", "限期改正")


def test_a_pdf_when_the_file_ends_in_pdf(branch, tmp_path):
    target = tmp_path / "评议.pdf"
    result = run(branch, "appraisal", "report", "--year", "2025", str(target))
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "赵改" in text
    assert "限期改正" in text


def test_a_folder_that_does_not_exist_is_one_chinese_line(branch, tmp_path):
    result = run(branch, "appraisal", "report", "--year", "2025",
                 str(tmp_path / "nope" / "x.xlsx"))
    assert result.returncode == 1
    assert "x.xlsx" in one_chinese_line(result.stderr)


@pytest.mark.parametrize("args", [
    ["appraisal", "report", "x.xlsx"],
    ["appraisal", "report", "--year", "20x5", "x.xlsx"],
    ["appraisal"],
])
def test_bad_usage_exits_2(branch, args):
    result = run(branch, *args)
    assert result.returncode == 2
    assert CJK.search(result.stderr)
