"""Decisions a QA division head signs: the recall decision and "not reportable".

An engineer (or the head) proposes; the head approves or rejects with an electronic
signature, returns the proposal with comments, or asks for more information, and each answer
is recorded. Approving a recall decision completes the flow's recall-decision task; approving
"not reportable" stops the clocks it covers (and completes the regulator-reports task once no
clock runs). A recall decision carries the incident's R-Map and Safety Gate results beside it,
and the signature covers them too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import ConflictError, FieldError, NotFound, QaError, ValidationFailed
from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence.clock_snapshots import canonical_json
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.decision_store import carry_out_not_reportable, covered_clocks
from qa_desktop.persistence.flow_runner import FlowRunner, Signer
from qa_desktop.persistence.json_records import to_plain
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import (
    ResponseDecision,
    ResponseReview,
)
from qa_desktop.persistence.response_records import incident_row
from qa_desktop.persistence.signature_store import add_signature, decision_content
from qa_desktop.reporting.recall_decision import PrintedRecallDecision, recall_decision_pdf
from qa_desktop.services.accounts import require
from qa_desktop.services.classification import latest_classification
from qa_desktop.services.decision_records import (
    DecisionContent,
    DecisionKind,
    DecisionState,
    DecisionView,
    NoticeChannel,
    RecallDecisionInput,
    Remedy,
    decision_view,
    incident_decisions,
)
from qa_desktop.services.response_documents import printed_decision
from qa_desktop.services.response_results import (
    ReviewOutcome,
    SignatureMeaning,
)
from qa_desktop.services.results import CurrentUser
from qa_desktop.services.signatures import SignatureService

MAX_TEXT = 4_000
__all__ = [
    "DecisionKind",
    "DecisionService",
    "DecisionState",
    "DecisionView",
    "NoticeChannel",
    "RecallDecisionInput",
    "Remedy",
]


class DecisionService:
    """Proposals, reviews and signed approvals of recall and "not reportable" decisions."""

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

    # ------------------------------------------------------------------ proposals
    def propose_recall(
        self, actor: CurrentUser, reference: str, decision: RecallDecisionInput
    ) -> DecisionView:
        """Propose a recall decision (or one against a recall, with its reason)."""
        require(actor, Permission.EDIT_INCIDENTS)
        _check_recall(decision)
        return self._propose(actor, reference, DecisionKind.RECALL, decision.reason, decision, ())

    def propose_not_reportable(
        self, actor: CurrentUser, reference: str, reason: str, clock_ids: Sequence[int] = ()
    ) -> DecisionView:
        """Propose that the incident is not reportable under the clocks named (default: all
        clocks still running), with the *reason* the QA head will sign."""
        require(actor, Permission.EDIT_INCIDENTS)
        _check_reason(reason, required=True)
        return self._propose(
            actor, reference, DecisionKind.NOT_REPORTABLE, reason, None, tuple(clock_ids)
        )

    def _propose(
        self,
        actor: CurrentUser,
        reference: str,
        kind: DecisionKind,
        reason: str,
        recall: RecallDecisionInput | None,
        clock_ids: tuple[int, ...],
    ) -> DecisionView:
        now = self._now()

        def work(session: Session) -> DecisionView:
            incident = incident_row(session, reference, lock=True)
            if incident.status == IncidentStatus.CLOSED:
                raise QaError(f"{reference} is closed; no decision can be proposed.")
            clocks = (
                covered_clocks(session, incident, clock_ids, default_all=True)
                if recall is None
                else []
            )
            classification = latest_classification(session, incident)
            content = DecisionContent(
                recall=recall,
                clock_ids=tuple(c.id for c in clocks),
                clock_titles=tuple(f"{c.jurisdiction}: {c.title} ({c.citation})" for c in clocks),
                classification_version=classification.version if classification else None,
                severity=incident.severity,
                rmap=classification.rmap if classification else None,
                safety_gate=classification.safety_gate if classification else None,
            )
            row = ResponseDecision(
                incident_id=incident.id,
                kind=kind.value,
                proposed_at=now,
                proposed_by=actor.username,
                reason=reason,
                content=canonical_json(to_plain(content)),
            )
            session.add(row)
            session.flush()
            return decision_view(session, row, reference)

        return self._db.write(work)

    # -------------------------------------------------------------------- reviews
    def approve(self, head: CurrentUser, decision_id: int, password: str) -> DecisionView:
        """Sign the decision as approved and carry it out in the flow and on the clocks."""
        signer = self._signatures.confirm_signer(head, password, SignatureMeaning.APPROVED)
        return self._review(head, decision_id, ReviewOutcome.APPROVED, "", signer)

    def reject(
        self, head: CurrentUser, decision_id: int, password: str, comment: str
    ) -> DecisionView:
        """Sign the decision as rejected, saying why."""
        _check_reason(comment, required=True, name="comment")
        signer = self._signatures.confirm_signer(head, password, SignatureMeaning.REJECTED)
        return self._review(head, decision_id, ReviewOutcome.REJECTED, comment, signer)

    def return_with_comments(
        self, head: CurrentUser, decision_id: int, comment: str
    ) -> DecisionView:
        """Send the proposal back for changes; the proposer revises it as a new proposal."""
        require(head, Permission.SIGN)
        _check_reason(comment, required=True, name="comment")
        return self._review(head, decision_id, ReviewOutcome.RETURNED, comment, None)

    def ask_for_information(
        self, head: CurrentUser, decision_id: int, comment: str
    ) -> DecisionView:
        """Ask the proposer for more information before deciding."""
        require(head, Permission.SIGN)
        _check_reason(comment, required=True, name="comment")
        return self._review(head, decision_id, ReviewOutcome.MORE_INFORMATION, comment, None)

    def _review(
        self,
        head: CurrentUser,
        decision_id: int,
        outcome: ReviewOutcome,
        comment: str,
        signer: Signer | None,
    ) -> DecisionView:
        now = self._now()

        def work(session: Session) -> DecisionView:
            row = session.get(ResponseDecision, decision_id)
            if row is None:
                raise NotFound(f"There is no decision {decision_id}.")
            incident = session.scalar(
                select(Incident).where(Incident.id == row.incident_id).with_for_update()
            )
            assert incident is not None
            current = decision_view(session, row, incident.reference)
            if current.state is not DecisionState.AWAITING_REVIEW:
                raise ConflictError(
                    f"Decision {decision_id} on {incident.reference} is "
                    f"{current.state.value.replace('_', ' ')}; only a decision awaiting review "
                    "can be answered.",
                    reference=incident.reference,
                )
            action_id = None
            if outcome is ReviewOutcome.APPROVED:
                action_id = self._carry_out(session, incident, row, current, head, now)
            signature_id = None
            if signer is not None:
                signature_id = add_signature(
                    session,
                    incident_id=incident.id,
                    content=decision_content(row, incident.reference),
                    signer=signer.username,
                    signer_name=signer.display_name,
                    signer_role=signer.role.value,
                    meaning=signer.meaning,
                    now=now,
                ).id
            session.add(
                ResponseReview(
                    incident_id=incident.id,
                    decision_id=row.id,
                    outcome=outcome.value,
                    comment=comment,
                    reviewer=head.username,
                    reviewed_at=now,
                    signature_id=signature_id,
                    action_id=action_id,
                )
            )
            session.flush()
            return decision_view(session, row, incident.reference)

        return self._db.write(work)

    def _carry_out(
        self,
        session: Session,
        incident: Incident,
        row: ResponseDecision,
        decision: DecisionView,
        head: CurrentUser,
        now: datetime,
    ) -> str | None:
        recall = decision.content.recall
        if recall is not None:
            action = "decide_recall" if recall.recall else "decide_no_recall"
            self._runner.take(
                session,
                incident,
                action,
                actor=head.username,
                role=head.role,
                now=now,
                comment=row.reason,
                decision_id=row.id,
            )
            return action
        return carry_out_not_reportable(
            session,
            self._runner,
            incident,
            row,
            decision.content.clock_ids,
            actor=head.username,
            role=head.role,
            now=now,
        )

    # ---------------------------------------------------------------------- reads
    def decisions(self, actor: CurrentUser, reference: str) -> tuple[DecisionView, ...]:
        """Every decision proposed for the incident, oldest first."""
        require(actor, Permission.VIEW_INCIDENTS)
        return self._db.read(
            lambda session: incident_decisions(session, incident_row(session, reference))
        )

    def get(self, actor: CurrentUser, decision_id: int) -> DecisionView:
        """One decision."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> DecisionView:
            row = session.get(ResponseDecision, decision_id)
            if row is None:
                raise NotFound(f"There is no decision {decision_id}.")
            incident = session.get(Incident, row.incident_id)
            assert incident is not None
            return decision_view(session, row, incident.reference)

        return self._db.read(work)

    def recall_record_pdf(self, actor: CurrentUser, decision_id: int, local_zone: tzinfo) -> bytes:
        """The recall decision record with its risk basis and signature block, as a PDF."""
        require(actor, Permission.VIEW_INCIDENTS)

        def work(session: Session) -> PrintedRecallDecision:
            row = session.get(ResponseDecision, decision_id)
            if row is None or row.kind != DecisionKind.RECALL:
                raise NotFound(f"There is no recall decision {decision_id}.")
            incident = session.get(Incident, row.incident_id)
            assert incident is not None
            return printed_decision(decision_view(session, row, incident.reference), incident)

        printed = self._db.read(work)
        return recall_decision_pdf(
            printed, printed_by=actor.display_name, printed_at=self._now(), local_zone=local_zone
        )


def _check_reason(text: str, *, required: bool, name: str = "reason") -> None:
    if required and not text.strip():
        raise ValidationFailed([FieldError(name, "required", "must be given")])
    if len(text) > MAX_TEXT:
        raise ValidationFailed(
            [FieldError(name, "too_long", f"must be at most {MAX_TEXT:,} characters")]
        )


def _check_recall(decision: RecallDecisionInput) -> None:
    errors: list[FieldError] = []
    if not decision.recall and not decision.reason.strip():
        errors.append(
            FieldError("reason", "required", "a decision against a recall needs a reason")
        )
    if decision.recall:
        if not any(model.strip() for model in decision.models):
            errors.append(FieldError("models", "required", "name at least one model"))
        if decision.units <= 0:
            errors.append(
                FieldError("units", "positive", "the units in scope must be more than zero")
            )
        if not decision.remedies:
            errors.append(
                FieldError("remedies", "required", "choose repair, replacement or refund")
            )
        if not decision.channels:
            errors.append(FieldError("channels", "required", "choose how owners are told"))
    for name in ("reason", "serials_or_lots", "channel_details"):
        if len(getattr(decision, name)) > MAX_TEXT:
            errors.append(FieldError(name, "too_long", f"must be at most {MAX_TEXT:,} characters"))
    if any(len(model) > 100 or "\n" in model for model in decision.models):
        errors.append(
            FieldError("models", "format", "each model is one line of at most 100 characters")
        )
    if errors:
        raise ValidationFailed(errors)
