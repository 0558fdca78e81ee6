"""``disclosures list / print / report`` as an administrator runs them: real processes, real
files read back, exit codes, one Chinese line on error."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.domain.development import Stage
from app.services import disclosures as d
from app.services import members as m
from app.services.workspace import BranchProfile
from tests.conftest import id_number
from tests.e2e.test_cli_meetings import PASSPHRASE, one_chinese_line, run, workspace_of

TODAY = date(2026, 11, 25)


@pytest.fixture(scope="module")
def branch(tmp_path_factory) -> tuple[Path, str]:
    data_dir = tmp_path_factory.mktemp("disclosures") / "data"
    ws = workspace_of(data_dir)
    ws.create(BranchProfile("第三党支部", "BR-3", "机关党委", "周明"), PASSPHRASE)
    with ws.unit_of_work() as uow:
        member_id = m.create_member(uow, m.MemberInput(
            name="林晓", id_number=id_number(7), stage=Stage.PROBATIONARY,
            admission_date=date(2025, 11, 30)), TODAY)
        item_id = d.create(uow, d.draft_development(uow, member_id, TODAY), "周明", TODAY)
        uow.commit()
    ws.lock()
    return data_dir, item_id


def test_list_print_and_report(branch, tmp_path):
    data_dir, item_id = branch
    listed = run(data_dir, "disclosures", "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.split("\t")[0] == item_id
    assert "拟稿" in listed.stdout
    printed = run(data_dir, "disclosures", "print", item_id, str(tmp_path / "notice.pdf"))
    assert printed.returncode == 0, printed.stderr
    text = subprocess.run(["pdftotext", str(tmp_path / "notice.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "关于林晓同志预备党员转正的公示" in text
    assert "意见反映方式" in text
    report = run(data_dir, "disclosures", "report", "--year", "2026", str(tmp_path / "y.xlsx"))
    assert report.returncode == 0, report.stderr
    assert "1" in report.stdout
    sheet = load_workbook(tmp_path / "y.xlsx").active
    assert sheet["B3"].value == "预备党员转正公示"


def test_unknown_id_is_one_chinese_line(branch, tmp_path):
    data_dir, _item_id = branch
    answer = run(data_dir, "disclosures", "print", "nope", str(tmp_path / "x.pdf"))
    assert answer.returncode == 1
    assert "disclosures list" in one_chinese_line(answer.stderr)
    assert not (tmp_path / "x.pdf").exists()
