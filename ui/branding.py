"""The application's name as the user sees it (window titles carry nothing else)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ORGANIZATION = "BranchDesk"
APPLICATION = "BranchDesk"


def app_title() -> str:
    """The title of every window ("BranchDesk 支部工作台"); never personal data."""
    return QCoreApplication.translate("Branding", "BranchDesk")
