"""Nothing the app writes holds a stored value in the clear (DESIGN.md, "Security model")."""

from __future__ import annotations

from pathlib import Path

from app.services import branch
from app.services.workspace import BranchProfile

MARKERS = ("ZQXJ-unique-marker-4711", "独一无二的支部名称标记")


def encodings(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_database_wal_keys_logs_and_backups_hold_no_plaintext(workspace, data_dir, tmp_path):
    profile = BranchProfile(
        name=f"{MARKERS[1]}{MARKERS[0]}", code=MARKERS[0], higher_org=MARKERS[1],
        secretary=MARKERS[1],
    )
    with workspace.unit_of_work() as uow:
        branch.save_profile(uow, profile)
        uow.commit()
    # Read it back while the WAL still holds the change (checked before and after closing).
    with workspace.unit_of_work() as uow:
        assert branch.load_profile(uow).code == MARKERS[0]
    backup = tmp_path / "backup.bdbak"
    workspace.backup(backup)
    files_open = [*every_file(data_dir), backup]
    assert any(p.name.endswith("-wal") for p in files_open)
    workspace.lock()
    files_closed = [*every_file(data_dir), backup]
    for path in files_open + files_closed:
        if not path.exists():
            continue
        raw = path.read_bytes()
        for marker in MARKERS:
            for encoded in encodings(marker):
                assert encoded not in raw, f"{marker!r} found in {path.name}"
