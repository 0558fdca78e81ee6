"""``disclosures list``, ``disclosures print`` and ``disclosures report``: 党务公开 items, a
printed 公示 notice (PDF) and the year's register (xlsx)."""

from __future__ import annotations

import argparse
from pathlib import Path

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
    group = command_group(
        commands,
        "disclosures",
        QCoreApplication.translate("Cli", "party-affairs disclosure (党务公开)"),
        dest="disclosures_command",
    )
    listing = group.add_parser(
        "list",
        help=QCoreApplication.translate(
            "Cli", "list the items (id, disclosure period, step, title), latest first"
        ),
    )
    listing.add_argument(
        "--year", type=year_argument, metavar=QCoreApplication.translate("Cli", "YEAR"),
        help=QCoreApplication.translate("Cli", "only the items whose period starts in this year"),
    )
    printing = group.add_parser(
        "print", help=QCoreApplication.translate("Cli", "write an item's printed notice as a PDF")
    )
    printing.add_argument(
        "item_id", metavar=QCoreApplication.translate("Cli", "ID"),
        help=QCoreApplication.translate("Cli", "the item's id (\"disclosures list\" shows it)"),
    )
    printing.add_argument(
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the PDF file to write"),
    )
    report = group.add_parser(
        "report",
        help=QCoreApplication.translate("Cli", "write the year's register of items to a workbook"),
    )
    report.add_argument(
        "--year", type=year_argument, required=True,
        metavar=QCoreApplication.translate("Cli", "YEAR"),
        help=QCoreApplication.translate("Cli", "the year of the register"),
    )
    report.add_argument(
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the workbook (.xlsx) to write"),
    )


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    {"list": _list, "print": _print, "report": _report}[args.disclosures_command](
        args, workspace, io
    )


def _list(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import disclosures
    from ui.common.disclosure_texts import status_label

    unlock(workspace, io)
    with workspace.unit_of_work() as uow:
        items = disclosures.list_items(uow, args.year)
    for item in items:
        period = f"{item.data.start_on.isoformat()}~{item.data.end_on.isoformat()}"
        io.say("\t".join((item.id, period, status_label(item.status), item.data.title)))
    if not items:
        print(QCoreApplication.translate("Cli", "No disclosure items are recorded."),
              file=io.stderr)


def _print(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.errors import RecordNotFoundError
    from app.services import disclosures

    unlock(workspace, io)
    path = args.file.resolve()
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    with workspace.unit_of_work() as uow:
        try:
            pages = disclosures.print_notice(uow, args.item_id, path)
        except RecordNotFoundError:
            print(
                QCoreApplication.translate(
                    "Cli", "There is no disclosure item with the id {id}; \"disclosures list\" "
                    "shows the ids."
                ).format(id=args.item_id),
                file=io.stderr,
            )
            raise CommandFailedError() from None
    io.say(
        QCoreApplication.translate("Cli", "Notice written to {file} ({pages} pages).").format(
            file=path, pages=pages
        )
    )


def _report(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import disclosures

    unlock(workspace, io)
    target = args.file.resolve()
    with workspace.unit_of_work() as uow:
        rows = disclosures.export_year(uow, args.year, target)
        uow.commit()  # the export's audit entry
    io.say(
        QCoreApplication.translate(
            "Cli", "The disclosure register of {year} ({count} items) was written to {file}."
        ).format(year=args.year, count=rows, file=target)
    )
