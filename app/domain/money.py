"""Money: ``Decimal`` yuan in code, integer fen (分) in the database, never ``float``.

- ``yuan(value)`` makes an amount from an ``int``, ``str`` or ``Decimal``; a ``float`` (or a
  ``bool``) is refused with ``TypeError``, because a float has already lost the fen.
- ``to_fen`` / ``from_fen`` convert for storage. ``to_fen`` refuses an amount that is not a whole
  number of fen: rounding is a business rule (``round_money``), never a side effect of storing.
- ``RoundingSetting`` is the rounding rule as a setting. The dues regulation does not set one;
  the default is to the fen, half up (0.005 -> 0.01).
- ``format_yuan`` / ``parse_yuan`` are free of the process locale: ``.`` is the decimal point
  and ``,`` the optional thousands separator, whatever the PC's regional settings say.
"""

from __future__ import annotations

import decimal
import enum
import re
from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal("0.00")
FEN = Decimal("0.01")
"""One fen (分), the smallest amount a ledger holds."""

_PLAIN_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_GROUPED_NUMBER = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$")


def _require_finite_decimal(value: Decimal) -> Decimal:
    if not value.is_finite():
        raise ValueError(f"not a finite amount: {value}")
    return value


def require_decimal(value: object, what: str = "amount") -> Decimal:
    """``value`` if it is a finite ``Decimal``; ``TypeError`` for a float or anything else.

    Type hints do not stop a float at run time; every entry point for money calls this.
    """
    if isinstance(value, float):
        raise TypeError(f"{what} must not be a float; pass a str, int or Decimal")
    if not isinstance(value, Decimal):
        raise TypeError(f"{what} must be a Decimal, not {type(value).__name__}")
    return _require_finite_decimal(value)


def yuan(value: Decimal | int | str) -> Decimal:
    """An amount in yuan as an exact ``Decimal``. Floats are refused (``TypeError``).

    Strings are parsed as by ``parse_yuan``. The result keeps every digit it was given; it is
    not rounded.
    """
    return _yuan(value)


def _yuan(value: object) -> Decimal:
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a str, int or Decimal")
    if isinstance(value, bool):
        raise TypeError("money must not be a bool")
    if isinstance(value, Decimal):
        return _require_finite_decimal(value)
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        return parse_yuan(value)
    raise TypeError(f"not an amount of money: {type(value).__name__}")


def is_whole_fen(amount: Decimal) -> bool:
    """True if ``amount`` has no digits below the fen (12.30 yes, 12.305 no)."""
    require_decimal(amount)
    return amount == amount.quantize(FEN, rounding=decimal.ROUND_DOWN)


def to_fen(amount: Decimal) -> int:
    """Yuan -> integer fen for storage. Refuses float (``TypeError``) and sub-fen amounts."""
    require_decimal(amount)
    if not is_whole_fen(amount):
        raise ValueError(f"not a whole number of fen: {amount}; round it first")
    return int(amount.scaleb(2))


def from_fen(fen: int) -> Decimal:
    """Integer fen from storage -> yuan, with two decimal places (``1234`` -> ``12.34``)."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"fen must be an int, not {type(fen).__name__}")
    return Decimal(fen).scaleb(-2).quantize(FEN)


# ---------------------------------------------------------------- rounding as a setting
class RoundingMode(enum.Enum):
    """How an amount is brought to the chosen precision. Values are stable setting codes."""

    HALF_UP = "half_up"  # 0.005 -> 0.01 (the usual commercial rule; the default)
    HALF_EVEN = "half_even"  # banker's rounding: 0.005 -> 0.00, 0.015 -> 0.02
    DOWN = "down"  # toward zero: the member never pays more than the exact amount
    UP = "up"  # away from zero

    @property
    def decimal_rounding(self) -> str:
        return _DECIMAL_ROUNDING[self]


_DECIMAL_ROUNDING = {
    RoundingMode.HALF_UP: decimal.ROUND_HALF_UP,
    RoundingMode.HALF_EVEN: decimal.ROUND_HALF_EVEN,
    RoundingMode.DOWN: decimal.ROUND_DOWN,
    RoundingMode.UP: decimal.ROUND_UP,
}


class Precision(enum.Enum):
    """To what unit an amount is rounded. Values are stable setting codes."""

    FEN = "fen"  # 0.01 yuan (the default)
    JIAO = "jiao"  # 0.1 yuan (角)
    YUAN = "yuan"  # 1 yuan

    @property
    def quantum(self) -> Decimal:
        return _QUANTUM[self]


_QUANTUM = {
    Precision.FEN: Decimal("0.01"),
    Precision.JIAO: Decimal("0.1"),
    Precision.YUAN: Decimal("1"),
}


@dataclass(frozen=True, slots=True)
class RoundingSetting:
    """The branch's rounding rule. Default: to the fen, half up."""

    mode: RoundingMode = RoundingMode.HALF_UP
    precision: Precision = Precision.FEN

    def apply(self, amount: Decimal) -> Decimal:
        return round_money(amount, self)


DEFAULT_ROUNDING = RoundingSetting()


def round_money(amount: Decimal, setting: RoundingSetting = DEFAULT_ROUNDING) -> Decimal:
    """Round ``amount`` by ``setting``; the result always has two decimal places (fen)."""
    require_decimal(amount)
    rounded = amount.quantize(setting.precision.quantum, rounding=setting.mode.decimal_rounding)
    return rounded.quantize(FEN)


# ---------------------------------------------------------------- text
def parse_yuan(text: str) -> Decimal:
    """Parse an amount typed by a person: ``"12"``, ``"12.5"``, ``"1,234.50"``, ``"¥12.30"``.

    Surrounding spaces, a leading ``¥``/``￥`` and a trailing ``元`` are allowed. Thousands
    separators must be well placed. Raises ``ValueError`` for anything else (NaN, exponents...).
    """
    cleaned = text.strip()
    if cleaned[:1] in ("¥", "￥"):
        cleaned = cleaned[1:].strip()
    if cleaned.endswith("元"):
        cleaned = cleaned[:-1].strip()
    if _GROUPED_NUMBER.match(cleaned):
        cleaned = cleaned.replace(",", "")
    if not _PLAIN_NUMBER.match(cleaned):
        raise ValueError(f"not an amount: {text!r}")
    return Decimal(cleaned)


def format_yuan(amount: Decimal, *, grouping: bool = False) -> str:
    """``Decimal("1234.5")`` -> ``"1234.50"`` (``"1,234.50"`` with grouping). Locale-free.

    The amount must be a whole number of fen (round it first); it is shown with two decimals.
    """
    require_decimal(amount)
    if not is_whole_fen(amount):
        raise ValueError(f"not a whole number of fen: {amount}; round it first")
    return format_fen(to_fen(amount), grouping=grouping)


def format_fen(fen: int, *, grouping: bool = False) -> str:
    """Integer fen -> yuan text with two decimals: ``-123456`` -> ``"-1234.56"``."""
    if isinstance(fen, bool) or not isinstance(fen, int):
        raise TypeError(f"fen must be an int, not {type(fen).__name__}")
    sign = "-" if fen < 0 else ""
    whole, cents = divmod(abs(fen), 100)
    whole_text = f"{whole:,d}" if grouping else f"{whole:d}"
    return f"{sign}{whole_text}.{cents:02d}"
