"""The words of a roster import report, shared by the command line and the import dialog.

Qt Core only (translations), so the command line can use it without loading widgets.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.domain.members import Severity
from app.services.roster import Action, ImportPlan, ImportProblem, ImportResult
from ui.common.member_texts import field_label, issue_text
from ui.common.tr_noop import QT_TRANSLATE_NOOP

CONTEXT = "RosterTexts"


def _tr(text: str) -> str:
    return QCoreApplication.translate("RosterTexts", text)


def reason(problem: ImportProblem) -> str:
    """What is wrong, without the place ("校验位不符…", "与第 5 行的身份证号相同")."""
    if problem.code == "duplicate_in_file" and problem.other_row is not None:
        return QCoreApplication.translate(
            "RosterTexts", "the same ID number is also in row {row}"
        ).format(row=problem.other_row)
    if problem.code == "unknown_column":
        return QCoreApplication.translate(
            "RosterTexts", "the column {header} is not known; it was ignored"
        ).format(header=problem.header)
    if problem.value and problem.code in _VALUE_TEXTS:
        return _tr(_VALUE_TEXTS[problem.code]).format(value=problem.value)
    text = _SPREADSHEET_TEXTS.get(problem.code)
    said = _tr(text) if text is not None else issue_text(problem.code)
    if problem.value:
        return QCoreApplication.translate("RosterTexts", "“{value}”: {problem}").format(
            value=problem.value, problem=said
        )
    return said




# Problems only a spreadsheet has (the others are worded in ui.common.member_texts).
_SPREADSHEET_TEXTS = {
    "ambiguous_month": QT_TRANSLATE_NOOP(
        "RosterTexts",
        "a number like 1990.1 may mean January or October: type the date as text, "
        "e.g. 1990.01 or 1990.10",
    ),
    "member_has_left": QT_TRANSLATE_NOOP(
        "RosterTexts",
        "this member has left the branch: the row updates the record but does not bring the "
        "member back",
    ),
}
# A cell that could not be read, named by its value ("“1985.13.01”不是日期").
_VALUE_TEXTS = {
    "not_a_date": QT_TRANSLATE_NOOP("RosterTexts", "“{value}” is not a date"),
    "not_a_number": QT_TRANSLATE_NOOP("RosterTexts", "“{value}” is not a number"),
    "unknown_value": QT_TRANSLATE_NOOP("RosterTexts", "“{value}” is not one of the allowed values"),
}
WORK_UNIT_AND_POST = QT_TRANSLATE_NOOP("RosterTexts", "Work unit and post")


def target_label(field: str) -> str:
    """A field the mapping step offers, in Chinese (including 工作单位及职务)."""
    if field == "work_unit_and_post":
        return _tr(WORK_UNIT_AND_POST)
    return field_label(field)


def field_name(problem: ImportProblem) -> str:
    return target_label(problem.field) if problem.field else ""


def severity_text(problem: ImportProblem) -> str:
    if problem.severity is Severity.ERROR:
        return QCoreApplication.translate("RosterTexts", "Error")
    return QCoreApplication.translate("RosterTexts", "Warning")


def problem_line(path: Path, problem: ImportProblem) -> str:
    """One line of the report: file, sheet, row, column (field): problem."""
    if problem.column and problem.field:
        text = QCoreApplication.translate(
            "RosterTexts",
            "File {file}, sheet {sheet}, row {row}, column {column} ({field}): {problem}",
        )
    elif problem.column:
        text = QCoreApplication.translate(
            "RosterTexts", "File {file}, sheet {sheet}, row {row}, column {column}: {problem}"
        )
    else:
        text = QCoreApplication.translate(
            "RosterTexts", "File {file}, sheet {sheet}, row {row} ({field}): {problem}"
        )
    line = text.format(
        file=path.name, sheet=problem.sheet, row=problem.row, column=problem.column,
        field=field_name(problem), problem=reason(problem),
    )
    if problem.severity is Severity.WARNING:
        return QCoreApplication.translate("RosterTexts", "Warning: {line}").format(line=line)
    return line


def plan_summary(plan: ImportPlan) -> str:
    """"N rows read: a new, b to update, c unchanged; e errors, w warnings". With errors nothing
    will be imported, so the counts say what a corrected file would do."""
    if plan.errors:
        text = QCoreApplication.translate("RosterTexts",
            "{rows} rows read: {errors} errors, {warnings} warnings. Once corrected, the import "
            "would add {created} members, update {updated} and leave {unchanged} unchanged.",
        )
    else:
        text = QCoreApplication.translate("RosterTexts",
            "{rows} rows read: {created} new, {updated} to update, {unchanged} unchanged; "
            "{errors} errors, {warnings} warnings.",
        )
    return text.format(
        rows=len(plan.rows), created=plan.count(Action.CREATE),
        updated=plan.count(Action.UPDATE), unchanged=plan.count(Action.UNCHANGED),
        errors=len(plan.errors), warnings=len(plan.warnings),
    )


def new_groups_text(plan: ImportPlan) -> str:
    if not plan.new_party_groups:
        return ""
    return QCoreApplication.translate("RosterTexts", "Party groups to be created: {names}").format(
        names=QCoreApplication.translate("RosterTexts", ", ").join(plan.new_party_groups)
    )


def refused_text(plan: ImportPlan) -> str:
    return QCoreApplication.translate(
        "RosterTexts",
        "Nothing was imported: correct the {errors} errors in {file} and import again.",
    ).format(errors=len(plan.errors), file=plan.path.name)


def result_text(result: ImportResult) -> str:
    return QCoreApplication.translate(
        "RosterTexts",
        "Imported: {created} new members, {updated} updated, {unchanged} unchanged.",
    ).format(created=result.created, updated=result.updated, unchanged=result.unchanged)


def dry_run_text() -> str:
    return QCoreApplication.translate("RosterTexts", "Dry run: nothing was written.")


def exported_text(count: int, path: Path) -> str:
    return QCoreApplication.translate(
        "RosterTexts", "The roster of {count} members was written to {file}."
    ).format(count=count, file=path)
