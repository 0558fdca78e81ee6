"""argparse in Chinese: the framework's own texts for both command lines.

argparse writes "usage:", "positional arguments", "options", the ``-h`` help and its complaints
("invalid choice", "the following arguments are required"…) in English. ``ChineseArgumentParser``
writes them in Chinese; ``localize`` puts a program's own help texts into Chinese from a table
(the reference server's, which has no Qt translations). The client's command line
(``ui.cli.commands``)
translates its own help texts through Qt and uses this class for the framework's.

It lives in ``sync`` because that is the one package both command lines may import: ``ui`` and
``server`` (which imports nothing of ``app`` or ``ui``). It needs nothing but the standard library.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Mapping
from typing import Any, NoReturn

USAGE = "用法："
POSITIONALS = "位置参数"
OPTIONALS = "选项"
HELP = "显示此帮助信息并退出"
COMMAND = "命令"

# argparse's type names in "invalid %(type)s value" (the type's __name__).
TYPE_NAMES = {"int": "整数", "float": "数值", "Path": "路径"}

# argparse's complaints (Python 3.11 and 3.12), most specific first; {0}, {1} are the groups.
ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), chinese)
    for pattern, chinese in (
        (r"the following arguments are required: (.+)", "缺少必需的参数：{0}"),
        (r"argument (.+?): (.+)", "参数 {0}：{1}"),
        (r"invalid choice: (.+) \(choose from (.+)\)", "无效的选择：{0}（可选：{1}）"),
        (r"invalid (\S+) value: (.+)", "无效的{0}：{1}"),
        (r"unrecognized arguments: (.+)", "无法识别的参数：{0}"),
        (r"expected one argument", "需要一个值"),
        (r"expected at most one argument", "最多需要一个值"),
        (r"expected at least one argument", "至少需要一个值"),
        (r"expected (\d+) arguments?", "需要 {0} 个值"),
        (r"not allowed with argument (.+)", "不能与参数 {0} 同时使用"),
        (r"one of the arguments (.+) is required", "必须给出以下参数之一：{0}"),
        (r"ambiguous option: (.+) could match (.+)", "有歧义的选项：{0} 可以是 {1}"),
        (r"ignored explicit argument (.+)", "多余的参数值：{0}"),
        (r"unexpected option string: (.+)", "意外的选项：{0}"),
    )
)


def translate_error(message: str, texts: Mapping[str, str] | None = None) -> str:
    """argparse's English complaint in Chinese (a text it does not know is returned as is)."""
    if texts and message in texts:
        return texts[message]
    for pattern, chinese in ERRORS:
        match = pattern.fullmatch(message)
        if match is None:
            continue
        groups = list(match.groups())
        if chinese.startswith("参数 "):  # "argument X: <another complaint>"
            groups[1] = translate_error(groups[1], texts)
        elif chinese.startswith("无效的{0}"):
            groups[0] = TYPE_NAMES.get(groups[0], "值")
        return chinese.format(*groups)
    return message


def _columns(text: str) -> int:
    """How many terminal columns ``text`` takes (a Chinese character takes two)."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


class ChineseHelpFormatter(argparse.HelpFormatter):
    """The help text with "用法：" instead of "usage: " and full-width colons after headings."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:  # the help column counts display columns
            width = _columns(self._format_action_invocation(action)) + self._current_indent
            self._action_max_length = max(self._action_max_length, width)

    def _format_action(self, action: argparse.Action) -> str:
        """argparse pads by characters; a Chinese metavar is two columns a character wide, so
        the padding after it gives back one space per wide character (the help lines up)."""
        text = super()._format_action(action)
        invocation = self._format_action_invocation(action)
        extra = _columns(invocation) - len(invocation)
        first, newline, rest = text.partition("\n")
        at = first.find(invocation)
        if not extra or at < 0:
            return text
        head, tail = first[: at + len(invocation)], first[at + len(invocation) :]
        padding = len(tail) - len(tail.lstrip(" "))
        if tail.strip() and padding - extra >= 2:
            first = head + " " * (padding - extra) + tail.lstrip(" ")
        return first + newline + rest

    def format_help(self) -> str:
        text = super().format_help()
        for title in (POSITIONALS, OPTIONALS):
            text = text.replace(f"{title}:\n", f"{title}：\n")
        return text

    def add_usage(
        self,
        usage: str | None,
        actions: Any,
        groups: Any,
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, USAGE if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    """An ArgumentParser whose help and complaints are in Chinese; bad usage exits with 2.

    ``texts`` (the program's own English texts → Chinese) translates messages the program passes
    to ``error`` itself; ``localize`` uses the same table for help texts.
    """

    texts: Mapping[str, str] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = POSITIONALS
        self._optionals.title = OPTIONALS
        for action in self._actions:
            if isinstance(action, argparse._HelpAction):
                action.help = HELP

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate_error(message, self.texts)}\n")


def localize(parser: argparse.ArgumentParser, texts: Mapping[str, str]) -> list[str]:
    """Replace the help texts and descriptions of ``parser`` and its sub-commands by ``texts``.

    A list of sub-commands without a metavar is named "命令" (argparse would name it by its dest).

    Returns the texts that have no translation (a test keeps that list empty).
    """
    missing: list[str] = []

    def chinese(text: str | None) -> str | None:
        if text is None or text in (argparse.SUPPRESS, HELP):
            return text
        if text not in texts:
            missing.append(text)
            return text
        return texts[text]

    def walk(current: argparse.ArgumentParser) -> None:
        current.description = chinese(current.description)
        for action in current._actions:
            action.help = chinese(action.help)
            if isinstance(action, argparse._SubParsersAction):
                if action.metavar is None:  # else its dest, an English word, names it
                    action.metavar = COMMAND
                for choice in action._choices_actions:
                    choice.help = chinese(choice.help)
                for sub in action.choices.values():
                    walk(sub)

    walk(parser)
    return missing
