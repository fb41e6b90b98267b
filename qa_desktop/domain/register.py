"""What the incident register can be asked: filters, search text and order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import NamedTuple


class SortKey(StrEnum):
    """Columns the register can be sorted by (each has a (column, id) index)."""

    FIRST_KNOWN = "first_known_at"
    REFERENCE = "reference"
    TITLE = "title"
    PRODUCT = "product_name"
    MODEL = "model"
    STATUS = "status"
    SEVERITY = "severity"
    SOURCE = "source"
    COUNTRY = "country"
    QA_OWNER = "qa_owner"
    BUSINESS_UNIT = "business_unit"


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """Filters and order of the register; empty filters match everything."""

    text: str = ""
    statuses: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()
    products: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    business_units: tuple[str, ...] = ()
    known_from: datetime | None = None
    known_to: datetime | None = None
    sort: SortKey = SortKey.FIRST_KNOWN
    descending: bool = True


class IncidentSummary(NamedTuple):
    """One row of the incident register (a named tuple: a page builds hundreds of these)."""

    id: int
    reference: str
    title: str
    product_name: str
    model: str
    severity: str
    status: str
    source: str
    country: str
    first_known_at: datetime
    qa_owner: str
    business_unit: str
    version: int
    next_deadline: datetime | None = None


@dataclass(frozen=True, slots=True)
class PageCursor:
    """Where the next page starts: the sort value and id of the last row shown."""

    value: object
    id: int


@dataclass(frozen=True, slots=True)
class IncidentPage:
    """A page of register rows and the cursor for the next one (``None`` at the end)."""

    rows: tuple[IncidentSummary, ...]
    next_cursor: PageCursor | None
