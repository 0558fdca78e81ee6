"""Hybrid logical clock timestamps for outbox ops: wall-clock milliseconds plus a counter.

Format ``MMMMMMMMMMMMM-CCCCC-NODE`` (13-digit ms, 5-digit counter, node id); strings sort in
causal order on one device even if the wall clock steps back.
"""

from __future__ import annotations

import time


def next_hlc(last: str | None, node: str, now_ms: int | None = None) -> str:
    now = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    if last:
        last_ms_text, last_counter_text, _ = last.split("-", 2)
        last_ms, last_counter = int(last_ms_text), int(last_counter_text)
        if now <= last_ms:
            return f"{last_ms:013d}-{last_counter + 1:05d}-{node}"
    return f"{now:013d}-{0:05d}-{node}"
