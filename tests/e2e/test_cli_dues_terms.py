"""``dues relief | quarterly | quarterly-end | category | terms | settings`` (issue 15) as an
administrator runs them: a real process on a real encrypted database."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from app.domain.calendar import Month
from app.domain.dues import ArrearsLevel, DuesSettings
from app.services import dues as d
from app.services import dues_terms as t
from app.services import members as m
from app.services.workspace import Workspace
from tests.conftest import id_number as number
from tests.e2e.test_cli import CJK, PASSPHRASE, one_chinese_line, run

WORKER, QUARTERLY = number(1), number(2)


@pytest.fixture
def branch(tmp_path) -> tuple[Path, dict[str, str]]:
    data_dir = tmp_path / "data"
    result = run(data_dir, "init", "--branch-name", "第五党支部", "--branch-code", "BR-5")
    assert result.returncode == 0, result.stderr
    with opened(data_dir) as ws, ws.unit_of_work() as uow:
        ids = {
            "worker": m.create_member(uow, m.MemberInput(name="王工", id_number=WORKER),
                                      date(2025, 1, 1)),
            "quarterly": m.create_member(uow, m.MemberInput(name="孙季", id_number=QUARTERLY),
                                         date(2025, 1, 1)),
        }
        d.set_base(uow, ids["worker"], Month(2025, 1), Decimal("6000"))
        d.set_base(uow, ids["quarterly"], Month(2025, 1), Decimal("4000"))
        uow.commit()
    return data_dir, ids


class opened:  # noqa: N801 - used as a context manager
    def __init__(self, data_dir: Path) -> None:
        self.workspace = Workspace(data_dir)

    def __enter__(self) -> Workspace:
        self.workspace.unlock(PASSPHRASE)
        return self.workspace

    def __exit__(self, *_exc: object) -> None:
        self.workspace.lock()


def ok(data_dir: Path, *args: str) -> str:
    result = run(data_dir, "dues", *args)
    assert result.returncode == 0, result.stderr
    assert CJK.search(result.stdout), result.stdout
    return result.stdout


def test_a_july_retirement_from_the_command_line(branch):
    """Issue 15: ``dues category ID retired --from 2025-07``: June 90.00 (第二条), July 60.00
    (第五条), generated afterwards."""
    data_dir, ids = branch
    out = ok(data_dir, "category", WORKER, "离退休", "--from", "2025-07")  # as the window names it
    assert "离退休" in out
    with opened(data_dir) as ws, ws.unit_of_work() as uow:
        d.generate_month(uow, Month(2025, 6))
        d.generate_month(uow, Month(2025, 7))
        ledger = d.ledger(uow)
        uow.commit()
    assert ledger.balance(ids["worker"], Month(2025, 6)).due == Decimal("90.00")
    assert ledger.balance(ids["worker"], Month(2025, 7)).due == Decimal("60.00")
    assert "离退休" in ok(data_dir, "terms", WORKER)


def test_relief_and_quarterly_payment_are_recorded_and_listed(branch):
    data_dir, ids = branch
    ok(data_dir, "relief", WORKER, "--reduced", "10.00", "--approved-by", "机关党委",
       "--approved-on", "2025-02-20", "--from", "2025-03", "--until", "2025-12")
    ok(data_dir, "quarterly", QUARTERLY, "--agreed-on", "2024-12-20", "--from", "2025-01")
    terms = ok(data_dir, "terms", WORKER)
    assert "机关党委" in terms
    ok(data_dir, "quarterly-end", QUARTERLY, "--last", "2025-06")
    with opened(data_dir) as ws, ws.unit_of_work() as uow:
        reliefs = t.reliefs_of(uow, ids["worker"])
        consents = t.quarterly_consents(uow, ids["quarterly"])
        for month in range(1, 7):
            d.generate_month(uow, Month(2025, month))
        listed = {e.member_id: e.arrears for e in d.arrears_list(uow, date(2025, 6, 15))}
        uow.commit()
    assert reliefs[0].relief.reduced_amount == Decimal("10.00")
    assert consents[0].consent.valid_until == Month(2025, 6)
    assert listed[ids["quarterly"]].level is ArrearsLevel.WARNING  # one quarter, by the quarter
    assert listed[ids["worker"]].level is ArrearsLevel.SEVERE  # five months


def test_settings_are_shown_changed_and_checked(branch):
    data_dir, _ids = branch
    assert "0.20" in ok(data_dir, "settings")
    ok(data_dir, "settings", "--student", "0.50", "--precision", "jiao")
    bad = run(data_dir, "dues", "settings", "--farmer", "2.00")
    assert bad.returncode == 1
    one_chinese_line(bad.stderr)
    with opened(data_dir) as ws, ws.unit_of_work() as uow:
        found = t.dues_settings(uow)
    assert found.student_amount == Decimal("0.50")
    assert found.farmer_amount == DuesSettings().farmer_amount
    assert found.rounding.precision.value == "jiao"


@pytest.mark.parametrize("args", [
    ("terms", "110105199001010000"),  # nobody has it
    ("quarterly", QUARTERLY, "--agreed-on", "2025-01-02", "--from", "2025-02"),
    ("relief", WORKER, "--exempt", "--approved-by", " ", "--approved-on", "2025-01-02",
     "--from", "2025-03", "--until", "2025-01"),
    ("category", WORKER, "in_work", "--from", "2025-03"),  # unchanged
])
def test_user_errors_are_one_chinese_line(branch, args):
    data_dir, _ids = branch
    result = run(data_dir, "dues", *args)
    assert result.returncode == 1, result.stdout
    one_chinese_line(result.stderr)
