"""Unlocking, key slots and the credential store, on real SQLCipher files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from app.errors import (
    DatabaseExistsError,
    DatabaseLockedError,
    KeyringUnavailableError,
    KeySlotsMissingError,
    PassphraseRequiredError,
    UnlockThrottledError,
    WeakPassphraseError,
    WrongPassphraseError,
    WrongRecoveryCodeError,
    WrongSecretError,
)
from app.services import branch
from app.storage.models import AuditEntry
from tests.conftest import PASSPHRASE, PROFILE, BrokenKeyring


def folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def test_created_database_opens_again_with_the_passphrase(workspace, make_workspace):
    workspace.lock()
    again = make_workspace()
    again.unlock(PASSPHRASE)
    with again.unit_of_work() as uow:
        assert branch.load_profile(uow) == PROFILE
    again.lock()


def test_stdlib_sqlite_cannot_read_the_database(workspace, data_dir):
    workspace.lock()
    connection = sqlite3.connect(data_dir / "branchdesk.db")
    with pytest.raises(sqlite3.DatabaseError):
        connection.execute("SELECT count(*) FROM sqlite_master").fetchall()
    connection.close()


def test_wrong_passphrase_is_reported_and_leaves_the_database_byte_identical(
    workspace, make_workspace, data_dir
):
    workspace.lock()
    before = {k: v for k, v in folder_bytes(data_dir).items() if k.startswith("branchdesk")}
    again = make_workspace()
    with pytest.raises(WrongPassphraseError) as caught:
        again.unlock("not the passphrase")
    assert caught.value.failures == 1
    assert not again.is_unlocked
    after = {k: v for k, v in folder_bytes(data_dir).items() if k.startswith("branchdesk")}
    assert after == before


def test_repeated_failures_grow_the_delay_and_survive_a_restart(workspace, make_workspace):
    workspace.lock()
    now = [1000.0]
    ws = make_workspace(clock=lambda: now[0])
    delays = []
    for _ in range(5):
        now[0] += delays[-1] if delays else 0.0
        with pytest.raises(WrongPassphraseError) as caught:
            ws.unlock("wrong passphrase")
        delays.append(caught.value.retry_after)
    assert delays[:2] == [0.0, 0.0]
    assert delays[2] > 0
    assert delays[3] == 2 * delays[2]
    assert delays[4] == 2 * delays[3]
    # A new process (a new Workspace) still enforces the wait: even the right passphrase waits.
    restarted = make_workspace(clock=lambda: now[0])
    with pytest.raises(UnlockThrottledError):
        restarted.unlock(PASSPHRASE)
    now[0] += delays[-1]
    restarted.unlock(PASSPHRASE)
    restarted.lock()
    # Success resets the count.
    with pytest.raises(WrongPassphraseError) as caught:
        restarted.unlock("wrong passphrase")
    assert caught.value.failures == 1


def test_passphrase_change_rewraps_without_reencrypting(workspace, make_workspace, data_dir):
    db_before = (data_dir / "branchdesk.db").read_bytes()
    workspace.change_passphrase(PASSPHRASE, "a new long passphrase")
    workspace.lock()
    ws = make_workspace()
    ws.lock()
    with pytest.raises(WrongPassphraseError):
        ws.unlock(PASSPHRASE)
    ws.unlock("a new long passphrase")
    ws.lock()
    # The audit entry of the change is the only write: same key, so page 1's salt is unchanged.
    assert (data_dir / "branchdesk.db").read_bytes()[:16] == db_before[:16]


def test_change_passphrase_refuses_a_wrong_current_or_a_short_new_one(workspace):
    with pytest.raises(WrongPassphraseError):
        workspace.change_passphrase("wrong passphrase", "another long one")
    with pytest.raises(WeakPassphraseError):
        workspace.change_passphrase(PASSPHRASE, "short")


def test_recovery_code_unlocks_and_tolerates_case_and_spacing(workspace, make_workspace):
    code = workspace.recovery_code
    workspace.lock()
    ws = make_workspace()
    with pytest.raises(WrongRecoveryCodeError):
        ws.unlock_with_recovery_code("AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    ws.unlock_with_recovery_code(code.lower().replace("-", " "))
    assert ws.is_unlocked
    new_code = ws.new_recovery_code()
    ws.lock()
    with pytest.raises(WrongRecoveryCodeError):
        ws.unlock_with_recovery_code(code)
    ws.unlock_with_recovery_code(new_code)
    ws.lock()


def test_change_passphrase_accepts_the_recovery_code_as_the_current_secret(
    workspace, make_workspace
):
    code = workspace.recovery_code
    with pytest.raises(WrongSecretError):
        workspace.change_passphrase("neither of them", "a new long passphrase")
    workspace.change_passphrase(code.lower().replace("-", " "), "a new long passphrase")
    with workspace.unit_of_work() as uow:
        last = uow.session.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert last is not None
        assert last.action == "passphrase.change"
        assert "recovery" in last.detail  # the chain shows the passphrase was recovered
    workspace.lock()
    ws = make_workspace()
    with pytest.raises(WrongPassphraseError):
        ws.unlock(PASSPHRASE)
    ws.unlock("a new long passphrase")
    ws.lock()
    ws.unlock_with_recovery_code(code)  # the recovery code itself still works
    ws.lock()


def test_a_new_passphrase_after_a_recovery_needs_no_secret_but_only_once(
    workspace, make_workspace
):
    code = workspace.recovery_code
    with pytest.raises(PassphraseRequiredError):  # opened by passphrase: the current one is asked
        workspace.set_new_passphrase("a new long passphrase")
    workspace.lock()
    ws = make_workspace()
    ws.unlock_with_recovery_code(code)
    assert ws.unlocked_with_recovery_code
    with pytest.raises(WeakPassphraseError):
        ws.set_new_passphrase("short")
    ws.set_new_passphrase("a new long passphrase")
    assert not ws.unlocked_with_recovery_code
    with pytest.raises(PassphraseRequiredError):
        ws.set_new_passphrase("yet another passphrase")
    ws.lock()
    assert not ws.unlocked_with_recovery_code
    with pytest.raises(WrongPassphraseError):
        ws.unlock(PASSPHRASE)
    ws.unlock("a new long passphrase")
    assert not ws.unlocked_with_recovery_code
    ws.lock()


def test_unlock_with_either_secret_counts_one_failure(workspace, make_workspace):
    code = workspace.recovery_code
    workspace.lock()
    ws = make_workspace()
    ws.unlock_with_secret(PASSPHRASE)
    assert not ws.unlocked_with_recovery_code
    ws.lock()
    ws.unlock_with_secret(code)
    assert ws.unlocked_with_recovery_code
    ws.lock()
    with pytest.raises(WrongSecretError) as caught:
        ws.unlock_with_secret("neither of them")
    assert caught.value.failures == 1


def test_change_passphrase_waits_like_an_unlock(workspace, make_workspace):
    now = [1000.0]
    ws = make_workspace(clock=lambda: now[0])
    ws.unlock(PASSPHRASE)
    for _ in range(3):
        with pytest.raises(WrongSecretError):
            ws.change_passphrase("wrong passphrase", "a new long passphrase")
    with pytest.raises(UnlockThrottledError):
        ws.change_passphrase(PASSPHRASE, "a new long passphrase")
    now[0] += 10
    ws.change_passphrase(PASSPHRASE, "a new long passphrase")
    ws.lock()


def test_remember_on_this_pc_with_an_in_memory_keyring(workspace, make_workspace, memory_keyring):
    assert not workspace.remembered_on_this_pc
    workspace.set_remember_on_this_pc(True)
    assert workspace.remembered_on_this_pc
    workspace.lock()
    ws = make_workspace()
    assert ws.unlock_from_this_pc()
    ws.set_remember_on_this_pc(False)
    ws.lock()
    assert not memory_keyring.entries
    assert not make_workspace().unlock_from_this_pc()


def test_unavailable_keyring_falls_back_to_the_passphrase(workspace, make_workspace, data_dir):
    workspace.set_remember_on_this_pc(True)
    workspace.lock()
    keys_before = (data_dir / "branchdesk.keys").read_bytes()
    broken = make_workspace(keyring=BrokenKeyring())
    assert not broken.unlock_from_this_pc()
    assert broken.remembered_on_this_pc  # the choice stands; the store may work again later
    broken.unlock(PASSPHRASE)
    with pytest.raises(KeyringUnavailableError):
        broken.set_remember_on_this_pc(True)
    broken.lock()
    no_store = make_workspace(keyring=None)
    assert not no_store.unlock_from_this_pc()
    # Never a new key while a database exists.
    with pytest.raises(DatabaseExistsError):
        no_store.create(PROFILE, PASSPHRASE)
    assert (data_dir / "branchdesk.keys").read_bytes() == keys_before


def test_a_vanished_keyring_entry_clears_the_choice(workspace, make_workspace, memory_keyring):
    workspace.set_remember_on_this_pc(True)
    workspace.lock()
    memory_keyring.entries.clear()
    ws = make_workspace()
    assert not ws.unlock_from_this_pc()
    assert not ws.remembered_on_this_pc


def test_the_store_is_not_asked_unless_the_key_was_remembered(workspace, make_workspace):
    workspace.lock()
    ws = make_workspace(keyring=BrokenKeyring())
    assert not ws.unlock_from_this_pc()  # BrokenKeyring would raise if it were asked


def test_a_stale_keyring_entry_is_ignored(workspace, make_workspace, memory_keyring):
    workspace.set_remember_on_this_pc(True)
    workspace.lock()
    (entry,) = memory_keyring.entries
    memory_keyring.entries[entry] = "00" * 32
    ws = make_workspace()
    assert not ws.unlock_from_this_pc()
    assert not ws.is_unlocked
    ws.unlock(PASSPHRASE)
    ws.lock()


def test_missing_key_file_is_reported_not_replaced(workspace, make_workspace, data_dir):
    workspace.lock()
    (data_dir / "branchdesk.keys").unlink()
    ws = make_workspace()
    with pytest.raises(KeySlotsMissingError):
        ws.unlock(PASSPHRASE)
    with pytest.raises(DatabaseExistsError):
        ws.create(PROFILE, PASSPHRASE)


def test_lock_drops_access(workspace):
    workspace.lock()
    with pytest.raises(DatabaseLockedError):
        workspace.unit_of_work()
    workspace.lock()  # twice is harmless


def test_setup_refuses_a_short_passphrase(make_workspace, data_dir):
    with pytest.raises(WeakPassphraseError):
        make_workspace().create(PROFILE, "short")
    assert not (data_dir / "branchdesk.db").exists()


def test_every_write_has_its_audit_entry_and_outbox_row(workspace):
    from sqlalchemy import select

    from app.storage.models import AuditEntry, OutboxEntry

    changed = PROFILE.__class__(
        name="机关第二党支部", code="BR-0002", higher_org="市直机关工委", secretary="李红"
    )
    with workspace.unit_of_work() as uow:
        branch.save_profile(uow, changed)
        uow.commit()
    with workspace.unit_of_work() as uow:
        actions = uow.session.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)).all()
        outbox = uow.session.scalars(select(OutboxEntry).order_by(OutboxEntry.seq)).all()
        entities = [o.entity for o in outbox]
        stamps = [o.hlc for o in outbox]
        patch = outbox[1].patch
    assert actions == ["database.create", "branch.setup", "branch.update"]
    assert entities == ["branch", "branch"]
    assert stamps[0] < stamps[1]
    assert "机关第二党支部" in patch


def test_uncommitted_work_is_rolled_back(workspace):
    with workspace.unit_of_work() as uow:
        branch.save_profile(uow, PROFILE.__class__("改名", "X", "Y", "Z"))
    with workspace.unit_of_work() as uow:
        assert branch.load_profile(uow) == PROFILE
