"""The window and the command line start without the PDF producer: reportlab needs Pillow at
import, which the installers leave out (installer/branchdesk.spec), so a module-level import of a
document module on the start-up path stopped the bundled program at start (test_dist_linux)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_start_up_loads_no_pdf_producer():
    code = ("import sys, ui.cli.commands, ui.shell.main_window; "
            "print(sorted(m for m in ('reportlab', 'PIL') if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, check=True)
    assert done.stdout.strip() == "[]"
