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
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.services.reporting_clocks import DeadlineQuery
from qa_desktop.services.response_results import DeadlineCursor, DeadlinePage, DeadlineRow
from qa_desktop.services.results import CurrentUser
from qa_desktop.ui.paged_model import AnyIndex, KeyPagedModel, Page
from qa_desktop.ui.response.wording import local_time, time_left_text, zone_time
from qa_desktop.ui.tasks import TaskRunner

PAGE_SIZE = 200
#: Every cell answers its incident's reference under this role.
REFERENCE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Every cell answers its clock's status code under this role (tests, delegates).
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2


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


class DeadlinesModel(KeyPagedModel):
    """Running clocks for one filter, fetched page by page as the view scrolls."""

    def __init__(
        self,
        clocks: Any,
        user: CurrentUser,
        tasks: TaskRunner,
        on_failed: Callable[[BaseException], None],
        parent: QObject | None = None,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(tasks, on_failed, page_size, parent)
        self._clocks = clocks
        self._user = user
        self._query = DeadlineQuery()

    @property
    def query(self) -> DeadlineQuery:
        """The filter whose clocks the model shows."""
        return self._query

    def set_query(self, query: DeadlineQuery) -> None:
        """Show the running clocks matching *query*, first page now, more on demand."""
        self._query = query
        self._reload(self._page_size)

    def refresh(self) -> None:
        """Read the current filter again (time left changes by the minute)."""
        self.set_query(self._query)

    def _page_reader(self, after: DeadlineCursor | None, limit: int) -> Callable[[], Page]:
        clocks, user, query = self._clocks, self._user, self._query

        def read() -> Page:
            page: DeadlinePage = clocks.deadlines(user, query, after=after, limit=limit)
            return page.rows, page.next

        return read

    def _column_count(self) -> int:
        return len(DeadlineColumn)

    def deadline(self, row: int) -> DeadlineRow | None:
        """The clock shown in *row*, if fetched."""
        deadline: DeadlineRow | None = self._row(row)
        return deadline

    # ------------------------------------------------------------------ Qt model
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
