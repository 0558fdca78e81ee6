"""Is a typed dues base plausible? A check the regulation does not make: warnings, never refusals.

The base is the monthly wage after personal income tax (第一条; the pay of the month for
annual-salary earners, 第三条; last quarter's average net income for the self-employed, 第四条) or
the pension (第五条). The regulation sets no bounds, and a typing slip still gives a valid amount:
10.00 typed for 1000.00 makes 0.05 yuan a month, 686.00 typed for 6860.00 changes the rate from
1.5% to 0.5%. So a base that looks like a slip is pointed out before it is saved, and the
secretary decides (a member may really earn little, or have had a large raise):

- below the minimum (members in work only): a monthly wage for full-time work is not below the
  local minimum wage (最低工资标准, set by each province, in 2024 between about 1,700 and 2,700
  yuan before deductions); the default, 1,500 yuan, allows for the individual social-insurance
  share taken before the base (第一条, local practice). Retirees are not held to it: small
  pensions are real. Part-time work, a member on unpaid leave: the secretary confirms.
- above the maximum (every category with a base): 50,000 yuan a month after tax by default, far
  above what a branch's members earn; an extra digit lands there.
- a change of more than half (±50 %) from the member's base in force: bases are set once a year
  (第十条), and wages rarely halve or grow by half from one year to the next.

The thresholds are local settings (``BaseCheckSettings``, kept in the database); these are the
defaults. What is deliberately NOT checked: the base against the member's post or rank (the app
does not keep pay scales), and the fixed amounts of 第六条 (no base).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from decimal import Decimal

from app.domain.dues import PersonCategory, needs_base

DEFAULT_WAGE_MINIMUM = Decimal("1500")
DEFAULT_MAXIMUM = Decimal("50000")
DEFAULT_CHANGE_SHARE = Decimal("0.5")


@dataclass(frozen=True, slots=True)
class BaseCheckSettings:
    """The local thresholds of the plausibility check (money in yuan, the change as a share)."""

    wage_minimum: Decimal = DEFAULT_WAGE_MINIMUM
    maximum: Decimal = DEFAULT_MAXIMUM
    change_share: Decimal = DEFAULT_CHANGE_SHARE

    def __post_init__(self) -> None:
        if not (0 <= self.wage_minimum < self.maximum and self.change_share > 0):
            raise ValueError("base check thresholds out of range")


DEFAULT_BASE_CHECKS = BaseCheckSettings()


class BaseWarning(enum.Enum):
    """Why a base looks like a slip. Stable codes; the UI words them."""

    BELOW_MINIMUM = "below_minimum"
    ABOVE_MAXIMUM = "above_maximum"
    LARGE_CHANGE = "large_change"


def base_warnings(
    category: PersonCategory,
    base: Decimal,
    previous: Decimal | None,
    settings: BaseCheckSettings = DEFAULT_BASE_CHECKS,
) -> tuple[BaseWarning, ...]:
    """The warnings for ``base`` typed for a member of ``category`` whose base in force is
    ``previous`` (None: the first base). Nothing for the fixed amounts of 第六条."""
    if not needs_base(category):
        return ()
    warnings: list[BaseWarning] = []
    if category is PersonCategory.IN_WORK and base < settings.wage_minimum:
        warnings.append(BaseWarning.BELOW_MINIMUM)
    if base > settings.maximum:
        warnings.append(BaseWarning.ABOVE_MAXIMUM)
    if previous is not None and previous > 0 and (
        abs(base - previous) > previous * settings.change_share
    ):
        warnings.append(BaseWarning.LARGE_CHANGE)
    return tuple(warnings)
