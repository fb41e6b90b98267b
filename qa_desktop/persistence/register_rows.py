"""What both register readers share: the columns, set filters and rows of a page.

The full query layer (:mod:`incident_queries`) and the start-up reader (:mod:`quick_read`)
build their statements from these and turn the rows into a page here, so both give the
window exactly the same rows and cursor. Free of SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from qa_desktop.domain.register import IncidentPage, IncidentSummary, PageCursor

#: The incidents columns of a register row, in :class:`IncidentSummary` order; the
#: row's last value is the earliest running regulator clock.
SUMMARY_FIELDS = (
    "id",
    "reference",
    "title",
    "product_name",
    "model",
    "severity",
    "status",
    "source",
    "country",
    "first_known_at",
    "qa_owner",
    "business_unit",
    "version",
)
#: The row's last column: its incident's earliest running regulator clock (plain SQL that
#: both backends run; one index probe per row shown, so a page stays one round trip).
NEXT_DEADLINE_SQL = (
    "(SELECT min(reporting_clocks.due_at) FROM reporting_clocks "
    "WHERE reporting_clocks.incident_id = incidents.id "
    "AND reporting_clocks.state = 'running')"
)
#: Register filters that match a column against a set of values: (query field, column).
SET_FILTER_COLUMNS = (
    ("statuses", "status"),
    ("severities", "severity"),
    ("products", "product_name"),
    ("sources", "source"),
    ("countries", "country"),
    ("owners", "qa_owner"),
    ("business_units", "business_unit"),
)
_FIRST_KNOWN = SUMMARY_FIELDS.index("first_known_at")
_NEXT_DEADLINE = len(SUMMARY_FIELDS)


def moment(value: str | datetime) -> datetime:
    """A stored instant as an aware UTC datetime (SQLite keeps naive UTC text)."""
    if isinstance(value, str):
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value.astimezone(UTC)


def summary(row: Sequence[Any]) -> IncidentSummary:
    """The register row *row* (first-known and next deadline read untyped)."""
    values = list(row)
    values[_FIRST_KNOWN] = moment(values[_FIRST_KNOWN])
    if values[_NEXT_DEADLINE] is not None:
        values[_NEXT_DEADLINE] = moment(values[_NEXT_DEADLINE])
    return IncidentSummary._make(values)


def page(rows: Sequence[Sequence[Any]], limit: int, sort_field: str) -> IncidentPage:
    """The page of the first *limit* of *rows* (read with one more, to know if more follow)."""
    summaries = tuple(summary(row) for row in rows[:limit])
    cursor = None
    if len(rows) > limit and summaries:
        last = summaries[-1]
        cursor = PageCursor(getattr(last, sort_field), last.id)
    return IncidentPage(summaries, cursor)
