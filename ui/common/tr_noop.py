"""``QT_TRANSLATE_NOOP``: marks a text for lupdate (which reads this name) where it is defined,
to be translated where it is shown; typed, unlike PySide6's own."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
