"""R-Map placement and the EU Safety Gate risk level, from the shipped tables."""

from __future__ import annotations

from fractions import Fraction

import pytest

from qa_desktop.domain.errors import ValidationFailed
from qa_desktop.domain.incident import HarmFacts
from qa_desktop.domain.risk import (
    InjuryScenario,
    Region,
    RiskLevel,
    RMap,
    SafetyGateTable,
    ScenarioStep,
    incidents_per_unit_year,
    parse_probability,
    propose_harm_level,
)
from qa_desktop.workflow.rules import load_rmap, load_safety_gate


@pytest.fixture(scope="module")
def rmap() -> RMap:
    return load_rmap()


@pytest.fixture(scope="module")
def gate() -> SafetyGateTable:
    return load_safety_gate()


def scenario(
    severity: int, *probabilities: str, name: str = "child pulls the cord"
) -> InjuryScenario:
    steps = tuple(
        ScenarioStep(f"step {n}", parse_probability(p)) for n, p in enumerate(probabilities, 1)
    )
    return InjuryScenario(name, steps, severity)


# ---------------------------------------------------------------- Safety Gate


def test_commission_worked_example_severity_1_at_1_in_500_is_low(gate: SafetyGateTable) -> None:
    assessment = gate.assess([scenario(1, "1/500")])

    assert assessment.risk is RiskLevel.LOW
    assert assessment.governing.band.label == "> 1/1,000"


def test_step_probabilities_multiply_exactly_onto_a_band_boundary(gate: SafetyGateTable) -> None:
    # 1/10 x 1/100 is exactly 1/1,000, which is not "> 1/1,000"; in floating point the
    # product is a hair above it and would read "high" instead of "medium".
    chain = scenario(2, "0.1", "0.01")

    assert chain.probability == Fraction(1, 1000)
    assert gate.risk(chain.probability, 2) is RiskLevel.MEDIUM
    assert gate.risk(Fraction(1, 999), 2) is RiskLevel.HIGH


def test_the_highest_scenario_governs(gate: SafetyGateTable) -> None:
    adults = scenario(1, "1/2", "1/10", name="adult touches the hot casing")
    toddlers = scenario(4, "1/100", "1/50", name="toddler swallows the button cell")

    assessment = gate.assess([adults, toddlers])

    assert [s.risk for s in assessment.scenarios] == [RiskLevel.MEDIUM, RiskLevel.SERIOUS]
    assert assessment.governing.scenario.name == "toddler swallows the button cell"
    assert assessment.risk is RiskLevel.SERIOUS


@pytest.mark.parametrize(
    ("probability", "severities"),
    [
        ("0.6", ["high", "serious", "serious", "serious"]),
        ("1/5000", ["low", "medium", "high", "serious"]),
        ("1/20000", ["low", "low", "medium", "high"]),
        ("1/2000000", ["low", "low", "low", "low"]),
    ],
)
def test_table_rows(gate: SafetyGateTable, probability: str, severities: list[str]) -> None:
    p = parse_probability(probability)

    assert [gate.risk(p, s).value for s in (1, 2, 3, 4)] == severities


def test_probabilities_as_users_type_them() -> None:
    assert parse_probability("1/500") == parse_probability("0.002") == parse_probability("0.2 %")
    for wrong in ("often", "0", "2", "-1/5", "1/0"):
        with pytest.raises(ValidationFailed):
            parse_probability(wrong)


def test_a_scenario_needs_steps_and_a_severity_from_1_to_4() -> None:
    with pytest.raises(ValidationFailed) as caught:
        InjuryScenario("nothing happens", (), 5)

    assert {error.field for error in caught.value.errors} == {"steps", "severity"}


def test_an_assessment_needs_a_scenario(gate: SafetyGateTable) -> None:
    with pytest.raises(ValidationFailed):
        gate.assess([])


# ---------------------------------------------------------------- R-Map


def test_frequency_from_field_data_uses_inclusive_upper_bounds(rmap: RMap) -> None:
    # 3 incidents over 100,000 units for 3 years: exactly 1e-5, the top of level 3.
    at_bound = incidents_per_unit_year(3, 100_000, 3)
    just_above = incidents_per_unit_year(4, 100_000, 3)

    assert at_bound == Fraction(1, 100_000)
    assert rmap.frequency_level(at_bound).level == 3
    assert rmap.frequency_level(just_above).level == 4
    assert rmap.frequency_level(Fraction(0)).level == 0


def test_years_in_use_may_be_fractional(rmap: RMap) -> None:
    assert incidents_per_unit_year(1, 1_000, "0.1") == Fraction(1, 100)
    assert incidents_per_unit_year(1, 1_000, 0.1) == Fraction(1, 100)


def test_field_data_must_be_positive() -> None:
    with pytest.raises(ValidationFailed) as caught:
        incidents_per_unit_year(2, 0, 0)

    assert {e.field for e in caught.value.errors} == {"units_in_field", "years_in_use"}


def test_region_grid_is_a_diagonal_band(rmap: RMap) -> None:
    assert rmap.region(5, 4) is Region.A
    assert rmap.region(0, 0) is Region.C
    assert rmap.region(3, 2) is Region.B
    assert rmap.region(0, 4) is Region.C


def test_placing_an_incident_pattern(rmap: RMap) -> None:
    # Two fatal incidents among 50,000 heaters in 4 years: 1e-5, level 3, harm IV.
    point = rmap.place(2, 50_000, 4, harm_level=4)

    assert point.frequency.name == "sometimes"
    assert point.harm.numeral == "IV"
    assert point.region is Region.A
    assert not point.acceptable
    assert rmap.place(0, 50_000, 4, harm_level=4).acceptable


def test_unknown_levels_are_refused(rmap: RMap) -> None:
    with pytest.raises(ValidationFailed):
        rmap.region(6, 1)
    with pytest.raises(ValidationFailed):
        rmap.region(1, 5)


@pytest.mark.parametrize(
    ("harm", "level"),
    [
        (HarmFacts(), 0),
        (HarmFacts(property_damage=True), 1),
        (HarmFacts(injuries=1), 1),
        (HarmFacts(fire=True), 2),
        (HarmFacts(injuries=1, max_treatment_days=5), 2),
        (HarmFacts(fire=True, fire_service_confirmed=True), 3),
        (HarmFacts(injuries=1, max_treatment_days=45), 3),
        (HarmFacts(deaths=1, fire=True), 4),
    ],
)
def test_harm_level_proposal(harm: HarmFacts, level: int) -> None:
    proposal = propose_harm_level(harm)

    assert proposal.level == level
    assert bool(proposal.reasons) == (level > 0)
