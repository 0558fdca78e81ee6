"""The platform's operations on its database: branches, enrollment, devices, push, pull, verify.

Every push runs in one transaction that first locks the branch row (``FOR UPDATE`` on
PostgreSQL; one writer at a time on SQLite), so the branch's change sequence has no gaps or
reordering that a reader could see, and a retried op is recognised by its ``op_id``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, bindparam, func, or_, select, update

from server import db
from server.merge import Stored, apply, new_record
from sync.registry import natural_key, record_type
from sync.wire import (
    ChangesPage,
    Conflict,
    EnrollResponse,
    Notice,
    NoticeAttachment,
    NoticesResponse,
    Op,
    PushRequest,
    PushResponse,
    Record,
    TableDigest,
    VerifyResponse,
    digest_lines,
)

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
NOTICE_PAGE = 100
"""Most notices in one answer."""
NOTICE_PAGE_BYTES = 16 * 1024 * 1024
"""A page of notices ends after the notice whose attachments pass this size."""
AUTH_CACHE_SECONDS = 2.0
"""How long a server process reuses a device token it found valid without asking the database
again: a sync's requests (push, pages, notices) cost one lookup, and a device revoked in the
database is refused at most this long after."""
_AUTH_CACHE_MAX = 10_000
ENROLL_RETRY_SECONDS = 3600
"""How long after a code's use the same PC (same enrollment nonce) may enroll with it again
and get the same device: for an answer lost on the way."""


class NotFound(Exception):  # noqa: N818 - a lookup outcome, mapped to 404 by the API
    pass


class Gone(Exception):  # noqa: N818 - mapped to 410 by the API
    def __init__(self, epoch: str) -> None:
        super().__init__("cursor gone")
        self.epoch = epoch


class IdempotencyKeyReused(Exception):  # noqa: N818 - mapped to 422 by the API
    pass


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    branch_id: str


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalized_code(code: str) -> str:
    return code.replace("-", "").replace(" ", "").upper()


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sqlite = engine.dialect.name == "sqlite"
        self._write_lock = threading.Lock()
        # Reads that need no transaction: no BEGIN and ROLLBACK round trips around them. On
        # PostgreSQL (read committed) each statement saw its own snapshot anyway.
        self._reader = engine.execution_options(isolation_level="AUTOCOMMIT")
        self.auth_cache_seconds = AUTH_CACHE_SECONDS
        self._devices: dict[str, tuple[DeviceInfo, float]] = {}  # token hash: (device, until)

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction; on SQLite one at a time (it has a single writer anyway)."""
        if self._sqlite:
            with self._write_lock, self.engine.begin() as connection:
                yield connection
        else:
            with self.engine.begin() as connection:
                yield connection

    # ---------------------------------------------------------------- administration
    def create_branch(self, code: str, name: str) -> str:
        branch_id = str(uuid.uuid4())
        with self._writing() as connection:
            connection.execute(db.branch.insert().values(
                id=branch_id, code=code, name=name, last_seq=0, created_at=db.now_iso()
            ))
        return branch_id

    def find_branch(self, code_or_id: str) -> str:
        with self.engine.connect() as connection:
            found = connection.scalar(select(db.branch.c.id).where(
                (db.branch.c.id == code_or_id) | (db.branch.c.code == code_or_id)
            ))
        if found is None:
            raise NotFound(code_or_id)
        return str(found)

    def issue_code(self, branch_id: str, valid_days: int = 7) -> str:
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(16))
        expires = datetime.now(UTC) + timedelta(days=valid_days)
        with self._writing() as connection:
            connection.execute(db.enrollment_code.insert().values(
                code_hash=_hash(raw), branch_id=branch_id,
                expires_at=expires.strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
            ))
        return "-".join(raw[i:i + 4] for i in range(0, 16, 4))

    def rotate_epoch(self) -> str:
        """What a restore from a backup does to clients: a new epoch."""
        epoch = db.new_epoch()
        with self._writing() as connection:
            connection.execute(update(db.server_state).where(
                db.server_state.c.key == db.EPOCH_KEY
            ).values(value=epoch))
        return epoch

    def publish_notice(
        self, branch_id: str | None, title: str, body: str, due_on: str | None = None,
        response: str = "none", attachments: Sequence[tuple[str, bytes]] = (),
    ) -> int:
        """A new notice (to every branch when ``branch_id`` is None); its number. The caller
        checks the values (``server.notices.check_notice``)."""
        with self._writing() as connection:
            result = connection.execute(db.notice.insert().values(
                branch_id=branch_id, title=title, body=body, published_at=db.now_iso(),
                due_on=due_on, response=response,
            ))
            key = result.inserted_primary_key
            number = int(key[0]) if key else 0
            for position, (name, content) in enumerate(attachments):
                connection.execute(db.notice_attachment.insert().values(
                    notice_id=number, position=position, name=name, size=len(content),
                    sha256=hashlib.sha256(content).hexdigest(), content=content,
                ))
        return number

    def epoch(self, connection: Connection | None = None) -> str:
        query = select(db.server_state.c.value).where(db.server_state.c.key == db.EPOCH_KEY)
        if connection is not None:
            return str(connection.scalar(query))
        with self.engine.connect() as own:
            return str(own.scalar(query))

    # ---------------------------------------------------------------- devices
    def enroll(self, code: str, device_name: str, nonce: str = "") -> EnrollResponse | None:
        """Bind a device with a one-time code; None when the code is unknown, used or expired.

        ``nonce``: a secret the PC made before its first attempt. The same PC asking again with
        the same code and nonce within ``ENROLL_RETRY_SECONDS`` (its answer was lost) gets the
        same device back with a new token (the first one, never received, stops working);
        anyone else holding the used code gets nothing."""
        code_hash = _hash(normalized_code(code))
        nonce_hash = _hash(nonce) if nonce else None
        with self._writing() as connection:
            row = connection.execute(select(db.enrollment_code).where(
                db.enrollment_code.c.code_hash == code_hash
            )).first()
            if row is None:
                return None
            token = secrets.token_urlsafe(32)
            if row.used_at is not None:
                device_id = self._enrolled_again(connection, row, nonce_hash, _hash(token))
                if device_id is None:
                    return None
            else:
                if row.expires_at < db.now_iso():
                    return None
                device_id = str(uuid.uuid4())
                taken = connection.execute(update(db.enrollment_code).where(
                    db.enrollment_code.c.code_hash == code_hash,
                    db.enrollment_code.c.used_at.is_(None),
                ).values(used_at=db.now_iso(), device_id=device_id, nonce_hash=nonce_hash))
                if taken.rowcount != 1:
                    return None
                connection.execute(db.device.insert().values(
                    id=device_id, branch_id=row.branch_id, name=device_name,
                    token_hash=_hash(token), created_at=db.now_iso(),
                ))
            branch = connection.execute(
                select(db.branch).where(db.branch.c.id == row.branch_id)
            ).one()
            epoch = self.epoch(connection)
        return EnrollResponse(
            device_id=device_id, token=token, branch_id=branch.id, branch_code=branch.code,
            branch_name=branch.name, epoch=epoch,
        )

    @staticmethod
    def _enrolled_again(
        connection: Connection, row: Any, nonce_hash: str | None, token_hash: str
    ) -> str | None:
        """The device a used code enrolled, with a new token, if this is the same PC (same
        nonce) asking again soon enough and the device is not revoked; else None."""
        since = datetime.now(UTC) - timedelta(seconds=ENROLL_RETRY_SECONDS)
        if (nonce_hash is None or row.nonce_hash is None or row.device_id is None
                or not secrets.compare_digest(nonce_hash, row.nonce_hash)
                or row.used_at < since.strftime("%Y-%m-%dT%H:%M:%S.%fZ")):
            return None
        renewed = connection.execute(update(db.device).where(
            db.device.c.id == row.device_id, db.device.c.revoked_at.is_(None)
        ).values(token_hash=token_hash))
        return str(row.device_id) if renewed.rowcount == 1 else None

    def authenticated(self, token: str) -> DeviceInfo | None:
        """The device of ``token`` if it was found valid less than ``auth_cache_seconds`` ago;
        None means "ask ``authenticate``". No I/O: the API calls it on its event loop."""
        entry = self._devices.get(_hash(token))
        if entry is None or entry[1] <= time.monotonic():
            return None
        return entry[0]

    def authenticate(self, token: str) -> DeviceInfo | None:
        """The device of a valid, unrevoked token (from the database unless just seen), else
        None. Unknown and revoked tokens are never remembered: they are asked about every time."""
        token_hash = _hash(token)
        now = time.monotonic()
        entry = self._devices.get(token_hash)
        if entry is not None and entry[1] > now:
            return entry[0]
        with self._reader.connect() as connection:
            row = connection.execute(_DEVICE_BY_TOKEN, {"token_hash": token_hash}).first()
        if row is None:
            self._devices.pop(token_hash, None)
            return None
        device = DeviceInfo(row.id, row.branch_id)
        if self.auth_cache_seconds > 0:
            if len(self._devices) >= _AUTH_CACHE_MAX:
                self._devices = {k: v for k, v in self._devices.items() if v[1] > now}
                if len(self._devices) >= _AUTH_CACHE_MAX:
                    self._devices = {}
            self._devices[token_hash] = (device, now + self.auth_cache_seconds)
        return device

    # ---------------------------------------------------------------- push
    def push(
        self, device: DeviceInfo, request: PushRequest, idempotency_key: str, body_hash: str
    ) -> PushResponse:
        return PushResponse.model_validate_json(
            self.push_json(device, request, idempotency_key, body_hash)
        )

    def push_json(
        self, device: DeviceInfo, request: PushRequest, idempotency_key: str, body_hash: str
    ) -> bytes:
        """Apply a batch; the ``PushResponse`` as JSON (built from plain values: on a first
        sync every op of a batch of 500 passes here, so no model is made per result)."""
        op_ids = [str(op.op_id) for op in request.ops]
        entity_ids = [str(op.entity_id) for op in request.ops]
        lock = "" if self._sqlite else " FOR UPDATE"  # SQLite: one writer (self._write_lock)
        with self._writing() as connection:
            # Every read in one round trip: the epoch, then under the branch's lock the rest
            # (PostgreSQL runs them in order, each seeing what the lock's previous holder
            # committed).
            reads = _query_together(connection, [
                ("SELECT value FROM server_state WHERE key = ?", (db.EPOCH_KEY,)),
                (f"SELECT last_seq FROM branch WHERE id = ?{lock}",  # noqa: S608 - constant
                 (device.branch_id,)),
                ("SELECT body_hash, response FROM idempotency WHERE device_id = ? AND key = ?",
                 (device.id, idempotency_key)),
                _in("SELECT op_id, branch_id, result FROM applied_op WHERE op_id IN", op_ids),
                _alias_query(device.branch_id, request.ops, entity_ids),
                *_record_queries(device.branch_id, request.ops, entity_ids),
            ])
            epoch_rows, branch_rows, earlier_rows, done_rows, alias_rows, *record_rows = reads
            epoch = str(epoch_rows[0][0])
            if earlier_rows:
                earlier_hash, earlier_response = earlier_rows[0]
                if earlier_hash != body_hash:
                    raise IdempotencyKeyReused()
                answer = orjson.loads(earlier_response)
                answer["epoch"] = epoch
                return orjson.dumps(answer)
            records = _stored_rows(record_rows)
            aliases = _Aliases({(entity, alias): target for entity, alias, target in alias_rows})
            if aliases.known:  # ops naming records merged into others: load those
                records.update(_stored_rows(_query_together(connection, [
                    _in(f"{_RECORD_COLUMNS} WHERE branch_id = ? AND entity = ? AND id IN",
                        targets, (device.branch_id, entity))
                    for entity, targets in aliases.targets().items()
                ])))
            done = {op_id: (branch_id, result) for op_id, branch_id, result in done_rows}
            results, fresh, last_seq = self._push_ops(
                device, request, op_ids, entity_ids, done, records, int(branch_rows[0][0]),
                aliases,
            )
            _rekey(connection, device.branch_id, records)
            response = orjson.dumps({"results": results, "epoch": epoch})
            # Every write and the commit in one round trip too.
            _write_together(connection, [
                *_writes(device.branch_id, records, fresh, last_seq),
                *aliases.writes(device.branch_id),
                ("INSERT INTO idempotency (device_id, key, body_hash, response, created_at) "
                 "VALUES (?, ?, ?, ?, ?)",
                 [(device.id, idempotency_key, body_hash, response.decode(), db.now_iso())]),
            ])
        return response

    def _push_ops(
        self,
        device: DeviceInfo,
        request: PushRequest,
        op_ids: list[str],
        entity_ids: list[str],
        done: dict[str, tuple[str, str]],
        records: dict[tuple[str, str], Stored],
        last_seq: int,
        aliases: _Aliases,
    ) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]], int]:
        """Apply the ops to the loaded ``records`` in memory: each op's result, the results of
        the ops applied now (by op id) and the branch's last change number after them."""
        by_key = {r.natural_key: r for r in records.values() if r.natural_key}
        results: list[dict[str, Any]] = []
        fresh: dict[str, dict[str, Any]] = {}
        for op, op_id, entity_id in zip(request.ops, op_ids, entity_ids, strict=True):
            if op_id in fresh:
                results.append(fresh[op_id])
                continue
            if op_id in done:
                branch_id, text = done[op_id]
                results.append(
                    orjson.loads(text) if branch_id == device.branch_id
                    else {"status": "rejected", "op_id": op_id, "reason": "op_id_taken"}
                )
                continue
            op, entity_id = aliases.translate(op, entity_id)
            result, last_seq = self._apply_one(
                op, op_id, entity_id, device, records, by_key, last_seq
            )
            held_as = result.get("record_id") or result.get("server_record", {}).get("id")
            if held_as and held_as != entity_id:
                aliases.add(op.entity, entity_id, held_as)
            results.append(result)
            fresh[op_id] = result
        return results, fresh, last_seq

    @staticmethod
    def _apply_one(
        op: Op,
        op_id: str,
        entity_id: str,
        device: DeviceInfo,
        records: dict[tuple[str, str], Stored],
        by_key: dict[str, Stored],
        last_seq: int,
    ) -> tuple[dict[str, Any], int]:
        """Apply one op; its result as the plain values of an ``OpResult``."""
        stored = records.get((op.entity, entity_id))
        key = natural_key(op.entity, op.patch)
        if stored is None and key is not None:
            stored = by_key.get(key)  # the same fact stored under another id (sync.registry)
        superseded: list[str] = []
        reason, conflict_fields = "", []
        if stored is None:
            stored = new_record(op, device.id, key, entity_id)
            records[(op.entity, stored.id)] = stored
            if key is not None:
                by_key[key] = stored
            changed, kind = True, "applied"
        else:
            outcome = apply(stored, op, device.id)
            changed, kind, superseded = outcome.changed, outcome.kind, outcome.superseded
            reason, conflict_fields = outcome.reason, outcome.conflict_fields
        if changed:
            last_seq += 1
            stored.seq = last_seq
        if kind == "rejected":
            return {"status": "rejected", "op_id": op_id, "reason": reason}, last_seq
        if kind == "conflict":
            conflict = Conflict(
                op_id=op.op_id, seq=stored.seq, version=stored.version,
                fields=conflict_fields, server_record=_record(stored),
            )
            return conflict.model_dump(mode="json"), last_seq
        return {
            "status": "applied", "op_id": op_id, "seq": stored.seq, "version": stored.version,
            "record_id": stored.id, "changed": changed, "superseded": superseded,
        }, last_seq

    # ---------------------------------------------------------------- pull
    def changes_json(
        self,
        branch_id: str,
        since: int,
        limit: int,
        epoch: str | None,
        device_id: str | None = None,
        own: Sequence[tuple[int, int]] = (),
    ) -> str:
        """A ``ChangesPage`` as JSON text, built from the stored JSON without re-parsing it.

        ``own``: ranges of change sequence numbers the device was answered in its pushes; a
        record still at such a number, written there by ``device_id`` from what it held
        (``echo_device``), is not sent back to it (a first sync would pull all it pushed)."""
        record = db.record.c
        with self._reader.connect() as connection:
            current, last_seq, latest_notice = connection.execute(
                _BRANCH_STATE, {"branch_id": branch_id}
            ).one()
            last_seq = int(last_seq or 0)
            if (epoch is not None and epoch != current) or since > last_seq:
                raise Gone(current)
            query = _PAGE_ROWS
            if device_id and own:
                echoed = or_(*(record.seq.between(low, high) for low, high in own))
                query = query.where(or_(
                    record.echo_device.is_(None), record.echo_device != device_id, ~echoed
                ))
            rows = list(connection.execute(
                query, {"branch_id": branch_id, "since": since, "rows": limit + 1}
            ))
        has_more = len(rows) > limit
        rows = rows[:limit]
        # At the end, the cursor moves past the echoes left out too (they come before last_seq).
        next_cursor = rows[-1].seq if has_more else max(last_seq, rows[-1].seq if rows else since)
        changes = ",".join(
            f'{{"entity":{json.dumps(r.entity)},"id":{json.dumps(r.id)},"version":{r.version},'
            f'"seq":{r.seq},"deleted":{"true" if r.deleted else "false"},"data":{r.data}}}'
            for r in rows
        )
        return (
            f'{{"changes":[{changes}],"next_cursor":"{next_cursor}",'
            f'"has_more":{"true" if has_more else "false"},"epoch":{json.dumps(current)},'
            f'"latest_notice":{int(latest_notice or 0)}}}'
        )

    def changes(self, branch_id: str, since: int, limit: int, epoch: str | None) -> ChangesPage:
        return ChangesPage.model_validate_json(self.changes_json(branch_id, since, limit, epoch))

    # ---------------------------------------------------------------- verify and notices
    def verify(self, branch_id: str) -> VerifyResponse:
        pairs: dict[str, list[tuple[str, int]]] = {}
        with self._reader.connect() as connection:
            epoch, last_seq, _notice = connection.execute(
                _BRANCH_STATE, {"branch_id": branch_id}
            ).one()
            for row in connection.execute(
                select(db.record.c.entity, db.record.c.id, db.record.c.version)
                .where(db.record.c.branch_id == branch_id)
            ):
                pairs.setdefault(row.entity, []).append((row.id, row.version))
        return VerifyResponse(
            epoch=epoch,
            last_seq=int(last_seq or 0),
            tables={
                entity: TableDigest(count=len(items), digest=digest_lines(items))
                for entity, items in sorted(pairs.items())
            },
        )

    def notices(self, branch_id: str, since: int) -> NoticesResponse:
        """The branch's notices after ``since``, with their attachments; a page ends after
        ``NOTICE_PAGE`` notices or once its attachments pass ``NOTICE_PAGE_BYTES``."""
        with self._reader.connect() as connection:
            rows = list(connection.execute(_NOTICES, {"branch_id": branch_id, "since": since}))
            files: dict[int, list[NoticeAttachment]] = {}
            if rows:
                a = db.notice_attachment.c
                for f in connection.execute(
                    select(db.notice_attachment).where(a.notice_id.in_([r.id for r in rows]))
                    .order_by(a.notice_id, a.position)
                ):
                    files.setdefault(f.notice_id, []).append(NoticeAttachment.model_construct(
                        name=f.name, size=f.size, sha256=f.sha256,
                        content=base64.b64encode(f.content).decode(),
                    ))
        notices: list[Notice] = []
        size = 0
        for r in rows:
            if notices and size > NOTICE_PAGE_BYTES:
                break
            attached = files.get(r.id, [])
            size += sum(f.size for f in attached)
            notices.append(Notice.model_construct(
                id=r.id, title=r.title, body=r.body, published_at=r.published_at,
                due_on=r.due_on, response=r.response or "none", attachments=attached,
            ))
        more = len(notices) < len(rows) or len(rows) == NOTICE_PAGE
        return NoticesResponse.model_construct(notices=notices, has_more=more)

    def notices_json(self, branch_id: str, since: int) -> str:
        """A ``NoticesResponse`` as JSON (values read back from the database, not re-validated)."""
        return self.notices(branch_id, since).model_dump_json()

    def record_count(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(db.record)) or 0)


# The read paths' statements, built once (SQLAlchemy then reuses their cache keys).
# _BRANCH_STATE: the epoch, the branch's last change number and latest notice, in one round trip.
_EPOCH = (
    select(db.server_state.c.value).where(db.server_state.c.key == db.EPOCH_KEY).scalar_subquery()
)
_BRANCH_STATE = select(
    _EPOCH,
    select(db.branch.c.last_seq).where(db.branch.c.id == bindparam("branch_id"))
    .scalar_subquery(),
    select(func.max(db.notice.c.id)).where(
        (db.notice.c.branch_id == bindparam("branch_id")) | db.notice.c.branch_id.is_(None)
    ).scalar_subquery(),
)
_PAGE_ROWS = (
    select(db.record.c.entity, db.record.c.id, db.record.c.version,
           db.record.c.seq, db.record.c.deleted, db.record.c.data)
    .where(db.record.c.branch_id == bindparam("branch_id"), db.record.c.seq > bindparam("since"))
    .order_by(db.record.c.seq)
    .limit(bindparam("rows"))
)
_NOTICES = (
    select(db.notice)
    .where((db.notice.c.branch_id == bindparam("branch_id")) | db.notice.c.branch_id.is_(None))
    .where(db.notice.c.id > bindparam("since"))
    .order_by(db.notice.c.id)
    .limit(NOTICE_PAGE)
)
_DEVICE_BY_TOKEN = select(db.device.c.id, db.device.c.branch_id).where(
    db.device.c.token_hash == bindparam("token_hash"), db.device.c.revoked_at.is_(None)
)


Statement = tuple[str, Sequence[Any]]
"""SQL with ``?`` placeholders, and its parameters (for a write: a list of rows)."""


def _record_queries(branch_id: str, ops: list[Op], entity_ids: list[str]) -> list[Statement]:
    """The stored records the ops name, by (entity, id) and by natural key: a query per entity,
    each on an index that starts with (branch, entity): the primary key, or the unique natural
    key (a query without the entity scanned the whole branch, every batch)."""
    ids: dict[str, set[str]] = {}
    keys: dict[str, set[str]] = {}
    for op, entity_id in zip(ops, entity_ids, strict=True):
        ids.setdefault(op.entity, set()).add(entity_id)
        key = natural_key(op.entity, op.patch)
        if key:
            keys.setdefault(op.entity, set()).add(key)
    columns = _RECORD_COLUMNS
    return [
        *(_in(f"{columns} WHERE branch_id = ? AND entity = ? AND id IN", wanted,
              (branch_id, entity)) for entity, wanted in ids.items()),
        *(_in(f"{columns} WHERE branch_id = ? AND entity = ? AND natural_key IN", wanted,
              (branch_id, entity)) for entity, wanted in keys.items()),
    ]


_RECORD_COLUMNS = "SELECT entity, id, version, seq, deleted, data, meta, natural_key FROM record"


def _stored_rows(results: list[list[Any]]) -> dict[tuple[str, str], Stored]:
    return {
        (entity, record_id): Stored(
            entity=entity, id=record_id, version=version, seq=seq, deleted=bool(deleted),
            data=orjson.loads(data), meta=orjson.loads(meta), natural_key=natural_key,
        )
        for rows in results
        for entity, record_id, version, seq, deleted, data, meta, natural_key in rows
    }


def _alias_query(branch_id: str, ops: list[Op], entity_ids: list[str]) -> Statement:
    """The aliases of the ids the ops name: their own and their parents'."""
    named = set(entity_ids)
    for op in ops:
        for parent in record_type(op.entity).parents:
            value = op.patch.get(parent.field)
            if isinstance(value, str):
                named.add(value)
    return _in("SELECT entity, alias_id, record_id FROM record_alias "
               "WHERE branch_id = ? AND alias_id IN", named, (branch_id,))


class _Aliases:
    """Ids devices created records under that are stored under another id (``record_alias``):
    an op naming one, as its record or as a parent, is applied to the stored record."""

    def __init__(self, known: dict[tuple[str, str], str]) -> None:
        self.known = known
        self.new: list[tuple[str, str, str]] = []

    def targets(self) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for (entity, _alias), target in self.known.items():
            found.setdefault(entity, set()).add(target)
        return found

    def add(self, entity: str, alias: str, target: str) -> None:
        if (entity, alias) not in self.known:
            self.known[(entity, alias)] = target
            self.new.append((entity, alias, target))

    def translate(self, op: Op, entity_id: str) -> tuple[Op, str]:
        if not self.known:
            return op, entity_id
        target = self.known.get((op.entity, entity_id), entity_id)
        moved = {}
        for parent in record_type(op.entity).parents:
            value = op.patch.get(parent.field)
            if isinstance(value, str) and (parent.entity, value) in self.known:
                moved[parent.field] = self.known[(parent.entity, value)]
        if target == entity_id and not moved:
            return op, entity_id
        return op.model_copy(update={"patch": {**op.patch, **moved}}), target

    def writes(self, branch_id: str) -> list[Statement]:
        if not self.new:
            return []
        return [("INSERT INTO record_alias (branch_id, entity, alias_id, record_id) "
                 "VALUES (?, ?, ?, ?)", [(branch_id, *row) for row in self.new])]


def _rekey(connection: Connection, branch_id: str, records: dict[tuple[str, str], Stored]) -> None:
    """Key each changed record by what it now says (``sync.registry``): a member whose ID number
    was corrected is found by the corrected number, and the mistyped one keys no one. A key
    another record already holds is not taken (that is a second record of the same person, for
    the secretary): the changed record is then left without a key rather than a wrong one."""
    moved = {
        (r.entity, r.id): natural_key(r.entity, r.data)
        for r in records.values()
        if r.dirty and not r.is_new
    }
    moved = {at: key for at, key in moved.items() if key != records[at].natural_key}
    if not moved:
        return
    wanted: dict[str, set[str]] = {}
    for (entity, _id), key in moved.items():
        if key is not None:
            wanted.setdefault(entity, set()).add(key)
    held = {
        (entity, key)
        for rows in _query_together(connection, [
            _in("SELECT entity, natural_key FROM record WHERE branch_id = ? AND entity = ? "
                "AND natural_key IN", keys, (branch_id, entity))
            for entity, keys in sorted(wanted.items())
        ])
        for entity, key in rows
    }
    held |= {(r.entity, r.natural_key) for r in records.values() if r.natural_key}
    for (entity, record_id), key in sorted(moved.items(), key=lambda item: item[0]):
        stored = records[(entity, record_id)]
        stored.natural_key = None if (entity, key) in held else key
        if stored.natural_key is not None:
            held.add((entity, stored.natural_key))


def _writes(
    branch_id: str,
    records: dict[tuple[str, str], Stored],
    results: dict[str, dict[str, Any]],
    last_seq: int,
) -> list[Statement]:
    """A batch's writes as a few ``executemany`` of plain tuples (no per-row statement
    compilation: a first sync writes hundreds of thousands of rows here)."""
    new = [r for r in records.values() if r.dirty and r.is_new]
    changed = [r for r in records.values() if r.dirty and not r.is_new]
    writes: list[Statement] = []
    if new:
        writes.append((
            "INSERT INTO record (branch_id, entity, id, version, seq, deleted, data, meta, "
            "natural_key, echo_device) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(branch_id, r.entity, r.id, r.version, r.seq, r.deleted, _dumps(r.data),
              _dumps(r.meta), r.natural_key, r.echo_device) for r in new],
        ))
    if changed:
        writes.append((
            "UPDATE record SET version = ?, seq = ?, deleted = ?, data = ?, meta = ?, "
            "echo_device = ?, natural_key = ? WHERE branch_id = ? AND entity = ? AND id = ?",
            [(r.version, r.seq, r.deleted, _dumps(r.data), _dumps(r.meta), r.echo_device,
              r.natural_key, branch_id, r.entity, r.id) for r in changed],
        ))
    if results:
        writes.append((
            "INSERT INTO applied_op (op_id, branch_id, result) VALUES (?, ?, ?)",
            [(op_id, branch_id, orjson.dumps(result).decode())
             for op_id, result in results.items()],
        ))
    writes.append(("UPDATE branch SET last_seq = ? WHERE id = ?", [(last_seq, branch_id)]))
    return writes


def _in(query: str, values: Iterable[str], before: tuple[Any, ...] = ()) -> Statement:
    """``query`` ending in ``... IN`` completed with the (≤ 500) distinct ``values``: plain
    text, as SQLAlchemy's expanding ``in_()`` coerces each value on every call."""
    wanted = sorted(set(values))
    marks = ", ".join("?" * len(wanted)) if wanted else "NULL"
    return f"{query} ({marks})", (*before, *wanted)


def _driver_sql(connection: Connection, statement: str) -> str:
    return statement if connection.dialect.paramstyle == "qmark" else statement.replace("?", "%s")


def _query_together(connection: Connection, queries: list[Statement]) -> list[list[Any]]:
    """The rows of each query, run in order; on PostgreSQL in one round trip (a pipeline)."""
    if connection.dialect.name != "postgresql":
        return [list(connection.exec_driver_sql(_driver_sql(connection, sql), tuple(params)))
                for sql, params in queries]
    raw: Any = connection.connection.driver_connection
    cursors = []
    try:
        with raw.pipeline() as pipeline:
            for sql, params in queries:
                cursor = raw.cursor()
                cursors.append(cursor)
                cursor.execute(_driver_sql(connection, sql), params)
            pipeline.sync()
            return [cursor.fetchall() for cursor in cursors]
    finally:
        for cursor in cursors:
            cursor.close()


def _write_together(connection: Connection, writes: list[Statement]) -> None:
    """Each statement once per row of its parameters, in order, and the commit: on PostgreSQL
    all in one round trip (a pipeline; the transaction's own commit then has nothing to do).
    This is the last thing a push does while it holds its branch's lock."""
    if connection.dialect.name != "postgresql":
        for sql, rows in writes:
            connection.exec_driver_sql(_driver_sql(connection, sql), list(rows))
        return
    raw: Any = connection.connection.driver_connection
    with raw.pipeline(), raw.cursor() as cursor:
        for sql, rows in writes:
            cursor.executemany(_driver_sql(connection, sql), rows)
        raw.commit()


def _record(stored: Stored) -> Record:
    return Record(
        entity=stored.entity,
        id=stored.id, version=stored.version, seq=stored.seq,
        deleted=stored.deleted, data=stored.data,
    )


def _dumps(value: Any) -> str:
    """Compact, sorted, UTF-8 JSON (as ``json.dumps(..., ensure_ascii=False, sort_keys=True,
    separators=(",", ":"))`` writes it, several times faster: every stored record passes here)."""
    return orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode()
