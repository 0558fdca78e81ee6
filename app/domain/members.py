"""The member record's rules: its code lists and the checks a form or an import runs.

Leaving is never a delete (DOMAIN.md, "Members"): a member who leaves keeps the record, with the
kind of leaving, its date and reason. Problems carry stable codes; the UI words them.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date

from app.domain import codes, development, id_numbers
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, IdType


class MembershipStatus(enum.Enum):
    """Whether the member is on the branch's roll, and if not, why (never a delete)."""

    ACTIVE = "active"
    # 转出待接收: the letter is issued, the 回执 has not come back; the branch is still responsible
    # (教育管理工作条例 第二十四条, 组通字〔2006〕45号). Off the active roll, listed apart.
    TRANSFER_PENDING = "transfer_pending"
    TRANSFERRED_OUT = "transferred_out"  # 转出 (组织关系转出, with destination and 介绍信 number)
    STOPPED = "stopped"  # 停止党籍
    WITHDRAWN = "withdrawn"  # 出党 (退党、劝退)
    STRUCK_OFF = "struck_off"  # 除名
    EXPELLED = "expelled"  # 开除党籍
    DECEASED = "deceased"  # 死亡


# The ways of leaving a secretary records directly (转出待接收 comes from issuing a letter).
LEAVING_KINDS = tuple(
    s for s in MembershipStatus
    if s not in (MembershipStatus.ACTIVE, MembershipStatus.TRANSFER_PENDING)
)


class BranchPost(enum.Enum):
    """Posts on the branch committee (支部委员会); NONE for members without one."""

    NONE = ""
    SECRETARY = "secretary"  # 书记
    DEPUTY_SECRETARY = "deputy_secretary"  # 副书记
    ORGANIZATION = "organization"  # 组织委员
    PROPAGANDA = "propaganda"  # 宣传委员
    DISCIPLINE = "discipline"  # 纪检委员
    YOUTH = "youth"  # 青年委员
    WOMEN = "women"  # 妇女委员
    OTHER = "other"  # 其他委员


class Classification(enum.Enum):
    """Information classification (DESIGN.md, "Security model"): SECRET never leaves the PC."""

    PUBLIC = "public"  # 公开
    INTERNAL = "internal"  # 内部
    SECRET = "secret"  # 秘密  # noqa: S105 - a classification, not a password


class FlowDirection(enum.Enum):
    """流动党员: working or living away from the branch (out) or here from elsewhere (in)."""

    NONE = ""
    OUT = "out"  # 流出
    IN = "in"  # 流入


class EventKind(enum.Enum):
    """Entries on a member's timeline besides the milestone dates."""

    REWARD = "reward"  # 奖励
    DISCIPLINE = "discipline"  # 处分
    FLOW_OUT = "flow_out"  # 外出流动
    FLOW_IN = "flow_in"  # 流入本支部
    FLOW_END = "flow_end"  # 流动结束
    LOST_CONTACT = "lost_contact"  # 失联
    CONTACT_RESTORED = "contact_restored"  # 恢复联系
    TRANSFER_IN = "transfer_in"  # 转入
    TRANSFER_OUT = "transfer_out"  # 开具组织关系介绍信 (转出待接收)
    TRANSFER_RECEIPT = "transfer_receipt"  # 回执收回: the receiving side accepted
    TRANSFER_CANCELLED = "transfer_cancelled"  # 介绍信退回/作废: back on the roll
    LEFT = "left"  # 离开本支部 (the kind is the status)
    NOTE = "note"  # 其他记事
    APPRAISAL = "appraisal"  # 民主评议 (grade, 限期改正: app.services.appraisal)


class Severity(enum.Enum):
    ERROR = "error"  # the record cannot be saved so
    WARNING = "warning"  # saved, but the secretary should look (never silently "fixed")


@dataclass(frozen=True)
class Issue:
    field: str
    code: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True)
class MemberFacts:
    """The fields of a member record that the rules look at."""

    name: str
    id_type: IdType = IdType.RESIDENT
    id_number: str = ""
    gender: Gender | None = None
    birth_date: date | None = None
    ethnic_group: str = ""  # GB/T 3304 code
    education: str = ""  # GB/T 4658 code
    degree: str = ""  # GB/T 6864 code
    occupation: str = ""  # codes.occupations() (党内统计 职业)
    phone: str = ""
    category: PersonCategory = PersonCategory.IN_WORK
    stage: development.Stage = development.Stage.FULL
    milestones: development.DevelopmentRecord = field(
        default_factory=development.DevelopmentRecord
    )


NAME_MAX = 50
PHONE = re.compile(r"^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")

# Milestones in the order they happen (细则: application → activist → candidate → admission → full):
# (field name in forms and files, attribute of development.DevelopmentRecord).
MILESTONE_FIELDS = (
    ("application_date", "application_received"),
    ("activist_date", "activist_since"),
    ("candidate_date", "candidate_since"),
    ("admission_date", "admitted"),
    ("full_date", "full_since"),
)

# The stage a member is at needs the date that starts it.
_STAGE_NEEDS = {
    development.Stage.APPLICANT: "application_date",
    development.Stage.ACTIVIST: "activist_date",
    development.Stage.CANDIDATE: "candidate_date",
    development.Stage.PROBATIONARY: "admission_date",
    development.Stage.FULL: None,  # long-standing members' admission dates are often unknown
}


def normalized_id_number(facts: MemberFacts, today: date) -> str:
    """The ID number as stored: normalized, a 15-digit resident number converted to 18."""
    if not facts.id_number.strip():
        return ""
    return id_numbers.validate_id(facts.id_number, facts.id_type, today=today).number


def check(facts: MemberFacts, today: date) -> list[Issue]:
    """Everything wrong or doubtful about a record, errors and warnings, field by field."""
    issues: list[Issue] = []
    name = facts.name.strip()
    if not name:
        issues.append(Issue("name", "required"))
    elif len(name) > NAME_MAX:
        issues.append(Issue("name", "too_long"))
    issues += _check_id(facts, today)
    if facts.birth_date is not None and facts.birth_date > today:
        issues.append(Issue("birth_date", "in_future"))
    for name_, table in (
        ("ethnic_group", codes.ethnic_groups()),
        ("education", codes.education_levels()),
        ("degree", codes.degrees()),
        ("occupation", codes.occupations()),
    ):
        value = getattr(facts, name_)
        if value and value not in table:
            issues.append(Issue(name_, "unknown_code"))
    if facts.phone.strip() and not PHONE.match(facts.phone.strip().replace(" ", "")):
        issues.append(Issue("phone", "doubtful_phone", Severity.WARNING))
    issues += _check_dates(facts, today)
    return issues


def _check_id(facts: MemberFacts, today: date) -> list[Issue]:
    if not facts.id_number.strip():
        return [Issue("id_number", "required")]
    result = id_numbers.validate_id(facts.id_number, facts.id_type, today=today)
    issues = [Issue("id_number", problem.value) for problem in result.problems]
    for warning in id_numbers.cross_check(
        result, birth_date=facts.birth_date, gender=facts.gender
    ):
        target = "birth_date" if warning.code is id_numbers.Mismatch.BIRTH_DATE else "gender"
        issues.append(Issue(target, warning.code.value, Severity.WARNING))
    return issues


def _check_dates(facts: MemberFacts, today: date) -> list[Issue]:
    issues: list[Issue] = []
    previous: tuple[str, date] | None = None
    dates = {name: getattr(facts.milestones, attribute) for name, attribute in MILESTONE_FIELDS}
    for name, value in dates.items():
        if value is None:
            continue
        if value > today:
            issues.append(Issue(name, "in_future"))
        if facts.birth_date is not None and value < facts.birth_date:
            issues.append(Issue(name, "before_birth"))
        if previous is not None and value < previous[1]:
            issues.append(Issue(name, f"before_{previous[0]}"))
        previous = (name, value)
    needed = _STAGE_NEEDS[facts.stage]
    if needed is not None and dates[needed] is None:
        issues.append(Issue(needed, "required_for_stage"))
    # Interval rules of the 细则 (age at application, one year as activist…) are warnings:
    # the record must be able to hold what really happened. For full members, details that were
    # never recorded (talk, votes…: typical of a roster kept on paper for decades) are not asked.
    in_development = facts.stage is not development.Stage.FULL
    for warning in development.check_record(facts.milestones):
        if warning.code is _F.DATE_BEFORE_PREVIOUS_STAGE:
            continue  # reported above as an error, on the field itself
        if (
            warning.code in _ONLY_IN_DEVELOPMENT
            and not in_development
            and not _recent_full_membership(warning, facts, today)
        ):
            continue
        field_name = _DECISION_FIELDS.get(warning.decision) or _FINDING_FIELDS.get(
            warning.code, "milestones"
        )
        issues.append(Issue(field_name, warning.code.value, Severity.WARNING))
    return issues


def _recent_full_membership(
    warning: development.StepWarning, facts: MemberFacts, today: date
) -> bool:
    """A 转正 within the last year is expected to have its vote recorded (细则第三十三条), even
    though the member is a full member now; older ones may come from a paper roster."""
    full_since = facts.milestones.full_since
    return (
        warning.decision is development.Decision.FULL_MEMBERSHIP
        and full_since is not None
        and full_since >= development.add_months(today, -12)
    )


_F = development.Finding
_ONLY_IN_DEVELOPMENT = {
    _F.PREVIOUS_STAGE_MISSING, _F.TALK_MISSING, _F.CONTACTS_MISSING, _F.TRAINING_MISSING,
    _F.SPONSORS_MISSING, _F.VOTES_MISSING, _F.APPROVAL_MISSING, _F.REVIEW_OVERDUE,
}
_FINDING_FIELDS = {
    _F.PREVIOUS_STAGE_MISSING: "milestones",
    _F.DATE_BEFORE_PREVIOUS_STAGE: "milestones",
    _F.UNDER_MINIMUM_AGE: "application_date",
    _F.TALK_MISSING: "talk_date",
    _F.TALK_LATE: "talk_date",
    _F.CONTACTS_MISSING: "contacts",
    _F.TOO_MANY_CONTACTS: "contacts",
    _F.ACTIVIST_PERIOD_SHORT: "candidate_date",
    _F.REVIEW_OVERDUE: "last_review_date",
    _F.TRAINING_MISSING: "training_hours",
    _F.TRAINING_SHORT: "training_hours",
    _F.SPONSORS_MISSING: "sponsors",
    _F.SPONSORS_NOT_TWO: "sponsors",
    _F.VOTES_MISSING: "admission_date",
    _F.QUORUM_NOT_MET: "admission_date",
    _F.VOTES_INSUFFICIENT: "admission_date",
    _F.APPROVAL_MISSING: "approval_date",
    _F.APPROVAL_LATE: "approval_date",
    _F.APPROVAL_OVERDUE: "approval_date",
    _F.PROBATION_NOT_COMPLETE: "full_date",
    _F.FULL_MEMBERSHIP_LATE: "full_date",
    _F.EXTENSION_OUT_OF_RANGE: "probation_extension_months",
    _F.TOO_MANY_EXTENSIONS: "probation_extension_months",
}


# The vote findings (missing, no quorum, not enough in favour) sit on the decision's own field.
_DECISION_FIELDS: dict[development.Decision | None, str] = {
    development.Decision.ADMISSION: "admission_date",
    development.Decision.FULL_MEMBERSHIP: "full_date",
    development.Decision.EXTENSION: "probation_extension_months",
    development.Decision.CANCELLATION: "stage",
}


def has_errors(issues: list[Issue]) -> bool:
    return any(issue.severity is Severity.ERROR for issue in issues)
