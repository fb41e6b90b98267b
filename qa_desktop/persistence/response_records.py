"""Incident rows and flow history as the response services read and write them.

Every change the response flow makes to an incident (its status, its severity) goes through
:func:`change_incident`, which bumps the incident's version and writes one audit entry per
field in the same unit of work, so the register's optimistic locking and history see it
exactly like an edit made in the incident editor.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.errors import ConflictError, NotFound
from qa_desktop.domain.incident import Severity
from qa_desktop.domain.roles import Role
from qa_desktop.persistence import audit
from qa_desktop.persistence.clock_snapshots import canonical_json
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import FlowRecordRow
from qa_desktop.workflow.flow import IncidentFacts
from qa_desktop.workflow.flow_engine import FlowRecord


def incident_row(session: Session, reference: str, *, lock: bool = False) -> Incident:
    """The incident *reference*; with *lock*, held against concurrent writers until commit.

    SQLite's write transactions already hold the database lock (BEGIN IMMEDIATE); on
    PostgreSQL the row lock makes a concurrent edit wait and then fail its version check.
    """
    statement = select(Incident).where(Incident.reference == reference)
    if lock:
        statement = statement.with_for_update()
    row = session.scalar(statement)
    if row is None:
        raise NotFound(f"There is no incident {reference}.")
    return row


def check_version(row: Incident, expected: int) -> None:
    """Refuse with :class:`ConflictError` when *row* was saved since version *expected*."""
    if row.version != expected:
        raise ConflictError(
            f"{row.reference} was changed by {row.updated_by} at "
            f"{row.updated_at:%Y-%m-%d %H:%M} UTC after you opened it (you have version "
            f"{expected}, the database has {row.version}). Nothing was saved: reload and try "
            "again.",
            reference=row.reference,
            current_version=row.version,
        )


def change_incident(
    session: Session,
    row: Incident,
    changes: Mapping[str, str],
    *,
    actor: str,
    reason: str,
    now: datetime,
) -> bool:
    """Set ``status`` or ``severity`` of the locked *row*, audited; True if anything changed.

    The row must have been read with ``lock=True`` in this unit of work, which is what makes
    the version bump safe against a concurrent save.
    """
    changed = {name: value for name, value in changes.items() if getattr(row, name) != value}
    if not changed:
        return False
    for name, value in changed.items():
        audit.record(
            session,
            at=now,
            actor=actor,
            entity="incident",
            entity_id=row.id,
            action="update",
            field=name,
            old=getattr(row, name),
            new=value,
            reason=reason,
        )
        setattr(row, name, value)
    row.version += 1
    row.updated_at = now
    row.updated_by = actor
    return True


def audit_incident(
    session: Session,
    row: Incident,
    action: str,
    *,
    actor: str,
    now: datetime,
    field: str = "",
    old: object = None,
    new: object = None,
    reason: str = "",
) -> None:
    """One audit entry on the incident's history for a response-flow event."""
    audit.record(
        session,
        at=now,
        actor=actor,
        entity="incident",
        entity_id=row.id,
        action=action,
        field=field,
        old=old,
        new=new,
        reason=reason,
    )


# ------------------------------------------------------------------------- flow history


def facts_json(facts: IncidentFacts) -> str:
    """The facts an action was taken on, as canonical JSON."""
    return canonical_json(facts.values())


def facts_from_json(text: str) -> IncidentFacts:
    """The :class:`IncidentFacts` stored with a flow record."""
    values = json.loads(text)
    values["severity"] = Severity(values["severity"])
    return IncidentFacts(**values)


def flow_rows(session: Session, incident_id: int) -> Sequence[FlowRecordRow]:
    """The incident's flow history, oldest first."""
    return session.scalars(
        select(FlowRecordRow)
        .where(FlowRecordRow.incident_id == incident_id)
        .order_by(FlowRecordRow.id)
    ).all()


def engine_record(row: FlowRecordRow) -> FlowRecord:
    """A stored flow record as the flow engine replays it."""
    return FlowRecord(
        flow_id=row.flow_id,
        flow_version=row.flow_version,
        at=row.at,
        actor=row.actor,
        actor_role=Role(row.actor_role),
        action_id=row.action_id,
        action_title=row.action_title,
        from_step=row.from_step,
        to_step=row.to_step,
        task=row.task,
        signed_by=Role(row.signed_by) if row.signed_by else None,
        comment=row.comment,
        facts=facts_from_json(row.facts),
        recorded=tuple(name for name in row.recorded.split(",") if name),
    )


def add_flow_record(
    session: Session, incident_id: int, record: FlowRecord, decision_id: int | None = None
) -> FlowRecordRow:
    """Append *record* to the incident's flow history (flushed, so it has its id)."""
    row = FlowRecordRow(
        incident_id=incident_id,
        flow_id=record.flow_id,
        flow_version=record.flow_version,
        at=record.at,
        actor=record.actor,
        actor_role=record.actor_role.value,
        action_id=record.action_id,
        action_title=record.action_title,
        from_step=record.from_step,
        to_step=record.to_step,
        task=record.task,
        signed_by=record.signed_by.value if record.signed_by else None,
        comment=record.comment,
        facts=facts_json(record.facts),
        recorded=",".join(record.recorded),
        decision_id=decision_id,
    )
    session.add(row)
    session.flush()
    return row
