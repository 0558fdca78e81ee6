"""A year's study table for 10,000 members (issue 16; goal <= 1 s).

The figure: ``study.year_table`` — every member's entries of the year summed by form from the
encrypted database, with targets, exemptions (第23条) and pace: what the 学习教育 page, 工作台
and the reports read. Also printed, for context: the same table written as a workbook
(``study_reports.export_workbook``, as ``study report --year`` runs it; openpyxl's cell writing
dominates it). Setup (not measured): demo
members, ``ENTRIES`` entries per member through ``study.add_entries``.
``python -m bench study_table [MEMBERS]``.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMBERS = 10_000
ENTRIES = 12  # per member and year
RUNS = 3
GOAL = 1.0  # seconds
TODAY = date(2026, 11, 25)
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway database


def _branch(folder: Path, members: int) -> tuple[object, int]:
    from sqlalchemy import select

    from app.domain.study import ExemptReason, StudyForm
    from app.services import demo, study
    from app.services.workspace import KdfParams, Workspace
    from app.storage.models import MemberRow

    workspace = Workspace(folder / "data", kdf=KdfParams(n=2**10, r=8, p=1))
    workspace.create(demo.PROFILE, PASSPHRASE)
    rng = random.Random(TODAY.year)
    forms = list(StudyForm)
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, members, year=False)
        ids = list(uow.session.scalars(select(MemberRow.id)))
        first = date(TODAY.year, 1, 1)
        entries = [
            study.EntryInput(member_id, first + timedelta(days=rng.randint(0, 320)),
                             rng.choice(forms), "学习课程", Decimal(rng.choice((1, 2, 3, 4))))
            for member_id in ids for _ in range(ENTRIES)
        ]
        study.add_entries(uow, entries)
        for member_id in ids[:: 200]:
            study.set_exemption(uow, member_id, ExemptReason.OLD)
        uow.commit()
    return workspace, len(entries)


def main(members: int = MEMBERS) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    from app.services import study, study_reports

    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        workspace, entries = _branch(folder, members)
        tables, exports = [], []
        rows = 0
        for _ in range(RUNS):
            start = time.perf_counter()
            with workspace.unit_of_work(read_only=True) as uow:  # type: ignore[attr-defined]
                rows = len(study.year_table(uow, TODAY.year, TODAY).lines)
            tables.append(time.perf_counter() - start)
            start = time.perf_counter()
            with workspace.unit_of_work() as uow:  # type: ignore[attr-defined]
                study_reports.export_workbook(uow, TODAY.year, folder / "study.xlsx", TODAY)
                uow.commit()
            exports.append(time.perf_counter() - start)
        workspace.lock()  # type: ignore[attr-defined]
    table, export = statistics.median(tables), statistics.median(exports)
    ratio = table / GOAL
    print(f"study_table: {members} members in the register, {rows} rows in the table, "
          f"{entries} study entries")
    print(f"study_table: the year's table {table * 1000:.0f} ms (median of {RUNS}); written as "
          f"a workbook (study report) {export * 1000:.0f} ms")
    print(f"study_table: ratio {ratio:.2f}x of the {GOAL:.0f} s goal "
          f"{'OK' if ratio <= 1 else 'OVER'}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else MEMBERS)
