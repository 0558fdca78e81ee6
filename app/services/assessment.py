"""考核评价: the year's indicators counted from the records (``app.domain.assessment``), each with
its formula, target, weight and the records behind it (a drill-down the window lists and opens).

Each indicator reuses the service that keeps its records and their rule, instead of deriving the
rule again: the meetings' compliance report (the required frequencies, 支委会 only with a
committee), the dues fold in fen and its arrears list (第十三条), the study table (targets and
exemptions, 第20、23条), the talks' pairs (第19条), the 整改台账, the opinions' time limits, the
党务公开 items and the development rules of the 细则. ``as_of``: the year's last day, or an
earlier day for the year still running (periods and limits not yet over are not counted
against the branch).

Settings: the indicator set, targets and weights (a locality's own), in the settings table.
"""

from __future__ import annotations

import gc
import json
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import or_, select

from app.documents.vocabulary import MEETING_TYPE_NAMES
from app.domain import assessment as rules
from app.domain import development, dues_fen
from app.domain import dues as dues_rules
from app.domain import talks as talk_rules
from app.domain.assessment import Code, Count, Definition, IndicatorSetting
from app.domain.calendar import Month, counted_to
from app.domain.meetings import Frequency, MeetingType, Period
from app.domain.opinions import Kind as OpinionKind
from app.domain.rectification import ItemStatus
from app.errors import AssessmentSettingsError
from app.services import (
    disclosures,
    dues,
    dues_folds,
    dues_terms,
    meetings,
    members,
    opinions,
    rectification,
    study,
    talks,
)
from app.storage.models import MemberRow, Setting
from app.storage.unit_of_work import UnitOfWork

SETTINGS_KEY = "assessment.indicators"
THREE_MEETINGS = (MeetingType.MEMBERS_ASSEMBLY, MeetingType.COMMITTEE, MeetingType.PARTY_GROUP,
                  MeetingType.PARTY_LECTURE)
"""三会一课: 支部党员大会, 支委会, 党小组会 and 党课."""
_FREQUENCY_WORDS = {
    Frequency.MONTHLY: "每月", Frequency.QUARTERLY: "每季度", Frequency.YEARLY: "每年",
}
_TIMING = frozenset({
    development.Finding.TALK_LATE, development.Finding.ACTIVIST_PERIOD_SHORT,
    development.Finding.REVIEW_OVERDUE, development.Finding.APPROVAL_LATE,
    development.Finding.APPROVAL_OVERDUE, development.Finding.PROBATION_NOT_COMPLETE,
    development.Finding.FULL_MEMBERSHIP_LATE,
})
"""The findings of the 细则 about time (an interval too short, a deadline passed); the others
(contacts, sponsors, votes) are about the content of a step, not its timing."""
_STEP_NAMES = {
    development.Stage.APPLICANT: "递交入党申请",
    development.Stage.ACTIVIST: "确定为入党积极分子",
    development.Stage.CANDIDATE: "列为发展对象",
    development.Stage.PROBATIONARY: "接收为预备党员",
    development.Stage.FULL: "转为正式党员",
}


@dataclass(frozen=True)
class RecordRef:
    """A record behind a figure: its kind (``member``, ``meeting``, ``talk``,
    ``rectification_item``, ``opinion``, ``disclosure``; "" for a period with nothing held, which
    has no record), id, a label, its date and what it counted as."""

    entity: str
    id: str
    label: str
    on: date | None
    note: str = ""


@dataclass(frozen=True)
class Indicator:
    definition: Definition
    formula: str
    count: Count
    value: Decimal | None
    target: Decimal
    weight: Decimal
    met: bool | None
    records: tuple[RecordRef, ...]

    @property
    def code(self) -> Code:
        return self.definition.code


@dataclass(frozen=True)
class Assessment:
    year: int
    as_of: date
    indicators: tuple[Indicator, ...]

    @property
    def weighted_share(self) -> Decimal | None:
        return rules.weighted_share((i.weight, i.met) for i in self.indicators)

    def indicator(self, code: Code) -> Indicator:
        return next(i for i in self.indicators if i.code is code)


@dataclass
class _Year:
    """What the counters of one assessment share: the unit of work, the year, the day, and what
    several counters read (the dues fold, the year's meetings), read once."""

    uow: UnitOfWork
    year: int
    as_of: date
    _folded: dues_fen.FenLedger | None = None
    _meetings: list[meetings.MeetingListRow] | None = None
    _roster: dict[str, tuple[str, str]] | None = None
    _compliance: tuple[meetings.ComplianceReport, Mapping[MeetingType, Frequency | None]] | None \
        = None

    def folded(self) -> dues_fen.FenLedger:
        if self._folded is None:
            self._folded = dues_folds.members_ledger(self.uow)
        return self._folded

    def compliance(
        self,
    ) -> tuple[meetings.ComplianceReport, Mapping[MeetingType, Frequency | None]]:
        """The year's required meetings held (the day ``as_of`` counting as over: a year
        assessed on 31 December has its December, its fourth quarter and the year itself
        closed), and the frequencies required."""
        if self._compliance is None:
            self._compliance = (
                meetings.compliance_report(self.uow, self.year, self.as_of + timedelta(days=1)),
                meetings.required_frequencies(self.uow))
        return self._compliance

    def roster(self) -> dict[str, tuple[str, str]]:
        """Every member's name and place in the roster's order (``sort_key``), by id."""
        if self._roster is None:
            self._roster = {
                member_id: (name, key) for member_id, name, key in self.uow.session.execute(
                    select(MemberRow.id, MemberRow.name, MemberRow.sort_key)).tuples()}
        return self._roster

    def in_roster_order(self, records: list[RecordRef]) -> list[RecordRef]:
        """Members' lines in the roster's name order (never by a figure: no member is ranked)."""
        roster = self.roster()
        return sorted(records, key=lambda r: (roster.get(r.id, ("", ""))[1], r.id))

    def meetings(self) -> list[meetings.MeetingListRow]:
        """The year's meetings up to ``as_of``, oldest first, with their attendance counts."""
        if self._meetings is None:
            ids = meetings.meeting_ids(
                self.uow, meetings.MeetingFilter(year=self.year, descending=False))
            self._meetings = [r for r in meetings.meeting_rows(self.uow, ids)
                              if r.held_on <= self.as_of]
        return self._meetings


Counted = tuple[Count, list[RecordRef], str]
"""What an indicator's counter returns: the count, the records behind it, and the formula's
detail (the frequencies in force) to append, or ""."""


as_of_for = counted_to
"""The day a year is assessed on: its last day, or today for the year still running."""


# ---------------------------------------------------------------- settings
def load_settings(uow: UnitOfWork) -> tuple[IndicatorSetting, ...]:
    """The branch's set; the default (DOMAIN.md) when none was saved or it cannot be read (a
    newer version's indicator: the default is the safe reading)."""
    stored = uow.session.get(Setting, SETTINGS_KEY)
    if stored is None:
        return rules.DEFAULT_SETTINGS
    try:
        return rules.parse_settings(json.loads(stored.value))
    except (ValueError, TypeError, AttributeError):
        return rules.DEFAULT_SETTINGS


def save_settings(uow: UnitOfWork, settings: Sequence[IndicatorSetting]) -> None:
    """Keep the set (audited). Raises ``AssessmentSettingsError``; nothing changes then."""
    try:
        rules.check_settings(settings)
    except rules.SettingsError as error:
        raise AssessmentSettingsError(error.problem.problem.value,
                                      error.problem.indicator) from None
    uow.session.merge(Setting(key=SETTINGS_KEY,
                              value=json.dumps(rules.settings_to_plain(settings))))
    uow.audit("settings.assessment", "settings", SETTINGS_KEY,
              {"indicators": [s.code.value for s in settings]})


def parse_settings(items: Sequence[dict[str, object]]) -> tuple[IndicatorSetting, ...]:
    """Settings typed or imported as plain values; raises ``AssessmentSettingsError``."""
    try:
        return rules.parse_settings(items)
    except rules.SettingsError as error:
        raise AssessmentSettingsError(error.problem.problem.value,
                                      error.problem.indicator) from None


# ---------------------------------------------------------------- the assessment
def assess(uow: UnitOfWork, year: int, as_of: date) -> Assessment:
    """Every indicator of the branch's set for ``year``, counted up to ``as_of``."""
    with _collector_paused():
        return _assess(uow, year, as_of)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while an assessment counts: the dues fold and the
    tables keep some 300,000 small objects alive, and every full collection they trigger walks
    them all again (a fifth of the assessment's time for 10,000 members). Reference counting
    frees them all the same; the collector runs again afterwards.

    The switch is the whole process's and assessments run on worker threads, overlapping at
    times (a superseded count, the report centre's PDF): a count of the assessments running,
    under a lock, turns the collector back on when the last one ends — only if it was on when
    the first began."""
    global _paused, _was_enabled
    with _pause_lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()


_pause_lock = threading.Lock()
_paused = 0  # assessments running
_was_enabled = True  # the collector's state when the first of them began


def _assess(uow: UnitOfWork, year: int, as_of: date) -> Assessment:
    found = []
    shared = _Year(uow, year, as_of)
    for setting in load_settings(uow):
        definition = rules.DEFINITIONS[setting.code]
        count, records, detail = _COUNTERS[setting.code](shared)
        value = rules.value_of(definition.kind, count)
        found.append(Indicator(
            definition=definition,
            formula=definition.formula + (f"（{detail}）" if detail else ""),
            count=count, value=value, target=setting.target, weight=setting.weight,
            met=rules.is_met(definition, value, setting.target), records=tuple(records),
        ))
    return Assessment(year, as_of, tuple(found))


def _meetings_held(the: _Year, types: Sequence[MeetingType]) -> Counted:
    """Required (period, type) pairs held: periods over by ``as_of``, and the running one when
    its meeting was already held. The records: the year's meetings of those types, and each
    period missed (no record: a line saying what was not held)."""
    report, frequencies = the.compliance()
    done = due = 0
    missed: list[RecordRef] = []
    for period in report.periods:
        for kind in sorted(period.required & set(types), key=lambda t: t.value):
            held = kind in period.held
            if not period.closed and not held:
                continue
            due += 1
            done += held
            if not held:
                missed.append(RecordRef("", "", f"{_period_name(period.period)}"
                                        f"{MEETING_TYPE_NAMES[kind]}",
                                        period.period.end, "未召开"))
    records = [_meeting_ref(r) for r in the.meetings() if r.type in types] + missed
    detail = "，".join(f"{MEETING_TYPE_NAMES[t]}{_FREQUENCY_WORDS[f]}"
                      for t in types if (f := frequencies.get(t)) is not None)
    return Count(done, due), records, detail or "本支部无按期召开的要求"


def _meeting_ref(row: meetings.MeetingListRow, note: str = "") -> RecordRef:
    topic = "；".join(row.topics)
    label = MEETING_TYPE_NAMES[row.type] + (f"：{topic}" if topic else "")
    return RecordRef("meeting", row.id, label, row.held_on, note)


def _three_meetings(the: _Year) -> Counted:
    return _meetings_held(the, THREE_MEETINGS)


def _theme_day(the: _Year) -> Counted:
    return _meetings_held(the, (MeetingType.THEME_DAY,))


def _attendance(the: _Year) -> Counted:
    rows = [r for r in the.meetings() if r.expected]
    records = [_meeting_ref(r, f"实到 {r.present} / 应到 {r.expected}") for r in rows]
    return Count(sum(r.present for r in rows), sum(r.expected for r in rows)), records, ""


def _dues_on_time(the: _Year) -> Counted:
    """Months of the year with an amount due (more than 0) whose deadline
    (``rules.dues_deadline``: the month after the month, or after the quarter under a quarterly
    consent) has come by ``as_of``, or that were paid in full already; on time: paid in full by
    the deadline (the earliest payment set against the month, and all of it)."""
    uow, year, as_of = the.uow, the.year, the.as_of
    folded = the.folded()
    first, last = Month(year, 1).index, Month(year, 12).index
    monthly = {m: rules.dues_deadline(Month.from_index(m), False) for m in range(first, last + 1)}
    by_quarter = {m: rules.dues_deadline(Month.from_index(m), True)
                  for m in range(first, last + 1)}
    quarterly = dues_terms.quarterly_by_member(uow)
    roster = the.roster()
    done = due = 0
    records = []
    for member_id, member in folded.members.items():
        member_due = member.due
        owed = [m for m, fen in member_due.items() if fen > 0 and first <= m <= last]
        if not owed:
            continue
        consents = quarterly.get(member_id)
        deadlines = monthly
        if consents:
            paid_quarterly = dues_rules.quarterly_months(consents, owed)
            deadlines = {m: (by_quarter if m in paid_quarterly else monthly)[m] for m in owed}
        first_paid, paid = member.first_paid_on, member.paid
        counted = on_time = 0
        for m in owed:
            paid_on = first_paid.get(m)
            if paid_on is not None and paid_on <= as_of and paid.get(m, 0) >= member_due[m]:
                counted += 1
                on_time += paid_on <= deadlines[m]
            elif deadlines[m] <= as_of:
                counted += 1  # due and not paid in full (a deadline still to come: not yet)
        if counted:
            done += on_time
            due += counted
            records.append(RecordRef("member", member_id, roster.get(member_id, ("", ""))[0],
                                     None, f"按时交清 {on_time} / 应交 {counted} 个月"))
    return Count(done, due), the.in_roster_order(records), ""


def _dues_arrears(the: _Year) -> Counted:
    entries = dues.arrears_list(the.uow, the.as_of, the.folded())
    records = [RecordRef("member", e.member_id, e.name, None,
                         f"连续 {e.arrears.consecutive_months} 个月未交")
               for e in entries]
    return Count(len(entries)), the.in_roster_order(records), ""


def _study(the: _Year) -> Counted:
    table = study.year_table(the.uow, the.year, the.as_of)
    lines = table.with_target
    records = [RecordRef("member", line.member_id, line.name, None,
                         f"{line.total} / {line.target} 学时")
               for line in lines]
    return Count(table.reached, len(lines)), records, ""


def _talks(the: _Year) -> Counted:
    """第19条's pairs (``talks.coverage``'s rule, counted: ``coverage_count``)."""
    held = talks.talks_of_year(the.uow, the.year)
    covered, required = talk_rules.coverage_count(talks.roll(the.uow),
                                                  (t.data.people for t in held))
    records = [RecordRef("talk", t.id, "、".join(t.names), t.data.on_date, t.data.topic)
               for t in held if t.data.on_date <= the.as_of]
    return Count(covered, required), records, ""


def _rectification(the: _Year) -> Counted:
    """Items of the year's 整改台账 whose deadline has come (by ``as_of``), or done already; on
    time: done on or before the deadline."""
    done = due = 0
    records = []
    as_of = the.as_of
    for item in rectification.ledger(the.uow, the.year, as_of):
        data = item.data
        finished = data.status is ItemStatus.DONE and data.done_on is not None
        if not finished and data.due_on > as_of:
            continue
        on_time = finished and data.done_on is not None and data.done_on <= data.due_on
        due += 1
        done += on_time
        records.append(RecordRef("rectification_item", item.id, _short(data.problem),
                                 data.due_on, "按期完成" if on_time else "未按期完成"))
    return Count(done, due), records, ""


def _opinions(the: _Year) -> Counted:
    """Opinions received in the year (not the reports handed to the 纪委) answered or past their
    time limit by ``as_of``; in time: answered on or before the limit."""
    done = due = 0
    records = []
    as_of = the.as_of
    for entry in reversed(opinions.register(the.uow, as_of, the.year)):
        if entry.kind is not OpinionKind.OPINION or entry.received_on > as_of:
            continue
        answered = entry.answered_on is not None and entry.answered_on <= as_of
        if not answered and not entry.overdue:
            continue
        in_time = (answered and entry.due_on is not None and entry.answered_on is not None
                   and entry.answered_on <= entry.due_on)
        due += 1
        done += in_time
        records.append(RecordRef("opinion", entry.id, _short(entry.content), entry.received_on,
                                 "按时答复" if in_time else "未按时答复"))
    return Count(done, due), records, ""


def _disclosures(the: _Year) -> Counted:
    year, as_of = the.year, the.as_of
    items = [d for d in disclosures.list_items(the.uow)
             if d.published_on is not None and d.published_on.year == year
             and d.published_on <= as_of]
    records = [RecordRef("disclosure", d.id, d.data.title, d.published_on, "已发布")
               for d in sorted(items, key=lambda d: (d.published_on or as_of, d.id))]
    return Count(len(items)), records, ""


def _development(the: _Year) -> Counted:
    """The development steps dated in the year (up to ``as_of``), each checked by the 细则's
    rules on time (``development.check_step``); and the 转正 not yet discussed whose probation
    ended in the year (细则第三十三条: 及时讨论) count as steps not on time."""
    uow, year, as_of = the.uow, the.year, the.as_of
    first, last = date(year, 1, 1), as_of
    dated = (MemberRow.application_date, MemberRow.activist_date, MemberRow.candidate_date,
             MemberRow.admission_date, MemberRow.full_date)
    m = MemberRow
    rows = uow.session.connection().execute(  # Core rows of the columns the steps need
        select(m.id, m.name, m.birth_date, m.application_date, m.talk_date, m.activist_date,
               m.contacts, m.last_review_date, m.candidate_date, m.training_hours, m.sponsors,
               m.admission_date, m.approval_date, m.probation_extension_months, m.full_date)
        .where(MemberRow.deleted_at.is_(None))
        .where(or_(*(column.between(first, last) for column in dated),
                   MemberRow.stage == development.Stage.PROBATIONARY.value))
        .order_by(MemberRow.sort_key, MemberRow.id)
    )
    done = due = 0
    records = []
    for row in rows:
        record = members.development_record(row)
        for stage in development.STAGES:
            on = development.stage_date(record, stage)
            if on is None or not first <= on <= last:
                continue
            late = any(w.code in _TIMING for w in development.check_step(record, stage, on))
            due += 1
            done += not late
            records.append(RecordRef("member", row.id, f"{row.name}：{_STEP_NAMES[stage]}", on,
                                     "未按规定时限" if late else "按期"))
        overdue = development.full_membership_overdue(record, as_of)
        if overdue is not None and overdue.year == year:
            due += 1
            records.append(RecordRef("member", row.id, f"{row.name}：预备期满未讨论转正",
                                     overdue, "未按规定时限"))
    return Count(done, due), sorted(records, key=lambda r: (r.on or as_of, r.label)), ""


_COUNTERS: dict[Code, Callable[[_Year], Counted]] = {
    Code.THREE_MEETINGS: _three_meetings,
    Code.THEME_DAY: _theme_day,
    Code.ATTENDANCE: _attendance,
    Code.DUES_ON_TIME: _dues_on_time,
    Code.DUES_ARREARS: _dues_arrears,
    Code.STUDY: _study,
    Code.TALKS: _talks,
    Code.RECTIFICATION: _rectification,
    Code.OPINIONS: _opinions,
    Code.DISCLOSURES: _disclosures,
    Code.DEVELOPMENT: _development,
}


# ---------------------------------------------------------------- helpers
def _period_name(period: Period) -> str:
    if period.frequency is Frequency.MONTHLY:
        return f"{period.first.year}年{period.first.month}月"
    if period.frequency is Frequency.QUARTERLY:
        return f"{period.first.year}年第{(period.first.month + 2) // 3}季度"
    return f"{period.first.year}年"


def _short(text: str, length: int = 40) -> str:
    line = " ".join(text.split())
    return line if len(line) <= length else line[: length - 1] + "…"
