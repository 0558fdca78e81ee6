"""``sync``: synchronize with the city platform, enroll this PC, and the bundle files of a PC
without a connection (``export-bundle``, ``import-bundle``, ``device-key``, ``platform-key``)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.errors import FieldProblem, InvalidInputError
from app.services.workspace import Workspace
from ui.cli.console import Console, Parser, unlock

if TYPE_CHECKING:
    from sync.engine import SyncReport


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
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


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    from sync import service

    unlock(workspace, io)
    if getattr(args, "bundle_action", None):
        _bundle(args, workspace, io)
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
    _say_notices(io, report)
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


def _say_notices(io: Console, report: SyncReport) -> None:
    """New platform notices and the answers to notices the platform confirmed (issue 18)."""
    if report.notices or report.answers:
        io.say(QCoreApplication.translate(
            "Cli", "Platform notices: {notices} new; {answers} answers sent. Open them on "
            "工作台 in the window."
        ).format(notices=report.notices, answers=report.answers))


def _say_withheld(io: Console, secret: int, unsent: int) -> None:
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


def _bundle(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
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
        _say_notices(io, report)
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
