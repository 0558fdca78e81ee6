"""The meeting list as a Qt table model: ids from a SQL filter, rows loaded a page at a time.

As for the member list, the model never holds ORM objects or a session: ``set_filter`` reads the
ids that match a ``MeetingFilter`` (period, type and text are filtered in SQL) and the first page of
rows; further pages are read when the view first shows them. ``clear`` forgets everything (the
workspace was locked).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.errors import BranchDeskError
from app.services import meetings
from app.services.meetings import MeetingFilter, MeetingListRow
from app.services.workspace import Workspace
from ui import member_texts

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 50
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})


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


@dataclass(frozen=True)
class Column:
    title: Callable[[], str]
    text: Callable[[MeetingListRow], str]


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


class MeetingTableModel(QAbstractTableModel):
    """Meetings matching ``meeting_filter``; ``meeting_id(row)`` gives the id behind a row."""

    def __init__(
        self, workspace: Workspace, page_size: int = PAGE_SIZE, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._page_size = page_size
        self._filter = MeetingFilter()
        self._ids: list[str] = []
        self._rows: dict[str, MeetingListRow] = {}
        self._texts: dict[str, tuple[str, ...]] = {}

    # ---------------------------------------------------------------- filter and loading
    @property
    def meeting_filter(self) -> MeetingFilter:
        return self._filter

    def set_filter(self, meeting_filter: MeetingFilter) -> None:
        """Show the meetings matching ``meeting_filter``. Raises BranchDeskError (then empty)."""
        self._filter = meeting_filter
        self.refresh()

    def refresh(self) -> None:
        """Read the ids and the first page again (after a write). Raises BranchDeskError."""
        self.beginResetModel()
        self._ids = []
        self._rows.clear()
        self._texts.clear()
        try:
            with self._workspace.unit_of_work() as uow:
                ids = meetings.meeting_ids(uow, self._filter)
                first = meetings.meeting_rows(uow, ids[: self._page_size])
            self._ids = ids
            self._remember(first)
        finally:
            self.endResetModel()

    def clear(self) -> None:
        """Forget every id and row (the workspace was locked)."""
        self.beginResetModel()
        self._ids = []
        self._rows.clear()
        self._texts.clear()
        self.endResetModel()

    @property
    def count(self) -> int:
        return len(self._ids)

    @property
    def loaded_rows(self) -> int:
        return len(self._rows)

    def meeting_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, meeting_id: str) -> int | None:
        try:
            return self._ids.index(meeting_id)
        except ValueError:
            return None

    def list_row(self, row: int) -> MeetingListRow | None:
        """The list row at ``row``, reading its page if needed (None if it cannot be read)."""
        meeting_id = self._ids[row]
        if meeting_id not in self._rows:
            self._load_page(row // self._page_size)
        return self._rows.get(meeting_id)

    def _load_page(self, page: int) -> None:
        start = page * self._page_size
        wanted = [i for i in self._ids[start : start + self._page_size] if i not in self._rows]
        try:
            with self._workspace.unit_of_work() as uow:
                self._remember(meetings.meeting_rows(uow, wanted))
        except BranchDeskError:
            pass  # locked or failing: the rows stay empty rather than raise inside paint

    def _remember(self, rows: list[MeetingListRow]) -> None:
        for row in rows:
            self._rows[row.id] = row
            self._texts[row.id] = tuple(column.text(row) for column in COLUMNS)

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        meeting_id = self._ids[index.row()]
        if role == ID_ROLE:
            return meeting_id
        if role not in _TEXT_ROLES:
            return None
        texts = self._texts.get(meeting_id)
        if texts is None:
            self.list_row(index.row())
            texts = self._texts.get(meeting_id)
        return texts[index.column()] if texts is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section].title()
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return str(section + 1)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
