"""``meetings list``, ``meetings minutes`` and ``meetings sign-in``: the meetings, and a meeting's
minutes or sign-in sheet as a PDF."""

from __future__ import annotations

import argparse
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import InvalidInputError
from app.services.workspace import Workspace
from ui.cli.console import CommandFailedError, Console, Parser, command_group, file_metavar, unlock


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    meeting_commands = command_group(
        commands,
        "meetings",
        QCoreApplication.translate("Cli", "meetings and their minutes"),
        dest="meetings_command",
    )
    meetings_list = meeting_commands.add_parser(
        "list",
        help=QCoreApplication.translate(
            "Cli", "list the meetings (id, date, type, first topic), oldest first"
        ),
    )
    meetings_list.add_argument(
        "--year",
        type=int,
        metavar=QCoreApplication.translate("Cli", "YEAR"),
        help=QCoreApplication.translate("Cli", "only the meetings held in this year"),
    )
    for name, text in (
        ("minutes", QCoreApplication.translate("Cli", "write a meeting's minutes as a PDF")),
        ("sign-in", QCoreApplication.translate(
            "Cli", "write a meeting's sign-in sheet as a PDF (as the window prints it)"
        )),
    ):
        document = meeting_commands.add_parser(name, help=text)
        document.add_argument(
            "meeting_id",
            metavar=QCoreApplication.translate("Cli", "MEETING_ID"),
            help=QCoreApplication.translate(
                "Cli", "the meeting's id (\"meetings list\" shows it)"
            ),
        )
        document.add_argument(
            "file", type=Path, metavar=file_metavar(),
            help=QCoreApplication.translate("Cli", "the PDF file to write")
        )


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    run_command = {"list": _list, "minutes": _document, "sign-in": _document}
    run_command[args.meetings_command](args, workspace, io)


def _list(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    """One line per meeting, tab-separated: id, date, type, first topic (for scripts too)."""
    from app.services import meetings
    from ui.common.member_texts import label

    unlock(workspace, io)
    with workspace.unit_of_work() as uow:
        ids = meetings.meeting_ids(uow, meetings.MeetingFilter(year=args.year, descending=False))
        for start in range(0, len(ids), 500):
            for row in meetings.meeting_rows(uow, ids[start : start + 500]):
                topic = row.topics[0] if row.topics else ""
                io.say("\t".join((row.id, row.held_on.isoformat(), label(row.type), topic)))
    if not ids:
        text = (
            QCoreApplication.translate("Cli", "No meetings are recorded.")
            if args.year is None
            else QCoreApplication.translate("Cli", "No meetings are recorded in {year}.").format(
                year=args.year
            )
        )
        print(text, file=io.stderr)


def _document(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    """``meetings minutes`` and ``meetings sign-in``: the same PDFs the window prints."""
    from app.errors import RecordNotFoundError
    from app.services import meeting_documents

    sign_in = args.meetings_command == "sign-in"
    write = meeting_documents.write_sign_in_sheet if sign_in else meeting_documents.write_minutes
    unlock(workspace, io)
    path = args.file.resolve()
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    with workspace.unit_of_work() as uow:
        try:
            pages = write(uow, args.meeting_id, path)
        except RecordNotFoundError:
            print(
                QCoreApplication.translate(
                    "Cli", "There is no meeting with the id {id}; \"meetings list\" shows the ids."
                ).format(id=args.meeting_id),
                file=io.stderr,
            )
            raise CommandFailedError() from None
        except InvalidInputError:  # the only thing minutes need that a meeting may lack
            print(
                QCoreApplication.translate(
                    "Cli",
                    "The sign-in sheet was not written: the meeting has no start time. Enter it "
                    "in the window first.",
                ) if sign_in else QCoreApplication.translate(
                    "Cli",
                    "The minutes were not written: the meeting has no start time. Enter it in "
                    "the window first.",
                ),
                file=io.stderr,
            )
            raise CommandFailedError() from None
        uow.commit()
    done = (
        QCoreApplication.translate("Cli", "Sign-in sheet written to {file} ({pages} pages).")
        if sign_in
        else QCoreApplication.translate("Cli", "Minutes written to {file} ({pages} pages).")
    )
    io.say(done.format(file=path, pages=pages))
