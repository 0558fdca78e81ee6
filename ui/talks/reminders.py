"""谈心谈话 on 工作台 as the year ends (the last quarter): how many of the year's pairs have not
talked yet (支部工作条例 第19条; DOMAIN.md counts 委员–委员 and 委员–党员), and who is in them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from app.domain.talks import Coverage, PairKind
from app.services import talks
from app.services.workspace import Workspace
from ui.widgets.background_list import WARNING_STYLE
from ui.widgets.reminder_section import ReminderSection

Today = Callable[[], date]
MAX_NAMES = 12


class TalkReminders(ReminderSection):
    """``coverage``: the year's coverage while pairs are missing in the last quarter, else
    None (the widget is then hidden)."""

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, self.tr("Heart-to-heart talks"), "talks_missing",
                         WARNING_STYLE, parent)
        self.coverage: Coverage | None = None

    def refresh(self) -> None:
        """Read the year's coverage as of today. Raises BranchDeskError."""
        today = self._today()
        with self._workspace.unit_of_work(read_only=True) as uow:
            self.coverage = talks.reminder(uow, today)
        if self.coverage is None:
            self.clear()
            return
        coverage = self.coverage
        people = [p.name for p in coverage.people_not_covered()]
        shown = "、".join(people[:MAX_NAMES]) + ("…" if len(people) > MAX_NAMES else "")
        self.say(self.tr(
            "{year}: {missing} of {required} pairs have not talked yet ({committee} between "
            "committee members, {members} between committee members and members). Not yet "
            "covered: {names}. See the 谈心谈话 page.").format(
                year=today.year, missing=len(coverage.missing), required=coverage.required,
                committee=coverage.missing_of(PairKind.COMMITTEE),
                members=coverage.missing_of(PairKind.COMMITTEE_MEMBER), names=shown),
            "、".join(people))

    def clear(self) -> None:
        self.coverage = None
        self.say("")
