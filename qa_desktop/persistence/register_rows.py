"""A register row as both readers receive it, turned into an :class:`IncidentSummary`.

Shared by the full query layer (:mod:`incident_queries`) and the start-up reader
(:mod:`quick_read`) so that both give the window exactly the same rows. Free of SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from qa_desktop.domain.register import IncidentSummary

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
