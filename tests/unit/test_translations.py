"""The Chinese translation is complete and the committed .qm is compiled from it.

Runs lupdate over the sources into a copy of the .ts, exactly as ``tools/translations.py update``
does: a new or changed string in ui/ or main.py shows up as unfinished; then compiles the copy and
compares it with the committed .qm, so a .qm not rebuilt after a change fails too.
"""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "branchdesk_translations_tool", ROOT / "tools" / "translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


@pytest.fixture(scope="module")
def updated_ts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ts = tmp_path_factory.mktemp("translations") / tool.TS.name
    shutil.copyfile(tool.TS, ts)
    tool.lupdate(ts)
    return ts


def test_every_string_is_translated(updated_ts: Path) -> None:
    missing = tool.unfinished(updated_ts)
    assert missing == [], "run tools/translations.py update, then fill:\n" + "\n".join(
        f"{context}\t{source}" for context, source in missing
    )


def test_the_committed_qm_is_compiled_from_the_current_translations(
    updated_ts: Path, tmp_path: Path
) -> None:
    qm = tmp_path / tool.QM.name
    tool.lrelease(updated_ts, qm)
    assert tool.QM.read_bytes() == qm.read_bytes(), "run tools/translations.py update"
