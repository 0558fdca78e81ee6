"""Windows that fit the screen they open on (office PCs: 1366x768, or 1920x1080 at 150 %).

``fit_to_screen`` bounds a dialog's size by the screen's available geometry (less a title bar),
``scrolling`` puts a tall form into a scroll area, ``set_listed_text`` keeps a message box
listing many lines short, and the main window's geometry is kept in
the per-user settings (``QSettings``: where the window was, never anything from the database).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QMainWindow, QScrollArea, QWidget

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

FRAME_ALLOWANCE = QSize(16, 48)
"""Room left for the window frame and title bar the system draws around a window."""

SMALL_SCREEN = QSize(1600, 900)
"""On a screen smaller than this, the main window starts maximized the first time."""

GEOMETRY_KEY = "main_window/geometry"


def available_size(widget: QWidget) -> QSize:
    """The room a window of ``widget`` has on its screen, inside the frame."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size()
    return QSize(room.width() - FRAME_ALLOWANCE.width(), room.height() - FRAME_ALLOWANCE.height())


def fit_to_screen(window: QWidget, width: int | None = None, height: int | None = None) -> None:
    """Resize ``window`` to ``width``x``height`` (its current size when not given), at most the
    screen's available room; a minimum size larger than the screen is lowered to fit too."""
    room = available_size(window)
    wanted = QSize(width or window.width(), height or window.height())
    minimum = window.minimumSize()
    if minimum.width() > room.width() or minimum.height() > room.height():
        window.setMinimumSize(minimum.boundedTo(room))
    window.resize(wanted.boundedTo(room))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that only scrolls vertically when it is too tall."""
    from PySide6.QtCore import Qt

    area = QScrollArea()
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(content)
    return area


def restore_main_window(window: QMainWindow, settings: QSettings | None = None) -> None:
    """Place ``window`` where the user left it; the first time, on a small screen, show it
    maximized."""
    settings = settings or QSettings()
    saved = settings.value(GEOMETRY_KEY)
    if isinstance(saved, (QByteArray, bytes)) and window.restoreGeometry(QByteArray(saved)):
        fit_to_screen(window)
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry().size()
    if room.width() < SMALL_SCREEN.width() or room.height() < SMALL_SCREEN.height():
        # Shown maximized now: asking for the window state would create the Qt namespace's
        # Python enum types (all ~100 of them) before the first paint (issue 14).
        window.showMaximized()
    else:
        fit_to_screen(window)


def save_main_window(window: QMainWindow, settings: QSettings | None = None) -> None:
    """Keep the window's geometry (position, size, maximized) in the per-user settings."""
    settings = settings or QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())


LISTED_LINES = 8
"""A message box lists at most this many lines; the whole list is in its details."""


def set_listed_text(box: QMessageBox, intro: str, lines: Sequence[str]) -> None:
    """``intro`` and ``lines`` as the text of ``box``: a long list would make the box taller
    than the screen, so past ``LISTED_LINES`` the rest is counted and all are in the details."""
    if len(lines) <= LISTED_LINES:
        box.setText(intro + "\n\n" + "\n".join(lines))
        return
    more = QCoreApplication.translate(
        "ScreenFit", "… and {count} more (all are listed under “Show Details”)."
    ).format(count=len(lines) - LISTED_LINES)
    box.setText(intro + "\n\n" + "\n".join(lines[:LISTED_LINES]) + "\n" + more)
    box.setDetailedText("\n".join(lines))
