"""Writing the audit trail. Only inserts: the database itself refuses updates and deletes."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

from sqlalchemy.orm import Session

from qa_desktop.persistence.models import AuditEntry


def audit_value(value: Any) -> str | None:
    """A field value as the audit trail stores it: exact, readable, comparable."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return ",".join(str(v) for v in value)
    return str(value)


def record(
    session: Session,
    *,
    at: datetime,
    actor: str,
    entity: str,
    entity_id: int,
    action: str,
    field: str = "",
    old: Any = None,
    new: Any = None,
    reason: str = "",
) -> None:
    """Append one audit entry in the caller's transaction (it commits or rolls back with it)."""
    session.add(
        AuditEntry(
            at=at,
            actor=actor,
            entity=entity,
            entity_id=entity_id,
            action=action,
            field=field,
            old_value=audit_value(old),
            new_value=audit_value(new),
            reason=reason,
        )
    )
