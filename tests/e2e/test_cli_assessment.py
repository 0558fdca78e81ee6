"""``assessment --year YYYY FILE.pdf`` as an administrator runs it: a real process on a demo
branch; the PDF read back; mistakes are one Chinese line and exit status 1 or 2."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from tests.e2e.test_cli import CJK, one_chinese_line, run

YEAR = date.today().year


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("assessment") / "data"
    result = run(data_dir, "demo", "--members", "12")
    assert result.returncode == 0, result.stderr
    return data_dir


def test_writes_the_self_assessment(branch, tmp_path):
    target = tmp_path / "年度工作情况.pdf"
    result = run(branch, "assessment", "--year", str(YEAR), str(target))
    assert result.returncode == 0, result.stderr
    line = one_chinese_line(result.stdout)
    assert str(YEAR) in line
    assert str(target) in line
    words = "".join(subprocess.run(["pdftotext", str(target), "-"], capture_output=True,
                                   text=True, check=True).stdout.split())
    assert "党支部年度工作情况" in words
    assert "考核指标完成情况" in words
    assert "三会一课按规定召开" in words
    assert "（未填写）" in words  # no section written yet: a draft


def test_a_folder_that_does_not_exist_is_one_chinese_line(branch, tmp_path):
    result = run(branch, "assessment", "--year", str(YEAR),
                 str(tmp_path / "没有" / "报告.pdf"))
    assert result.returncode == 1
    one_chinese_line(result.stderr)


def test_a_bad_year_is_bad_usage_in_chinese(branch, tmp_path):
    result = run(branch, "assessment", "--year", "二〇二五", str(tmp_path / "a.pdf"))
    assert result.returncode == 2
    assert CJK.search(result.stderr)


def test_the_help_is_chinese(branch):
    result = run(branch, "assessment", "--help")
    assert result.returncode == 0
    assert "党支部年度工作情况" in result.stdout
    assert CJK.search(result.stdout.replace("党支部年度工作情况", ""))
