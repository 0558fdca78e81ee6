"""Exports write nothing but the file the user chose: no temporary sheet in the system's temp
folder (openpyxl's default), no partial file left beside it (DESIGN.md, "Security model")."""

from __future__ import annotations

import errno
import tempfile
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import openpyxl.worksheet._writer
import pytest
from openpyxl import load_workbook

from app import files
from app.domain.calendar import Month
from app.errors import FileAccessError
from app.services import branch, roster
from app.services import dues as d
from app.services import dues_reports as reports
from app.services import members as m
from tests.conftest import id_number

TODAY = date(2026, 3, 15)


@pytest.fixture
def private_temp(monkeypatch, tmp_path) -> Path:
    """The system's temp folder, watched: openpyxl's temporary sheets would land here."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise AssertionError("a sheet went to a temporary file")

    monkeypatch.setattr(openpyxl.worksheet._writer, "create_temporary_file", refuse)
    return folder


def test_roster_and_dues_workbooks_are_built_in_memory(workspace, private_temp, tmp_path):
    with workspace.unit_of_work() as uow:
        for i in range(3):
            member = m.create_member(
                uow, m.MemberInput(name=f"党员{i}", id_number=id_number(i)), date(2025, 1, 1)
            )
            d.set_base(uow, member, Month(2026, 1), Decimal("4800.00"))
        d.generate_month(uow, Month(2026, 1))
        uow.commit()
    out = tmp_path / "out"
    out.mkdir()
    with workspace.unit_of_work() as uow:
        name = branch.load_profile(uow).name
        roster.export_roster(uow, out / "花名册.xlsx", TODAY, name)
        reports.export_year(uow, 2026, out / "台账.xlsx", TODAY)
        reports.export_month_sheet(uow, Month(2026, 1), out / "收缴.xlsx", TODAY)
        uow.commit()
    assert sorted(p.name for p in out.iterdir()) == ["台账.xlsx", "收缴.xlsx", "花名册.xlsx"]
    assert list(private_temp.iterdir()) == []
    sheet = load_workbook(out / "花名册.xlsx").active
    assert sheet.freeze_panes == "C4"  # what is set before the first row still reaches the file
    assert id_number(2) in [c.value for row in sheet.iter_rows(min_row=4) for c in row]
    assert zipfile.ZipFile(out / "台账.xlsx").testzip() is None


def test_a_failed_export_leaves_the_earlier_file_and_nothing_beside_it(
    workspace, private_temp, tmp_path, monkeypatch
):
    target = tmp_path / "花名册.xlsx"
    target.write_bytes(b"last month's roster")

    def disk_full(_fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fsync", disk_full)
    with workspace.unit_of_work() as uow, pytest.raises(FileAccessError) as raised:
        roster.export_roster(uow, target, TODAY, "支部")
    assert raised.value.reason == "no_space"
    assert target.read_bytes() == b"last month's roster"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "temp", "花名册.xlsx"]
    assert list(private_temp.iterdir()) == []
