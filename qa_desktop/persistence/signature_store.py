"""Electronic signatures bound to the record they sign by a SHA-256 over its content.

The hash covers the signed record's canonical content (its kind, id, incident reference and
every field) together with the signer, the meaning and the time. Verifying recomputes it
from the rows as they are now: a signature pointed at another record, or a record changed
under its signature, no longer matches, whatever happened to the tables below the
application.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.persistence.clock_snapshots import canonical_json
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import FlowRecordRow, ResponseDecision, Signature


class SignedKind(StrEnum):
    """The kinds of record a signature can sign."""

    DECISION = "decision"
    FLOW_RECORD = "flow_record"


def _instant(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def decision_content(row: ResponseDecision, reference: str) -> dict[str, Any]:
    """What a signature on a decision covers."""
    return {
        "kind": SignedKind.DECISION.value,
        "id": row.id,
        "incident": reference,
        "decision_kind": row.kind,
        "proposed_at": _instant(row.proposed_at),
        "proposed_by": row.proposed_by,
        "reason": row.reason,
        "content": json.loads(row.content),
    }


def flow_record_content(row: FlowRecordRow, reference: str) -> dict[str, Any]:
    """What a signature on a flow action (closing the incident, say) covers."""
    return {
        "kind": SignedKind.FLOW_RECORD.value,
        "id": row.id,
        "incident": reference,
        "flow_id": row.flow_id,
        "flow_version": row.flow_version,
        "at": _instant(row.at),
        "actor": row.actor,
        "actor_role": row.actor_role,
        "action_id": row.action_id,
        "action_title": row.action_title,
        "from_step": row.from_step,
        "to_step": row.to_step,
        "task": row.task,
        "signed_by": row.signed_by,
        "comment": row.comment,
        "facts": json.loads(row.facts),
        "recorded": row.recorded,
        "decision_id": row.decision_id,
    }


def signature_digest(
    content: dict[str, Any], signer: str, signer_name: str, meaning: str, signed_at: datetime
) -> str:
    """The SHA-256 (hex) binding a signer, a meaning and a moment to *content*."""
    payload = {
        "record": content,
        "signer": signer,
        "signer_name": signer_name,
        "meaning": meaning,
        "signed_at": _instant(signed_at),
    }
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def add_signature(
    session: Session,
    *,
    incident_id: int,
    content: dict[str, Any],
    signer: str,
    signer_name: str,
    signer_role: str,
    meaning: str,
    now: datetime,
) -> Signature:
    """Sign *content* (from :func:`decision_content` or :func:`flow_record_content`)."""
    signature = Signature(
        incident_id=incident_id,
        record_kind=content["kind"],
        record_id=content["id"],
        signer=signer,
        signer_name=signer_name,
        signer_role=signer_role,
        meaning=meaning,
        signed_at=now,
        content_sha256=signature_digest(content, signer, signer_name, meaning, now),
    )
    session.add(signature)
    session.flush()
    return signature


def current_content(session: Session, signature: Signature) -> dict[str, Any] | None:
    """The content of the record *signature* points at, as stored now; ``None`` if none.

    The record's own incident is used, so a signature pointed at a record of another
    incident fails on the hash like any other moved signature.
    """
    record: ResponseDecision | FlowRecordRow | None
    if signature.record_kind == SignedKind.DECISION:
        record = session.get(ResponseDecision, signature.record_id)
    elif signature.record_kind == SignedKind.FLOW_RECORD:
        record = session.get(FlowRecordRow, signature.record_id)
    else:
        return None
    if record is None:
        return None
    reference = session.scalar(select(Incident.reference).where(Incident.id == record.incident_id))
    assert reference is not None
    if isinstance(record, ResponseDecision):
        return decision_content(record, reference)
    return flow_record_content(record, reference)


def signature_problem(session: Session, signature: Signature) -> str:
    """Why *signature* does not verify, as a sentence; empty when it does."""
    content = current_content(session, signature)
    if content is None:
        return "The signed record no longer exists."
    digest = signature_digest(
        content, signature.signer, signature.signer_name, signature.meaning, signature.signed_at
    )
    if digest != signature.content_sha256:
        return (
            "The signature does not match the record: the record or the signature was changed "
            "after signing."
        )
    return ""
