"""app/files.py: atomic writes, and leftovers of killed processes removed, those of living ones
kept."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from app import files

ROOT = Path(__file__).resolve().parents[2]

HOLDER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from app import files

    target = Path(sys.argv[2])
    if sys.argv[1] == "file":
        with files.replacing(target) as out:
            out.write(b"half of it")
            print("ready", flush=True)
            time.sleep(120)
    else:
        with files.owned_folder(target, ".create-") as folder:
            (folder / "branchdesk.db").write_bytes(b"x" * 100)
            print("ready", flush=True)
            time.sleep(120)
    """
)


def holder(kind: str, target: Path) -> subprocess.Popen[str]:
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, kind, str(target)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "ready"
    return child


def kill(child: subprocess.Popen[str]) -> None:
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)


def test_replacing_swaps_in_the_new_content_or_leaves_the_old(tmp_path):
    target = tmp_path / "roster.xlsx"
    files.write_atomically(target, b"old")

    def write_half() -> None:
        with files.replacing(target) as out:
            out.write(b"new but unfinished")
            raise RuntimeError("failed half-way")

    with pytest.raises(RuntimeError):
        write_half()
    assert target.read_bytes() == b"old"
    files.write_atomically(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["roster.xlsx"]
    with pytest.raises(FileNotFoundError):
        files.write_atomically(tmp_path / "no such folder" / "x.pdf", b"x")


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_partial_file_is_kept_while_its_writer_lives_and_removed_after_a_kill(tmp_path):
    target = tmp_path / "花名册.xlsx"
    child = holder("file", target)
    try:
        (partial,) = tmp_path.glob(".~花名册.xlsx.*.partial")
        other = tmp_path / ".~other.xlsx.0123.partial"  # another target's: not this write's
        other.write_bytes(b"x")
        os.utime(other, (time.time() - 3600, time.time() - 3600))
        files.write_atomically(target, b"the second export")
        assert partial.exists(), "removed the partial file of a living writer"
    finally:
        kill(child)
    files.write_atomically(target, b"the third export")
    assert not partial.exists()
    assert other.exists()
    assert target.read_bytes() == b"the third export"


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_an_owned_folder_is_kept_while_its_owner_lives_and_removed_after_a_kill(tmp_path):
    child = holder("folder", tmp_path)
    try:
        (folder,) = tmp_path.glob(".create-*")
        assert files.remove_leftovers(tmp_path, (".create-",)) == []
        assert (folder / "branchdesk.db").exists()
    finally:
        kill(child)
    assert files.remove_leftovers(tmp_path, (".create-",)) == [folder.name]
    assert not folder.exists()


def test_a_folder_without_an_owner_is_removed_only_when_old(tmp_path):
    fresh = tmp_path / ".restore-fresh"
    old = tmp_path / ".restore-old"
    for folder in (fresh, old):
        folder.mkdir()
        (folder / "branchdesk.db").write_bytes(b"x")
    long_ago = time.time() - 2 * files.UNOWNED_GRACE_SECONDS
    os.utime(old, (long_ago, long_ago))
    kept = tmp_path / "restore-notes"
    kept.mkdir()
    assert files.remove_leftovers(tmp_path, (".restore-",)) == [old.name]
    assert fresh.exists()
    assert kept.exists()
