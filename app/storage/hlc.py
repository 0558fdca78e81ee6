"""Hybrid logical clock timestamps for outbox ops: wall-clock milliseconds plus a counter.

Format ``MMMMMMMMMMMMM-CCCCC-NODE`` (13-digit ms, 5-digit counter, node id); strings sort in
causal order on one device even if the wall clock steps back. When the counter would need a sixth
digit (100,000 ops in one millisecond, e.g. a bulk import), the clock moves on to the next
millisecond instead, so the text keeps sorting in order.
"""

from __future__ import annotations

import time

MAX_COUNTER = 99_999


def _start(last: str | None, now_ms: int | None) -> tuple[int, int]:
    """(ms, counter) of the stamp that follows ``last`` at wall-clock ``now_ms``."""
    now = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    if last:
        last_ms_text, last_counter_text, _ = last.split("-", 2)
        last_ms, last_counter = int(last_ms_text), int(last_counter_text)
        if now <= last_ms:
            if last_counter >= MAX_COUNTER:
                return last_ms + 1, 0
            return last_ms, last_counter + 1
    return now, 0


def next_hlc(last: str | None, node: str, now_ms: int | None = None) -> str:
    ms, counter = _start(last, now_ms)
    return f"{ms:013d}-{counter:05d}-{node}"


def next_hlc_many(last: str | None, node: str, count: int, now_ms: int | None = None) -> list[str]:
    """``count`` stamps following ``last``, as ``next_hlc`` called ``count`` times would give."""
    ms, counter = _start(last, now_ms)
    stamps = []
    for _ in range(count):
        if counter > MAX_COUNTER:
            ms, counter = ms + 1, 0
        stamps.append(f"{ms:013d}-{counter:05d}-{node}")
        counter += 1
    return stamps
