"""Every member's dues months from the folds kept in the database (``app.storage.dues_folds``).

``members_ledger`` gives what ``dues.fen_ledger`` gives for the members — the same
``FenMember`` for each, the same reversal checks — reading the kept fold of each member not
marked stale and folding only the stale members from the ledger. ``keep`` keeps the folds of
the stale members, in a write: 工作台's dues reminder does it after every change
(``keep_current``, off the GUI thread), and so does the 考核评价 view before it counts; a count
in between folds the stale members as it reads. A test holds ``members_ledger`` to
``fen_ledger`` after every kind of write.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, delete, insert, select

from app.domain import dues_fen
from app.errors import DatabaseBusyError
from app.services import dues
from app.storage import dues_folds
from app.storage.bulk import read_rows
from app.storage.models import DuesFoldStaleRow, DuesMemberFoldRow
from app.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from app.services.workspace import Workspace

_STALE = select(DuesFoldStaleRow.member_id)


def members_ledger(uow: UnitOfWork) -> dues_fen.FenLedger:
    """``dues.fen_ledger`` for its members only (no payments or remittances): the kept folds of
    the members not stale, the stale members folded now. The whole ledger is folded when the
    triggers that mark members stale are missing (nothing kept can be trusted then)."""
    connection = uow.session.connection()
    driver = connection.connection.driver_connection
    if driver is None or not dues_folds.triggers_present(driver):
        return _whole(uow)
    stale = {member_id for (member_id,) in read_rows(connection, _STALE)}
    folded = (dues.fen_ledger(uow, _STALE) if stale
              else dues_fen.FenLedger(MappingProxyType({}), (), (), dues.checked_reversals(uow)))
    members: dict[str, dues_fen.FenMember] = dict(folded.members)
    decode = dues_folds.decoder()
    for member_id, text in read_rows(connection, select(
            DuesMemberFoldRow.member_id, DuesMemberFoldRow.fold)):
        if member_id in stale:
            continue
        member = decode(member_id, text)
        if member is None:  # kept by another version, or damaged: as if none were kept
            return _whole(uow)
        members[member_id] = member
    return dues_fen.FenLedger(MappingProxyType(dict(sorted(members.items()))), (), (),
                              folded.reversed_ids)


def _whole(uow: UnitOfWork) -> dues_fen.FenLedger:
    full = dues.fen_ledger(uow)
    return dues_fen.FenLedger(full.members, (), (), full.reversed_ids)


def any_stale(uow: UnitOfWork) -> bool:
    return bool(read_rows(uow.session.connection(), _STALE.limit(1)))


def keep_current(workspace: Workspace) -> int:
    """Keep the folds of the members marked stale, if there are any, in a write of its own
    (committed): what 工作台 does after every change, off the GUI thread, so that a count
    finds them kept. Returns how many members were folded."""
    with workspace.unit_of_work(read_only=True) as uow:
        if not any_stale(uow):
            return 0
    try:
        with workspace.unit_of_work() as uow:
            kept = keep(uow)
            uow.commit()
    except DatabaseBusyError:
        return 0  # another write holds the database: the readers fold the stale ones meanwhile
    return kept


def keep(uow: UnitOfWork) -> int:
    """Fold the stale members from the ledger and keep their folds (in ``uow``'s write
    transaction; the caller commits). Returns how many members were folded. Keeps nothing when
    the triggers are missing: they are the only proof a kept fold is current."""
    connection = uow.session.connection()
    driver = connection.connection.driver_connection
    if driver is None or not dues_folds.triggers_present(driver):
        return 0
    stale = [member_id for (member_id,) in read_rows(connection, _STALE)]
    if not stale:
        return 0
    folded = dues.fen_ledger(uow, _STALE)
    folds = cast(Table, DuesMemberFoldRow.__table__)
    connection.execute(delete(folds).where(folds.c.member_id.in_(_STALE)))
    rows: list[dict[str, Any]] = [
        {"member_id": member_id, "fold": dues_folds.encode(member)}
        for member_id, member in folded.members.items()
    ]
    if rows:
        connection.execute(insert(folds), rows)
    connection.execute(delete(cast(Table, DuesFoldStaleRow.__table__)))
    return len(stale)
