"""The kind of a branch (``app.domain.branch`` re-exports it): its own module so that what the
window imports before its first paint (``app.services.workspace``) need not load the branch's
rules, and with them the meetings' and development's (issue 14)."""

from __future__ import annotations

import enum


class BranchKind(enum.Enum):
    """What the branch's term depends on. Values are stable codes (stored)."""

    GENERAL = ""  # 机关、企业、学校… : 3 years
    VILLAGE = "village"  # 村党支部: 5 years
    COMMUNITY = "community"  # 社区党支部: 5 years
