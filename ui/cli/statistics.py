"""``stats --year Y [--as-of DATE] FILE`` (the annual statistics, 党内统计: xlsx or PDF)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.services.workspace import Workspace
from ui.cli.console import (
    CommandFailedError,
    Console,
    Parser,
    date_argument,
    file_metavar,
    unlock,
    year_argument,
)


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    translate = QCoreApplication.translate
    stats = commands.add_parser(
        "stats",
        help=translate(
            "Cli",
            "write the year's party statistics (党内统计: the tables, the balance check and "
            "the gaps) to a workbook (.xlsx) or a printable PDF (.pdf)",
        ),
    )
    stats.add_argument("--year", type=year_argument, required=True,
                       metavar=translate("Cli", "YEAR"),
                       help=translate("Cli", "the year of the statistics"))
    stats.add_argument("--as-of", type=date_argument, default=None, dest="as_of",
                       metavar=translate("Cli", "DATE"),
                       help=translate("Cli", "the reference date (default: 31 December of "
                                             "the year)"))
    stats.add_argument("file", type=Path, metavar=file_metavar(),
                       help=translate("Cli", "the file to write (.xlsx, or .pdf to print)"))


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import statistics, statistics_export

    translate = QCoreApplication.translate
    if args.as_of is not None and args.as_of.year != args.year:
        print(translate("Cli", "The reference date {date} is not in {year}.").format(
            date=args.as_of.isoformat(), year=args.year), file=io.stderr)
        raise CommandFailedError()
    unlock(workspace, io)
    path = args.file.resolve()
    if path.suffix.lower() not in (".xlsx", ".pdf"):
        path = path.with_name(path.name + ".xlsx")
    with workspace.unit_of_work() as uow:
        report = statistics.make_report(uow, args.year, args.as_of)
        if path.suffix.lower() == ".pdf":
            statistics_export.export_pdf(uow, report, path, date.today())
        else:
            statistics_export.export_workbook(uow, report, path, date.today())
        uow.commit()
    io.say(translate(
        "Cli",
        "The statistics of {year} (as of {date}: {members} members) were written to {file}.",
    ).format(year=args.year, date=report.as_of.isoformat(),
             members=report.table("basic").cell("合计", "党员总数"), file=path))
    if report.gaps:
        io.say(translate("Cli", "{count} gaps in the records (counted as not filled in); "
                                "see the sheet 校验.").format(count=len(report.gaps)))
    if not report.balanced:
        print(translate("Cli", "The balance check failed for {count} members; see the sheet "
                               "校验.").format(count=len(report.errors)), file=io.stderr)
        raise CommandFailedError()
