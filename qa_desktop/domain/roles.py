"""Roles and what each may do. The services check these on every call."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    """The four kinds of account."""

    QA_ENGINEER = "qa_engineer"
    QA_HEAD = "qa_head"
    MANAGER = "manager"
    ADMINISTRATOR = "administrator"


class Permission(StrEnum):
    """Actions the services guard."""

    VIEW_INCIDENTS = "view_incidents"
    EDIT_INCIDENTS = "edit_incidents"
    IMPORT_INCIDENTS = "import_incidents"
    EXPORT_INCIDENTS = "export_incidents"
    MANAGE_USERS = "manage_users"
    BACKUP = "backup"
    SIGN = "sign"
    PRINT_NOTICES = "print_notices"


_GRANTS: dict[Role, frozenset[Permission]] = {
    Role.QA_ENGINEER: frozenset(
        {
            Permission.VIEW_INCIDENTS,
            Permission.EDIT_INCIDENTS,
            Permission.IMPORT_INCIDENTS,
            Permission.EXPORT_INCIDENTS,
        }
    ),
    Role.QA_HEAD: frozenset(
        {
            Permission.VIEW_INCIDENTS,
            Permission.EDIT_INCIDENTS,
            Permission.IMPORT_INCIDENTS,
            Permission.EXPORT_INCIDENTS,
            Permission.SIGN,
            Permission.PRINT_NOTICES,
            Permission.BACKUP,
        }
    ),
    Role.MANAGER: frozenset(
        {Permission.VIEW_INCIDENTS, Permission.EXPORT_INCIDENTS, Permission.PRINT_NOTICES}
    ),
    # Administrators run the installation; they do not judge incidents.
    Role.ADMINISTRATOR: frozenset(
        {
            Permission.VIEW_INCIDENTS,
            Permission.EXPORT_INCIDENTS,
            Permission.IMPORT_INCIDENTS,
            Permission.MANAGE_USERS,
            Permission.BACKUP,
        }
    ),
}


def may(role: Role, permission: Permission) -> bool:
    """True when *role* grants *permission*."""
    return permission in _GRANTS[role]


ROLE_LABELS: dict[Role, str] = {
    Role.QA_ENGINEER: "QA engineer",
    Role.QA_HEAD: "QA division head",
    Role.MANAGER: "Manager",
    Role.ADMINISTRATOR: "Administrator",
}
