"""Words for 考核评价 in the window and on the command line: the report's sections, the states
of the report, and the messages of its errors (``ui.common.messages`` hands them here).

The indicators' names and formulas are the report's own Chinese wording
(``app.domain.assessment``): the window shows them as the PDF prints them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.assessment import DEFINITIONS, Code
from app.errors import AssessmentSettingsError, AssessmentSubmittedError
from ui.common import member_texts
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "AssessmentTexts"

SECTIONS = {
    "situation": QT_TRANSLATE_NOOP("MemberTexts", "Basic situation"),
    "achievements": QT_TRANSLATE_NOOP("MemberTexts", "Main work and results"),
    "problems": QT_TRANSLATE_NOOP("MemberTexts", "Problems"),
    "plans": QT_TRANSLATE_NOOP("MemberTexts", "Plans for next year"),
}
member_texts.FIELD_LABELS.update(SECTIONS)

_SETTING_PROBLEMS = {
    "unknown_indicator": QT_TRANSLATE_NOOP(
        "AssessmentTexts", "there is no indicator “{indicator}” (no ranking or points of "
        "members: only the branch's own indicators)"),
    "duplicate_indicator": QT_TRANSLATE_NOOP(
        "AssessmentTexts", "the indicator “{indicator}” is listed twice"),
    "negative_weight": QT_TRANSLATE_NOOP(
        "AssessmentTexts", "the weight of “{indicator}” is negative"),
    "negative_target": QT_TRANSLATE_NOOP(
        "AssessmentTexts", "the target of “{indicator}” is negative"),
    "share_over_100": QT_TRANSLATE_NOOP(
        "AssessmentTexts", "the target of “{indicator}” is over 100%"),
    "not_a_number": QT_TRANSLATE_NOOP(
        "AssessmentTexts", "the target or weight of “{indicator}” is not a number"),
    "empty": QT_TRANSLATE_NOOP("AssessmentTexts", "no indicator is chosen"),
}


def section_label(key: str) -> str:
    return member_texts.field_label(key)


def indicator_name(code: str) -> str:
    """The indicator's Chinese name, or the code as given when there is no such indicator."""
    try:
        return DEFINITIONS[Code(code)].name
    except ValueError:
        return code


def error_message(error: AssessmentSettingsError | AssessmentSubmittedError) -> str:
    if isinstance(error, AssessmentSubmittedError):
        if error.submitted_on is None:
            return QCoreApplication.translate(
                "AssessmentTexts",
                "The {year} self-assessment was submitted and can no longer be changed.",
            ).format(year=error.year)
        return QCoreApplication.translate(
            "AssessmentTexts",
            "The {year} self-assessment was submitted on {date} and can no longer be changed.",
        ).format(year=error.year, date=error.submitted_on.isoformat())
    problem = QCoreApplication.translate(
        CONTEXT, _SETTING_PROBLEMS.get(error.problem, _SETTING_PROBLEMS["not_a_number"])
    ).format(indicator=indicator_name(error.indicator))
    return QCoreApplication.translate(
        "AssessmentTexts", "The assessment indicators were not saved: {problem}.",
    ).format(problem=problem)
