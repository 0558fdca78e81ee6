"""The command line (DESIGN.md, "Command line"): for administrators and automation.

Exit status: 0 success; 1 a user error, with a one-line Chinese message on stderr; 2 bad usage.
The passphrase comes from BRANCHDESK_PASSPHRASE or an interactive prompt, never from argv.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from PySide6.QtCore import QCoreApplication

from app.errors import (
    BranchDeskError,
    DatabaseExistsError,
    DatabaseUnreadableError,
    FieldProblem,
    InvalidInputError,
    PassphraseRequiredError,
)
from app.services.workspace import BranchProfile, UnitOfWork, Workspace
from sync.argparse_zh import ChineseArgumentParser, translate_error
from ui.cli import passphrase as cli_passphrase
from ui.cli import record_books
from ui.common.i18n import install_translations
from ui.common.messages import damaged_database_text, message_for

log = logging.getLogger(__name__)

PASSPHRASE_ENV = "BRANCHDESK_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2
DEMO_MEMBERS, DEMO_MAX_MEMBERS = 60, 100_000


class _Parser(ChineseArgumentParser):
    """argparse in Chinese (``sync.argparse_zh``) and exit status 2 for bad usage."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        detail = translate_error(message)
        self.exit(
            EXIT_USAGE,
            QCoreApplication.translate("Cli", "Usage error: {detail}").format(detail=detail) + "\n",
        )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="branchdesk",
        description=QCoreApplication.translate(
            "Cli", "BranchDesk: records of a party branch. Without a command, the window opens."
        ),
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        metavar=QCoreApplication.translate("Cli", "FOLDER"),
        help=QCoreApplication.translate("Cli", "the data folder to use"),
    )
    commands = parser.add_subparsers(
        dest="command", metavar=QCoreApplication.translate("Cli", "COMMAND"), parser_class=_Parser
    )

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
        "file", type=Path, metavar=_file_metavar(),
        help=QCoreApplication.translate("Cli", "the backup file to write")
    )

    restore = commands.add_parser(
        "restore", help=QCoreApplication.translate("Cli", "replace the database with a backup")
    )
    restore.add_argument(
        "file", type=Path, metavar=_file_metavar(),
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

    members = commands.add_parser(
        "members", help=QCoreApplication.translate("Cli", "the member roster (党员花名册)")
    )
    roster = members.add_subparsers(
        dest="members_command",
        metavar=QCoreApplication.translate("Cli", "COMMAND"),
        parser_class=_Parser,
        required=True,
    )
    members_import = roster.add_parser(
        "import",
        help=QCoreApplication.translate(
            "Cli", "import a roster workbook (.xlsx): all of it, or nothing if a row is wrong"
        ),
    )
    members_import.add_argument(
        "file", type=Path, metavar=_file_metavar(),
        help=QCoreApplication.translate("Cli", "the roster workbook to import")
    )
    members_import.add_argument(
        "--dry-run",
        action="store_true",
        help=QCoreApplication.translate("Cli", "check the file and report, write nothing"),
    )
    members_export = roster.add_parser(
        "export",
        help=QCoreApplication.translate("Cli", "write the roster of members to a workbook"),
    )
    members_export.add_argument(
        "file", type=Path, metavar=_file_metavar(),
        help=QCoreApplication.translate("Cli", "the workbook (.xlsx) to write")
    )

    meetings = commands.add_parser(
        "meetings", help=QCoreApplication.translate("Cli", "meetings and their minutes")
    )
    meeting_commands = meetings.add_subparsers(
        dest="meetings_command",
        metavar=QCoreApplication.translate("Cli", "COMMAND"),
        parser_class=_Parser,
        required=True,
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
    meetings_minutes = meeting_commands.add_parser(
        "minutes", help=QCoreApplication.translate("Cli", "write a meeting's minutes as a PDF")
    )
    meetings_minutes.add_argument(
        "meeting_id",
        metavar=QCoreApplication.translate("Cli", "MEETING_ID"),
        help=QCoreApplication.translate("Cli", "the meeting's id (\"meetings list\" shows it)"),
    )
    meetings_minutes.add_argument(
        "file", type=Path, metavar=_file_metavar(),
        help=QCoreApplication.translate("Cli", "the PDF file to write")
    )
    _add_dues_commands(commands)
    cli_passphrase.add_commands(commands)
    record_books.add_commands(commands, _Parser, _year)
    return parser


def _file_metavar() -> str:
    return QCoreApplication.translate("Cli", "FILE")


def _year(text: str) -> int:
    """A ``--year`` value: a four-digit year (argparse reports anything else as bad usage)."""
    if not text.isdigit() or not 1900 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(
            QCoreApplication.translate("Cli", "not a year: {text}").format(text=text)
        )
    return int(text)


def _add_dues_commands(commands: argparse._SubParsersAction[_Parser]) -> None:
    dues = commands.add_parser(
        "dues", help=QCoreApplication.translate("Cli", "party dues (党费) reports")
    )
    dues_commands = dues.add_subparsers(
        dest="dues_command",
        metavar=QCoreApplication.translate("Cli", "COMMAND"),
        parser_class=_Parser,
        required=True,
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
        type=_year,
        required=True,
        metavar=QCoreApplication.translate("Cli", "YEAR"),
        help=QCoreApplication.translate("Cli", "the year of the ledger"),
    )
    ledger.add_argument(
        "file", type=Path, metavar=_file_metavar(),
        help=QCoreApplication.translate("Cli", "the workbook (.xlsx) to write")
    )

    sync = commands.add_parser(
        "sync", help=QCoreApplication.translate("Cli", "synchronize with the city platform")
    )
    sync.add_argument(
        "--server",
        metavar="URL",
        help=QCoreApplication.translate("Cli", "the platform's address (remembered)"),
    )
    sync.add_argument(
        "--enroll",
        metavar=QCoreApplication.translate("Cli", "CODE"),
        help=QCoreApplication.translate(
            "Cli", "bind this PC to its branch with the one-time code from the platform"
        ),
    )
    sync.add_argument(
        "--confirm-deletions",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli", "apply a pull that deletes many local records (after checking why)"
        ),
    )
    bundle = sync.add_subparsers(
        dest="bundle_action",
        metavar=QCoreApplication.translate("Cli", "BUNDLE_COMMAND"),
        help=QCoreApplication.translate(
            "Cli", "sync by bundle file, for a PC without a connection to the platform"
        ),
    )
    for name, text in (
        ("export-bundle", QCoreApplication.translate(
            "Cli", "write every change not yet acknowledged to a bundle file for the platform"
        )),
        ("import-bundle", QCoreApplication.translate(
            "Cli", "apply the platform's return bundle file"
        )),
        ("device-key", QCoreApplication.translate(
            "Cli", "write this PC's public key file for the platform administrator"
        )),
        ("platform-key", QCoreApplication.translate(
            "Cli", "use the platform's public key file from its administrator"
        )),
    ):
        action = bundle.add_parser(name, help=text)
        action.add_argument(
            "file", type=Path, metavar=QCoreApplication.translate("Cli", "FILE")
        )


def parse(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def run(
    args: argparse.Namespace,
    workspace: Workspace,
    stdin: TextIO | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run one command; returns the exit status."""
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    commands: dict[str, Callable[[argparse.Namespace, Workspace, _Io], None]] = {
        "init": _init,
        "backup": _backup,
        "restore": _restore,
        "check": _check,
        "demo": _demo,
        "members": _members,
        "meetings": _meetings,
        "dues": _dues,
        "sync": _sync,
        "passphrase": cli_passphrase.run,
        "talks": _record_book(record_books.run_talks),
        "rectification": _record_book(record_books.run_rectification),
    }
    io = _Io(stdin, stdout, stderr)
    try:
        commands[args.command](args, workspace, io)
    except _CheckFailedError:
        return EXIT_USER_ERROR
    except BranchDeskError as error:
        log.info("command %s failed: %s", args.command, type(error).__name__)
        print(message_for(error), file=stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(QCoreApplication.translate("Cli", "Interrupted. Nothing was changed."), file=stderr)
        return EXIT_USER_ERROR
    finally:
        workspace.lock()
    return EXIT_OK


def _record_book(
    command: Callable[[argparse.Namespace, Workspace, Callable[[str], None]], None],
) -> Callable[[argparse.Namespace, Workspace, _Io], None]:
    """A record book's command (``ui.cli.record_books``), run in the unlocked workspace."""

    def run(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
        _unlock(workspace, io)
        command(args, workspace, io.say)

    return run


def report(error: BranchDeskError, stderr: TextIO | None = None) -> int:
    """Say ``error`` on one line of standard error; returns the exit status of a user error."""
    print(message_for(error), file=stderr or sys.stderr)
    return EXIT_USER_ERROR


class _CheckFailedError(Exception):
    pass


class _Io:
    def __init__(self, stdin: TextIO, stdout: TextIO, stderr: TextIO) -> None:
        self.stdin, self.stdout, self.stderr = stdin, stdout, stderr

    def say(self, text: str) -> None:
        print(text, file=self.stdout)

    def passphrase(self, prompt: str, env: str = PASSPHRASE_ENV) -> str:
        """From the environment (``env``), else the terminal (hidden), else one line of
        standard input."""
        from_env = os.environ.get(env)
        if from_env:
            return from_env
        if self.stdin.isatty():
            return getpass.getpass(prompt)
        line = self.stdin.readline()
        if not line:
            raise PassphraseRequiredError()
        return line.rstrip("\r\n")


def _unlock(workspace: Workspace, io: _Io) -> None:
    if os.environ.get(PASSPHRASE_ENV) is None and workspace.unlock_from_this_pc():
        return
    workspace.unlock(io.passphrase(QCoreApplication.translate("Cli", "Passphrase: ")))


def _init(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
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
    io: _Io,
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
            raise _CheckFailedError()
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


def _backup(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    _unlock(workspace, io)
    target = args.file.resolve()
    workspace.backup(target)
    io.say(QCoreApplication.translate("Cli", "Backup written to {file}.").format(file=target))


def _restore(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
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


def _check(_args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    ok, bad = QCoreApplication.translate("Cli", "OK"), QCoreApplication.translate("Cli", "FAILED")
    try:
        _unlock(workspace, io)
        report = workspace.check()
    except DatabaseUnreadableError:  # so damaged that the checks cannot even read it
        io.say(QCoreApplication.translate("Cli", "Database integrity: {result}").format(
            result=bad
        ))
        print(damaged_database_text(), file=io.stderr)
        raise _CheckFailedError() from None
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
        raise _CheckFailedError()


def _demo(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
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


def _members(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    if args.members_command == "import":
        _members_import(args, workspace, io)
    else:
        _members_export(args, workspace, io)


def _members_import(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    from app.services import roster
    from ui.common import roster_texts

    _unlock(workspace, io)
    path = args.file.resolve()
    today = date.today()
    with workspace.unit_of_work() as uow:
        plan = roster.plan_import(uow, path, today)
    for problem in plan.problems:
        io.say(roster_texts.problem_line(path, problem))
    io.say(roster_texts.plan_summary(plan))
    if plan.new_party_groups:
        io.say(roster_texts.new_groups_text(plan))
    if plan.has_errors:
        print(roster_texts.refused_text(plan), file=io.stderr)
        raise _CheckFailedError()
    if args.dry_run:
        io.say(roster_texts.dry_run_text())
        return
    with workspace.unit_of_work() as uow:
        result = roster.apply_import(uow, plan, today)
        uow.commit()
    io.say(roster_texts.result_text(result))


def _members_export(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    from app.services import branch, roster
    from ui.common import roster_texts

    _unlock(workspace, io)
    path = args.file.resolve()
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    with workspace.unit_of_work() as uow:
        result = roster.export_roster(uow, path, date.today(), branch.load_profile(uow).name)
        uow.commit()
    io.say(roster_texts.exported_text(result.members, result.path))


def _meetings(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    if args.meetings_command == "list":
        _meetings_list(args, workspace, io)
    else:
        _meetings_minutes(args, workspace, io)


def _meetings_list(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    """One line per meeting, tab-separated: id, date, type, first topic (for scripts too)."""
    from app.services import meetings
    from ui.common.member_texts import label

    _unlock(workspace, io)
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


def _meetings_minutes(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    from app.errors import RecordNotFoundError
    from app.services import meeting_documents

    _unlock(workspace, io)
    path = args.file.resolve()
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    with workspace.unit_of_work() as uow:
        try:
            pages = meeting_documents.write_minutes(uow, args.meeting_id, path)
        except RecordNotFoundError:
            print(
                QCoreApplication.translate(
                    "Cli", "There is no meeting with the id {id}; \"meetings list\" shows the ids."
                ).format(id=args.meeting_id),
                file=io.stderr,
            )
            raise _CheckFailedError() from None
        except InvalidInputError:  # the only thing minutes need that a meeting may lack
            print(
                QCoreApplication.translate(
                    "Cli",
                    "The minutes were not written: the meeting has no start time. Enter it in "
                    "the window first.",
                ),
                file=io.stderr,
            )
            raise _CheckFailedError() from None
        uow.commit()
    io.say(
        QCoreApplication.translate("Cli", "Minutes written to {file} ({pages} pages).").format(
            file=path, pages=pages
        )
    )


def _dues(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    {"ledger": _dues_ledger}[args.dues_command](args, workspace, io)


def _dues_ledger(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    from app.services import dues_reports

    _unlock(workspace, io)
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


def _sync(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    from sync import service

    _unlock(workspace, io)
    if getattr(args, "bundle_action", None):
        _sync_bundle(args, workspace, io)
        return
    if args.enroll:
        server = args.server or service.settings(workspace).server_url
        if not server:
            raise InvalidInputError([FieldProblem("server_url", "required")])
        enrolled = service.enroll(workspace, server, args.enroll)
        io.say(QCoreApplication.translate(
            "Cli", "This PC is now enrolled for {branch} on the platform."
        ).format(branch=enrolled.branch_name))
    elif args.server:
        service.configure(workspace, server_url=args.server)
    report = service.sync_now(workspace, confirm_mass_deletion=args.confirm_deletions)
    io.say(QCoreApplication.translate(
        "Cli", "Synchronized: {pushed} changes sent, {pulled} received."
    ).format(pushed=report.pushed, pulled=report.pulled))
    _say_withheld(io, report.withheld - report.withheld_unsent, report.withheld_unsent)
    if report.rejected:
        io.say(QCoreApplication.translate(
            "Cli", "The platform refused {count} changes; see the sync history in the window."
        ).format(count=report.rejected))
    pending = len(service.conflicts(workspace))
    if pending:
        io.say(QCoreApplication.translate(
            "Cli", "{count} fields were changed both here and on the platform: choose which "
            "value to keep on the 同步 page of the window."
        ).format(count=pending))


def _say_withheld(io: _Io, secret: int, unsent: int) -> None:
    """Why some changes did not leave the PC: 秘密 records, or the branch profile (which the
    platform's administrator keeps) — never "秘密" for the branch profile."""
    if secret:
        io.say(QCoreApplication.translate(
            "Cli", "{count} changes to records classified 秘密 stay on this PC."
        ).format(count=secret))
    if unsent:
        io.say(QCoreApplication.translate(
            "Cli", "{count} changes to the branch profile were not included: the "
            "platform's administrator keeps the branch profile, it is never sent from a PC."
        ).format(count=unsent))


def _sync_bundle(args: argparse.Namespace, workspace: Workspace, io: _Io) -> None:
    from sync import bundle_sync

    action, path = args.bundle_action, args.file
    if action == "device-key":
        device_id = bundle_sync.write_device_key(workspace, path)
        io.say(QCoreApplication.translate(
            "Cli", "This PC's key file was written to {file} (device {device}). Give it to the "
            "platform administrator to register."
        ).format(file=path, device=device_id))
    elif action == "platform-key":
        bundle_sync.set_platform_key(workspace, path)
        io.say(QCoreApplication.translate(
            "Cli", "The platform's key is set: bundles can now be exported."
        ))
    elif action == "export-bundle":
        result = bundle_sync.export_bundle(workspace, path)
        io.say(QCoreApplication.translate(
            "Cli", "Bundle {sequence} written to {file} and verified: {count} changes. The "
            "medium can now be removed safely."
        ).format(sequence=result.sequence, file=path, count=result.ops))
        _say_withheld(io, result.withheld_secret, result.withheld_unsent)
    else:
        report = bundle_sync.import_return_bundle(
            workspace, path, confirm_mass_deletion=args.confirm_deletions
        )
        io.say(QCoreApplication.translate(
            "Cli", "Return bundle applied: {pushed} changes confirmed by the platform, "
            "{pulled} received."
        ).format(pushed=report.pushed, pulled=report.pulled))
        if report.restored:
            io.say(QCoreApplication.translate(
                "Cli", "This PC's data came from an older backup: the platform had already "
                "received later bundles from it. This PC now has the platform's records again, "
                "and the changes it had not confirmed were sent again (none is counted twice)."
            ))
        if report.platform_restored:
            io.say(QCoreApplication.translate(
                "Cli", "The platform was restored from its backup and lost bundles from this PC: "
                "this PC continues from the platform's numbers, and every change the platform "
                "has not confirmed goes in the next bundle (none is counted twice, nothing here "
                "was deleted). Export a new bundle and take it to the platform."
            ))
        if report.rejected:
            io.say(QCoreApplication.translate(
                "Cli", "The platform refused {count} changes; see the sync history in the "
                "window."
            ).format(count=report.rejected))


def make_core_application() -> QCoreApplication:
    """A non-GUI Qt application, only so that translations work on the command line."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1] or ["branchdesk"])
    install_translations(app)
    return app
