"""The words of the study record shared by the command line and the 学习教育 page: forms,
exemption reasons, and the report of a study-hours import (the roster import's wording where the
problem is the same).

Qt Core only (translations), so the command line can use it without loading widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.domain.members import Severity
from app.domain.study import ExemptReason, StudyForm, hours_text
from app.services.roster import ImportProblem
from app.services.study_import import HoursImportResult, HoursPlan
from ui.common import roster_texts

CONTEXT = "StudyTexts"


def _tr(text: str) -> str:
    return QCoreApplication.translate("StudyTexts", text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (which reads this name)."""
    return text


FORM_TEXTS = {
    StudyForm.COLLECTIVE: QT_TRANSLATE_NOOP("StudyTexts", "Collective study"),
    StudyForm.PARTY_LECTURE: QT_TRANSLATE_NOOP("StudyTexts", "Party lecture"),
    StudyForm.THEME_DAY: QT_TRANSLATE_NOOP("StudyTexts", "Theme party day"),
    StudyForm.TRAINING: QT_TRANSLATE_NOOP("StudyTexts", "Training course"),
    StudyForm.ONLINE: QT_TRANSLATE_NOOP("StudyTexts", "Online study"),
    StudyForm.OTHER: QT_TRANSLATE_NOOP("StudyTexts", "Other"),
}
EXEMPT_TEXTS = {
    ExemptReason.OLD: QT_TRANSLATE_NOOP("StudyTexts", "Old age"),
    ExemptReason.ILL: QT_TRANSLATE_NOOP("StudyTexts", "Illness"),
    ExemptReason.DISABLED: QT_TRANSLATE_NOOP("StudyTexts", "Disability"),
}
FIELD_TEXTS = {
    "name": QT_TRANSLATE_NOOP("StudyTexts", "Name"),
    "id_number": QT_TRANSLATE_NOOP("StudyTexts", "ID number"),
    "on_date": QT_TRANSLATE_NOOP("StudyTexts", "Date"),
    "topic": QT_TRANSLATE_NOOP("StudyTexts", "Course"),
    "hours": QT_TRANSLATE_NOOP("StudyTexts", "Hours"),
    "form": QT_TRANSLATE_NOOP("StudyTexts", "Form"),
    "organizer": QT_TRANSLATE_NOOP("StudyTexts", "Organizer"),
    "target": QT_TRANSLATE_NOOP("StudyTexts", "Target of members"),
    "committee_target": QT_TRANSLATE_NOOP("StudyTexts", "Target of the committee"),
    "per_hour": QT_TRANSLATE_NOOP("StudyTexts", "Hours per clock hour"),
    "half_day": QT_TRANSLATE_NOOP("StudyTexts", "A half day"),
    "full_day": QT_TRANSLATE_NOOP("StudyTexts", "A day"),
    "untimed_meeting": QT_TRANSLATE_NOOP("StudyTexts", "A meeting without times"),
    "full_day_from_minutes": QT_TRANSLATE_NOOP("StudyTexts", "A day from"),
}
PROBLEM_TEXTS = {
    "unknown_member": QT_TRANSLATE_NOOP("StudyTexts", "no member on the roll has it"),
    "name_ambiguous": QT_TRANSLATE_NOOP(
        "StudyTexts", "several members have this name: add the ID number"),
    "name_mismatch": QT_TRANSLATE_NOOP(
        "StudyTexts", "differs from the register (the ID number decides)"),
    "member_has_left": QT_TRANSLATE_NOOP(
        "StudyTexts", "this member is no longer in the branch: the row is left out"),
    "already_recorded": QT_TRANSLATE_NOOP(
        "StudyTexts", "this study is already in the record: the row is left out"),
    "not_hours": QT_TRANSLATE_NOOP("StudyTexts", "is not a number of hours"),
    "not_positive": QT_TRANSLATE_NOOP("StudyTexts", "must be more than 0"),
    "too_many_hours": QT_TRANSLATE_NOOP("StudyTexts", "is more than 500 hours"),
    "too_precise": QT_TRANSLATE_NOOP("StudyTexts", "has more than two decimals"),
    "entry_from_meeting": QT_TRANSLATE_NOOP(
        "StudyTexts", "comes from a meeting's attendance: change the attendance instead"),
    "not_after_half_day": QT_TRANSLATE_NOOP("StudyTexts", "must be longer than a half day"),
    "no_header": QT_TRANSLATE_NOOP(
        "StudyTexts",
        "no sheet has a header row naming the person (name or ID number), date, course and "
        "hours"),
}


def form_text(form: StudyForm) -> str:
    return _tr(FORM_TEXTS[form])


def exempt_text(reason: ExemptReason) -> str:
    return _tr(EXEMPT_TEXTS[reason])


def field_text(field: str) -> str:
    text = FIELD_TEXTS.get(field)
    return _tr(text) if text is not None else field


def hours(value: object) -> str:
    from decimal import Decimal

    return hours_text(value) if isinstance(value, Decimal) else str(value)


def reason(problem: ImportProblem) -> str:
    """What is wrong, without the place."""
    if problem.code == "same_study_in_file" and problem.other_row is not None:
        return QCoreApplication.translate(
            "StudyTexts", "the same study of the same member is also in row {row}"
        ).format(row=problem.other_row)
    text = PROBLEM_TEXTS.get(problem.code)
    if text is None:
        return roster_texts.reason(problem)
    said = _tr(text)
    if problem.value:
        return QCoreApplication.translate("StudyTexts", "“{value}”: {problem}").format(
            value=problem.value, problem=said)
    return said


def problem_line(path: Path, problem: ImportProblem) -> str:
    """One line of the report: file, sheet, row, column (field): problem."""
    if not problem.sheet:
        line = QCoreApplication.translate("StudyTexts", "File {file}: {problem}").format(
            file=path.name, problem=reason(problem))
    elif problem.column:
        line = QCoreApplication.translate(
            "StudyTexts", "File {file}, sheet {sheet}, row {row}, column {column} ({field}): "
            "{problem}",
        ).format(file=path.name, sheet=problem.sheet, row=problem.row, column=problem.column,
                 field=field_text(problem.field), problem=reason(problem))
    else:
        line = QCoreApplication.translate(
            "StudyTexts", "File {file}, sheet {sheet}, row {row}: {problem}"
        ).format(file=path.name, sheet=problem.sheet, row=problem.row, problem=reason(problem))
    if problem.severity is Severity.WARNING:
        return QCoreApplication.translate("StudyTexts", "Warning: {line}").format(line=line)
    return line


def plan_summary(plan: HoursPlan) -> str:
    if plan.errors:
        text = QCoreApplication.translate(
            "StudyTexts",
            "{read} rows read: {errors} errors, {warnings} warnings. Nothing is imported "
            "until the errors are corrected.",
        )
    else:
        text = QCoreApplication.translate(
            "StudyTexts",
            "{read} rows read: {rows} to import ({hours} hours), {already} already in the "
            "record; {warnings} warnings.",
        )
    return text.format(read=plan.read, rows=len(plan.rows), errors=len(plan.errors),
                       warnings=len(plan.warnings), hours=hours(plan.hours),
                       already=plan.already)


def refused_text(plan: HoursPlan) -> str:
    return QCoreApplication.translate(
        "StudyTexts",
        "Nothing was imported: correct the {errors} errors in {file} and import again.",
    ).format(errors=len(plan.errors), file=plan.path.name)


def result_text(result: HoursImportResult) -> str:
    return QCoreApplication.translate(
        "StudyTexts",
        "Imported: {applied} study entries ({hours} hours); {already} already in the record "
        "were left out.",
    ).format(applied=result.applied, hours=hours(result.hours), already=result.already)


def input_problems(problems: list[tuple[str, str]]) -> str:
    """An entry's problems (field, code) as one line: "学时：小数超过两位；课程：必填"."""
    from ui.common.member_texts import issue_text

    said = []
    for field, code in problems:
        text = PROBLEM_TEXTS.get(code)
        said.append(QCoreApplication.translate("StudyTexts", "{field}: {problem}").format(
            field=field_text(field), problem=_tr(text) if text is not None else issue_text(code)))
    return QCoreApplication.translate("StudyTexts", "; ").join(said)
