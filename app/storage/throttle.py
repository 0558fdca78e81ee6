"""A growing delay after repeated wrong passphrases, kept on disk so restarting doesn't reset it.

The file holds only a count and a time: nothing about the passphrase.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from app.files import write_atomically

FREE_ATTEMPTS = 3
FIRST_DELAY_SECONDS = 5.0
MAX_DELAY_SECONDS = 300.0


def delay_after(failures: int) -> float:
    """No delay for the first wrong tries, then 5 s doubling up to 5 minutes."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return min(FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS)


class UnlockThrottle:
    def __init__(self, path: Path, clock: Callable[[], float]) -> None:
        self._path = path
        self._clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            data = json.loads(self._path.read_text(encoding="utf-8"))
            return int(data["failures"]), float(data["last"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0

    def wait_remaining(self) -> float:
        """Seconds until the next attempt is accepted (0 when it is now)."""
        failures, last = self._read()
        remaining = last + delay_after(failures) - self._clock()
        return max(0.0, remaining)

    def record_failure(self) -> tuple[int, float]:
        """Count a wrong attempt; return (failures so far, delay before the next attempt)."""
        failures, _ = self._read()
        failures += 1
        data = {"failures": failures, "last": self._clock()}
        write_atomically(self._path, json.dumps(data).encode("utf-8"))
        return failures, delay_after(failures)

    def reset(self) -> None:
        self._path.unlink(missing_ok=True)
