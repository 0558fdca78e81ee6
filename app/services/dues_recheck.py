"""Amounts due already recorded that the records no longer give.

A month's amounts are worked out once (``dues.generate_month``) from the category, base, relief
and transfer letters in force in that month. Those are dated, and may be entered afterwards: a
retirement recorded in September from July (第五条), a hardship relief approved for months already
generated (第七条), a transfer letter saying 党费已交到 a later month (组通字〔2006〕45号), a base
corrected. Then the recorded amount is no longer what the rules give. ``stale_dues`` finds these
for a month; ``recalculate`` reverses each (the event stays, with the reason) and records the
month again for that member alone, so the ledger follows the records and shows how it changed.

The amounts are worked out with the dues settings of today (the rounding and 第六条's fixed
amounts): they are not dated, so a change of settings also shows here, and the secretary decides.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain import dues as rules
from app.domain.calendar import Month
from app.domain.money import from_fen
from app.domain.name_order import pinyin_key
from app.services import dues
from app.services.dues_terms import dues_settings
from app.storage.models import DuesEventRow, MemberRow
from app.storage.unit_of_work import UnitOfWork

REASON = "按现有记录重新计算：原应交{recorded}元，现应交{now}元"


@dataclass(frozen=True)
class StaleDue:
    """A member's recorded amount due for a month, and what the records give now (``None``:
    nothing is owed for the month any more, e.g. a transfer letter covers it)."""

    event_id: str
    member_id: str
    name: str
    month: Month
    recorded: Decimal
    now: Decimal | None


def stale_dues(uow: UnitOfWork, month: Month) -> list[StaleDue]:
    """The month's recorded amounts that differ from what the records give now, by pinyin.
    A member whose amount cannot be worked out (no base in force) is left out: nothing to
    compare with."""
    recorded = uow.session.execute(
        select(DuesEventRow.id, DuesEventRow.member_id, DuesEventRow.amount_fen, MemberRow.name)
        .join(MemberRow, MemberRow.id == DuesEventRow.member_id)
        .where(DuesEventRow.kind == "due", DuesEventRow.month == str(month),
               DuesEventRow.id.not_in(dues.reversed_ids()))
    ).all()
    if not recorded:
        return []
    profiles = {p.member_id: p for p in dues.profiles_for(uow, month)}
    settings = dues_settings(uow)
    stale = []
    for event_id, member_id, amount_fen, name in recorded:
        profile = profiles.get(member_id)
        try:
            due = rules.due_for_month(profile, month, settings) if profile is not None else None
        except ValueError:
            continue
        was = from_fen(amount_fen or 0)
        now = due.amount if due is not None else None
        if now != was:
            stale.append(StaleDue(event_id, member_id, name, month, was, now))
    return sorted(stale, key=lambda s: pinyin_key(s.name))


def recalculate(uow: UnitOfWork, month: Month, event_ids: Collection[str], on: date) -> int:
    """Reverse the chosen stale amounts of ``month`` (each with its reason) and record the month
    again for those members alone; the number corrected. Amounts no longer stale (corrected on
    another PC meanwhile) are left alone."""
    chosen = [s for s in stale_dues(uow, month) if s.event_id in event_ids]
    for item in chosen:
        dues.reverse(uow, item.event_id, on, REASON.format(
            recorded=f"{item.recorded:.2f}",
            now=f"{item.now:.2f}" if item.now is not None else "0.00",
        ))
    if chosen:
        dues.generate_month(uow, month, only={s.member_id for s in chosen})
    return len(chosen)
