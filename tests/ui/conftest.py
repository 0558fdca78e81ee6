"""Qt fixtures: the application configured as in production (Chinese, bundled font), screenshots."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from ui.app import configure_application

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

# The offscreen platform plugin warns whenever a top-level window gets size constraints; it is a
# limitation of the test platform, not of the app, and must not fail every GUI test.
OFFSCREEN_SIZE_HINTS = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_SIZE_HINTS))


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
