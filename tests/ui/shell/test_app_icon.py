"""The application carries its icon (window, task bar), from the shipped resources."""

from __future__ import annotations

from ui.shell.app import ICON_FILE, configure_application


def test_the_windows_have_the_application_icon(qapp):
    from app.resources import resource_path

    assert resource_path(*ICON_FILE).is_file()
    configure_application(qapp)
    assert not qapp.windowIcon().isNull()
