"""The words of the 谈心谈话 book: kinds, pair kinds, and its fields and problems in the shared
vocabulary of error messages (``member_texts.describe_problem``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.talks import PairKind, TalkKind
from ui.common import member_texts
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "TalkTexts"

_KINDS = {
    TalkKind.HEART_TO_HEART: QT_TRANSLATE_NOOP("TalkTexts", "Heart-to-heart talk"),
    TalkKind.REMINDER: QT_TRANSLATE_NOOP("TalkTexts", "Reminder talk"),
}
_PAIRS = {
    PairKind.COMMITTEE: QT_TRANSLATE_NOOP("TalkTexts", "Committee members with each other"),
    PairKind.COMMITTEE_MEMBER: QT_TRANSLATE_NOOP("TalkTexts", "Committee member with member"),
}

member_texts.FIELD_LABELS.update({
    "people": QT_TRANSLATE_NOOP("MemberTexts", "People in the talk"),
    "topic": QT_TRANSLATE_NOOP("MemberTexts", "Topic"),
})
member_texts.ISSUE_TEXTS.update({
    "two_people_needed": QT_TRANSLATE_NOOP(
        "MemberTexts", "choose at least two people (a talk is between people)"),
    "unknown_member": QT_TRANSLATE_NOOP("MemberTexts", "a member is no longer on the list"),
})


def kind_label(kind: TalkKind) -> str:
    return QCoreApplication.translate(CONTEXT, _KINDS[kind])


def pair_label(kind: PairKind) -> str:
    return QCoreApplication.translate(CONTEXT, _PAIRS[kind])
