"""The incident register as a lazy table model: pages fetched by key, never the whole table.

The database filters, sorts and pages (``services.incidents.page``); the model only holds
the rows fetched so far and the cursor for the next page, so a million incidents cost what
a few hundred do. Every query carries a generation number: an answer to an older query
(the user typed on, or pressed F5 again) arrives, is recognised as stale and is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QObject,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QIcon

from qa_desktop.domain.incident import Severity
from qa_desktop.domain.register import IncidentPage, IncidentQuery, SortKey
from qa_desktop.services.results import CurrentUser, IncidentSummary, PageCursor
from qa_desktop.ui.icons import swatch
from qa_desktop.ui.labels import country_label, severity_label, source_label, status_label
from qa_desktop.ui.paged_model import AnyIndex, KeyPagedModel, Page
from qa_desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from qa_desktop.services import QaServices

#: Rows fetched per page while scrolling.
PAGE_SIZE = 200
#: Most rows one refresh re-reads (the service's page limit).
MAX_REFRESH_ROWS = 1_000
#: The role under which every cell answers its incident's reference.
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1


class RegisterColumn(IntEnum):
    """The register's columns, left to right."""

    REFERENCE = 0
    TITLE = 1
    PRODUCT = 2
    SEVERITY = 3
    STATUS = 4
    SOURCE = 5
    COUNTRY = 6
    FIRST_KNOWN = 7
    QA_OWNER = 8
    NEXT_DEADLINE = 9


_COLUMNS = tuple(RegisterColumn)
_ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.DecorationRole,
        Qt.ItemDataRole.FontRole,
        REFERENCE_ROLE,
    }
)

#: The database order behind each sortable column (the deadline is computed, not stored).
SORT_KEYS: dict[RegisterColumn, SortKey] = {
    RegisterColumn.REFERENCE: SortKey.REFERENCE,
    RegisterColumn.TITLE: SortKey.TITLE,
    RegisterColumn.PRODUCT: SortKey.PRODUCT,
    RegisterColumn.SEVERITY: SortKey.SEVERITY,
    RegisterColumn.STATUS: SortKey.STATUS,
    RegisterColumn.SOURCE: SortKey.SOURCE,
    RegisterColumn.COUNTRY: SortKey.COUNTRY,
    RegisterColumn.FIRST_KNOWN: SortKey.FIRST_KNOWN,
    RegisterColumn.QA_OWNER: SortKey.QA_OWNER,
}
_COLUMN_OF_SORT = {key: column for column, key in SORT_KEYS.items()}

# Mid-tone colours readable as a swatch on light and dark backgrounds alike; the text
# beside them keeps the palette's colour, so no theme ever gets unreadable text.
_SEVERITY_COLOURS: dict[str, str] = {
    Severity.SERIOUS: "#d32f2f",
    Severity.HIGH: "#ef6c00",
    Severity.MEDIUM: "#f9a825",
    Severity.LOW: "#2e7d32",
    Severity.UNCLASSIFIED: "#8c8c8c",
}


def column_for_sort(key: SortKey) -> RegisterColumn | None:
    """The column showing *key*, if one does (business unit has none)."""
    return _COLUMN_OF_SORT.get(key)


def _when(value: datetime | None) -> str:
    # Local time, ISO order: unambiguous in every locale the register is used in.
    return "" if value is None else value.astimezone().strftime("%Y-%m-%d %H:%M")


class RegisterModel(KeyPagedModel):
    """Rows of the incident register for one query, fetched page by page on demand."""

    #: How many incidents match the current query (counted in the background).
    count_changed = Signal(int)

    def __init__(
        self,
        services: QaServices,
        user: CurrentUser,
        tasks: TaskRunner,
        on_failed: Callable[[BaseException], None],
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(tasks, on_failed, page_size, parent)
        self._services = services
        self._user = user
        self._query = IncidentQuery()
        self._seed: tuple[IncidentQuery, IncidentPage] | None = None
        self._count: int | None = None
        self._swatches: dict[str, QIcon] = {}
        self._bold: QFont | None = None

    # ---------------------------------------------------------------- queries
    @property
    def query(self) -> IncidentQuery:
        """The query whose rows the model shows (or is about to)."""
        return self._query

    @property
    def matching_count(self) -> int | None:
        """How many incidents match, once counted."""
        return self._count

    def seed(self, query: IncidentQuery, page: IncidentPage) -> None:
        """Use *page*, already read, as the first page when *query* is set next."""
        self._seed = (query, page)

    def set_query(self, query: IncidentQuery) -> None:
        """Show the incidents matching *query*: the first page now, more on demand."""
        self._query = query
        seed, self._seed = self._seed, None
        if seed is not None and seed[0] == query:
            generation = self._show_first_page(seed[1].rows, seed[1].next_cursor)
            self._count_in_background(generation)
            return
        self._reload(self._page_size)

    def refresh(self) -> None:
        """Re-read the current query, as deep as the user had scrolled (up to a limit)."""
        self._reload(min(max(self._page_size, len(self._rows)), MAX_REFRESH_ROWS))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let the database order the register by *column*; unsortable columns are ignored."""
        try:
            key = SORT_KEYS.get(RegisterColumn(column))
        except ValueError:
            key = None
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self._query, sort=key, descending=descending))

    def _reload(self, limit: int) -> int:
        self._count = None
        generation = super()._reload(limit)
        self._count_in_background(generation)
        return generation

    def _count_in_background(self, generation: int) -> None:
        self._count = None
        # The services are reached on the worker thread: while they are still loading
        # (see pending_services) the wait happens there, never on the GUI thread.
        services, user, query = self._services, self._user, self._query
        self._tasks.run(
            lambda: services.incidents.count(user, query),
            on_done=lambda count: self._on_count(generation, count),
            on_failed=lambda exc: self._on_failed(generation, exc),
        )

    def _page_reader(self, after: PageCursor | None, limit: int) -> Callable[[], Page]:
        services, user, query = self._services, self._user, self._query

        def read() -> Page:
            page = services.incidents.page(user, query, after=after, limit=limit)
            return page.rows, page.next_cursor

        return read

    def _column_count(self) -> int:
        return len(RegisterColumn)

    def _on_count(self, generation: int, count: int) -> None:
        if generation != self._generation:
            return
        self._count = count
        self.count_changed.emit(count)

    # ---------------------------------------------------------------- rows
    def summary(self, row: int) -> IncidentSummary | None:
        """The incident shown in *row*, if there is one."""
        summary: IncidentSummary | None = self._row(row)
        return summary

    def row_of(self, reference: str) -> int | None:
        """The row showing *reference*, if it has been fetched."""
        for row, summary in enumerate(self._rows):
            if summary.reference == reference:
                return row
        return None

    def sort_column(self) -> RegisterColumn | None:
        """The column the register is ordered by, if it is shown."""
        return column_for_sort(self._query.sort)

    # ---------------------------------------------------------------- Qt model
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """What a cell shows, tells on hover, and reads out to assistive technology."""
        # Called for every visible cell and every role the view asks about (sizes, colours,
        # alignment…), so the roles this model never answers are turned away first.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        column = _COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(summary, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(summary, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._swatch(summary.severity) if column is RegisterColumn.SEVERITY else None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold_font() if self._stands_out(summary, column) else None
        return summary.reference  # REFERENCE_ROLE

    def _bold_font(self) -> QFont:
        if self._bold is None:
            self._bold = QFont()
            self._bold.setBold(True)
        return self._bold

    @staticmethod
    def _stands_out(summary: IncidentSummary, column: RegisterColumn) -> bool:
        # Serious incidents are set in bold where the eye scans: reference and severity.
        return summary.severity == Severity.SERIOUS and column in (
            RegisterColumn.SEVERITY,
            RegisterColumn.REFERENCE,
        )

    def _text(self, summary: IncidentSummary, column: RegisterColumn) -> str:
        match column:
            case RegisterColumn.REFERENCE:
                return summary.reference
            case RegisterColumn.TITLE:
                return summary.title
            case RegisterColumn.PRODUCT:
                if summary.model:
                    return f"{summary.product_name} · {summary.model}"
                return summary.product_name
            case RegisterColumn.SEVERITY:
                return severity_label(summary.severity)
            case RegisterColumn.STATUS:
                return status_label(summary.status)
            case RegisterColumn.SOURCE:
                return source_label(summary.source)
            case RegisterColumn.COUNTRY:
                return summary.country
            case RegisterColumn.FIRST_KNOWN:
                return _when(summary.first_known_at)
            case RegisterColumn.QA_OWNER:
                return summary.qa_owner
            case RegisterColumn.NEXT_DEADLINE:
                return _when(summary.next_deadline)

    def _tooltip(self, summary: IncidentSummary, column: RegisterColumn) -> str | None:
        match column:
            case RegisterColumn.TITLE | RegisterColumn.PRODUCT:
                return self._text(summary, column)
            case RegisterColumn.COUNTRY:
                return country_label(summary.country)
            case RegisterColumn.FIRST_KNOWN:
                return self.tr("First known {local} (UTC {utc})").format(
                    local=_when(summary.first_known_at),
                    utc=summary.first_known_at.strftime("%Y-%m-%d %H:%M"),
                )
            case RegisterColumn.NEXT_DEADLINE if summary.next_deadline is None:
                return self.tr("No reporting deadline is running")
            case _:
                return None

    def _swatch(self, severity: str) -> QIcon:
        icon = self._swatches.get(severity)
        if icon is None:
            icon = swatch(_SEVERITY_COLOURS.get(severity, "#8c8c8c"))
            self._swatches[severity] = icon
        return icon

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        """Column titles, and on hover how each column sorts."""
        if (
            role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
            or orientation != Qt.Orientation.Horizontal
            or not 0 <= section < len(RegisterColumn)
        ):
            return None
        column = RegisterColumn(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(column)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in SORT_KEYS:
                return self.tr("Click to sort by this column; click again to reverse")
            return self.tr("Deadlines are computed, so this column cannot be sorted")
        return None

    def column_title(self, column: RegisterColumn) -> str:
        """The translated heading of *column*."""
        titles = {
            RegisterColumn.REFERENCE: self.tr("Reference"),
            RegisterColumn.TITLE: self.tr("Title"),
            RegisterColumn.PRODUCT: self.tr("Product / model"),
            RegisterColumn.SEVERITY: self.tr("Severity"),
            RegisterColumn.STATUS: self.tr("Status"),
            RegisterColumn.SOURCE: self.tr("Source"),
            RegisterColumn.COUNTRY: self.tr("Country"),
            RegisterColumn.FIRST_KNOWN: self.tr("First known"),
            RegisterColumn.QA_OWNER: self.tr("QA owner"),
            RegisterColumn.NEXT_DEADLINE: self.tr("Next deadline"),
        }
        return titles[column]
