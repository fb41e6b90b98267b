"""Risk assessment: the R-Map (Japan) and the EU Safety Gate method.

Both read their tables from rule data (``workflows/rules/rmap.toml`` and
``safety_gate.toml``), which a QA head confirms against the official figures. Probabilities
and frequencies are exact fractions: a product of step probabilities that lands exactly on a
band boundary (1/10 x 1/100 = 1/1,000) must not slip into the next band by a rounding error.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction

from qa_desktop.domain.errors import FieldError, ValidationFailed
from qa_desktop.domain.incident import HarmFacts

# ---------------------------------------------------------------------------------- R-Map


class Region(StrEnum):
    """An R-Map region: A not acceptable, B acceptable only if justified, C acceptable."""

    A = "A"
    B = "B"
    C = "C"

    @property
    def meaning(self) -> str:
        """What the region means for the product."""
        return _REGION_MEANINGS[self]


_REGION_MEANINGS = {
    Region.A: "not acceptable: reduce the risk",
    Region.B: "acceptable only when the benefit justifies it (ALARP): reduce the risk if possible",
    Region.C: "broadly acceptable",
}


@dataclass(frozen=True, slots=True)
class FrequencyLevel:
    """A frequency row: incidents per unit per year *above* ``above`` (``None``: the rest)."""

    level: int
    name: str
    above: Fraction | None


@dataclass(frozen=True, slots=True)
class HarmLevel:
    """A harm column (0 to IV) with what it means for people and property."""

    level: int
    numeral: str
    name: str
    people: str
    property: str


@dataclass(frozen=True, slots=True)
class RMapPoint:
    """Where an incident falls on the R-Map."""

    incidents_per_unit_year: Fraction
    frequency: FrequencyLevel
    harm: HarmLevel
    region: Region

    @property
    def acceptable(self) -> bool:
        """True in region C, the target of every countermeasure round."""
        return self.region is Region.C


@dataclass(frozen=True, slots=True)
class RMap:
    """The frequency levels (highest first), harm levels and region grid of the R-Map.

    ``grid[frequency_level][harm_level]`` is a region. ``confirmed_by_qa_head`` stays false
    until a QA head has checked the grid against the official figure.
    """

    frequency_levels: tuple[FrequencyLevel, ...]
    harm_levels: tuple[HarmLevel, ...]
    grid: Mapping[int, tuple[Region, ...]]
    version: int
    effective_from: date
    citation: str
    verify: bool
    confirmed_by_qa_head: bool
    note: str = ""

    def frequency_level(self, rate: Fraction) -> FrequencyLevel:
        """The row for *rate* incidents per unit per year."""
        for level in self.frequency_levels:
            if level.above is None or rate > level.above:
                return level
        return self.frequency_levels[-1]

    def harm_level(self, level: int) -> HarmLevel:
        """The harm column numbered *level* (0 to 4)."""
        for harm in self.harm_levels:
            if harm.level == level:
                return harm
        raise ValidationFailed(
            [FieldError("harm_level", "choice", f"harm level {level} is unknown")]
        )

    def region(self, frequency_level: int, harm_level: int) -> Region:
        """The grid cell at *frequency_level* and *harm_level*."""
        row = self.grid.get(frequency_level)
        if row is None:
            raise ValidationFailed(
                [FieldError("frequency_level", "choice", f"level {frequency_level} is unknown")]
            )
        return row[self.harm_levels.index(self.harm_level(harm_level))]

    def place(
        self,
        incidents: int,
        units_in_field: int,
        years_in_use: Fraction | float | str,
        harm_level: int,
    ) -> RMapPoint:
        """Place an incident pattern on the map from field data."""
        rate = incidents_per_unit_year(incidents, units_in_field, years_in_use)
        frequency = self.frequency_level(rate)
        harm = self.harm_level(harm_level)
        return RMapPoint(rate, frequency, harm, self.region(frequency.level, harm.level))


def incidents_per_unit_year(
    incidents: int, units_in_field: int, years_in_use: Fraction | float | str
) -> Fraction:
    """Incidents ÷ (units in the market × years in use), exactly."""
    errors: list[FieldError] = []
    if incidents < 0:
        errors.append(FieldError("incidents", "non_negative", "must not be negative"))
    if units_in_field <= 0:
        errors.append(FieldError("units_in_field", "positive", "must be more than zero"))
    years = _exact(years_in_use, "years_in_use", errors)
    if years is not None and years <= 0:
        errors.append(FieldError("years_in_use", "positive", "must be more than zero"))
    if errors or years is None:
        raise ValidationFailed(errors)
    return Fraction(incidents) / (units_in_field * years)


@dataclass(frozen=True, slots=True)
class HarmProposal:
    """A proposed R-Map harm level and the facts that led to it."""

    level: int
    reasons: tuple[str, ...]


def propose_harm_level(harm: HarmFacts) -> HarmProposal:
    """The harm level the facts suggest; the engineer confirms or changes it.

    The facts cannot tell a building fire from a product that burnt out, nor a hospital
    stay from outpatient care, so each doubt is resolved towards the higher level.
    """
    candidates: list[tuple[int, str]] = []
    if harm.deaths > 0:
        candidates.append((4, "death"))
    if harm.permanent_disability:
        candidates.append((3, "permanent disability"))
    if harm.co_poisoning:
        candidates.append((3, "carbon-monoxide poisoning"))
    if harm.max_treatment_days >= 30:
        candidates.append((3, f"treatment of {harm.max_treatment_days} days"))
    elif harm.max_treatment_days > 0:
        candidates.append((2, f"treatment of {harm.max_treatment_days} days"))
    elif harm.injuries > 0:
        candidates.append((1, "minor injury"))
    if harm.fire and harm.fire_service_confirmed:
        candidates.append(
            (3, "fire confirmed by the fire service (may have spread beyond the product)")
        )
    elif harm.fire:
        candidates.append((2, "fire (the product burnt)"))
    if harm.property_damage:
        candidates.append((1, "property damage"))
    if not candidates:
        return HarmProposal(0, ())
    top = max(level for level, _ in candidates)
    return HarmProposal(top, tuple(reason for level, reason in candidates if level == top))


# ---------------------------------------------------------------------- EU Safety Gate


class RiskLevel(StrEnum):
    """Safety Gate risk levels, lowest first."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    SERIOUS = "serious"

    @property
    def rank(self) -> int:
        """0 for low up to 3 for serious."""
        return list(RiskLevel).index(self)


#: Injury severities of the Safety Gate method.
SEVERITIES = (1, 2, 3, 4)


@dataclass(frozen=True, slots=True)
class ScenarioStep:
    """One step of an injury scenario and its probability (more than 0, at most 1)."""

    description: str
    probability: Fraction

    def __post_init__(self) -> None:
        if not 0 < self.probability <= 1:
            raise ValidationFailed(
                [FieldError("probability", "range", "must be more than 0 and at most 1")]
            )


@dataclass(frozen=True, slots=True)
class InjuryScenario:
    """A chain of steps from the product's hazard to an injury of ``severity`` 1 to 4."""

    name: str
    steps: tuple[ScenarioStep, ...]
    severity: int

    def __post_init__(self) -> None:
        errors: list[FieldError] = []
        if not self.steps:
            errors.append(FieldError("steps", "required", "a scenario needs at least one step"))
        if self.severity not in SEVERITIES:
            errors.append(FieldError("severity", "choice", "must be 1, 2, 3 or 4"))
        if errors:
            raise ValidationFailed(errors)

    @property
    def probability(self) -> Fraction:
        """The overall probability: the product of the step probabilities."""
        return math.prod((step.probability for step in self.steps), start=Fraction(1))


@dataclass(frozen=True, slots=True)
class ProbabilityBand:
    """A table row: overall probabilities above ``above``, with a risk per severity 1 to 4."""

    above: Fraction
    label: str
    risks: tuple[RiskLevel, ...]


@dataclass(frozen=True, slots=True)
class ScenarioRisk:
    """One scenario read from the table."""

    scenario: InjuryScenario
    band: ProbabilityBand
    risk: RiskLevel


@dataclass(frozen=True, slots=True)
class SafetyGateAssessment:
    """Every scenario's risk; the highest governs the product's risk."""

    scenarios: tuple[ScenarioRisk, ...]

    @property
    def governing(self) -> ScenarioRisk:
        """The scenario with the highest risk (the first one listed among equals)."""
        return max(self.scenarios, key=lambda s: s.risk.rank)

    @property
    def risk(self) -> RiskLevel:
        """The product's overall risk level."""
        return self.governing.risk


@dataclass(frozen=True, slots=True)
class SafetyGateTable:
    """The probability bands (highest first, the last one above 0) × severity table."""

    bands: tuple[ProbabilityBand, ...]
    version: int
    effective_from: date
    citation: str
    verify: bool
    note: str = ""

    def band(self, probability: Fraction) -> ProbabilityBand:
        """The band *probability* falls in; a boundary value belongs to the band below."""
        for band in self.bands:
            if probability > band.above:
                return band
        return self.bands[-1]

    def risk(self, probability: Fraction, severity: int) -> RiskLevel:
        """The risk level for an overall *probability* and an injury *severity* (1 to 4)."""
        if severity not in SEVERITIES:
            raise ValidationFailed([FieldError("severity", "choice", "must be 1, 2, 3 or 4")])
        return self.band(probability).risks[severity - 1]

    def assess(self, scenarios: Iterable[InjuryScenario]) -> SafetyGateAssessment:
        """Read every scenario from the table; at least one is needed."""
        results = tuple(
            ScenarioRisk(s, self.band(s.probability), self.risk(s.probability, s.severity))
            for s in scenarios
        )
        if not results:
            raise ValidationFailed(
                [FieldError("scenarios", "required", "at least one injury scenario is needed")]
            )
        return SafetyGateAssessment(results)


_PERCENT = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*%\s*$")


def parse_probability(text: str) -> Fraction:
    """A probability typed as ``1/500``, ``0.002`` or ``0.2%``, exactly."""
    errors: list[FieldError] = []
    percent = _PERCENT.match(text)
    value = (
        _exact(percent.group(1), "probability", errors)
        if percent
        else _exact(text.strip(), "probability", errors)
    )
    if value is None:
        raise ValidationFailed(errors)
    if percent:
        value /= 100
    if not 0 < value <= 1:
        raise ValidationFailed(
            [FieldError("probability", "range", "must be more than 0 and at most 1")]
        )
    return value


def _exact(value: Fraction | float | str, name: str, errors: list[FieldError]) -> Fraction | None:
    # str() first so that 0.1 means one tenth, not the binary number nearest to it.
    try:
        exact = value if isinstance(value, Fraction) else Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        errors.append(FieldError(name, "number", "must be a number such as 0.5 or 1/500"))
        return None
    return exact
