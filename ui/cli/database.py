"""The database itself on the command line: ``init``, ``backup``, ``restore``, ``check`` and
``demo`` (a new database with sample data)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import DatabaseExistsError, DatabaseUnreadableError, FieldProblem, InvalidInputError
from app.services.workspace import BranchProfile, UnitOfWork, Workspace
from ui.cli.console import (
    PASSPHRASE_ENV,
    Command,
    CommandFailedError,
    Console,
    Parser,
    file_metavar,
    unlock,
)
from ui.common.messages import damaged_database_text

DEMO_MEMBERS, DEMO_MAX_MEMBERS = 60, 100_000


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    init = commands.add_parser(
        "init", help=QCoreApplication.translate("Cli", "create the encrypted database of a branch")
    )
    init.add_argument(
        "--branch-name",
        required=True,
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "the branch's full name"),
    )
    init.add_argument(
        "--branch-code",
        required=True,
        metavar=QCoreApplication.translate("Cli", "BRANCH_CODE"),
        help=QCoreApplication.translate("Cli", "the branch's organization code"),
    )
    init.add_argument(
        "--higher-org",
        default="",
        metavar=QCoreApplication.translate("Cli", "NAME"),
        help=QCoreApplication.translate("Cli", "the higher party committee"),
    )
    init.add_argument(
        "--secretary",
        default="",
        metavar=QCoreApplication.translate("Cli", "PERSON"),
        help=QCoreApplication.translate("Cli", "the branch secretary's name"),
    )

    backup = commands.add_parser(
        "backup", help=QCoreApplication.translate("Cli", "write an encrypted backup file")
    )
    backup.add_argument(
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the backup file to write")
    )

    restore = commands.add_parser(
        "restore", help=QCoreApplication.translate("Cli", "replace the database with a backup")
    )
    restore.add_argument(
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the backup file to restore")
    )

    commands.add_parser(
        "check",
        help=QCoreApplication.translate("Cli", "check the database's integrity and audit log"),
    )

    demo = commands.add_parser(
        "demo",
        help=QCoreApplication.translate(
            "Cli", "create a database with realistic sample data (when there is none)"
        ),
    )
    demo.add_argument(
        "--members",
        type=int,
        default=DEMO_MEMBERS,
        metavar="N",
        help=QCoreApplication.translate("Cli", "how many members (default {n})").format(
            n=DEMO_MEMBERS
        ),
    )


def _init(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    profile = BranchProfile(
        name=args.branch_name,
        code=args.branch_code,
        higher_org=args.higher_org,
        secretary=args.secretary,
    )
    _create(workspace, profile, io)


def _create(
    workspace: Workspace,
    profile: BranchProfile,
    io: Console,
    populate: Callable[[UnitOfWork], object] | None = None,
) -> None:
    """Ask for a new passphrase, create the database (with what ``populate`` adds, all at once),
    show the recovery code once."""
    passphrase = io.passphrase(QCoreApplication.translate("Cli", "New passphrase: "))
    if os.environ.get(PASSPHRASE_ENV) is None and io.stdin.isatty():
        again = io.passphrase(QCoreApplication.translate("Cli", "Repeat the passphrase: "))
        if again != passphrase:
            print(
                QCoreApplication.translate(
                    "Cli", "The two passphrases differ. Nothing was created."
                ),
                file=io.stderr,
            )
            raise CommandFailedError()
    code = workspace.create(profile, passphrase, populate)
    io.say(
        QCoreApplication.translate(
            "Cli", "The database of {branch} was created in {folder}."
        ).format(branch=profile.name, folder=workspace.data_dir)
    )
    io.say(QCoreApplication.translate("Cli", "Recovery code: {code}").format(code=code))
    io.say(
        QCoreApplication.translate(
            "Cli",
            "Print or copy the recovery code and lock it away: it is shown only this once, "
            "and it opens the database if the passphrase is forgotten.",
        )
    )


def _backup(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    unlock(workspace, io)
    target = args.file.resolve()
    workspace.backup(target)
    io.say(QCoreApplication.translate("Cli", "Backup written to {file}.").format(file=target))


def _restore(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    passphrase = None
    if workspace.exists() and os.environ.get(PASSPHRASE_ENV) is None:
        workspace.unlock_from_this_pc()
    if not workspace.is_unlocked:
        passphrase = io.passphrase(QCoreApplication.translate("Cli", "Passphrase of the backup: "))
    result = workspace.restore(args.file.resolve(), passphrase)
    io.say(
        QCoreApplication.translate("Cli", "Restored the data of {branch} from {file}.").format(
            branch=result.branch_name, file=args.file
        )
    )
    if result.set_aside is not None:
        io.say(
            QCoreApplication.translate("Cli", "The replaced database was kept in {folder}.").format(
                folder=result.set_aside
            )
        )


def _check(_args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    ok, bad = QCoreApplication.translate("Cli", "OK"), QCoreApplication.translate("Cli", "FAILED")
    try:
        unlock(workspace, io)
        report = workspace.check()
    except DatabaseUnreadableError:  # so damaged that the checks cannot even read it
        io.say(QCoreApplication.translate("Cli", "Database integrity: {result}").format(
            result=bad
        ))
        print(damaged_database_text(), file=io.stderr)
        raise CommandFailedError() from None
    io.say(
        QCoreApplication.translate("Cli", "Database integrity: {result}").format(
            result=ok if report.integrity_ok else bad
        )
    )
    io.say(
        QCoreApplication.translate("Cli", "Encrypted pages: {result}").format(
            result=ok if report.cipher_ok else bad
        )
    )
    io.say(
        QCoreApplication.translate("Cli", "Audit log ({count} entries): {result}").format(
            count=report.audit_entries, result=ok if report.audit_ok else bad
        )
    )
    if not report.ok:
        if report.audit_first_bad_seq is not None:
            print(
                QCoreApplication.translate(
                    "Cli", "The audit log was altered at entry {seq}."
                ).format(seq=report.audit_first_bad_seq),
                file=io.stderr,
            )
        print(
            QCoreApplication.translate(
                "Cli", "The check found problems: restore the database from a backup."
            ),
            file=io.stderr,
        )
        raise CommandFailedError()


def _demo(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import demo

    if not 1 <= args.members <= DEMO_MAX_MEMBERS:
        raise InvalidInputError([FieldProblem("members", "out_of_range")])
    if workspace.exists():
        raise DatabaseExistsError(workspace.data_dir)
    summaries: list[demo.DemoSummary] = []
    _create(  # the sample data is part of the new database: a kill leaves all of it or nothing
        workspace, demo.PROFILE, io,
        populate=lambda uow: summaries.append(demo.populate(uow, date.today(), args.members)),
    )
    summary = summaries[0]
    io.say(
        QCoreApplication.translate(
            "Cli",
            "Sample data: {members} members in {groups} party groups; {development} in "
            "development, {left} who left, {flowing} flowing, {rewards} rewards.",
        ).format(
            members=summary.members, groups=summary.party_groups,
            development=summary.in_development, left=summary.left, flowing=summary.flowing,
            rewards=summary.rewards,
        )
    )
    io.say(
        QCoreApplication.translate(
            "Cli",
            "The last twelve months: {meetings} meetings ({finalized} with finalized minutes); "
            "{months} months of dues with {payments} payments, {arrears} members in arrears, "
            "{remittances} remittances; {notices} notice from the platform.",
        ).format(
            meetings=summary.meetings, finalized=summary.finalized, months=summary.dues_months,
            payments=summary.payments, arrears=summary.in_arrears,
            remittances=summary.remittances, notices=summary.notices,
        )
    )


COMMANDS: dict[str, Command] = {
    "init": _init, "backup": _backup, "restore": _restore, "check": _check, "demo": _demo,
}
