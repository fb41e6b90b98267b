"""Facts about QA Desktop's SQLite files that need no database layer to read.

Kept free of SQLAlchemy on purpose: the desktop app reads a first register page from an
up-to-date file with the standard library alone (:mod:`quick_read`) while the database
layer is still loading, and it needs to know where the file is, how a QA Desktop file
marks itself, and which schema revision is current.
"""

from __future__ import annotations

from pathlib import Path

#: ``PRAGMA application_id`` of every QA Desktop SQLite file ("QAD1").
SQLITE_APPLICATION_ID = 0x51414431
#: Alembic's migration scripts.
MIGRATIONS = Path(__file__).with_name("migrations")


def default_sqlite_path() -> Path:
    """The embedded database in the user's data folder (created on first use)."""
    from platformdirs import user_data_path

    return user_data_path("qa-desktop", appauthor=False) / "qa-desktop.sqlite3"


def sqlite_file_path(location: str) -> Path:
    """The absolute path of the SQLite file named by *location* (a plain file path)."""
    return Path(location).expanduser().resolve()


def read_only_uri(path: Path) -> str:
    """The SQLite URI that opens *path* read-only.

    In a URI "?" starts the options and "#" ends the name, so those two and "%" (which
    starts an escape) are escaped: a folder called "QA #1" must not open a file "QA ".
    """
    escaped = str(path).replace("%", "%25").replace("?", "%3f").replace("#", "%23")
    return f"file:{escaped}?mode=ro"


def known_revisions() -> list[str]:
    """Every schema revision this version knows, oldest first.

    Read from the file names (``0002_response_flow.py`` is revision ``0002``; a test holds
    Alembic to that), so opening an up-to-date database never imports Alembic: start-up time.
    """
    names = (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py")
    return sorted(path.name.split("_", 1)[0] for path in names)


def head_revision() -> str:
    """The schema revision this version of the application writes."""
    return known_revisions()[-1]
