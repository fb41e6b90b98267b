"""Carrying out a signed "not reportable" decision on the clocks and in the flow.

Clocks run whatever step the incident is at, so "not reportable" may be decided at any step:
it stops the clocks it covers there and then, and it completes the flow's regulator-reports
task only where the flow has that task open and no clock is left running.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.orm import Session

from qa_desktop.domain.errors import ConflictError, FieldError, ValidationFailed
from qa_desktop.domain.roles import Role
from qa_desktop.persistence.clock_store import StopKind, running_clocks, stop_clock
from qa_desktop.persistence.flow_runner import FlowRunner
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import ReportingClock, ResponseDecision

#: The flow action a signed "not reportable" decision completes, where the flow has it.
NOT_REPORTABLE_ACTION = "decide_not_reportable"


def covered_clocks(
    session: Session, incident: Incident, clock_ids: Sequence[int], *, default_all: bool
) -> list[ReportingClock]:
    """The running clocks *clock_ids* of *incident*; with none named and *default_all*, every
    running clock. Refused when a named clock stopped since it was chosen."""
    running = {clock.id: clock for clock in running_clocks(session, incident.id)}
    if not clock_ids:
        if not default_all:
            return []
        if not running:
            raise ValidationFailed(
                [FieldError("clock_ids", "required", "no reporting clock of the incident runs")]
            )
        return list(running.values())
    missing = [str(i) for i in clock_ids if i not in running]
    if missing:
        raise ConflictError(
            f"Clock(s) {', '.join(missing)} of {incident.reference} are not running any more "
            "(filed, decided or withdrawn since); nothing was changed.",
            reference=incident.reference,
        )
    return [running[i] for i in clock_ids]


def carry_out_not_reportable(
    session: Session,
    runner: FlowRunner,
    incident: Incident,
    decision: ResponseDecision,
    clock_ids: Sequence[int],
    *,
    actor: str,
    role: Role,
    now: datetime,
) -> str | None:
    """Stop the covered clocks; the flow action taken as well, if any."""
    for clock in covered_clocks(session, incident, clock_ids, default_all=False):
        stop_clock(
            session,
            incident,
            clock,
            StopKind.NOT_REPORTABLE,
            actor=actor,
            at=now,
            now=now,
            reason=decision.reason,
            decision_id=decision.id,
        )
    session.flush()
    action = runner.flow.action(NOT_REPORTABLE_ACTION)
    state, _ = runner.state(session, incident)
    if (
        action is None
        or action.from_step != state.step
        or action.completes in state.done_tasks
        or running_clocks(session, incident.id)
    ):
        return None
    runner.take(
        session,
        incident,
        action.id,
        actor=actor,
        role=role,
        now=now,
        comment=decision.reason,
        decision_id=decision.id,
    )
    return action.id
