"""Organizational life (组织生活): 《中国共产党支部工作条例（试行）》(2018).

- Meeting types with stable codes, and how often each is required (the ``三会一课`` and the rest).
  The frequencies are settings: ``DEFAULT_FREQUENCIES`` is the table in DOMAIN.md and
  ``frequencies(overrides)`` merges a branch's own (a branch without a committee or without party
  groups sets 支部委员会会议 / 党小组会 to ``None``, not required).
- Votes at a 支部党员大会: who may vote, quorum and majority (the 条例 and the Party
  Constitution, as DOMAIN.md states them): the meeting is valid only with more than half of
  those entitled to vote present, and a resolution passes with more than half of those entitled
  in favour — of the entitled, not of those present. Probationary members attend but do not vote.
  Written opinions (发展党员工作细则 第二十一条): an entitled member who cannot attend and hands
  in a written opinion before the meeting is counted in the votes, never in the quorum.
- Compliance: per month / quarter / year, which required meetings were held and which are missing,
  and reminders of what is still due in the current periods. Nothing here reads the clock.

One meeting may serve as several types (a 主题党日 that was also the quarter's 党课): record it
once per type it counts as.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType

from app.domain.calendar import Month, Quarter


# ================================================================ meeting types and frequencies
class MeetingType(enum.Enum):
    """Values are stable codes (stored, synced, used in settings)."""

    MEMBERS_ASSEMBLY = "members_assembly"  # 支部党员大会
    COMMITTEE = "committee"  # 支部委员会会议 (支委会)
    PARTY_GROUP = "party_group"  # 党小组会
    PARTY_LECTURE = "party_lecture"  # 党课
    THEME_DAY = "theme_day"  # 主题党日
    ORGANIZATIONAL_LIFE = "organizational_life"  # 组织生活会
    DEMOCRATIC_APPRAISAL = "democratic_appraisal"  # 民主评议党员
    OTHER = "other"  # 其他


class Frequency(enum.Enum):
    """How often a type is required: at least once per period. Values are stable codes."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


DEFAULT_FREQUENCIES: Mapping[MeetingType, Frequency | None] = MappingProxyType(
    {
        # 《支部工作条例》: 支部党员大会 at least once a quarter.
        MeetingType.MEMBERS_ASSEMBLY: Frequency.QUARTERLY,
        # 支部委员会会议 at least once a month.
        MeetingType.COMMITTEE: Frequency.MONTHLY,
        # 党小组会 at least once a month.
        MeetingType.PARTY_GROUP: Frequency.MONTHLY,
        # 党课 at least once a quarter (local rules; the national minimum is the secretary giving
        # one a year — a branch can set YEARLY).
        MeetingType.PARTY_LECTURE: Frequency.QUARTERLY,
        # 主题党日 once a month.
        MeetingType.THEME_DAY: Frequency.MONTHLY,
        # 组织生活会 at least once a year (usually in Q4).
        MeetingType.ORGANIZATIONAL_LIFE: Frequency.YEARLY,
        # 民主评议党员 once a year.
        MeetingType.DEMOCRATIC_APPRAISAL: Frequency.YEARLY,
        # Anything else is recorded but never required.
        MeetingType.OTHER: None,
    }
)


def frequencies(
    overrides: Mapping[MeetingType, Frequency | None] | None = None,
) -> Mapping[MeetingType, Frequency | None]:
    """The defaults with a branch's overrides applied (``None``: not required)."""
    merged = dict(DEFAULT_FREQUENCIES)
    merged.update(overrides or {})
    return MappingProxyType(merged)


def frequencies_from_codes(
    codes: Mapping[str, str | None],
) -> Mapping[MeetingType, Frequency | None]:
    """Settings as stored (``{"party_lecture": "yearly", "committee": None}``) -> overrides applied.

    Unknown codes raise ``ValueError``."""
    return frequencies(
        {
            MeetingType(type_code): None if freq_code is None else Frequency(freq_code)
            for type_code, freq_code in codes.items()
        }
    )


def frequencies_to_codes(freqs: Mapping[MeetingType, Frequency | None]) -> dict[str, str | None]:
    return {t.value: None if f is None else f.value for t, f in freqs.items()}


# ================================================================ periods
def _bounds(frequency: Frequency, month: Month) -> tuple[Month, Month]:
    """First and last month of the period of ``frequency`` containing ``month``."""
    if frequency is Frequency.MONTHLY:
        return month, month
    if frequency is Frequency.QUARTERLY:
        quarter = Quarter.of(month)
        return quarter.first_month, quarter.last_month
    return Month(month.year, 1), Month(month.year, 12)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """A month, quarter or year: build with ``Period.containing``. Ordered by first month, then
    last month (a month sorts before the quarter and the year that start with it)."""

    first: Month
    last: Month
    frequency: Frequency

    def __post_init__(self) -> None:
        if _bounds(self.frequency, self.first) != (self.first, self.last):
            raise ValueError(f"not a {self.frequency.value} period: {self.first}..{self.last}")

    @classmethod
    def containing(cls, frequency: Frequency, day: date | Month) -> Period:
        month = day if isinstance(day, Month) else Month.of(day)
        first, last = _bounds(frequency, month)
        return cls(first, last, frequency)

    @property
    def start(self) -> date:
        return self.first.first_day

    @property
    def end(self) -> date:
        return self.last.last_day

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        if self.frequency is Frequency.MONTHLY:
            return str(self.first)
        if self.frequency is Frequency.QUARTERLY:
            return str(Quarter.of(self.first))
        return f"{self.first.year:04d}"


_LONGEST_FIRST = {Frequency.YEARLY: 0, Frequency.QUARTERLY: 1, Frequency.MONTHLY: 2}


def periods_of_year(frequency: Frequency, year: int) -> tuple[Period, ...]:
    step = {Frequency.MONTHLY: 1, Frequency.QUARTERLY: 3, Frequency.YEARLY: 12}[frequency]
    return tuple(Period.containing(frequency, Month(year, m)) for m in range(1, 13, step))


# ================================================================ compliance
@dataclass(frozen=True, slots=True)
class HeldMeeting:
    type: MeetingType
    held_on: date


@dataclass(frozen=True, slots=True)
class PeriodCompliance:
    """One period: the types required in it, which were held and which are missing.

    ``closed`` is False for a period still running on the ``as_of`` date: its missing types are
    still due, not yet missed.
    """

    period: Period
    required: frozenset[MeetingType]
    held: frozenset[MeetingType]
    missing: frozenset[MeetingType]
    closed: bool

    @property
    def complete(self) -> bool:
        return not self.missing


def _as_held(meetings: Iterable[HeldMeeting | tuple[MeetingType, date]]) -> list[HeldMeeting]:
    return [m if isinstance(m, HeldMeeting) else HeldMeeting(m[0], m[1]) for m in meetings]


def compliance(
    meetings: Iterable[HeldMeeting | tuple[MeetingType, date]],
    year: int,
    *,
    as_of: date | None = None,
    frequencies: Mapping[MeetingType, Frequency | None] = DEFAULT_FREQUENCIES,
) -> tuple[PeriodCompliance, ...]:
    """For each period of ``year`` (up to ``as_of``, if given), the required meetings held and
    missing. Periods that have not started by ``as_of`` are left out; the one running on
    ``as_of`` is reported with ``closed=False``. Sorted by period (a year comes before its first
    quarter, a quarter before its first month)."""
    held = _as_held(meetings)
    by_frequency: dict[Frequency, set[MeetingType]] = {}
    for meeting_type, frequency in frequencies.items():
        if frequency is not None:
            by_frequency.setdefault(frequency, set()).add(meeting_type)

    report: list[PeriodCompliance] = []
    for frequency, required in by_frequency.items():
        for period in periods_of_year(frequency, year):
            if as_of is not None and as_of < period.start:
                continue
            done = frozenset(
                m.type
                for m in held
                if m.type in required
                and period.contains(m.held_on)
                and (as_of is None or m.held_on <= as_of)
            )
            report.append(
                PeriodCompliance(
                    period=period,
                    required=frozenset(required),
                    held=done,
                    missing=frozenset(required) - done,
                    closed=as_of is None or period.end < as_of,
                )
            )
    report.sort(key=lambda pc: (pc.period.first, _LONGEST_FIRST[pc.period.frequency]))
    return tuple(report)


def missing_meetings(report: Iterable[PeriodCompliance]) -> list[tuple[Period, MeetingType]]:
    """Every (period, type) missed in a closed period, in report order then type code."""
    return [
        (pc.period, t)
        for pc in report
        if pc.closed
        for t in sorted(pc.missing, key=lambda t: t.value)
    ]


@dataclass(frozen=True, slots=True)
class Reminder:
    """A required meeting not yet held in the period running on ``as_of``."""

    meeting_type: MeetingType
    period: Period
    days_left: int  # days from as_of to the period's last day (0: the last day is today)


def due_soon(
    meetings: Iterable[HeldMeeting | tuple[MeetingType, date]],
    as_of: date,
    *,
    within_days: int | None = None,
    frequencies: Mapping[MeetingType, Frequency | None] = DEFAULT_FREQUENCIES,
) -> tuple[Reminder, ...]:
    """Required meetings still due in the periods running on ``as_of``, the most urgent first.

    With ``within_days``, only those whose period ends within that many days."""
    held = [m for m in _as_held(meetings) if m.held_on <= as_of]
    reminders: list[Reminder] = []
    for meeting_type, frequency in frequencies.items():
        if frequency is None:
            continue
        period = Period.containing(frequency, as_of)
        if any(m.type is meeting_type and period.contains(m.held_on) for m in held):
            continue
        days_left = (period.end - as_of).days
        if within_days is None or days_left <= within_days:
            reminders.append(Reminder(meeting_type, period, days_left))
    reminders.sort(key=lambda r: (r.days_left, r.meeting_type.value))
    return tuple(reminders)


# ================================================================ votes at a 支部党员大会
class PartyStanding(enum.Enum):
    FULL = "full"  # 正式党员
    PROBATIONARY = "probationary"  # 预备党员: attends, speaks, does not vote


class MembershipState(enum.Enum):
    ACTIVE = "active"
    STOPPED = "stopped"  # 停止党籍
    LEFT = "left"  # transferred out, expelled, removed, died...: no longer of this branch


def entitled_to_vote(standing: PartyStanding, state: MembershipState) -> bool:
    """Only full members in good standing vote: under the Party Constitution probationary members
    have no vote (表决权); a member whose membership is stopped (停止党籍) or who has left does not
    count."""
    return standing is PartyStanding.FULL and state is MembershipState.ACTIVE


def quorum_met(entitled: int, present: int) -> bool:
    """More than half of those entitled to vote are present. Exactly half is NOT a quorum."""
    return 2 * present > entitled


def majority_reached(entitled: int, in_favour: int) -> bool:
    """More than half of those ENTITLED to vote are in favour (not of those present)."""
    return 2 * in_favour > entitled


class VoteProblem(enum.Enum):
    """Why vote counts are impossible. Stable codes."""

    NEGATIVE_COUNT = "negative_count"
    PRESENT_EXCEEDS_ENTITLED = "present_exceeds_entitled"
    VOTES_EXCEED_PRESENT = "votes_exceed_present"  # more votes than present + written opinions
    WRITTEN_EXCEED_ABSENT = "written_exceed_absent"  # written opinions from those present
    INCONSISTENT_RESULT = "inconsistent_result"
    NOT_ENTITLED = "not_entitled"
    NOT_PRESENT = "not_present"


class VoteError(ValueError):
    def __init__(self, problem: VoteProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True, slots=True)
class VoteResult:
    """The counts of one vote and what follows from them. ``present`` counts only members entitled
    to vote; probationary members and others attending are not in any count here. ``written``:
    entitled members absent who handed in a written opinion before the meeting; their votes are
    in ``in_favour`` / ``against`` / ``abstain`` with those of the members present.

    发展党员工作细则 第二十一条: "因故不能到会的有表决权的正式党员，在支部党员大会召开前正式
    向党支部提出书面意见的，应当统计在票数内" — counted in the votes; the quorum (第二十二条:
    "有表决权的到会人数必须超过应到会有表决权人数的半数") counts only those present.
    第三十三条 applies the same to 转正, 延长预备期 and 取消预备党员资格.

    Build with ``VoteResult.compute``; constructing directly (from storage) checks that the stored
    ``quorum_met`` and ``passed`` agree with the counts.
    """

    entitled: int
    present: int
    in_favour: int
    against: int
    abstain: int
    quorum_met: bool
    passed: bool
    written: int = 0

    def __post_init__(self) -> None:
        counts = (
            self.entitled, self.present, self.in_favour, self.against, self.abstain, self.written
        )
        if any(isinstance(c, bool) or not isinstance(c, int) for c in counts):
            raise TypeError("vote counts must be ints")
        if any(c < 0 for c in counts):
            raise VoteError(VoteProblem.NEGATIVE_COUNT)
        if self.present > self.entitled:
            raise VoteError(VoteProblem.PRESENT_EXCEEDS_ENTITLED)
        if self.present + self.written > self.entitled:
            raise VoteError(VoteProblem.WRITTEN_EXCEED_ABSENT)
        if self.in_favour + self.against + self.abstain > self.present + self.written:
            raise VoteError(VoteProblem.VOTES_EXCEED_PRESENT)
        quorum = quorum_met(self.entitled, self.present)
        passed = quorum and majority_reached(self.entitled, self.in_favour)
        if (self.quorum_met, self.passed) != (quorum, passed):
            raise VoteError(VoteProblem.INCONSISTENT_RESULT)

    @classmethod
    def compute(
        cls, *, entitled: int, present: int, in_favour: int, against: int, abstain: int,
        written: int = 0,
    ) -> VoteResult:
        """A resolution passes only at a quorate meeting (those present) with more than half of
        the entitled in favour (votes present and written, 细则第二十一条、第二十二条)."""
        quorum = quorum_met(entitled, present)
        passed = quorum and majority_reached(entitled, in_favour)
        return cls(entitled, present, in_favour, against, abstain, quorum, passed, written)

    @property
    def not_voting(self) -> int:
        """Entitled members present or with a written opinion who cast no vote."""
        return self.present + self.written - self.in_favour - self.against - self.abstain


@dataclass(frozen=True, slots=True)
class Voter:
    member_id: str
    standing: PartyStanding
    state: MembershipState

    @property
    def entitled(self) -> bool:
        return entitled_to_vote(self.standing, self.state)


class Ballot(enum.Enum):
    IN_FAVOUR = "in_favour"
    AGAINST = "against"
    ABSTAIN = "abstain"


def tally(
    voters: Iterable[Voter],
    present: Iterable[str],
    ballots: Mapping[str, Ballot],
    written: Iterable[str] = (),
) -> VoteResult:
    """Count a vote from the register: ``voters`` are the branch's members, ``present`` the ids
    of those attending (anyone, probationary members included), ``ballots`` the votes cast,
    ``written`` the ids of those absent who handed in a written opinion before the meeting (细则
    第二十一条: their ballot counts in the votes, they do not count in the quorum).

    A ballot from someone not entitled, or neither present nor with a written opinion, is refused
    (``VoteError``)."""
    entitled_ids = {v.member_id for v in voters if v.entitled}
    present_ids = set(present)
    written_ids = (set(written) & entitled_ids) - present_ids
    for member_id in ballots:
        if member_id not in entitled_ids:
            raise VoteError(VoteProblem.NOT_ENTITLED)
        if member_id not in present_ids and member_id not in written_ids:
            raise VoteError(VoteProblem.NOT_PRESENT)
    cast = list(ballots.values())
    return VoteResult.compute(
        entitled=len(entitled_ids),
        present=len(entitled_ids & present_ids),
        in_favour=cast.count(Ballot.IN_FAVOUR),
        against=cast.count(Ballot.AGAINST),
        abstain=cast.count(Ballot.ABSTAIN),
        written=len(written_ids),
    )
