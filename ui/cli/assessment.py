"""``assessment --year Y FILE.pdf``: the branch's annual self-assessment (党支部年度工作情况) as a
PDF: the year's indicators counted from the records, and the sections written in the window
(a draft's figures as of today; a submitted report's as submitted)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.workspace import Workspace
from ui.cli.console import Console, Parser, file_metavar, unlock, year_argument


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    translate = QCoreApplication.translate
    text = translate(
        "Cli", "write a year's self-assessment of the branch (党支部年度工作情况: the "
               "indicators counted from the records and the sections written) to a PDF")
    command = commands.add_parser("assessment", help=text, description=text)
    command.add_argument("--year", type=year_argument, required=True,
                         metavar=translate("Cli", "YEAR"),
                         help=translate("Cli", "the year assessed"))
    command.add_argument("file", type=Path, metavar=file_metavar(),
                         help=translate("Cli", "the PDF to write"))


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import assessment_report

    unlock(workspace, io)
    target = args.file.resolve()
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    today = date.today()
    with workspace.unit_of_work() as uow:
        report, _pages = assessment_report.export(uow, args.year, target, today)
        uow.commit()
    met = sum(1 for f in report.figures if f.met)
    counted = sum(1 for f in report.figures if f.met is not None)
    io.say(QCoreApplication.translate(
        "Cli", "The self-assessment of {year} ({met} of {counted} indicators met) was written "
               "to {file}.").format(year=args.year, met=met, counted=counted, file=target))
