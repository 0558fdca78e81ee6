"""The sync engine: push the outbox, pull the branch's changes, keep both sides converging.

- Push: un-acknowledged outbox ops in batches of ≤ 500, oldest first. Each batch's results are
  applied — ops acknowledged (``acked_at``), versions noted, conflicts listed — in one
  transaction, so an interruption at any point loses nothing and repeats nothing (the server
  deduplicates on ``op_id``).
- Pull: each page is applied together with the new cursor in one transaction. A record is
  applied only when its version is newer than the local one, so duplicated or reordered pages
  change nothing; fields with un-pushed local changes keep the local value; a record whose
  parent has not arrived yet waits in ``sync_parked``.
- 410 → pull again from cursor 0 (nothing is deleted). A new epoch (the platform was restored
  from a backup) → every outbox op is sent again (the server skips those it still has) and the
  pull restarts from 0; nothing is deleted.
- What syncs, how each type is identified and merged, and what hangs off what are declared once
  in ``sync.registry``; a local record holding a fact the platform knows under another id (a
  natural key) takes that id.
- 秘密: records classified secret, and everything whose parent chain reaches one (events,
  attendance, votes, amendments, dues and their reversals), never leave the PC, online or in a
  bundle; a pull never changes them.
- A pull never deletes more than ``max_delete_share`` of the local records without confirmation.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any, NamedTuple

import orjson
from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    bindparam,
    delete,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.orm import Session

from app.errors import CancelledError, MassDeletionConfirmationRequired, SyncProtocolError
from app.storage.ids import utc_iso
from app.storage.models import (
    LEDGER_WRITE,
    Base,
    OutboxEntry,
    Setting,
    SyncConflictRow,
    SyncParkedRow,
)
from app.storage.unit_of_work import UnitOfWork
from sync import notices, registry
from sync.client import CursorGone, Transport
from sync.registry import SENT, RecordType, record_type
from sync.wire import (
    DEFAULT_PAGE,
    DELETED_FIELD,
    MAX_BATCH,
    Applied,
    ChangesPage,
    Conflict,
    OwnRanges,
    Record,
    Rejected,
)

log = logging.getLogger(__name__)

def _model_of(table: str) -> type[Base]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise LookupError(f"no ORM class for table {table}")


MODELS: dict[str, type[Base]] = {kind.entity: _model_of(kind.table) for kind in SENT}
"""The local ORM class of each entity pushed and pulled (``sync.registry``)."""

_IMMUTABLE = frozenset(kind.entity for kind in SENT if kind.immutable)
_NOT_IN_BUNDLES = frozenset(kind.entity for kind in SENT if not kind.in_bundle)
_BOOKKEEPING = {"id", "created_at", "updated_at", "server_version", "seq"}

SETTING_CURSOR = "sync.cursor"
SETTING_EPOCH = "sync.epoch"
SETTING_REPULL = "sync.repull"
"""Set ("1") from a new epoch until a pull has reached the end: the versions noted here are the
restored platform's numbers no more, so its records are taken whatever their version."""
DEFAULT_MAX_DELETE_SHARE = 0.1

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class _Sent(NamedTuple):
    """An op on its way: what its answer is applied to (a tuple: a batch makes 500)."""

    seq: int
    entity: str
    entity_id: str
    patch: str


@dataclass
class SyncReport:
    pushed: int = 0
    withheld: int = 0
    """Ops not sent: 秘密 records and the branch profile."""
    withheld_unsent: int = 0
    """Of ``withheld``: ops of records that never leave any PC (``NOT_SENT``: the branch profile,
    which the platform's administrator keeps), whatever their classification."""
    conflicts: int = 0
    rejected: int = 0
    pulled: int = 0
    deleted: int = 0
    notices: int = 0
    answers: int = 0
    """Answers to notices the platform confirmed or refused."""
    epoch_changed: bool = False
    resynced: bool = False
    cancelled: bool = False
    requests: int = 0
    rejected_reasons: dict[str, int] = field(default_factory=dict)


def unacknowledged(session: Session) -> int:
    """Outbox entries the platform has not acknowledged yet."""
    return int(session.scalar(
        select(func.count()).select_from(OutboxEntry).where(OutboxEntry.acked_at.is_(None))
    ) or 0)


def get_setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row is not None else default


def set_setting(session: Session, key: str, value: str) -> None:
    session.merge(Setting(key=key, value=value))


class Engine:
    """One sync run over a workspace's units of work and a transport to the platform."""

    def __init__(
        self,
        new_uow: Callable[[], UnitOfWork],
        transport: Transport,
        max_delete_share: float = DEFAULT_MAX_DELETE_SHARE,
        page_size: int = DEFAULT_PAGE,
        batch_size: int = MAX_BATCH,
    ) -> None:
        self.new_uow = new_uow
        self.transport = transport
        self.max_delete_share = max_delete_share
        self.page_size = page_size
        self.batch_size = min(batch_size, MAX_BATCH)
        self.report = SyncReport()
        self._deletions = 0
        self._local_total: int | None = None
        self._known: dict[str, set[str]] = {}
        self._secret: dict[str, set[str]] | None = None
        self._any_secret = False
        self._latest_notice = -1  # unknown until a page says
        self._batch_end = 0
        self._epoch: str | None = None
        self._own = OwnRanges()
        self._repull = False

    # ---------------------------------------------------------------- the whole run
    def run(
        self,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
        confirm_mass_deletion: bool = False,
    ) -> SyncReport:
        progress = progress or (lambda _done, _total: None)
        cancelled = cancelled or (lambda: False)
        try:
            for _round in range(3):  # a new epoch seen while pulling means pushing again
                self.push_all(progress, cancelled)
                if self.pull_all(progress, cancelled, confirm_mass_deletion):
                    break
            self.fetch_notices()
        except CancelledError:
            self.report.cancelled = True
        return self.report

    # ---------------------------------------------------------------- push
    def push_all(self, progress: Progress, cancelled: Cancelled) -> None:
        """Push every pending op, a batch at a time, oldest first.

        Pipelined: while batch N is on its way (a thread waits for the answer), the next batch
        is read from the outbox; as soon as N is answered, N+1 is sent and N's results are
        written. The platform still receives the batches one after another, in order; an
        interruption anywhere leaves un-acknowledged ops to be sent again (deduplicated)."""
        total = self.pending_count()
        done = 0
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as sender:
            batch = self._pending_batch(0)
            in_flight = sender.submit(self.transport.push, batch[1]) if batch else None
            while batch is not None and in_flight is not None:
                if cancelled():
                    raise CancelledError()  # leaving the block waits for the request in flight
                following = self._pending_batch(self._batch_end)
                response = in_flight.result()
                self.report.requests += 1
                if self._epoch_changed(response.epoch):
                    # Every op is queued again: start over from the oldest.
                    batch = self._pending_batch(0)
                    in_flight = sender.submit(self.transport.push, batch[1]) if batch else None
                    continue
                in_flight = (
                    sender.submit(self.transport.push, following[1]) if following else None
                )
                self._apply_results(batch[0], response.results)
                done += len(batch[1])
                progress(done, max(total, done))
                batch = following

    def _pending_batch(
        self, after_seq: int
    ) -> tuple[dict[str, _Sent], list[dict[str, Any]]] | None:
        """The next batch with something to send after ``after_seq`` (batches of withheld ops
        only are acknowledged on the way); None at the end of the outbox."""
        while True:
            batch = self._next_batch(after_seq)
            if batch is None or batch[1]:
                return batch
            after_seq = self._batch_end

    def pending_count(self) -> int:
        with self.new_uow() as uow:
            return unacknowledged(uow.session)

    def _next_batch(
        self, after_seq: int = 0, bundle: bool = False
    ) -> tuple[dict[str, _Sent], list[dict[str, Any]]] | None:
        """The next ops to send; withheld ops (秘密, branch profile) are acknowledged here. For a
        ``bundle``, ops of types that may not leave the PC in a file are left for online sync."""
        with self.new_uow() as uow:
            session = uow.session
            # Plain rows, not ORM objects: a first sync reads hundreds of thousands of them.
            entries = session.execute(
                select(OutboxEntry.seq, OutboxEntry.op_id, OutboxEntry.entity,
                       OutboxEntry.entity_id, OutboxEntry.patch, OutboxEntry.base_version,
                       OutboxEntry.hlc)
                .where(OutboxEntry.acked_at.is_(None), OutboxEntry.seq > after_seq)
                .order_by(OutboxEntry.seq).limit(self.batch_size)
            ).all()
            if not entries:
                return None
            self._batch_end = entries[-1].seq
            ops: list[dict[str, Any]] = []
            kept: dict[str, _Sent] = {}
            withheld: list[int] = []
            unsent = 0
            # Rows by position from here: by name costs more than the rest of the loop.
            patches = [orjson.loads(entry[4]) for entry in entries]
            # A new immutable event's patch is the whole record (its parents too): no lookup.
            rows = self._rows_for(session, [
                (entry[2], entry[3]) for entry in entries
                if entry[5] or entry[2] not in _IMMUTABLE
            ])
            for (seq, op_id, entity, entity_id, text, base_version, hlc), patch in zip(
                entries, patches, strict=True
            ):
                if bundle and entity in _NOT_IN_BUNDLES:
                    continue
                row = rows.get((entity, entity_id))
                if entity not in MODELS:
                    withheld.append(seq)
                    unsent += 1
                    continue
                if self._is_secret(session, entity, entity_id, row, patch):
                    withheld.append(seq)
                    continue
                if row is not None and entity not in _IMMUTABLE and (
                    getattr(row, "server_version", 1) == 0
                ):
                    # Never acknowledged: send the whole record (e.g. after being 秘密).
                    patch = {**_snapshot(row), **patch}
                ops.append({
                    "op_id": op_id, "entity": entity, "entity_id": entity_id, "patch": patch,
                    "base_version": base_version, "hlc": hlc,
                })
                kept[op_id] = _Sent(seq, entity, entity_id, text)
            if withheld:
                _acknowledge(session, withheld)
                self.report.withheld += len(withheld)
                self.report.withheld_unsent += unsent
                uow.commit()
            return kept, ops

    def outbox_ops(self) -> list[dict[str, Any]]:
        """Every op not yet acknowledged, oldest first, as a push would send them (withheld ops
        are acknowledged as in a push): the content of a bundle file."""
        ops: list[dict[str, Any]] = []
        after = 0
        while True:
            batch = self._next_batch(after, bundle=True)
            if batch is None:
                return ops
            ops.extend(batch[1])
            after = self._batch_end

    def apply_push_results(self, results: list[Applied | Conflict | Rejected]) -> None:
        """Acknowledge ops answered outside this run's pushes (a return bundle), exactly as a
        push answer: ops already acknowledged (e.g. by an online sync since) are skipped."""
        wanted = [str(r.op_id) for r in results]
        entries: dict[str, _Sent] = {}
        with self.new_uow() as uow:
            for start in range(0, len(wanted), 500):
                for entry in uow.session.scalars(select(OutboxEntry).where(
                    OutboxEntry.acked_at.is_(None),
                    OutboxEntry.op_id.in_(wanted[start:start + 500]),
                )):
                    entries[entry.op_id] = _Sent(
                        entry.seq, entry.entity, entry.entity_id, entry.patch
                    )
        if entries:
            self._apply_results(entries, results)

    def note_epoch(self, epoch: str) -> bool:
        """Record the platform's epoch; True when it changed (every op is queued again and the
        cursor reset, as when a push or pull sees a new epoch)."""
        return self._epoch_changed(epoch)

    @staticmethod
    def _rows_for(
        session: Session, keys: Sequence[tuple[str, str]]
    ) -> dict[tuple[str, str], Any]:
        """The local rows of (entity, id) pairs: plain rows of the synced columns (no ORM
        objects: a first sync reads every member here)."""
        wanted: dict[str, set[str]] = {}
        for entity, entity_id in keys:
            if entity in MODELS:
                wanted.setdefault(entity, set()).add(entity_id)
        rows: dict[tuple[str, str], Any] = {}
        for entity, ids in wanted.items():
            table: Any = MODELS[entity].__table__
            kind = record_type(entity)
            columns = [table.c.id, *(table.c[p.field] for p in kind.parents), *(
                [table.c[registry.CLASSIFICATION]] if kind.classified else []
            )] if entity in _IMMUTABLE else [
                table.c[name] for name in _row_columns(table)
            ]  # events: what 秘密 depends on
            for row in session.execute(select(*columns).where(table.c.id.in_(ids))):
                rows[(entity, row.id)] = row
        return rows

    def _apply_results(
        self, entries: dict[str, _Sent], results: list[Applied | Conflict | Rejected]
    ) -> None:
        """Acknowledge a batch and note versions, conflicts and rejections: one transaction,
        a few statements per batch (an UPDATE per op would dominate a large first sync)."""
        with self.new_uow() as uow:
            session = uow.session
            now = utc_iso()
            acked: list[int] = []
            bumps: dict[str, list[dict[str, Any]]] = {}
            for result in results:
                entry = entries.get(str(result.op_id))
                if entry is None:
                    continue
                acked.append(entry.seq)
                if isinstance(result, Rejected):
                    self.report.rejected += 1
                    reasons = self.report.rejected_reasons
                    reasons[result.reason] = reasons.get(result.reason, 0) + 1
                    continue
                self.report.pushed += 1
                if (isinstance(result, Applied) and result.changed and not result.superseded
                        and result.record_id == entry.entity_id):
                    self._own.add(result.seq)  # this PC holds that version: no echo wanted
                record_id = entry.entity_id
                held_as = (result.record_id if isinstance(result, Applied)
                           else result.server_record.id if isinstance(result, Conflict)
                           else entry.entity_id)
                if held_as and held_as != entry.entity_id:
                    # The platform holds the same fact under another id (a natural key).
                    record_id = self._rekey(session, entry.entity, entry.entity_id, held_as)
                if (isinstance(result, Applied) and result.changed and not result.superseded
                        and entry.entity not in _IMMUTABLE):  # events: no version to note
                    bumps.setdefault(entry.entity, []).append(
                        {"b_id": record_id, "b_old": result.version - 1, "b_new": result.version}
                    )
                if isinstance(result, Conflict):
                    self.report.conflicts += len(result.fields)
                    patch = json.loads(entry.patch)
                    for name in result.fields:
                        session.add(SyncConflictRow(
                            entity=entry.entity, entity_id=record_id, field=name,
                            local_value=_dumps(patch.get(name)),
                            server_value=_dumps(result.server_record.data.get(name)),
                            server_version=result.version,
                        ))
            _acknowledge(session, acked, now)
            for entity, items in bumps.items():
                table: Any = MODELS[entity].__table__
                # Only when this op made the version right after the local one: otherwise the
                # pull brings what others changed in between.
                session.execute(
                    update(table)
                    .where(table.c.id == bindparam("b_id"),
                           table.c.server_version == bindparam("b_old"))
                    .values(server_version=bindparam("b_new"), updated_at=table.c.updated_at),
                    items,
                )
            uow.commit()

    def _rekey(self, session: Session, entity: str, old_id: str, new_id: str) -> str:
        """The local record takes the id the platform knows the same fact by (a natural key,
        ``sync.registry``): its row, the records naming it as their parent, its outbox ops."""
        model: Any = MODELS[entity]
        # The row and the records naming it change ids one after the other: foreign keys are
        # checked at commit (SQLite resets this at the end of the transaction).
        session.execute(text("PRAGMA defer_foreign_keys = ON"))
        with ledger_writable(session, entity):
            held = record_by_id(session, model, new_id) is not None
            if not held:
                session.execute(update(model).where(model.id == old_id).values(id=new_id))
            known = self._known.get(entity)
            if known is not None:
                known.discard(old_id)
                known.add(new_id)
            for child, link in registry.children(entity):
                table: Any = MODELS[child.entity].__table__
                with ledger_writable(session, child.entity):
                    session.execute(update(table).where(table.c[link.field] == old_id)
                                    .values({link.field: new_id}))
                self._repoint_queued(session, child.entity, link.field, old_id, new_id)
            if held:  # both here already (pulled, then found the same): one row, not two
                session.execute(delete(model).where(model.id == old_id))
        session.execute(update(OutboxEntry).where(
            OutboxEntry.entity == entity, OutboxEntry.entity_id == old_id
        ).values(entity_id=new_id))
        session.execute(update(SyncConflictRow).where(
            SyncConflictRow.entity == entity, SyncConflictRow.entity_id == old_id
        ).values(entity_id=new_id))
        return new_id

    @staticmethod
    def _repoint_queued(
        session: Session, entity: str, field: str, old_id: str, new_id: str
    ) -> None:
        """Queued ops of ``entity`` naming ``old_id`` in ``field`` name ``new_id`` instead (an op
        the platform applied already keeps its result: it recognises the op id)."""
        queued = session.execute(
            select(OutboxEntry.seq, OutboxEntry.patch).where(
                OutboxEntry.acked_at.is_(None), OutboxEntry.entity == entity,
                OutboxEntry.patch.contains(old_id))
        ).all()
        for seq, text_patch in queued:
            patch = json.loads(text_patch)
            if patch.get(field) == old_id:
                patch[field] = new_id
                session.execute(update(OutboxEntry).where(OutboxEntry.seq == seq)
                                .values(patch=json.dumps(patch, ensure_ascii=False)))

    def _epoch_changed(self, epoch: str) -> bool:
        if epoch == self._epoch:
            return False  # seen (and stored) earlier in this run: every answer carries it
        with self.new_uow() as uow:
            stored = get_setting(uow.session, SETTING_EPOCH)
            if stored == epoch:
                self._epoch = epoch
                return False
            set_setting(uow.session, SETTING_EPOCH, epoch)
            if stored:
                log.warning("the platform's epoch changed: sending every op again, resyncing")
                uow.session.execute(update(OutboxEntry).values(acked_at=None))
                set_setting(uow.session, SETTING_CURSOR, "0")
                set_setting(uow.session, SETTING_REPULL, "1")
                self.report.epoch_changed = True
                self._own = OwnRanges()  # numbers of the platform before its restore
            uow.commit()
        self._epoch = epoch
        return bool(stored)

    # ---------------------------------------------------------------- pull
    def pull_all(
        self, progress: Progress, cancelled: Cancelled, confirm_mass_deletion: bool
    ) -> bool:
        """Pull to the end; False when a new epoch means the outbox must be pushed again."""
        while True:
            if cancelled():
                raise CancelledError()
            with self.new_uow() as uow:
                cursor = get_setting(uow.session, SETTING_CURSOR, "0")
                epoch = get_setting(uow.session, SETTING_EPOCH) or None
                self._repull = get_setting(uow.session, SETTING_REPULL) == "1"
            # While re-pulling after a new epoch nothing is left out: what the platform holds
            # of this PC's writes is not known to be what this PC holds.
            own = "" if self._repull else self._own.param()
            try:
                page = self.transport.changes(cursor, self.page_size, epoch, own)
            except CursorGone as gone:
                self.report.requests += 1
                if gone.epoch and self._epoch_changed(gone.epoch):
                    return False
                with self.new_uow() as uow:
                    set_setting(uow.session, SETTING_CURSOR, "0")
                    uow.commit()
                self.report.resynced = True
                continue
            self.report.requests += 1
            if self._epoch_changed(page.epoch):
                return False
            self.apply_page(page, confirm_mass_deletion)
            self._latest_notice = max(self._latest_notice, page.latest_notice)
            progress(self.report.pulled, 0)
            if not page.has_more:
                return True

    def apply_page(self, page: ChangesPage, confirm_mass_deletion: bool = False) -> None:
        """Apply one page and advance the cursor, in one transaction. While re-pulling after a
        new epoch (online or from a return bundle) every record is taken, whatever its version;
        the last page ends the re-pull."""
        with self.new_uow() as uow:
            session = uow.session
            self._repull = get_setting(session, SETTING_REPULL) == "1"
            self._check_deletions(session, page.changes, confirm_mass_deletion)
            self._match_natural_keys(session, page.changes)  # before: its outbox ops move too
            pending = _pending_fields(session, [c.id for c in page.changes])
            events = [c for c in page.changes if c.entity in _IMMUTABLE]
            loaded = self._prefetch(session, [c for c in page.changes
                                              if c.entity not in _IMMUTABLE])
            for change in page.changes:
                if change.entity not in _IMMUTABLE:
                    self._apply_record(session, change, pending)
            self._apply_events(session, events)
            del loaded
            self._retry_parked(session, pending)
            cursor = int(get_setting(session, SETTING_CURSOR, "0") or 0)
            set_setting(session, SETTING_CURSOR, str(max(cursor, int(page.next_cursor))))
            if self._repull and not page.has_more:
                set_setting(session, SETTING_REPULL, "")
            uow.commit()

    @staticmethod
    def _prefetch(session: Session, changes: list[Record]) -> list[Any]:
        """Load a page's local rows with one query per entity, so ``session.get`` per change
        finds them in the identity map (a query per record dominated large pulls). The caller
        keeps the returned rows referenced: the identity map holds them only weakly."""
        loaded: list[Any] = []
        wanted: dict[str, list[str]] = {}
        for change in changes:
            if change.entity in MODELS:
                wanted.setdefault(change.entity, []).append(change.id)
        for entity, ids in wanted.items():
            model: Any = MODELS[entity]
            for start in range(0, len(ids), 500):
                loaded += session.scalars(
                    select(model).where(model.id.in_(ids[start:start + 500]))
                ).all()
        return loaded

    def _check_deletions(
        self, session: Session, changes: list[Record], confirmed: bool
    ) -> None:
        deleting = [c for c in changes if c.deleted and c.entity in MODELS]
        if not deleting or confirmed:
            return
        count = 0
        for change in deleting:
            model: Any = MODELS[change.entity]
            row = record_by_id(session, model, change.id)
            if row is not None and getattr(row, "deleted_at", "x") is None:
                count += 1
        if not count:
            return
        if self._local_total is None:
            total = 0
            for name, table in MODELS.items():
                if name not in _IMMUTABLE:
                    counted: Any = table
                    total += int(session.scalar(
                        select(func.count()).select_from(counted)
                        .where(counted.deleted_at.is_(None))
                    ) or 0)
            self._local_total = total
        if self._deletions + count > self.max_delete_share * max(self._local_total, 1):
            raise MassDeletionConfirmationRequired(self._deletions + count,
                                                   self.max_delete_share)
        self._deletions += count

    def _known_ids(self, session: Session, entity: str) -> set[str]:
        known = self._known.get(entity)
        if known is None:
            model: Any = MODELS[entity]
            known = set(session.scalars(select(model.id)))
            self._known[entity] = known
        return known

    def _parents_present(self, session: Session, entity: str, data: dict[str, Any]) -> bool:
        for parent in record_type(entity).parents:
            value = data.get(parent.field)
            if value and value not in self._known_ids(session, parent.entity):
                return False
        return True

    def _match_natural_keys(self, session: Session, changes: list[Record]) -> None:
        """Local records holding the same fact as a pulled record under another id (entered on
        this PC too, not yet pushed) take the pulled id: one record, not two."""
        wanted: dict[str, dict[str, str]] = {}  # entity: {natural key: pulled id}
        for change in changes:
            kind = registry.BY_ENTITY.get(change.entity)
            if kind is None or not kind.keys or change.entity not in MODELS:
                continue
            if change.id in self._known_ids(session, change.entity):
                continue
            key = kind.natural_key(change.data)
            if key is not None:
                wanted.setdefault(change.entity, {})[key] = change.id
        for entity, keys in wanted.items():
            matched: set[str] = set()
            for key, local_id in self._local_keys(session, record_type(entity), keys):
                if local_id != keys[key] and key not in matched:
                    matched.add(key)
                    self._rekey(session, entity, local_id, keys[key])

    def _local_keys(
        self, session: Session, kind: RecordType, keys: dict[str, str]
    ) -> list[tuple[str, str]]:
        """(natural key, local id) of the local records having one of ``keys``: candidates are
        read by the key fields' values (indexed), then matched exactly."""
        table: Any = MODELS[kind.entity].__table__
        found: list[tuple[str, str]] = []
        for key in kind.keys:
            fields = [*key.fields, *((key.optional,) if key.optional and key.optional in table.c
                                     else ())]
            conditions = [table.c[name] == value for name, value in key.when.items()]
            values: dict[str, set[str]] = {name: set() for name in key.fields}
            for wanted in keys:
                parts = wanted.split(":")[1:]
                for name, value in zip(key.fields, parts, strict=False):
                    values[name].add(value)
            for name, options in values.items():
                if name not in key.when:
                    conditions.append(table.c[name].in_(sorted(options)))
            query = select(table.c.id, *(table.c[n] for n in fields)).where(*conditions)
            if "seq" in table.c:  # ledger events: the oldest first (a month's first amount owed)
                query = query.order_by(table.c.seq)
            for row in session.execute(query):
                data = {name: to_wire(value) for name, value in row._mapping.items()}
                found_key = kind.natural_key(data)
                if found_key in keys:
                    found.append((found_key, row.id))
        return found

    def _park(self, session: Session, change: Record) -> None:
        session.merge(SyncParkedRow(
            entity=change.entity, id=change.id, version=change.version,
            payload=change.model_dump_json(),
        ))

    def _apply_record(
        self, session: Session, change: Record, pending: dict[str, set[str]]
    ) -> bool:
        """Apply one pulled record; True when it was applied (or is already there)."""
        model: Any = MODELS.get(change.entity)
        if model is None:
            return True
        row = session.get(model, change.id)
        if row is not None and row.server_version >= change.version and not self._repull:
            return True  # already applied (a duplicated or older page)
        if row is not None and self._is_secret(session, change.entity, change.id, row, {}):
            return True  # 秘密 stays as it is here
        values = _columns(model, change.data)
        if not self._parents_present(session, change.entity, {**_plain(row), **values}):
            self._park(session, change)
            return False
        keep = pending.get(change.id, set())
        values = {k: v for k, v in values.items() if k not in keep}
        if change.deleted:
            values["deleted_at"] = change.data.get(DELETED_FIELD) or utc_iso()
        elif DELETED_FIELD not in keep:
            values["deleted_at"] = None
        values["server_version"] = change.version
        if row is None:
            row = model(id=change.id, **_required_defaults(model, values))
            session.add(row)
            self._known_ids(session, change.entity).add(change.id)
        else:
            for name, value in values.items():
                setattr(row, name, value)
        session.flush()
        session.execute(
            delete(SyncParkedRow).where(
                SyncParkedRow.entity == change.entity, SyncParkedRow.id == change.id
            )
        )
        self.report.pulled += 1
        if change.deleted:
            self.report.deleted += 1
        return True

    def _apply_events(self, session: Session, changes: list[Record]) -> None:
        """Pulled immutable events: new ones inserted together; one held here already takes the
        platform's newer version when its content differs (a conflict decided elsewhere)."""
        by_entity: dict[str, list[Record]] = {}
        for change in changes:
            by_entity.setdefault(change.entity, []).append(change)
        for entity, items in by_entity.items():
            model: Any = MODELS[entity]
            known = self._known_ids(session, entity)
            rows, held = [], []
            for change in items:
                if change.id in known:
                    held.append(change)
                    continue
                values = _columns(model, change.data)
                if not self._parents_present(session, entity, values):
                    self._park(session, change)
                    continue
                values.pop("server_version", None)
                rows.append({**_required_defaults(model, values), "id": change.id,
                             "server_version": change.version})
                known.add(change.id)
            if rows:
                session.execute(insert(model), rows)
                self.report.pulled += len(rows)
            if held:
                self._update_events(session, model, held)

    def _update_events(self, session: Session, model: Any, changes: list[Record]) -> None:
        table: Any = model.__table__
        newer = {c.id: c for c in changes}
        updates = []
        for start in range(0, len(changes), 500):
            ids = [c.id for c in changes[start:start + 500]]
            for row in session.execute(select(table).where(table.c.id.in_(ids))):
                change = newer[row.id]
                if row.server_version >= change.version:
                    continue
                values = _columns(model, change.data)
                differing = {k: v for k, v in values.items() if getattr(row, k) != v}
                if differing or row.server_version == 0:
                    updates.append((row.id, {**differing, "server_version": change.version}))
        if not updates:
            return
        versions = [{"v_id": i, "v_new": v["server_version"]} for i, v in updates if len(v) == 1]
        with ledger_writable(session, changes[0].entity):
            if versions:  # the same content: only the version noted (one statement)
                session.execute(update(table).where(table.c.id == bindparam("v_id"))
                                .values(server_version=bindparam("v_new")), versions)
            for event_id, values in updates:
                if len(values) > 1:
                    session.execute(update(table).where(table.c.id == event_id).values(values))
        self.report.pulled += len(updates) - len(versions)

    def _retry_parked(self, session: Session, pending: dict[str, set[str]]) -> None:
        """Apply the parked records whose parents are here now, in the platform's change order
        (their ``seq``): the local ledger keeps its events in the order they were recorded."""
        while True:
            parked = sorted(
                ((Record.model_validate_json(item.payload), item)
                 for item in session.scalars(select(SyncParkedRow))),
                key=lambda pair: pair[0].seq,
            )
            progressed = False
            for change, item in parked:
                if not self._parents_present(session, change.entity, change.data):
                    continue
                session.delete(item)
                session.flush()
                if change.entity in _IMMUTABLE:
                    self._apply_events(session, [change])
                else:
                    self._apply_record(session, change, pending)
                progressed = True
            if not progressed:
                return

    # ---------------------------------------------------------------- 秘密
    def _is_secret(
        self, session: Session, entity: str, entity_id: str, row: Any, patch: dict[str, Any]
    ) -> bool:
        """Whether a record stays on the PC: 秘密 itself, or a parent chain reaching a 秘密
        record (``sync.registry``), as the record is here (``row``) with ``patch`` applied."""
        if self._secret is None:
            self._secret = self._secret_ids(session)
            self._any_secret = any(self._secret.values())
        if not self._any_secret and patch.get(registry.CLASSIFICATION) != registry.SECRET:
            return False  # the usual case, and a first sync's million ops: nothing to look at
        record = {**(row._mapping if row is not None and hasattr(row, "_mapping")
                     else _plain(row)), **patch, "id": entity_id}
        return registry.is_secret(entity, record, self._secret)

    @staticmethod
    def _secret_ids(session: Session) -> dict[str, set[str]]:
        """Per entity, the ids of the 秘密 records and of everything hanging off them."""
        classified: dict[str, set[str]] = {}
        for kind in SENT:
            if kind.classified:
                table: Any = MODELS[kind.entity].__table__
                classified[kind.entity] = set(session.scalars(
                    select(table.c.id).where(table.c[registry.CLASSIFICATION] == registry.SECRET)
                ))

        def children_of(kind: RecordType, parent: registry.Parent, ids: set[str]) -> set[str]:
            if kind.entity not in MODELS:
                return set()
            table: Any = MODELS[kind.entity].__table__
            wanted, found = sorted(ids), set[str]()
            for start in range(0, len(wanted), 500):
                found.update(session.scalars(select(table.c.id).where(
                    table.c[parent.field].in_(wanted[start:start + 500]))))
            return found

        return registry.secret_closure(classified, children_of)

    # ---------------------------------------------------------------- notices
    def fetch_notices(self) -> None:
        """New notices with their attachments, a page at a time (each page stored whole or
        not at all); then the branch's queued answers to notices are sent."""
        with self.new_uow() as uow:
            since = notices.notice_cursor(uow.session)
        while not 0 <= self._latest_notice <= since:  # the last page said nothing is new
            answer = self.transport.notices(since)
            self.report.requests += 1
            if not answer.notices:
                break
            with self.new_uow() as uow:
                self.report.notices += notices.store_notices(uow.session, answer.notices)
                uow.commit()
            since = max(since, max(n.id for n in answer.notices))
            if not answer.has_more:
                break
        self.send_answers()

    def send_answers(self) -> None:
        """Send every queued answer; each receipt is kept as it comes (a refusal too: the
        secretary sees why). A failure other than a refusal leaves the rest queued."""
        with self.new_uow() as uow:
            queued = notices.queued_answers(uow.session)
        for answer in queued:
            try:
                receipt = self.transport.answer_notice(answer)
            except SyncProtocolError as failure:
                if failure.reason not in notices.REFUSALS:
                    raise
                receipt = notices.refused(answer.notice_id, str(answer.answer_id),
                                          failure.reason)
            self.report.requests += 1
            with self.new_uow() as uow:
                if notices.apply_receipt(uow.session, receipt):
                    self.report.answers += 1
                uow.commit()


# ---------------------------------------------------------------- values between rows and wire


def _snapshot(row: Any) -> dict[str, Any]:
    """A record's fields as wire values (ISO dates), without bookkeeping, tombstone and
    attachment blobs, of a plain row of ``_row_columns``."""
    return {
        name: to_wire(value) for name, value in row._mapping.items() if name not in _NOT_WIRED
    }


# "data": attachment blobs never sync; "sort_key": a member's local pinyin order (from its name)
_NOT_WIRED = {*_BOOKKEEPING, DELETED_FIELD, "data", "sort_key"}


def _row_columns(table: Any) -> list[str]:
    """The columns a push reads of a local record: all but attachment blobs."""
    return [column.name for column in table.columns if column.name != "data"]


def to_wire(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _plain(row: Any) -> dict[str, Any]:
    if row is None:
        return {}
    return {c.name: getattr(row, c.name) for c in row.__table__.columns if c.name != "data"}


def _columns(model: Any, data: dict[str, Any]) -> dict[str, Any]:
    """Pulled wire values converted to ``model``'s column types (unknown fields ignored)."""
    out: dict[str, Any] = {}
    for column in model.__table__.columns:
        name = column.name
        if name not in data or name in _BOOKKEEPING or name == DELETED_FIELD:
            continue
        value = data[name]
        if isinstance(column.type, Date):
            try:
                value = date.fromisoformat(value) if isinstance(value, str) and value else None
            except ValueError:
                value = None
        elif isinstance(column.type, Boolean):
            value = bool(value)
        elif isinstance(column.type, Integer):
            value = value if isinstance(value, int) and not isinstance(value, bool) else None
        elif isinstance(value, list | dict):
            value = json.dumps(value, ensure_ascii=False, sort_keys=True)
        elif value is not None and not isinstance(value, str):
            value = str(value)
        if value is None and not column.nullable and not column.default:
            continue
        out[name] = value
    return out


def _required_defaults(model: Any, values: dict[str, Any]) -> dict[str, Any]:
    """``values`` completed with neutral values for required columns a partial record lacks."""
    out = dict(values)
    for column in model.__table__.columns:
        if column.name in out or column.nullable or column.default is not None:
            continue
        if column.primary_key or column.name == "id":
            continue
        if isinstance(column.type, Date):
            out[column.name] = date(1970, 1, 1)
        elif isinstance(column.type, Boolean):
            out[column.name] = False
        elif isinstance(column.type, Integer):
            out[column.name] = 0
        else:
            out[column.name] = ""
    return out


def _pending_fields(session: Session, ids: list[str]) -> dict[str, set[str]]:
    """Fields with local changes not yet acknowledged by the platform, per record id."""
    pending: dict[str, set[str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for entity_id, patch in session.execute(
            select(OutboxEntry.entity_id, OutboxEntry.patch).where(
                OutboxEntry.acked_at.is_(None), OutboxEntry.entity_id.in_(chunk)
            )
        ):
            pending.setdefault(entity_id, set()).update(json.loads(patch))
    return pending


def _acknowledge(session: Session, seqs: list[int], now: str | None = None) -> None:
    """Mark outbox entries sent. The sequence numbers are the table's own integers, written
    into the statement: an expanding ``IN`` parameter costs more than the update itself."""
    table = OutboxEntry.__tablename__
    for start in range(0, len(seqs), 500):
        numbers = ",".join(str(int(seq)) for seq in seqs[start:start + 500])
        session.execute(
            text(f"UPDATE {table} SET acked_at = :now WHERE seq IN ({numbers})"),  # noqa: S608
            {"now": now or utc_iso()},
        )


def record_by_id(session: Session, model: Any, record_id: str) -> Any:
    """A local record by its id (the primary key, except for ledger events: their ``seq``)."""
    if model.__table__.c.id.primary_key:
        return session.get(model, record_id)
    return session.scalar(select(model).where(model.id == record_id))


@contextmanager
def ledger_writable(session: Session, entity: str) -> Iterator[None]:
    """Let this transaction update immutable events of ``entity`` (``models.LEDGER_WRITE``):
    only sync does, to bring an event to the platform's id or version."""
    if entity not in _IMMUTABLE or session.scalar(
        select(Setting.key).where(Setting.key == LEDGER_WRITE)
    ) is not None:
        yield
        return
    session.flush()
    session.execute(insert(Setting).values(key=LEDGER_WRITE, value="1"))
    try:
        yield
    finally:
        session.execute(delete(Setting).where(Setting.key == LEDGER_WRITE))


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
