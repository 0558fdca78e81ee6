"""``dues ledger --year YYYY FILE.xlsx`` as an administrator runs it: a real process, real files."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.documents import dues_reports as doc
from app.domain.calendar import Month
from app.services import dues as d
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> Path:
    """A branch set up by ``init``, with two members and their dues for 2025."""
    data_dir = tmp_path_factory.mktemp("dues") / "data"
    result = run(data_dir, "init", "--branch-name", "第五党支部", "--branch-code", "BR-5")
    assert result.returncode == 0, result.stderr
    workspace = Workspace(data_dir)
    workspace.unlock(PASSPHRASE)
    try:
        with workspace.unit_of_work() as uow:
            payer = m.create_member(uow, m.MemberInput(name="王工", id_number=number(1)),
                                    date(2025, 1, 1))
            absent = m.create_member(uow, m.MemberInput(name="孙缺", id_number=number(2)),
                                     date(2025, 1, 1))
            d.set_base(uow, payer, Month(2025, 1), Decimal("4800.00"))
            d.set_base(uow, absent, Month(2025, 1), Decimal("12000.00"))
            for month in range(1, 13):
                d.generate_month(uow, Month(2025, month))
            d.record_payment(uow, payer, date(2025, 12, 20),
                             [Month(2025, i) for i in range(1, 13)], Decimal("576.00"),
                             note="年底一次交清")
            uow.commit()
    finally:
        workspace.lock()
    return data_dir


def test_writes_the_ledger_workbook(branch, tmp_path):
    target = tmp_path / "2025年党费台账.xlsx"
    result = run(branch, "dues", "ledger", "--year", "2025", str(target))
    assert result.returncode == 0, result.stderr
    assert "2025" in result.stdout
    assert CJK.search(result.stdout)
    book = load_workbook(target)
    assert book.sheetnames == [doc.LEDGER_SHEET, doc.ARREARS_SHEET, doc.REMITTANCE_SHEET]
    total = next(r for r in book[doc.LEDGER_SHEET].iter_rows(min_row=5)
                 if r[0].value == doc.TOTAL)
    # 王工 48.00 x 12 = 576.00; 孙缺 12000 x 2% = 240.00 x 12 = 2880.00
    assert total[27].value == pytest.approx(3456.00)
    assert total[28].value == pytest.approx(576.00)
    assert total[27].number_format == "#,##0.00"
    assert book[doc.ARREARS_SHEET]["B4"].value == "孙缺"


def test_wrong_passphrase_is_one_chinese_line_and_writes_nothing(branch, tmp_path):
    target = tmp_path / "x.xlsx"
    result = run(branch, "dues", "ledger", "--year", "2025", str(target), passphrase="wrong one")
    assert result.returncode == 1
    one_chinese_line(result.stderr)
    assert not target.exists()


def test_a_folder_that_does_not_exist_is_one_chinese_line(branch, tmp_path):
    result = run(branch, "dues", "ledger", "--year", "2025", str(tmp_path / "nope" / "x.xlsx"))
    assert result.returncode == 1
    assert "x.xlsx" in one_chinese_line(result.stderr)
    assert not list(tmp_path.rglob("*.xlsx"))


@pytest.mark.parametrize("args", [
    ["dues", "ledger", "x.xlsx"],  # no --year
    ["dues", "ledger", "--year", "20x5", "x.xlsx"],
    ["dues", "ledger", "--year", "2025"],  # no file
    ["dues"],
])
def test_bad_usage_exits_2(branch, args):
    result = run(branch, *args)
    assert result.returncode == 2
    assert CJK.search(result.stderr)
