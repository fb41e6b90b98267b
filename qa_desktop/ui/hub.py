"""One hub of application-wide events, so views refresh without knowing each other."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class EventHub(QObject):
    """Signals that read as events; views connect to the ones they show."""

    #: An incident was created or saved; carries its reference.
    incident_saved = Signal(str)
    #: Incidents were imported; carries how many.
    incidents_imported = Signal(int)
    #: The register should be re-read from the database (F5, another user's change).
    refresh_requested = Signal()
