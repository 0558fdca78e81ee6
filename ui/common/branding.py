"""The application's name as the user sees it (window titles carry nothing else)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

ORGANIZATION = "BranchDesk"
APPLICATION = "BranchDesk"


def branch_title(branch_name: str) -> str:
    """The main window's title while unlocked: "BranchDesk 支部工作台 — 机关第一党支部"."""
    return QCoreApplication.translate("Branding", "{app} — {branch}").format(
        app=app_title(), branch=branch_name
    )


def app_title() -> str:
    """The title of every window ("BranchDesk 支部工作台"); never personal data."""
    return QCoreApplication.translate("Branding", "BranchDesk")
