"""The classification proposal: what an incident's facts suggest, before anyone confirms it.

For every market the product is sold in (and the country where it happened), each law's
"serious" definition is checked against the harm facts; the incident is placed on the R-Map
from field data and its injury scenarios are read from the Safety Gate table. Each finding
proposes a severity and the most severe governs; the proposal lists them all (``basis``) so
the engineer sees why. Pure: nothing here reads or writes the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from qa_desktop.domain.clocks import ClockRule, compute_deadline
from qa_desktop.domain.errors import FieldError, ValidationFailed
from qa_desktop.domain.incident import IncidentDraft, Severity
from qa_desktop.domain.risk import InjuryScenario, propose_harm_level
from qa_desktop.domain.seriousness import Applicability, assess_incident, proposed_rules
from qa_desktop.services.response_results import (
    LawResult,
    MarketFinding,
    ResponseRules,
    RMapResult,
    SafetyGateResult,
    ScenarioResult,
)

_RANK = list(Severity)
# How each finding translates into the severity that drives the flow: a law's "serious"
# definition met is always serious, and so is harm level IV (death); region A of the R-Map
# asks for countermeasures but not by itself for regulator reports; Safety Gate levels share
# the severities' names.
_HARM_SEVERITY = {0: Severity.LOW, 1: Severity.LOW, 2: Severity.MEDIUM, 3: Severity.HIGH}
_REGION_SEVERITY = {"A": Severity.HIGH, "B": Severity.MEDIUM, "C": Severity.LOW}


@dataclass(frozen=True, slots=True)
class RMapInput:
    """Field data for the R-Map point: similar incidents, years in use, harm level.

    ``units_in_field`` defaults to the incident's; ``harm_level`` (0 to 4) to the level the
    harm facts suggest. ``years_in_use`` is exact text such as ``"2.5"`` or ``"3/2"``.
    """

    incidents: int
    years_in_use: str
    units_in_field: int | None = None
    harm_level: int | None = None


@dataclass(frozen=True, slots=True)
class ClassificationInput:
    """What the engineer adds to the harm facts before a proposal is made.

    ``conditional_rules`` names proposed rules that apply only under a condition (the US
    investigation period, the FDA five-day report): they start only when named here.
    """

    medical_device: bool = False
    rmap: RMapInput | None = None
    scenarios: tuple[InjuryScenario, ...] = ()
    conditional_rules: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ProposedClock:
    """A clock the classification would start, with its deadline computed from the facts."""

    rule_id: str
    rule_version: int
    jurisdiction: str
    title: str
    citation: str
    conditional: bool
    condition: str
    kind: str
    due_at: datetime | None
    calendar_due_at: datetime | None
    move_reason: str
    problem: str
    verify: bool


@dataclass(frozen=True, slots=True)
class ClassificationProposal:
    """The severity the facts suggest, with every finding it rests on (``basis``)."""

    reference: str
    incident_version: int
    severity: Severity
    basis: tuple[str, ...]
    markets: tuple[MarketFinding, ...]
    harm_level: int
    harm_reasons: tuple[str, ...]
    rmap: RMapResult | None
    safety_gate: SafetyGateResult | None
    clocks: tuple[ProposedClock, ...]
    awareness_gap: timedelta | None

    def rules_to_start(self, conditional: tuple[str, ...]) -> tuple[str, ...]:
        """The rule ids to run: every unconditional one, and the *conditional* ones named."""
        known = {c.rule_id for c in self.clocks if c.conditional}
        unknown = [rule_id for rule_id in conditional if rule_id not in known]
        if unknown:
            raise ValidationFailed(
                [
                    FieldError(
                        "conditional_rules",
                        "choice",
                        f"{', '.join(unknown)} is not a conditional rule proposed for this "
                        "incident",
                    )
                ]
            )
        return tuple(
            c.rule_id for c in self.clocks if not c.conditional or c.rule_id in conditional
        )


def _market(applicability: Applicability) -> MarketFinding:
    laws = tuple(
        LawResult(f.law, f.definition, f.met, f.reasons, f.notes, tuple(r.rule_id for r in f.rules))
        for f in applicability.findings
    )
    jurisdiction = applicability.jurisdiction.value if applicability.jurisdiction else None
    return MarketFinding(
        applicability.market,
        jurisdiction,
        applicability.reportable,
        applicability.added_from_country,
        laws,
    )


def _rmap(draft: IncidentDraft, data: RMapInput, rules: ResponseRules, harm: int) -> RMapResult:
    units = data.units_in_field if data.units_in_field is not None else draft.units_in_field
    level = data.harm_level if data.harm_level is not None else harm
    point = rules.rmap.place(data.incidents, units, data.years_in_use, level)
    return RMapResult(
        incidents=data.incidents,
        units_in_field=units,
        years_in_use=data.years_in_use,
        incidents_per_unit_year=str(point.incidents_per_unit_year),
        frequency_level=point.frequency.level,
        frequency_name=point.frequency.name,
        harm_level=point.harm.level,
        harm_numeral=point.harm.numeral,
        harm_name=point.harm.name,
        region=point.region.value,
        region_meaning=point.region.meaning,
        table_version=rules.rmap.version,
        table_verify=rules.rmap.verify,
        confirmed_by_qa_head=rules.rmap.confirmed_by_qa_head,
    )


def _safety_gate(scenarios: tuple[InjuryScenario, ...], rules: ResponseRules) -> SafetyGateResult:
    assessment = rules.safety_gate.assess(scenarios)
    results = tuple(
        ScenarioResult(
            s.scenario.name,
            tuple((step.description, str(step.probability)) for step in s.scenario.steps),
            str(s.scenario.probability),
            s.scenario.severity,
            s.band.label,
            s.risk.value,
        )
        for s in assessment.scenarios
    )
    return SafetyGateResult(
        results,
        assessment.risk.value,
        assessment.governing.scenario.name,
        rules.safety_gate.version,
        rules.safety_gate.verify,
    )


def _proposed_clock(rule: ClockRule, draft: IncidentDraft) -> ProposedClock:
    deadline = compute_deadline(rule, draft.first_known_at)
    return ProposedClock(
        rule.rule_id,
        rule.version,
        rule.jurisdiction.value,
        rule.title,
        rule.citation,
        bool(rule.condition),
        rule.condition,
        deadline.kind.value,
        deadline.due_at,
        deadline.calendar_due_at,
        deadline.move_reason,
        deadline.problem,
        rule.verify,
    )


def propose(
    draft: IncidentDraft, version: int, inputs: ClassificationInput, rules: ResponseRules
) -> ClassificationProposal:
    """The classification the facts of *draft* (at incident *version*) suggest."""
    applicabilities = assess_incident(
        draft, rules.clock_rules.rules, medical_device=inputs.medical_device
    )
    harm = propose_harm_level(draft.harm)
    rmap = _rmap(draft, inputs.rmap, rules, harm.level) if inputs.rmap else None
    gate = _safety_gate(inputs.scenarios, rules) if inputs.scenarios else None
    found: list[tuple[Severity, str]] = []
    for a in applicabilities:
        if a.reportable:
            laws = "; ".join(f.law for f in a.findings if f.met)
            found.append(
                (Severity.SERIOUS, f"Reportable in {a.market} ({laws}): {', '.join(a.reasons)}.")
            )
    harm_severity = _HARM_SEVERITY.get(harm.level, Severity.SERIOUS)
    harm_text = ", ".join(harm.reasons) or "no harm recorded"
    found.append((harm_severity, f"Harm level {harm.level}: {harm_text}."))
    if rmap is not None:
        found.append(
            (
                _REGION_SEVERITY[rmap.region],
                f"R-Map: frequency level {rmap.frequency_level} ({rmap.frequency_name}) x harm "
                f"{rmap.harm_numeral} ({rmap.harm_name}) is region {rmap.region} "
                f"({rmap.region_meaning}).",
            )
        )
    if gate is not None:
        found.append(
            (Severity(gate.risk), f'Safety Gate: {gate.risk} risk (scenario "{gate.governing}").')
        )
    severity = max((s for s, _ in found), key=_RANK.index)
    gap = draft.qa_aware_at - draft.first_known_at if draft.qa_aware_at else None
    return ClassificationProposal(
        reference=draft.reference,
        incident_version=version,
        severity=severity,
        basis=tuple(text for _, text in found),
        markets=tuple(_market(a) for a in applicabilities),
        harm_level=harm.level,
        harm_reasons=harm.reasons,
        rmap=rmap,
        safety_gate=gate,
        clocks=tuple(_proposed_clock(r, draft) for r in proposed_rules(applicabilities)),
        awareness_gap=gap,
    )
