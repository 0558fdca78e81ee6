"""党务公开 of the demo branch: a 发展对象 公示 open now, last quarter's 党费 公开 (its period
over), and a 组织生活 draft for last month waiting for review — all through the services."""

from __future__ import annotations

from datetime import date, timedelta

from app.services import disclosures
from app.storage.unit_of_work import UnitOfWork

SECRETARY = "王建国"
REVIEWER = "李秀英"  # 组织委员
APPROVER = "支部委员会"


def populate(uow: UnitOfWork, today: date) -> int:
    """The demo items; returns how many were written (the caller commits)."""
    written = 0
    subjects = disclosures.development_subjects(uow)
    candidate = next((s for s in subjects if s[2].value == "candidate"), None)
    if candidate is not None:
        start = today - timedelta(days=2)
        item = disclosures.create(
            uow, disclosures.draft_development(uow, candidate[0], start), SECRETARY, start)
        _through(uow, item, start, publish=True)
        written += 1
    quarter = (today.month - 1) // 3  # the last closed quarter (0: last year's fourth)
    year = today.year if quarter else today.year - 1
    opened = today - timedelta(days=40)
    item = disclosures.create(
        uow, disclosures.draft_dues(uow, year, quarter or 4, opened), SECRETARY, opened)
    _through(uow, item, opened, publish=True)
    written += 1
    last_month_end = today.replace(day=1) - timedelta(days=1)
    disclosures.create(uow, disclosures.draft_meetings(
        uow, last_month_end.replace(day=1), last_month_end, today), SECRETARY, today)
    return written + 1


def _through(uow: UnitOfWork, item_id: str, on: date, publish: bool) -> None:
    disclosures.review(uow, item_id, REVIEWER, on)
    disclosures.approve(uow, item_id, APPROVER, on)
    if publish:
        disclosures.publish(uow, item_id, on)
