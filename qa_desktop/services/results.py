"""What services hand back: frozen records, never ORM objects or sessions."""

from __future__ import annotations

__all__ = [
    "AttachmentView",
    "AuditView",
    "CurrentUser",
    "ImportResult",
    "IncidentPage",
    "IncidentQuery",
    "IncidentRecord",
    "IncidentSummary",
    "PageCursor",
    "SortKey",
    "UserView",
]


from dataclasses import dataclass, field
from datetime import datetime

from qa_desktop.domain.incident import IncidentDraft
from qa_desktop.domain.register import (
    IncidentPage,
    IncidentQuery,
    IncidentSummary,
    PageCursor,
    SortKey,
)
from qa_desktop.domain.roles import Permission, Role, may


@dataclass(frozen=True, slots=True)
class CurrentUser:
    """The signed-in person every service call acts as."""

    id: int
    username: str
    display_name: str
    role: Role

    def may(self, permission: Permission) -> bool:
        """True when this person's role grants *permission*."""
        return may(self.role, permission)


@dataclass(frozen=True, slots=True)
class UserView:
    """An account as the administrator sees it (never the password hash)."""

    username: str
    display_name: str
    role: Role
    active: bool
    locked: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class AttachmentView:
    """An attachment's facts; its bytes are fetched separately."""

    id: int
    file_name: str
    size: int
    sha256: str
    added_by: str
    added_at: datetime


@dataclass(frozen=True, slots=True)
class IncidentRecord:
    """One incident as stored, with its version for optimistic locking."""

    id: int
    reference: str
    draft: IncidentDraft
    version: int
    created_at: datetime
    created_by: str
    updated_at: datetime
    updated_by: str
    attachments: tuple[AttachmentView, ...] = ()


@dataclass(frozen=True, slots=True)
class AuditView:
    """One line of an incident's history."""

    at: datetime
    actor: str
    action: str
    field: str
    old_value: str | None
    new_value: str | None
    reason: str


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What an accepted import wrote."""

    batch_id: int
    file_name: str
    created: int
    references: tuple[str, ...] = field(default=(), repr=False)
