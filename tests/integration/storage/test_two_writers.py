"""Two writers on one real SQLCipher database: a writer waits for the other (BEGIN IMMEDIATE and
the busy timeout) instead of failing with "database is locked"; readers never wait; a lock held
past the timeout is a typed error with a Chinese message, not a traceback."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from app.errors import DatabaseBusyError
from app.services import branch, members
from app.services.workspace import Workspace
from app.storage import engine as storage_engine
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[3]

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from app.services import members
    from app.services.workspace import KdfParams, Workspace

    data_dir, name, rounds = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    ws = Workspace(data_dir, kdf=KdfParams(n=2**10, r=8, p=1))
    ws.unlock(sys.argv[4])
    print("ready", flush=True)
    sys.stdin.readline()  # both start writing at the same moment
    for i in range(rounds):
        with ws.unit_of_work() as uow:
            members.party_groups(uow)  # read first, then write: the case that failed at once
            members.create_party_group(uow, f"{name}-{i}")
            uow.commit()
    ws.lock()
    print("done", flush=True)
    """
)


def add_group(workspace: Workspace, name: str) -> None:
    with workspace.unit_of_work() as uow:
        members.create_party_group(uow, name)
        uow.commit()


def test_two_processes_writing_at_once_both_succeed(workspace: Workspace, tmp_path: Path):
    workspace.lock()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    rounds = 40
    processes = [
        subprocess.Popen(
            [sys.executable, str(script), str(workspace.data_dir), name, str(rounds), PASSPHRASE],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": ""},
        )
        for name in ("window", "other")
    ]
    for process in processes:
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
    for process in processes:
        assert process.stdin is not None
        process.stdin.write("go\n")
        process.stdin.flush()
    results = [process.communicate(timeout=120) for process in processes]
    for process, (out, err) in zip(processes, results, strict=True):
        assert process.returncode == 0, err
        assert out.strip() == "done"
    workspace.unlock(PASSPHRASE)
    with workspace.unit_of_work(read_only=True) as uow:
        names = {g.name for g in members.party_groups(uow)}
    assert len(names) == 2 * rounds
    assert workspace.check().ok


def test_a_writer_waits_for_another_writer_to_commit(workspace: Workspace, make_workspace):
    other = make_workspace()
    other.unlock(PASSPHRASE)
    started = threading.Event()
    finished: list[str] = []

    def second_writer() -> None:
        with other.unit_of_work() as uow:
            started.set()
            members.create_party_group(uow, "第二党小组")  # waits for the first to commit
            uow.commit()
        finished.append("second")

    with workspace.unit_of_work() as uow:
        members.party_groups(uow)
        members.create_party_group(uow, "第一党小组")
        thread = threading.Thread(target=second_writer)
        thread.start()
        assert started.wait(10)
        thread.join(0.3)
        assert thread.is_alive()  # it waits, it does not fail
        uow.commit()
    thread.join(30)
    assert finished == ["second"]
    other.lock()


def test_a_reader_neither_waits_for_a_writer_nor_writes(workspace: Workspace, make_workspace):
    other = make_workspace()
    other.unlock(PASSPHRASE)
    with workspace.unit_of_work() as writer:
        members.create_party_group(writer, "第一党小组")
        with other.unit_of_work(read_only=True) as reader:  # at once, the last commit
            assert branch.load_profile(reader).name
            assert members.party_groups(reader) == []
            with pytest.raises(OperationalError, match="readonly"):
                members.create_party_group(reader, "不应写入")
        writer.commit()
    with other.unit_of_work() as uow:  # the same pooled connection writes again afterwards
        members.create_party_group(uow, "第二党小组")
        uow.commit()
    other.lock()


def test_a_lock_held_past_the_timeout_is_a_typed_error(
    workspace: Workspace, make_workspace, monkeypatch, qapp
):
    from ui.common.i18n import install_translations
    from ui.common.messages import message_for

    monkeypatch.setattr(storage_engine, "BUSY_TIMEOUT_SECONDS", 0.3)
    other = make_workspace()
    other.unlock(PASSPHRASE)
    with workspace.unit_of_work() as writer:
        members.create_party_group(writer, "第一党小组")
        with pytest.raises(DatabaseBusyError) as caught:
            add_group(other, "第二党小组")
        writer.commit()
    install_translations(qapp)
    assert "数据正忙" in message_for(caught.value)
    other.lock()
