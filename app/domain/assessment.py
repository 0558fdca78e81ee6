"""考核评价: the branch's own indicators for a year, counted from its records (DOMAIN.md,
"考核评价" and "Against formalism").

- There is no national indicator set for branches: the set, each indicator's target and its
  weight are a setting (``IndicatorSetting``; ``DEFAULT_SETTINGS`` follows DOMAIN.md's list:
  meetings held vs required, dues months paid on time, study hours vs target, talk pairs
  covered, 整改 items closed, opinions answered, 公开 items published, and the development
  steps taken on time). ``check_settings`` refuses an unknown indicator, a negative weight or
  target, a share above 100%, a duplicate and an empty set.
- Each indicator is a count of facts (``Count``: what was done of what was due, or a plain
  number), with its formula in words. The branch is assessed, never its members: no member is
  ranked or given points; a drill-down lists the records a figure was counted from.
- ``met``: the figure reaches its target (at most the target for ``LOWER_IS_BETTER`` ones: the
  members in arrears); ``weighted_share``: the weights of the indicators met over the weights of
  those that could be counted (an indicator with nothing due counts neither way).

The names and formulas are the wording of the printed report and of the figures sent to the
platform: Chinese, like every document's fixed wording (DESIGN.md), not UI strings.

Pure: no I/O, no clock.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from app.domain.calendar import Month, Quarter


class Code(enum.Enum):
    """Stable codes of the indicators (stored in the setting and the report's figures)."""

    THREE_MEETINGS = "three_meetings"  # 三会一课
    THEME_DAY = "theme_day"  # 主题党日
    ATTENDANCE = "attendance"  # 参会率
    DUES_ON_TIME = "dues_on_time"  # 按月交纳党费
    DUES_ARREARS = "dues_arrears"  # 欠交党费
    STUDY = "study"  # 学习学时
    TALKS = "talks"  # 谈心谈话
    RECTIFICATION = "rectification"  # 整改
    OPINIONS = "opinions"  # 意见建议
    DISCLOSURES = "disclosures"  # 党务公开
    DEVELOPMENT = "development"  # 发展党员


class Kind(enum.Enum):
    SHARE = "share"  # done ÷ due, in percent
    NUMBER = "number"  # a count (items published, members in arrears)


@dataclass(frozen=True)
class Definition:
    code: Code
    name: str
    formula: str  # the words of the division (or of the count)
    kind: Kind
    unit: str
    lower_is_better: bool = False


DEFINITIONS: Mapping[Code, Definition] = {d.code: d for d in (
    Definition(Code.THREE_MEETINGS, "三会一课按规定召开",
               "按规定召开的三会一课期次 ÷ 应召开期次", Kind.SHARE, "%"),
    Definition(Code.THEME_DAY, "主题党日按月开展",
               "已开展主题党日的月份数 ÷ 应开展月份数", Kind.SHARE, "%"),
    Definition(Code.ATTENDANCE, "党员参加组织生活",
               "各次会议实到人次之和 ÷ 应到人次之和", Kind.SHARE, "%"),
    Definition(Code.DUES_ON_TIME, "按时交纳党费",
               "按时交清的应交党费月数 ÷ 应交党费月数（按月交纳的次月底前交清，经同意按季度交纳的"
               "季度后次月底前交清）", Kind.SHARE, "%"),
    Definition(Code.DUES_ARREARS, "连续欠交党费",
               "连续3个月以上未交党费的党员人数", Kind.NUMBER, "人", lower_is_better=True),
    Definition(Code.STUDY, "学习培训学时达标",
               "学时达到年度要求的党员人数 ÷ 有学时要求的党员人数", Kind.SHARE, "%"),
    Definition(Code.TALKS, "谈心谈话覆盖",
               "已谈话的委员–委员、委员–党员对数 ÷ 应谈对数", Kind.SHARE, "%"),
    Definition(Code.RECTIFICATION, "整改事项按期完成",
               "按期完成的整改事项数 ÷ 已到整改时限的事项数", Kind.SHARE, "%"),
    Definition(Code.OPINIONS, "意见建议按时答复",
               "在时限内答复的意见建议数 ÷ 已到时限或已答复的意见建议数", Kind.SHARE, "%"),
    Definition(Code.DISCLOSURES, "党务公开",
               "本年发布的党务公开事项数", Kind.NUMBER, "项"),
    Definition(Code.DEVELOPMENT, "发展党员程序按期",
               "按规定时限完成的发展步骤数 ÷ 本年发展步骤数", Kind.SHARE, "%"),
)}


@dataclass(frozen=True)
class IndicatorSetting:
    code: Code
    target: Decimal  # percent for a share, a number for a count
    weight: Decimal


def _setting(code: Code, target: int, weight: int) -> IndicatorSetting:
    return IndicatorSetting(code, Decimal(target), Decimal(weight))


DEFAULT_SETTINGS: tuple[IndicatorSetting, ...] = (
    _setting(Code.THREE_MEETINGS, 100, 15),
    _setting(Code.THEME_DAY, 100, 10),
    _setting(Code.ATTENDANCE, 90, 10),
    _setting(Code.DUES_ON_TIME, 95, 10),
    _setting(Code.DUES_ARREARS, 0, 5),
    _setting(Code.STUDY, 100, 10),
    _setting(Code.TALKS, 100, 10),
    _setting(Code.RECTIFICATION, 100, 10),
    _setting(Code.OPINIONS, 100, 10),
    _setting(Code.DISCLOSURES, 4, 5),
    _setting(Code.DEVELOPMENT, 100, 5),
)
"""DOMAIN.md's list in its order. The targets are what the rules ask (every required meeting,
every talk pair, every item on time); attendance 90% and dues 95% leave room for leave and
illness; four 党务公开 items a year: 党费, organizational life, 评议 results and one more.
The weights are a starting point for a locality to change."""


class SettingProblem(enum.Enum):
    UNKNOWN_INDICATOR = "unknown_indicator"
    DUPLICATE_INDICATOR = "duplicate_indicator"
    NEGATIVE_WEIGHT = "negative_weight"
    NEGATIVE_TARGET = "negative_target"
    SHARE_OVER_100 = "share_over_100"
    NOT_A_NUMBER = "not_a_number"
    EMPTY = "empty"


@dataclass(frozen=True)
class Problem:
    problem: SettingProblem
    indicator: str  # the code as given ("" for the whole set)


def parse_settings(items: Iterable[Mapping[str, object]]) -> tuple[IndicatorSetting, ...]:
    """Settings from plain values (``{"code", "target", "weight"}``, the stored JSON), checked;
    raises ``SettingsError`` with the first problem."""
    found: list[IndicatorSetting] = []
    seen: set[Code] = set()
    for item in items:
        text = str(item.get("code", ""))
        try:
            code = Code(text)
        except ValueError:
            raise SettingsError(Problem(SettingProblem.UNKNOWN_INDICATOR, text)) from None
        if code in seen:
            raise SettingsError(Problem(SettingProblem.DUPLICATE_INDICATOR, text))
        seen.add(code)
        target, weight = _number(item.get("target"), text), _number(item.get("weight"), text)
        found.append(IndicatorSetting(code, target, weight))
    check_settings(found)
    return tuple(found)


def _number(value: object, code: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Decimal):
        raise SettingsError(Problem(SettingProblem.NOT_A_NUMBER, code))
    try:
        number = Decimal(str(value))
    except ArithmeticError:
        raise SettingsError(Problem(SettingProblem.NOT_A_NUMBER, code)) from None
    if not number.is_finite():
        raise SettingsError(Problem(SettingProblem.NOT_A_NUMBER, code))
    return number


def check_settings(settings: Sequence[IndicatorSetting]) -> None:
    """Raise ``SettingsError`` for the first thing wrong with ``settings``."""
    if not settings:
        raise SettingsError(Problem(SettingProblem.EMPTY, ""))
    seen: set[Code] = set()
    for item in settings:
        code = item.code.value
        if item.code in seen:
            raise SettingsError(Problem(SettingProblem.DUPLICATE_INDICATOR, code))
        seen.add(item.code)
        if item.weight < 0:
            raise SettingsError(Problem(SettingProblem.NEGATIVE_WEIGHT, code))
        if item.target < 0:
            raise SettingsError(Problem(SettingProblem.NEGATIVE_TARGET, code))
        if DEFINITIONS[item.code].kind is Kind.SHARE and item.target > 100:
            raise SettingsError(Problem(SettingProblem.SHARE_OVER_100, code))


class SettingsError(ValueError):
    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.problem.value}: {problem.indicator}")
        self.problem = problem


def settings_to_plain(settings: Iterable[IndicatorSetting]) -> list[dict[str, str]]:
    return [{"code": s.code.value, "target": str(s.target), "weight": str(s.weight)}
            for s in settings]


# ---------------------------------------------------------------- dues on time
DUES_GRACE_MONTHS = 1
"""A month's dues count as paid on time when paid in full by the end of the month after its
period: 党费 is paid monthly (第十二条), usually collected at the month's end or early the next
month; a month under a quarterly consent (第十二条, 经党支部同意) has the quarter as its period.
No national text sets a day: one month's grace is the common practice this count assumes."""


@functools.lru_cache(maxsize=512)
def dues_deadline(month: Month, quarterly: bool) -> date:
    """The last day a month's dues can be paid and count as on time."""
    last = Quarter.of(month).last_month if quarterly else month
    return (last + DUES_GRACE_MONTHS).last_day


# ---------------------------------------------------------------- figures
@dataclass(frozen=True)
class Count:
    """What an indicator counted: ``done`` of ``due`` for a share, ``done`` alone for a number."""

    done: int
    due: int | None = None


PERCENT = Decimal("0.1")


def value_of(kind: Kind, count: Count) -> Decimal | None:
    """The figure: the share in percent (one decimal, half up), the number, or None when nothing
    was due (a share of nothing is no figure)."""
    if kind is Kind.NUMBER:
        return Decimal(count.done)
    if not count.due:
        return None
    return (Decimal(100 * count.done) / Decimal(count.due)).quantize(PERCENT, ROUND_HALF_UP)


def is_met(definition: Definition, value: Decimal | None, target: Decimal) -> bool | None:
    if value is None:
        return None
    return value <= target if definition.lower_is_better else value >= target


def weighted_share(results: Iterable[tuple[Decimal, bool | None]]) -> Decimal | None:
    """Σ weight of the indicators met ÷ Σ weight of those counted, in percent (one decimal);
    None when nothing could be counted or every weight is 0."""
    met = total = Decimal(0)
    for weight, ok in results:
        if ok is None:
            continue
        total += weight
        if ok:
            met += weight
    if total == 0:
        return None
    return (100 * met / total).quantize(PERCENT, ROUND_HALF_UP)
