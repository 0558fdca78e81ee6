"""``passphrase change`` and ``passphrase new-recovery-code``: the command line's way back when the
passphrase is forgotten, and a new recovery code when the old one was lost or seen.

Both ask for the current secret, the passphrase or the recovery code, from BRANCHDESK_PASSPHRASE
or a prompt (never from the credential store: these commands hand out a way into the data).
The new passphrase comes from BRANCHDESK_NEW_PASSPHRASE, or is typed twice at a terminal.
"""

from __future__ import annotations

import argparse
import os

from PySide6.QtCore import QCoreApplication

from app.errors import PassphrasesDifferError
from app.services.workspace import Workspace
from ui.cli.console import Console, Parser, command_group

NEW_PASSPHRASE_ENV = "BRANCHDESK_NEW_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret


def add_commands(commands: argparse._SubParsersAction[Parser]) -> None:
    """``passphrase change`` and ``passphrase new-recovery-code`` under ``commands``."""
    actions = command_group(
        commands,
        "passphrase",
        QCoreApplication.translate(
            "Cli", "change the passphrase (also with the recovery code), make a new recovery code"
        ),
        dest="passphrase_command",
    )
    actions.add_parser(
        "change",
        help=QCoreApplication.translate(
            "Cli",
            "set a new passphrase; the current passphrase or the recovery code opens the way "
            "(the new one from {env} or typed twice)",
        ).format(env=NEW_PASSPHRASE_ENV),
    )
    actions.add_parser(
        "new-recovery-code",
        help=QCoreApplication.translate(
            "Cli", "make a new recovery code and show it once; the old code stops working"
        ),
    )


def run(args: argparse.Namespace, workspace: Workspace, io: Console) -> None:
    current = io.passphrase(
        QCoreApplication.translate("Cli", "Current passphrase or recovery code: ")
    )
    workspace.unlock_with_secret(current)
    {"change": _change, "new-recovery-code": _new_recovery_code}[args.passphrase_command](
        workspace, io, current
    )


def _change(workspace: Workspace, io: Console, current: str) -> None:
    by_recovery_code = workspace.unlocked_with_recovery_code
    new = io.passphrase(QCoreApplication.translate("Cli", "New passphrase: "), NEW_PASSPHRASE_ENV)
    if not os.environ.get(NEW_PASSPHRASE_ENV) and io.stdin.isatty():
        again = io.passphrase(
            QCoreApplication.translate("Cli", "Repeat the passphrase: "), NEW_PASSPHRASE_ENV
        )
        if again != new:
            raise PassphrasesDifferError()
    workspace.change_passphrase(current, new)
    io.say(QCoreApplication.translate(
        "Cli", "The passphrase was changed: unlock with the new one from now on."
    ))
    if by_recovery_code:
        io.say(QCoreApplication.translate(
            "Cli",
            "The recovery code still works. If it may have been seen by others, make a new one "
            "with \"passphrase new-recovery-code\".",
        ))


def _new_recovery_code(workspace: Workspace, io: Console, _current: str) -> None:
    code = workspace.new_recovery_code()
    io.say(QCoreApplication.translate("Cli", "New recovery code: {code}").format(code=code))
    io.say(QCoreApplication.translate(
        "Cli",
        "The old recovery code no longer works. Print or copy the new one and lock it away: "
        "it is shown only this once.",
    ))
