"""``opinions report``: a year's 意见建议 register and its summary in a workbook (reports of
misconduct handed to the 纪委 are only counted)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.workspace import Workspace
from ui.cli.console import Console, Parser, command_group, file_metavar, unlock
from ui.cli.console import year_argument as year_value


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    group = command_group(
        commands,
        "opinions",
        QCoreApplication.translate("Cli", "members' opinions and suggestions (意见建议)"),
        dest="opinions_command",
    )
    report = group.add_parser(
        "report",
        help=QCoreApplication.translate(
            "Cli", "write a year's register of opinions and its summary by category and "
            "status to a workbook",
        ),
    )
    report.add_argument(
        "--year", type=year_value, required=True,
        metavar=QCoreApplication.translate("Cli", "YEAR"),
        help=QCoreApplication.translate("Cli", "the year of the register"),
    )
    report.add_argument(
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the workbook (.xlsx) to write"),
    )


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    {"report": _report}[args.opinions_command](args, workspace, io)


def _report(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import opinion_documents

    unlock(workspace, io)
    target = args.file.resolve()
    with workspace.unit_of_work() as uow:
        result = opinion_documents.export_year(uow, args.year, target, date.today())
        uow.commit()
    io.say(
        QCoreApplication.translate(
            "Cli",
            "The register of opinions of {year} ({count} entries; {handed} reports handed to "
            "the discipline committee, counted only) was written to {file}.",
        ).format(year=args.year, count=result.opinions, handed=result.misconduct, file=target)
    )
