"""One row of an incident file: its columns, and the draft it stands for.

The interchange formats carry the fields of :data:`~qa_desktop.domain.incident.INCIDENT_FIELDS`
under their own names, plus read-only facts an export adds. A row's cells become a draft
here, checked by the domain's own rules, and every problem of the row is collected so that
the person fixing the file sees them all at once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import datetime
from enum import StrEnum
from typing import Any

from qa_desktop.domain.errors import FieldError, RowProblem
from qa_desktop.domain.incident import (
    INCIDENT_FIELDS,
    HarmFacts,
    IncidentDraft,
    IncidentSource,
    IncidentStatus,
    Severity,
    validate_incident,
)
from qa_desktop.services.interchange_cells import (
    CellProblem,
    Format,
    read_choice,
    read_count,
    read_flag,
    read_markets,
    read_text,
    read_time,
)

#: Facts an export carries that the database sets itself; an import accepts and ignores them.
READ_ONLY_FIELDS: tuple[str, ...] = (
    "version",
    "created_at",
    "created_by",
    "updated_at",
    "updated_by",
)
#: Every column of an export, in order.
EXPORT_FIELDS: tuple[str, ...] = (*INCIDENT_FIELDS, *READ_ONLY_FIELDS)
#: Every column or key an import accepts (``incident show --json`` adds attachments).
KNOWN_FIELDS = frozenset(EXPORT_FIELDS) | {"attachments"}
#: Columns an import file must have (every other field has a default).
REQUIRED_FIELDS: tuple[str, ...] = ("title", "product_name", "source", "country", "first_known_at")

TEXT_FIELDS = frozenset(
    {
        "reference",
        "title",
        "description",
        "product_name",
        "model",
        "serial_ranges",
        "business_unit",
        "qa_owner",
    }
)
COUNT_FIELDS = frozenset({"units_in_field", "deaths", "injuries", "max_treatment_days"})
FLAG_FIELDS = frozenset(
    {"permanent_disability", "co_poisoning", "fire", "fire_service_confirmed", "property_damage"}
)
TIME_FIELDS = frozenset({"occurred_at", "first_known_at", "qa_aware_at"})
CHOICE_FIELDS: dict[str, type[StrEnum]] = {
    "source": IncidentSource,
    "status": IncidentStatus,
    "severity": Severity,
}


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One row of an import file: its number, its cells by column name, and read problems.

    ``values`` is ``None`` when the row could not be read at all (``problems`` say why).
    ``absent`` names required columns the whole file lacks (reported once, on the header).
    """

    row: int
    values: Mapping[str, Any] | None
    problems: tuple[RowProblem, ...] = ()
    absent: frozenset[str] = field(default=frozenset())


def flat_values(draft: IncidentDraft) -> dict[str, Any]:
    """The draft's fields keyed by :data:`INCIDENT_FIELDS`, in that order."""
    harm = draft.harm
    return {
        "reference": draft.reference,
        "title": draft.title,
        "description": draft.description,
        "product_name": draft.product_name,
        "model": draft.model,
        "serial_ranges": draft.serial_ranges,
        "units_in_field": draft.units_in_field,
        "source": draft.source,
        "country": draft.country,
        "markets": draft.markets,
        "deaths": harm.deaths,
        "injuries": harm.injuries,
        "max_treatment_days": harm.max_treatment_days,
        "permanent_disability": harm.permanent_disability,
        "co_poisoning": harm.co_poisoning,
        "fire": harm.fire,
        "fire_service_confirmed": harm.fire_service_confirmed,
        "property_damage": harm.property_damage,
        "occurred_at": draft.occurred_at,
        "first_known_at": draft.first_known_at,
        "qa_aware_at": draft.qa_aware_at,
        "status": draft.status,
        "severity": draft.severity,
        "business_unit": draft.business_unit,
        "qa_owner": draft.qa_owner,
    }


def _choice(name: str) -> Callable[[Any, Format], Any]:
    choices = CHOICE_FIELDS[name]
    return lambda value, fmt: read_choice(choices, name, value, fmt)


def _country(value: Any, fmt: Format) -> str:
    return read_text(value, fmt).strip()


_READERS: dict[str, Callable[[Any, Format], Any]] = {
    **dict.fromkeys(TEXT_FIELDS, read_text),
    **dict.fromkeys(COUNT_FIELDS, read_count),
    **dict.fromkeys(FLAG_FIELDS, read_flag),
    **dict.fromkeys(TIME_FIELDS, read_time),
    **{name: _choice(name) for name in CHOICE_FIELDS},
    "country": _country,
    "markets": read_markets,
}
# What stands in for a cell that could not be read, so the row's other rules still run.
_STAND_IN: dict[str, Any] = {
    **dict.fromkeys(TEXT_FIELDS, ""),
    **dict.fromkeys(COUNT_FIELDS, 0),
    **dict.fromkeys(FLAG_FIELDS, False),
    **dict.fromkeys(TIME_FIELDS),
    **dict.fromkeys(CHOICE_FIELDS),
    "country": "",
    "markets": (),
}
_HARM_ORDER = tuple(f.name for f in dataclass_fields(HarmFacts))
# A rule comparing a field with one that could not be read would only add noise.
_DEPENDS_ON = {
    "fire_service_confirmed": "fire",
    "max_treatment_days": "injuries",
    "qa_aware_at": "first_known_at",
    "first_known_at": "occurred_at",
}


def draft_from_cells(
    values: Mapping[str, Any],
    fmt: Format,
    now: datetime,
    absent: frozenset[str] = frozenset(),
) -> tuple[IncidentDraft | None, list[FieldError]]:
    """One row's cells as a draft: (the draft, no problems) or (``None``, every problem).

    The problems are the cells that cannot be read plus every domain rule the row breaks.
    *absent* names columns missing from the whole file, which were reported once for it.
    """
    errors: list[FieldError] = []
    bad: set[str] = set(absent)
    cells: dict[str, Any] = {}
    get = values.get
    for name, read in _READERS.items():
        try:
            cells[name] = read(get(name), fmt)
        except CellProblem as problem:
            errors.append(FieldError(name, "format", str(problem)))
            bad.add(name)
            cells[name] = _STAND_IN[name]
    for name in REQUIRED_FIELDS:
        if name not in bad and cells[name] in (None, ""):
            errors.append(FieldError(name, "required", "must be given"))
            bad.add(name)
    draft = _draft(cells, now)
    for error in validate_incident(draft, now):
        if error.field not in bad and _DEPENDS_ON.get(error.field) not in bad:
            errors.append(error)
    return (None if errors else draft), errors


def _draft(cells: dict[str, Any], now: datetime) -> IncidentDraft:
    first_known = cells["first_known_at"] or cells["occurred_at"] or cells["qa_aware_at"] or now
    return IncidentDraft(
        reference=cells["reference"],
        title=cells["title"],
        description=cells["description"],
        product_name=cells["product_name"],
        model=cells["model"],
        serial_ranges=cells["serial_ranges"],
        units_in_field=cells["units_in_field"],
        source=cells["source"] or IncidentSource.CUSTOMER,
        country=cells["country"],
        markets=cells["markets"],
        harm=HarmFacts(*(cells[name] for name in _HARM_ORDER)),
        occurred_at=cells["occurred_at"],
        first_known_at=first_known,
        qa_aware_at=cells["qa_aware_at"],
        status=cells["status"] or IncidentStatus.INTAKE,
        severity=cells["severity"] or Severity.UNCLASSIFIED,
        business_unit=cells["business_unit"],
        qa_owner=cells["qa_owner"],
    )
