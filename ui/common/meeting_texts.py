"""Chinese words of organizational life (meetings): field labels, problem codes and code lists,
worded once for the editor, the list and 工作台. ``member_texts`` merges them into its tables and
translates them (context ``MemberTexts``)."""

from __future__ import annotations

import enum

from app.domain.branch import BranchKind
from app.domain.development import Decision
from app.domain.meetings import Frequency, MeetingType
from app.services.meetings import Attendance
from ui.common.tr_noop import QT_TRANSLATE_NOOP

FIELD_LABELS: dict[str, str] = {
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
    "member_id": QT_TRANSLATE_NOOP("MemberTexts", "Person decided on"),
}

ISSUE_TEXTS: dict[str, str] = {
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
        "MemberTexts", "more votes than voting members present or with a written opinion"
    ),
    "written_exceed_absent": QT_TRANSLATE_NOOP(
        "MemberTexts", "more written opinions than voting members absent"
    ),
    "unknown_member": QT_TRANSLATE_NOOP("MemberTexts", "is not on the register"),
    "inconsistent_result": QT_TRANSLATE_NOOP("MemberTexts", "the result does not match the counts"),
}

ENUM_TEXTS: dict[enum.Enum, str] = {
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
    Attendance.WRITTEN: QT_TRANSLATE_NOOP("MemberTexts", "Absent, written opinion"),
    Decision.ADMISSION: QT_TRANSLATE_NOOP("MemberTexts", "Admission as probationary member"),
    Decision.FULL_MEMBERSHIP: QT_TRANSLATE_NOOP("MemberTexts", "Full membership"),
    Decision.EXTENSION: QT_TRANSLATE_NOOP("MemberTexts", "Extension of probation"),
    Decision.CANCELLATION: QT_TRANSLATE_NOOP(
        "MemberTexts", "Cancellation of probationary membership"
    ),
    BranchKind.GENERAL: QT_TRANSLATE_NOOP("MemberTexts", "Other branch (term of 3 years)"),
    BranchKind.VILLAGE: QT_TRANSLATE_NOOP("MemberTexts", "Village branch (term of 5 years)"),
    BranchKind.COMMUNITY: QT_TRANSLATE_NOOP("MemberTexts", "Community branch (term of 5 years)"),
}
