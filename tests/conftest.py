"""Fixtures shared by every test layer: a fast KDF, in-memory and broken keyrings, workspaces."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from pathlib import Path

import keyring.errors
import pytest

from app.domain.id_numbers import check_character
from app.services.workspace import BranchProfile, KdfParams, Workspace

# Keep tests away from the developer's real credential store.
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

FAST_KDF = KdfParams(n=2**10, r=8, p=1)


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    """Once a UI test has configured the Qt app, the automatic collector is off in this process
    and a timer collects on the GUI thread (``ui.common.collector``); the tests that follow
    without an event loop get the collections due between tests, on this (the GUI) thread."""
    yield
    if not gc.isenabled():
        from ui.common.collector import collect_due

        collect_due()


PASSPHRASE = "correct horse battery"
PROFILE = BranchProfile(
    name="机关第一党支部", code="BR-0001", higher_org="市直机关工委", secretary="王建国"
)


class MemoryKeyring:
    """A credential store that lives in a dict, with the ``keyring`` module's three calls."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service_name: str, username: str) -> str | None:
        return self.entries.get((service_name, username))

    def set_password(self, service_name: str, username: str, password: str) -> None:
        self.entries[(service_name, username)] = password

    def delete_password(self, service_name: str, username: str) -> None:
        self.entries.pop((service_name, username))


class BrokenKeyring:
    """A credential store that fails like a locked or missing Secret Service does."""

    def get_password(self, service_name: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service_name: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("unavailable")

    def delete_password(self, service_name: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("unavailable")


# ---------------------------------------------------------------- parallel workers (pytest-xdist)
# `make unit` runs the suite on two workers, a test module at a time on one worker (`-n 2
# --dist loadfile --no-loadscope-reorder`): module-scoped fixtures (a CLI workspace, the built
# bundle) are built once. Without xdist (`-p no:xdist`, `-n 0`, one test run alone) this hook
# changes nothing.


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """On an xdist worker: the modules with a ``slow`` test first, so that neither worker is left
    with a long test at the end while the other one is idle. (Then the collection's order: the
    e2e modules, dearest per test, and last the many small unit modules, which fill the gaps.)"""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    slow = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow)  # stable: a module stays contiguous


@pytest.fixture
def memory_keyring() -> MemoryKeyring:
    return MemoryKeyring()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def make_workspace(data_dir: Path, memory_keyring: MemoryKeyring):
    """Build a Workspace over ``data_dir`` (another one over the same folder when called again)."""

    def build(keyring: object | None = memory_keyring, clock=None) -> Workspace:
        return Workspace(data_dir, keyring=keyring, clock=clock, kdf=FAST_KDF)

    return build


@pytest.fixture
def workspace(make_workspace) -> Iterator[Workspace]:
    """A set-up, unlocked workspace; its recovery code is in ``workspace.recovery_code``."""
    ws = make_workspace()
    ws.recovery_code = ws.create(PROFILE, PASSPHRASE)
    yield ws
    ws.lock()


def id_number(i: int, first_year: int = 1970) -> str:
    """A valid 18-digit resident ID number for test person ``i``: born on 1 January of
    ``first_year + i``, sequence ``i``."""
    first17 = f"110105{first_year + i}0101{i:03d}"
    return first17 + check_character(first17)


def overwrite_bytes(path: Path, offset: int, data: bytes = b"\xde\xad\xbe\xef" * 2) -> None:
    """Damage a file the way a failing disk or a stray write does: ``data`` over the bytes at
    ``offset`` (counted from the end when negative), the length unchanged."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(offset if offset >= 0 else size + offset)
        stream.write(data)
