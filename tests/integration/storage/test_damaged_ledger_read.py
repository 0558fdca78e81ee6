"""A damaged page under the dues ledger, read by the bulk path that goes straight to the driver
(``storage.bulk.read_rows``, past SQLAlchemy's error handling): the user's typed error, as for
every other read, never the driver's bare ``DatabaseError`` (a traceback in ``dues ledger``)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.dues import Month
from app.errors import DatabaseUnreadableError
from app.services import dues, members
from app.services.workspace import Workspace
from tests.conftest import FAST_KDF, PROFILE, id_number, overwrite_bytes

PASSPHRASE = "correct horse battery staple"
PAGE = 4096


def test_a_damaged_ledger_page_is_the_users_typed_error(tmp_path):
    data_dir = tmp_path / "data"
    workspace = Workspace(data_dir, kdf=FAST_KDF)
    workspace.create(PROFILE, PASSPHRASE)
    with workspace.unit_of_work() as uow:
        member_id = members.create_member(
            uow, members.MemberInput(name="王芳", id_number=id_number(1)), date(2026, 1, 5)
        )
        uow.commit()
    workspace.lock()  # checkpointed: the file holds everything so far
    database = data_dir / "branchdesk.db"
    before = database.stat().st_size // PAGE
    workspace.unlock(PASSPHRASE)
    # A large ledger written in one statement before its audit entries and outbox ops: the pages
    # after the schema and the member's are the ledger's and its indexes'.
    with workspace.unit_of_work() as uow:
        dues.record_payments(uow, [
            dues.NewPayment(member_id, date(2026, 1, 1 + i % 28), (Month(2026, 1 + i % 12),),
                            Decimal("12.50"), note=f"第{i}笔")
            for i in range(3000)
        ])
        uow.commit()
    workspace.lock()
    assert not (data_dir / "branchdesk.db-wal").exists() or (
        data_dir / "branchdesk.db-wal").stat().st_size == 0
    assert database.stat().st_size // PAGE > before + 300
    for page in range(before + 20, before + 120):  # among the ledger's first pages
        overwrite_bytes(database, page * PAGE + 100)

    workspace.unlock(PASSPHRASE)
    with pytest.raises(DatabaseUnreadableError), workspace.unit_of_work(read_only=True) as uow:
        dues.fen_ledger(uow)
