"""The writing half of the analysis service: checks, inserts, replacements and their audit.

Each function runs inside the caller's unit of work and raises before anything is written
when the graph breaks a rule, the version is stale or a reason is missing.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from qa_desktop.analysis.graph_ops import CauseGraph, graph_problems
from qa_desktop.analysis.interchange import GraphFormat
from qa_desktop.domain.errors import ConflictError, QaError, ReasonRequired, ValidationFailed
from qa_desktop.persistence import analysis_store as store
from qa_desktop.persistence.analysis_audit import record_changes, record_event
from qa_desktop.persistence.analysis_models import CauseAnalysis
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_records import incident_row
from qa_desktop.services.results import CurrentUser


def prepare(
    session: Session, reference: str, graph: CauseGraph
) -> tuple[Incident, CauseAnalysis | None, CauseGraph]:
    """The incident and analysis rows, locked, and *graph* with the incident's facts, checked."""
    incident = incident_row(session, reference, lock=True)
    row = store.find_analysis(session, incident.id, lock=True)
    graph_in = store.with_incident_facts(graph, incident)
    errors = graph_problems(graph_in)
    if errors:
        raise ValidationFailed(errors)
    return incident, row, graph_in


def insert(
    session: Session,
    user: CurrentUser,
    incident: Incident,
    graph: CauseGraph,
    now: datetime,
    action: str,
) -> CauseAnalysis:
    """Store the first version of an analysis and audit every element as added."""
    row = store.insert_analysis(session, incident, graph, actor=user.username, now=now)
    check_stored(row, graph)
    record_changes(
        session,
        analysis_id=row.id,
        before=None,
        after=graph,
        actor=user.username,
        at=now,
        action=action,
    )
    return row


def replace_graph(
    session: Session,
    user: CurrentUser,
    incident: Incident,
    row: CauseAnalysis,
    graph: CauseGraph,
    now: datetime,
    action: str,
    reason: str,
) -> None:
    """Write *graph* as the next version (nothing if unchanged); a closed analysis reopens."""
    before = store.with_incident_facts(store.stored_graph(row), incident)
    if graph == before:
        return  # nothing changed: no new version, nothing to audit
    reopening = row.status == store.CLOSED
    if reopening and not reason:
        raise ReasonRequired(
            f"The analysis of {incident.reference} is closed: give a reason for the change "
            "(it reopens the analysis, which must then be signed again)."
        )
    store.replace_graph(
        session, row, incident, graph, status=store.DRAFT, actor=user.username, now=now
    )
    check_stored(row, graph)
    record_changes(
        session,
        analysis_id=row.id,
        before=before,
        after=graph,
        actor=user.username,
        at=now,
        action=action,
        reason=reason,
    )
    if reopening:
        record_event(
            session,
            analysis_id=row.id,
            actor=user.username,
            at=now,
            action="reopen",
            field="status",
            new="draft",
            reason=reason,
        )


def graph_format(fmt: str) -> GraphFormat:
    """The interchange format named *fmt*: ``graphml``, ``dot`` or ``json`` (a dot allowed)."""
    try:
        return GraphFormat(fmt.lower().lstrip("."))
    except ValueError:
        raise QaError(f"{fmt!r} is not a cause-graph format: use graphml, dot or json.") from None


def check_stored(row: CauseAnalysis, graph: CauseGraph) -> None:
    """Refuse a save whose document would not read back as exactly *graph*."""
    # Guards the promise that text survives a save exactly; a failure rolls the save back.
    if store.stored_graph(row) != graph:
        raise QaError("The analysis could not be stored exactly as given; nothing was saved.")


def conflict(reference: str, row: CauseAnalysis, expected: int) -> ConflictError:
    """The refusal of a save over a version someone else replaced."""
    return ConflictError(
        f"The analysis of {reference} was changed by {row.updated_by} at "
        f"{row.updated_at:%Y-%m-%d %H:%M} UTC after you opened it (you have version {expected}, "
        f"the database has {row.version}). Your change was not saved: reload to see theirs, "
        "then make yours again.",
        reference=reference,
        current_version=row.version,
    )
