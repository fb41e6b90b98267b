"""The words a user reads for stored codes: statuses, severities, sources, roles, countries.

The database keeps stable codes (``call_centre``); the screen shows them in the user's
language. Each label is marked for translation here and translated when shown, so the
language can change without touching any stored value.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qa_desktop.domain.countries import COUNTRIES
from qa_desktop.domain.incident import IncidentSource, IncidentStatus, Severity
from qa_desktop.domain.roles import Role

_CONTEXT = "Labels"

_STATUS: dict[str, object] = {
    IncidentStatus.INTAKE: QT_TRANSLATE_NOOP("Labels", "Intake"),
    IncidentStatus.CLASSIFICATION: QT_TRANSLATE_NOOP("Labels", "Classification"),
    IncidentStatus.CONTAINMENT: QT_TRANSLATE_NOOP("Labels", "Containment"),
    IncidentStatus.REPORTING: QT_TRANSLATE_NOOP("Labels", "Reporting"),
    IncidentStatus.INVESTIGATION: QT_TRANSLATE_NOOP("Labels", "Investigation"),
    IncidentStatus.COUNTERMEASURES: QT_TRANSLATE_NOOP("Labels", "Countermeasures"),
    IncidentStatus.CLOSED: QT_TRANSLATE_NOOP("Labels", "Closed"),
}

_SEVERITY: dict[str, object] = {
    Severity.UNCLASSIFIED: QT_TRANSLATE_NOOP("Labels", "Unclassified"),
    Severity.LOW: QT_TRANSLATE_NOOP("Labels", "Low"),
    Severity.MEDIUM: QT_TRANSLATE_NOOP("Labels", "Medium"),
    Severity.HIGH: QT_TRANSLATE_NOOP("Labels", "High"),
    Severity.SERIOUS: QT_TRANSLATE_NOOP("Labels", "Serious"),
}

_SOURCE: dict[str, object] = {
    IncidentSource.CUSTOMER: QT_TRANSLATE_NOOP("Labels", "Customer"),
    IncidentSource.DEALER: QT_TRANSLATE_NOOP("Labels", "Dealer"),
    IncidentSource.CALL_CENTRE: QT_TRANSLATE_NOOP("Labels", "Call centre"),
    IncidentSource.GROUP_COMPANY: QT_TRANSLATE_NOOP("Labels", "Group company"),
    IncidentSource.REGULATOR: QT_TRANSLATE_NOOP("Labels", "Regulator"),
    IncidentSource.MEDIA: QT_TRANSLATE_NOOP("Labels", "Media"),
    IncidentSource.INTERNAL_TEST: QT_TRANSLATE_NOOP("Labels", "Internal test"),
}

_ROLE: dict[str, object] = {
    Role.QA_ENGINEER: QT_TRANSLATE_NOOP("Labels", "QA engineer"),
    Role.QA_HEAD: QT_TRANSLATE_NOOP("Labels", "QA division head"),
    Role.MANAGER: QT_TRANSLATE_NOOP("Labels", "Manager"),
    Role.ADMINISTRATOR: QT_TRANSLATE_NOOP("Labels", "Administrator"),
}


def _label(table: dict[str, object], code: str) -> str:
    source = table.get(code)
    # A code this version does not know (written by a newer one) is shown as stored.
    return code if source is None else QCoreApplication.translate(_CONTEXT, str(source))


def status_label(code: str) -> str:
    """The translated name of an incident status code."""
    return _label(_STATUS, code)


def severity_label(code: str) -> str:
    """The translated name of a severity code."""
    return _label(_SEVERITY, code)


def source_label(code: str) -> str:
    """The translated name of the channel an incident came through."""
    return _label(_SOURCE, code)


def role_label(code: str) -> str:
    """The translated name of an account's role."""
    return _label(_ROLE, code)


def country_label(code: str) -> str:
    """The country's name with its code, e.g. ``Japan (JP)``; unknown codes as stored."""
    name = COUNTRIES.get(code)
    return f"{name} ({code})" if name else code


#: Codes in the order menus list them (the order of the response flow / of gravity).
STATUS_CODES: tuple[str, ...] = tuple(s.value for s in IncidentStatus)
SEVERITY_CODES: tuple[str, ...] = tuple(s.value for s in reversed(Severity))
SOURCE_CODES: tuple[str, ...] = tuple(s.value for s in IncidentSource)
