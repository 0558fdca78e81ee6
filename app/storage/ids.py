"""Record ids (UUIDv7, RFC 9562) and UTC timestamps."""

from __future__ import annotations

import secrets
import time
from datetime import UTC, datetime


def uuid7() -> str:
    """A time-ordered UUIDv7 string: 48-bit Unix milliseconds, version, 74 random bits."""
    ms = time.time_ns() // 1_000_000
    rand = secrets.randbits(74)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76  # version 7
    value |= (rand >> 62) << 64  # 12 bits rand_a
    value |= 0b10 << 62  # RFC 4122 variant
    value |= rand & ((1 << 62) - 1)  # 62 bits rand_b
    text = f"{value:032x}"  # formatted directly: uuid.UUID() costs more than the rest (bulk paths)
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"


def utc_now() -> datetime:
    return datetime.now(UTC)


def utc_iso(moment: datetime | None = None) -> str:
    """ISO 8601 in UTC with microseconds, e.g. ``2026-11-25T22:16:00.000000Z``; sorts as text."""
    moment = moment or utc_now()
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
