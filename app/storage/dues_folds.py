"""Each member's dues fold kept in the database, and the proof of which ones are current.

The assessment's dues indicators (按时交纳, 欠费) need every member's months: the amount due, what
was set against each month and when first (``app.domain.dues_fen.FenMember``). Folding the whole
ledger for them reads some 200,000 events for 10,000 members; each member's fold is kept here
instead (``dues_member_fold``) and trusted only while provably current:

* every change to ``dues_event`` — whoever writes it: the services, a sync, a bundle, a bulk
  import, the command line — marks, in the same transaction, the member whose months it can
  change as stale (``dues_fold_stale``): the event's member, and for a reversal the member of
  the event it reverses (triggers after insert, update and delete, old and new rows);
* a reader takes the kept folds of the members not stale and folds the stale ones from the
  ledger (``app.services.dues_folds``); a writer keeps those folds and clears the marks, in one
  transaction;
* the triggers are checked before any kept fold is used: without all three (a copy made
  without them, a hand edit) no kept fold is trusted and the whole ledger is folded.

A kept fold is one row per member: the ``FenMember`` as flat JSON lists (``encode``), months as
``Month.index`` and dates as ordinals, prefixed by ``FORMAT`` — a row of another format is not
trusted either.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, cast

from app.domain.dues_fen import FenMember

FOLD_TABLE = "dues_member_fold"
STALE_TABLE = "dues_fold_stale"
TABLES = (FOLD_TABLE, STALE_TABLE)
FORMAT = 1
"""Bump when ``encode`` changes shape, with a migration that marks every member stale (as
``0024_duesfolds`` does): until kept again, a row of another format makes the reader fold the
whole ledger (right, but slow)."""

# The members whose months an event can change (``row`` is NEW or OLD): its own member, and the
# member of the event a reversal reverses. Two plain statements (a UNION would build a temporary
# index on every row of a month's 10,000 amounts).
_MARKS = (
    "INSERT OR IGNORE INTO dues_fold_stale (member_id) "
    "SELECT {row}.member_id WHERE {row}.member_id IS NOT NULL;",
    "INSERT OR IGNORE INTO dues_fold_stale (member_id) SELECT member_id FROM dues_event "
    "WHERE {row}.reverses_id IS NOT NULL AND id = {row}.reverses_id AND member_id IS NOT NULL;",
)
_TRIGGERS = {
    "dues_event__fold_ins": ("INSERT", ("NEW",)),
    "dues_event__fold_upd": ("UPDATE", ("OLD", "NEW")),
    "dues_event__fold_del": ("DELETE", ("OLD",)),
}


def trigger_statements() -> list[str]:
    """The triggers that mark members stale on every change to ``dues_event``."""
    return [
        f"CREATE TRIGGER IF NOT EXISTS {name} AFTER {event} ON dues_event BEGIN "
        + " ".join(mark.format(row=row) for row in rows for mark in _MARKS) + " END"
        for name, (event, rows) in _TRIGGERS.items()
    ]


def drop_statements() -> list[str]:
    return [f"DROP TRIGGER IF EXISTS {name}" for name in _TRIGGERS]


def triggers_present(cursor: Any) -> bool:
    """Whether every trigger that marks members stale is in the database."""
    found = {row[0] for row in cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'dues_event'"
    ).fetchall()}
    return set(_TRIGGERS) <= found


def encode(member: FenMember) -> str:
    """One member's fold as kept: the months (the union of the months with an amount due and
    with something set against them, oldest first), then aligned with them the amount due,
    the amount set against and the ordinal of the day first paid (null where there is none),
    then the voluntary, unallocated and prepaid fen. Flat lists: reading 10,000 of them is what
    an assessment waits for."""
    months = member.months()
    first = member.first_paid_on
    return json.dumps([
        FORMAT, months, [member.due.get(m) for m in months], [member.paid.get(m) for m in months],
        [day.toordinal() if (day := first.get(m)) is not None else None for m in months],
        member.voluntary_fen, member.unallocated_fen, member.prepaid_fen,
    ], separators=(",", ":"))


def decoder() -> Any:
    """A function from a kept row (member id, text) to the ``FenMember``, or None for a row of
    another format or a damaged one; it shares the dates among the members (a few hundred
    distinct days)."""
    days: dict[int, date] = {}

    def day(ordinal: int) -> date:
        found = days.get(ordinal)
        if found is None:
            found = days[ordinal] = date.fromordinal(ordinal)
        return found

    def aligned(months: list[int], values: list[int | None]) -> dict[int, int]:
        if None in values:
            return {m: v for m, v in zip(months, values, strict=True) if v is not None}
        return dict(zip(months, cast(list[int], values), strict=True))

    def decode(member_id: str, text: str) -> FenMember | None:
        try:
            values = json.loads(text)
            if values[0] != FORMAT:
                return None
            _, months, due, paid, first, voluntary, unallocated, prepaid = values
            return FenMember(
                member_id, aligned(months, due), aligned(months, paid),
                {m: day(o) for m, o in zip(months, first, strict=True) if o is not None},
                voluntary, unallocated, prepaid)
        except (ValueError, TypeError, IndexError, KeyError, OverflowError):
            return None  # damaged: not trusted

    return decode
