"""Databases staged in the data folder and moved into place all at once.

A new database (``init``, the setup wizard, ``demo``) and a restored one are built complete in a
staging folder inside the data folder (``.create-…``, ``.restore-…``), beside the database they
will become, and held by their process (``app.files.owned_folder``). They become the database
in one step that survives a kill or a power cut:

1. the staged database is complete: key slots written, its journal folded into the file;
2. ``restore-pending.json`` is written atomically, naming the staged folder (the commit point);
3. the files are moved into place, what they replace going to ``replaced/<time>/``, and the
   marker is removed. A start that finds the marker repeats step 3 (``finish_pending``).

So the data folder never shows a database without its key slots or its initial data: until
step 2, ``init`` and the wizard start over as if nothing happened. At every start ``tidy``
finishes a pending move, then removes what killed processes left: staging folders nobody holds
(an unfinished new database, a copy of a backup being restored or written) and partial files.
Nothing else is ever removed: ``branchdesk.db``, whatever its state, and ``replaced/`` are the
user's data; a staging folder named by the marker is finished, not removed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

from app.files import PARTIAL_PREFIX, fsync_dir, owned_folder, remove_leftovers, write_atomically
from app.storage.ids import utc_now

DB_NAME = "branchdesk.db"
KEYS_NAME = "branchdesk.keys"
KEYRING_SERVICE = "BranchDesk"  # the credential store's service name of the remembered keys
REMEMBER_NAME = "remembered-on-this-pc"  # the key is in this PC's credential store (see vault)
DB_FILES = (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm")
PENDING = "restore-pending.json"  # the name from when only restores were staged; kept as it is
REPLACED = "replaced"

Purpose = Literal["create", "restore", "backup"]
PREFIXES: dict[Purpose, str] = {"create": ".create-", "restore": ".restore-", "backup": ".backup-"}
LEGACY_PREFIXES = (".incoming-",)  # restores of earlier versions staged their files there


@contextmanager
def staging_folder(data_dir: Path, purpose: Purpose) -> Iterator[Path]:
    """A folder in ``data_dir`` for a database in the making; removed when the block ends
    (after ``move_into_place`` there is nothing left in it), unless the move into place was
    committed and failed half-way: then the next start finishes it."""

    def committed(folder: Path) -> bool:
        return folder.name == _pending(data_dir)

    with owned_folder(data_dir, PREFIXES[purpose], keep=committed) as folder:
        yield folder


def move_into_place(data_dir: Path, staged: Path, with_keys: bool) -> Path | None:
    """Make the complete database in ``staged`` (and its key slots, if ``with_keys``) the data
    folder's; returns the folder the replaced database went to (None when there was none)."""
    if not with_keys:
        (staged / KEYS_NAME).unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        if Path(f"{staged / DB_NAME}{suffix}").exists():
            raise RuntimeError("a staged database must have its journal folded in")
    aside = Path(REPLACED) / utc_now().strftime("%Y%m%d-%H%M%S-%f")
    had_database = (data_dir / DB_NAME).exists()
    marker = {"incoming": staged.name, "aside": aside.as_posix()}
    write_atomically(data_dir / PENDING, json.dumps(marker).encode("utf-8"))
    finish_pending(data_dir)
    return data_dir / aside if had_database else None


def _pending(data_dir: Path) -> str | None:
    """The name of the staged folder a committed move into place still waits for."""
    try:
        marker = json.loads((data_dir / PENDING).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return str(marker["incoming"])


def finish_pending(data_dir: Path) -> None:
    """Complete a move into place that was interrupted after its marker was written."""
    marker_path = data_dir / PENDING
    if not marker_path.exists():
        return
    marker = json.loads(marker_path.read_text(encoding="utf-8"))
    incoming = data_dir / marker["incoming"]
    aside = data_dir / marker["aside"]
    if (incoming / DB_NAME).exists():
        replaced = [name for name in (*DB_FILES, KEYS_NAME) if (data_dir / name).exists()]
        if replaced:
            aside.mkdir(parents=True, exist_ok=True)
        for name in DB_FILES:
            if (data_dir / name).exists():
                os.replace(data_dir / name, aside / name)
        if (data_dir / KEYS_NAME).exists() and not (aside / KEYS_NAME).exists():
            shutil.copy2(data_dir / KEYS_NAME, aside / KEYS_NAME)  # copied: a crash keeps one
        if (incoming / KEYS_NAME).exists():
            os.replace(incoming / KEYS_NAME, data_dir / KEYS_NAME)
        os.replace(incoming / DB_NAME, data_dir / DB_NAME)
    fsync_dir(data_dir)
    shutil.rmtree(incoming, ignore_errors=True)
    if aside.is_dir() and not any(aside.iterdir()):
        aside.rmdir()
    marker_path.unlink()
    fsync_dir(data_dir)


def tidy(data_dir: Path) -> list[str]:
    """At a start: finish a pending move, then remove what killed processes left behind.
    Returns the names removed."""
    if not data_dir.is_dir():
        return []
    finish_pending(data_dir)
    prefixes = (*PREFIXES.values(), *LEGACY_PREFIXES, PARTIAL_PREFIX)
    return remove_leftovers(data_dir, prefixes)
