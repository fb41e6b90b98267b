"""Conversion between the domain's incident draft and the ``incidents`` table's columns."""

from __future__ import annotations

from typing import Any

from qa_desktop.domain.incident import (
    INCIDENT_FIELDS,
    HarmFacts,
    IncidentDraft,
    IncidentSource,
    IncidentStatus,
    Severity,
)
from qa_desktop.domain.search_text import index_text
from qa_desktop.persistence.models import Incident

#: Columns that hold the draft's own fields (everything a user enters), named as the fields.
DRAFT_COLUMNS: tuple[str, ...] = INCIDENT_FIELDS


def search_text_for(draft: IncidentDraft) -> str:
    """The full-text search text of an incident (see :mod:`qa_desktop.domain.search_text`)."""
    return index_text(
        draft.reference, draft.title, draft.product_name, draft.model, draft.description
    )


def draft_columns(draft: IncidentDraft) -> dict[str, Any]:
    """Column values for *draft*, the search text included."""
    harm = draft.harm
    return {
        "reference": draft.reference,
        "title": draft.title,
        "description": draft.description,
        "product_name": draft.product_name,
        "model": draft.model,
        "serial_ranges": draft.serial_ranges,
        "units_in_field": draft.units_in_field,
        "source": draft.source.value,
        "country": draft.country,
        "markets": ",".join(draft.markets),
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
        "status": draft.status.value,
        "severity": draft.severity.value,
        "business_unit": draft.business_unit,
        "qa_owner": draft.qa_owner,
        "search_text": search_text_for(draft),
    }


def row_draft(row: Incident) -> IncidentDraft:
    """The draft stored in *row*."""
    return IncidentDraft(
        reference=row.reference,
        title=row.title,
        description=row.description,
        product_name=row.product_name,
        model=row.model,
        serial_ranges=row.serial_ranges,
        units_in_field=row.units_in_field,
        source=IncidentSource(row.source),
        country=row.country,
        markets=tuple(m for m in row.markets.split(",") if m),
        harm=HarmFacts(
            deaths=row.deaths,
            injuries=row.injuries,
            max_treatment_days=row.max_treatment_days,
            permanent_disability=row.permanent_disability,
            co_poisoning=row.co_poisoning,
            fire=row.fire,
            fire_service_confirmed=row.fire_service_confirmed,
            property_damage=row.property_damage,
        ),
        occurred_at=row.occurred_at,
        first_known_at=row.first_known_at,
        qa_aware_at=row.qa_aware_at,
        status=IncidentStatus(row.status),
        severity=Severity(row.severity),
        business_unit=row.business_unit,
        qa_owner=row.qa_owner,
    )
