"""The QA executive's signature on a closed analysis, bound to the graph it signed.

The hash (``signature_store.signature_digest``, the same as for response-flow signatures)
covers the analysis id, the incident, the version signed and the SHA-256 of the stored graph
document, with the signer, meaning and time. Showing a signature recomputes it from the
analysis as stored now: a changed graph, or a signature moved to another analysis, no longer
matches, whatever happened to the tables below the application.
"""

from __future__ import annotations

import hashlib
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.persistence.analysis_models import AnalysisSignature, CauseAnalysis
from qa_desktop.persistence.signature_store import signature_digest

#: What an analysis signature signs, as named in its content and in views.
SIGNED_KIND = "cause_analysis"


def signed_content(row: CauseAnalysis, reference: str, version: int) -> dict[str, Any]:
    """What a signature on version *version* of the analysis in *row* covers."""
    return {
        "kind": SIGNED_KIND,
        "id": row.id,
        "incident": reference,
        "version": version,
        "document_sha256": hashlib.sha256(row.document.encode("utf-8")).hexdigest(),
    }


def sign(
    session: Session,
    row: CauseAnalysis,
    reference: str,
    *,
    signer: str,
    signer_name: str,
    signer_role: str,
    meaning: str,
    now: datetime,
) -> AnalysisSignature:
    """Sign the analysis in *row* as it is stored now (its current version)."""
    content = signed_content(row, reference, row.version)
    signature = AnalysisSignature(
        analysis_id=row.id,
        analysis_version=row.version,
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


def latest_signature(session: Session, analysis_id: int) -> AnalysisSignature | None:
    """The newest signature given on the analysis, if any."""
    return session.scalar(
        select(AnalysisSignature)
        .where(AnalysisSignature.analysis_id == analysis_id)
        .order_by(AnalysisSignature.id.desc())
        .limit(1)
    )


def signature_problem(row: CauseAnalysis, signature: AnalysisSignature, reference: str) -> str:
    """Why *signature* does not hold for the analysis in *row*, as a sentence; empty if it does."""
    if signature.analysis_id != row.id:
        return "The signature belongs to another analysis."
    if row.version != signature.analysis_version:
        return (
            f"The analysis was changed after signing (version {signature.analysis_version} was "
            f"signed; it is now version {row.version})."
        )
    content = signed_content(row, reference, signature.analysis_version)
    digest = signature_digest(
        content, signature.signer, signature.signer_name, signature.meaning, signature.signed_at
    )
    if digest != signature.content_sha256:
        return (
            "The signature does not match the analysis: the analysis or the signature was "
            "changed after signing."
        )
    return ""
