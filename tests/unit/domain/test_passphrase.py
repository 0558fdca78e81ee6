from __future__ import annotations

import pytest

from app.domain.passphrase import Strength, strength


@pytest.mark.parametrize(
    ("passphrase", "expected"),
    [
        ("short", Strength.TOO_SHORT),
        ("aaaaaaaaaa", Strength.WEAK),
        ("abcdefgh", Strength.WEAK),
        ("abcd1234", Strength.FAIR),
        ("Abcd1234!xyz", Strength.STRONG),
        ("four words make a phrase", Strength.STRONG),
        ("我们的支部口令很长", Strength.STRONG),
        ("支部的口令abcd", Strength.FAIR),
    ],
)
def test_strength(passphrase, expected):
    assert strength(passphrase) == expected
