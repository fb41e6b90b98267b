"""Running the response flow for people: where an incident stands, and taking the next step.

Every action goes through the flow engine with the role of the person signed in, so the
desktop and the command line are refused alike: the wrong role with ``PermissionDenied``, an
action out of order or with a failing guard with ``StepRefused``, a signed action without its
signature with ``SignatureRequired``. A QA head's answer to an escalation (approve, return
with comments, ask for more information) is recorded with the action it takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import FieldError, PermissionDenied, ValidationFailed
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.flow_runner import FlowRunner, Signer
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import (
    FlowRecordRow,
    ResponseReview,
    Signature,
    WebsiteDisclosure,
)
from qa_desktop.persistence.response_records import incident_row
from qa_desktop.persistence.signature_store import SignedKind
from qa_desktop.services.accounts import require
from qa_desktop.services.response_results import (
    FlowActionView,
    FlowRecordView,
    FlowTaskView,
    FlowView,
    ReviewOutcome,
    SignatureMeaning,
    SignatureView,
)
from qa_desktop.services.results import CurrentUser
from qa_desktop.services.signatures import SignatureService, signatures_of
from qa_desktop.workflow.flow import Action, lower_first
from qa_desktop.workflow.flow_engine import (
    StepRefused,
    obstacles,
    overdue_tasks,
    responsible_tier,
    who_may,
)

#: The shipped flow's action that records the website disclosure.
DISCLOSURE_ACTION = "record_website_disclosure"
MAX_ADDRESS = 2_000
#: Actions that are taken together with a record of their own (a decision, a disclosure, a
#: notice), each by its service; taking them bare would leave the flow saying a thing happened
#: with no record of what. Mapped to where a person records them.
RECORDED_ACTIONS: dict[str, str] = {
    DISCLOSURE_ACTION: "record the disclosure with its web address and publication time",
    "decide_recall": "record the recall decision (scope, remedy, channels) for a QA head to sign",
    "decide_no_recall": "record the recall decision for a QA head to sign",
    "decide_not_reportable": "propose the not-reportable decision for a QA head to sign",
    "send_top_management_report": "send the status report to the management list",
}


def action_view(action: Action) -> FlowActionView:
    """An action of the flow as a button shows it."""
    return FlowActionView(
        action.id,
        action.title,
        action.signature is not None,
        action.comment_required,
        action.returns,
    )


class ResponseFlowService:
    """The response flow of incidents as people see and drive it."""

    def __init__(
        self,
        database: Database,
        now: Callable[[], datetime],
        runner: FlowRunner,
        signatures: SignatureService,
    ) -> None:
        self._db = database
        self._now = now
        self._runner = runner
        self._signatures = signatures

    # ---------------------------------------------------------------------- reads
    def view(self, actor: CurrentUser, reference: str) -> FlowView:
        """Where the incident stands, what *actor* may do now, why the rest is refused."""
        require(actor, Permission.VIEW_INCIDENTS)
        now = self._now()
        return self._db.read(lambda s: self._view(s, actor, incident_row(s, reference), now))

    def _view(
        self, session: Session, actor: CurrentUser, incident: Incident, now: datetime
    ) -> FlowView:
        flow = self._runner.flow
        state, rows = self._runner.state(session, incident)
        facts = self._runner.facts(session, incident)
        available, refused = [], []
        for action in flow.actions_from(state.step):
            # The disclosure form records what that action's guard waits for, so it is
            # offered when nothing else stands in its way.
            seen = (
                replace(facts, disclosure_published=True)
                if action.id == DISCLOSURE_ACTION
                else facts
            )
            reasons = obstacles(flow, state, action, seen)
            if actor.role not in action.roles:
                refused.append((action_view(action), who_may(action)))
            elif reasons:
                refused.append(
                    (
                        action_view(action),
                        f"Cannot {lower_first(action.title)}: {'; '.join(reasons)}.",
                    )
                )
            else:
                available.append(action_view(action))
        late = {t.id for t in overdue_tasks(flow, state, now)}
        tasks = tuple(
            FlowTaskView(t.id, t.title, t.id in state.done_tasks, t.id in late)
            for t in flow.step(state.step).tasks
        )
        return FlowView(
            reference=incident.reference,
            flow_id=flow.id,
            flow_version=flow.version,
            step=state.step,
            step_title=flow.step(state.step).title,
            status=incident.status,
            responsible_tier=responsible_tier(flow, state, now).title,
            entered_at=state.entered_at,
            tasks=tasks,
            available=tuple(available),
            refused=tuple(refused),
            history=history_views(session, rows),
        )

    # --------------------------------------------------------------------- writes
    def take(
        self,
        actor: CurrentUser,
        reference: str,
        action_id: str,
        comment: str = "",
        *,
        password: str | None = None,
    ) -> FlowView:
        """Take a flow action; a signed one (closing the incident) needs *password*."""
        require(actor, Permission.VIEW_INCIDENTS)
        if action_id in RECORDED_ACTIONS:
            raise StepRefused(
                action_id,
                f"This step is taken with its record: {RECORDED_ACTIONS[action_id]}.",
            )
        signer = self._signer(actor, action_id, password)
        now = self._now()

        def work(session: Session) -> FlowView:
            incident = incident_row(session, reference, lock=True)
            self._runner.take(
                session,
                incident,
                action_id,
                actor=actor.username,
                role=actor.role,
                now=now,
                comment=comment,
                signer=signer,
            )
            session.flush()
            return self._view(session, actor, incident, now)

        return self._db.write(work)

    def _signer(self, actor: CurrentUser, action_id: str, password: str | None) -> Signer | None:
        action = self._runner.flow.action(action_id)
        if action is None or action.signature is None or password is None:
            return None
        if actor.role not in action.roles:
            # Refuse before asking for a signature the role could never give.
            raise PermissionDenied(who_may(action))
        return self._signatures.confirm_signer(actor, password, SignatureMeaning.APPROVED)

    def record_website_disclosure(
        self, actor: CurrentUser, reference: str, address: str, published_at: datetime
    ) -> FlowView:
        """Record where and since when the incident is disclosed on the website; completes
        the flow's disclosure task where it is open."""
        require(actor, Permission.EDIT_INCIDENTS)
        now = self._now()
        _check_disclosure(address, published_at, now)

        def work(session: Session) -> FlowView:
            incident = incident_row(session, reference, lock=True)
            session.add(
                WebsiteDisclosure(
                    incident_id=incident.id,
                    address=address.strip(),
                    published_at=published_at,
                    recorded_at=now,
                    recorded_by=actor.username,
                )
            )
            session.flush()
            if self._open_here(session, incident, DISCLOSURE_ACTION):
                self._runner.take(
                    session,
                    incident,
                    DISCLOSURE_ACTION,
                    actor=actor.username,
                    role=actor.role,
                    now=now,
                    comment=address.strip(),
                )
            return self._view(session, actor, incident, now)

        return self._db.write(work)

    def _open_here(self, session: Session, incident: Incident, action_id: str) -> bool:
        action = self._runner.flow.action(action_id)
        if action is None:
            return False
        state, _ = self._runner.state(session, incident)
        return action.from_step == state.step and action.completes not in state.done_tasks

    def respond(
        self,
        head: CurrentUser,
        reference: str,
        outcome: ReviewOutcome,
        comment: str = "",
        *,
        action_id: str | None = None,
        password: str | None = None,
    ) -> FlowView:
        """Answer an escalation: approve, return with comments or ask for more information,
        recorded with the comment, and take *action_id* with it (signed if it must be)."""
        require(head, Permission.SIGN)
        if outcome is not ReviewOutcome.APPROVED and not comment.strip():
            raise ValidationFailed([FieldError("comment", "required", "say what is needed")])
        signer = self._signer(head, action_id, password) if action_id else None
        now = self._now()

        def work(session: Session) -> FlowView:
            incident = incident_row(session, reference, lock=True)
            signature_id = None
            if action_id is not None:
                record = self._runner.take(
                    session,
                    incident,
                    action_id,
                    actor=head.username,
                    role=head.role,
                    now=now,
                    comment=comment,
                    signer=signer,
                )
                signature_id = session.scalar(
                    select(Signature.id).where(
                        Signature.record_kind == SignedKind.FLOW_RECORD.value,
                        Signature.record_id == record.id,
                    )
                )
            session.add(
                ResponseReview(
                    incident_id=incident.id,
                    decision_id=None,
                    outcome=outcome.value,
                    comment=comment,
                    reviewer=head.username,
                    reviewed_at=now,
                    signature_id=signature_id,
                    action_id=action_id,
                )
            )
            session.flush()
            return self._view(session, head, incident, now)

        return self._db.write(work)


def history_views(session: Session, rows: Sequence[FlowRecordRow]) -> tuple[FlowRecordView, ...]:
    """Flow records with the signature of each signed action (its own, or its decision's)."""
    own = signatures_of(session, SignedKind.FLOW_RECORD.value, [r.id for r in rows])
    decided = signatures_of(
        session, SignedKind.DECISION.value, [r.decision_id for r in rows if r.decision_id]
    )
    views = []
    for row in rows:
        signature: SignatureView | None = None
        if row.id in own:
            signature = own[row.id][-1]
        elif row.decision_id in decided:
            approvals = [
                s for s in decided[row.decision_id] if s.meaning is SignatureMeaning.APPROVED
            ]
            signature = approvals[-1] if approvals else None
        views.append(
            FlowRecordView(
                row.id,
                row.at,
                row.actor,
                row.actor_role,
                row.action_id,
                row.action_title,
                row.from_step,
                row.to_step,
                row.task,
                row.comment,
                row.decision_id,
                signature,
            )
        )
    return tuple(views)


def _check_disclosure(address: str, published_at: datetime, now: datetime) -> None:
    errors: list[FieldError] = []
    text = address.strip()
    if (
        not text.startswith(("https://", "http://"))
        or len(text) > MAX_ADDRESS
        or not text.isprintable()
    ):
        errors.append(
            FieldError("address", "format", "must be a web address starting with https://")
        )
    if published_at.tzinfo is None or published_at.utcoffset() is None:
        errors.append(FieldError("published_at", "time_zone", "must carry a time zone"))
    elif published_at > now:
        errors.append(FieldError("published_at", "not_in_future", "must not be in the future"))
    if errors:
        raise ValidationFailed(errors)
