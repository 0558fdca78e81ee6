"""What every command of the command line shares: the terminal (output, the passphrase prompt),
exit statuses, the parser class (Chinese, exit status 2 for bad usage) and unlocking."""

from __future__ import annotations

import argparse
import enum
import getpass
import os
import sys
from collections.abc import Callable, Iterable
from datetime import date
from typing import Generic, NoReturn, TextIO, TypeVar

from PySide6.QtCore import QCoreApplication

from app.domain.calendar import Month
from app.errors import PassphraseRequiredError
from app.services.workspace import Workspace
from sync.argparse_zh import ChineseArgumentParser, translate_error
from ui.widgets.month_field import parse_month

PASSPHRASE_ENV = "BRANCHDESK_PASSPHRASE"  # noqa: S105 - the variable's name, not a secret
EXIT_OK, EXIT_USER_ERROR, EXIT_USAGE = 0, 1, 2


class Parser(ChineseArgumentParser):
    """argparse in Chinese (``sync.argparse_zh``) and exit status 2 for bad usage."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        detail = translate_error(message)
        self.exit(
            EXIT_USAGE,
            QCoreApplication.translate("Cli", "Usage error: {detail}").format(detail=detail) + "\n",
        )


def command_group(
    commands: argparse._SubParsersAction[Parser], name: str, help_text: str, dest: str
) -> argparse._SubParsersAction[Parser]:
    """Command ``name`` under ``commands``, made of sub-commands (one of them is required, its
    name goes to ``dest``)."""
    group = commands.add_parser(name, help=help_text)
    return group.add_subparsers(
        dest=dest,
        metavar=QCoreApplication.translate("Cli", "COMMAND"),
        parser_class=Parser,
        required=True,
    )


def file_metavar() -> str:
    return QCoreApplication.translate("Cli", "FILE")


def year_argument(text: str) -> int:
    """A ``--year`` value: a four-digit year (argparse reports anything else as bad usage)."""
    if not text.isdigit() or not 1900 <= int(text) <= 9999:
        raise argparse.ArgumentTypeError(
            QCoreApplication.translate("Cli", "not a year: {text}").format(text=text)
        )
    return int(text)


class CommandFailedError(Exception):
    """The command failed and has said why on standard error: exit status 1."""


class Console:
    """The terminal a command talks to: what it says on standard output, complaints on standard
    error, and the passphrase asked for."""

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


Command = Callable[[argparse.Namespace, Workspace, Console], None]


def unlock(workspace: Workspace, io: Console) -> None:
    """Open the database with the key this PC remembers, else with the passphrase (the
    environment's, or asked for)."""
    if os.environ.get(PASSPHRASE_ENV) is None and workspace.unlock_from_this_pc():
        return
    workspace.unlock(io.passphrase(QCoreApplication.translate("Cli", "Passphrase: ")))


def date_argument(text: str) -> date:
    """A date option's value, YYYY-MM-DD (argparse reports anything else as bad usage)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            QCoreApplication.translate("Cli", "not a date (YYYY-MM-DD): {text}").format(text=text)
        ) from None


def month_argument(text: str) -> Month:
    """A month option's value: 2025-05, or as the window's month fields take it (2025年5月…);
    argparse reports anything else as bad usage."""
    month = parse_month(text)
    if month is None:
        raise argparse.ArgumentTypeError(
            QCoreApplication.translate("Cli", "not a month (YYYY-MM): {text}").format(text=text)
        )
    return month


E = TypeVar("E", bound=enum.Enum)


class ChoiceArgument(Generic[E]):
    """An option whose value is one of an enum's members, typed as its code (``retired``) or as the
    label the window shows (``离退休``): a secretary should not need the stored codes."""

    def __init__(self, members: Iterable[E], label: Callable[[E], str]) -> None:
        self._members = list(members)
        self._label = label
        self._by_text = {str(m.value): m for m in self._members}
        self._by_text.update({label(m): m for m in self._members})

    def __call__(self, text: str) -> E:
        member = self._by_text.get(text.strip())
        if member is None:
            raise argparse.ArgumentTypeError(
                QCoreApplication.translate("Cli", "not one of {choices}: {text}").format(
                    choices=self.choices(), text=text
                )
            )
        return member

    def choices(self) -> str:
        """The accepted values for a help text: 离退休 (retired), …"""
        return QCoreApplication.translate("Cli", ", ").join(
            f"{self._label(m)} ({m.value})" for m in self._members
        )
