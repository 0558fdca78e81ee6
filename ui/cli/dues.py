"""``dues ledger``: a year's dues ledger, arrears list and remittance record in a workbook; the
terms of a member's dues (relief, quarterly, category, settings...) are in ``ui.cli.dues_terms``."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.workspace import Workspace
from ui.cli import dues_terms
from ui.cli.console import Console, Parser, command_group, file_metavar, unlock, year_argument


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    dues_commands = command_group(
        commands,
        "dues",
        QCoreApplication.translate(
            "Cli", "party dues (党费): reports, reliefs, quarterly payers, categories, settings"),
        dest="dues_command",
    )
    ledger = dues_commands.add_parser(
        "ledger",
        help=QCoreApplication.translate(
            "Cli",
            "write a year's dues ledger (every member, 12 months), arrears list and "
            "remittance record to a workbook",
        ),
    )
    ledger.add_argument(
        "--year",
        type=year_argument,
        required=True,
        metavar=QCoreApplication.translate("Cli", "YEAR"),
        help=QCoreApplication.translate("Cli", "the year of the ledger"),
    )
    ledger.add_argument(
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the workbook (.xlsx) to write")
    )
    dues_terms.add_commands(dues_commands)


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    if args.dues_command in dues_terms.COMMANDS:
        dues_terms.run(args, workspace, io, lambda: unlock(workspace, io))
        return
    {"ledger": _ledger}[args.dues_command](args, workspace, io)


def _ledger(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import dues_reports

    unlock(workspace, io)
    target = args.file.resolve()
    with workspace.unit_of_work() as uow:
        result = dues_reports.export_year(uow, args.year, target, date.today())
        uow.commit()
    io.say(
        QCoreApplication.translate(
            "Cli",
            "The dues ledger of {year} ({members} members; due {due} yuan, paid {paid} yuan, "
            "unpaid {unpaid} yuan) was written to {file}.",
        ).format(
            year=args.year,
            members=result.members,
            due=f"{result.totals.due:,.2f}",
            paid=f"{result.totals.paid:,.2f}",
            unpaid=f"{result.totals.outstanding:,.2f}",
            file=target,
        )
    )
    if result.arrears:
        io.say(
            QCoreApplication.translate(
                "Cli", "{count} members have 3 or more consecutive unpaid months (第十三条)."
            ).format(count=result.arrears)
        )
