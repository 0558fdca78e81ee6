"""The member list as a Qt table model: ids from a SQL filter, rows loaded page by page.

The model never holds ORM objects or a session. ``refresh`` opens a unit of work, reads the ids
that match the filter (filtered and sorted in SQL) and the first page of rows, and closes it.
Further rows are fetched a page at a time when the view first asks for them, so a list of
10,000 members costs one id query and a page of rows per screen. ``clear`` forgets everything
(the workspace was locked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.domain.members import MembershipStatus
from app.errors import BranchDeskError
from app.services import members
from app.services.members import MemberFilter, MemberListRow, SortKey
from app.services.workspace import Workspace
from ui import member_texts

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 100
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _date_text(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _standing(row: MemberListRow) -> str:
    """Stage for members on the roll; how they left for the others."""
    if row.status is MembershipStatus.ACTIVE:
        return member_texts.label(row.stage)
    return member_texts.label(row.status)


@dataclass(frozen=True)
class Column:
    field: str  # a member field, worded by member_texts.field_label
    text: Callable[[MemberListRow], str]
    sort: SortKey | None = None


COLUMNS: tuple[Column, ...] = (
    Column("name", lambda r: r.name, SortKey.NAME),
    Column("gender", lambda r: member_texts.label(r.gender) if r.gender else ""),
    Column("birth_date", lambda r: _date_text(r.birth_date), SortKey.BIRTH_DATE),
    Column("stage", _standing, SortKey.STAGE),
    Column("party_group_id", lambda r: r.party_group_name, SortKey.PARTY_GROUP),
    Column("category", lambda r: member_texts.label(r.category), SortKey.CATEGORY),
    Column("branch_post", lambda r: member_texts.label(r.branch_post) if r.branch_post.value
           else ""),
    Column("phone", lambda r: r.phone),
    Column("work_unit", lambda r: r.work_unit),
)


class MemberTableModel(QAbstractTableModel):
    """Members matching ``member_filter``; ``member_id(row)`` gives the id behind a row."""

    def __init__(
        self, workspace: Workspace, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._page_size = page_size
        self._filter = MemberFilter()
        self._ids: list[str] = []
        self._pages: dict[int, list[MemberListRow]] = {}
        self._loaded = False

    # ---------------------------------------------------------------- filter and loading
    @property
    def member_filter(self) -> MemberFilter:
        return self._filter

    def set_filter(self, member_filter: MemberFilter) -> None:
        """Show the members matching ``member_filter`` (its sort is kept from ``sort()``)."""
        self._filter = replace(
            member_filter, sort=self._filter.sort, descending=self._filter.descending
        )
        self.refresh()

    def refresh(self) -> None:
        """Read the matching ids and the first page again (after a filter change or a write).

        Raises BranchDeskError (e.g. DatabaseLockedError); the model is then empty.
        """
        self.beginResetModel()
        self._ids = []
        self._pages = {}
        self._loaded = False
        try:
            with self._workspace.unit_of_work() as uow:
                ids = members.member_ids(uow, self._filter)
                first = members.member_rows(uow, ids[: self._page_size])
            self._ids = ids
            self._pages = {0: first}
            self._loaded = True
        finally:
            self.endResetModel()

    def clear(self) -> None:
        """Forget every id and row (the workspace was locked)."""
        self.beginResetModel()
        self._ids = []
        self._pages = {}
        self._loaded = False
        self.endResetModel()

    @property
    def count(self) -> int:
        return len(self._ids)

    @property
    def loaded_rows(self) -> int:
        """How many rows are in the cache (they are loaded a page at a time)."""
        return sum(len(rows) for rows in self._pages.values())

    def member_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, member_id: str) -> int | None:
        """The row showing ``member_id``, or None when the filter hides it."""
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    def list_row(self, row: int) -> MemberListRow | None:
        """The list row at ``row``, loading its page if needed (None if it cannot be read)."""
        page = row // self._page_size
        rows = self._pages.get(page)
        if rows is None:
            rows = self._load_page(page)
        offset = row - page * self._page_size
        return rows[offset] if offset < len(rows) else None

    def _load_page(self, page: int) -> list[MemberListRow]:
        start = page * self._page_size
        wanted = self._ids[start : start + self._page_size]
        try:
            with self._workspace.unit_of_work() as uow:
                loaded = members.member_rows(uow, wanted)
        except BranchDeskError:
            return []  # locked or failing: show nothing rather than raise inside paint
        # A member may have been changed elsewhere between the id query and now; keep the
        # rows aligned with the ids so that a row never shows another member.
        by_id = {r.id: r for r in loaded}
        rows = [by_id[i] for i in wanted if i in by_id]
        if len(rows) == len(wanted):
            self._pages[page] = rows
        return rows if len(rows) == len(wanted) else []

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.list_row(index.row())
        if row is None:
            return None
        return COLUMNS[index.column()].text(row)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return member_texts.field_label(COLUMNS[section].field)
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column's key; columns without one keep the current order."""
        if not 0 <= column < len(COLUMNS):
            return
        key = COLUMNS[column].sort
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key is self._filter.sort and descending == self._filter.descending:
            return
        self._filter = replace(self._filter, sort=key, descending=descending)
        if self._loaded:
            self.refresh()

    def sort_column(self) -> int:
        """The column of the current sort key."""
        return next(i for i, c in enumerate(COLUMNS) if c.sort is self._filter.sort)
