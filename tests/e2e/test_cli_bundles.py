"""`main.py sync export-bundle / import-bundle` and `python -m server import-bundle`: real
processes, real files, the way an air-gapped branch and the platform administrator use them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from server import db as server_db
from server.bundles import platform_public_key_file, register_device_key
from server.store import Store
from tests.e2e.test_cli import ROOT, one_chinese_line, run


def platform_cli(database: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "server", *args, "--database", database],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
    )


@pytest.fixture
def platform(tmp_path: Path) -> tuple[str, Store, str]:
    url = server_db.default_url(str(tmp_path / "platform.db"))
    store = Store(server_db.make_engine(url))
    branch_id = store.create_branch("BR-0001", "机关第一党支部")
    yield url, store, branch_id
    store.engine.dispose()


@pytest.fixture
def air_pc(tmp_path: Path, platform: tuple[str, Store, str]) -> Path:
    _url, store, branch_id = platform
    data_dir = tmp_path / "pc"
    assert run(data_dir, "demo", "--members", "5").returncode == 0
    key = tmp_path / "pc-key.json"
    made = run(data_dir, "sync", "device-key", str(key))
    assert made.returncode == 0, made.stderr
    assert "公钥文件" in made.stdout
    register_device_key(store, branch_id, key.read_text(encoding="utf-8"))
    platform_key = tmp_path / "platform-key.json"
    platform_key.write_text(platform_public_key_file(store), encoding="utf-8")
    set_key = run(data_dir, "sync", "platform-key", str(platform_key))
    assert set_key.returncode == 0, set_key.stderr
    return data_dir


def test_export_import_round_trip_through_the_platform_cli(tmp_path, platform, air_pc):
    url, store, _branch = platform
    upload = tmp_path / "stick" / "upload.bdsync"
    upload.parent.mkdir()
    exported = run(air_pc, "sync", "export-bundle", str(upload))
    assert exported.returncode == 0, exported.stderr
    assert "可以安全移除" in exported.stdout
    count = int(re.search(r"包含 (\d+) 项更改", exported.stdout).group(1))
    assert count > 0

    answer = tmp_path / "stick" / "answer.bdsync"
    imported = platform_cli(url, "import-bundle", str(upload), "--out", str(answer))
    assert imported.returncode == 0, imported.stderr
    assert store.record_count() > 0

    applied = run(air_pc, "sync", "import-bundle", str(answer))
    assert applied.returncode == 0, applied.stderr
    assert f"平台确认 {count} 项更改" in applied.stdout

    again = run(air_pc, "sync", "import-bundle", str(answer))
    assert again.returncode == 1
    assert "已导入过" in one_chinese_line(again.stderr)
    twice = platform_cli(url, "import-bundle", str(upload))  # its answer is written again
    assert twice.returncode == 0, twice.stderr
    assert "此前已导入，未重复记入任何变更" in twice.stdout

    nothing_left = run(air_pc, "sync", "export-bundle", str(tmp_path / "next.bdsync"))
    assert "包含 0 项更改" in nothing_left.stdout


def test_damaged_and_truncated_bundles_are_one_chinese_line(tmp_path, platform, air_pc):
    url, _store, _branch = platform
    upload = tmp_path / "upload.bdsync"
    assert run(air_pc, "sync", "export-bundle", str(upload)).returncode == 0
    answer = tmp_path / "answer.bdsync"
    assert platform_cli(url, "import-bundle", str(upload), "--out", str(answer)).returncode == 0
    data = answer.read_bytes()

    damaged = tmp_path / "damaged.bdsync"
    damaged.write_bytes(data[:300] + bytes([data[300] ^ 1]) + data[301:])
    refused = run(air_pc, "sync", "import-bundle", str(damaged))
    assert refused.returncode == 1
    assert "损坏" in one_chinese_line(refused.stderr)

    truncated = tmp_path / "truncated.bdsync"
    truncated.write_bytes(data[: len(data) // 2])
    cut = run(air_pc, "sync", "import-bundle", str(truncated))
    assert cut.returncode == 1
    assert "不完整" in one_chinese_line(cut.stderr)

    missing = run(air_pc, "sync", "import-bundle", str(tmp_path / "nowhere.bdsync"))
    assert missing.returncode == 1
    one_chinese_line(missing.stderr)

    assert run(air_pc, "sync", "import-bundle", str(answer)).returncode == 0


def test_export_without_the_platform_key_says_what_to_do(tmp_path):
    data_dir = tmp_path / "fresh"
    assert run(data_dir, "demo", "--members", "2").returncode == 0
    result = run(data_dir, "sync", "export-bundle", str(tmp_path / "x.bdsync"))
    assert result.returncode == 1
    assert "平台公钥" in one_chinese_line(result.stderr)
    assert not (tmp_path / "x.bdsync").exists()


def test_online_sync_arguments_still_work_without_a_subcommand(tmp_path):
    data_dir = tmp_path / "fresh"
    assert run(data_dir, "demo", "--members", "2").returncode == 0
    result = run(data_dir, "sync")
    assert result.returncode == 1
    assert "注册" in one_chinese_line(result.stderr)


def test_a_pc_restored_from_an_older_backup_syncs_by_bundle_again(tmp_path, platform, air_pc):
    url, _store, _branch = platform

    def round_trip(name: str) -> subprocess.CompletedProcess[str]:
        upload, answer = tmp_path / f"{name}.bdsync", tmp_path / f"{name}-return.bdsync"
        assert run(air_pc, "sync", "export-bundle", str(upload)).returncode == 0
        imported = platform_cli(url, "import-bundle", str(upload), "--out", str(answer))
        assert imported.returncode == 0, imported.stderr
        applied = run(air_pc, "sync", "import-bundle", str(answer))
        assert applied.returncode == 0, applied.stderr
        return imported

    round_trip("first")
    backup = tmp_path / "pc.bdbackup"
    assert run(air_pc, "backup", str(backup)).returncode == 0
    round_trip("second")
    round_trip("third")
    assert run(air_pc, "restore", str(backup)).returncode == 0
    upload, answer = tmp_path / "restored.bdsync", tmp_path / "restored-return.bdsync"
    assert run(air_pc, "sync", "export-bundle", str(upload)).returncode == 0
    imported = platform_cli(url, "import-bundle", str(upload), "--out", str(answer))
    assert imported.returncode == 0, imported.stderr  # was: out_of_order, for ever
    assert "该电脑可能已从较早的备份恢复" in imported.stdout
    applied = run(air_pc, "sync", "import-bundle", str(answer))
    assert applied.returncode == 0, applied.stderr
    assert "本机的数据来自较早的备份" in applied.stdout
    assert "已从较早的备份恢复" not in round_trip("after").stdout
