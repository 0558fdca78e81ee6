"""The annual statistics (党内统计) of a branch of 10,000 members (issue 18; goal <= 1 s).

The figure: ``statistics.make_report`` — every member record and the timeline's flow and contact
events read from the encrypted database, and every table, the gaps and the balance check worked
out, as the 党内统计 view and ``stats --year`` do. Also printed, for context: the same report
written as a workbook (``statistics_export.export_workbook``). Setup (not measured): demo
members (``demo.populate`` without the year's meetings and dues).
``python -m bench statistics [MEMBERS]``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 10_000
RUNS = 3
GOAL = 1.0  # seconds
TODAY = date(2026, 11, 25)
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway database


def main(members: int = MEMBERS) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from app.services import demo, statistics, statistics_export
    from app.services.workspace import KdfParams, Workspace

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        workspace = Workspace(folder / "data", kdf=KdfParams(n=2**10, r=8, p=1))
        workspace.create(demo.PROFILE, PASSPHRASE)
        with workspace.unit_of_work() as uow:
            demo.populate(uow, TODAY, members, year=False)
            uow.commit()
        reports, exports = [], []
        counted = 0
        for _ in range(RUNS):
            start = time.perf_counter()
            with workspace.unit_of_work(read_only=True) as uow:
                report = statistics.make_report(uow, TODAY.year)
            reports.append(time.perf_counter() - start)
            counted = int(report.table("basic").cell("合计", "党员总数"))
            start = time.perf_counter()
            with workspace.unit_of_work() as uow:
                statistics_export.export_workbook(uow, report, folder / "stats.xlsx", TODAY)
                uow.commit()
            exports.append(time.perf_counter() - start)
        workspace.lock()
    made, written = median(reports), median(exports)
    ratio = made / GOAL
    print(f"statistics: {members} member records, {counted} members counted on "
          f"{TODAY.year}-12-31")
    print(f"statistics: the year's tables with gaps and balance {made * 1000:.0f} ms (median of "
          f"{RUNS}); written as a workbook {written * 1000:.0f} ms")
    print(f"statistics: ratio {ratio:.2f}x of the {GOAL:.0f} s goal "
          f"{'OK' if ratio <= 1 else 'OVER'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MEMBERS)
