"""Opening the database the application works on, for the desktop app and scripts alike.

Where the database is, in order: what the user chose (``--db``, File > Open database…),
``QA_DESKTOP_DB``, the last database used, and the embedded default file. Opening checks
that it is a QA Desktop database of a version this one understands and brings its schema
up to date (with a backup first); a refused database is left exactly as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qa_desktop.persistence.database import resolve_url
from qa_desktop.persistence.migrate import open_database
from qa_desktop.services import QaServices


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    """A database ready for use, and what opening it did."""

    services: QaServices
    #: How to open it again (a file path or a URL without password), for the recent list.
    location: str
    #: How the window title names it.
    display_name: str
    #: ``sqlite`` or ``postgresql``.
    backend: str
    #: Set when opening upgraded an older database: the schema it had.
    upgraded_from: str | None = None
    #: Where the copy taken before the upgrade is.
    backup: Path | None = None


def open_services(location: str | None) -> OpenedDatabase:
    """Open the database at *location* (``None``: the default) with its services.

    Raises ``DatabaseRefused`` or ``StorageError`` with a message that says why.
    """
    url = resolve_url(location)
    database, report = open_database(url)
    display = database.display_name
    remembered = location if location and "://" in location else display
    return OpenedDatabase(
        services=QaServices(database),
        location=remembered,
        display_name=display,
        backend=database.backend,
        upgraded_from=report.upgraded_from,
        backup=report.backup,
    )
