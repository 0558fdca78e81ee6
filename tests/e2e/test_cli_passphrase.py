"""``passphrase change`` (with the passphrase or the recovery code) and ``passphrase
new-recovery-code``, as an administrator runs them: real processes, exit codes, Chinese lines."""

from __future__ import annotations

import io
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run

CODE = re.compile(r"[A-Z2-9]{4}(?:-[A-Z2-9]{4}){5}")
NEW_PASSPHRASE = "a brand new passphrase"


def initialized(data_dir: Path) -> str:
    """A new database; returns its recovery code."""
    result = run(data_dir, "init", "--branch-name", "第五党支部", "--branch-code", "BR-5")
    assert result.returncode == 0, result.stderr
    match = CODE.search(result.stdout)
    assert match is not None
    return match.group(0)


def change(
    data_dir: Path, current: str | None, new: str | None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    env = {} if new is None else {"BRANCHDESK_NEW_PASSPHRASE": new}
    return run(data_dir, "passphrase", "change", passphrase=current, stdin=stdin, extra_env=env)


def test_change_with_the_recovery_code_then_check_with_the_new_passphrase(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    code = initialized(data_dir)

    result = change(data_dir, code.lower(), NEW_PASSPHRASE)
    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout)
    assert "恢复码" in result.stdout  # the hint to make a new one
    assert NEW_PASSPHRASE not in result.stdout + result.stderr

    assert run(data_dir, "check", passphrase=NEW_PASSPHRASE).returncode == 0
    old = run(data_dir, "check", passphrase=PASSPHRASE)
    assert old.returncode == 1
    assert "口令不正确" in one_chinese_line(old.stderr)


def test_change_with_the_passphrase_from_standard_input(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    initialized(data_dir)
    result = change(data_dir, None, None, stdin=f"{PASSPHRASE}\n{NEW_PASSPHRASE}\n")
    assert result.returncode == 0, result.stderr
    assert run(data_dir, "check", passphrase=NEW_PASSPHRASE).returncode == 0


def test_a_wrong_secret_or_a_short_new_passphrase_changes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    initialized(data_dir)
    keys = (data_dir / "branchdesk.keys").read_bytes()
    wrong = change(data_dir, "neither of them", NEW_PASSPHRASE)
    assert wrong.returncode == 1
    assert "口令或恢复码不正确" in one_chinese_line(wrong.stderr)
    short = change(data_dir, PASSPHRASE, "short")
    assert short.returncode == 1
    one_chinese_line(short.stderr)
    assert (data_dir / "branchdesk.keys").read_bytes() == keys
    assert run(data_dir, "check").returncode == 0


def test_new_recovery_code_replaces_the_old_one(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    old_code = initialized(data_dir)
    result = run(data_dir, "passphrase", "new-recovery-code")
    assert result.returncode == 0, result.stderr
    codes = CODE.findall(result.stdout)
    assert len(codes) == 1
    new_code = codes[0]
    assert new_code != old_code
    assert CJK.search(result.stdout)

    refused = change(data_dir, old_code, NEW_PASSPHRASE)
    assert refused.returncode == 1
    one_chinese_line(refused.stderr)
    assert change(data_dir, new_code, NEW_PASSPHRASE).returncode == 0
    assert run(data_dir, "check", passphrase=NEW_PASSPHRASE).returncode == 0


class TerminalInput(io.StringIO):
    """Standard input that is a terminal: the passphrases are typed at ``getpass``'s prompts."""

    def isatty(self) -> bool:
        return True


def test_at_a_terminal_the_new_passphrase_is_typed_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication
) -> None:
    """In this process (the terminal's prompts are ``getpass``'s): the Chinese translations are
    installed on pytest-qt's application, as the command line installs them on its own."""
    from app.services.workspace import BranchProfile, KdfParams, Workspace
    from ui.cli import commands as cli
    from ui.shell.app import configure_application

    configure_application(qapp)
    workspace = Workspace(tmp_path / "data", kdf=KdfParams(n=2**10, r=8, p=1))
    code = workspace.create(BranchProfile("第五党支部", "BR-5", "", ""), PASSPHRASE)
    workspace.lock()
    for name in ("BRANCHDESK_PASSPHRASE", "BRANCHDESK_NEW_PASSPHRASE"):
        monkeypatch.delenv(name, raising=False)
    prompts: list[str] = []

    def typed(answers: list[str]) -> Callable[[str], str]:
        def getpass(prompt: str) -> str:
            prompts.append(prompt)
            return answers.pop(0)
        return getpass

    args = cli.parse(["passphrase", "change"])
    monkeypatch.setattr("getpass.getpass", typed([code, NEW_PASSPHRASE, NEW_PASSPHRASE + "x"]))
    stdout, stderr = io.StringIO(), io.StringIO()
    assert cli.run(args, workspace, TerminalInput(), stdout, stderr) == 1
    assert stderr.getvalue() == "两次输入的口令不一致，未作任何更改。\n"
    assert prompts == ["当前口令或恢复码：", "新口令：", "再次输入口令："]

    monkeypatch.setattr("getpass.getpass", typed([code, NEW_PASSPHRASE, NEW_PASSPHRASE]))
    assert cli.run(args, workspace, TerminalInput(), stdout, stderr) == 0
    workspace.unlock(NEW_PASSPHRASE)
    workspace.lock()
