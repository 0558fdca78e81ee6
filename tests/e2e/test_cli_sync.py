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


def test_dues_ledger_works_after_two_pcs_reversed_one_payment_and_generated_one_month(
    server, tmp_path
):
    """Two PCs of one branch reverse the same payment and generate the same month, then sync by
    the command line: ``dues ledger`` still writes the workbook (it failed with a traceback:
    the payment was reversed twice) and every member owes the month once."""
    from datetime import date
    from decimal import Decimal

    from openpyxl import load_workbook
    from sqlalchemy import func, select

    from app.domain.calendar import Month
    from app.services import dues as d
    from app.services import members as m
    from app.services.workspace import Workspace
    from app.storage.models import DuesEventRow
    from tests.conftest import id_number
    from tests.e2e.test_cli import PASSPHRASE

    branch_id, _code = server.branch()
    pcs = [tmp_path / "office", tmp_path / "laptop"]
    for data_dir in pcs:
        assert run(data_dir, "init", "--branch-name", "第六党支部",
                   "--branch-code", "BR-6").returncode == 0

    def services(data_dir, work):
        workspace = Workspace(data_dir)
        workspace.unlock(PASSPHRASE)
        try:
            with workspace.unit_of_work() as uow:
                found = work(uow)
                uow.commit()
                return found
        finally:
            workspace.lock()

    def first_pc(uow):
        member = m.create_member(uow, m.MemberInput(name="王工", id_number=id_number(1)),
                                 date(2026, 1, 1))
        d.set_base(uow, member, Month(2026, 1), Decimal("4800.00"))
        d.generate_month(uow, Month(2026, 9))
        return d.record_payment(uow, member, date(2026, 9, 20), [Month(2026, 9)],
                                Decimal("48.00")).event_id

    payment = services(pcs[0], first_pc)
    for data_dir in pcs:
        result = run(data_dir, "sync", "--server", server.url, "--enroll", server.code(branch_id))
        assert result.returncode == 0, result.stderr
    assert run(pcs[0], "sync").returncode == 0

    def both(uow):
        d.reverse(uow, payment, date(2026, 10, 8), "收据作废")
        d.generate_month(uow, Month(2026, 10))

    for data_dir in pcs:
        services(data_dir, both)
    for data_dir in (*pcs, *pcs):
        result = run(data_dir, "sync")
        assert result.returncode == 0, result.stderr
    for data_dir in pcs:
        target = tmp_path / f"{data_dir.name}.xlsx"
        result = run(data_dir, "dues", "ledger", "--year", "2026", str(target))
        assert result.returncode == 0, result.stderr
        assert load_workbook(target).sheetnames
        owed = services(data_dir, lambda uow: uow.session.scalar(
            select(func.count()).where(DuesEventRow.kind == "due",
                                       DuesEventRow.month == "2026-10")))
        assert owed == 1


def test_the_branch_profile_held_back_is_not_called_secret(server, tmp_path):
    """A new PC's first sync holds back only the branch profile (the platform keeps it): the
    command line said "1 项（秘密）仅保留在本机" although nothing was 秘密 (issue 13)."""
    pc = tmp_path / "new-pc"
    made = run(pc, "init", "--branch-name", "机关第一党支部", "--branch-code", "BR-0001")
    assert made.returncode == 0, made.stderr
    _, code = server.branch()
    result = run(pc, "sync", "--server", server.url, "--enroll", code)
    assert result.returncode == 0, result.stderr
    assert "秘密" not in result.stdout
    assert "支部信息由平台管理员维护" in result.stdout
