"""`demo`, `members import` and `members export` as an administrator runs them: real processes,
real workbooks, exit codes and the Chinese report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.id_numbers import check_character
from tests.e2e.test_cli import CJK, PASSPHRASE, run

MEMBERS = 30


def id_number(birth: str, seq: str) -> str:
    first17 = f"420102{birth}{seq}"
    return first17 + check_character(first17)


def roster(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    ws.title = "花名册"
    ws.append(["第三党支部党员花名册"])
    ws.merge_cells("A1:F1")
    ws.append(["序号", "姓名", "性别", "身份证号码", "入党时间", "联系电话"])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("demo") / "data"
    result = run(data_dir, "demo", "--members", str(MEMBERS))
    assert result.returncode == 0, result.stderr
    assert str(MEMBERS) in result.stdout
    assert CJK.search(result.stdout)
    assert re.search(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){5}", result.stdout)  # the recovery code
    return data_dir


def test_demo_refuses_an_existing_database(demo_dir):
    result = run(demo_dir, "demo")
    assert result.returncode == 1
    assert CJK.search(result.stderr)


def test_export_then_dry_run_import_of_the_same_file(demo_dir, tmp_path):
    target = tmp_path / "花名册"
    result = run(demo_dir, "members", "export", str(target))
    assert result.returncode == 0, result.stderr
    written = target.with_name("花名册.xlsx")
    assert written.exists()
    assert "花名册.xlsx" in result.stdout
    count = load_workbook(written).active.max_row - 3
    assert 0 < count <= MEMBERS

    result = run(demo_dir, "members", "import", str(written), "--dry-run")
    assert result.returncode == 0, result.stderr
    summary = [line for line in result.stdout.splitlines() if f"{count}" in line]
    assert summary, result.stdout
    assert CJK.search(summary[-1])
    assert "0" in summary[-1]
    assert run(demo_dir, "check").returncode == 0


def test_a_bad_roster_imports_nothing_and_names_file_sheet_row_and_column(demo_dir, tmp_path):
    bad = roster(tmp_path / "新党员.xlsx", [
        [1, "周新", "男", id_number("19950305", "113"), "2020.07.01", "13800000001"],
        [2, "吴敏", "女", float(id_number("19960405", "124")), "2021.07.01", "13800000002"],
        [3, "郑华", "男", id_number("19970505", "135"), "2021年13月", "13800000003"],
    ])
    result = run(demo_dir, "members", "import", str(bad))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    row4 = [line for line in lines if "第 4 行" in line or "第4行" in line]
    row5 = [line for line in lines if "第 5 行" in line or "第5行" in line]
    assert row4, result.stdout
    assert row5, result.stdout
    assert "新党员.xlsx" in row4[0]
    assert "花名册" in row4[0]
    assert "D" in row4[0]
    assert "E" in row5[0]
    assert not [line for line in lines if "第 3 行" in line or "第3行" in line]
    assert CJK.search(result.stderr)

    good = roster(tmp_path / "新党员（改）.xlsx", [
        [1, "周新", "男", id_number("19950305", "113"), "2020.07.01", "13800000001"],
        [2, "吴敏", "女", id_number("19960405", "124"), "2021.07.01", "13800000002"],
    ])
    result = run(demo_dir, "members", "import", str(good))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2" in result.stdout.splitlines()[-1]
    again = run(demo_dir, "members", "import", str(good))
    assert again.returncode == 0
    assert CJK.search(again.stdout.splitlines()[-1])


def test_import_of_a_missing_or_foreign_file_is_a_user_error(demo_dir, tmp_path):
    result = run(demo_dir, "members", "import", str(tmp_path / "none.xlsx"))
    assert result.returncode == 1
    assert CJK.search(result.stderr)
    text = tmp_path / "x.xlsx"
    text.write_text("hello", encoding="utf-8")
    result = run(demo_dir, "members", "import", str(text))
    assert result.returncode == 1
    assert "x.xlsx" in result.stderr


@pytest.mark.parametrize("args", [["members"], ["members", "import"], ["demo", "--members", "x"]])
def test_bad_usage_exits_2(tmp_path, args):
    result = run(tmp_path / "d", *args)
    assert result.returncode == 2
    assert CJK.search(result.stderr)


def test_wrong_passphrase_is_refused(demo_dir, tmp_path):
    result = run(demo_dir, "members", "export", str(tmp_path / "x.xlsx"),
                 passphrase=PASSPHRASE + "!")
    assert result.returncode == 1
    assert not (tmp_path / "x.xlsx").exists()
