"""Every running regulator clock as a lazy table model, most urgent first.

Like the register, the database filters, orders and pages (``clocks.deadlines``); the model
holds only the rows fetched so far and the cursor of the next page, so 100,000 running
clocks cost what a few hundred do. Each query carries a generation number so that a late
answer to an older filter is dropped. Overdue clocks stand out three ways at once: a
warning icon, the words "OVERDUE by …", and a tinted row that reads on light and dark
palettes alike (the text keeps the palette's colour; only a translucent wash is added).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.services.reporting_clocks import DeadlineQuery
from qa_desktop.services.response_results import DeadlineCursor, DeadlinePage, DeadlineRow
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.response.wording import local_time, time_left_text, zone_time
from qa_desktop.ui.tasks import TaskRunner

PAGE_SIZE = 200
#: Every cell answers its incident's reference under this role.
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Every cell answers its clock's status code under this role (tests, delegates).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex

# Translucent washes: over a white or a near-black base both stay legible.
_WASH = {
    ClockStatus.OVERDUE: QColor(211, 47, 47, 90),
    ClockStatus.DUE_IMMEDIATELY: QColor(239, 108, 0, 70),
    ClockStatus.CANNOT_START: QColor(140, 140, 140, 70),
}


class DeadlineColumn(IntEnum):
    """The deadlines view's columns, left to right."""

    TIME_LEFT = 0
    REFERENCE = 1
    INCIDENT = 2
    BUSINESS_UNIT = 3
    JURISDICTION = 4
    REPORT = 5
    DUE_LOCAL = 6
    DUE_REGULATOR = 7


class DeadlinesModel(QAbstractTableModel):
    """Running clocks for one filter, fetched page by page as the view scrolls."""

    #: The first page of the current filter is in the model.
    page_shown = Signal()

    def __init__(
        self,
        clocks: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        on_failed: Callable[[BaseException], None],
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self._clocks = clocks
        self._user = user
        self._tasks = tasks
        self._on_failed_callback = on_failed
        self._page_size = page_size
        self._rows: list[DeadlineRow] = []
        self._cursor: DeadlineCursor | None = None
        self._query = DeadlineQuery()
        self._generation = 0
        self._fetching = False
        self._loading = False

    @property
    def query(self) -> DeadlineQuery:
        """The filter whose clocks the model shows."""
        return self._query

    def set_query(self, query: DeadlineQuery) -> None:
        """Show the running clocks matching *query*, first page now, more on demand."""
        self._query = query
        self._generation += 1
        generation = self._generation
        clocks, user, limit = self._clocks, self._user, self._page_size
        self._fetching = False
        self._loading = True
        self._tasks.run(
            lambda: clocks.deadlines(user, query, limit=limit),
            on_done=lambda page: self._on_first_page(generation, page),
            on_failed=lambda exc: self._on_failed(generation, exc),
        )

    def refresh(self) -> None:
        """Read the current filter again (time left changes by the minute)."""
        self.set_query(self._query)

    def stop(self) -> None:
        """Ignore answers still on their way (the view is closing)."""
        self._generation += 1

    def _on_first_page(self, generation: int, page: DeadlinePage) -> None:
        if generation != self._generation:
            return
        self.beginResetModel()
        self._rows = list(page.rows)
        self._cursor = page.next
        self._loading = False
        self.endResetModel()
        self.page_shown.emit()

    def _on_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._loading = False
        self._on_failed_callback(exc)

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        """True when more running clocks match than were fetched."""
        if parent.isValid():
            return False
        return self._cursor is not None and not self._fetching and not self._loading

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        """Fetch the next page in the background; rows are appended when it arrives."""
        if not self.canFetchMore(parent):
            return
        self._fetching = True
        generation = self._generation
        clocks, user, query = self._clocks, self._user, self._query
        after, limit = self._cursor, self._page_size
        self._tasks.run(
            lambda: clocks.deadlines(user, query, after=after, limit=limit),
            on_done=lambda page: self._on_next_page(generation, page),
            on_failed=lambda exc: self._on_failed(generation, exc),
        )

    def _on_next_page(self, generation: int, page: DeadlinePage) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._cursor = page.next
        if page.rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def deadline(self, row: int) -> DeadlineRow | None:
        """The clock shown in *row*, if fetched."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """Rows fetched so far."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        """The view's columns."""
        return 0 if parent.isValid() else len(DeadlineColumn)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        """Selectable, never editable."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltip, the overdue marks, and the reference for opening."""
        if not index.isValid() or index.parent().isValid():
            return None
        row = self.deadline(index.row())
        if row is None:
            return None
        column = DeadlineColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column is DeadlineColumn.TIME_LEFT:
            return self._icon(row.status)
        if role == Qt.ItemDataRole.BackgroundRole and row.status in _WASH:
            return QBrush(_WASH[row.status])
        if role == Qt.ItemDataRole.FontRole and row.overdue:
            font = QFont()
            font.setBold(True)
            return font
        if role == REFERENCE_ROLE:
            return row.reference
        if role == STATUS_ROLE:
            return row.status.value
        return None

    def _text(self, row: DeadlineRow, column: DeadlineColumn) -> str:
        match column:
            case DeadlineColumn.TIME_LEFT:
                if row.status is ClockStatus.DUE_IMMEDIATELY and row.time_left is None:
                    return self.tr("Due immediately")
                return time_left_text(row.time_left, row.problem)
            case DeadlineColumn.REFERENCE:
                return row.reference
            case DeadlineColumn.INCIDENT:
                return f"{row.incident_title} · {row.product_name}"
            case DeadlineColumn.BUSINESS_UNIT:
                return row.business_unit
            case DeadlineColumn.JURISDICTION:
                return row.jurisdiction
            case DeadlineColumn.REPORT:
                return f"{row.title} ({row.citation})"
            case DeadlineColumn.DUE_LOCAL:
                return local_time(row.due_at)
            case DeadlineColumn.DUE_REGULATOR:
                return zone_time(row.due_at_regulator)

    def _tooltip(self, row: DeadlineRow, column: DeadlineColumn) -> str | None:
        if column is DeadlineColumn.DUE_LOCAL and row.moved and row.calendar_due_at:
            return self.tr("Moved from {calendar} by the rule's non-working-day handling").format(
                calendar=local_time(row.calendar_due_at)
            )
        if column is DeadlineColumn.DUE_REGULATOR:
            return self.tr("In the regulator's time zone ({zone})").format(zone=row.time_zone)
        if column in (DeadlineColumn.INCIDENT, DeadlineColumn.REPORT):
            return self._text(row, column)
        return None

    @staticmethod
    def _icon(status: ClockStatus) -> QIcon:
        style = QApplication.style()
        pixmaps = {
            ClockStatus.OVERDUE: QStyle.StandardPixmap.SP_MessageBoxCritical,
            ClockStatus.DUE_IMMEDIATELY: QStyle.StandardPixmap.SP_MessageBoxWarning,
            ClockStatus.CANNOT_START: QStyle.StandardPixmap.SP_MessageBoxQuestion,
        }
        if status in pixmaps:
            return style.standardIcon(pixmaps[status])
        return QIcon()

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(DeadlineColumn):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = {
            DeadlineColumn.TIME_LEFT: self.tr("Time left"),
            DeadlineColumn.REFERENCE: self.tr("Reference"),
            DeadlineColumn.INCIDENT: self.tr("Incident / product"),
            DeadlineColumn.BUSINESS_UNIT: self.tr("Business unit"),
            DeadlineColumn.JURISDICTION: self.tr("Jurisdiction"),
            DeadlineColumn.REPORT: self.tr("Report"),
            DeadlineColumn.DUE_LOCAL: self.tr("Due (your time)"),
            DeadlineColumn.DUE_REGULATOR: self.tr("Due (regulator's time)"),
        }
        return titles[DeadlineColumn(section)]
