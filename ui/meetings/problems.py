"""The services' problems with what was typed, said in one line (for a dialog's message line)."""

from __future__ import annotations

from app.errors import InvalidInputError
from ui.common import member_texts


def problems_text(error: InvalidInputError) -> str:
    return "；".join(
        member_texts.describe_problem(p.field, p.code) for p in error.problems
    )
