"""Decisions as stored and shown: kinds, content, derived state, reviews and signatures.

A decision row never changes; where it stands (awaiting review, approved, rejected,
returned, more information asked for, superseded by a newer proposal) is derived from its
reviews and from later proposals of the same kind.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.persistence.json_records import from_plain
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import ResponseDecision, ResponseReview, Signature
from qa_desktop.persistence.signature_store import SignedKind
from qa_desktop.services.response_results import (
    ReviewOutcome,
    ReviewView,
    RMapResult,
    SafetyGateResult,
    SignatureView,
)
from qa_desktop.services.signatures import signature_view, signatures_of


class DecisionKind(StrEnum):
    """The decisions a QA head signs."""

    RECALL = "recall"
    NOT_REPORTABLE = "not_reportable"


class Remedy(StrEnum):
    """What a recall offers the owner."""

    REPAIR = "repair"
    REPLACEMENT = "replacement"
    REFUND = "refund"


class NoticeChannel(StrEnum):
    """How owners are told of a recall."""

    NEWSPAPERS = "newspapers"
    WEBSITE = "website"
    DIRECT_MAIL = "direct_mail"


class DecisionState(StrEnum):
    """Where a proposed decision stands."""

    AWAITING_REVIEW = "awaiting_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    RETURNED = "returned"
    MORE_INFORMATION = "more_information"
    SUPERSEDED = "superseded"


@dataclass(frozen=True, slots=True)
class RecallDecisionInput:
    """A recall decision: recall or not, its scope (models, serial ranges or lots, units),
    remedies and channels. Text is kept exactly as typed."""

    recall: bool
    reason: str = ""
    models: tuple[str, ...] = ()
    serials_or_lots: str = ""
    units: int = 0
    remedies: tuple[Remedy, ...] = ()
    channels: tuple[NoticeChannel, ...] = ()
    channel_details: str = ""


@dataclass(frozen=True, slots=True)
class DecisionContent:
    """What a decision row's ``content`` holds: the decision and the risk results beside it."""

    recall: RecallDecisionInput | None
    clock_ids: tuple[int, ...]
    clock_titles: tuple[str, ...]
    classification_version: int | None
    severity: str
    rmap: RMapResult | None
    safety_gate: SafetyGateResult | None


@dataclass(frozen=True, slots=True)
class DecisionView:
    """A decision with the risk results beside it, its reviews and its signatures."""

    id: int
    reference: str
    kind: DecisionKind
    state: DecisionState
    proposed_at: datetime
    proposed_by: str
    reason: str
    content: DecisionContent
    reviews: tuple[ReviewView, ...]
    signatures: tuple[SignatureView, ...]


_STATE_OF = {
    ReviewOutcome.APPROVED: DecisionState.APPROVED,
    ReviewOutcome.REJECTED: DecisionState.REJECTED,
    ReviewOutcome.RETURNED: DecisionState.RETURNED,
    ReviewOutcome.MORE_INFORMATION: DecisionState.MORE_INFORMATION,
}


def review_views(session: Session, rows: Sequence[ResponseReview]) -> tuple[ReviewView, ...]:
    """Reviews with their signatures, verified."""
    views = []
    for row in rows:
        signature = None
        if row.signature_id is not None:
            signed = session.get(Signature, row.signature_id)
            signature = signature_view(session, signed) if signed is not None else None
        views.append(
            ReviewView(
                row.id,
                ReviewOutcome(row.outcome),
                row.comment,
                row.reviewer,
                row.reviewed_at,
                row.action_id,
                signature,
            )
        )
    return tuple(views)


def decision_view(session: Session, row: ResponseDecision, reference: str) -> DecisionView:
    """A stored decision with its derived state, reviews and verified signatures."""
    reviews = review_views(
        session,
        session.scalars(
            select(ResponseReview)
            .where(ResponseReview.decision_id == row.id)
            .order_by(ResponseReview.id)
        ).all(),
    )
    state = _STATE_OF[reviews[-1].outcome] if reviews else DecisionState.AWAITING_REVIEW
    if state not in (DecisionState.APPROVED, DecisionState.REJECTED):
        newer = session.scalar(
            select(ResponseDecision.id).where(
                ResponseDecision.incident_id == row.incident_id,
                ResponseDecision.kind == row.kind,
                ResponseDecision.id > row.id,
            )
        )
        if newer is not None:
            state = DecisionState.SUPERSEDED
    return DecisionView(
        id=row.id,
        reference=reference,
        kind=DecisionKind(row.kind),
        state=state,
        proposed_at=row.proposed_at,
        proposed_by=row.proposed_by,
        reason=row.reason,
        content=from_plain(DecisionContent, json.loads(row.content)),
        reviews=reviews,
        signatures=signatures_of(session, SignedKind.DECISION.value, [row.id]).get(row.id, ()),
    )


def incident_decisions(session: Session, incident: Incident) -> tuple[DecisionView, ...]:
    """Every decision proposed for *incident*, oldest first."""
    rows = session.scalars(
        select(ResponseDecision)
        .where(ResponseDecision.incident_id == incident.id)
        .order_by(ResponseDecision.id)
    ).all()
    return tuple(decision_view(session, row, incident.reference) for row in rows)
