"""The response flow run against the database: state from history, facts from the records.

The flow engine is pure; this is where its inputs come from. The state is replayed from the
incident's append-only flow history, the guard facts are read from the incident, its
classifications, clocks and disclosures (and, through a provider, its cause analysis), and
taking an action appends the engine's record, signs it when the flow says so, and keeps
``incidents.status`` in step, audited, all in the caller's unit of work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import exists, func, select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import QaError
from qa_desktop.domain.incident import Severity
from qa_desktop.domain.roles import ROLE_LABELS, Role
from qa_desktop.persistence.clock_store import ClockState
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import (
    Classification,
    FlowRecordRow,
    ReportingClock,
    WebsiteDisclosure,
)
from qa_desktop.persistence.response_records import (
    add_flow_record,
    change_incident,
    engine_record,
    flow_rows,
)
from qa_desktop.persistence.signature_store import add_signature, flow_record_content
from qa_desktop.workflow.flow import Action, Flow, IncidentFacts, lower_first
from qa_desktop.workflow.flow_engine import FlowState, apply, replay

#: Reads (analysis closed, every countermeasure verified) for an incident id.
CauseAnalysisFacts = Callable[[Session, int], tuple[bool, bool]]


def no_cause_analysis(_session: Session, _incident_id: int) -> tuple[bool, bool]:
    """The answer while no cause analysis is kept: not closed, nothing verified."""
    return False, False


def who_signs(action: Action) -> str:
    """The role that signs *action*, as a sentence names it: "a QA division head"."""
    assert action.signature is not None
    label = ROLE_LABELS[action.signature]
    return f"{'an' if label[0].lower() in 'aeiou' else 'a'} {label}"


class SignatureRequired(QaError):
    """The action must be signed: the signer re-enters their password and states a meaning."""


@dataclass(frozen=True, slots=True)
class Signer:
    """A person whose password was just re-entered, and what they state by signing."""

    username: str
    display_name: str
    role: Role
    meaning: str


class FlowRunner:
    """Runs one flow definition against incidents stored in the database."""

    def __init__(self, flow: Flow, analysis: CauseAnalysisFacts = no_cause_analysis) -> None:
        self.flow = flow
        self._analysis = analysis

    def start_step(self, status: str) -> str:
        """Where an incident without flow history stands: the first step showing its status.

        Incidents logged or imported before the flow was used keep the status they have.
        """
        return next((s.id for s in self.flow.steps if s.status.value == status), self.flow.start)

    def state(
        self, session: Session, incident: Incident
    ) -> tuple[FlowState, Sequence[FlowRecordRow]]:
        """The incident's flow state, replayed from its history, and that history."""
        rows = flow_rows(session, incident.id)
        start = rows[0].from_step if rows else self.start_step(incident.status)
        flow = self.flow if start == self.flow.start else replace(self.flow, start=start)
        state = replay(flow, [engine_record(row) for row in rows], incident.created_at)
        return state, rows

    def facts(self, session: Session, incident: Incident) -> IncidentFacts:
        """The guard facts of the incident as stored now."""
        latest = session.scalar(
            select(Classification.severity)
            .where(Classification.incident_id == incident.id)
            .order_by(Classification.version.desc())
            .limit(1)
        )
        running = session.scalar(
            select(func.count())
            .select_from(ReportingClock)
            .where(
                ReportingClock.incident_id == incident.id,
                ReportingClock.state == ClockState.RUNNING.value,
            )
        )
        published = session.scalar(
            select(exists().where(WebsiteDisclosure.incident_id == incident.id))
        )
        analysis_closed, verified = self._analysis(session, incident.id)
        return IncidentFacts(
            severity=Severity(incident.severity),
            # A severity changed in the editor after the classification is not confirmed.
            classification_confirmed=latest is not None and latest == incident.severity,
            all_clocks_stopped=not running,
            disclosure_published=bool(published),
            analysis_closed=analysis_closed,
            countermeasures_verified=verified,
        )

    def take(
        self,
        session: Session,
        incident: Incident,
        action_id: str,
        *,
        actor: str,
        role: Role,
        now: datetime,
        comment: str = "",
        signer: Signer | None = None,
        decision_id: int | None = None,
    ) -> FlowRecordRow:
        """Take *action_id* on the locked *incident*; the appended flow record.

        A signed action is signed here by *signer* (who must be the actor) unless it completes
        a *decision*, whose own signature the caller writes. Raises the engine's
        ``PermissionDenied`` or ``StepRefused``, then :class:`SignatureRequired`, before
        anything is written.
        """
        state, _ = self.state(session, incident)
        transition = apply(
            self.flow,
            state,
            action_id,
            role,
            self.facts(session, incident),
            now,
            comment=comment,
            actor=actor,
        )
        action = self.flow.action(action_id)
        assert action is not None  # apply() refuses unknown actions
        signed_here = action.signature is not None and decision_id is None
        if signed_here and (signer is None or signer.username != actor):
            raise SignatureRequired(
                f"To {lower_first(action.title)}, {who_signs(action)} must sign: re-enter your "
                "password and state the meaning of your signature."
            )
        row = add_flow_record(session, incident.id, transition.record, decision_id)
        if signed_here:
            assert signer is not None
            add_signature(
                session,
                incident_id=incident.id,
                content=flow_record_content(row, incident.reference),
                signer=signer.username,
                signer_name=signer.display_name,
                signer_role=signer.role.value,
                meaning=signer.meaning,
                now=now,
            )
        reason = f"{action.title}: {comment}" if comment.strip() else action.title
        change_incident(
            session,
            incident,
            {"status": transition.status.value},
            actor=actor,
            reason=reason,
            now=now,
        )
        return row
