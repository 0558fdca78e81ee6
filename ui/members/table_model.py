"""The member list as a Qt table model (``LazyTableModel``: ids from a SQL filter, rows read a
page at a time), sortable in SQL by the columns that have a sort key."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, Qt

from app.domain.members import MembershipStatus
from app.services import members
from app.services.members import MemberFilter, MemberListRow, SortKey
from app.services.workspace import Workspace
from ui.common import member_texts
from ui.widgets.lazy_table import ID_ROLE, PAGE_SIZE, Column, LazyTableModel

__all__ = ["COLUMNS", "ID_ROLE", "MemberTableModel"]


def _date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _standing(row: MemberListRow) -> str:
    """Stage for members on the roll; how they left for the others."""
    if row.status is MembershipStatus.ACTIVE:
        return member_texts.label(row.stage)
    return member_texts.label(row.status)


def _column(field: str, text: Any, sort: SortKey | None = None) -> Column:
    """A column headed by the member field's Chinese label."""
    return Column(lambda: member_texts.field_label(field), text, sort)


COLUMNS: tuple[Column, ...] = (
    _column("name", lambda r: r.name, SortKey.NAME),
    _column("gender", lambda r: member_texts.label(r.gender) if r.gender else ""),
    _column("birth_date", lambda r: _date_text(r.birth_date), SortKey.BIRTH_DATE),
    _column("stage", _standing, SortKey.STAGE),
    _column("party_group_id", lambda r: r.party_group_name, SortKey.PARTY_GROUP),
    _column("category", lambda r: member_texts.label(r.category), SortKey.CATEGORY),
    _column("branch_post", lambda r: member_texts.label(r.branch_post) if r.branch_post.value
            else ""),
    _column("phone", lambda r: r.phone),
    _column("work_unit", lambda r: r.work_unit),
)


class MemberTableModel(LazyTableModel):
    """Members matching ``member_filter``; ``member_id(row)`` gives the id behind a row."""

    columns = COLUMNS

    def __init__(
        self, workspace: Workspace, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(workspace, MemberFilter(), page_size=page_size, parent=parent)

    def fetch_ids(self, uow: Any, current_filter: MemberFilter) -> list[str]:
        return members.member_ids(uow, current_filter)

    def fetch_rows(self, uow: Any, ids: Sequence[str]) -> list[MemberListRow]:
        return members.member_rows(uow, ids)

    @property
    def member_filter(self) -> MemberFilter:
        filter_: MemberFilter = self.current_filter
        return filter_

    def set_filter(self, new_filter: MemberFilter, keep_rows: bool = True) -> None:
        """Show the members matching ``new_filter``, keeping the sort chosen with ``sort()``.
        Raises BranchDeskError."""
        current = self.member_filter
        super().set_filter(
            replace(new_filter, sort=current.sort, descending=current.descending), keep_rows
        )

    def member_id(self, row: int) -> str:
        return self.id_at(row)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's key; columns without one keep the current order."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        current = self.member_filter
        if key is current.sort and descending == current.descending:
            return
        self._filter = replace(current, sort=key, descending=descending)
        if self._loaded:
            self._reload(keep_rows=True)

    def sort_column(self) -> int:
        """The column of the current sort key."""
        return next(i for i, c in enumerate(COLUMNS) if c.sort is self.member_filter.sort)
