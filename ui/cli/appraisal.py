"""``appraisal report``: a year's 民主评议党员 result table as a workbook (or a PDF)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.workspace import Workspace
from ui.cli.console import Console, Parser, command_group, file_metavar, unlock, year_argument


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    group = command_group(
        commands,
        "appraisal",
        QCoreApplication.translate("Cli", "democratic appraisal of members (民主评议党员)"),
        dest="appraisal_command",
    )
    report = group.add_parser(
        "report",
        help=QCoreApplication.translate(
            "Cli",
            "write a year's appraisal result table (every member's grade and handling) to a "
            "workbook, or to a PDF when the file ends in .pdf",
        ),
    )
    report.add_argument(
        "--year",
        type=year_argument,
        required=True,
        metavar=QCoreApplication.translate("Cli", "YEAR"),
        help=QCoreApplication.translate("Cli", "the year of the appraisal"),
    )
    report.add_argument(
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the workbook (.xlsx) or PDF to write"),
    )


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    {"report": _report}[args.appraisal_command](args, workspace, io)


def _report(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.domain.appraisal import Grade
    from app.services import appraisal

    unlock(workspace, io)
    target = args.file.resolve()
    with workspace.unit_of_work() as uow:
        if target.suffix.lower() == ".pdf":
            appraisal.export_pdf(uow, args.year, target, date.today())
            found = appraisal.report(uow, args.year, date.today())
        else:
            if target.suffix.lower() != ".xlsx":
                target = target.with_name(target.name + ".xlsx")
            found = appraisal.export_xlsx(uow, args.year, target, date.today())
        uow.commit()
    io.say(
        QCoreApplication.translate(
            "Cli",
            "The appraisal of {year} ({members} members; excellent {excellent}, qualified "
            "{qualified}, basically qualified {basic}, unqualified {unqualified}) was written "
            "to {file}.",
        ).format(
            year=args.year, members=len(found.entries),
            excellent=found.count(Grade.EXCELLENT), qualified=found.count(Grade.QUALIFIED),
            basic=found.count(Grade.BASIC), unqualified=found.count(Grade.UNQUALIFIED),
            file=target,
        )
    )
