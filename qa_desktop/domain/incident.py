"""The product incident as QA logs it: its fields, their vocabularies and their rules.

Plain Python: no Qt, no SQL. The persistence layer stores exactly these fields and the
services validate every write with :func:`validate_incident` before it reaches a database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from qa_desktop.domain.countries import is_country, is_market
from qa_desktop.domain.errors import FieldError, ValidationFailed


class IncidentStatus(StrEnum):
    """Where an incident stands in the response flow."""

    INTAKE = "intake"
    CLASSIFICATION = "classification"
    CONTAINMENT = "containment"
    REPORTING = "reporting"
    INVESTIGATION = "investigation"
    COUNTERMEASURES = "countermeasures"
    CLOSED = "closed"


class IncidentSource(StrEnum):
    """The channel through which the company first heard of the incident."""

    CUSTOMER = "customer"
    DEALER = "dealer"
    CALL_CENTRE = "call_centre"
    GROUP_COMPANY = "group_company"
    REGULATOR = "regulator"
    MEDIA = "media"
    INTERNAL_TEST = "internal_test"


class Severity(StrEnum):
    """The severity that drives the response flow; ``serious`` triggers regulator reporting."""

    UNCLASSIFIED = "unclassified"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    SERIOUS = "serious"


#: Maximum length of each text field, in characters. The editor and imports say so.
TEXT_LIMITS: dict[str, int] = {
    "reference": 32,
    "title": 200,
    "description": 20_000,
    "product_name": 200,
    "model": 100,
    "serial_ranges": 4_000,
    "business_unit": 100,
    "qa_owner": 64,
}

#: Text fields that may hold line breaks and tabs.
MULTILINE_FIELDS = frozenset({"description", "serial_ranges"})

REFERENCE_PATTERN = re.compile(r"^[A-Z][A-Z0-9]{1,9}-[0-9]{4}-[0-9]{4,8}$")
_MAX_COUNT = 1_000_000_000
_MAX_TREATMENT_DAYS = 36_500
# C0 and C1 controls, DEL, and the Unicode non-characters a paste can carry.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
_LINE_BREAKS = re.compile(r"[\r\n\t\u2028\u2029]")


@dataclass(frozen=True, slots=True)
class HarmFacts:
    """What happened to people and property: the facts severity is decided from."""

    deaths: int = 0
    injuries: int = 0
    max_treatment_days: int = 0
    permanent_disability: bool = False
    co_poisoning: bool = False
    fire: bool = False
    fire_service_confirmed: bool = False
    property_damage: bool = False


@dataclass(frozen=True, slots=True)
class IncidentDraft:
    """The fields a user enters for an incident; the reference is generated when empty."""

    title: str
    product_name: str
    source: IncidentSource
    country: str
    occurred_at: datetime | None
    first_known_at: datetime
    qa_aware_at: datetime | None
    reference: str = ""
    description: str = ""
    model: str = ""
    serial_ranges: str = ""
    units_in_field: int = 0
    markets: tuple[str, ...] = ()
    harm: HarmFacts = field(default_factory=HarmFacts)
    status: IncidentStatus = IncidentStatus.INTAKE
    severity: Severity = Severity.UNCLASSIFIED
    business_unit: str = ""
    qa_owner: str = ""

    def with_changes(self, **changes: Any) -> IncidentDraft:
        """A copy with *changes* applied; harm facts may be given by their own names."""
        harm_names = {f.name for f in fields(HarmFacts)}
        harm_changes = {k: changes.pop(k) for k in list(changes) if k in harm_names}
        for name, kind in _CHOICES.items():
            value = changes.get(name)
            if isinstance(value, str) and not isinstance(value, kind):
                # A known value given as text becomes the member; anything else stays text
                # so validation can name it.
                changes[name] = next((m for m in kind if m.value == value), value)
        if isinstance(changes.get("markets"), list):
            changes["markets"] = tuple(changes["markets"])
        draft = replace(self, **changes)
        if harm_changes:
            draft = replace(draft, harm=replace(draft.harm, **harm_changes))
        return draft


_CHOICES: dict[str, type[StrEnum]] = {
    "source": IncidentSource,
    "status": IncidentStatus,
    "severity": Severity,
}

#: Editable field names in the order forms and exports show them.
INCIDENT_FIELDS: tuple[str, ...] = (
    "reference",
    "title",
    "description",
    "product_name",
    "model",
    "serial_ranges",
    "units_in_field",
    "source",
    "country",
    "markets",
    "deaths",
    "injuries",
    "max_treatment_days",
    "permanent_disability",
    "co_poisoning",
    "fire",
    "fire_service_confirmed",
    "property_damage",
    "occurred_at",
    "first_known_at",
    "qa_aware_at",
    "status",
    "severity",
    "business_unit",
    "qa_owner",
)


def flatten(draft: IncidentDraft) -> dict[str, Any]:
    """The draft as one flat mapping keyed by :data:`INCIDENT_FIELDS`."""
    flat: dict[str, Any] = {f.name: getattr(draft, f.name) for f in fields(IncidentDraft)}
    harm = flat.pop("harm")
    flat.update({f.name: getattr(harm, f.name) for f in fields(HarmFacts)})
    return flat


def unflatten(values: dict[str, Any]) -> IncidentDraft:
    """Build a draft from a flat mapping (the inverse of :func:`flatten`)."""
    harm_names = {f.name for f in fields(HarmFacts)}
    harm = HarmFacts(**{k: v for k, v in values.items() if k in harm_names})
    rest = {k: v for k, v in values.items() if k not in harm_names}
    return IncidentDraft(harm=harm, **rest)


def _check_text(name: str, value: str, errors: list[FieldError], *, required: bool) -> None:
    if required and not value.strip():
        errors.append(FieldError(name, "required", "must not be empty"))
        return
    limit = TEXT_LIMITS[name]
    if len(value) > limit:
        errors.append(
            FieldError(name, "too_long", f"is {len(value):,} characters; the limit is {limit:,}")
        )
    if _CONTROL.search(value):
        errors.append(
            FieldError(
                name, "control_characters", "contains control characters that cannot be stored"
            )
        )
    if name not in MULTILINE_FIELDS and _LINE_BREAKS.search(value):
        errors.append(FieldError(name, "single_line", "must be a single line"))


def _check_count(name: str, value: int, errors: list[FieldError], limit: int = _MAX_COUNT) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        errors.append(FieldError(name, "integer", "must be a whole number"))
    elif value < 0:
        errors.append(FieldError(name, "non_negative", "must not be negative"))
    elif value > limit:
        errors.append(FieldError(name, "too_large", f"must be at most {limit:,}"))


def _check_time(
    name: str, value: datetime | None, now: datetime, errors: list[FieldError], *, required: bool
) -> None:
    if value is None:
        if required:
            errors.append(FieldError(name, "required", "must be given"))
        return
    if value.tzinfo is None or value.utcoffset() is None:
        errors.append(FieldError(name, "time_zone", "must carry a time zone"))
        return
    if value > now:
        errors.append(FieldError(name, "not_in_future", "must not be in the future"))
    if value.year < 1900:
        errors.append(FieldError(name, "too_early", "must be in 1900 or later"))


def validate_incident(draft: IncidentDraft, now: datetime | None = None) -> list[FieldError]:
    """Every rule *draft* breaks, each naming its field; empty when the draft is valid."""
    now = now or datetime.now(UTC)
    errors: list[FieldError] = []
    _check_texts(draft, errors)
    _check_harm(draft.harm, errors)
    _check_choices(draft, errors)
    _check_places(draft, errors)
    _check_times(draft, now, errors)
    return errors


def _check_texts(draft: IncidentDraft, errors: list[FieldError]) -> None:
    if draft.reference and not REFERENCE_PATTERN.match(draft.reference):
        errors.append(
            FieldError("reference", "format", "must look like INC-2026-0042 (prefix-year-number)")
        )
    required = {"title", "product_name"}
    for name in TEXT_LIMITS:
        _check_text(name, getattr(draft, name), errors, required=name in required)
    _check_count("units_in_field", draft.units_in_field, errors)


def _check_harm(harm: HarmFacts, errors: list[FieldError]) -> None:
    _check_count("deaths", harm.deaths, errors)
    _check_count("injuries", harm.injuries, errors)
    _check_count("max_treatment_days", harm.max_treatment_days, errors, _MAX_TREATMENT_DAYS)
    if harm.fire_service_confirmed and not harm.fire:
        errors.append(
            FieldError(
                "fire_service_confirmed", "needs_fire", "can only be set when there was a fire"
            )
        )
    if harm.max_treatment_days and not harm.injuries:
        errors.append(
            FieldError(
                "max_treatment_days", "needs_injury", "can only be set when someone was injured"
            )
        )


def _check_choices(draft: IncidentDraft, errors: list[FieldError]) -> None:
    choices = (
        ("source", IncidentSource, "source"),
        ("status", IncidentStatus, "status"),
        ("severity", Severity, "severity"),
    )
    for name, kind, label in choices:
        if not isinstance(getattr(draft, name), kind):
            errors.append(FieldError(name, "choice", f"is not a known {label}"))


def _check_places(draft: IncidentDraft, errors: list[FieldError]) -> None:
    if not is_country(draft.country):
        errors.append(
            FieldError("country", "iso3166", f"{draft.country!r} is not an ISO 3166 country code")
        )
    unknown = [m for m in draft.markets if not is_market(m)]
    if unknown:
        errors.append(
            FieldError("markets", "iso3166", f"unknown market code(s): {', '.join(unknown)}")
        )
    if len(set(draft.markets)) != len(draft.markets):
        errors.append(FieldError("markets", "unique", "lists a market twice"))


def _check_times(draft: IncidentDraft, now: datetime, errors: list[FieldError]) -> None:
    _check_time("occurred_at", draft.occurred_at, now, errors, required=False)
    _check_time("first_known_at", draft.first_known_at, now, errors, required=True)
    _check_time("qa_aware_at", draft.qa_aware_at, now, errors, required=False)
    if (
        _aware(draft.first_known_at)
        and draft.qa_aware_at is not None
        and _aware(draft.qa_aware_at)
        and draft.qa_aware_at < draft.first_known_at
    ):
        errors.append(
            FieldError(
                "qa_aware_at",
                "after_first_known",
                "must not be before first_known_at (QA cannot learn before the company does)",
            )
        )
    if (
        draft.occurred_at is not None
        and _aware(draft.occurred_at)
        and _aware(draft.first_known_at)
        and draft.first_known_at < draft.occurred_at
    ):
        errors.append(
            FieldError("first_known_at", "after_occurred", "must not be before occurred_at")
        )


def _aware(value: datetime | None) -> bool:
    return value is not None and value.tzinfo is not None and value.utcoffset() is not None


def require_valid(draft: IncidentDraft, now: datetime | None = None) -> IncidentDraft:
    """Return *draft* unchanged, or raise :class:`ValidationFailed` listing every error."""
    errors = validate_incident(draft, now)
    if errors:
        raise ValidationFailed(errors)
    return draft


def awareness_gap_hours(draft: IncidentDraft) -> float | None:
    """Hours between the company first knowing and QA knowing: time lost to report clocks."""
    if draft.qa_aware_at is None:
        return None
    return (draft.qa_aware_at - draft.first_known_at).total_seconds() / 3600
