"""Import a 10,000-row roster vs openpyxl read-only load plus raw sqlcipher3 executemany (issue 3;
goal <= 2x).

The roster is written by BranchDesk's own exporter from demo data. The floor reads the same file
with openpyxl in read-only mode (every cell value) and inserts the same rows with one
``executemany`` into a keyed SQLCipher file, committed. BranchDesk's import does that plus what the
floor does not: header matching, typed cells, the domain checks of every row, the lookup of
existing ID numbers, and the audit entry and sync-outbox op of every new member, in one
transaction. ``python -m bench roster_import [ROWS]``.
"""

from __future__ import annotations

import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = 10_000
RUNS = 3
GOAL = 2.0
TODAY = date(2026, 7, 1)
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway database


def _prepare(folder: Path, rows: int) -> Path:
    """Demo data → the exporter → roster.xlsx."""
    from app.services import demo, roster
    from app.services.workspace import KdfParams, Workspace

    workspace = Workspace(folder / "source", kdf=KdfParams(n=2**10, r=8, p=1))
    workspace.create(demo.PROFILE, PASSPHRASE)
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, rows + rows // 25, year=False)  # ~4% left: not exported
        uow.commit()
    path = folder / "roster.xlsx"
    with workspace.unit_of_work() as uow:
        roster.export_roster(uow, path, TODAY, demo.PROFILE.name)
        uow.commit()
    workspace.lock()
    return path


def _floor(path: Path, folder: Path) -> float:
    """openpyxl read-only load of every value + one executemany into a keyed SQLCipher file."""
    import sqlcipher3
    from openpyxl import load_workbook

    database = folder / f"floor-{secrets.token_hex(4)}.db"
    start = time.perf_counter()
    workbook = load_workbook(path, read_only=True, data_only=True)
    sheet = workbook.worksheets[0]
    values = [tuple(row) for row in sheet.iter_rows(min_row=4, values_only=True)]
    workbook.close()
    width = max(len(v) for v in values)
    rows = [
        tuple(c.isoformat() if hasattr(c, "isoformat") else c for c in v)
        + (None,) * (width - len(v))
        for v in values
    ]
    connection = sqlcipher3.connect(str(database))
    connection.execute(f"PRAGMA key = \"x'{secrets.token_hex(32)}'\"")
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("PRAGMA synchronous = FULL")
    columns = ", ".join(f"c{i}" for i in range(width))
    connection.execute(f"CREATE TABLE member (id INTEGER PRIMARY KEY, {columns})")
    marks = ", ".join("?" for _ in range(width))
    connection.executemany(f"INSERT INTO member ({columns}) VALUES ({marks})", rows)  # noqa: S608
    connection.commit()
    connection.close()
    return time.perf_counter() - start


def _ours(path: Path, folder: Path) -> tuple[float, int]:
    from app.services import demo, roster
    from app.services.workspace import KdfParams, Workspace

    target = folder / f"target-{secrets.token_hex(4)}"
    workspace = Workspace(target, kdf=KdfParams(n=2**10, r=8, p=1))
    workspace.create(demo.PROFILE, PASSPHRASE)
    start = time.perf_counter()
    with workspace.unit_of_work() as uow:
        plan = roster.plan_import(uow, path, TODAY)
        if plan.has_errors:
            raise SystemExit(f"roster_import: the demo roster has {len(plan.errors)} errors")
        result = roster.apply_import(uow, plan, TODAY)
        uow.commit()
    elapsed = time.perf_counter() - start
    workspace.lock()
    return elapsed, result.created


def main(rows: int = ROWS) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        path = _prepare(folder, rows)
        floors, ours = [], []
        created = 0
        for _ in range(RUNS):
            floors.append(_floor(path, folder))
            seconds, created = _ours(path, folder)
            ours.append(seconds)
    floor, mine = statistics.median(floors), statistics.median(ours)
    ratio = mine / floor
    print(f"roster_import: {created} rows; openpyxl read-only + sqlcipher3 executemany "
          f"{floor * 1000:.0f} ms, BranchDesk plan + apply {mine * 1000:.0f} ms "
          f"(median of {RUNS})")
    verdict = "OK" if ratio <= GOAL else "OVER"
    print(f"roster_import: ratio {ratio:.2f}x (goal <= {GOAL}x) {verdict}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS)
