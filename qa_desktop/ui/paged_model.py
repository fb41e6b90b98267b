"""A table model whose rows arrive page by page, by key, from a background task.

The register and the deadlines view show up to a million rows this way: the first page on
a new query, the next one when the view scrolls near the end (``canFetchMore`` /
``fetchMore``). Every request carries the model's *generation*; an answer to a query the
user has since replaced is dropped, so a slow old search never overwrites a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from qa_desktop.ui.tasks import TaskRunner

AnyIndex = QModelIndex | QPersistentModelIndex
#: Every row's flags (combined once: the view asks for every visible cell).
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
#: A page as subclasses fetch it: the rows, and the cursor of the next page (None at the end).
Page = tuple[Sequence[Any], Any]


class KeyPagedModel(QAbstractTableModel):
    """Rows fetched by key in pages; subclasses say how to read a page and show a cell."""

    #: The first page of the current query is in the model.
    page_shown = Signal()
    #: True while a new query or a refresh is being read.
    loading_changed = Signal(bool)

    def __init__(
        self,
        tasks: TaskRunner,
        on_failed: Callable[[BaseException], None],
        page_size: int,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._on_failed_callback = on_failed
        self._page_size = page_size
        self._rows: list[Any] = []
        self._cursor: Any = None
        self._generation = 0
        self._failure_reported = 0
        self._loading = False
        self._fetching = False

    # ------------------------------------------------------------ for subclasses
    def _page_reader(self, after: Any, limit: int) -> Callable[[], Page]:
        """A callable, run off the GUI thread, that reads one page after *after*."""
        raise NotImplementedError

    def _column_count(self) -> int:
        raise NotImplementedError

    # ------------------------------------------------------------ loading
    @property
    def is_loading(self) -> bool:
        """True while a new query or refresh is in flight."""
        return self._loading

    def stop(self) -> None:
        """Ignore every answer still on its way (the view is closing)."""
        self._generation += 1
        self._fetching = False
        self._set_loading(False)

    def _reload(self, limit: int) -> int:
        """Read the first *limit* rows afresh; returns the new generation."""
        self._generation += 1
        generation = self._generation
        self._fetching = False
        self._set_loading(True)
        self._tasks.run(
            self._page_reader(None, limit),
            on_done=lambda page: self._on_first_page(generation, page),
            on_failed=lambda exc: self._on_failed(generation, exc),
        )
        return generation

    def _show_first_page(self, rows: Sequence[Any], cursor: Any) -> int:
        """Show *rows*, read already, as the first page; returns the new generation."""
        self._generation += 1
        self._fetching = False
        self._on_first_page(self._generation, (rows, cursor))
        return self._generation

    def _on_first_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # an answer to a query the user has moved on from
        rows, cursor = page
        self.beginResetModel()
        self._rows = list(rows)
        self._cursor = cursor
        self.endResetModel()
        self._set_loading(False)
        self.page_shown.emit()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._set_loading(False)
        # Several reads of one query usually fail for the same reason: say it once.
        if self._failure_reported != generation:
            self._failure_reported = generation
            self._on_failed_callback(exc)

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # ------------------------------------------------------------ lazy fetching
    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        """True when the database holds more rows for this query than were fetched."""
        if parent.isValid():
            return False
        return self._cursor is not None and not self._fetching and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        """Fetch the next page in the background; rows are appended when it arrives."""
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        self._tasks.run(
            self._page_reader(self._cursor, self._page_size),
            on_done=lambda page: self._on_next_page(generation, page),
            on_failed=lambda exc: self._on_failed(generation, exc),
        )

    def _on_next_page(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        rows, cursor = page
        self._fetching = False
        self._cursor = cursor
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    # ------------------------------------------------------------ Qt model
    def _row(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows fetched so far (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """The table's columns."""
        return 0 if parent.isValid() else self._column_count()

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Rows are selectable, never edited in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS
