"""The review inbox of QA division heads: everything awaiting their review or signature.

Two kinds of item: a decision (a recall decision, "not reportable") proposed and awaiting
the head's signature, and an incident escalated to the head-office QA division (owned by it
from the start of a step, or passed up because a step stayed open too long). Each item
carries the facts, the classification, the proposed decision, the most urgent clock and the
actions the head may take, so it can be answered on one screen; the most urgent clock comes
first. Answers are given through the decision and flow services, which record them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from qa_desktop.domain.incident import IncidentDraft, IncidentStatus
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence.clock_store import ClockState
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.flow_runner import FlowRunner
from qa_desktop.persistence.incident_columns import row_draft
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import ReportingClock, ResponseDecision, ResponseReview
from qa_desktop.services.accounts import require
from qa_desktop.services.classification import latest_classification
from qa_desktop.services.clock_views import incident_clock_views
from qa_desktop.services.decision_records import (
    DecisionKind,
    DecisionState,
    DecisionView,
    decision_view,
)
from qa_desktop.services.response_flow import action_view
from qa_desktop.services.response_results import (
    ClassificationRecord,
    ClockView,
    FlowActionView,
)
from qa_desktop.services.results import CurrentUser
from qa_desktop.workflow.flow_engine import obstacles, responsible_tier


@dataclass(frozen=True, slots=True)
class InboxItem:
    """One thing awaiting a QA head, with what is needed to answer it on one screen."""

    reference: str
    why: str
    step_title: str
    draft: IncidentDraft
    classification: ClassificationRecord | None
    decision: DecisionView | None
    urgent_clock: ClockView | None
    actions: tuple[FlowActionView, ...]


class ReviewInboxService:
    """Lists what awaits a QA division head."""

    def __init__(self, database: Database, now: Callable[[], datetime], runner: FlowRunner) -> None:
        self._db = database
        self._now = now
        self._runner = runner

    def items(self, head: CurrentUser, limit: int = 100) -> tuple[InboxItem, ...]:
        """Decisions awaiting a QA head's signature and incidents escalated to the head
        office, most urgent reporting clock first (at most *limit* items)."""
        require(head, Permission.SIGN)
        now = self._now()
        return self._db.read(lambda session: self._inbox(session, head, now, limit))

    def _inbox(
        self, session: Session, head: CurrentUser, now: datetime, limit: int
    ) -> tuple[InboxItem, ...]:
        items: list[InboxItem] = []
        seen: set[int] = set()
        for decision in session.scalars(
            select(ResponseDecision)
            .where(~exists().where(ResponseReview.decision_id == ResponseDecision.id))
            .order_by(ResponseDecision.id)
        ):
            incident = session.get(Incident, decision.incident_id)
            assert incident is not None
            view = decision_view(session, decision, incident.reference)
            if view.state is DecisionState.AWAITING_REVIEW:
                what = (
                    "a recall decision" if view.kind is DecisionKind.RECALL else '"not reportable"'
                )
                items.append(self._item(session, head, incident, now, f"Sign {what}", view))
                seen.add(incident.id)
        for incident in self._escalation_candidates(session, now, limit):
            if len(items) >= limit:
                break
            state, _ = self._runner.state(session, incident)
            tier = responsible_tier(self._runner.flow, state, now)
            if tier.id not in self._head_tiers() or incident.id in seen:
                continue
            seen.add(incident.id)
            step = self._runner.flow.step(state.step)
            why = (
                f"Owned by {tier.title}"
                if step.tier == tier.id
                else f"Escalated to {tier.title}: at {step.title} since "
                f"{state.entered_at:%Y-%m-%d %H:%M} UTC"
            )
            items.append(self._item(session, head, incident, now, why, None))
        return tuple(sorted(items, key=_most_urgent)[:limit])

    def _head_tiers(self) -> set[str]:
        # The tiers escalations go to: the head-office QA division in the shipped flow.
        return {s.escalate_to for s in self._runner.flow.steps if s.escalate_to}

    def _escalation_candidates(
        self, session: Session, now: datetime, limit: int
    ) -> Sequence[Incident]:
        # Entering a step is never earlier than logging the incident, so "logged longer ago
        # than the step's escalation time" is a safe first filter; the replay decides.
        flow = self._runner.flow
        conditions = []
        for step in flow.steps:
            if step.id == flow.final:
                continue
            if step.tier in self._head_tiers():
                conditions.append(Incident.status == step.status.value)
            elif step.escalate_after is not None:
                conditions.append(
                    (Incident.status == step.status.value)
                    & (Incident.created_at <= now - step.escalate_after)
                )
        if not conditions:
            return []
        by_clock = (
            select(Incident)
            .join(ReportingClock, ReportingClock.incident_id == Incident.id)
            .where(ReportingClock.state == ClockState.RUNNING.value, or_(*conditions))
            .order_by(ReportingClock.due_at, Incident.id)
            .limit(limit * 2)
        )
        oldest = (
            select(Incident)
            .where(Incident.status != IncidentStatus.CLOSED.value, or_(*conditions))
            .order_by(Incident.created_at, Incident.id)
            .limit(limit * 2)
        )
        found = {row.id: row for row in session.scalars(by_clock)}
        for row in session.scalars(oldest):
            found.setdefault(row.id, row)
        return list(found.values())

    def _item(
        self,
        session: Session,
        head: CurrentUser,
        incident: Incident,
        now: datetime,
        why: str,
        decision: DecisionView | None,
    ) -> InboxItem:
        state, _ = self._runner.state(session, incident)
        facts = self._runner.facts(session, incident)
        flow = self._runner.flow
        actions = tuple(
            action_view(a)
            for a in flow.actions_from(state.step)
            if head.role in a.roles and not obstacles(flow, state, a, facts)
        )
        running = [
            c for c in incident_clock_views(session, incident, now) if c.state == ClockState.RUNNING
        ]
        return InboxItem(
            reference=incident.reference,
            why=why,
            step_title=flow.step(state.step).title,
            draft=row_draft(incident),
            classification=latest_classification(session, incident),
            decision=decision,
            urgent_clock=running[0] if running else None,
            actions=actions,
        )


def _most_urgent(item: InboxItem) -> tuple[int, datetime | None, str]:
    clock = item.urgent_clock
    if clock is None:
        return (2, None, item.reference)
    if clock.due_at is None:
        return (0, None, item.reference)
    return (1, clock.due_at, item.reference)
