"""A new database appears complete or not at all; a start removes what killed work left behind
and nothing that could be the user's data (app/storage/staging.py)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app.errors import KeySlotsMissingError
from app.files import UNOWNED_GRACE_SECONDS
from app.services import branch
from app.storage import staging
from tests.conftest import FAST_KDF, PASSPHRASE, PROFILE

ROOT = Path(__file__).resolve().parents[3]

# Creates a database and stops for good while the branch profile is being saved into it.
CREATOR = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from app.services import branch
    from app.services.workspace import BranchProfile, KdfParams, Workspace

    def stuck(*args, **kwargs):
        print("ready", flush=True)
        time.sleep(120)

    branch.save_profile = stuck
    ws = Workspace(Path(sys.argv[1]), keyring=None, kdf=KdfParams(n={n}, r={r}, p={p}))
    ws.create(BranchProfile("一支部", "BR-1", "工委", "王"), "{passphrase}")
    """
).format(n=FAST_KDF.n, r=FAST_KDF.r, p=FAST_KDF.p, passphrase=PASSPHRASE)


def profile_of(ws) -> branch.BranchProfile:
    with ws.unit_of_work() as uow:
        return branch.load_profile(uow)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_creation_killed_half_way_leaves_a_folder_that_is_set_up_again(data_dir, make_workspace):
    child = subprocess.Popen([sys.executable, "-c", CREATOR, str(data_dir)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    try:
        assert not (data_dir / "branchdesk.db").exists()
        assert len(list(data_dir.glob(".create-*"))) == 1
        make_workspace()  # a start while the creation still runs leaves it alone
        assert len(list(data_dir.glob(".create-*"))) == 1
    finally:
        child.send_signal(signal.SIGKILL)
        child.communicate(timeout=30)
    ws = make_workspace()
    assert not ws.exists()
    assert not list(data_dir.glob(".create-*"))
    ws.create(PROFILE, PASSPHRASE)
    ws.lock()
    ws = make_workspace()
    ws.unlock(PASSPHRASE)
    assert profile_of(ws) == PROFILE
    assert ws.check().ok
    ws.lock()


def test_initial_data_is_part_of_the_new_database(data_dir, make_workspace):
    def populate_then_fail(uow) -> None:
        branch.save_profile(uow, PROFILE)
        raise RuntimeError("the sample data could not be made")

    ws = make_workspace()
    with pytest.raises(RuntimeError):
        ws.create(PROFILE, PASSPHRASE, populate_then_fail)
    assert not ws.exists()
    assert not ws.is_unlocked
    assert sorted(p.name for p in data_dir.iterdir()) == []
    code = ws.create(PROFILE, PASSPHRASE, lambda uow: uow.audit("test.populate", "test", "x"))
    assert ws.is_unlocked
    ws.lock()
    assert sorted(p.name for p in data_dir.iterdir()) == ["branchdesk.db", "branchdesk.keys"]
    ws.unlock_with_recovery_code(code)
    assert profile_of(ws) == PROFILE
    ws.lock()


def test_a_creation_cut_after_its_commit_point_is_finished_at_the_next_start(
    data_dir, make_workspace, monkeypatch
):
    def power_cut(_data_dir: Path) -> None:
        raise SystemExit("power cut")

    monkeypatch.setattr(staging, "finish_pending", power_cut)
    with pytest.raises(SystemExit):
        make_workspace().create(PROFILE, PASSPHRASE)
    monkeypatch.undo()
    assert not (data_dir / "branchdesk.db").exists()
    ws = make_workspace()
    assert ws.exists()
    assert not list(data_dir.glob(".create-*"))
    assert not (data_dir / staging.PENDING).exists()
    ws.unlock(PASSPHRASE)
    assert profile_of(ws) == PROFILE
    ws.lock()


def test_a_start_removes_abandoned_copies_and_keeps_the_users_data(
    workspace, data_dir, make_workspace
):
    workspace.lock()
    long_ago = time.time() - 2 * UNOWNED_GRACE_SECONDS
    leftovers = [".restore-a1b2", ".restore-c3d4", ".incoming-20261101", ".backup-x", ".create-y"]
    for name in leftovers:  # as earlier versions (and a kill before the lock) leave them
        (data_dir / name).mkdir()
        (data_dir / name / "branchdesk.db").write_bytes((data_dir / "branchdesk.db").read_bytes())
        os.utime(data_dir / name, (long_ago, long_ago))
    partial = data_dir / ".~branchdesk.keys.abcd.partial"
    partial.write_bytes(b"{}")
    (data_dir / "replaced" / "20261101-000000-000000").mkdir(parents=True)
    (data_dir / "replaced" / "20261101-000000-000000" / "branchdesk.db").write_bytes(b"old")
    before = {p.name: p.read_bytes() for p in data_dir.glob("branchdesk.*")}

    ws = make_workspace()
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == ["branchdesk.db", "branchdesk.keys", "replaced"]
    assert {p.name: p.read_bytes() for p in data_dir.glob("branchdesk.*")} == before
    assert (data_dir / "replaced" / "20261101-000000-000000" / "branchdesk.db").exists()
    ws.unlock(PASSPHRASE)
    assert ws.check().ok
    ws.lock()


def test_a_database_without_its_key_slots_is_never_removed(workspace, data_dir, make_workspace):
    """Whatever left it so (an earlier version's killed init, a lost file), it may be the only
    copy of a branch's data: the user is told to restore, nothing is deleted."""
    workspace.lock()
    (data_dir / "branchdesk.keys").unlink()
    database = (data_dir / "branchdesk.db").read_bytes()
    ws = make_workspace()
    with pytest.raises(KeySlotsMissingError):
        ws.unlock(PASSPHRASE)
    assert (data_dir / "branchdesk.db").read_bytes() == database


def test_a_pending_move_names_a_folder_that_is_finished_not_removed(
    workspace, data_dir, make_workspace
):
    workspace.lock()
    staged = data_dir / ".restore-pending-one"
    staged.mkdir()
    (staged / "branchdesk.db").write_bytes((data_dir / "branchdesk.db").read_bytes())
    (data_dir / staging.PENDING).write_text(
        json.dumps({"incoming": staged.name, "aside": "replaced/20261202-000000-000000"}),
        encoding="utf-8",
    )
    ws = make_workspace()
    assert not staged.exists()
    assert (data_dir / "replaced" / "20261202-000000-000000" / "branchdesk.db").exists()
    assert (data_dir / "replaced" / "20261202-000000-000000" / "branchdesk.keys").exists()
    ws.unlock(PASSPHRASE)
    assert profile_of(ws) == PROFILE
    ws.lock()
