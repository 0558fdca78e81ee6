"""Notices as tasks from the command line: the administrator publishes a notice with a due date,
the answer it asks for and an attachment; an air-gapped PC receives it through real bundle files
and real processes (`python -m server import-bundle`, `main.py sync import-bundle`)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

from tests.e2e.test_cli import ROOT, run
from tests.e2e.test_cli_bundles import air_pc, platform, platform_cli  # noqa: F401 - fixtures


def admin(database: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "server", "--database", database, "admin", *args],
                          capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)


def test_a_notice_reaches_an_air_gapped_pc_and_the_answers_are_listed(
    tmp_path, platform, air_pc  # noqa: F811 - the fixtures imported above
):
    url, _store, _branch = platform
    form = tmp_path / "党员信息采集表.xlsx"
    form.write_bytes(b"PK\x03\x04 form")
    due = (date.today() + timedelta(days=7)).isoformat()
    published = admin(url, "notice", "--branch", "BR-0001", "--title",
                             "关于采集党员信息的通知", "--body", "请填写附件后上报。", "--due", due,
                             "--response", "file", "--attach", str(form))
    assert published.returncode == 0, published.stderr
    assert "已发布通知（第 1 号）" in published.stdout

    upload, answer = tmp_path / "upload.bdsync", tmp_path / "answer.bdsync"
    assert run(air_pc, "sync", "export-bundle", str(upload)).returncode == 0
    imported = platform_cli(url, "import-bundle", str(upload), "--out", str(answer))
    assert imported.returncode == 0, imported.stderr
    applied = run(air_pc, "sync", "import-bundle", str(answer))
    assert applied.returncode == 0, applied.stderr
    assert "平台通知：新收到 1 条" in applied.stdout

    listed = admin(url, "answers", "1")
    assert listed.returncode == 0, listed.stderr
    assert "还没有支部回复" in listed.stdout
    wrong = admin(url, "notice", "--all", "--title", "T", "--body", "B",
                         "--response", "signature")
    assert wrong.returncode == 2
