"""The meeting list as a Qt table model (``LazyTableModel``: ids from a SQL filter — period, type
and text — rows read a page at a time)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject

from app.services import meetings
from app.services.meetings import MeetingFilter, MeetingListRow
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.widgets.lazy_table import ID_ROLE, PAGE_SIZE, Column, LazyTableModel

__all__ = ["COLUMNS", "ID_ROLE", "MeetingTableModel"]


def _topics(row: MeetingListRow) -> str:
    return QCoreApplication.translate("MeetingTable", "; ").join(row.topics)


def _attendance(row: MeetingListRow) -> str:
    return QCoreApplication.translate("MeetingTable", "{expected} / {present}").format(
        expected=row.expected, present=row.present
    )


def _state(row: MeetingListRow) -> str:
    if row.finalized:
        return QCoreApplication.translate("MeetingTable", "Finalized")
    return QCoreApplication.translate("MeetingTable", "Draft")


COLUMNS: tuple[Column, ...] = (
    Column(lambda: QCoreApplication.translate("MeetingTable", "Date"),
           lambda r: r.held_on.isoformat()),
    Column(lambda: QCoreApplication.translate("MeetingTable", "Type"),
           lambda r: member_texts.label(r.type)),
    Column(lambda: QCoreApplication.translate("MeetingTable", "Topics"), _topics),
    Column(lambda: QCoreApplication.translate("MeetingTable", "Place"), lambda r: r.place),
    Column(lambda: QCoreApplication.translate("MeetingTable", "Expected / present"),
           _attendance),
    Column(lambda: QCoreApplication.translate("MeetingTable", "Status"), _state),
)


class MeetingTableModel(LazyTableModel):
    """Meetings matching ``meeting_filter``; ``meeting_id(row)`` gives the id behind a row."""

    columns = COLUMNS

    def __init__(
        self, workspace: Workspace, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(workspace, MeetingFilter(), page_size=page_size, parent=parent)

    def fetch_ids(self, uow: Any, current_filter: MeetingFilter) -> list[str]:
        return meetings.meeting_ids(uow, current_filter)

    def fetch_rows(self, uow: Any, ids: Sequence[str]) -> list[MeetingListRow]:
        return meetings.meeting_rows(uow, ids)

    @property
    def meeting_filter(self) -> MeetingFilter:
        filter_: MeetingFilter = self.current_filter
        return filter_

    def set_filter(self, new_filter: MeetingFilter, keep_rows: bool = False) -> None:
        """Show the meetings matching ``new_filter``, reading their rows afresh by default (the
        page sets the filter after each write). Raises BranchDeskError."""
        super().set_filter(new_filter, keep_rows)

    def meeting_id(self, row: int) -> str:
        return self.id_at(row)
