"""Starting, recomputing and stopping an incident's reporting clocks inside a unit of work.

A clock is started with the rule in force and keeps a snapshot of it: recomputing a running
clock (after a reclassification or a corrected first-known time) uses that snapshot, never
the current rule file. Stopped clocks (filed, or decided not reportable) are history and are
never recomputed. Every start, move, stop and withdrawal is written to the incident's audit
trail.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.clocks import ClockRule, DeadlineKind, ReportingDeadline, compute_deadline
from qa_desktop.persistence.clock_snapshots import rule_from_snapshot, rule_snapshot
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import ReportingClock
from qa_desktop.persistence.response_records import audit_incident


class ClockState(StrEnum):
    """Whether a clock still runs."""

    RUNNING = "running"
    STOPPED = "stopped"
    WITHDRAWN = "withdrawn"


class StopKind(StrEnum):
    """Why a clock stopped."""

    FILED = "filed"
    NOT_REPORTABLE = "not_reportable"
    WITHDRAWN = "withdrawn"


@dataclass(frozen=True, slots=True)
class ClockChanges:
    """What :func:`sync_clocks` did, by rule id."""

    started: tuple[str, ...] = ()
    moved: tuple[str, ...] = ()
    withdrawn: tuple[str, ...] = ()


def incident_clocks(session: Session, incident_id: int) -> Sequence[ReportingClock]:
    """Every clock of the incident, oldest first."""
    return session.scalars(
        select(ReportingClock)
        .where(ReportingClock.incident_id == incident_id)
        .order_by(ReportingClock.id)
    ).all()


def running_clocks(session: Session, incident_id: int) -> Sequence[ReportingClock]:
    """The incident's clocks that still run (those that cannot start included)."""
    return session.scalars(
        select(ReportingClock)
        .where(
            ReportingClock.incident_id == incident_id,
            ReportingClock.state == ClockState.RUNNING.value,
        )
        .order_by(ReportingClock.id)
    ).all()


def _due_text(clock: ReportingClock) -> str:
    if clock.kind == DeadlineKind.CANNOT_START:
        return "cannot start: first known time missing"
    if clock.kind == DeadlineKind.IMMEDIATE:
        return "due immediately"
    assert clock.due_at is not None
    return clock.due_at.isoformat()


def _set_deadline(clock: ReportingClock, deadline: ReportingDeadline) -> None:
    clock.kind = deadline.kind.value
    clock.first_known_at = deadline.first_known_at
    clock.calendar_due_at = deadline.calendar_due_at
    clock.due_at = deadline.due_at
    clock.moved_by = deadline.moved_by
    clock.move_reason = deadline.move_reason


def start_clock(
    session: Session,
    incident: Incident,
    rule: ClockRule,
    *,
    classification_id: int | None,
    actor: str,
    now: datetime,
    reason: str,
) -> ReportingClock:
    """Start a clock for *rule* from the incident's first-known time."""
    clock = ReportingClock(
        incident_id=incident.id,
        classification_id=classification_id,
        rule_id=rule.rule_id,
        rule_version=rule.version,
        jurisdiction=rule.jurisdiction.value,
        title=rule.title,
        regulator=rule.regulator,
        citation=rule.citation,
        time_zone=rule.time_zone,
        rule_snapshot=rule_snapshot(rule),
        state=ClockState.RUNNING.value,
        verify=rule.verify,
        started_at=now,
        started_by=actor,
        stopped_by="",
        stop_kind="",
        stop_reason="",
    )
    _set_deadline(clock, compute_deadline(rule, incident.first_known_at))
    session.add(clock)
    audit_incident(
        session,
        incident,
        "clock_started",
        actor=actor,
        now=now,
        field=rule.rule_id,
        new=f"version {rule.version}, {_due_text(clock)}",
        reason=reason,
    )
    return clock


def recompute_clock(
    session: Session,
    incident: Incident,
    clock: ReportingClock,
    *,
    actor: str,
    now: datetime,
    reason: str,
) -> bool:
    """Recompute a running clock from its own rule snapshot; True when its due time moved."""
    before = (clock.kind, clock.due_at, clock.calendar_due_at)
    _set_deadline(
        clock, compute_deadline(rule_from_snapshot(clock.rule_snapshot), incident.first_known_at)
    )
    if (clock.kind, clock.due_at, clock.calendar_due_at) == before:
        return False
    audit_incident(
        session,
        incident,
        "clock_recomputed",
        actor=actor,
        now=now,
        field=clock.rule_id,
        old=before[1].isoformat() if before[1] else before[0],
        new=_due_text(clock),
        reason=reason,
    )
    return True


def stop_clock(
    session: Session,
    incident: Incident,
    clock: ReportingClock,
    kind: StopKind,
    *,
    actor: str,
    at: datetime,
    now: datetime,
    reason: str,
    decision_id: int | None = None,
) -> None:
    """Stop a running clock (filed, not reportable, or withdrawn) and audit why."""
    clock.state = (ClockState.WITHDRAWN if kind is StopKind.WITHDRAWN else ClockState.STOPPED).value
    clock.stop_kind = kind.value
    clock.stopped_at = at
    clock.stopped_by = actor
    clock.stop_reason = reason
    clock.decision_id = decision_id
    audit_incident(
        session,
        incident,
        "clock_withdrawn" if kind is StopKind.WITHDRAWN else "clock_stopped",
        actor=actor,
        now=now,
        field=clock.rule_id,
        old=_due_text(clock),
        new=kind.value,
        reason=reason,
    )


def sync_clocks(
    session: Session,
    incident: Incident,
    rules: Iterable[ClockRule],
    *,
    classification_id: int | None,
    actor: str,
    now: datetime,
    reason: str,
) -> ClockChanges:
    """Make the incident's running clocks match *rules* (the rules that now apply).

    A rule with a running clock is recomputed from that clock's snapshot; a rule whose clock
    was filed or decided not reportable stays stopped; a rule without a clock (or whose clock
    was withdrawn) gets a new one under the current rule. Running clocks whose rule no longer
    applies are withdrawn with *reason*.
    """
    wanted = {rule.rule_id: rule for rule in rules}
    existing = incident_clocks(session, incident.id)
    running = {c.rule_id: c for c in existing if c.state == ClockState.RUNNING}
    stopped = {c.rule_id for c in existing if c.state == ClockState.STOPPED}
    started, moved, withdrawn = [], [], []
    for rule_id, rule in wanted.items():
        if rule_id in running:
            if recompute_clock(
                session, incident, running[rule_id], actor=actor, now=now, reason=reason
            ):
                moved.append(rule_id)
        elif rule_id not in stopped:
            start_clock(
                session,
                incident,
                rule,
                classification_id=classification_id,
                actor=actor,
                now=now,
                reason=reason,
            )
            started.append(rule_id)
    for rule_id, clock in running.items():
        if rule_id not in wanted:
            stop_clock(
                session,
                incident,
                clock,
                StopKind.WITHDRAWN,
                actor=actor,
                at=now,
                now=now,
                reason=reason or "The rule no longer applies to the incident.",
            )
            withdrawn.append(rule_id)
    session.flush()
    return ClockChanges(tuple(started), tuple(moved), tuple(withdrawn))


def recompute_running(
    session: Session, incident: Incident, *, actor: str, now: datetime, reason: str
) -> tuple[str, ...]:
    """Recompute every running clock of the incident; the rule ids whose due time moved."""
    return tuple(
        clock.rule_id
        for clock in running_clocks(session, incident.id)
        if recompute_clock(session, incident, clock, actor=actor, now=now, reason=reason)
    )
