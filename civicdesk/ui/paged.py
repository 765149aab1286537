"""A table model over SQL paging: pages of rows are fetched on the database thread as
the view scrolls to them, kept in a small cache, and sorted in SQL.

Never loads every row: ``rowCount`` is the total from the first page, and ``data``
for a row whose page is not there yet asks for it and returns nothing meanwhile.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from civicdesk.services.base import ListQuery, Page
from civicdesk.ui.tasks import Task, TaskRunner

R = TypeVar("R")
ModelIndex = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
MAX_CACHED_PAGES = 20


@dataclass(frozen=True)
class Column(Generic[R]):
    key: str
    #: the header text; called every time so it follows the current language
    title: Callable[[], str]
    value: Callable[[R], str]
    #: the service's sort key, or None when the column cannot be sorted
    sort: str | None = None


Fetch = Callable[[ListQuery], Page[R]]


class PagedTableModel(QAbstractTableModel, Generic[R]):
    """Rows come from ``fetch(ListQuery)`` (run on the database thread)."""

    #: total number of rows after a (re)load
    loaded = Signal(int)

    def __init__(
        self,
        runner: TaskRunner,
        columns: Sequence[Column[R]],
        fetch: Fetch[R],
        *,
        page_size: int = PAGE_SIZE,
        default_sort: str | None = None,
        default_descending: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._columns = list(columns)
        self._fetch = fetch
        self._page_size = page_size
        self._total = 0
        self._pages: OrderedDict[int, list[R]] = OrderedDict()
        self._requested: dict[int, Task] = {}
        self._generation = 0
        self.search = ""
        self.sort_key = default_sort
        self.descending = default_descending
        self.loading = False

    # --- loading ---------------------------------------------------------------

    def set_fetch(self, fetch: Fetch[R]) -> None:
        self._fetch = fetch

    def query(self, page: int) -> ListQuery:
        return ListQuery(
            offset=page * self._page_size, limit=self._page_size, sort=self.sort_key,
            descending=self.descending, search=self.search,
        )

    def export_source(
        self, columns: Sequence[int]
    ) -> tuple[Fetch[R], ListQuery, Callable[[R], list[str]]]:
        """What an export needs to list every row the view shows: the fetch (with the
        page's filters), the query (its search and order, from the first row) and the
        texts of ``columns`` of a row."""
        cols = [self._columns[c] for c in columns if 0 <= c < len(self._columns)]
        return self._fetch, self.query(0), lambda row: [c.value(row) for c in cols]

    def reload(self) -> None:
        """Drop the cache and fetch the first page (the view keeps its old rows until then)."""
        self._generation += 1
        for task in self._requested.values():
            task.cancel()
        self._requested.clear()
        self.loading = True
        gen = self._generation
        self._runner.db(
            self._fetch, self.query(0),
            on_done=lambda page: self._first_page(gen, page),
            on_finally=lambda: self._settle(gen),
        )

    def _settle(self, gen: int) -> None:
        if gen == self._generation:
            self.loading = False

    def _first_page(self, gen: int, page: Page[R]) -> None:
        if gen != self._generation:
            return
        self.beginResetModel()
        self._pages.clear()
        self._total = page.total
        self._pages[0] = list(page.rows)
        self.endResetModel()
        self.loaded.emit(self._total)

    def _request(self, page_no: int) -> None:
        if page_no in self._requested or page_no in self._pages:
            return
        gen = self._generation
        self._requested[page_no] = self._runner.db(
            self._fetch, self.query(page_no),
            on_done=lambda page: self._got_page(gen, page_no, page),
        )

    def _got_page(self, gen: int, page_no: int, page: Page[R]) -> None:
        if gen != self._generation:
            return
        self._requested.pop(page_no, None)
        self._pages[page_no] = list(page.rows)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        first = page_no * self._page_size
        last = min(first + len(page.rows), self._total) - 1
        if page.total != self._total:
            # rows were added or removed meanwhile: start again from the top
            self.reload()
            return
        if last >= first:
            self.dataChanged.emit(
                self.index(first, 0), self.index(last, len(self._columns) - 1)
            )

    def row_at(self, row: int) -> R | None:
        if row < 0 or row >= self._total:
            return None
        page_no, pos = divmod(row, self._page_size)
        page = self._pages.get(page_no)
        if page is None:
            self._request(page_no)
            return None
        self._pages.move_to_end(page_no)
        return page[pos] if pos < len(page) else None

    @property
    def total(self) -> int:
        return self._total

    @property
    def cached_rows(self) -> int:
        return sum(len(p) for p in self._pages.values())

    # --- Qt model --------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._columns):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            item = self.row_at(index.row())
            if item is None:
                return "…" if role == Qt.ItemDataRole.DisplayRole and index.column() == 0 else None
            return self._columns[index.column()].value(item)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        # the tooltip repeats a header too narrow for its text
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title()
            return None
        return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorting runs in SQL: remember the key and reload."""
        if not 0 <= column < len(self._columns):
            return
        key = self._columns[column].sort
        if key is None:
            return
        self.sort_key = key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def sort_column(self) -> int:
        for i, c in enumerate(self._columns):
            if c.sort == self.sort_key and c.sort is not None:
                return i
        return -1

    def retranslate(self) -> None:
        """Headers and cell texts follow the language (cached rows are re-read)."""
        if self._columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._columns) - 1)
        if self._total:
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._total - 1, len(self._columns) - 1)
            )
