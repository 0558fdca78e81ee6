"""BranchDesk 支部工作台 — composition root.

The one place that builds real things: the data folder, logging, the OS credential store, the
workspace (encrypted storage); then it starts the window or runs a command-line command.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import Any, cast

APP_NAME = "BranchDesk"


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def configure_logging(data_dir: Path) -> None:
    """Log to ``<data>/logs/branchdesk.log`` (rotated). Log lines never carry stored values."""
    log_dir = data_dir / "logs"
    handler: logging.Handler
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / "branchdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:  # no log file: only what matters reaches the console
        handler = logging.StreamHandler(sys.stderr)
        handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


class OsKeyring:
    """The OS credential store through the ``keyring`` package, imported on first use only.

    Finding the backend scans installed packages and may talk to D-Bus: not something to pay at
    every start when the user never asked to be remembered. Failures raise; the vault treats any
    failure as "ask for the passphrase".
    """

    def __init__(self) -> None:
        self._backend: object | None = None

    def _store(self) -> Any:
        if self._backend is None:
            import keyring
            from keyring.backends import fail

            backend = keyring.get_keyring()
            if isinstance(backend, fail.Keyring):
                raise RuntimeError("no credential store on this system")
            self._backend = backend
        return self._backend

    def get_password(self, service_name: str, username: str) -> str | None:
        return cast(str | None, self._store().get_password(service_name, username))

    def set_password(self, service_name: str, username: str, password: str) -> None:
        self._store().set_password(service_name, username, password)

    def delete_password(self, service_name: str, username: str) -> None:
        self._store().delete_password(service_name, username)


def _split_data_dir(argv: list[str]) -> tuple[Path | None, list[str]]:
    """Take ``--data-dir DIR`` (or ``--data-dir=DIR``) out of argv; the rest says GUI or CLI."""
    rest: list[str] = []
    data_dir: Path | None = None
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--data-dir" and i + 1 < len(argv):
            data_dir = Path(argv[i + 1])
            i += 2
            continue
        if arg.startswith("--data-dir="):
            data_dir = Path(arg.split("=", 1)[1])
        else:
            rest.append(arg)
        i += 1
    return data_dir, rest


def _is_a_file(data_dir: Path) -> bool:
    """True when the data folder named is something else than a folder (or nothing yet)."""
    return data_dir.exists() and not data_dir.is_dir()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    data_dir, rest = _split_data_dir(argv)

    from app.errors import DataFolderNotAFolderError
    from app.services.workspace import Workspace

    if not rest:
        data_dir = (data_dir or default_data_dir()).expanduser().resolve()
        if _is_a_file(data_dir):
            from ui.shell.app import show_startup_error

            return show_startup_error(DataFolderNotAFolderError(data_dir))
        configure_logging(data_dir)
        from ui.shell.app import run_gui

        return run_gui(Workspace(data_dir, keyring=OsKeyring()))

    from ui.cli import commands as cli

    cli.make_core_application()
    args = cli.parse(argv)
    data_dir = (args.data_dir or default_data_dir()).expanduser().resolve()
    if _is_a_file(data_dir):
        return cli.report(DataFolderNotAFolderError(data_dir))
    configure_logging(data_dir)
    workspace = Workspace(data_dir, keyring=OsKeyring())
    return cli.run(args, workspace)


if __name__ == "__main__":
    sys.exit(main())
