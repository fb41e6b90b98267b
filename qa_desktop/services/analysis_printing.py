"""Gathering what the 8D report prints: the analysis, the incident, the people, containment."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.analysis.closure import missing_for_closure
from qa_desktop.domain.cause_graph import id_sort_key
from qa_desktop.persistence.incident_columns import row_draft
from qa_desktop.persistence.models import Incident, User
from qa_desktop.persistence.response_models import FlowRecordRow
from qa_desktop.reporting.eight_d_report import (
    ContainmentAction,
    PrintedAnalysis,
    PrintedEvidenceFile,
    PrintedSignature,
    TeamMember,
)
from qa_desktop.services.analysis_results import AnalysisRecord, AnalysisStatus

#: The response-flow task whose records are the D3 containment actions.
CONTAINMENT_TASK = "immediate_action"


def printed_analysis(
    session: Session, incident: Incident, record: AnalysisRecord
) -> PrintedAnalysis:
    """The report's content for *record*, the analysis of *incident*."""
    graph = record.graph
    signature = record.signature
    return PrintedAnalysis(
        reference=record.reference,
        incident=row_draft(incident),
        graph=graph,
        version=record.version,
        status=record.status.value,
        team=_team(session, incident, record),
        containment=_containment(session, incident.id),
        evidence_files=tuple(
            PrintedEvidenceFile(e.cause_id, e.file_name, e.size, e.sha256, e.added_by, e.added_at)
            for e in record.evidence
        ),
        signature=(
            PrintedSignature(
                signature.signer,
                signature.signer_name,
                signature.meaning.value,
                signature.signed_at,
                signature.valid,
                signature.problem,
            )
            if signature is not None
            else None
        ),
        gaps=() if record.status is AnalysisStatus.CLOSED else tuple(missing_for_closure(graph)),
    )


def _team(session: Session, incident: Incident, record: AnalysisRecord) -> tuple[TeamMember, ...]:
    """Everyone named in the analysis, with what they did, in the order they appear."""
    parts: dict[str, list[str]] = {}

    def note(username: str, part: str) -> None:
        if username and part not in parts.setdefault(username, []):
            parts[username].append(part)

    note(incident.qa_owner, "QA owner of the incident")
    for cause in sorted(record.graph.causes.values(), key=lambda c: id_sort_key(c.id)):
        note(cause.owner, f"owner of cause {cause.id}")
    for measure in sorted(record.graph.countermeasures.values(), key=lambda m: id_sort_key(m.id)):
        note(measure.owner, f"owner of countermeasure {measure.id}")
    note(record.updated_by, "last saved the analysis")
    if record.signature is not None:
        note(record.signature.signer, "signed the closed analysis")
    names = dict(
        session.execute(
            select(User.username, User.display_name).where(User.username.in_(list(parts)))
        ).all()
    )
    return tuple(
        TeamMember(f"{names[u]} ({u})" if u in names else u, ", ".join(p)) for u, p in parts.items()
    )


def _containment(session: Session, incident_id: int) -> tuple[ContainmentAction, ...]:
    rows = session.scalars(
        select(FlowRecordRow)
        .where(FlowRecordRow.incident_id == incident_id, FlowRecordRow.task == CONTAINMENT_TASK)
        .order_by(FlowRecordRow.id)
    ).all()
    return tuple(
        ContainmentAction(row.at, row.actor, row.comment or row.action_title) for row in rows
    )
