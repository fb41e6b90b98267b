"""What the register is filtered by, as the filter bar holds it and the settings keep it.

Dates are calendar days in the user's time zone (the way a person says "from 1 April");
:meth:`RegisterFilter.to_query` turns them into the instants the database compares.
Saved filters come back from a settings file a person may have edited, so reading one
never fails: anything unusable is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from qa_desktop.domain.incident import TEXT_LIMITS
from qa_desktop.domain.register import IncidentQuery, SortKey
from qa_desktop.domain.search_text import MAX_QUERY_LENGTH

_CHOICE_FIELDS = ("statuses", "severities", "products", "sources", "countries", "owners")
#: How many values one filter may list; more than a person picks, fewer than a runaway file.
MAX_CHOICES = 50


@dataclass(frozen=True, slots=True)
class RegisterFilter:
    """Search text and filters of the register; empty parts match everything."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    known_from: date | None = None
    known_to: date | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered or searched."""
        return self == RegisterFilter()

    def with_changes(self, **changes: Any) -> RegisterFilter:
        """A copy with *changes* applied."""
        return replace(self, **changes)

    def to_query(self, sort: SortKey, descending: bool) -> IncidentQuery:
        """The database query for this filter in the given order.

        ``known_to`` is inclusive (the whole day), so the query runs to the next midnight.
        """
        known_from = _local_midnight(self.known_from) if self.known_from else None
        known_to = _local_midnight(self.known_to + timedelta(days=1)) if self.known_to else None
        return IncidentQuery(
            text=self.text[:MAX_QUERY_LENGTH],
            statuses=self.statuses,
            severities=self.severities,
            products=self.products,
            sources=self.sources,
            countries=self.countries,
            owners=self.owners,
            known_from=known_from,
            known_to=known_to,
            sort=sort,
            descending=descending,
        )

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready mapping (for the settings file)."""
        data: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if isinstance(value, date):
                data[item.name] = value.isoformat()
            elif isinstance(value, tuple):
                data[item.name] = list(value)
            else:
                data[item.name] = value
        return data

    @classmethod
    def from_json(cls, data: object) -> RegisterFilter:
        """The filter stored as *data*; unusable parts are dropped, never raised."""
        if not isinstance(data, dict):
            return cls()
        text = data.get("text")
        values: dict[str, Any] = {
            "text": text[:MAX_QUERY_LENGTH] if isinstance(text, str) else "",
            "known_from": _parse_date(data.get("known_from")),
            "known_to": _parse_date(data.get("known_to")),
        }
        for name in _CHOICE_FIELDS:
            values[name] = _parse_choices(data.get(name))
        return cls(**values)


def _local_midnight(day: date) -> datetime:
    # astimezone() on a naive value reads it as local time, which is what the user meant.
    return datetime.combine(day, time.min).astimezone()


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_choices(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    longest = max(TEXT_LIMITS["product_name"], TEXT_LIMITS["qa_owner"])
    return tuple(v for v in value if isinstance(v, str) and 0 < len(v) <= longest)[:MAX_CHOICES]
