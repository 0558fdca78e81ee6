"""``members import`` and ``members export``: the roster workbook (党员花名册) on the command
line."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from app.errors import SecretExportConfirmationRequired
from app.services.workspace import Workspace
from ui.cli import transfers as cli_transfers
from ui.cli.console import CommandFailedError, Console, Parser, command_group, file_metavar, unlock


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    roster = command_group(
        commands,
        "members",
        QCoreApplication.translate("Cli", "the member roster (党员花名册)"),
        dest="members_command",
    )
    members_import = roster.add_parser(
        "import",
        help=QCoreApplication.translate(
            "Cli", "import a roster workbook (.xlsx): all of it, or nothing if a row is wrong"
        ),
    )
    members_import.add_argument(
        "file", type=Path, metavar=file_metavar(),
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
        "file", type=Path, metavar=file_metavar(),
        help=QCoreApplication.translate("Cli", "the workbook (.xlsx) to write")
    )
    members_export.add_argument(
        "--include-secret",
        action="store_true",
        help=QCoreApplication.translate(
            "Cli", "also export secret members (the file is then marked secret on every page)"
        ),
    )
    cli_transfers.add_commands(roster, file_metavar())


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    if args.members_command in cli_transfers.COMMANDS:
        cli_transfers.run(args, workspace, io, unlock)
        return
    {"import": _import, "export": _export}[args.members_command](args, workspace, io)


def _import(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import roster
    from ui.common import roster_texts

    unlock(workspace, io)
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
        raise CommandFailedError()
    if args.dry_run:
        io.say(roster_texts.dry_run_text())
        return
    with workspace.unit_of_work() as uow:
        result = roster.apply_import(uow, plan, today)
        uow.commit()
    io.say(roster_texts.result_text(result))


def _export(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from app.services import branch, roster
    from ui.common import roster_texts

    unlock(workspace, io)
    path = args.file.resolve()
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    with workspace.unit_of_work() as uow:
        try:
            result = roster.export_roster(
                uow, path, date.today(), branch.load_profile(uow).name,
                include_secret=args.include_secret,
            )
        except SecretExportConfirmationRequired as asked:
            print(
                QCoreApplication.translate(
                    "Cli",
                    "Nothing was exported: the roster holds {count} secret members. To export "
                    "them too (the file is then marked secret on every page), add "
                    "--include-secret.",
                ).format(count=asked.count),
                file=io.stderr,
            )
            raise CommandFailedError() from None
        uow.commit()
    io.say(roster_texts.exported_text(result.members, result.path))
