"""Chinese words for the member register: field labels, code-list values and problem codes.

One place, shared by the member form, the member list, the roster import report (window and
command line) and printed documents, so a field is called the same everywhere. Texts are marked
with QT_TRANSLATE_NOOP and translated when asked for (the translator is installed by then).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from app.domain.calendar import Month
from app.domain.development import DeadlineKind, Stage
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, IdType
from app.domain.meetings import Frequency, MeetingType
from app.domain.members import (
    BranchPost,
    Classification,
    EventKind,
    FlowDirection,
    Issue,
    MembershipStatus,
)
from app.domain.transfers import DuesFinding, DuesStart
from app.services.meetings import Attendance

CONTEXT = "MemberTexts"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads this name); typed, unlike PySide6's own."""
    return text


FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("MemberTexts", "Name"),
    "gender": QT_TRANSLATE_NOOP("MemberTexts", "Gender"),
    "ethnic_group": QT_TRANSLATE_NOOP("MemberTexts", "Ethnic group"),
    "birth_date": QT_TRANSLATE_NOOP("MemberTexts", "Date of birth"),
    "id_type": QT_TRANSLATE_NOOP("MemberTexts", "ID document"),
    "id_number": QT_TRANSLATE_NOOP("MemberTexts", "ID number"),
    "native_place": QT_TRANSLATE_NOOP("MemberTexts", "Native place"),
    "education": QT_TRANSLATE_NOOP("MemberTexts", "Education"),
    "degree": QT_TRANSLATE_NOOP("MemberTexts", "Degree"),
    "work_unit": QT_TRANSLATE_NOOP("MemberTexts", "Work unit"),
    "job_title": QT_TRANSLATE_NOOP("MemberTexts", "Post"),
    "phone": QT_TRANSLATE_NOOP("MemberTexts", "Phone"),
    "category": QT_TRANSLATE_NOOP("MemberTexts", "Category of person"),
    "stage": QT_TRANSLATE_NOOP("MemberTexts", "Party standing"),
    "party_group_id": QT_TRANSLATE_NOOP("MemberTexts", "Party group"),
    "branch_post": QT_TRANSLATE_NOOP("MemberTexts", "Branch post"),
    "classification": QT_TRANSLATE_NOOP("MemberTexts", "Classification"),
    "application_date": QT_TRANSLATE_NOOP("MemberTexts", "Application date"),
    "talk_date": QT_TRANSLATE_NOOP("MemberTexts", "Talk date"),
    "activist_date": QT_TRANSLATE_NOOP("MemberTexts", "Activist since"),
    "contacts": QT_TRANSLATE_NOOP("MemberTexts", "Contacts"),
    "last_review_date": QT_TRANSLATE_NOOP("MemberTexts", "Last review"),
    "candidate_date": QT_TRANSLATE_NOOP("MemberTexts", "Candidate since"),
    "training_hours": QT_TRANSLATE_NOOP("MemberTexts", "Training hours"),
    "sponsors": QT_TRANSLATE_NOOP("MemberTexts", "Sponsors"),
    "admission_date": QT_TRANSLATE_NOOP("MemberTexts", "Admission date"),
    "approval_date": QT_TRANSLATE_NOOP("MemberTexts", "Approval date"),
    "probation_extension_months": QT_TRANSLATE_NOOP("MemberTexts", "Probation extended (months)"),
    "full_date": QT_TRANSLATE_NOOP("MemberTexts", "Full membership date"),
    "notes": QT_TRANSLATE_NOOP("MemberTexts", "Notes"),
    "status": QT_TRANSLATE_NOOP("MemberTexts", "Status"),
    "left_date": QT_TRANSLATE_NOOP("MemberTexts", "Date left"),
    "left_reason": QT_TRANSLATE_NOOP("MemberTexts", "Reason"),
    "transfer_destination": QT_TRANSLATE_NOOP("MemberTexts", "Transferred to"),
    "transfer_letter_no": QT_TRANSLATE_NOOP("MemberTexts", "Letter of introduction no."),
    "flow_place": QT_TRANSLATE_NOOP("MemberTexts", "Where"),
    "milestones": QT_TRANSLATE_NOOP("MemberTexts", "Development milestones"),
    "kind": QT_TRANSLATE_NOOP("MemberTexts", "Kind"),
    "on": QT_TRANSLATE_NOOP("MemberTexts", "Date"),
    "flow": QT_TRANSLATE_NOOP("MemberTexts", "Flowing member"),
    "text": QT_TRANSLATE_NOOP("MemberTexts", "Details"),
    # dues terms (第六条, 第七条, 第十二条)
    "valid_from": QT_TRANSLATE_NOOP("MemberTexts", "From month"),
    "valid_until": QT_TRANSLATE_NOOP("MemberTexts", "To month"),
    "effective": QT_TRANSLATE_NOOP("MemberTexts", "From month"),
    "farmer_amount": QT_TRANSLATE_NOOP("MemberTexts", "Farmers' monthly amount"),
    "student_amount": QT_TRANSLATE_NOOP("MemberTexts", "Students' monthly amount"),
    "unemployed_amount": QT_TRANSLATE_NOOP("MemberTexts", "Unemployed members' monthly amount"),
    "relief_amount": QT_TRANSLATE_NOOP("MemberTexts", "Monthly amount of members on relief"),
    "rounding": QT_TRANSLATE_NOOP("MemberTexts", "Rounding"),
    "approved_by": QT_TRANSLATE_NOOP("MemberTexts", "Approved by"),
    "reduced_amount": QT_TRANSLATE_NOOP("MemberTexts", "Reduced monthly amount"),
}

ISSUE_TEXTS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("MemberTexts", "required"),
    "too_long": QT_TRANSLATE_NOOP("MemberTexts", "too long"),
    "duplicate": QT_TRANSLATE_NOOP("MemberTexts", "already exists"),
    "out_of_range": QT_TRANSLATE_NOOP("MemberTexts", "out of range"),
    "in_future": QT_TRANSLATE_NOOP("MemberTexts", "is in the future"),
    "before_birth": QT_TRANSLATE_NOOP("MemberTexts", "is before the date of birth"),
    "unknown_code": QT_TRANSLATE_NOOP("MemberTexts", "is not in the national code table"),
    "doubtful_phone": QT_TRANSLATE_NOOP("MemberTexts", "does not look like a phone number"),
    "required_for_stage": QT_TRANSLATE_NOOP("MemberTexts", "is needed for this party standing"),
    "duplicate_id_number": QT_TRANSLATE_NOOP(
        "MemberTexts", "another member in the register has this ID number"
    ),
    "unknown_party_group": QT_TRANSLATE_NOOP("MemberTexts", "no such party group"),
    "not_a_leaving_kind": QT_TRANSLATE_NOOP("MemberTexts", "choose how the member left"),
    "already_left": QT_TRANSLATE_NOOP("MemberTexts", "the member has already left"),
    "overlaps_relief": QT_TRANSLATE_NOOP(
        "MemberTexts", "overlaps another approved hardship relief of this member"
    ),
    "overlaps_quarterly": QT_TRANSLATE_NOOP(
        "MemberTexts", "overlaps another consent of this member to pay by the quarter"
    ),
    "not_a_quarter_start": QT_TRANSLATE_NOOP(
        "MemberTexts", "must be the first month of a quarter (January, April, July, October)"
    ),
    "not_a_quarter_end": QT_TRANSLATE_NOOP(
        "MemberTexts", "must be the last month of a quarter (March, June, September, December)"
    ),
    "ends_before_start": QT_TRANSLATE_NOOP("MemberTexts", "is before the first month"),
    "unchanged": QT_TRANSLATE_NOOP(
        "MemberTexts", "is already the member's category in that month"
    ),
    "farmer_amount": QT_TRANSLATE_NOOP(
        "MemberTexts", "must be 0.20 to 1.00 yuan in whole fen (art. 6)"
    ),
    "fixed_amount": QT_TRANSLATE_NOOP(
        "MemberTexts", "must be 0.01 to 1.00 yuan in whole fen (art. 6)"
    ),
    "not_a_choice": QT_TRANSLATE_NOOP("MemberTexts", "is not one of the allowed values"),
    "no_quarterly_consent": QT_TRANSLATE_NOOP(
        "MemberTexts", "no consent to pay by the quarter covers this month"
    ),
    "no_such_member": QT_TRANSLATE_NOOP("MemberTexts", "no member in the register has it"),
    "not_an_amount": QT_TRANSLATE_NOOP("MemberTexts", "is not a valid amount"),
    "use_leaving_or_transfer": QT_TRANSLATE_NOOP(
        "MemberTexts", "use 'leave the branch' or 'transfer in' for this"
    ),
    # ID numbers (GB 11643-1999)
    "empty": QT_TRANSLATE_NOOP("MemberTexts", "required"),
    "bad_length": QT_TRANSLATE_NOOP("MemberTexts", "must have 18 characters (or the old 15)"),
    "bad_characters": QT_TRANSLATE_NOOP(
        "MemberTexts", "may contain only digits and a final X"
    ),
    "bad_check_char": QT_TRANSLATE_NOOP(
        "MemberTexts", "the last character does not match: a digit is probably mistyped"
    ),
    "impossible_date": QT_TRANSLATE_NOOP("MemberTexts", "contains a date that does not exist"),
    "future_date": QT_TRANSLATE_NOOP("MemberTexts", "contains a date in the future"),
    "date_before_1900": QT_TRANSLATE_NOOP("MemberTexts", "contains a date before 1900"),
    "unknown_area": QT_TRANSLATE_NOOP("MemberTexts", "starts with an unknown area code"),
    "bad_prefix": QT_TRANSLATE_NOOP(
        "MemberTexts", "a residence permit number starts with 810000, 820000 or 830000"
    ),
    "bad_format": QT_TRANSLATE_NOOP("MemberTexts", "is not in the format of this document"),
    "birth_date_mismatch": QT_TRANSLATE_NOOP(
        "MemberTexts", "differs from the date of birth in the ID number"
    ),
    "gender_mismatch": QT_TRANSLATE_NOOP("MemberTexts", "differs from the gender in the ID number"),
    "precision_lost": QT_TRANSLATE_NOOP(
        "MemberTexts",
        "was stored as a number by Excel and its last digits are lost: "
        "type it again as text",
    ),
    "not_a_date": QT_TRANSLATE_NOOP("MemberTexts", "is not a date"),
    "not_a_number": QT_TRANSLATE_NOOP("MemberTexts", "is not a number"),
    "unknown_value": QT_TRANSLATE_NOOP("MemberTexts", "is not one of the allowed values"),
    # development (《中国共产党发展党员工作细则》)
    "previous_stage_missing": QT_TRANSLATE_NOOP(
        "MemberTexts", "an earlier development step has no date"
    ),
    "date_before_previous_stage": QT_TRANSLATE_NOOP(
        "MemberTexts", "is before the previous development step"
    ),
    "under_minimum_age": QT_TRANSLATE_NOOP("MemberTexts", "the applicant was under 18"),
    "talk_missing": QT_TRANSLATE_NOOP("MemberTexts", "no talk with the applicant is recorded"),
    "talk_late": QT_TRANSLATE_NOOP(
        "MemberTexts", "the talk was more than one month after the application"
    ),
    "contacts_missing": QT_TRANSLATE_NOOP("MemberTexts", "no contact person is recorded"),
    "too_many_contacts": QT_TRANSLATE_NOOP("MemberTexts", "at most two contact persons"),
    "activist_period_short": QT_TRANSLATE_NOOP(
        "MemberTexts", "less than one year as an activist"
    ),
    "review_overdue": QT_TRANSLATE_NOOP("MemberTexts", "the half-yearly review is overdue"),
    "training_missing": QT_TRANSLATE_NOOP("MemberTexts", "no candidate training is recorded"),
    "training_short": QT_TRANSLATE_NOOP(
        "MemberTexts", "training shorter than 3 days or 24 hours"
    ),
    "sponsors_missing": QT_TRANSLATE_NOOP("MemberTexts", "no sponsors are recorded"),
    "sponsors_not_two": QT_TRANSLATE_NOOP("MemberTexts", "two full members act as sponsors"),
    "votes_missing": QT_TRANSLATE_NOOP("MemberTexts", "the vote of the branch meeting is missing"),
    "quorum_not_met": QT_TRANSLATE_NOOP(
        "MemberTexts", "fewer than half of the voting members were present"
    ),
    "votes_insufficient": QT_TRANSLATE_NOOP(
        "MemberTexts", "votes in favour were not more than half of the voting members"
    ),
    "approval_missing": QT_TRANSLATE_NOOP("MemberTexts", "the committee's approval is missing"),
    "approval_late": QT_TRANSLATE_NOOP(
        "MemberTexts", "approved more than 3 months after the branch meeting"
    ),
    "approval_overdue": QT_TRANSLATE_NOOP(
        "MemberTexts", "approved more than 6 months after the branch meeting"
    ),
    "probation_not_complete": QT_TRANSLATE_NOOP(
        "MemberTexts", "before the end of the probation year"
    ),
    "extension_out_of_range": QT_TRANSLATE_NOOP(
        "MemberTexts", "an extension is 6 to 12 months"
    ),
    "too_many_extensions": QT_TRANSLATE_NOOP(
        "MemberTexts", "probation can be extended only once"
    ),
}

_ENUM_TEXTS: dict[enum.Enum, str] = {
    Gender.MALE: QT_TRANSLATE_NOOP("MemberTexts", "Male"),
    Gender.FEMALE: QT_TRANSLATE_NOOP("MemberTexts", "Female"),
    IdType.RESIDENT: QT_TRANSLATE_NOOP("MemberTexts", "Resident ID card"),
    IdType.HMT_RESIDENCE_PERMIT: QT_TRANSLATE_NOOP(
        "MemberTexts", "Residence permit for HK, Macao and Taiwan residents"
    ),
    IdType.HK_MACAO_PERMIT: QT_TRANSLATE_NOOP("MemberTexts", "Mainland travel permit (HK/Macao)"),
    IdType.TAIWAN_PERMIT: QT_TRANSLATE_NOOP("MemberTexts", "Mainland travel permit (Taiwan)"),
    IdType.PASSPORT: QT_TRANSLATE_NOOP("MemberTexts", "Passport"),
    Stage.APPLICANT: QT_TRANSLATE_NOOP("MemberTexts", "Applicant"),
    Stage.ACTIVIST: QT_TRANSLATE_NOOP("MemberTexts", "Activist"),
    Stage.CANDIDATE: QT_TRANSLATE_NOOP("MemberTexts", "Development candidate"),
    Stage.PROBATIONARY: QT_TRANSLATE_NOOP("MemberTexts", "Probationary member"),
    Stage.FULL: QT_TRANSLATE_NOOP("MemberTexts", "Full member"),
    MembershipStatus.ACTIVE: QT_TRANSLATE_NOOP("MemberTexts", "On the roll"),
    MembershipStatus.TRANSFERRED_OUT: QT_TRANSLATE_NOOP("MemberTexts", "Transferred out"),
    MembershipStatus.STOPPED: QT_TRANSLATE_NOOP("MemberTexts", "Membership stopped"),
    MembershipStatus.WITHDRAWN: QT_TRANSLATE_NOOP("MemberTexts", "Left the Party"),
    MembershipStatus.STRUCK_OFF: QT_TRANSLATE_NOOP("MemberTexts", "Struck off"),
    MembershipStatus.EXPELLED: QT_TRANSLATE_NOOP("MemberTexts", "Expelled"),
    MembershipStatus.DECEASED: QT_TRANSLATE_NOOP("MemberTexts", "Deceased"),
    BranchPost.NONE: QT_TRANSLATE_NOOP("MemberTexts", "None"),
    BranchPost.SECRETARY: QT_TRANSLATE_NOOP("MemberTexts", "Secretary"),
    BranchPost.DEPUTY_SECRETARY: QT_TRANSLATE_NOOP("MemberTexts", "Deputy secretary"),
    BranchPost.ORGANIZATION: QT_TRANSLATE_NOOP("MemberTexts", "Organization member"),
    BranchPost.PROPAGANDA: QT_TRANSLATE_NOOP("MemberTexts", "Publicity member"),
    BranchPost.DISCIPLINE: QT_TRANSLATE_NOOP("MemberTexts", "Discipline member"),
    BranchPost.YOUTH: QT_TRANSLATE_NOOP("MemberTexts", "Youth member"),
    BranchPost.WOMEN: QT_TRANSLATE_NOOP("MemberTexts", "Women's member"),
    BranchPost.OTHER: QT_TRANSLATE_NOOP("MemberTexts", "Committee member"),
    Classification.PUBLIC: QT_TRANSLATE_NOOP("MemberTexts", "Public"),
    Classification.INTERNAL: QT_TRANSLATE_NOOP("MemberTexts", "Internal"),
    Classification.SECRET: QT_TRANSLATE_NOOP("MemberTexts", "Secret"),
    PersonCategory.IN_WORK: QT_TRANSLATE_NOOP("MemberTexts", "In work"),
    PersonCategory.RETIRED: QT_TRANSLATE_NOOP("MemberTexts", "Retired"),
    PersonCategory.FARMER: QT_TRANSLATE_NOOP("MemberTexts", "Farmer"),
    PersonCategory.STUDENT: QT_TRANSLATE_NOOP("MemberTexts", "Student"),
    PersonCategory.UNEMPLOYED: QT_TRANSLATE_NOOP("MemberTexts", "No fixed occupation"),
    PersonCategory.RELIEF: QT_TRANSLATE_NOOP("MemberTexts", "Living on relief"),
    PersonCategory.SUBSISTENCE: QT_TRANSLATE_NOOP("MemberTexts", "Minimum living allowance"),
    PersonCategory.OTHER: QT_TRANSLATE_NOOP("MemberTexts", "Other"),
    FlowDirection.NONE: QT_TRANSLATE_NOOP("MemberTexts", "Not flowing"),
    FlowDirection.OUT: QT_TRANSLATE_NOOP("MemberTexts", "Flowing out"),
    FlowDirection.IN: QT_TRANSLATE_NOOP("MemberTexts", "Flowing in"),
    EventKind.REWARD: QT_TRANSLATE_NOOP("MemberTexts", "Reward"),
    EventKind.DISCIPLINE: QT_TRANSLATE_NOOP("MemberTexts", "Disciplinary action"),
    EventKind.FLOW_OUT: QT_TRANSLATE_NOOP("MemberTexts", "Went away (flowing member)"),
    EventKind.FLOW_IN: QT_TRANSLATE_NOOP("MemberTexts", "Came in (flowing member)"),
    EventKind.FLOW_END: QT_TRANSLATE_NOOP("MemberTexts", "Flowing ended"),
    EventKind.LOST_CONTACT: QT_TRANSLATE_NOOP("MemberTexts", "Lost contact"),
    EventKind.CONTACT_RESTORED: QT_TRANSLATE_NOOP("MemberTexts", "Contact restored"),
    EventKind.TRANSFER_IN: QT_TRANSLATE_NOOP("MemberTexts", "Transferred in"),
    EventKind.LEFT: QT_TRANSLATE_NOOP("MemberTexts", "Left the branch"),
    EventKind.NOTE: QT_TRANSLATE_NOOP("MemberTexts", "Note"),
    DeadlineKind.TALK_DUE: QT_TRANSLATE_NOOP("MemberTexts", "Talk with the applicant due"),
    DeadlineKind.REVIEW_DUE: QT_TRANSLATE_NOOP("MemberTexts", "Half-yearly review due"),
    DeadlineKind.APPROVAL_DUE: QT_TRANSLATE_NOOP("MemberTexts", "Committee approval due"),
    DeadlineKind.PROBATION_ENDS: QT_TRANSLATE_NOOP("MemberTexts", "Probation ends"),
}


# Milestones as events on a member's timeline ("admission_date" → 支部大会接收为预备党员).
MILESTONE_EVENTS: dict[str, str] = {
    "application_date": QT_TRANSLATE_NOOP("MemberTexts", "Application received"),
    "talk_date": QT_TRANSLATE_NOOP("MemberTexts", "Talk with the applicant"),
    "activist_date": QT_TRANSLATE_NOOP("MemberTexts", "Became an activist"),
    "candidate_date": QT_TRANSLATE_NOOP("MemberTexts", "Became a development candidate"),
    "admission_date": QT_TRANSLATE_NOOP("MemberTexts", "Admitted as probationary member"),
    "approval_date": QT_TRANSLATE_NOOP("MemberTexts", "Admission approved by the committee"),
    "full_date": QT_TRANSLATE_NOOP("MemberTexts", "Became a full member"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def field_label(field: str) -> str:
    """The Chinese label of a member field ("id_number" → 公民身份号码); the name if unknown."""
    text = FIELD_LABELS.get(field)
    return _tr(text) if text is not None else field


def issue_text(code: str) -> str:
    """The Chinese wording of a problem code, without the field ("必填", "校验位不符…")."""
    if code.startswith("before_") and code.removeprefix("before_") in FIELD_LABELS:
        return QCoreApplication.translate("MemberTexts", "is before {field}").format(
            field=field_label(code.removeprefix("before_"))
        )
    text = ISSUE_TEXTS.get(code)
    return _tr(text) if text is not None else code


def describe(issue: Issue) -> str:
    """"<field label>: <problem>" for a report line or a tooltip."""
    return QCoreApplication.translate("MemberTexts", "{field}: {problem}").format(
        field=field_label(issue.field), problem=issue_text(issue.code)
    )


def label(value: enum.Enum) -> str:
    """The Chinese name of a code-list value (a stage, a status, a category…)."""
    text = _ENUM_TEXTS.get(value)
    return _tr(text) if text is not None else str(value.value)


def timeline_kind(kind: str) -> str:
    """A timeline entry's kind in words: a milestone field or an EventKind value."""
    if kind in MILESTONE_EVENTS:
        return _tr(MILESTONE_EVENTS[kind])
    try:
        return label(EventKind(kind))
    except ValueError:
        return field_label(kind)


# ---------------------------------------------------------------- organizational life (meetings)
# Meeting fields, problem codes and code lists, worded once for the editor, the list and 工作台.
FIELD_LABELS.update({
    "type": QT_TRANSLATE_NOOP("MemberTexts", "Meeting type"),
    "held_on": QT_TRANSLATE_NOOP("MemberTexts", "Meeting date"),
    "start_time": QT_TRANSLATE_NOOP("MemberTexts", "Start time"),
    "end_time": QT_TRANSLATE_NOOP("MemberTexts", "End time"),
    "place": QT_TRANSLATE_NOOP("MemberTexts", "Place"),
    "topics": QT_TRANSLATE_NOOP("MemberTexts", "Topics"),
    "host": QT_TRANSLATE_NOOP("MemberTexts", "Chaired by"),
    "recorder": QT_TRANSLATE_NOOP("MemberTexts", "Minutes taken by"),
    "lecturer": QT_TRANSLATE_NOOP("MemberTexts", "Lecturer"),
    "guests": QT_TRANSLATE_NOOP("MemberTexts", "Attending without membership"),
    "discussion": QT_TRANSLATE_NOOP("MemberTexts", "Discussion record"),
    "resolutions": QT_TRANSLATE_NOOP("MemberTexts", "Resolutions"),
    "reason": QT_TRANSLATE_NOOP("MemberTexts", "Reason for absence"),
    "subject": QT_TRANSLATE_NOOP("MemberTexts", "Matter voted on"),
    "in_favour": QT_TRANSLATE_NOOP("MemberTexts", "Votes"),
    "author": QT_TRANSLATE_NOOP("MemberTexts", "Corrected by"),
    "attachment": QT_TRANSLATE_NOOP("MemberTexts", "Attachment"),
    "meeting": QT_TRANSLATE_NOOP("MemberTexts", "Meeting"),
})

ISSUE_TEXTS.update({
    "not_a_time": QT_TRANSLATE_NOOP("MemberTexts", "is not a time such as 14:30"),
    "votes_only_at_members_assembly": QT_TRANSLATE_NOOP(
        "MemberTexts", "votes are recorded only at a branch members' assembly"
    ),
    "too_large": QT_TRANSLATE_NOOP("MemberTexts", "is larger than 20 MB"),
    "not_finalized": QT_TRANSLATE_NOOP(
        "MemberTexts", "the minutes are not finalized yet: edit them instead"
    ),
    "negative_count": QT_TRANSLATE_NOOP("MemberTexts", "a count cannot be negative"),
    "present_exceeds_entitled": QT_TRANSLATE_NOOP(
        "MemberTexts", "more present than entitled to vote"
    ),
    "votes_exceed_present": QT_TRANSLATE_NOOP(
        "MemberTexts", "more votes than voting members present"
    ),
    "inconsistent_result": QT_TRANSLATE_NOOP("MemberTexts", "the result does not match the counts"),
})

_ENUM_TEXTS.update({
    MeetingType.MEMBERS_ASSEMBLY: QT_TRANSLATE_NOOP("MemberTexts", "Branch members' assembly"),
    MeetingType.COMMITTEE: QT_TRANSLATE_NOOP("MemberTexts", "Branch committee meeting"),
    MeetingType.PARTY_GROUP: QT_TRANSLATE_NOOP("MemberTexts", "Party group meeting"),
    MeetingType.PARTY_LECTURE: QT_TRANSLATE_NOOP("MemberTexts", "Party lecture"),
    MeetingType.THEME_DAY: QT_TRANSLATE_NOOP("MemberTexts", "Theme Party Day"),
    MeetingType.ORGANIZATIONAL_LIFE: QT_TRANSLATE_NOOP(
        "MemberTexts", "Organizational life meeting"
    ),
    MeetingType.DEMOCRATIC_APPRAISAL: QT_TRANSLATE_NOOP(
        "MemberTexts", "Democratic appraisal of members"
    ),
    MeetingType.OTHER: QT_TRANSLATE_NOOP("MemberTexts", "Other meeting"),
    Frequency.MONTHLY: QT_TRANSLATE_NOOP("MemberTexts", "Monthly"),
    Frequency.QUARTERLY: QT_TRANSLATE_NOOP("MemberTexts", "Quarterly"),
    Frequency.YEARLY: QT_TRANSLATE_NOOP("MemberTexts", "Yearly"),
    Attendance.PRESENT: QT_TRANSLATE_NOOP("MemberTexts", "Present"),
    Attendance.LEAVE: QT_TRANSLATE_NOOP("MemberTexts", "On leave"),
    Attendance.ABSENT: QT_TRANSLATE_NOOP("MemberTexts", "Absent"),
})


def describe_problem(field: str, code: str) -> str:
    """"<field label>: <problem>" for a problem the services reported about ``field``."""
    return QCoreApplication.translate("MemberTexts", "{field}: {problem}").format(
        field=field_label(field), problem=issue_text(code)
    )


# ---------------------------------------------------------------- transfers (组织关系转接)
FIELD_LABELS.update({
    "transfer_date": QT_TRANSLATE_NOOP("MemberTexts", "Date of the letter"),
    "valid_days": QT_TRANSLATE_NOOP("MemberTexts", "Valid for (days)"),
    "paid_until": QT_TRANSLATE_NOOP("MemberTexts", "Dues paid up to"),
    "transfer_receipt_on": QT_TRANSLATE_NOOP("MemberTexts", "Receipt returned on"),
    "transfer_in_on": QT_TRANSLATE_NOOP("MemberTexts", "Transferred in on"),
    "transfer_in_origin": QT_TRANSLATE_NOOP("MemberTexts", "Transferred from"),
    "transfer_in_letter_no": QT_TRANSLATE_NOOP("MemberTexts", "Letter received, no."),
    "flow_contact": QT_TRANSLATE_NOOP("MemberTexts", "Contact while away"),
    "flow_card_no": QT_TRANSLATE_NOOP("MemberTexts", "Flowing member card no."),
    # the member's columns as the 同步 page's conflicts name them
    "transfer_valid_days": QT_TRANSLATE_NOOP("MemberTexts", "Valid for (days)"),
    "transfer_paid_until": QT_TRANSLATE_NOOP("MemberTexts", "Dues paid up to"),
    "transfer_in_paid_until": QT_TRANSLATE_NOOP("MemberTexts", "Dues paid up to (letter in)"),
    "flow_since": QT_TRANSLATE_NOOP("MemberTexts", "Flowing since"),
})

ISSUE_TEXTS.update({
    "transfer_pending": QT_TRANSLATE_NOOP(
        "MemberTexts",
        "a letter of introduction is out for this member: record its receipt or its return first",
    ),
    "not_a_member": QT_TRANSLATE_NOOP(
        "MemberTexts", "only probationary and full members have a membership to transfer"
    ),
    "differs_from_ledger": QT_TRANSLATE_NOOP(
        "MemberTexts", "differs from what this branch's dues ledger shows"
    ),
    "no_transfer_pending": QT_TRANSLATE_NOOP(
        "MemberTexts", "no letter of introduction of this member awaits its receipt"
    ),
    "before_letter": QT_TRANSLATE_NOOP("MemberTexts", "is before the date of the letter"),
    "already_on_roll": QT_TRANSLATE_NOOP("MemberTexts", "this member is already on the roll"),
    "no_transfer_letter": QT_TRANSLATE_NOOP(
        "MemberTexts", "the member has no letter of introduction to print"
    ),
    "not_a_month": QT_TRANSLATE_NOOP("MemberTexts", "is not a month such as 2025-05"),
})

_ENUM_TEXTS.update({
    MembershipStatus.TRANSFER_PENDING: QT_TRANSLATE_NOOP(
        "MemberTexts", "Transferred out, awaiting receipt"
    ),
    EventKind.TRANSFER_OUT: QT_TRANSLATE_NOOP("MemberTexts", "Letter of introduction issued"),
    EventKind.TRANSFER_RECEIPT: QT_TRANSLATE_NOOP("MemberTexts", "Receipt of the letter returned"),
    EventKind.TRANSFER_CANCELLED: QT_TRANSLATE_NOOP(
        "MemberTexts", "Letter of introduction returned unused"
    ),
})


def dues_start_lines(start: DuesStart) -> list[str]:
    """What a transfer in means for the dues (组通字〔2006〕45号), one sentence a line."""
    lines = [QCoreApplication.translate("MemberTexts", "Dues are owed here from {month}.").format(
        month=str(start.owes_from))]
    for code, months in start.findings:
        span = _months_text(months)
        if code is DuesFinding.PAID_UP_MISSING:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "The letter does not say up to which month dues are paid: they are owed here "
                "from the month of the transfer."))
        elif code is DuesFinding.BACK_DUES:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "{months} not paid at the former branch: owed here (back payment is limited "
                "to 6 months, 第十二条).").format(months=span))
        elif code is DuesFinding.GAP:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "{months} charged by no branch: check the letter or the setting of the month "
                "dues start.").format(months=span))
        else:
            lines.append(QCoreApplication.translate(
                "MemberTexts",
                "{months} paid at the former branch and charged again here.").format(
                months=span))
    return lines


def _months_text(months: tuple[Month, ...]) -> str:
    """``2025-04`` or ``2025-04 to 2025-05`` (``""`` for none)."""
    if len(months) <= 1:
        return "".join(str(m) for m in months)
    return QCoreApplication.translate("MemberTexts", "{first} to {last}").format(
        first=str(months[0]), last=str(months[-1]))
