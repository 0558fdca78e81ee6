"""The hash-chained audit log detects an edited, a removed and a truncated history."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, OperationalError

from app.services import branch
from app.services.workspace import BranchProfile


@pytest.fixture
def busy_workspace(workspace):
    for i in range(5):
        with workspace.unit_of_work() as uow:
            branch.save_profile(uow, BranchProfile(f"支部{i}", "BR", "委", "书记"))
            uow.commit()
    assert workspace.check().ok
    return workspace


def tamper(workspace, *statements: str) -> None:
    """Edit the raw tables the way an attacker with the key would: drop the guards first."""
    with workspace._vault.engine.begin() as connection:
        connection.exec_driver_sql("DROP TRIGGER audit_log_no_update")
        connection.exec_driver_sql("DROP TRIGGER audit_log_no_delete")
        for statement in statements:
            connection.exec_driver_sql(statement)


def test_the_log_refuses_update_and_delete(busy_workspace):
    for statement in ("UPDATE audit_log SET actor = 'x' WHERE seq = 2",
                      "DELETE FROM audit_log WHERE seq = 2"):
        with pytest.raises((IntegrityError, OperationalError)), \
                busy_workspace._vault.engine.begin() as connection:
            connection.execute(text(statement))
    assert busy_workspace.check().ok


def test_an_edited_entry_is_detected(busy_workspace):
    tamper(busy_workspace, "UPDATE audit_log SET detail = '{\"x\":1}' WHERE seq = 4")
    report = busy_workspace.check()
    assert not report.audit_ok
    assert report.audit_first_bad_seq == 4


def test_a_removed_entry_is_detected(busy_workspace):
    tamper(busy_workspace, "DELETE FROM audit_log WHERE seq = 3")
    report = busy_workspace.check()
    assert not report.audit_ok
    assert report.audit_first_bad_seq == 3


def test_a_removed_tail_is_detected(busy_workspace):
    tamper(busy_workspace, "DELETE FROM audit_log WHERE seq >= 6")
    report = busy_workspace.check()
    assert not report.audit_ok
    assert report.audit_entries == 5


def test_a_recomputed_entry_still_breaks_the_next_link(busy_workspace):
    from app.storage.audit import entry_hash

    with busy_workspace.unit_of_work() as uow:
        row = uow.session.execute(text("SELECT * FROM audit_log WHERE seq = 2")).mappings().one()
    new_detail = '{"forged":true}'
    forged = entry_hash(row["seq"], row["at"], row["actor"], row["action"], row["entity"],
                        row["entity_id"], new_detail, row["prev_hash"])
    tamper(busy_workspace,
           f"UPDATE audit_log SET detail = '{new_detail}', hash = '{forged}' WHERE seq = 2")
    report = busy_workspace.check()
    assert not report.audit_ok
    assert report.audit_first_bad_seq == 3
