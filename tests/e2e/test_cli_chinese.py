"""The command lines' framework texts are Chinese: help, usage and complaints (issue 13).

``python main.py`` and ``python -m server`` run as real processes; what they print may hold no
English word except the names the parser defines (commands, options, metavars) and product names.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from server.__main__ import build_parser as server_parser
from sync.argparse_zh import translate_error
from ui.cli.commands import build_parser as client_parser

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[A-Za-z]+")
# Names of things, not English sentences.
PRODUCTS = {"BranchDesk", "SQLAlchemy", "PostgreSQL", "SQLite", "CPU", "OpenAPI", "URL", "python",
            "bdsync", "return"}  # "FILE-return.bdsync" is a file name


def parser_names(parser: argparse.ArgumentParser) -> set[str]:
    """Every word the parser itself defines: prog, options, metavars, dests, sub-commands."""
    names = set(WORD.findall(parser.prog))
    for action in parser._actions:
        texts = [*action.option_strings, action.dest, action.dest.upper()]
        if isinstance(action.metavar, str):
            texts.append(action.metavar)
        if isinstance(action, argparse._SubParsersAction):
            texts.extend(action.choices)
            for sub in action.choices.values():
                names |= parser_names(sub)
        elif action.choices is not None:  # the values an option takes, as typed
            texts.extend(str(choice) for choice in action.choices)
        for text in texts:
            names.update(WORD.findall(text))
    return names


def english_words(text: str, allowed: set[str], args: list[str]) -> list[str]:
    """The words of ``text`` that are neither names nor what the user typed."""
    allowed = allowed | PRODUCTS | set(WORD.findall(" ".join(args)))
    return [word for word in WORD.findall(text) if word not in allowed]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=120, check=False)


@pytest.mark.parametrize(("args", "status"), [
    (["--help"], 0),
    (["members", "import", "--help"], 0),
    (["sync", "--help"], 0),
    (["frobnicate"], 2),
    (["init", "--branch-name", "x"], 2),
    (["backup"], 2),
    (["dues", "ledger", "--year", "20x", "a.xlsx"], 2),
    (["study", "report", "--help"], 0),
    (["study", "import", "--help"], 0),
    (["study", "report", "a.xlsx"], 2),
    (["--data-dir"], 2),
])
def test_main_py_speaks_chinese(tmp_path, args, status):
    result = run(str(ROOT / "main.py"), "--data-dir", str(tmp_path / "d"), *args)
    assert result.returncode == status, result.stderr
    output = result.stdout + result.stderr
    assert re.search(r"[\u4e00-\u9fff]", output)
    assert english_words(output, parser_names(client_parser()), args) == [], output


@pytest.mark.parametrize(("args", "status"), [
    (["--help"], 0),
    (["admin", "--help"], 0),
    (["admin", "notice", "--help"], 0),
    (["import-bundle", "--help"], 0),
    (["frobnicate"], 2),
    (["admin", "issue-code"], 2),
    (["admin", "notice", "--all", "--branch", "B", "--title", "t", "--body", "b"], 2),
    (["admin", "answers", "--help"], 0),
    (["--port", "x"], 2),
    (["--workers", "0"], 2),
])
def test_server_speaks_chinese(tmp_path, args, status):
    result = run("-m", "server", "--database", f"sqlite:///{tmp_path / 's.db'}", *args)
    assert result.returncode == status, result.stderr
    output = (result.stdout + result.stderr).replace(str(tmp_path), "")
    assert re.search(r"[\u4e00-\u9fff]", output)
    names = parser_names(server_parser()) | {"sync"}  # names the client's "sync device-key"
    assert english_words(output, names, args) == [], output


def test_every_server_help_text_is_translated():
    from server.__main__ import build_english_parser
    from server.cli_texts import TEXTS
    from sync.argparse_zh import localize

    assert localize(build_english_parser(), TEXTS) == []


@pytest.mark.parametrize(("english", "chinese"), [
    ("the following arguments are required: --code, --name", "缺少必需的参数：--code, --name"),
    ("argument 命令: invalid choice: 'x' (choose from 'a', 'b')",
     "参数 命令：无效的选择：'x'（可选：'a', 'b'）"),
    ("argument --port: invalid int value: 'x'", "参数 --port：无效的整数：'x'"),
    ("argument --all: not allowed with argument --branch",
     "参数 --all：不能与参数 --branch 同时使用"),
    ("one of the arguments --branch --all is required", "必须给出以下参数之一：--branch --all"),
    ("unrecognized arguments: --x y", "无法识别的参数：--x y"),
    ("argument --year: 不是有效的年份：20x", "参数 --year：不是有效的年份：20x"),
])
def test_argparse_complaints_in_chinese(english, chinese):
    assert translate_error(english) == chinese


def test_help_texts_line_up_after_chinese_metavars():
    """A Chinese metavar takes two columns a character: the help column still lines up."""
    from sync.argparse_zh import _columns

    result = run(str(ROOT / "main.py"), "dues", "ledger", "--help")
    lines = [line for line in result.stdout.splitlines() if line.startswith("  ")]
    starts = set()
    for line in lines:
        _invocation, _gap, help_text = line.strip().partition("  ")
        starts.add(_columns(line[: line.index(help_text.strip())]))
    assert len(lines) == 3
    assert len(starts) == 1, result.stdout



def test_every_value_a_command_takes_is_named_in_chinese(qapp):
    """``init --branch-name BRANCH_NAME``, ``backup file``: the placeholders in the help were
    English words an administrator must guess at; every one is Chinese (N and URL aside)."""
    from ui.common.i18n import install_translations

    install_translations(qapp)
    english: list[str] = []

    def walk(parser: argparse.ArgumentParser) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for sub in action.choices.values():
                    walk(sub)
                continue
            if action.nargs == 0:
                continue
            shown = action.metavar if isinstance(action.metavar, str) else (
                action.dest.upper() if action.option_strings else action.dest)
            if shown not in {"N", "URL"} and not re.search(r"[\u4e00-\u9fff]", shown):
                english.append(f"{parser.prog} {shown}")

    walk(client_parser())
    walk(server_parser())  # the city's administrators read python -m server's help
    assert english == []


NAMES = re.compile(
    r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # branch and device ids
    r"|[A-Z0-9]{4}(-[A-Z0-9]{4}){3,}"  # an enrollment code
    r"|纪元 [0-9a-f]+"  # an epoch
)


def test_the_server_commands_tell_the_administrator_in_chinese(tmp_path, capsys):
    """What ``python -m server``'s commands print when they run (not only help and usage):
    done or refused, one Chinese line, no English sentence."""
    from server.__main__ import main as server_main

    key, missing, url = tmp_path / "p.json", tmp_path / "missing.json", f"sqlite:///{tmp_path}/s.db"
    commands = [
        (["admin", "create-branch", "--code", "BR1", "--name", "第一支部"], 0),
        (["admin", "create-branch", "--code", "BR1", "--name", "又一支部"], 1),
        (["admin", "issue-code", "BR1"], 0),
        (["admin", "issue-code", "BR9"], 1),
        (["admin", "notice", "--all", "--title", "通知", "--body", "内容"], 0),
        (["admin", "rotate-epoch"], 0),
        (["admin", "platform-key", str(key)], 0),
        (["admin", "register-device-key", "BR1", str(missing)], 1),
        (["admin", "register-device-key", "BR1", str(key)], 1),
        (["admin", "devices", "BR1"], 0),
        (["admin", "revoke-device", "0"], 1),
        (["import-bundle", str(key)], 1),
        (["import-bundle", str(missing)], 1),
    ]
    allowed = parser_names(server_parser())
    for args, status in commands:
        assert server_main(["--database", url, *args]) == status, args
        said = capsys.readouterr()
        output = NAMES.sub("", (said.out + said.err).replace(str(tmp_path), ""))
        assert re.search(r"[\u4e00-\u9fff]", output), (args, output)
        assert english_words(output, allowed, args) == [], (args, output)
        assert len(output.strip().splitlines()) == 1, (args, output)
