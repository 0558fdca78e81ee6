"""Cold start of the bundled program (PyInstaller one-folder) vs running from source (issue 8).

Measured as bench/startup.py does: wall-clock time of a fresh process, from spawn until the first
window (the lock screen of an existing database) has been shown and the event loop has run once
(``BRANCHDESK_QUIT_WHEN_READY``). Both start over the same data folder. The bundle is
``dist/branchdesk/branchdesk`` (``make dist-linux``); without it, the benchmark says so and skips.
The bundle should not start slower than the sources: goal <= 1.2x.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from bench.startup import ROOT, RUNS, _median, _prepare

BUNDLE = Path(os.environ.get("BRANCHDESK_BUNDLE") or ROOT / "dist" / "branchdesk" / "branchdesk")
GOAL = 1.2


def main() -> None:
    if not BUNDLE.is_file():
        print(f"startup_bundle: no bundle at {BUNDLE} (run `make dist-linux` first): skipped")
        return
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        env["PYTHON_KEYRING_BACKEND"] = "bench.file_keyring.FileKeyring"
        env["BENCH_KEYRING_FILE"] = str(Path(folder) / "keyring.json")
        env["PYTHONPATH"] = str(ROOT)
        data_dir = _prepare(Path(folder), env)
        # The frozen program cannot import the benchmark's file keyring (it imports only what it
        # carries), so both start with no remembered key: to the lock screen, the first window
        # most users see. Same window, same data folder, same work before it.
        env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
        env["BRANCHDESK_QUIT_WHEN_READY"] = "1"
        source = _median([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir)], env)
        bundled = _median([str(BUNDLE), "--data-dir", str(data_dir)], env)
    ratio = bundled / source
    print(f"startup_bundle: from source {source * 1000:.0f} ms, bundled {bundled * 1000:.0f} ms "
          f"(median of {RUNS})")
    verdict = "OK" if ratio <= GOAL else "OVER"
    print(f"startup_bundle: ratio {ratio:.2f}x (goal <= {GOAL}x) {verdict}")
