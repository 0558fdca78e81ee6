"""Record ids (UUIDv7, RFC 9562) and UTC timestamps."""

from __future__ import annotations

import os
import time
import uuid
from datetime import UTC, datetime


def uuid7() -> str:
    """A time-ordered UUIDv7 string: 48-bit Unix milliseconds, version, 74 random bits."""
    return uuid7_many(1)[0]


def uuid7_many(count: int) -> list[str]:
    """``count`` UUIDv7 strings from one read of the system's randomness (bulk paths)."""
    ms = (time.time_ns() // 1_000_000) & ((1 << 48) - 1)
    entropy = os.urandom(10 * count)  # what secrets.token_bytes reads (not imported at start-up)
    ids = []
    for i in range(count):
        rand = int.from_bytes(entropy[10 * i : 10 * i + 10], "big") >> 6  # 74 random bits
        value = ms << 80
        value |= 0x7 << 76  # version 7
        value |= (rand >> 62) << 64  # 12 bits rand_a
        value |= 0b10 << 62  # RFC 4122 variant
        value |= rand & ((1 << 62) - 1)  # 62 bits rand_b
        text = f"{value:032x}"  # formatted directly: uuid.UUID() costs more than the rest
        ids.append(f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}")
    return ids


NATURAL_ID_NAMESPACE = uuid.UUID("5b0c2a8e-6f3d-4c1e-9a57-2d8f0b1e4c63")


def natural_id(entity: str, *values: str) -> str:
    """The id of a record identified by a natural key (``sync.registry``): the same fact entered
    on two PCs gets the same id. A UUID (version 5) of the key ``entity:value:value...``."""
    return str(uuid.uuid5(NATURAL_ID_NAMESPACE, ":".join([entity, *values])))


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_iso(moment: datetime | None = None) -> str:
    """ISO 8601 in UTC with microseconds, e.g. ``2026-11-25T22:16:00.000000Z``; sorts as text."""
    moment = moment or utc_now()
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
