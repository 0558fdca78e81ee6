"""A writer killed with SIGKILL, many times: the database reopens whole, every commit is kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from app.storage.models import Setting
from tests.conftest import FAST_KDF, PASSPHRASE

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.services.workspace import Workspace, KdfParams
    from app.storage.models import Setting

    ws = Workspace(Path(sys.argv[1]), keyring=None, kdf=KdfParams(n={n}, r={r}, p={p}))
    ws.unlock(sys.argv[2])
    round_ = sys.argv[3]
    i = 0
    while True:
        key = f"crash-{{round_}}-{{i}}"
        with ws.unit_of_work() as uow:
            uow.session.add(Setting(key=key, value="x" * 2000))
            uow.audit("test.write", "setting", key)
            uow.commit()
        print(key, flush=True)
        i += 1
    """
).format(n=FAST_KDF.n, r=FAST_KDF.r, p=FAST_KDF.p)

ROUNDS = 12


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_writes_loses_no_committed_row(workspace, make_workspace, data_dir):
    workspace.lock()
    root = Path(__file__).resolve().parents[3]
    committed: list[str] = []
    for round_ in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data_dir), PASSPHRASE, str(round_)],
            cwd=root, stdout=subprocess.PIPE, text=True,
        )
        assert child.stdout is not None
        # Let it commit a varying number of rows, then kill it mid-stream.
        wanted = 3 + (round_ * 7) % 25
        for _ in range(wanted):
            line = child.stdout.readline()
            assert line, "the writer died by itself"
            committed.append(line.strip())
        time.sleep(0.001 * round_)
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        committed.extend(rest.split())

        ws = make_workspace(keyring=None)
        ws.unlock(PASSPHRASE)
        report = ws.check()
        assert report.ok, report
        with ws.unit_of_work() as uow:
            stored = set(uow.session.scalars(select(Setting.key)))
        ws.lock()
        missing = [key for key in committed if key not in stored]
        assert not missing, f"round {round_}: lost {missing[:5]}"
    assert len(committed) >= ROUNDS * 3
