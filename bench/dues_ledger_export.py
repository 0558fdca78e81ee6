"""Export the 12-month dues ledger of 10,000 members vs openpyxl write-only of the same cells
(issue 5; goal <= 1.5x).

BranchDesk: ``dues_reports.export_year`` as ``dues ledger --year`` runs it — fold the whole ledger
from the encrypted database, build the rows, write the workbook (annual ledger, arrears list,
remittance record) and record the export in the audit log.

The floor writes the very same cells with openpyxl in write-only mode: every value of every
sheet, with the same number formats (``#,##0.00``, dates), and nothing else — no database, no
fold, no titles merged, no borders or fonts. A second floor without number formats is printed for
context. ``python -m bench dues_ledger_export [MEMBERS]``.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 10_000
RUNS = 3
GOAL = 1.5


def _cells(path: Path) -> list[tuple[str, list[list[tuple[Any, str]]]]]:
    """Every sheet of ``path`` as rows of (value, number format)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path)  # not read-only: it knows each cell's number format
    sheets = []
    for sheet in workbook.worksheets:
        rows = [[(c.value, c.number_format) for c in row] for row in sheet.iter_rows()]
        sheets.append((sheet.title, rows))
    return sheets


def _floor(sheets: list[tuple[str, list[list[tuple[Any, str]]]]], target: Path,
           formats: bool) -> float:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    start = time.perf_counter()
    workbook = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = workbook.create_sheet(title)
        for row in rows:
            if not formats:
                sheet.append([value for value, _format in row])
                continue
            out: list[Any] = []
            for value, number_format in row:
                if value is None or number_format == "General":
                    out.append(value)
                else:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = number_format
                    out.append(cell)
            sheet.append(out)
    workbook.save(target)
    return time.perf_counter() - start


def _ours(workspace: Any, target: Path) -> tuple[float, int]:
    from app.services import dues_reports
    from bench.dues_branch import TODAY, YEAR

    start = time.perf_counter()
    with workspace.unit_of_work() as uow:
        result = dues_reports.export_year(uow, YEAR, target, TODAY)
        uow.commit()
    return time.perf_counter() - start, result.members


def main(members: int = MEMBERS) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from bench.dues_branch import add_year, make_branch

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        workspace = make_branch(folder, members)
        events = add_year(workspace)
        ours, floors, plain = [], [], []
        rows = 0
        target = folder / "ledger.xlsx"
        for _ in range(RUNS):
            seconds, rows = _ours(workspace, target)
            ours.append(seconds)
        sheets = _cells(target)
        cells = sum(1 for _t, r in sheets for row in r for v, _f in row if v is not None)
        for _ in range(RUNS):
            floors.append(_floor(sheets, folder / "floor.xlsx", formats=True))
            plain.append(_floor(sheets, folder / "plain.xlsx", formats=False))
        workspace.lock()  # type: ignore[attr-defined]
    mine, floor, bare = (statistics.median(x) for x in (ours, floors, plain))
    ratio = mine / floor
    print(f"dues_ledger_export: {members} members in the register, {rows} ledger rows, "
          f"{events} ledger events, {cells} cells")
    print(f"dues_ledger_export: openpyxl write-only of the same cells {floor * 1000:.0f} ms "
          f"(values only, no number formats: {bare * 1000:.0f} ms); BranchDesk export_year "
          f"{mine * 1000:.0f} ms (median of {RUNS})")
    print(f"dues_ledger_export: ratio {ratio:.2f}x (goal <= {GOAL}x) "
          f"{'OK' if ratio <= GOAL else 'OVER'}; vs values only {mine / bare:.2f}x")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MEMBERS)
