"""The command line of the 谈心谈话 and 整改 record books (issue 16):

    python main.py talks report --year Y FILE.xlsx
    python main.py rectification report --year Y FILE.xlsx|FILE.pdf

``add_commands`` declares the two groups; ``COMMANDS`` runs them (in an unlocked workspace)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.workspace import Workspace
from ui.cli.console import (
    Command,
    Console,
    Parser,
    command_group,
    file_metavar,
    unlock,
    year_argument,
)


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    """``talks report`` and ``rectification report``."""
    translate = QCoreApplication.translate
    for name, help_text, report_help, file_help in (
        ("talks",
         translate("Cli", "heart-to-heart talks (谈心谈话) and their coverage"),
         translate("Cli", "write a year's talks and the pairs not yet covered "
                          "(支部工作条例 第19条) to a workbook"),
         translate("Cli", "the workbook (.xlsx) to write")),
        ("rectification",
         translate("Cli", "rectification (整改) after organizational life meetings"),
         translate("Cli", "write a year's rectification ledger (整改台账), with the open "
                          "items of earlier years, to a workbook, or to a printable PDF when "
                          "the file ends in .pdf"),
         translate("Cli", "the workbook (.xlsx) or PDF (.pdf) to write")),
    ):
        actions = command_group(commands, name, help_text, dest=f"{name}_command")
        report = actions.add_parser("report", help=report_help)
        report.add_argument("--year", type=year_argument, required=True,
                            metavar=translate("Cli", "YEAR"),
                            help=translate("Cli", "the year of the report"))
        report.add_argument("file", type=Path, metavar=file_metavar(), help=file_help)


def _talks(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import talks

    unlock(workspace, io)
    target = args.file.resolve()
    with workspace.unit_of_work() as uow:
        count = talks.write_report(uow, args.year, target)
        coverage = talks.coverage(uow, args.year)
        uow.commit()
    io.say(QCoreApplication.translate(
        "Cli", "{count} talks of {year} were written to {file}.").format(
        count=count, year=args.year, file=target))
    if coverage.missing:
        io.say(QCoreApplication.translate(
            "Cli", "{missing} of {required} pairs have not talked yet in {year} "
                   "(支部工作条例 第19条).").format(
            missing=len(coverage.missing), required=coverage.required, year=args.year))


def _rectification(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import rectification

    unlock(workspace, io)
    target = args.file.resolve()
    today = date.today()
    with workspace.unit_of_work() as uow:
        count = rectification.write_ledger(uow, args.year, today, target)
        overdue = len(rectification.overdue(uow, today))
        uow.commit()
    io.say(QCoreApplication.translate(
        "Cli", "The rectification ledger of {year} ({count} items) was written to {file}."
    ).format(year=args.year, count=count, file=target))
    if overdue:
        io.say(QCoreApplication.translate(
            "Cli", "{count} items are past their deadline and not done.").format(count=overdue))


COMMANDS: dict[str, Command] = {"talks": _talks, "rectification": _rectification}
