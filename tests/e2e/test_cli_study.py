"""``study report --year Y FILE`` and ``study import FILE`` as an administrator runs them: a real
process, real files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.study import StudyForm
from app.services import members as m
from app.services import study
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("study") / "data"
    result = run(data_dir, "init", "--branch-name", "第七党支部", "--branch-code", "BR-7")
    assert result.returncode == 0, result.stderr
    workspace = Workspace(data_dir)
    workspace.unlock(PASSPHRASE)
    try:
        with workspace.unit_of_work() as uow:
            member = m.create_member(uow, m.MemberInput(name="赵学", id_number=number(1)),
                                     date(2025, 1, 1))
            m.create_member(uow, m.MemberInput(name="钱习", id_number=number(2)),
                            date(2025, 1, 1))
            study.add_entry(uow, study.EntryInput(
                member, date(2025, 6, 1), StudyForm.TRAINING, "培训班", Decimal(40)))
            uow.commit()
    finally:
        workspace.lock()
    return data_dir


def test_writes_the_year_study_table(branch, tmp_path):
    target = tmp_path / "2025年学时.xlsx"
    result = run(branch, "study", "report", "--year", "2025", str(target))
    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout)
    rows = list(load_workbook(target).active.iter_rows(values_only=True))
    by_name = {row[1]: row for row in rows[3:5]}  # in pinyin order: 钱 before 赵
    assert by_name["赵学"][-4:] == (40, 32, 0, "已完成")
    assert by_name["钱习"][-4:] == (0, 32, 32, "未完成")
    pdf = tmp_path / "2025年学时.pdf"
    result = run(branch, "study", "report", "--year", "2025", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")


def test_a_bad_workbook_is_refused_with_rows_and_columns(branch, tmp_path):
    book = Workbook()
    book.active.append(["姓名", "日期", "课程", "学时"])
    book.active.append(["赵学", "2025-03-01", "网课", "abc"])
    path = tmp_path / "学时.xlsx"
    book.save(path)
    result = run(branch, "study", "import", str(path))
    assert result.returncode == 1
    assert "第 2 行，D 列（学时）" in result.stdout
    assert "“abc”" in result.stdout
    assert one_chinese_line(result.stderr)


def test_imports_hours(branch, tmp_path):
    book = Workbook()
    book.active.append(["姓名", "日期", "课程", "学时"])
    book.active.append(["钱习", "2025-03-01", "网课", 3])
    path = tmp_path / "学时.xlsx"
    book.save(path)
    result = run(branch, "study", "import", str(path))
    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout)


def test_a_dry_run_imports_nothing(branch, tmp_path):
    book = Workbook()
    book.active.append(["姓名", "日期", "课程", "学时"])
    book.active.append(["赵学", "2025-04-01", "试运行的课程", 1])
    path = tmp_path / "试运行.xlsx"
    book.save(path)
    result = run(branch, "study", "import", "--dry-run", str(path))
    assert result.returncode == 0, result.stderr
    assert "没有导入任何数据" in result.stdout
    real = run(branch, "study", "import", str(path))
    assert "已导入1条学习记录" in real.stdout  # the dry run had recorded nothing
