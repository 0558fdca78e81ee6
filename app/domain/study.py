"""Member education (党员教育): study hours (学时) against an annual target.

《中国共产党党员教育管理工作条例》(2019), as DOMAIN.md states it:

- 第20条: each member's 集中学习培训 is "每年……一般不少于32学时" — ``DEFAULT_TARGET``.
- Secretaries and committee members: 56 学时 a year in the national training plan (a setting,
  ``COMMITTEE_TARGET``).
- 第7条: the forms of education (集中轮训, 中心组学习, 理论宣讲, 组织生活, 在线学习培训); the book
  records them as ``StudyForm``.
- Converting activities to hours is a local rule (e.g. 1 per hour, 4 per half day, 8 per day):
  ``Conversion``, a setting.
- 第23条: old, ill or disabled members are exempt from targets and rates (``ExemptReason``).

Against formalism (DOMAIN.md): facts only, no points, no rankings. Nothing here reads the clock.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from app.domain.meetings import MeetingType

DEFAULT_TARGET = Decimal(32)  # 第20条: 每年集中学习培训时间一般不少于32学时
COMMITTEE_TARGET = Decimal(56)  # secretaries and committee members (national training plan)
MAX_ENTRY_HOURS = Decimal(500)  # one entry: a long training course, never more
HOURS_PLACES = 2  # hours are kept in hundredths of a 学时


class StudyForm(enum.Enum):
    """How the member studied (第7条's forms as branches record them). Values are stable codes."""

    COLLECTIVE = "collective"  # 集中学习
    PARTY_LECTURE = "party_lecture"  # 党课
    THEME_DAY = "theme_day"  # 主题党日
    TRAINING = "training"  # 专题培训/培训班
    ONLINE = "online"  # 网络学习 (在线学习培训)
    OTHER = "other"  # 其他


class ExemptReason(enum.Enum):
    """第23条: members exempt from the study targets and rates. Values are stable codes."""

    OLD = "old"  # 年老
    ILL = "ill"  # 患病
    DISABLED = "disabled"  # 残疾


# Meetings whose attendance counts as study, and the form it is recorded as: 党课 and 主题党日
# always may; the others (a 党小组会 held for study, say) when the branch's settings name them.
MEETING_FORMS: Mapping[MeetingType, StudyForm] = {
    MeetingType.PARTY_LECTURE: StudyForm.PARTY_LECTURE,
    MeetingType.THEME_DAY: StudyForm.THEME_DAY,
}
DEFAULT_COUNTED_MEETINGS = frozenset({MeetingType.PARTY_LECTURE, MeetingType.THEME_DAY})


@dataclass(frozen=True)
class Conversion:
    """A local rule turning time spent into 学时 (a setting; the defaults are the common one:
    1 学时 per hour, 4 for a half day, 8 for a day)."""

    per_hour: Decimal = Decimal(1)
    half_day: Decimal = Decimal(4)
    full_day: Decimal = Decimal(8)
    half_day_from_minutes: int = 180  # 3 hours or more count as a half day
    full_day_from_minutes: int = 360  # 6 hours or more count as a day
    untimed_meeting: Decimal = Decimal(2)  # a meeting without start and end times

    def hours_for_minutes(self, minutes: int) -> Decimal:
        """学时 for ``minutes`` of study: a day, a half day, or per hour rounded to half hours."""
        if minutes <= 0:
            return Decimal(0)
        if minutes >= self.full_day_from_minutes:
            return self.full_day
        if minutes >= self.half_day_from_minutes:
            return self.half_day
        half_hours = (minutes + 15) // 30  # to the nearest half hour
        return round_hours(self.per_hour * Decimal(half_hours) / 2)

    def meeting_hours(self, start: str, end: str) -> Decimal:
        """学时 of a meeting from its "HH:MM" times; ``untimed_meeting`` without both."""
        minutes = _minutes(end) - _minutes(start) if start and end else None
        if minutes is None or minutes <= 0:
            return self.untimed_meeting
        return self.hours_for_minutes(minutes)


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@dataclass(frozen=True)
class StudyRules:
    """The branch's settings for the study record."""

    target: Decimal = DEFAULT_TARGET
    committee_target: Decimal = COMMITTEE_TARGET
    conversion: Conversion = field(default_factory=Conversion)
    counted_meetings: frozenset[MeetingType] = DEFAULT_COUNTED_MEETINGS

    def target_for(self, committee: bool, exempt: bool) -> Decimal | None:
        """The member's annual target; None for a member exempt under 第23条."""
        if exempt:
            return None
        return self.committee_target if committee else self.target

    def form_for_meeting(self, meeting_type: MeetingType) -> StudyForm | None:
        """The form a meeting's attendance is recorded as; None when it does not count."""
        if meeting_type not in self.counted_meetings:
            return None
        return MEETING_FORMS.get(meeting_type, StudyForm.COLLECTIVE)


def round_hours(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-HOURS_PLACES))


def hours_text(hours: Decimal) -> str:
    """学时 as people write them: 32, 1.5, 0.25."""
    return f"{hours:.{HOURS_PLACES}f}".rstrip("0").rstrip(".")


class HoursError(ValueError):
    """``code``: "not_hours", "not_positive", "too_many_hours", "too_precise"."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def parse_hours(value: object) -> Decimal:
    """学时 typed or read from a cell: positive, at most ``MAX_ENTRY_HOURS``, at most two
    decimals (a platform's 0.5 or 1.25; a computed 1.3333 is refused, never rounded)."""
    if isinstance(value, bool):
        raise HoursError("not_hours")
    if isinstance(value, int):
        hours = Decimal(value)
    elif isinstance(value, float):
        hours = Decimal(repr(value))
    elif isinstance(value, Decimal):
        hours = value
    else:
        text = str(value).strip().removesuffix("学时").removesuffix("小时").strip()
        try:
            hours = Decimal(text)
        except InvalidOperation:
            raise HoursError("not_hours") from None
    if not hours.is_finite():
        raise HoursError("not_hours")
    if hours <= 0:
        raise HoursError("not_positive")
    if hours > MAX_ENTRY_HOURS:
        raise HoursError("too_many_hours")
    if hours != hours.quantize(Decimal(1).scaleb(-HOURS_PLACES)):
        raise HoursError("too_precise")
    return hours


def to_hundredths(hours: Decimal) -> int:
    return int(hours.scaleb(HOURS_PLACES))


@functools.lru_cache(maxsize=4096)
def from_hundredths(value: int) -> Decimal:
    """Stored hundredths as 学时 (the same few values again and again in a year's table)."""
    return round_hours(Decimal(value).scaleb(-HOURS_PLACES))


def expected_by(target: Decimal, year: int, as_of: date) -> Decimal:
    """The hours a member on pace has by ``as_of``: the target spread over the months of the
    year, counting only the months already over (nobody is behind in January)."""
    if as_of.year < year:
        return Decimal(0)
    months = 12 if as_of.year > year else as_of.month - 1
    return round_hours(target * months / 12)


def behind_pace(hours: Decimal, target: Decimal | None, year: int, as_of: date) -> bool:
    """Whether a member with ``hours`` so far is behind the pace for ``target`` (an exempt
    member, ``target`` None, never is: 第23条)."""
    if target is None:
        return False
    return hours < expected_by(target, year, as_of)


def total(hours: Iterable[Decimal]) -> Decimal:
    return round_hours(sum(hours, Decimal(0)))
