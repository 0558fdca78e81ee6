"""The few style sheet fragments the widgets share."""

from __future__ import annotations

ERROR_STYLE = "color: #b00020;"
"""Inline messages about something that went wrong (beside a field, under a button)."""

NOTICE_STYLE = "color: #1b5e20;"
"""Inline messages confirming that something worked."""

HINT_STYLE = "color: #555555;"
"""Explanations under a field."""
