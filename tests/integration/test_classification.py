"""Classifying incidents on a real database: proposals, confirmation, overrides, versions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from fractions import Fraction

import pytest

from qa_desktop.domain.errors import (
    ConflictError,
    PermissionDenied,
    ReasonRequired,
    ValidationFailed,
)
from qa_desktop.domain.incident import Severity
from qa_desktop.domain.risk import InjuryScenario, ScenarioStep
from qa_desktop.services.classification import ClassificationInput, RMapInput
from qa_desktop.services.reporting_clocks import FilingInput
from qa_desktop.services.response import ResponseServices, shipped_rules
from tests.conftest import make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}


@pytest.fixture
def response(services):  # type: ignore[no-untyped-def]
    return ResponseServices(services.database, services.now)


def _log(services, people, **changes):  # type: ignore[no-untyped-def]
    return services.incidents.create(people["engineer"], make_draft(**changes)).reference


def _confirm(response, people, reference, inputs=None, **kwargs):  # type: ignore[no-untyped-def]
    engineer = people["engineer"]
    proposal = response.classification.propose(engineer, reference, inputs)
    return response.classification.confirm(
        engineer, reference, proposal.incident_version, inputs, **kwargs
    )


def test_each_market_is_checked_against_its_own_serious_definition(services, people, response):
    reference = _log(services, people, markets=("JP", "US", "DE"), **FIRE)
    proposal = response.classification.propose(people["engineer"], reference)

    assert proposal.severity is Severity.SERIOUS
    markets = {m.market: m for m in proposal.markets}
    assert markets["JP"].reportable
    assert markets["JP"].laws[0].reasons == ("fire confirmed by the fire service",)
    assert markets["US"].reportable
    # A fire that hurt nobody is not an accident with health effects under the GPSR.
    assert markets["DE"].jurisdiction == "EU"
    assert not markets["DE"].reportable
    assert any(b.startswith("Reportable in JP") for b in proposal.basis)
    clocks = {c.rule_id: c for c in proposal.clocks}
    assert set(clocks) == {"JP-CPSA-35", "US-CPSA-15B-24H", "US-CPSA-15B-INVESTIGATION"}
    assert [r for r, c in clocks.items() if c.conditional] == ["US-CPSA-15B-INVESTIGATION"]
    assert proposal.awareness_gap == timedelta(days=1)


def test_confirming_sets_the_severity_audited_and_starts_the_unconditional_clocks(
    services, people, response
):
    reference = _log(services, people, markets=("JP", "US"), **FIRE)
    record = _confirm(response, people, reference)

    assert (record.version, record.severity, record.overridden) == (1, Severity.SERIOUS, False)
    assert record.classified_by == "engineer"
    incident = services.incidents.get(people["engineer"], reference)
    assert incident.draft.severity is Severity.SERIOUS
    assert incident.version == 2
    clocks = response.clocks.incident_clocks(people["engineer"], reference).clocks
    assert sorted(c.rule_id for c in clocks) == ["JP-CPSA-35", "US-CPSA-15B-24H"]
    history = [(h.action, h.field) for h in services.incidents.history(people["head"], reference)]
    assert ("update", "severity") in history
    assert ("clock_started", "JP-CPSA-35") in history


def test_a_conditional_rule_starts_only_when_named_and_unknown_names_are_refused(
    services, people, response
):
    reference = _log(services, people, markets=("US",), country="US", **FIRE)
    with pytest.raises(ValidationFailed, match="conditional_rules"):
        _confirm(
            response, people, reference, ClassificationInput(conditional_rules=("JP-CPSA-35",))
        )
    inputs = ClassificationInput(conditional_rules=("US-CPSA-15B-INVESTIGATION",))
    record = _confirm(response, people, reference, inputs)
    assert record.clock_rule_ids == ("US-CPSA-15B-24H", "US-CPSA-15B-INVESTIGATION")


def test_the_r_map_point_comes_from_field_data_and_can_raise_the_severity(
    services, people, response
):
    reference = _log(services, people, markets=("JP",), injuries=1, units_in_field=100_000)
    inputs = ClassificationInput(rmap=RMapInput(incidents=1, years_in_use="4"))
    proposal = response.classification.propose(people["engineer"], reference, inputs)

    rmap = proposal.rmap
    assert rmap is not None
    # 1 / (100,000 units x 4 years) = 2.5e-6 per unit-year: level 3; a minor injury: harm I.
    assert (rmap.incidents_per_unit_year, rmap.frequency_level, rmap.harm_numeral) == (
        "1/400000",
        3,
        "I",
    )
    assert rmap.region == "B"
    assert not rmap.confirmed_by_qa_head
    assert proposal.severity is Severity.MEDIUM
    assert any("region B" in line for line in proposal.basis)


def test_safety_gate_scenarios_are_read_exactly_and_the_highest_risk_governs(
    services, people, response
):
    reference = _log(services, people, markets=("JP",))
    worked_example = InjuryScenario(
        "Adult touches the hot casing",
        (ScenarioStep("casing hot", Fraction(1, 10)), ScenarioStep("touched", Fraction(1, 50))),
        1,
    )
    boundary = InjuryScenario(
        "Boundary", (ScenarioStep("a", Fraction(1, 10)), ScenarioStep("b", Fraction(1, 100))), 2
    )
    child = InjuryScenario(
        "子供がコードを引っ張る <b>&amp;</b>",
        (
            ScenarioStep("child reaches the cord", Fraction(1, 2)),
            ScenarioStep("pulls", Fraction(1, 10)),
        ),
        2,
    )
    inputs = ClassificationInput(scenarios=(worked_example, boundary, child))
    gate = response.classification.propose(people["engineer"], reference, inputs).safety_gate

    assert gate is not None
    risks = {s.name: (s.probability, s.risk) for s in gate.scenarios}
    assert risks["Adult touches the hot casing"] == ("1/500", "low")
    # Exactly 1/1,000 belongs to the band below it, not to "> 1/1,000".
    assert risks["Boundary"] == ("1/1000", "medium")
    assert risks["子供がコードを引っ張る <b>&amp;</b>"] == ("1/20", "serious")
    assert (gate.risk, gate.governing) == ("serious", "子供がコードを引っ張る <b>&amp;</b>")
    record = _confirm(response, people, reference, inputs)
    assert record.safety_gate == gate
    assert record.severity is Severity.SERIOUS


def test_an_override_needs_a_reason_and_never_stops_a_legal_clock(services, people, response):
    reference = _log(services, people, markets=("JP",), **FIRE)
    with pytest.raises(ReasonRequired):
        _confirm(response, people, reference, severity=Severity.HIGH)
    assert response.classification.history(people["engineer"], reference) == ()

    reason = "消防の報告: 発火は外部要因 <b>&amp;</b> 🔥"
    record = _confirm(response, people, reference, severity=Severity.HIGH, reason=reason)

    assert record.overridden
    assert (record.proposed_severity, record.severity, record.reason) == (
        Severity.SERIOUS,
        Severity.HIGH,
        reason,
    )
    clocks = response.clocks.incident_clocks(people["engineer"], reference).clocks
    assert [c.rule_id for c in clocks] == ["JP-CPSA-35"]
    assert clocks[0].state == "running"


def test_every_confirmation_is_a_new_version_with_who_when_and_why(services, people, response):
    reference = _log(services, people, markets=("JP",), **FIRE)
    _confirm(response, people, reference, severity=Severity.HIGH, reason="First view")
    proposal = response.classification.propose(people["head"], reference)
    response.classification.confirm(people["head"], reference, proposal.incident_version)

    history = response.classification.history(people["manager"], reference)
    assert [(r.version, r.severity, r.classified_by, r.reason) for r in history] == [
        (1, Severity.HIGH, "engineer", "First view"),
        (2, Severity.SERIOUS, "head", ""),
    ]
    assert response.classification.current(people["manager"], reference) == history[-1]


def test_a_confirmation_on_a_stale_incident_version_is_refused_and_stores_nothing(
    services, people, response
):
    engineer = people["engineer"]
    reference = _log(services, people, **FIRE)
    proposal = response.classification.propose(engineer, reference)
    services.incidents.update(engineer, reference, proposal.incident_version, {"injuries": 1})
    with pytest.raises(ConflictError):
        response.classification.confirm(engineer, reference, proposal.incident_version)
    assert response.classification.history(engineer, reference) == ()
    assert response.clocks.incident_clocks(engineer, reference).clocks == ()


def test_running_clocks_keep_their_rule_version_when_the_rule_file_changes(
    services, people, response
):
    engineer = people["engineer"]
    reference = _log(services, people, markets=("JP",), **FIRE)
    _confirm(response, people, reference)
    shipped = shipped_rules()
    book = replace(
        shipped.clock_rules,
        rules=tuple(
            replace(rule, version=2, period=5) if rule.rule_id == "JP-CPSA-35" else rule
            for rule in shipped.clock_rules.rules
        ),
    )
    revised = ResponseServices(
        services.database, services.now, rules=replace(shipped, clock_rules=book)
    )
    # The first-known time is corrected a day earlier, then the incident is reclassified.
    record = services.incidents.get(engineer, reference)
    earlier = record.draft.first_known_at - timedelta(days=1)
    services.incidents.update(
        engineer,
        reference,
        record.version,
        {"first_known_at": earlier, "occurred_at": None},
        reason="Dealer called a day earlier",
    )
    _confirm(revised, people, reference)
    (clock,) = revised.clocks.incident_clocks(engineer, reference).clocks
    assert clock.rule_version == 1
    assert clock.calendar_due_at is not None
    known_on = earlier.astimezone(clock.due_at_regulator.tzinfo).date()  # type: ignore[union-attr]
    assert clock.calendar_due_at.astimezone(clock.due_at_regulator.tzinfo).date() == (  # type: ignore[union-attr]
        known_on + timedelta(days=9)
    )
    fresh = _log(services, people, markets=("JP",), **FIRE)
    _confirm(revised, people, fresh)
    (new_clock,) = revised.clocks.incident_clocks(engineer, fresh).clocks
    assert new_clock.rule_version == 2


def test_reclassifying_withdraws_clocks_no_longer_due_and_keeps_filed_ones(
    services, people, response
):
    engineer = people["engineer"]
    reference = _log(services, people, markets=("JP", "US"), **FIRE)
    _confirm(response, people, reference)
    clocks = {c.rule_id: c for c in response.clocks.incident_clocks(engineer, reference).clocks}
    response.clocks.record_filing(
        engineer,
        clocks["US-CPSA-15B-24H"].id,
        FilingInput(services.now(), "CPSC-2026-0815", "report.pdf", b"%PDF-1.7 report"),
    )
    record = services.incidents.get(engineer, reference)
    services.incidents.update(
        engineer,
        reference,
        record.version,
        {"fire_service_confirmed": False},
        reason="Fire service withdrew its confirmation",
    )
    _confirm(response, people, reference, reason="Fire not confirmed after all")

    after = {c.rule_id: c for c in response.clocks.incident_clocks(engineer, reference).clocks}
    assert len(after) == 2
    assert after["JP-CPSA-35"].state == "withdrawn"
    assert "Fire not confirmed after all" in after["JP-CPSA-35"].stop_reason
    assert after["US-CPSA-15B-24H"].state == "stopped"
    assert after["US-CPSA-15B-24H"].filing is not None
    history = [(h.action, h.field) for h in services.incidents.history(engineer, reference)]
    assert ("clock_withdrawn", "JP-CPSA-35") in history


def test_a_manager_may_read_a_proposal_but_not_classify(services, people, response):
    reference = _log(services, people, **FIRE)
    proposal = response.classification.propose(people["manager"], reference)
    with pytest.raises(PermissionDenied):
        response.classification.confirm(people["manager"], reference, proposal.incident_version)


def test_classifications_are_evidence_the_database_will_not_change(services, people, response):
    from sqlalchemy import text

    reference = _log(services, people, **FIRE)
    _confirm(response, people, reference)
    for statement in ("UPDATE classifications SET severity = 'low'", "DELETE FROM classifications"):
        with pytest.raises(Exception, match="append-only"), services.database.engine.begin() as c:
            c.execute(text(statement))
