"""Storing cause analyses: the graph document, the rows copied out of it, and evidence files.

An analysis is written whole: the graph becomes node-link JSON (the interchange format, so
what is stored reads like an exported file) and the rows other screens query — causes,
countermeasures, similarity terms — are rewritten from it in the same transaction, so they
never disagree with the document. Every function works inside the caller's unit of work.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session, defer

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.analysis.interchange import export_draft, import_draft
from qa_desktop.analysis.recurrence import document_terms, normalise_text, similarity_keys
from qa_desktop.domain.cause_graph import CheckResult, IncidentRoot
from qa_desktop.persistence.analysis_models import (
    AnalysisCause,
    AnalysisCountermeasure,
    AnalysisEvidence,
    AnalysisTerm,
    CauseAnalysis,
)
from qa_desktop.persistence.models import Incident

#: ``audit_entries.entity`` of analysis changes.
ANALYSIS_ENTITY = "cause_analysis"
#: Statuses stored in ``cause_analyses.status``.
DRAFT = "draft"
CLOSED = "closed"
# Terms and keys are cut to their column width; NFKC can lengthen text (㍿ → 株式会社).
_KEY_LENGTH = 200
_TERM_LENGTH = 208


def incident_root(incident: Incident, keep: IncidentRoot | None = None) -> IncidentRoot:
    """The incident node as the incident record has it, at *keep*'s saved position.

    The incident's facts belong to the incident record; an analysis only places its node.
    """
    occurred = incident.occurred_at.astimezone(UTC).date() if incident.occurred_at else None
    return IncidentRoot(
        reference=incident.reference,
        title=incident.title,
        product=incident.product_name,
        model=incident.model,
        business_unit=incident.business_unit,
        occurred_on=occurred,
        x=keep.x if keep else None,
        y=keep.y if keep else None,
    )


def with_incident_facts(graph: CauseGraph, incident: Incident) -> CauseGraph:
    """*graph* with its incident node refreshed from the incident record."""
    root = incident_root(incident, graph.incident)
    return graph if root == graph.incident else replace(graph, incident=root)


def incident_year(incident: Incident) -> int:
    """The year the incident happened, else the year the company learned of it."""
    moment = incident.occurred_at or incident.first_known_at
    return moment.astimezone(UTC).year


def find_analysis(
    session: Session, incident_id: int, *, lock: bool = False
) -> CauseAnalysis | None:
    """The incident's analysis row; with *lock*, held against other writers until commit."""
    statement = select(CauseAnalysis).where(CauseAnalysis.incident_id == incident_id)
    if lock:
        statement = statement.with_for_update()
    return session.scalar(statement)


def stored_graph(row: CauseAnalysis) -> CauseGraph:
    """The graph held in *row*'s document."""
    return graph_from_document(row.document)


def graph_from_document(document: str) -> CauseGraph:
    """The graph in a stored document (``cause_analyses.document``)."""
    return import_draft(document.encode("utf-8"))


def graph_document(graph: CauseGraph) -> str:
    """*graph* as the stored document; refused (``GraphFileRefused``) if it is unsound."""
    return export_draft(graph).decode("utf-8")


def insert_analysis(
    session: Session, incident: Incident, graph: CauseGraph, *, actor: str, now: datetime
) -> CauseAnalysis:
    """Store a new analysis (version 1, draft) of *incident* holding *graph*."""
    row = CauseAnalysis(
        incident_id=incident.id,
        version=1,
        status=DRAFT,
        document=graph_document(graph),
        product_key=_key(incident.product_name),
        year=incident_year(incident),
        created_at=now,
        created_by=actor,
        updated_at=now,
        updated_by=actor,
    )
    session.add(row)
    session.flush()
    index_analysis(session, row.id, graph)
    return row


def replace_graph(
    session: Session,
    row: CauseAnalysis,
    incident: Incident,
    graph: CauseGraph,
    *,
    status: str,
    actor: str,
    now: datetime,
) -> None:
    """Write *graph* over *row* as the next version and rewrite its derived rows.

    The caller has checked the version it expected under a lock (see :func:`find_analysis`).
    """
    row.document = graph_document(graph)
    row.status = status
    row.version += 1
    row.product_key = _key(incident.product_name)
    row.year = incident_year(incident)
    row.updated_at = now
    row.updated_by = actor
    session.flush()
    index_analysis(session, row.id, graph)


def set_status(
    session: Session, row: CauseAnalysis, status: str, *, actor: str, now: datetime
) -> None:
    """Change only the status (closing), as a new version."""
    row.status = status
    row.version += 1
    row.updated_at = now
    row.updated_by = actor
    session.flush()


def index_analysis(session: Session, analysis_id: int, graph: CauseGraph) -> None:
    """Rewrite the cause, countermeasure and term rows of one analysis from *graph*."""
    for table in (AnalysisCause, AnalysisCountermeasure, AnalysisTerm):
        session.execute(delete(table).where(table.analysis_id == analysis_id))
    for table, rows in derived_rows(analysis_id, graph).items():
        if rows:
            session.execute(insert(table), rows)


def derived_rows(analysis_id: int, graph: CauseGraph) -> dict[Any, list[dict[str, Any]]]:
    """The rows copied out of *graph* for search and deadlines, by table, as column values."""
    causes = [
        {
            "analysis_id": analysis_id,
            "cause_id": c.id,
            "layer": c.layer.value,
            "status": c.status.value,
            "title": c.title,
            "title_key": _key(c.title),
            "text_key": normalise_text(f"{c.title}\n{c.description}"),
            "component": c.component,
            "component_key": _key(c.component),
            "failure_mode": c.failure_mode,
            "failure_mode_key": _key(c.failure_mode),
        }
        for c in graph.causes.values()
    ]
    measures = [
        {
            "analysis_id": analysis_id,
            "measure_id": m.id,
            "title": m.title,
            "owner": m.owner,
            "due_on": m.due_on,
            "step": m.step.value,
            "result": m.check.result.value,
        }
        for m in graph.countermeasures.values()
    ]
    terms = [{"analysis_id": analysis_id, "term": t} for t in sorted(analysis_terms(graph))]
    return {AnalysisCause: causes, AnalysisCountermeasure: measures, AnalysisTerm: terms}


def analysis_terms(graph: CauseGraph) -> set[str]:
    """The similarity-index terms of *graph* (see :class:`AnalysisTerm`)."""
    product, components, modes = similarity_keys(graph)
    terms = {f"w:{word}"[:_TERM_LENGTH] for word in document_terms(graph)}
    if product:
        terms.add(f"p:{product}"[:_TERM_LENGTH])
    terms.update(f"c:{c}"[:_TERM_LENGTH] for c in components)
    terms.update(f"f:{m}"[:_TERM_LENGTH] for m in modes)
    return terms


def _key(text: str) -> str:
    return normalise_text(text)[:_KEY_LENGTH]


# ----------------------------------------------------------------------------- evidence


def add_evidence(
    session: Session,
    analysis_id: int,
    cause_id: str,
    *,
    file_name: str,
    content: bytes,
    sha256: str,
    actor: str,
    now: datetime,
) -> AnalysisEvidence:
    """Keep an evidence file for one cause of an analysis."""
    row = AnalysisEvidence(
        analysis_id=analysis_id,
        cause_id=cause_id,
        file_name=file_name,
        size=len(content),
        sha256=sha256,
        content=content,
        added_by=actor,
        added_at=now,
    )
    session.add(row)
    session.flush()
    return row


def evidence_rows(session: Session, analysis_id: int) -> Sequence[AnalysisEvidence]:
    """The evidence files of one analysis, oldest first, without their bytes loaded."""
    return session.scalars(
        select(AnalysisEvidence)
        .options(defer(AnalysisEvidence.content))
        .where(AnalysisEvidence.analysis_id == analysis_id)
        .order_by(AnalysisEvidence.id)
    ).all()


# ----------------------------------------------------------------------------- the flow


def cause_analysis_facts(session: Session, incident_id: int) -> tuple[bool, bool]:
    """(analysis closed, every countermeasure's check passed) for the response flow's guards.

    Fits ``FlowRunner(flow, analysis=cause_analysis_facts)``; an incident without an
    analysis, or without countermeasures, has verified nothing.
    """
    row = session.execute(
        select(CauseAnalysis.id, CauseAnalysis.status).where(
            CauseAnalysis.incident_id == incident_id
        )
    ).first()
    if row is None:
        return False, False
    total, passed = session.execute(
        select(
            func.count(),
            func.count().filter(AnalysisCountermeasure.result == CheckResult.PASSED.value),
        ).where(AnalysisCountermeasure.analysis_id == row.id)
    ).one()
    return row.status == CLOSED, bool(total) and total == passed


def today(now: datetime) -> date:
    """The calendar day of *now* in UTC, which due dates are compared with."""
    return now.astimezone(UTC).date()
