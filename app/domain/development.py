"""Development of new members (发展党员): stages, interval rules and upcoming deadlines.

Source: 《中国共产党发展党员工作细则》(中办发〔2014〕34号, "细则" below), and the Party
Constitution (党章) where the 细则 repeats it. Each rule names its article so it can be checked
against the text. The numbers are national defaults; a locality may set its own ``Rules``.

Months are calendar months: a date plus n months keeps the day of the month, or falls on the
last day of the target month when that month is shorter (31 Jan + 1 month = 28/29 Feb; 29 Feb
+ 12 months = 28 Feb). A deadline "within n months" is met on the day itself.

Votes: admission (细则第二十条至第二十二条), 转正, 延长预备期 and 取消预备党员资格
(细则第三十三条) are decided by the 支部党员大会 with the same quorum and majority
(``app.domain.meetings``: more than half of the entitled present; in favour, written opinions
included, more than half of the entitled). ``DevelopmentRecord`` holds each decision's vote; a
missing or failed vote is a warning.

党龄 (党章第七条: "党员的党龄，从预备期满转为正式党员之日算起") runs from the day probation ends,
even when the 转正 meeting is later; a late meeting is a warning (the branch must discuss it when
probation ends, 细则第三十三条).

Pure: no I/O, no clock. Today is always a parameter.
"""

from __future__ import annotations

import calendar
import enum
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.meetings import majority_reached, quorum_met


def add_months(day: date, months: int) -> date:
    """``day`` moved by whole calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


class Stage(enum.Enum):
    APPLICANT = "applicant"  # 入党申请人
    ACTIVIST = "activist"  # 入党积极分子
    CANDIDATE = "candidate"  # 发展对象
    PROBATIONARY = "probationary"  # 预备党员
    FULL = "full"  # 正式党员


STAGES = (Stage.APPLICANT, Stage.ACTIVIST, Stage.CANDIDATE, Stage.PROBATIONARY, Stage.FULL)


@dataclass(frozen=True)
class Rules:
    """The interval rules, national defaults from the 细则 (2014)."""

    # 细则第五条 (党章第一条): 年满十八岁 … 可以申请加入中国共产党.
    minimum_age_years: int = 18
    # 细则第七条: 党组织收到入党申请书后，应当在1个月内派人同入党申请人谈话.
    talk_within_months: int = 1
    # 细则第九条: 党组织应当指定1至2名正式党员作入党积极分子的培养联系人.
    contacts_min: int = 1
    contacts_max: int = 2
    # 细则第十一条: 党支部每半年对入党积极分子进行一次考察.
    review_every_months: int = 6
    # 细则第十三条: 经过1年以上培养教育和考察 … 可列为发展对象.
    activist_min_months: int = 12
    # 细则第十四条 (党章第五条): 发展对象应当有两名正式党员作入党介绍人.
    sponsors: int = 2
    # 细则第十七条: 培训时间一般不少于3天（或不少于24个学时）.
    training_min_days: int = 3
    training_min_hours: int = 24
    # 细则第二十五条: 基层党委 … 应当在3个月内审批 … 可适当延长审批时间，但不得超过6个月.
    approval_within_months: int = 3
    approval_max_months: int = 6
    # 细则第三十一条 (党章第七条): 预备期为1年，从支部大会通过其为预备党员之日算起.
    probation_months: int = 12
    # 细则第三十二条 (党章第七条): 可以延长一次预备期，延长时间不能少于半年，最长不超过1年.
    extension_min_months: int = 6
    extension_max_months: int = 12
    max_extensions: int = 1


NATIONAL_RULES = Rules()


class Decision(enum.Enum):
    """What a 支部党员大会 vote about a person decides. Values are stable codes (stored, synced)."""

    ADMISSION = "admission"  # 接收预备党员 (细则第二十条至第二十二条)
    FULL_MEMBERSHIP = "full_membership"  # 预备党员转为正式党员 (细则第三十三条)
    EXTENSION = "probation_extension"  # 延长预备期 (细则第三十三条)
    CANCELLATION = "probation_cancellation"  # 取消预备党员资格 (细则第三十三条)


@dataclass(frozen=True)
class DecisionVote:
    """The figures of one decision's vote. ``in_favour`` includes the written opinions of those
    absent (细则第二十一条); ``present`` (those entitled who attended) may be unknown in an old
    record."""

    entitled: int  # 应到会有表决权的正式党员
    in_favour: int  # 赞成票, present and written
    present: int | None = None  # 实到会有表决权的正式党员

    @property
    def quorum_met(self) -> bool | None:
        return None if self.present is None else quorum_met(self.entitled, self.present)

    @property
    def passed(self) -> bool:
        return self.quorum_met is not False and majority_reached(self.entitled, self.in_favour)


@dataclass(frozen=True)
class DevelopmentRecord:
    """A person's development milestones as recorded so far (all optional)."""

    birth_date: date | None = None
    application_received: date | None = None  # 党组织收到入党申请书
    talk: date | None = None  # 派人谈话
    activist_since: date | None = None  # 确定为入党积极分子
    contacts: int | None = None  # 培养联系人 (number of)
    last_review: date | None = None  # 最近一次半年考察
    candidate_since: date | None = None  # 列为发展对象
    training_days: int | None = None  # 集中培训 days
    training_hours: int | None = None  # … or 学时
    sponsors: int | None = None  # 入党介绍人 who are full members
    admitted: date | None = None  # 支部大会通过接收为预备党员
    admission_vote: DecisionVote | None = None
    approved: date | None = None  # 基层党委审批
    probation_extensions: tuple[int, ...] = ()  # months of each 延长预备期
    extension_vote: DecisionVote | None = None
    full_since: date | None = None  # 支部大会讨论转为正式党员 (the 转正 meeting)
    full_vote: DecisionVote | None = None
    cancellation_vote: DecisionVote | None = None  # 取消预备党员资格, when decided

    def vote(self, decision: Decision) -> DecisionVote | None:
        return {
            Decision.ADMISSION: self.admission_vote,
            Decision.FULL_MEMBERSHIP: self.full_vote,
            Decision.EXTENSION: self.extension_vote,
            Decision.CANCELLATION: self.cancellation_vote,
        }[decision]


class Finding(enum.Enum):
    """Stable warning codes; the UI words them."""

    PREVIOUS_STAGE_MISSING = "previous_stage_missing"
    DATE_BEFORE_PREVIOUS_STAGE = "date_before_previous_stage"
    UNDER_MINIMUM_AGE = "under_minimum_age"
    TALK_MISSING = "talk_missing"
    TALK_LATE = "talk_late"
    CONTACTS_MISSING = "contacts_missing"
    TOO_MANY_CONTACTS = "too_many_contacts"
    ACTIVIST_PERIOD_SHORT = "activist_period_short"
    REVIEW_OVERDUE = "review_overdue"
    TRAINING_MISSING = "training_missing"
    TRAINING_SHORT = "training_short"
    SPONSORS_MISSING = "sponsors_missing"
    SPONSORS_NOT_TWO = "sponsors_not_two"
    VOTES_MISSING = "votes_missing"
    QUORUM_NOT_MET = "quorum_not_met"
    VOTES_INSUFFICIENT = "votes_insufficient"
    APPROVAL_MISSING = "approval_missing"
    APPROVAL_LATE = "approval_late"  # after 3 months, within the 6-month limit
    APPROVAL_OVERDUE = "approval_overdue"  # after the 6-month limit
    PROBATION_NOT_COMPLETE = "probation_not_complete"
    FULL_MEMBERSHIP_LATE = "full_membership_late"  # the 转正 meeting after probation ended
    EXTENSION_OUT_OF_RANGE = "extension_out_of_range"
    TOO_MANY_EXTENSIONS = "too_many_extensions"


ARTICLES: dict[Finding, str] = {
    # The stages follow one another as the 细则's chapters 2–5 lay them out.
    Finding.PREVIOUS_STAGE_MISSING: "细则第二章至第五章",
    Finding.DATE_BEFORE_PREVIOUS_STAGE: "细则第二章至第五章",
    Finding.UNDER_MINIMUM_AGE: "细则第五条",
    Finding.TALK_MISSING: "细则第七条",
    Finding.TALK_LATE: "细则第七条",
    Finding.CONTACTS_MISSING: "细则第九条",
    Finding.TOO_MANY_CONTACTS: "细则第九条",
    Finding.ACTIVIST_PERIOD_SHORT: "细则第十三条",
    Finding.REVIEW_OVERDUE: "细则第十一条",
    Finding.TRAINING_MISSING: "细则第十七条",
    Finding.TRAINING_SHORT: "细则第十七条",
    Finding.SPONSORS_MISSING: "细则第十四条",
    Finding.SPONSORS_NOT_TWO: "细则第十四条",
    # 细则第二十二条: 有表决权的到会人数必须超过应到会有表决权人数的半数; 赞成人数超过应到会
    # 有表决权的正式党员的半数，才能通过接收预备党员的决议.
    Finding.VOTES_MISSING: "细则第二十二条",
    Finding.QUORUM_NOT_MET: "细则第二十二条",
    Finding.VOTES_INSUFFICIENT: "细则第二十二条",
    Finding.APPROVAL_MISSING: "细则第二十五条",
    Finding.APPROVAL_LATE: "细则第二十五条",
    Finding.APPROVAL_OVERDUE: "细则第二十五条",
    Finding.PROBATION_NOT_COMPLETE: "细则第三十一条",
    # 细则第三十三条: 预备党员预备期满，党支部应当及时讨论其能否转为正式党员; 党章第七条.
    Finding.FULL_MEMBERSHIP_LATE: "细则第三十三条",
    Finding.EXTENSION_OUT_OF_RANGE: "细则第三十二条",
    Finding.TOO_MANY_EXTENSIONS: "细则第三十二条",
}


# The same three vote findings for the other decisions of the 支部党员大会 (细则第三十三条:
# "讨论预备党员转正、延长预备期或者取消预备党员资格，应当按照发展党员的程序和要求执行";
# the vote itself as 第二十一条、第二十二条).
DECISION_ARTICLES: dict[Decision, str] = {
    Decision.ADMISSION: "细则第二十二条",
    Decision.FULL_MEMBERSHIP: "细则第三十三条",
    Decision.EXTENSION: "细则第三十三条",
    Decision.CANCELLATION: "细则第三十三条",
}


@dataclass(frozen=True)
class StepWarning:
    """A rule a step would break. ``limit`` is the date the rule turns on, when there is one;
    ``decision``: the vote a vote finding is about."""

    code: Finding
    article: str
    limit: date | None = None
    decision: Decision | None = None


def _warn(code: Finding, limit: date | None = None) -> StepWarning:
    return StepWarning(code, ARTICLES[code], limit)


def check_vote(vote: DecisionVote | None, decision: Decision) -> list[StepWarning]:
    """A decision's vote: missing, without quorum, or without more than half of the entitled in
    favour (written opinions counted, 细则第二十一条、第二十二条、第三十三条)."""
    article = DECISION_ARTICLES[decision]
    if vote is None:
        return [StepWarning(Finding.VOTES_MISSING, article, decision=decision)]
    warnings = []
    if vote.quorum_met is False:
        warnings.append(StepWarning(Finding.QUORUM_NOT_MET, article, decision=decision))
    if not majority_reached(vote.entitled, vote.in_favour):
        warnings.append(StepWarning(Finding.VOTES_INSUFFICIENT, article, decision=decision))
    return warnings


def stage_date(record: DevelopmentRecord, stage: Stage) -> date | None:
    """The date the record reached ``stage``, if it did."""
    return {
        Stage.APPLICANT: record.application_received,
        Stage.ACTIVIST: record.activist_since,
        Stage.CANDIDATE: record.candidate_since,
        Stage.PROBATIONARY: record.admitted,
        Stage.FULL: record.full_since,
    }[stage]


def current_stage(record: DevelopmentRecord) -> Stage | None:
    """The furthest stage the record has a date for."""
    for stage in reversed(STAGES):
        if stage_date(record, stage) is not None:
            return stage
    return None


def probation_end(record: DevelopmentRecord, rules: Rules = NATIONAL_RULES) -> date | None:
    """The day probation is complete: 1 year from the 支部大会, plus any extensions."""
    if record.admitted is None:
        return None
    return add_months(record.admitted, rules.probation_months + sum(record.probation_extensions))


def full_membership_start(record: DevelopmentRecord, rules: Rules = NATIONAL_RULES) -> date | None:
    """转为正式党员之日: the day probation ended (党章第七条), not the day of the 转正 meeting. A
    record without an admission date (an old roster) falls back on the recorded 转正 date."""
    if record.full_since is None:
        return None
    return probation_end(record, rules) or record.full_since


def party_standing_years(
    record: DevelopmentRecord, today: date, rules: Rules = NATIONAL_RULES
) -> int:
    """党龄 in whole years (党章第七条: "党员的党龄，从预备期满转为正式党员之日算起"): from the day
    probation ended, even when the 转正 meeting came later; 0 before full membership."""
    start = full_membership_start(record, rules)
    if start is None:
        return 0
    years = today.year - start.year
    if add_months(start, 12 * years) > today:
        years -= 1
    return max(years, 0)


def full_membership_overdue(
    record: DevelopmentRecord, today: date, rules: Rules = NATIONAL_RULES
) -> date | None:
    """The day probation ended, when it has and the branch has not yet discussed the 转正
    (细则第三十三条: 预备期满，党支部应当及时讨论); None otherwise (also after a cancellation
    passed)."""
    end = probation_end(record, rules)
    cancelled = record.cancellation_vote is not None and record.cancellation_vote.passed
    if end is None or record.full_since is not None or cancelled:
        return None
    return end if end < today else None


def check_step(
    record: DevelopmentRecord, to: Stage, on: date, rules: Rules = NATIONAL_RULES
) -> list[StepWarning]:
    """Warnings for moving the person into stage ``to`` on ``on``, given the record.

    The record holds what is known before the step plus the step's own details (votes for
    admission, training, sponsors). Warnings, not errors: the branch decides.
    """
    warnings: list[StepWarning] = []
    index = STAGES.index(to)
    if index > 0:
        previous = stage_date(record, STAGES[index - 1])
        if previous is None:
            warnings.append(_warn(Finding.PREVIOUS_STAGE_MISSING))
        elif on < previous:
            warnings.append(_warn(Finding.DATE_BEFORE_PREVIOUS_STAGE, previous))
    if to is Stage.APPLICANT:
        warnings += _check_application(record, on, rules)
    elif to is Stage.ACTIVIST:
        warnings += _check_activist(record, rules)
    elif to is Stage.CANDIDATE:
        warnings += _check_candidate(record, on, rules)
    elif to is Stage.PROBATIONARY:
        warnings += _check_admission(record, rules)
    else:
        warnings += _check_full_membership(record, on, rules)
    return warnings


def check_record(record: DevelopmentRecord, rules: Rules = NATIONAL_RULES) -> list[StepWarning]:
    """Every step the record has taken, checked with its own dates, plus the 党委 approval."""
    warnings: list[StepWarning] = []
    for stage in STAGES:
        on = stage_date(record, stage)
        if on is not None:
            warnings += check_step(record, stage, on, rules)
    if record.application_received is not None and record.talk is not None:
        warnings += _check_talk(record.application_received, record.talk, rules)
    if record.admitted is not None and record.approved is not None:
        warnings += _check_approval(record.admitted, record.approved, rules)
    if record.cancellation_vote is not None:
        warnings += check_vote(record.cancellation_vote, Decision.CANCELLATION)
    # Each warning once, in first-seen order.
    return list(dict.fromkeys(warnings))


def _check_application(record: DevelopmentRecord, on: date, rules: Rules) -> list[StepWarning]:
    if record.birth_date is None:
        return []
    adult_on = add_months(record.birth_date, 12 * rules.minimum_age_years)
    if on < adult_on:
        return [_warn(Finding.UNDER_MINIMUM_AGE, adult_on)]
    return []


def _check_activist(record: DevelopmentRecord, rules: Rules) -> list[StepWarning]:
    warnings = []
    if record.application_received is not None:
        if record.talk is None:
            due = add_months(record.application_received, rules.talk_within_months)
            warnings.append(_warn(Finding.TALK_MISSING, due))
        else:
            warnings += _check_talk(record.application_received, record.talk, rules)
    if not record.contacts or record.contacts < rules.contacts_min:
        warnings.append(_warn(Finding.CONTACTS_MISSING))
    elif record.contacts > rules.contacts_max:
        warnings.append(_warn(Finding.TOO_MANY_CONTACTS))
    return warnings


def _check_talk(received: date, talk: date, rules: Rules) -> list[StepWarning]:
    due = add_months(received, rules.talk_within_months)
    return [_warn(Finding.TALK_LATE, due)] if talk > due else []


def _check_candidate(record: DevelopmentRecord, on: date, rules: Rules) -> list[StepWarning]:
    if record.activist_since is None:
        return []
    warnings = []
    earliest = add_months(record.activist_since, rules.activist_min_months)
    if on < earliest:
        warnings.append(_warn(Finding.ACTIVIST_PERIOD_SHORT, earliest))
    review_due = next_review_due(record, rules)
    if review_due is not None and on > review_due:
        warnings.append(_warn(Finding.REVIEW_OVERDUE, review_due))
    return warnings


def _check_admission(record: DevelopmentRecord, rules: Rules) -> list[StepWarning]:
    warnings = []
    if record.training_days is None and record.training_hours is None:
        warnings.append(_warn(Finding.TRAINING_MISSING))
    elif (record.training_days or 0) < rules.training_min_days and (
        record.training_hours or 0
    ) < rules.training_min_hours:
        warnings.append(_warn(Finding.TRAINING_SHORT))
    if record.sponsors is None:
        warnings.append(_warn(Finding.SPONSORS_MISSING))
    elif record.sponsors != rules.sponsors:
        warnings.append(_warn(Finding.SPONSORS_NOT_TWO))
    warnings += check_vote(record.admission_vote, Decision.ADMISSION)
    return warnings


def _check_approval(admitted: date, approved: date, rules: Rules) -> list[StepWarning]:
    limit = add_months(admitted, rules.approval_max_months)
    if approved > limit:
        return [_warn(Finding.APPROVAL_OVERDUE, limit)]
    due = add_months(admitted, rules.approval_within_months)
    if approved > due:
        return [_warn(Finding.APPROVAL_LATE, due)]
    return []


def _check_full_membership(record: DevelopmentRecord, on: date, rules: Rules) -> list[StepWarning]:
    warnings = []
    if record.admitted is not None and record.approved is None:
        warnings.append(_warn(Finding.APPROVAL_MISSING))
    if len(record.probation_extensions) > rules.max_extensions:
        warnings.append(_warn(Finding.TOO_MANY_EXTENSIONS))
    if any(
        not rules.extension_min_months <= months <= rules.extension_max_months
        for months in record.probation_extensions
    ):
        warnings.append(_warn(Finding.EXTENSION_OUT_OF_RANGE))
    if record.probation_extensions:
        warnings += check_vote(record.extension_vote, Decision.EXTENSION)
    end = probation_end(record, rules)
    if end is not None and on < end:
        warnings.append(_warn(Finding.PROBATION_NOT_COMPLETE, end))
    if end is not None and on > end:
        warnings.append(_warn(Finding.FULL_MEMBERSHIP_LATE, end))
    warnings += check_vote(record.full_vote, Decision.FULL_MEMBERSHIP)
    return warnings


def next_review_due(record: DevelopmentRecord, rules: Rules = NATIONAL_RULES) -> date | None:
    """When the activist's next half-yearly review (考察) is due (细则第十一条)."""
    start = record.last_review or record.activist_since
    if start is None:
        return None
    return add_months(start, rules.review_every_months)


class DeadlineKind(enum.Enum):
    TALK_DUE = "talk_due"  # 细则第七条
    REVIEW_DUE = "review_due"  # 细则第十一条
    APPROVAL_DUE = "approval_due"  # 细则第二十五条
    PROBATION_ENDS = "probation_ends"  # 细则第三十一条、第三十二条
    # Probation ended and the 转正 is not yet discussed (细则第三十三条: 预备期满，党支部应当及时
    # 讨论); due on the day probation ended, so always overdue.
    FULL_MEMBERSHIP_OVERDUE = "full_membership_overdue"


@dataclass(frozen=True)
class Deadline:
    kind: DeadlineKind
    due_date: date

    def is_overdue(self, today: date) -> bool:
        return self.due_date < today


def upcoming_deadlines(
    record: DevelopmentRecord,
    today: date,
    within_days: int = 30,
    rules: Rules = NATIONAL_RULES,
) -> list[Deadline]:
    """Deadlines due by ``today + within_days``, overdue ones included, earliest first."""
    horizon = today + timedelta(days=within_days)
    stage = current_stage(record)
    found: list[Deadline] = []
    if stage is Stage.APPLICANT and record.application_received is not None and record.talk is None:
        due = add_months(record.application_received, rules.talk_within_months)
        found.append(Deadline(DeadlineKind.TALK_DUE, due))
    if stage is Stage.ACTIVIST:
        review = next_review_due(record, rules)
        if review is not None:
            found.append(Deadline(DeadlineKind.REVIEW_DUE, review))
    if stage is Stage.PROBATIONARY and record.admitted is not None:
        if record.approved is None:
            due = add_months(record.admitted, rules.approval_within_months)
            found.append(Deadline(DeadlineKind.APPROVAL_DUE, due))
        end = probation_end(record, rules)
        overdue = full_membership_overdue(record, today, rules)
        if overdue is not None:
            found.append(Deadline(DeadlineKind.FULL_MEMBERSHIP_OVERDUE, overdue))
        elif end is not None:
            found.append(Deadline(DeadlineKind.PROBATION_ENDS, end))
    return sorted((d for d in found if d.due_date <= horizon), key=lambda d: d.due_date)
