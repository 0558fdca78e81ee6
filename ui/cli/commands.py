"""The command line (DESIGN.md, "Command line"): for administrators and automation.

Exit status: 0 success; 1 a user error, with a one-line Chinese message on stderr; 2 bad usage.
The passphrase comes from BRANCHDESK_PASSPHRASE or an interactive prompt, never from argv.
This module holds the parser's root and runs a command; each group of commands is a module of
its own (``database``, ``members``, ``meetings``, ``dues``, ``study``, ``sync``,
``passphrase``).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QCoreApplication

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.cli import (
    appraisal,
    assessment,
    database,
    disclosures,
    dues,
    meetings,
    members,
    opinions,
    record_books,
    statistics,
    study,
    sync,
)
from ui.cli import passphrase as cli_passphrase
from ui.cli.console import (
    EXIT_OK,
    EXIT_USER_ERROR,
    Command,
    CommandFailedError,
    Console,
    Parser,
)
from ui.common.i18n import install_translations
from ui.common.messages import message_for

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
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
        dest="command", metavar=QCoreApplication.translate("Cli", "COMMAND"), parser_class=Parser
    )
    database.add_commands(commands)
    members.add_commands(commands)
    meetings.add_commands(commands)
    dues.add_commands(commands)
    study.add_commands(commands)
    statistics.add_commands(commands)
    appraisal.add_commands(commands)
    opinions.add_commands(commands)
    disclosures.add_commands(commands)
    assessment.add_commands(commands)
    sync.add_commands(commands)
    cli_passphrase.add_commands(commands)
    record_books.add_commands(commands)
    return parser


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
    commands: dict[str, Command] = {
        **database.COMMANDS,
        "members": members.run,
        "meetings": meetings.run,
        "dues": dues.run,
        "study": study.run,
        "stats": statistics.run,
        "appraisal": appraisal.run,
        "opinions": opinions.run,
        "disclosures": disclosures.run,
        "assessment": assessment.run,
        "sync": sync.run,
        "passphrase": cli_passphrase.run,
        **record_books.COMMANDS,
    }
    io = Console(stdin, stdout, stderr)
    try:
        commands[args.command](args, workspace, io)
    except CommandFailedError:
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


def report(error: BranchDeskError, stderr: TextIO | None = None) -> int:
    """Say ``error`` on one line of standard error; returns the exit status of a user error."""
    print(message_for(error), file=stderr or sys.stderr)
    return EXIT_USER_ERROR


def make_core_application() -> QCoreApplication:
    """A non-GUI Qt application, only so that translations work on the command line."""
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1] or ["branchdesk"])
    install_translations(app)
    return app
