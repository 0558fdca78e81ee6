"""``members transfer-out``, ``transfer-letter``, ``transfer-receipt`` and ``transfer-in``: the
transfers of membership (组织关系转接) from the command line, with the same services as the
window (``app.services.transfers``).

A member is named by the ID number (身份证号码) or the record id. ``transfer-out`` issues the
letter and writes it as a PDF in one go: if the file cannot be written, nothing is recorded.
Warnings (a paid-up month that differs from the ledger, a gap or an overlap of dues) are printed
on standard error as 注意 lines; the command still succeeds.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, Protocol, TextIO

from PySide6.QtCore import QCoreApplication

from app.documents.vocabulary import letter_number
from app.domain.development import Stage
from app.domain.members import Issue
from app.services import members, transfers
from app.services.workspace import UnitOfWork, Workspace
from ui.cli.console import date_argument, month_argument
from ui.common import member_texts, transfer_texts

COMMANDS = ("transfer-out", "transfer-letter", "transfer-receipt", "transfer-in")
# --stage: the words an administrator types (Chinese, or the English codes in scripts).
_STAGES = {"正式": Stage.FULL, "预备": Stage.PROBATIONARY,
           "full": Stage.FULL, "probationary": Stage.PROBATIONARY}


class Terminal(Protocol):
    """What these commands use of the command line's output (``ui.cli.commands._Io``)."""

    stderr: TextIO

    def say(self, text: str) -> None: ...






def add_commands(roster: argparse._SubParsersAction[Any], file_metavar: str) -> None:
    """The four commands under ``members``."""

    def member_argument(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "member",
            metavar=QCoreApplication.translate("Cli", "MEMBER"),
            help=QCoreApplication.translate("Cli", "the member's ID number (or record id)"),
        )

    def pdf_argument(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "file",
            type=Path,
            metavar=file_metavar,
            help=QCoreApplication.translate("Cli", "the PDF file to write"),
        )

    def date_option(parser: argparse.ArgumentParser, help_text: str) -> None:
        parser.add_argument(
            "--date",
            type=date_argument,
            default=None,
            metavar=QCoreApplication.translate("Cli", "DATE"),
            help=help_text,
        )

    out = roster.add_parser(
        "transfer-out",
        help=QCoreApplication.translate(
            "Cli",
            "issue a letter of introduction (the member awaits its receipt) and write it as a PDF",
        ),
    )
    member_argument(out)
    pdf_argument(out)
    out.add_argument(
        "--letter-no",
        required=True,
        metavar=QCoreApplication.translate("Cli", "NUMBER"),
        help=QCoreApplication.translate(
            "Cli", "the letter's number (the same on stub, letter and receipt)"
        ),
    )
    out.add_argument(
        "--to",
        required=True,
        metavar=QCoreApplication.translate("Cli", "ORGANIZATION"),
        help=QCoreApplication.translate("Cli", "the party organization receiving the member"),
    )
    date_option(out, QCoreApplication.translate("Cli", "the letter's date (default: today)"))
    out.add_argument(
        "--paid-until",
        type=month_argument,
        default=None,
        metavar=QCoreApplication.translate("Cli", "MONTH"),
        help=QCoreApplication.translate(
            "Cli", "dues paid up to this month, YYYY-MM (default: from the ledger)"
        ),
    )
    out.add_argument(
        "--valid-days",
        type=int,
        default=None,
        metavar=QCoreApplication.translate("Cli", "DAYS"),
        help=QCoreApplication.translate(
            "Cli", "days the letter is valid (default: the setting, at most 90)"
        ),
    )
    out.add_argument(
        "--reason",
        default="",
        metavar=QCoreApplication.translate("Cli", "TEXT"),
        help=QCoreApplication.translate("Cli", "why the member transfers, e.g. 工作调动"),
    )

    letter = roster.add_parser(
        "transfer-letter",
        help=QCoreApplication.translate(
            "Cli", "write a member's letter of introduction again as a PDF"
        ),
    )
    member_argument(letter)
    pdf_argument(letter)

    receipt = roster.add_parser(
        "transfer-receipt",
        help=QCoreApplication.translate(
            "Cli", "record that the receipt of the letter came back: the member leaves the roll"
        ),
    )
    member_argument(receipt)
    date_option(
        receipt, QCoreApplication.translate("Cli", "the day the receipt came back (default: today)")
    )

    came = roster.add_parser(
        "transfer-in",
        help=QCoreApplication.translate(
            "Cli", "receive a member with a letter of introduction (a member who left is put back)"
        ),
    )
    came.add_argument(
        "--name",
        required=True,
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "the member's name"),
    )
    came.add_argument(
        "--id-number",
        required=True,
        metavar=QCoreApplication.translate("Cli", "ID_NUMBER"),
        help=QCoreApplication.translate("Cli", "the member's ID number"),
    )
    came.add_argument(
        "--letter-no",
        required=True,
        metavar=QCoreApplication.translate("Cli", "NUMBER"),
        help=QCoreApplication.translate("Cli", "the number of the letter received"),
    )
    came.add_argument(
        "--from",
        dest="origin",
        required=True,
        metavar=QCoreApplication.translate("Cli", "ORGANIZATION"),
        help=QCoreApplication.translate("Cli", "the party organization that sent the letter"),
    )
    date_option(
        came, QCoreApplication.translate("Cli", "the day the member was received (default: today)")
    )
    came.add_argument(
        "--paid-until",
        type=month_argument,
        default=None,
        metavar=QCoreApplication.translate("Cli", "MONTH"),
        help=QCoreApplication.translate(
            "Cli", "dues paid up to this month as the letter states, YYYY-MM"
        ),
    )
    came.add_argument(
        "--stage",
        choices=list(_STAGES),
        default="full",
        metavar=QCoreApplication.translate("Cli", "STANDING"),
        help=QCoreApplication.translate(
            "Cli", "full or probationary member: 正式 or 预备 (default: full)"
        ),
    )
    came.add_argument(
        "--admission-date",
        type=date_argument,
        default=None,
        metavar=QCoreApplication.translate("Cli", "DATE"),
        help=QCoreApplication.translate("Cli", "the day the branch admitted a probationary member"),
    )


def run(
    args: argparse.Namespace,
    workspace: Workspace,
    io: Terminal,
    unlock: Callable[[Workspace, Any], None],
) -> None:
    # The PDF producer (reportlab) is loaded only by the commands that write one: the command
    # line starts without it, as the window does.
    from app.services import transfer_documents

    unlock(workspace, io)
    today = date.today()
    with workspace.unit_of_work() as uow:
        if args.members_command == "transfer-out":
            _transfer_out(args, uow, io, today)
        elif args.members_command == "transfer-letter":
            member_id = _member_id(uow, args.member)
            pages = transfer_documents.write_transfer_letter(uow, member_id, args.file.resolve())
            io.say(
                QCoreApplication.translate(
                    "Cli", "Letter of introduction written to {file} ({pages} page(s))."
                ).format(file=str(args.file.resolve()), pages=pages)
            )
        elif args.members_command == "transfer-receipt":
            member_id = _member_id(uow, args.member)
            transfers.record_receipt(uow, member_id, args.date or today, today)
            io.say(
                QCoreApplication.translate(
                    "Cli", "Receipt recorded: {name} has left the roll (transferred out)."
                ).format(name=members.get_member(uow, member_id).data.name)
            )
        else:
            _transfer_in(args, uow, io, today)
        uow.commit()


def _transfer_out(args: argparse.Namespace, uow: UnitOfWork, io: Terminal, today: date) -> None:
    from app.services import transfer_documents, transfer_settings

    member_id = _member_id(uow, args.member)
    letter = transfers.LetterOut(
        letter_no=args.letter_no,
        destination=args.to,
        issued_on=args.date or today,
        paid_until=args.paid_until or transfers.paid_through(uow, member_id),
        valid_days=args.valid_days or transfer_settings.load(uow).valid_days,
        reason=args.reason,
    )
    _warn(io, transfers.transfer_out(uow, member_id, letter, today))
    path = args.file.resolve()
    pages = transfer_documents.write_transfer_letter(uow, member_id, path)
    io.say(
        QCoreApplication.translate(
            "Cli",
            "Letter of introduction {number} issued: {name} is transferred out and awaits the "
            "receipt. Written to {file} ({pages} page(s)).",
        ).format(
            number=letter_number(letter.letter_no),
            name=members.get_member(uow, member_id).data.name,
            file=str(path),
            pages=pages,
        )
    )


def _transfer_in(args: argparse.Namespace, uow: UnitOfWork, io: Terminal, today: date) -> None:
    letter = transfers.LetterIn(args.letter_no, args.origin, args.date or today, args.paid_until)
    data = members.MemberInput(
        name=args.name,
        id_number=args.id_number,
        stage=_STAGES[args.stage],
        admission_date=args.admission_date,
    )
    member_id = transfers.transfer_in(uow, data, letter, today)
    io.say(
        QCoreApplication.translate("Cli", "Transferred in: {name}.").format(
            name=members.get_member(uow, member_id).data.name
        )
    )
    start = transfers.transfer_in_dues(uow, letter)
    lines = transfer_texts.dues_start_lines(start)
    io.say(lines[0])
    for line in lines[1:]:
        print(QCoreApplication.translate("Cli", "Note: {text}").format(text=line), file=io.stderr)


def _warn(io: Terminal, warnings: list[Issue]) -> None:
    for warning in warnings:
        print(
            QCoreApplication.translate("Cli", "Note: {text}").format(
                text=member_texts.describe(warning)
            ),
            file=io.stderr,
        )


def _member_id(uow: UnitOfWork, text: str) -> str:
    """The member named by an ID number, else by a record id (``RecordNotFoundError``)."""
    found = members.find_by_id_number(uow, text)
    return found if found is not None else members.get_member(uow, text.strip()).id
