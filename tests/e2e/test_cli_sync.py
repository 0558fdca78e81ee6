"""`main.py sync` against the reference server on a loopback port (a real process, real HTTP)."""

from __future__ import annotations

import re

import pytest

from tests.e2e.test_cli import CJK, one_chinese_line, run
from tests.integration.sync.conftest import start_server


@pytest.fixture
def server(tmp_path):
    live = start_server(f"sqlite:///{tmp_path / 'platform.db'}")
    yield live
    live.stop()
    live.store.engine.dispose()


@pytest.fixture
def branch_pc(tmp_path):
    data_dir = tmp_path / "pc"
    result = run(data_dir, "demo", "--members", "8")
    assert result.returncode == 0, result.stderr
    return data_dir


def test_enroll_then_sync_then_nothing_new(server, branch_pc):
    _, code = server.branch()
    first = run(branch_pc, "sync", "--server", server.url, "--enroll", code)
    assert first.returncode == 0, first.stderr
    sent = int(re.search(r"上传 (\d+) 项", first.stdout).group(1))
    assert sent > 0
    second = run(branch_pc, "sync")
    assert second.returncode == 0, second.stderr
    assert "上传 0 项" in second.stdout


def test_a_used_code_and_an_unreachable_server_are_one_chinese_line(server, branch_pc, tmp_path):
    _, code = server.branch()
    assert run(branch_pc, "sync", "--server", server.url, "--enroll", code).returncode == 0
    # The same PC again (as after a lost answer): the same device, no "used code".
    again = run(branch_pc, "sync", "--server", server.url, "--enroll", code)
    assert again.returncode == 0, again.stderr
    other = tmp_path / "other"
    made = run(other, "init", "--branch-name", "机关第一党支部", "--branch-code", "BR-0001")
    assert made.returncode == 0, made.stderr
    used = run(other, "sync", "--server", server.url, "--enroll", code)
    assert used.returncode == 1
    assert "注册码" in one_chinese_line(used.stderr)
    gone = run(branch_pc, "sync", "--server", "http://127.0.0.1:9")
    assert gone.returncode == 1
    assert CJK.search(one_chinese_line(gone.stderr))


def test_sync_before_enrolling_says_what_to_do(branch_pc):
    result = run(branch_pc, "sync")
    assert result.returncode == 1
    assert "注册" in one_chinese_line(result.stderr)
