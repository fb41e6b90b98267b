"""Turning the response records into printable documents.

The status report and the recall decision record print what the records say in words a
manager reads: clock states spelled out ("OVERDUE by 2 d 03 h", "filed ..., reference ..."),
decisions summarised, every signature with its name, date-time and meaning and whether it
still matches its record.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy.orm import Session

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.persistence.flow_runner import FlowRunner
from qa_desktop.persistence.incident_columns import row_draft
from qa_desktop.persistence.models import Incident
from qa_desktop.reporting.recall_decision import PrintedRecallDecision, PrintedScenario
from qa_desktop.reporting.status_report import (
    PrintedAction,
    PrintedClock,
    PrintedDecision,
    PrintedSignature,
    StatusReport,
)
from qa_desktop.services.classification import latest_classification
from qa_desktop.services.clock_views import format_time_left, incident_clock_views
from qa_desktop.services.decision_records import DecisionKind, DecisionView, incident_decisions
from qa_desktop.services.response_flow import history_views
from qa_desktop.services.response_results import ClassificationRecord, ClockView, SignatureView


def printed_signature(signature: SignatureView) -> PrintedSignature:
    """A signature as the documents print it."""
    return PrintedSignature(
        signature.signer_name,
        signature.signer,
        signature.meaning.value,
        signature.signed_at,
        signature.valid,
    )


def _utc(moment: datetime | None) -> str:
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M} UTC" if moment else "not known"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _hours(delta: timedelta) -> str:
    hours = delta.total_seconds() / 3600
    return f"{hours:,.1f} hours"


def _clock_state(clock: ClockView) -> str:
    if clock.filing is not None:
        late = f", {format_time_left(clock.filed_late)} late" if clock.filed_late else ""
        return (
            f"filed {_utc(clock.filing.filed_at)}, reference "
            f"{clock.filing.regulator_reference}{late}"
        )
    if clock.stop_kind == "not_reportable":
        return f"not reportable (decision {clock.decision_id}, signed)"
    if clock.stop_kind:
        return f"{clock.stop_kind.replace('_', ' ')}: {clock.stop_reason}"
    if clock.status is ClockStatus.OVERDUE and clock.time_left is not None:
        return f"OVERDUE by {format_time_left(-clock.time_left)}"
    if clock.status is ClockStatus.RUNNING and clock.time_left is not None:
        return f"running, {format_time_left(clock.time_left)} left"
    if clock.status is ClockStatus.DUE_IMMEDIATELY:
        return "due immediately"
    return clock.problem


def _classification_lines(record: ClassificationRecord | None) -> tuple[tuple[str, str], ...]:
    if record is None:
        return ()
    lines = [
        ("Version", f"{record.version}, by {record.classified_by} at {_utc(record.classified_at)}"),
        ("Severity", record.severity.value),
    ]
    if record.overridden:
        lines.append(
            ("Overrides the proposal", f"{record.proposed_severity.value}: {record.reason}")
        )
    lines.extend(("Basis", text) for text in record.basis)
    if record.rmap is not None:
        r = record.rmap
        lines.append(
            (
                "R-Map",
                f"region {r.region} ({r.region_meaning}); frequency {r.frequency_level}, "
                f"harm {r.harm_numeral}",
            )
        )
    if record.safety_gate is not None:
        lines.append(
            ("Safety Gate", f"{record.safety_gate.risk} risk ({record.safety_gate.governing})")
        )
    return tuple(lines)


def _decision_lines(decision: DecisionView) -> tuple[str, ...]:
    recall = decision.content.recall
    if recall is None:
        return (f"Reason: {decision.reason}", *(f"- {t}" for t in decision.content.clock_titles))
    if not recall.recall:
        return (f"No recall. Reason: {decision.reason}",)
    return (
        f"Recall of {recall.units:,} units: {', '.join(recall.models)}",
        f"Remedies: {', '.join(r.value for r in recall.remedies)}; channels: "
        + ", ".join(c.value for c in recall.channels),
        *([f"Reason: {decision.reason}"] if decision.reason else []),
    )


def compose_report(
    session: Session,
    incident: Incident,
    runner: FlowRunner,
    *,
    prepared_by: str,
    now: datetime,
    recipients: Sequence[str],
) -> StatusReport:
    """The status report of *incident* as the records stand at *now*."""
    draft = row_draft(incident)
    state, rows = runner.state(session, incident)
    harm = draft.harm
    gap = draft.qa_aware_at - draft.first_known_at if draft.qa_aware_at else None
    facts = (
        ("Company first knew", _utc(draft.first_known_at)),
        ("QA aware", _utc(draft.qa_aware_at)),
        ("Delay before QA knew", _hours(gap) if gap is not None else "QA not yet aware"),
        ("Country; markets", f"{draft.country}; {', '.join(draft.markets) or '—'}"),
        ("Units in the field", f"{draft.units_in_field:,}"),
        ("Deaths; injuries", f"{harm.deaths}; {harm.injuries}"),
        ("Longest treatment", f"{harm.max_treatment_days} days"),
        (
            "Fire; confirmed by the fire service",
            f"{_yes(harm.fire)}; {_yes(harm.fire_service_confirmed)}",
        ),
        (
            "CO poisoning; permanent disability",
            f"{_yes(harm.co_poisoning)}; {_yes(harm.permanent_disability)}",
        ),
        ("Description", draft.description or "—"),
    )
    clocks = tuple(
        PrintedClock(c.jurisdiction, c.title, c.citation, _clock_state(c), c.due_at, c.time_zone)
        for c in incident_clock_views(session, incident, now)
    )
    decisions = tuple(
        PrintedDecision(
            "Recall decision" if d.kind is DecisionKind.RECALL else "Not reportable",
            d.state.value.replace("_", " "),
            _decision_lines(d),
            d.proposed_by,
            d.proposed_at,
            tuple(printed_signature(s) for s in d.signatures),
        )
        for d in incident_decisions(session, incident)
    )
    actions = tuple(
        PrintedAction(
            h.at,
            h.actor,
            h.action_title,
            h.comment,
            printed_signature(h.signature) if h.signature else None,
        )
        for h in history_views(session, rows)
    )
    return StatusReport(
        reference=incident.reference,
        title=draft.title,
        product=" ".join(p for p in (draft.product_name, draft.model) if p),
        business_unit=draft.business_unit,
        step=runner.flow.step(state.step).title,
        severity=incident.severity,
        facts=facts,
        classification=_classification_lines(latest_classification(session, incident)),
        clocks=clocks,
        decisions=decisions,
        actions=actions,
        prepared_by=prepared_by,
        prepared_at=now,
        recipients=tuple(recipients),
    )


def printed_decision(view: DecisionView, incident: Incident) -> PrintedRecallDecision:
    """A recall decision as its record prints it, with the risk basis spelled out."""
    recall = view.content.recall
    assert recall is not None
    rmap = view.content.rmap
    gate = view.content.safety_gate
    rmap_lines: tuple[tuple[str, str], ...] = ()
    if rmap is not None:
        confirmed = "" if rmap.confirmed_by_qa_head else " (grid not yet confirmed by a QA head)"
        rmap_lines = (
            (
                "Field data",
                f"{rmap.incidents} incidents / ({rmap.units_in_field:,} units x "
                f"{rmap.years_in_use} years)",
            ),
            (
                "Frequency",
                f"level {rmap.frequency_level} ({rmap.frequency_name}): "
                f"{rmap.incidents_per_unit_year} per unit-year",
            ),
            ("Harm", f"{rmap.harm_numeral} ({rmap.harm_name})"),
            ("Region", f"{rmap.region}: {rmap.region_meaning}{confirmed}"),
        )
    scenarios = tuple(
        PrintedScenario(
            s.name, tuple(f"{d}: {p}" for d, p in s.steps), s.probability, s.severity, s.risk
        )
        for s in (gate.scenarios if gate else ())
    )
    return PrintedRecallDecision(
        reference=view.reference,
        incident_title=incident.title,
        product=" ".join(p for p in (incident.product_name, incident.model) if p),
        decision_id=view.id,
        recall=recall.recall,
        state=view.state.value.replace("_", " "),
        reason=view.reason,
        models=recall.models,
        serials_or_lots=recall.serials_or_lots,
        units=recall.units,
        remedies=tuple(r.value for r in recall.remedies),
        channels=tuple(c.value.replace("_", " ") for c in recall.channels),
        channel_details=recall.channel_details,
        proposed_by=view.proposed_by,
        proposed_at=view.proposed_at,
        severity=view.content.severity,
        classification_version=view.content.classification_version,
        rmap=rmap_lines,
        safety_gate_risk=gate.risk if gate else "",
        scenarios=scenarios,
        signatures=tuple(printed_signature(s) for s in view.signatures),
    )
