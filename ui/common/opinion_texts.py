"""Chinese words for the 意见建议 register: its code lists (context ``OpinionTexts``), and the
labels of its fields and problems, which ``member_texts`` merges into its tables (context
``MemberTexts``) for the shared error message."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from app.domain.opinions import Category, Channel, Status
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "OpinionTexts"

_ENUM_TEXTS: dict[enum.Enum, str] = {
    Channel.MEETING: QT_TRANSLATE_NOOP("OpinionTexts", "Meeting"),
    Channel.IN_PERSON: QT_TRANSLATE_NOOP("OpinionTexts", "In person"),
    Channel.WRITTEN: QT_TRANSLATE_NOOP("OpinionTexts", "In writing"),
    Channel.PLATFORM: QT_TRANSLATE_NOOP("OpinionTexts", "City platform"),
    Category.BUSINESS: QT_TRANSLATE_NOOP("OpinionTexts", "Business work"),
    Category.PARTY_BUILDING: QT_TRANSLATE_NOOP("OpinionTexts", "Party building"),
    Category.CONDUCT: QT_TRANSLATE_NOOP("OpinionTexts", "Work style"),
    Category.OTHER: QT_TRANSLATE_NOOP("OpinionTexts", "Other"),
    Status.PENDING: QT_TRANSLATE_NOOP("OpinionTexts", "Pending"),
    Status.FORWARDED: QT_TRANSLATE_NOOP("OpinionTexts", "Forwarded"),
    Status.ANSWERED: QT_TRANSLATE_NOOP("OpinionTexts", "Answered"),
    Status.IMPLEMENTED: QT_TRANSLATE_NOOP("OpinionTexts", "Implemented"),
    Status.DECLINED: QT_TRANSLATE_NOOP("OpinionTexts", "Not adopted"),
}

# The services' field names and problem codes, worded for the shared error message.
FIELD_LABELS: dict[str, str] = {
    "content": QT_TRANSLATE_NOOP("MemberTexts", "Content"),
    "received_on": QT_TRANSLATE_NOOP("MemberTexts", "Date"),
    "proposer_name": QT_TRANSLATE_NOOP("MemberTexts", "Proposer"),
    "forwarded_to": QT_TRANSLATE_NOOP("MemberTexts", "Unit"),
    "forwarded_on": QT_TRANSLATE_NOOP("MemberTexts", "Date forwarded"),
    "reply": QT_TRANSLATE_NOOP("MemberTexts", "Reply"),
    "measures": QT_TRANSLATE_NOOP("MemberTexts", "Measures"),
    "answered_on": QT_TRANSLATE_NOOP("MemberTexts", "Date answered"),
    "decline_reason": QT_TRANSLATE_NOOP("MemberTexts", "Reason for not adopting"),
    "feedback_on": QT_TRANSLATE_NOOP("MemberTexts", "Date of feedback"),
    "units": QT_TRANSLATE_NOOP("MemberTexts", "Units"),
    "time_limits": QT_TRANSLATE_NOOP("MemberTexts", "Time limits"),
    "contact": QT_TRANSLATE_NOOP("MemberTexts", "Discipline committee contact"),
    "reference": QT_TRANSLATE_NOOP("MemberTexts", "Reference number"),
}
ISSUE_TEXTS: dict[str, str] = {
    "before_received": QT_TRANSLATE_NOOP("MemberTexts", "is before the date received"),
    "before_answer": QT_TRANSLATE_NOOP("MemberTexts", "is before the date answered"),
    "not_answered": QT_TRANSLATE_NOOP("MemberTexts", "record the answer first"),
    "not_forwarded": QT_TRANSLATE_NOOP("MemberTexts", "forward the entry to a unit first"),
    "unknown": QT_TRANSLATE_NOOP("MemberTexts", "no longer exists"),
}


def label(value: enum.Enum) -> str:
    text = _ENUM_TEXTS.get(value)
    return QCoreApplication.translate(CONTEXT, text) if text is not None else str(value.value)
