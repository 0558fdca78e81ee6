"""A branch's devices for the platform's administrator: the list with their last sync, revoking.

A device is one enrolled online (``device``), one registered for bundle files only
(``device_key`` without a ``device`` row), or both. Its last sync is noted cheaply: an online
device's when a server process sees it authenticated and has not noted it for
``NOTE_EVERY_SECONDS`` (one write per device and minute at most, none on most requests), a
bundle device's is the time of its last import.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError

from server import db
from server.store import Store

log = logging.getLogger(__name__)

NOTE_EVERY_SECONDS = 60.0
_THROTTLE_MAX = 10_000


class Throttle:
    """Which devices are due for a last-sync note in this process (no I/O: it runs on the
    event loop)."""

    def __init__(self, seconds: float = NOTE_EVERY_SECONDS) -> None:
        self.seconds = seconds
        self._noted: dict[str, float] = {}
        self._lock = threading.Lock()

    def due(self, device_id: str) -> bool:
        now = time.monotonic()
        with self._lock:
            if self._noted.get(device_id, -1e18) + self.seconds > now:
                return False
            if len(self._noted) >= _THROTTLE_MAX:
                self._noted.clear()
            self._noted[device_id] = now
            return True


def note_sync(store: Store, device_id: str) -> None:
    """Note that the device synced now. Never fails the request it comes with: a note that
    cannot be written (the database busy for long) is only logged."""
    try:
        with store.engine.begin() as connection:
            connection.execute(update(db.device).where(db.device.c.id == device_id).values(
                last_sync_at=db.now_iso()))
    except SQLAlchemyError:
        log.warning("the last sync of a device could not be noted", exc_info=True)


@dataclass(frozen=True)
class DeviceListing:
    id: str
    name: str
    online: bool
    """Enrolled online (else registered for bundle files only)."""
    bundles: bool
    """Its bundle keys are registered."""
    registered_at: str
    last_sync_at: str
    """The later of its last online sync and its last bundle import; "" if never."""
    revoked_at: str


def branch_devices(store: Store, branch_id: str) -> list[DeviceListing]:
    """The branch's devices, oldest first."""
    imports = (select(db.bundle_import.c.device_id,
                      func.max(db.bundle_import.c.imported_at).label("imported_at"))
               .group_by(db.bundle_import.c.device_id).subquery())
    keys = db.device_key
    with store.engine.connect() as connection:
        enrolled = {row.id: row for row in connection.execute(
            select(db.device).where(db.device.c.branch_id == branch_id))}
        registered = {row.device_id: row for row in connection.execute(
            select(keys, imports.c.imported_at)
            .outerjoin(imports, imports.c.device_id == keys.c.device_id)
            .where(keys.c.branch_id == branch_id))}
    listings = []
    for device_id in {*enrolled, *registered}:
        online, bundle = enrolled.get(device_id), registered.get(device_id)
        last = max((online.last_sync_at or "") if online else "",
                   (bundle.imported_at or "") if bundle else "")
        revoked = max((online.revoked_at or "") if online else "",
                      (bundle.revoked_at or "") if bundle else "")
        listings.append(DeviceListing(
            id=device_id, name=online.name if online else "", online=online is not None,
            bundles=bundle is not None,
            registered_at=(online.created_at if online
                           else bundle.registered_at if bundle else ""),
            last_sync_at=last, revoked_at=revoked,
        ))
    return sorted(listings, key=lambda d: (d.registered_at, d.id))


def revoke_device(store: Store, device_id: str) -> bool:
    """Revoke a device: its token and its bundle keys stop working (a token a server process
    found valid is refused at most ``AUTH_CACHE_SECONDS`` later). False if there is no such
    device or it was revoked already."""
    now = db.now_iso()
    with store.engine.begin() as connection:
        online = connection.execute(update(db.device).where(
            db.device.c.id == device_id, db.device.c.revoked_at.is_(None)
        ).values(revoked_at=now)).rowcount
        bundles = connection.execute(update(db.device_key).where(
            db.device_key.c.device_id == device_id, db.device_key.c.revoked_at.is_(None)
        ).values(revoked_at=now)).rowcount
    return bool(online or bundles)
