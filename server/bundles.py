"""Bundle files on the platform: device keys, importing an upload, writing the return bundle.

An upload is verified (structure, the registered device's signature, decryption, payload hash)
and its sequence checked before anything is applied; its ops then go through the very push path
of the HTTP API (``Store.push``, idempotent on ``op_id`` and on an idempotency key derived from
the bundle id), and the return bundle carries those results plus the branch's changes since the
device's cursor, read by the very pull path (``Store.changes``), signed by the platform and
encrypted to the device's key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import Row, select, update
from sqlalchemy.exc import IntegrityError

from server import db, notices
from server.store import DeviceInfo, Gone, NotFound, Store
from sync.bundle import (
    BundleRejected,
    KeyPair,
    Manifest,
    PublicKeys,
    ReturnPayload,
    new_manifest,
    parse_upload,
    read_manifest,
    seal,
    unseal,
)
from sync.wire import MAX_BATCH, MAX_PAGE, ChangesPage, OpResult, PushRequest


@dataclass(frozen=True)
class ImportResult:
    return_bundle: bytes
    device_id: str
    branch_id: str
    sequence: int
    """The upload's sequence number."""
    ops: int
    changes: int
    return_sequence: int = 0
    """The return bundle's number: the upload's, or the next free one when the upload was older
    than the last one imported (the PC was restored from an older backup)."""
    outcome: Literal["imported", "restored", "platform_restored", "again"] = "imported"
    """``restored``: older than the last imported (``last_sequence``); ``platform_restored``:
    past the last imported, from a PC that has not seen the platform's current epoch (the
    platform was restored from its backup; the answer takes the platform's next number);
    ``again``: this very bundle was imported before, its answer is written again and nothing is
    applied twice."""
    last_sequence: int = 0
    """The device's last imported sequence before this import."""


def platform_keys(store: Store) -> KeyPair:
    """The platform's bundle key pair, created on first use (kept in ``server_state``)."""
    query = select(db.server_state.c.value).where(db.server_state.c.key == db.BUNDLE_KEY)
    with store.engine.connect() as connection:
        stored = connection.scalar(query)
    if stored:
        return KeyPair.from_secret(str(stored))
    fresh = KeyPair.generate()
    try:
        with store.engine.begin() as connection:
            connection.execute(db.server_state.insert().values(
                key=db.BUNDLE_KEY, value=fresh.to_secret()
            ))
    except IntegrityError:  # created concurrently: use that one
        with store.engine.connect() as connection:
            return KeyPair.from_secret(str(connection.scalar(query)))
    return fresh


def platform_public_key_file(store: Store) -> str:
    """The file the administrator gives to air-gapped PCs (public keys only)."""
    return platform_keys(store).public().to_json()


def register_device_key(store: Store, branch: str, key_file_text: str) -> str:
    """Register (or replace) a device's bundle keys for ``branch`` (code or id); the device id
    is the one in the file. A device enrolled online must belong to that branch. Returns the
    device id. ValueError for an unusable file, NotFound for an unknown branch."""
    keys, device_id = PublicKeys.from_json(key_file_text)
    if not device_id or len(device_id) > 36:
        raise ValueError("the key file names no device")
    branch_id = store.find_branch(branch)
    with store.engine.begin() as connection:
        enrolled = connection.scalar(
            select(db.device.c.branch_id).where(db.device.c.id == device_id)
        )
        if enrolled is not None and enrolled != branch_id:
            raise ValueError("the device is enrolled for another branch")
        existing = connection.scalar(
            select(db.device_key.c.branch_id).where(db.device_key.c.device_id == device_id)
        )
        values = {"branch_id": branch_id, "encryption_public": keys.encryption.hex(),
                  "signing_public": keys.signing.hex()}
        if existing is None:
            connection.execute(db.device_key.insert().values(
                device_id=device_id, last_sequence=0, registered_at=db.now_iso(), **values
            ))
        else:
            connection.execute(update(db.device_key).where(
                db.device_key.c.device_id == device_id
            ).values(**values))
    return device_id


def register_enrolled_device(store: Store, device: DeviceInfo, keys: PublicKeys) -> PublicKeys:
    """An enrolled device registers its bundle keys itself (authenticated by its credential);
    the platform's public keys in exchange."""
    with store.engine.begin() as connection:
        values = {"branch_id": device.branch_id, "encryption_public": keys.encryption.hex(),
                  "signing_public": keys.signing.hex()}
        changed = connection.execute(update(db.device_key).where(
            db.device_key.c.device_id == device.id
        ).values(**values))
        if changed.rowcount == 0:
            connection.execute(db.device_key.insert().values(
                device_id=device.id, last_sequence=0, registered_at=db.now_iso(), **values
            ))
    return platform_keys(store).public()


def check_sender(store: Store, claimed: Manifest) -> Row[Any]:
    """The registered keys of the device an upload names (not yet authenticated: its signature
    is checked against them). BundleRejected for a return bundle or an unknown or revoked
    device; the HTTP endpoint asks this as soon as a bundle's header has arrived."""
    if claimed.kind != "upload":
        raise BundleRejected("wrong_kind")
    with store.engine.connect() as connection:
        row = connection.execute(
            select(db.device_key).where(db.device_key.c.device_id == claimed.device_id)
        ).first()
        revoked = connection.scalar(select(db.device.c.revoked_at).where(
            db.device.c.id == claimed.device_id
        ))
    if row is None or revoked is not None or row.revoked_at is not None:
        raise BundleRejected("unknown_device")  # never registered, or revoked
    return row


def import_bundle(store: Store, data: bytes) -> ImportResult:
    """Verify and apply an upload bundle; the signed, encrypted return bundle.

    BundleRejected (nothing applied) when it is damaged, truncated, from an unknown device or
    after a gap in the current epoch. A bundle older than the last one imported is a PC
    restored from an older backup (or a late copy): its ops go through the push path like any
    other (whatever the platform has already is not applied again) and the answer gets the
    next free number, which the PC accepts as the answer to its upload. A bundle past a gap
    from a PC that has not seen the platform's current epoch is the platform restored from its
    backup: it is imported too, answered with the platform's next number and the new epoch
    (the PC then sends everything the restored platform has not confirmed, as after an online
    epoch change). The same bundle again (its answer was lost, or the import was interrupted
    before the answer was written) is answered again.
    """
    row = check_sender(store, read_manifest(data))
    own = platform_keys(store)
    manifest, payload = unseal(data, bytes.fromhex(row.signing_public), own)
    upload = parse_upload(manifest, payload)
    device = DeviceInfo(manifest.device_id, row.branch_id)
    with store.engine.connect() as connection:
        earlier = connection.execute(select(db.bundle_import).where(
            db.bundle_import.c.bundle_id == manifest.bundle_id
        )).first()
        last = int(connection.scalar(select(db.device_key.c.last_sequence).where(
            db.device_key.c.device_id == device.id
        )) or 0)
    outcome: Literal["imported", "restored", "platform_restored", "again"]
    if earlier is not None:
        if earlier.device_id != device.id:
            raise BundleRejected("damaged")
        outcome, answer_sequence = "again", int(earlier.return_sequence or earlier.sequence)
    elif manifest.sequence > last + 1:
        if not manifest.epoch or manifest.epoch == store.epoch():
            raise BundleRejected("gap")
        outcome, answer_sequence = "platform_restored", last + 1
    elif manifest.sequence < last:
        outcome, answer_sequence = "restored", last + 1
    else:
        outcome, answer_sequence = "imported", manifest.sequence

    results: list[OpResult] = []
    for start in range(0, len(upload.ops), MAX_BATCH):
        request = PushRequest(ops=upload.ops[start:start + MAX_BATCH])
        digest = hashlib.sha256(request.model_dump_json().encode()).hexdigest()
        response = store.push(device, request, f"bundle:{manifest.bundle_id}:{start}", digest)
        results.extend(response.results)
    if earlier is None:
        try:
            with store.engine.begin() as connection:
                connection.execute(db.bundle_import.insert().values(
                    bundle_id=manifest.bundle_id, device_id=device.id,
                    sequence=manifest.sequence, return_sequence=answer_sequence,
                    imported_at=db.now_iso(),
                ))
                connection.execute(update(db.device_key).where(
                    db.device_key.c.device_id == device.id,
                    db.device_key.c.last_sequence < answer_sequence,
                ).values(last_sequence=answer_sequence))
        except IntegrityError:  # the same bundle imported concurrently: answer as it was
            return import_bundle(store, data)

    receipts = notices.bundle_receipts(store, device, upload.answers)
    pages = _changes(store, device.branch_id, manifest.cursor, manifest.epoch or None)
    epoch = pages[-1].epoch
    answer = ReturnPayload(
        results=results, pages=pages, epoch=epoch, receipts=receipts,
        notices=notices.notices_since(store, device.branch_id, upload.notice_cursor),
    )
    body = answer.model_dump_json().encode()
    change_count = sum(len(p.changes) for p in pages)
    reply = new_manifest(
        "return", device.id, answer_sequence, body, branch_id=device.branch_id,
        cursor=pages[-1].next_cursor, epoch=epoch, op_count=len(results),
        change_count=change_count, in_reply_to=manifest.bundle_id, created_at=db.now_iso(),
        answers=manifest.sequence if answer_sequence != manifest.sequence else 0,
    )
    device_keys = PublicKeys(bytes.fromhex(row.encryption_public),
                             bytes.fromhex(row.signing_public))
    return ImportResult(seal(reply, body, own, device_keys), device.id, device.branch_id,
                        manifest.sequence, len(results), change_count, answer_sequence,
                        outcome, last)


def _changes(store: Store, branch_id: str, cursor: str, epoch: str | None) -> list[ChangesPage]:
    """Every change since ``cursor`` (from 0 when it belongs to another epoch), as pages."""
    try:
        since = int(cursor)
        first = store.changes(branch_id, since, MAX_PAGE, epoch)
    except (Gone, ValueError):
        first = store.changes(branch_id, 0, MAX_PAGE, None)
    pages = [first]
    while pages[-1].has_more:
        pages.append(store.changes(branch_id, int(pages[-1].next_cursor), MAX_PAGE, None))
    return pages


__all__ = [
    "ImportResult",
    "NotFound",
    "check_sender",
    "import_bundle",
    "platform_keys",
    "platform_public_key_file",
    "register_device_key",
    "register_enrolled_device",
]
