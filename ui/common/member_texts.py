"""Chinese words for the member register: field labels, code-list values and problem codes.

One place, shared by the member form, the member list, the roster import report (window and
command line) and printed documents, so a field is called the same everywhere. Texts are marked
with QT_TRANSLATE_NOOP and translated when asked for (the translator is installed by then).
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from app.domain.development import DeadlineKind, Stage
from app.domain.dues import PersonCategory
from app.domain.id_numbers import Gender, IdType
from app.domain.members import (
    BranchPost,
    Classification,
    EventKind,
    FlowDirection,
    Issue,
    MembershipStatus,
)
from ui.common import meeting_texts, opinion_texts, transfer_texts
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "MemberTexts"




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
    "occupation": QT_TRANSLATE_NOOP("MemberTexts", "Occupation"),
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
    "year": QT_TRANSLATE_NOOP("MemberTexts", "Year"),
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
    "no_appraisal": QT_TRANSLATE_NOOP("MemberTexts", "no 民主评议 grade is recorded for it"),
    "not_candidate_or_probationary": QT_TRANSLATE_NOOP(
        "MemberTexts", "is neither a 发展对象 nor a 预备党员"
    ),
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
        "MemberTexts",
        "a residence permit number starts with 810000, 820000 or 830000; a foreigner's "
        "permanent residence ID card number starts with 9",
    ),
    "residence_permit_number": QT_TRANSLATE_NOOP(
        "MemberTexts",
        "starts with 81, 82 or 83: this is the number of a residence permit for HK, Macao and "
        "Taiwan residents; choose that ID document",
    ),
    "foreign_permit_number": QT_TRANSLATE_NOOP(
        "MemberTexts",
        "starts with 9: this is the number of a foreigner's permanent residence ID card; "
        "choose that ID document",
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
    "full_membership_late": QT_TRANSLATE_NOOP(
        "MemberTexts",
        "discussed after the probation ended: the branch should discuss it on time; the years "
        "of membership still count from the end of probation",
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
    IdType.FOREIGN_PERMANENT_RESIDENT: QT_TRANSLATE_NOOP(
        "MemberTexts", "Foreigner's permanent residence ID card"
    ),
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
    EventKind.APPRAISAL: QT_TRANSLATE_NOOP("MemberTexts", "Democratic appraisal"),
    DeadlineKind.TALK_DUE: QT_TRANSLATE_NOOP("MemberTexts", "Talk with the applicant due"),
    DeadlineKind.REVIEW_DUE: QT_TRANSLATE_NOOP("MemberTexts", "Half-yearly review due"),
    DeadlineKind.APPROVAL_DUE: QT_TRANSLATE_NOOP("MemberTexts", "Committee approval due"),
    DeadlineKind.PROBATION_ENDS: QT_TRANSLATE_NOOP("MemberTexts", "Probation ends"),
    DeadlineKind.FULL_MEMBERSHIP_OVERDUE: QT_TRANSLATE_NOOP(
        "MemberTexts", "Probation ended, full membership not yet discussed"
    ),
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


# Meetings', transfers' and opinions' words live beside, in the same tables (one place to look a
# code up).
FIELD_LABELS.update(
    meeting_texts.FIELD_LABELS | transfer_texts.FIELD_LABELS | opinion_texts.FIELD_LABELS)
ISSUE_TEXTS.update(
    meeting_texts.ISSUE_TEXTS | transfer_texts.ISSUE_TEXTS | opinion_texts.ISSUE_TEXTS)
_ENUM_TEXTS.update(meeting_texts.ENUM_TEXTS | transfer_texts.ENUM_TEXTS)


def describe_problem(field: str, code: str) -> str:
    """"<field label>: <problem>" for a problem the services reported about ``field``."""
    return QCoreApplication.translate("MemberTexts", "{field}: {problem}").format(
        field=field_label(field), problem=issue_text(code)
    )
