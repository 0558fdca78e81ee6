"""Roster import messages name the cell's value, a refused import says what a corrected file would
do, and the blank template has the expected headers and an example row (issue 13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from app.documents import roster as sheet
from app.services import roster
from tests.integration.services.test_roster_import import count, good_rows, plan, write


def test_a_problem_carries_the_cell_value(workspace, tmp_path):
    rows = good_rows()
    rows[1][7] = "1985.13.01"  # 入党时间
    rows[2][6] = "大学肄业了"  # 文化程度
    found = plan(workspace, write(tmp_path / "名册.xlsx", rows))
    by_code = {p.code: p for p in found.errors}
    assert by_code["not_a_date"].value == "1985.13.01"
    assert by_code["unknown_value"].value == "大学肄业了"


def test_a_refused_import_keeps_the_counts_of_a_corrected_file(workspace, tmp_path):
    rows = good_rows()
    rows[0][5] = "420102198003121310"  # a wrong check digit
    found = plan(workspace, write(tmp_path / "名册.xlsx", rows))
    assert [p.code for p in found.errors] == ["bad_check_char"]
    assert found.errors[0].value == "420102198003121310"
    assert count(workspace) == 0


def test_the_blank_template(workspace, tmp_path):
    path = roster.export_template(tmp_path / "模板.xlsx")
    book = load_workbook(path, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    headers = [c.header for c in sheet.COLUMNS]
    assert list(rows[2]) == ["序号", *headers]
    example = dict(zip(rows[2], rows[3], strict=False))  # trailing empty cells are not written
    assert example["序号"] == "示例"
    assert example["姓名"] == "张三"
    assert example["公民身份号码"] == roster.EXAMPLE.id_number
    assert len(rows) == 4

    # The example row is skipped; the same values in a row of its own import cleanly.
    empty = plan(workspace, path)
    assert (len(empty.rows), empty.problems) == (0, ())
    book = load_workbook(path)
    book.active.append([1, *rows[3][1:]])
    book.save(path)
    filled = plan(workspace, path)
    assert [r.data.name for r in filled.rows] == ["张三"]
    assert filled.problems == ()
    assert filled.rows[0].data.admission_date == date(2010, 7, 1)


def test_an_unwritable_template_target_is_a_user_error(tmp_path):
    import pytest

    from app.errors import FileAccessError

    with pytest.raises(FileAccessError):
        roster.export_template(tmp_path / "no-such-folder" / "模板.xlsx")
    assert not Path(tmp_path / "no-such-folder").exists()
