"""Files written so that a process killed at any moment leaves nothing half-done behind.

A killed process cannot clean up after itself. So everything it writes on the way to a finished
file is *owned*: it carries an OS lock (``flock`` on POSIX, ``msvcrt.locking`` on Windows) that
the system drops when the process ends, however it ends. Whoever writes into the same folder next
(the next export beside the same file; for the data folder, the next start) removes what no
living process owns.

* ``replacing(path)``: a temporary file beside ``path`` (``.~NAME.TOKEN.partial``), fsynced and
  renamed over ``path`` when the block ends without an error, removed when it fails.
* ``write_atomically(path, data)``: the same for bytes already in memory.
* ``owned_folder(parent, prefix)``: a folder inside ``parent`` for work in progress (a database
  being built or restored), its lock in the ``.owner`` file inside; removed when the block ends.
* ``remove_leftovers(folder, prefixes)``: removes the partial files and owned folders under those
  prefixes that no living process holds.

Only names this module made are ever removed: a partial file ends in ``.partial`` and starts
with ``.~``; an owned folder starts with a caller's prefix. A folder without its ``.owner`` file
(a kill between making the folder and locking it, or a leftover of an older version) is removed
only once it is ``UNOWNED_GRACE_SECONDS`` old.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

PARTIAL_PREFIX = ".~"
PARTIAL_SUFFIX = ".partial"
OWNER = ".owner"
UNOWNED_GRACE_SECONDS = 60.0


# ---------------------------------------------------------------- writing files
@contextmanager
def replacing(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into; see the module docstring.

    Leftovers of an earlier, killed write of the same ``path`` are removed first. Raises OSError
    (the folder cannot be written: before anything is in it)."""
    path = Path(path)
    folder = path.parent
    remove_leftovers(folder, (partial_prefix(path),))
    partial = folder / f"{partial_prefix(path)}{os.urandom(6).hex()}{PARTIAL_SUFFIX}"
    fd = os.open(partial, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    out = os.fdopen(fd, "w+b")
    try:
        _lock(fd, wait=True)
        yield out
        out.flush()
        os.fsync(fd)
        if sys.platform == "win32":  # an open file cannot be renamed there
            out.close()
        os.replace(partial, path)
        out.close()
    except BaseException:
        out.close()
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(folder)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new content.
    Raises OSError (FileNotFoundError when the folder does not exist)."""
    with replacing(Path(path)) as out:
        out.write(data)


def partial_prefix(path: Path) -> str:
    """How the names of ``path``'s partial files start."""
    return f"{PARTIAL_PREFIX}{Path(path).name}."


def fsync_dir(directory: Path) -> None:
    """Make a rename in ``directory`` durable (POSIX; Windows has no directory handles)."""
    if os.name == "posix":
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# ---------------------------------------------------------------- work in progress
@contextmanager
def owned_folder(
    parent: Path, prefix: str, keep: Callable[[Path], bool] = lambda _folder: False
) -> Iterator[Path]:
    """A new folder ``parent/PREFIXxxxx`` held by this process until the block ends, then
    removed with whatever is still in it, unless ``keep(folder)`` says it is needed still."""
    parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    fd = os.open(folder / OWNER, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        _lock(fd, wait=True)
        yield folder
    finally:
        os.close(fd)
        if not keep(folder):
            shutil.rmtree(folder, ignore_errors=True)


def remove_leftovers(
    folder: Path, prefixes: Collection[str], keep: Collection[str] = ()
) -> list[str]:
    """Remove what killed processes left in ``folder`` under ``prefixes`` (names in ``keep``
    excepted); returns the names removed. Never raises for a file that is gone or in use."""
    removed: list[str] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if name in keep or not name.startswith(tuple(prefixes)):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                if not name.startswith(PARTIAL_PREFIX) and _folder_abandoned(Path(entry.path)):
                    shutil.rmtree(entry.path)
                    removed.append(name)
            elif (
                name.startswith(PARTIAL_PREFIX)
                and name.endswith(PARTIAL_SUFFIX)
                and entry.is_file(follow_symlinks=False)
                and not _held(Path(entry.path))
            ):
                os.unlink(entry.path)
                removed.append(name)
        except OSError:
            continue  # in use (Windows) or removed by someone else meanwhile
    return removed


def _folder_abandoned(folder: Path) -> bool:
    owner = folder / OWNER
    if owner.exists():
        return not _held(owner)
    return time.time() - folder.stat().st_mtime > UNOWNED_GRACE_SECONDS


def _held(path: Path) -> bool:
    """True when a living process holds ``path``'s lock (or it cannot be opened to find out)."""
    try:
        fd = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        return False
    except OSError:
        return True
    try:
        return not _lock(fd, wait=False)
    finally:
        os.close(fd)  # drops the lock if this process took it


def _lock(fd: int, wait: bool) -> bool:
    """Take the exclusive lock of the open file ``fd``; False if another process holds it."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_LOCK if wait else msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except OSError:
        return False
    return True
