"""Run the benchmarks: ``python -m bench`` (``make bench``), or ``python -m bench startup``."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = [
    "startup", "minutes_pdf", "member_filter", "roster_import", "dues_month",
    "dues_ledger_export", "meeting_list", "sync_initial", "startup_bundle", "sync_devices",
    "study_table", "assessment", "statistics",
]


def main(argv: list[str]) -> int:
    for name in argv or BENCHMARKS:
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
