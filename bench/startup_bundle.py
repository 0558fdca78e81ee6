"""Cold start of the bundled program (PyInstaller one-folder) vs running from source (issues 8, 14).

Measured as bench/startup.py does: the wall-clock time from spawning a fresh process until it
writes its first paint (the lock screen of an existing database) to ``BRANCHDESK_MILESTONES``;
runs alternate, medians. Both start over the same data folder. The bundle is
``dist/branchdesk/branchdesk`` (``make dist-linux``); without it, the benchmark says so and skips.
The bundle should not start slower than the sources: goal <= 1.2x.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from bench.startup import ROOT, RUNS, _prepare, bench_env, medians

BUNDLE = Path(os.environ.get("BRANCHDESK_BUNDLE") or ROOT / "dist" / "branchdesk" / "branchdesk")
GOAL = 1.2


def main() -> None:
    if not BUNDLE.is_file():
        print(f"startup_bundle: no bundle at {BUNDLE} (run `make dist-linux` first): skipped")
        return
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = bench_env(folder)
        data_dir = _prepare(folder, env, remember=False)
        # The frozen program cannot import the benchmark's file keyring (it imports only what it
        # carries), so both start with no remembered key: to the lock screen, the first window
        # most users see. Same window, same data folder, same work before it.
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        found = medians({
            "source": [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)],
            "bundled": [str(BUNDLE), "--data-dir", str(data_dir)],
        }, env)
    source = found["source"]["first_paint"]
    bundled = found["bundled"]["first_paint"]
    ratio = bundled / source
    print(f"startup_bundle: from source {source * 1000:.0f} ms, bundled {bundled * 1000:.0f} ms "
          f"(median of {RUNS})")
    verdict = "OK" if ratio <= GOAL else "OVER"
    print(f"startup_bundle: ratio {ratio:.2f}x (goal <= {GOAL}x) {verdict}")
