"""Turning stored analysis rows into the records callers get, and the checks on their input."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from qa_desktop.analysis.graph_ops import CauseGraph, new_graph, next_id
from qa_desktop.analysis.recurrence import normalise_text
from qa_desktop.domain.cause_graph import (
    TEXT_LIMITS,
    CauseStatus,
    CheckResult,
    RiskReductionStep,
    YokotenCandidate,
    id_sort_key,
)
from qa_desktop.domain.errors import FieldError, ValidationFailed
from qa_desktop.persistence import analysis_store as store
from qa_desktop.persistence.analysis_models import AnalysisEvidence, CauseAnalysis
from qa_desktop.persistence.analysis_queries import sharing_rows
from qa_desktop.persistence.analysis_signatures import (
    SIGNED_KIND,
    latest_signature,
    signature_problem,
)
from qa_desktop.persistence.models import Incident
from qa_desktop.services.analysis_results import (
    AnalysisRecord,
    AnalysisStatus,
    EvidenceView,
    OverdueCountermeasure,
    SignatureMeaning,
    SignatureView,
)

#: Largest evidence file accepted, in bytes (as for incident attachments).
MAX_EVIDENCE_BYTES = 100 * 1024 * 1024
#: Longest reason for changing a closed analysis, in characters.
MAX_REASON_LENGTH = 2_000
# The width of the stored text keys (analysis_causes.*_key).
_KEY_LENGTH = 200
_BAD_FILE_NAME = re.compile(r"[\x00-\x1f\x7f/\\]")


def analysis_record(session: Session, incident: Incident, row: CauseAnalysis) -> AnalysisRecord:
    """The stored analysis in *row* as callers see it, signature verified."""
    signature = None
    if row.status == store.CLOSED:
        signed = latest_signature(session, row.id)
        if signed is not None:
            problem = signature_problem(row, signed, incident.reference)
            signature = SignatureView(
                id=signed.id,
                signer=signed.signer,
                signer_name=signed.signer_name,
                signer_role=signed.signer_role,
                meaning=SignatureMeaning(signed.meaning),
                signed_at=signed.signed_at,
                record_kind=SIGNED_KIND,
                record_id=row.id,
                valid=not problem,
                problem=problem,
            )
    return AnalysisRecord(
        reference=incident.reference,
        graph=store.with_incident_facts(store.stored_graph(row), incident),
        version=row.version,
        status=AnalysisStatus(row.status),
        updated_at=row.updated_at,
        updated_by=row.updated_by,
        signature=signature,
        evidence=tuple(
            evidence_view(e, incident.reference) for e in store.evidence_rows(session, row.id)
        ),
    )


def empty_record(incident: Incident) -> AnalysisRecord:
    """An analysis not yet stored, as shown to someone who may not start one (version 0)."""
    return AnalysisRecord(
        reference=incident.reference,
        graph=new_graph(store.incident_root(incident)),
        version=0,
        status=AnalysisStatus.DRAFT,
        updated_at=incident.updated_at,
        updated_by=incident.updated_by,
    )


def evidence_view(row: AnalysisEvidence, reference: str) -> EvidenceView:
    """An evidence file's facts."""
    return EvidenceView(
        id=row.id,
        reference=reference,
        cause_id=row.cause_id,
        file_name=row.file_name,
        size=row.size,
        sha256=row.sha256,
        added_by=row.added_by,
        added_at=row.added_at,
    )


def overdue_view(row: Any, today: date) -> OverdueCountermeasure:
    """One row of :func:`~qa_desktop.persistence.analysis_queries.overdue_rows`."""
    return OverdueCountermeasure(
        reference=row.reference,
        incident_title=row.title,
        measure_id=row.measure_id,
        title=row.measure_title,
        owner=row.owner,
        due_on=row.due_on,
        days_overdue=(today - row.due_on).days,
        step=RiskReductionStep(row.step),
        check_result=CheckResult(row.result),
    )


def check_reason(reason: str) -> str:
    """*reason* trimmed; refused when longer than :data:`MAX_REASON_LENGTH`."""
    reason = reason.strip()
    if len(reason) > MAX_REASON_LENGTH:
        raise ValidationFailed(
            [FieldError("reason", "too_long", f"must be at most {MAX_REASON_LENGTH:,} characters")]
        )
    return reason


def check_evidence_file(file_name: str, content: bytes) -> None:
    """Refuse a file name with path separators or controls, or a file over the size limit."""
    errors = []
    if not file_name or len(file_name) > 255 or _BAD_FILE_NAME.search(file_name):
        errors.append(
            FieldError("file_name", "format", "must be 1-255 characters without / \\ or controls")
        )
    if len(content) > MAX_EVIDENCE_BYTES:
        errors.append(
            FieldError("content", "too_large", f"must be at most {MAX_EVIDENCE_BYTES // 2**20} MiB")
        )
    if errors:
        raise ValidationFailed(errors)


# ----------------------------------------------------------------------------- yokoten


def propose_yokoten(
    session: Session, analysis_id: int, graph: CauseGraph
) -> list[YokotenCandidate]:
    """Candidates from other analyses sharing a confirmed cause's text or a component.

    One per product / model / business unit, most incidents first; the incident's own and
    those already in *graph* are left out.
    """
    confirmed = [c for c in graph.causes.values() if c.status is CauseStatus.CONFIRMED]
    by_text: dict[str, str] = {}
    for cause in sorted(confirmed, key=lambda c: id_sort_key(c.id)):
        by_text.setdefault(normalise_text(cause.title)[:_KEY_LENGTH], cause.id)
    components: dict[str, str] = {}
    for cause in sorted(graph.causes.values(), key=lambda c: id_sort_key(c.id)):
        component_key = normalise_text(cause.component)[:_KEY_LENGTH]
        if component_key and cause.status is not CauseStatus.RULED_OUT:
            components.setdefault(component_key, cause.component)
    rows = sharing_rows(session, exclude=analysis_id, title_keys=by_text, component_keys=components)
    own = _target_key(graph.incident.product, graph.incident.model, graph.incident.business_unit)
    known = [_target_key(y.product, y.model, y.business_unit) for y in graph.yokoten.values()]
    found: dict[tuple[str, str, str], _Sharing] = {}
    for row in rows:
        key = _target_key(row.product_name, row.model, row.business_unit)
        if key == own or not any(key) or any(_covers(k, key) for k in known):
            continue
        sharing = found.setdefault(key, _Sharing(row.product_name, row.model, row.business_unit))
        sharing.references.add(row.reference)
        if row.status == CauseStatus.CONFIRMED.value and row.title_key in by_text:
            sharing.causes.add(by_text[row.title_key])
        if row.component_key in components:
            sharing.components.add(components[row.component_key])
    ranked = sorted(found.values(), key=lambda s: (-len(s.references), s.product, s.model))
    proposals: list[YokotenCandidate] = []
    taken = graph
    for sharing in ranked:
        candidate_id = next_id(taken, "Y")
        candidate = sharing.candidate(candidate_id)
        proposals.append(candidate)
        # Later ids must not repeat this one: note it in a scratch copy of the graph.
        taken = _with_candidate(taken, candidate)
    return proposals


class _Sharing:
    """What one target shares with the analysis: incidents, cause ids, components."""

    def __init__(self, product: str, model: str, business_unit: str) -> None:
        self.product, self.model, self.business_unit = product, model, business_unit
        self.references: set[str] = set()
        self.causes: set[str] = set()
        self.components: set[str] = set()

    def candidate(self, candidate_id: str) -> YokotenCandidate:
        shared_cause = min(self.causes, key=id_sort_key) if self.causes else ""
        component = sorted(self.components)[0] if self.components else ""
        return YokotenCandidate(
            id=candidate_id,
            product=self.product[: TEXT_LIMITS["product"]],
            model=self.model[: TEXT_LIMITS["model"]],
            business_unit=self.business_unit[: TEXT_LIMITS["business_unit"]],
            shared_cause=shared_cause,
            shared_component=component[: TEXT_LIMITS["shared_component"]],
        )


def _target_key(product: str, model: str, business_unit: str) -> tuple[str, str, str]:
    return normalise_text(product), normalise_text(model), normalise_text(business_unit)


def _covers(listed: tuple[str, str, str], target: tuple[str, str, str]) -> bool:
    # A candidate naming only a product covers every model and unit of that product.
    return all(not named or named == wanted for named, wanted in zip(listed, target, strict=True))


def _with_candidate(graph: CauseGraph, candidate: YokotenCandidate) -> CauseGraph:
    return replace(graph, yokoten={**graph.yokoten, candidate.id: candidate})
