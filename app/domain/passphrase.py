"""Passphrase rules: the minimum length and a strength estimate for the hint under the field."""

from __future__ import annotations

import enum

MINIMUM_LENGTH = 8
"""Shorter passphrases are refused (the database key is only as strong as its passphrase)."""


class Strength(enum.Enum):
    TOO_SHORT = "too_short"
    WEAK = "weak"
    FAIR = "fair"
    STRONG = "strong"


def strength(passphrase: str) -> Strength:
    """Estimate strength from length and the kinds of characters used.

    A rough hint for the user, not a guarantee: long passphrases of several words beat short
    complicated ones, so length counts most.
    """
    if len(passphrase) < MINIMUM_LENGTH:
        return Strength.TOO_SHORT
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isascii() or not c.isalnum() for c in passphrase),
        )
    )
    # A Chinese character carries far more choice than a Latin letter: count it double.
    effective = sum(1 if c.isascii() else 2 for c in passphrase)
    if len(set(passphrase)) <= 3:
        return Strength.WEAK
    if effective >= 16 or (effective >= 12 and kinds >= 3):
        return Strength.STRONG
    if kinds >= 2 or effective >= 12:
        return Strength.FAIR
    return Strength.WEAK
