"""A large branch for the dues benchmarks: demo members, a base for everyone who needs one and,
for the ledger, a year of amounts due and payments.

Setup only (not measured): the members come from ``app.services.demo``; bases and payments are
bulk-inserted rows (the same columns ``set_base`` and ``record_payment`` write) because recording
120,000 payments one by one would take minutes and is not what is measured.
"""

from __future__ import annotations

import json
import random
from datetime import date
from pathlib import Path

from app.domain.calendar import Month

TODAY = date(2026, 1, 10)
YEAR = 2025
PASSPHRASE = "benchmark passphrase"  # noqa: S105 - a throwaway database
PAID_SHARE = 0.93  # member-months paid; the rest makes arrears


def make_branch(folder: Path, members: int) -> object:
    """A workspace (unlocked) with ``members`` demo members and their bases from January."""
    from sqlalchemy import insert, select

    from app.domain.dues import PersonCategory, needs_base
    from app.services import demo
    from app.services.dues import PAYING_STAGES
    from app.services.workspace import KdfParams, Workspace
    from app.storage.ids import utc_iso, uuid7
    from app.storage.models import DuesBaseRow, MemberRow

    workspace = Workspace(folder / "data", kdf=KdfParams(n=2**10, r=8, p=1))
    workspace.create(demo.PROFILE, PASSPHRASE)
    rng = random.Random(YEAR)
    with workspace.unit_of_work() as uow:
        demo.populate(uow, TODAY, members, year=False)
        rows = []
        now = utc_iso()
        query = select(MemberRow.id, MemberRow.category).where(MemberRow.stage.in_(PAYING_STAGES))
        for member_id, category in uow.session.execute(query).tuples():
            if not needs_base(PersonCategory(category)):
                continue
            low, high = (2500, 9000) if category == "retired" else (2000, 16000)
            rows.append({
                "id": uuid7(), "member_id": member_id, "effective_month": f"{YEAR - 1}-01",
                "base_fen": rng.randint(low * 100, high * 100), "created_at": now,
                "updated_at": now, "server_version": 0,
            })
        uow.session.execute(insert(DuesBaseRow), rows)
        uow.commit()
    return workspace


def add_year(workspace: object) -> int:
    """Amounts due for the 12 months of YEAR (``generate_month``) and one payment per paid
    member-month (bulk rows), and a remittance per quarter. Returns the number of events."""
    from sqlalchemy import func, insert, select

    from app.domain.money import from_fen
    from app.services import dues
    from app.storage.ids import utc_iso, uuid7
    from app.storage.models import DuesEventRow

    rng = random.Random(YEAR + 1)
    with workspace.unit_of_work() as uow:  # type: ignore[attr-defined]
        for month in range(1, 13):
            dues.generate_month(uow, Month(YEAR, month))
        dues_rows = uow.session.execute(
            select(DuesEventRow.member_id, DuesEventRow.month, DuesEventRow.amount_fen)
            .where(DuesEventRow.kind == "due")
        ).tuples().all()
        now = utc_iso()
        payments = []
        by_quarter = [0, 0, 0, 0]
        for member_id, month, fen in dues_rows:
            if fen == 0 or rng.random() > PAID_SHARE:
                continue
            paid = Month.parse(month)
            on = date(paid.year, paid.month, rng.randint(5, 25))
            payments.append({
                "id": uuid7(), "kind": "payment", "member_id": member_id,
                "months": json.dumps([month]), "amount_fen": fen, "voluntary_fen": 0,
                "on_date": on, "method": "cash", "created_at": now,
            })
            by_quarter[paid.quarter - 1] += fen
        uow.session.execute(insert(DuesEventRow), payments)
        for quarter, fen in enumerate(by_quarter, start=1):
            dues.record_remittance(uow, Month(YEAR, 3 * quarter).last_day,
                                   Month(YEAR, 3 * quarter - 2), Month(YEAR, 3 * quarter),
                                   from_fen(fen))
        uow.commit()
        return int(uow.session.scalar(select(func.count()).select_from(DuesEventRow)) or 0)
