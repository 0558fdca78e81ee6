"""Qt fixtures: the application configured as in production (Chinese, bundled font), screenshots."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from ui.shell.app import configure_application

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

# The offscreen platform plugin warns whenever a top-level window gets size constraints; it is a
# limitation of the test platform, not of the app, and must not fail every GUI test.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"

SCREEN_ENV = "BRANCHDESK_TEST_SCREEN"
"""``WIDTHxHEIGHT`` of the offscreen screen in physical pixels (default: an office PC's 1366x768);
with ``QT_SCALE_FACTOR=1.5`` a 1920x1080 screen gives 1280x720 logical pixels."""


def _offscreen_screen() -> None:
    """Give the offscreen platform a real office screen instead of its 800x600 default.

    Qt's offscreen plugin takes no ``size=`` option, but reads a JSON ``configfile=`` describing
    its screens. Set before the QApplication exists (pytest-qt makes it at the first GUI test)."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return
    width, height = (int(n) for n in os.environ.get(SCREEN_ENV, "1366x768").split("x"))
    config = {"screens": [{"name": "office", "x": 0, "y": 0, "width": width, "height": height,
                           "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
    path = Path(tempfile.gettempdir()) / f"branchdesk-offscreen-{width}x{height}.json"
    # Written aside and renamed: parallel test workers never read a half-written file.
    partial = path.with_name(f"{path.name}.{os.getpid()}")
    partial.write_text(json.dumps(config), encoding="utf-8")
    os.replace(partial, path)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={path}"


_offscreen_screen()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


@pytest.fixture(scope="session", autouse=True)
def user_settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Per-user settings (the main window's geometry) in a temporary folder, not in $HOME."""
    folder = tmp_path_factory.mktemp("user-settings")
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture(autouse=True)
def chinese_app(qapp: QApplication) -> Iterator[QApplication]:
    """The test QApplication with the production set-up: zh_CN translations, the CJK font."""
    configure_application(qapp)
    yield qapp
    for widget in QApplication.topLevelWidgets():
        widget.close()


@pytest.fixture
def screenshot() -> Callable[[QWidget, str], Path]:
    """Save ``widget`` as screenshots/<name>.png (git-ignored) for a person to look at."""

    def save(widget: QWidget, name: str) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        assert widget.grab().save(str(path))
        return path

    return save
