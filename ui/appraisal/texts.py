"""The window's words for 民主评议党员: grades, handling, 第31条 grounds and the problems the
service reports (English source, Chinese through Qt translations)."""

from __future__ import annotations

import enum

from PySide6.QtCore import QCoreApplication

from app.domain.appraisal import Decider, Grade, Handling, StrikeOffGround
from app.domain.members import Classification
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "AppraisalTexts"

_LABELS: dict[enum.Enum, str] = {
    Grade.NONE: QT_TRANSLATE_NOOP("AppraisalTexts", "Not decided"),
    Grade.EXCELLENT: QT_TRANSLATE_NOOP("AppraisalTexts", "Excellent"),
    Grade.QUALIFIED: QT_TRANSLATE_NOOP("AppraisalTexts", "Qualified"),
    Grade.BASIC: QT_TRANSLATE_NOOP("AppraisalTexts", "Basically qualified"),
    Grade.UNQUALIFIED: QT_TRANSLATE_NOOP("AppraisalTexts", "Unqualified"),
    Decider.NONE: QT_TRANSLATE_NOOP("AppraisalTexts", "Not yet"),
    Decider.COMMITTEE: QT_TRANSLATE_NOOP("AppraisalTexts", "Branch committee"),
    Decider.ASSEMBLY: QT_TRANSLATE_NOOP("AppraisalTexts", "General meeting of members"),
    Handling.NONE: QT_TRANSLATE_NOOP("AppraisalTexts", "Education (no handling yet)"),
    Handling.CORRECTION: QT_TRANSLATE_NOOP("AppraisalTexts", "Correction within a time limit"),
    Handling.PERSUADE: QT_TRANSLATE_NOOP("AppraisalTexts", "Persuade to leave the Party"),
    Handling.STRIKE_OFF: QT_TRANSLATE_NOOP("AppraisalTexts", "Strike off the roll"),
    StrikeOffGround.NONE: QT_TRANSLATE_NOOP("AppraisalTexts", "(choose the ground)"),
    StrikeOffGround.LOST_CONVICTION: QT_TRANSLATE_NOOP(
        "AppraisalTexts", "(1) Lost ideals and conviction, no longer meets the conditions"),
    StrikeOffGround.RELIGION: QT_TRANSLATE_NOOP(
        "AppraisalTexts", "(2) Holds a religious belief, unchanged after education"),
    StrikeOffGround.DEGENERATE_QUIT: QT_TRANSLATE_NOOP(
        "AppraisalTexts", "(3) Insists on leaving after ideological degeneration"),
    StrikeOffGround.QUIT_AS_THREAT: QT_TRANSLATE_NOOP(
        "AppraisalTexts", "(4) Threatens to leave for personal ends, unchanged"),
    StrikeOffGround.CORRECTION_FAILED: QT_TRANSLATE_NOOP(
        "AppraisalTexts", "(5) No change when the correction period ended"),
    StrikeOffGround.SIX_MONTHS_ABSENT: QT_TRANSLATE_NOOP(
        "AppraisalTexts", "(6) Six months without organizational life, dues or assigned work"),
    Classification.PUBLIC: QT_TRANSLATE_NOOP("AppraisalTexts", "Public"),
    Classification.INTERNAL: QT_TRANSLATE_NOOP("AppraisalTexts", "Internal"),
    Classification.SECRET: QT_TRANSLATE_NOOP("AppraisalTexts", "Secret"),
}

_PROBLEMS: dict[tuple[str, str], str] = {
    ("grade", "probationary_no_grade"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "A probationary member takes part without a grade (Article 18)."),
    ("grade", "excellent_over_limit"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Excellent may go to at most a third of the full members."),
    ("decided_by", "required"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Say who decided the grade (committee or general meeting)."),
    ("decided_on", "required"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Enter the date the grade was decided."),
    ("handling", "only_unqualified"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "A handling is only for an unqualified member (Article 30)."),
    ("correction_until", "required"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Enter the date the correction period ends (Article 30)."),
    ("correction_until", "before_decision"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "The correction period must end after the decision."),
    ("correction_until", "over_one_year"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "The correction period is at most one year (Article 30)."),
    ("meeting_on", "required"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Enter the date of the general meeting that decided it."),
    ("in_favour", "vote_invalid"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Enter the members entitled to vote and the votes in favour."),
    ("in_favour", "vote_not_passed"): QT_TRANSLATE_NOOP(
        "AppraisalTexts",
        "The vote did not pass: it needs more than half of the members entitled to vote."),
    ("approved_on", "before_meeting"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "The approval cannot be before the general meeting."),
    ("ground", "required"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Choose the ground for striking off (Article 31)."),
    ("votes", "negative"): QT_TRANSLATE_NOOP("AppraisalTexts", "Vote counts cannot be negative."),
    ("member", "not_a_member"): QT_TRANSLATE_NOOP(
        "AppraisalTexts", "Only full and probationary members are appraised."),
}


def label(value: enum.Enum) -> str:
    text = _LABELS.get(value)
    return QCoreApplication.translate(CONTEXT, text) if text is not None else str(value.value)


def problem_text(field: str, code: str) -> str:
    text = _PROBLEMS.get((field, code))
    if text is None:
        return f"{field}: {code}"
    return QCoreApplication.translate(CONTEXT, text)
