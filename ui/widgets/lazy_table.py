"""A Qt table model over ids from a SQL filter, with rows read a page at a time (Anki's pattern).

The model never holds ORM objects or a session. Loading opens a unit of work, reads the ids that
match the filter (filtered and sorted in SQL) and the first page of rows, and closes it. Further
rows are read a page at a time when the view first asks for them, so a list of 10,000 records
costs one id query and a page of rows per screen. Rows read once are kept (by id, up to
``cache_size``) while the filter changes, so each keystroke in a search box mostly reads ids;
``refresh`` (after a write) forgets them, ``clear`` forgets everything (the workspace was
locked). Subclasses name the columns and the two reads.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from app.errors import BranchDeskError
from app.services.workspace import Workspace
from ui.widgets.headers import header_data

Index = QModelIndex | QPersistentModelIndex
PAGE_SIZE = 50
"""Rows read at once: two screens' worth."""

ROW_CACHE_SIZE = 5_000
"""Rows kept between filter changes (a few MB at most)."""

ID_ROLE = Qt.ItemDataRole.UserRole + 1
_TEXT_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole})


@dataclass(frozen=True)
class Column:
    """One column: its header, what a row shows in it, and the SQL sort key behind it (if any)."""

    title: Callable[[], str]
    text: Callable[[Any], str]
    sort: Any = None


class LazyTableModel(QAbstractTableModel):
    """Rows (dataclasses with an ``id``) matching ``current_filter``, read on demand."""

    columns: Sequence[Column] = ()

    def __init__(
        self,
        workspace: Workspace,
        initial_filter: Any,
        page_size: int = PAGE_SIZE,
        cache_size: int = ROW_CACHE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._page_size = page_size
        self._cache_size = cache_size
        self._filter = initial_filter
        self._ids: list[str] = []
        self._rows: OrderedDict[str, Any] = OrderedDict()  # LRU, by id
        self._texts: dict[str, tuple[str, ...]] = {}  # what each column shows, by id
        self._loaded = False

    # ---------------------------------------------------------------- the two reads
    def fetch_ids(self, uow: Any, current_filter: Any) -> list[str]:
        """The ids matching ``current_filter``, in display order (SQL)."""
        raise NotImplementedError

    def fetch_rows(self, uow: Any, ids: Sequence[str]) -> list[Any]:
        """The list rows of ``ids`` (any order)."""
        raise NotImplementedError

    # ---------------------------------------------------------------- filter and loading
    @property
    def current_filter(self) -> Any:
        return self._filter

    def set_filter(self, new_filter: Any, keep_rows: bool = True) -> None:
        """Show the records matching ``new_filter``; rows already read are reused unless
        ``keep_rows`` is False (after a write). Raises BranchDeskError (the model is then empty).
        """
        self._filter = new_filter
        self._reload(keep_rows=keep_rows)

    def refresh(self) -> None:
        """Read the ids and the first page again, forgetting every row read before: call it
        after anything was written. Raises BranchDeskError (the model is then empty)."""
        self._reload(keep_rows=False)

    def _reload(self, keep_rows: bool) -> None:
        self.beginResetModel()
        self._ids = []
        if not keep_rows:
            self._rows.clear()
            self._texts.clear()
        self._loaded = False
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                ids = self.fetch_ids(uow, self._filter)
                missing = [i for i in ids[: self._page_size] if i not in self._rows]
                first = self.fetch_rows(uow, missing) if missing else []
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
        """How many of the listed records' rows have been read (a page at a time)."""
        return sum(1 for i in self._ids if i in self._rows)

    def id_at(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, record_id: str) -> int | None:
        """The row showing ``record_id``, or None when the filter hides it."""
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def list_row(self, row: int) -> Any:
        """The list row at ``row``, reading its page if needed (None if it cannot be read)."""
        record_id = self._ids[row]
        found = self._rows.get(record_id)
        if found is None:
            self._load_page(row // self._page_size)
            found = self._rows.get(record_id)
        return found

    def _load_page(self, page: int) -> None:
        start = page * self._page_size
        missing = [i for i in self._ids[start : start + self._page_size] if i not in self._rows]
        try:
            with self._workspace.unit_of_work(read_only=True) as uow:
                self._remember(self.fetch_rows(uow, missing))
        except BranchDeskError:
            pass  # locked or failing: the rows stay empty rather than raise inside paint

    def _remember(self, rows: list[Any]) -> None:
        for row in rows:
            self._rows[row.id] = row
            self._rows.move_to_end(row.id)
            self._texts[row.id] = tuple(column.text(row) for column in self.columns)
        while len(self._rows) > self._cache_size:
            forgotten, _row = self._rows.popitem(last=False)
            del self._texts[forgotten]

    # ---------------------------------------------------------------- Qt
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        record_id = self._ids[index.row()]
        if role == ID_ROLE:
            return record_id
        if role not in _TEXT_ROLES:
            return None
        texts = self._texts.get(record_id)
        if texts is None:
            self.list_row(index.row())
            texts = self._texts.get(record_id)
        return texts[index.column()] if texts is not None else None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_data(
            section, orientation, role, len(self.columns),
            lambda c: self.columns[c].title(), (), len(self._ids),
        )

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
