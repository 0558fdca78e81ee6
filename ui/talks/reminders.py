"""谈心谈话 on 工作台 as the year ends (the last quarter): how many of the year's pairs have not
talked yet (支部工作条例 第19条; DOMAIN.md counts 委员–委员 and 委员–党员), and who is in them."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from app.domain.talks import Coverage, PairKind
from app.services import talks
from app.services.workspace import Workspace
from ui.common.tasks import Operation
from ui.widgets.background_list import (
    WARNING_STYLE,
    BackgroundList,
    Today,
    read_only_operation,
)

MAX_NAMES = 12


class TalkReminders(BackgroundList):
    """``entries``: the year's coverage while pairs are missing in the last quarter, else
    nothing (the widget is then hidden)."""

    page = "talks"

    def __init__(
        self, workspace: Workspace, today: Today = date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(workspace, today, None, parent)
        self.set_heading(self.tr("Heart-to-heart talks"))
        self.entries: list[Coverage] = []

    @property
    def coverage(self) -> Coverage | None:
        return self.entries[0] if self.entries else None

    def operation(self, today: date) -> Operation:
        def load(uow: Any) -> list[Coverage]:
            coverage = talks.reminder(uow, today)
            return [] if coverage is None else [coverage]

        return read_only_operation(self._workspace, load)

    def lines(self, entries: list[Coverage]) -> list[QLabel]:
        coverage = entries[0]
        people = [p.name for p in coverage.people_not_covered()]
        shown = "、".join(people[:MAX_NAMES]) + ("…" if len(people) > MAX_NAMES else "")
        label = QLabel(self.tr(
            "{year}: {missing} of {required} pairs have not talked yet ({committee} between "
            "committee members, {members} between committee members and members). Not yet "
            "covered: {names}. See the 谈心谈话 page.").format(
                year=self._today().year, missing=len(coverage.missing), required=coverage.required,
                committee=coverage.missing_of(PairKind.COMMITTEE),
                members=coverage.missing_of(PairKind.COMMITTEE_MEMBER), names=shown))
        label.setObjectName("talks_missing")
        label.setWordWrap(True)
        label.setToolTip("、".join(people))
        label.setStyleSheet(WARNING_STYLE)
        return [label]
