"""What the incident register can be asked: filters, search text and order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


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
