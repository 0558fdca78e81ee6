"""``talks report`` and ``rectification report`` as an administrator runs them on the demo
branch: real processes, real files read back, exit codes, one Chinese line on error."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.e2e.test_cli import CJK, one_chinese_line, run


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("books") / "data"
    result = run(data_dir, "demo", "--members", "30")
    assert result.returncode == 0, result.stderr
    return data_dir


def test_talks_report_writes_the_year_and_says_what_is_missing(branch, tmp_path):
    from datetime import date

    year = date.today().year
    target = tmp_path / "谈心谈话.xlsx"
    result = run(branch, "talks", "report", "--year", str(year), str(target))
    assert result.returncode == 0, result.stderr
    assert f"{year} 年" in result.stdout
    assert "尚有 6 对未谈话" in result.stdout
    book = load_workbook(target)
    assert book.sheetnames == ["谈心谈话记录", "未覆盖"]
    assert book["未覆盖"].max_row > 3


def test_rectification_report_writes_the_ledger_as_xlsx_and_pdf(branch, tmp_path):
    from datetime import date

    year = str(date.today().year)
    workbook, printable = tmp_path / "整改台账.xlsx", tmp_path / "整改台账.pdf"
    result = run(branch, "rectification", "report", "--year", year, str(workbook))
    assert result.returncode == 0, result.stderr
    assert "整改台账（5 项）" in result.stdout
    assert "2 项已过整改时限仍未完成" in result.stdout
    rows = list(load_workbook(workbook).active.iter_rows(min_row=4, values_only=True))
    assert len(rows) == 5
    result = run(branch, "rectification", "report", "--year", year, str(printable))
    assert result.returncode == 0, result.stderr
    text = subprocess.run(["pdftotext", str(printable), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "共 5 项，已完成 2 项，逾期未完成 2 项" in text


def test_a_folder_that_does_not_exist_is_one_chinese_line(branch, tmp_path):
    result = run(branch, "talks", "report", "--year", "2026", str(tmp_path / "nope" / "x.xlsx"))
    assert result.returncode == 1
    assert "x.xlsx" in one_chinese_line(result.stderr)


@pytest.mark.parametrize("args", [
    ["talks", "report", "x.xlsx"],  # no --year
    ["rectification", "report", "--year", "20x6", "x.xlsx"],
    ["rectification"],
])
def test_bad_usage_exits_2(branch, args):
    result = run(branch, *args)
    assert result.returncode == 2
    assert CJK.search(result.stderr)
