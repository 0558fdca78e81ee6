"""The command line as an administrator uses it: real processes, real files, exit codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "cli passphrase 2026"
CJK = re.compile(r"[\u4e00-\u9fff]")


def run(data_dir: Path, *args: str, passphrase: str | None = PASSPHRASE,
        stdin: str = "", extra_env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BRANCHDESK_")}
    env.update(extra_env or {})
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"
    env["QT_QPA_PLATFORM"] = "offscreen"
    if passphrase is not None:
        env["BRANCHDESK_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data_dir), *args],
        capture_output=True, text=True, env=env, input=stdin, timeout=120, check=False,
    )


def one_chinese_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert CJK.search(lines[0]), lines[0]
    return lines[0]


@pytest.fixture(scope="module")
def initialized(tmp_path_factory) -> Path:
    data_dir = tmp_path_factory.mktemp("cli") / "data"
    result = run(data_dir, "init", "--branch-name", "第三党支部", "--branch-code", "BR-3",
                 "--higher-org", "机关党委", "--secretary", "周明")
    assert result.returncode == 0, result.stderr
    assert "第三党支部" in result.stdout
    assert re.search(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){5}", result.stdout)
    assert CJK.search(result.stdout.replace("第三党支部", ""))
    return data_dir


def test_init_refuses_to_overwrite(initialized):
    result = run(initialized, "init", "--branch-name", "x", "--branch-code", "y")
    assert result.returncode == 1
    one_chinese_line(result.stderr)


def test_check_passes(initialized):
    result = run(initialized, "check")
    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout)


def test_wrong_passphrase_exits_1_with_one_chinese_line_and_changes_nothing(initialized):
    before = {p.name: p.read_bytes() for p in initialized.glob("branchdesk.*")}
    result = run(initialized, "check", passphrase="not the passphrase")
    assert result.returncode == 1
    line = one_chinese_line(result.stderr)
    assert "not the passphrase" not in line
    after = {p.name: p.read_bytes() for p in initialized.glob("branchdesk.*")}
    assert after == before


def test_passphrase_from_standard_input(initialized):
    result = run(initialized, "check", passphrase=None, stdin=PASSPHRASE + "\n")
    assert result.returncode == 0, result.stderr
    result = run(initialized, "check", passphrase=None, stdin="")
    assert result.returncode == 1
    one_chinese_line(result.stderr)


def test_backup_and_restore(initialized, tmp_path):
    target = tmp_path / "备份.bdbak"
    result = run(initialized, "backup", str(target))
    assert result.returncode == 0, result.stderr
    assert target.exists()
    result = run(initialized, "restore", str(target))
    assert result.returncode == 0, result.stderr
    assert "第三党支部" in result.stdout
    assert run(initialized, "check").returncode == 0


def test_restoring_a_foreign_file_is_refused(initialized, tmp_path):
    bogus = tmp_path / "bogus.bdbak"
    bogus.write_bytes(b"this is not a backup")
    before = {p.name: p.read_bytes() for p in initialized.glob("branchdesk.*")}
    result = run(initialized, "restore", str(bogus))
    assert result.returncode == 1
    assert "bogus.bdbak" in one_chinese_line(result.stderr)
    assert {p.name: p.read_bytes() for p in initialized.glob("branchdesk.*")} == before


def test_missing_database_is_a_user_error(tmp_path):
    result = run(tmp_path / "empty", "check")
    assert result.returncode == 1
    one_chinese_line(result.stderr)


@pytest.mark.parametrize("args", [["bogus"], ["backup"], ["init", "--branch-name", "x"]])
def test_bad_usage_exits_2(tmp_path, args):
    result = run(tmp_path / "d", *args)
    assert result.returncode == 2
    assert CJK.search(result.stderr)
