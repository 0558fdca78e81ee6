"""``study report --year Y FILE`` (the year's study table, xlsx or PDF) and ``study import FILE``
(study hours from a workbook, all or nothing)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

from app.services.workspace import Workspace
from ui.cli.console import (
    CommandFailedError,
    Console,
    Parser,
    command_group,
    file_metavar,
    unlock,
    year_argument,
)


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    """``study report`` and ``study import`` under ``commands``."""
    translate = QCoreApplication.translate
    study_commands = command_group(
        commands, "study",
        translate("Cli", "study record (党员学习教育): the year's table, import of hours"),
        dest="study_command",
    )
    report = study_commands.add_parser(
        "report",
        help=translate(
            "Cli",
            "write the year's study table (every member's hours against the target) to a "
            "workbook (.xlsx) or a printable PDF (.pdf)",
        ),
    )
    report.add_argument("--year", type=year_argument, required=True,
                        metavar=translate("Cli", "YEAR"),
                        help=translate("Cli", "the year of the table"))
    report.add_argument("file", type=Path, metavar=file_metavar(),
                        help=translate("Cli", "the file to write (.xlsx, or .pdf to print)"))
    hours = study_commands.add_parser(
        "import",
        help=translate(
            "Cli",
            "import study hours from a workbook (name or ID number, date, course, hours): "
            "all rows or none",
        ),
    )
    hours.add_argument("file", type=Path, metavar=file_metavar(),
                       help=translate("Cli", "the workbook (.xlsx) to read"))
    hours.add_argument("--dry-run", action="store_true",
                       help=translate("Cli", "check the file and report, without importing"))


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    unlock(workspace, io)
    if args.study_command == "report":
        _report(args, workspace, io)
    else:
        _import(args, workspace, io)


def _report(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import study_reports

    path = args.file.resolve()
    if path.suffix.lower() not in (".xlsx", ".pdf"):
        path = path.with_name(path.name + ".xlsx")
    with workspace.unit_of_work() as uow:
        if path.suffix.lower() == ".pdf":
            result = study_reports.export_pdf(uow, args.year, path, date.today())
        else:
            result = study_reports.export_workbook(uow, args.year, path, date.today())
        uow.commit()
    summary = result.summary
    io.say(QCoreApplication.translate(
        "Cli",
        "The study table of {year} ({members} members, {hours} hours; {reached} of "
        "{with_target} reached the target) was written to {file}."
    ).format(year=args.year, members=summary.members, hours=_hours(summary.total),
             reached=summary.reached, with_target=summary.with_target, file=path))


def _import(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import study_import
    from ui.common import study_texts

    path = args.file.resolve()
    today = date.today()
    with workspace.unit_of_work(read_only=True) as uow:
        plan = study_import.plan_hours_import(uow, path, today)
    for problem in plan.problems:
        io.say(study_texts.problem_line(path, problem))
    io.say(study_texts.plan_summary(plan))
    if plan.has_errors:
        print(study_texts.refused_text(plan), file=io.stderr)
        raise CommandFailedError()
    if args.dry_run:
        io.say(QCoreApplication.translate("Cli", "Checked only (--dry-run): nothing was imported."))
        return
    with workspace.unit_of_work() as uow:
        result = study_import.apply_hours_import(uow, plan)
        uow.commit()
    io.say(study_texts.result_text(result))


def _hours(value: Any) -> str:
    from app.domain.study import hours_text

    return hours_text(value)
