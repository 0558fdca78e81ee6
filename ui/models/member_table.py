"""The member list as a Qt table model: ids from a SQL filter, rows loaded page by page.

The model never holds ORM objects or a session. ``refresh`` opens a unit of work, reads the ids
that match the filter (filtered and sorted in SQL) and the first page of rows, and closes it.
Further rows are fetched a page at a time when the view first asks for them, so a list of
10,000 members costs one id query and a page of rows per screen. Rows read once are kept (by
member id, up to ``ROW_CACHE_SIZE``) while the filter changes, so each keystroke in the search
box mostly reads ids; ``refresh`` (after a write) forgets them, ``clear`` forgets everything
(the workspace was locked).
"""

from __future__ import annotations

from collections import OrderedDict
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
PAGE_SIZE = 50
"""Rows read at once: two screens' worth."""

ROW_CACHE_SIZE = 5_000
"""Rows kept between filter changes (a few MB at most)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})


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
        self._rows: OrderedDict[str, MemberListRow] = OrderedDict()  # LRU, by member id
        self._texts: dict[str, tuple[str, ...]] = {}  # what each column shows, by member id
        self._loaded = False

    # ---------------------------------------------------------------- filter and loading
    @property
    def member_filter(self) -> MemberFilter:
        return self._filter

    def set_filter(self, member_filter: MemberFilter, keep_rows: bool = True) -> None:
        """Show the members matching ``member_filter`` (its sort is kept from ``sort()``).

        Rows already read are reused unless ``keep_rows`` is False (after a write): typing a
        name narrows the list to members whose rows were mostly read for the previous
        keystroke. Raises BranchDeskError.
        """
        self._filter = replace(
            member_filter, sort=self._filter.sort, descending=self._filter.descending
        )
        self._reload(keep_rows=keep_rows)

    def refresh(self) -> None:
        """Read the matching ids and the first page again, forgetting every row read before:
        call it after anything was written. Raises BranchDeskError (the model is then empty).
        """
        self._reload(keep_rows=False)

    def _reload(self, keep_rows: bool) -> None:
        self.beginResetModel()
        self._ids = []
        if not keep_rows:
            self._rows.clear()
            self._texts.clear()
        self._loaded = False
        try:
            with self._workspace.unit_of_work() as uow:
                ids = members.member_ids(uow, self._filter)
                missing = [i for i in ids[: self._page_size] if i not in self._rows]
                first = members.member_rows(uow, missing) if missing else []
            self._ids = ids
            self._remember(first)
            self._loaded = True
        finally:
            self.endResetModel()

    def clear(self) -> None:
        """Forget every id and row (the workspace was locked)."""
        self.beginResetModel()
        self._ids = []
        self._rows.clear()
        self._texts.clear()
        self._loaded = False
        self.endResetModel()

    @property
    def count(self) -> int:
        return len(self._ids)

    @property
    def loaded_rows(self) -> int:
        """How many of the listed members' rows have been read (a page at a time)."""
        return sum(1 for i in self._ids if i in self._rows)

    def member_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, member_id: str) -> int | None:
        """The row showing ``member_id``, or None when the filter hides it."""
        try:
            return self._ids.index(member_id)
        except ValueError:
            return None

    def list_row(self, row: int) -> MemberListRow | None:
        """The list row at ``row``, reading its page if needed (None if it cannot be read)."""
        member_id = self._ids[row]
        found = self._rows.get(member_id)
        if found is None:
            self._load_page(row // self._page_size)
            found = self._rows.get(member_id)
        return found

    def _load_page(self, page: int) -> None:
        start = page * self._page_size
        missing = [i for i in self._ids[start : start + self._page_size] if i not in self._rows]
        try:
            with self._workspace.unit_of_work() as uow:
                self._remember(members.member_rows(uow, missing))
        except BranchDeskError:
            pass  # locked or failing: the rows stay empty rather than raise inside paint

    def _remember(self, rows: list[MemberListRow]) -> None:
        for row in rows:
            self._rows[row.id] = row
            self._rows.move_to_end(row.id)
            self._texts[row.id] = tuple(column.text(row) for column in COLUMNS)
        while len(self._rows) > ROW_CACHE_SIZE:
            forgotten, _row = self._rows.popitem(last=False)
            del self._texts[forgotten]

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
        if role not in _TEXT_ROLES:
            return None
        texts = self._texts.get(self._ids[index.row()])
        if texts is None:
            self.list_row(index.row())
            texts = self._texts.get(self._ids[index.row()])
        return texts[index.column()] if texts is not None else None

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
            self._reload(keep_rows=True)

    def sort_column(self) -> int:
        """The column of the current sort key."""
        return next(i for i, c in enumerate(COLUMNS) if c.sort is self._filter.sort)
