"""A read-only look into an up-to-date SQLite file with the standard library alone.

The desktop app shows its register within moments of starting by reading the signed-in
account and the first register page through here, while SQLAlchemy and the services load
behind the painted window. Everything that would need more than a plain read is declined
(``None``) and left to the full database layer: a file that is not QA Desktop's, needs an
upgrade, cannot be written (the full layer refuses it, with a message), is locked, or a
query this reader does not build (full-text search, a date range).

The page statement mirrors :mod:`incident_queries` for the shapes it supports; a test
holds both to the same rows and cursor for every sort order and filter it accepts.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from qa_desktop.persistence.files import SQLITE_APPLICATION_ID, head_revision, read_only_uri

if TYPE_CHECKING:
    from qa_desktop.domain.register import IncidentPage, IncidentQuery

#: How long to wait for a lock before leaving the file to the full database layer.
_BUSY_TIMEOUT_S = 0.2


@dataclass(frozen=True, slots=True)
class AccountRow:
    """An account as stored, for checking a password without the database layer."""

    id: int
    username: str
    display_name: str
    role: str
    password_hash: str
    active: bool
    locked: bool


class QuickReader:
    """A read-only connection to one QA Desktop SQLite file at the current schema."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._con = connection

    @classmethod
    def open(cls, path: Path) -> QuickReader | None:
        """A reader for *path*, or ``None`` when the full database layer must open it."""
        try:
            if not path.is_file() or not os.access(path, os.R_OK | os.W_OK):
                return None
            if not os.access(path.parent, os.W_OK):
                return None
            con = sqlite3.connect(read_only_uri(path), uri=True, timeout=_BUSY_TIMEOUT_S)
        except (OSError, sqlite3.Error):
            return None
        reader = cls(con)
        try:
            current = reader._is_current()
        except sqlite3.Error:
            current = False
        if not current:
            con.close()
            return None
        return reader

    def _is_current(self) -> bool:
        if self._con.execute("PRAGMA application_id").fetchone()[0] != SQLITE_APPLICATION_ID:
            return False
        self._con.execute("PRAGMA query_only = ON")
        rows = self._con.execute("SELECT version_num FROM alembic_version").fetchall()
        return rows == [(head_revision(),)]

    def close(self) -> None:
        """Close the connection."""
        self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _rows(self, statement: str, params: tuple[object, ...]) -> list[tuple[Any, ...]] | None:
        # Any fault (a lock held too long, a damaged page) leaves the work to the full layer.
        try:
            return self._con.execute(statement, params).fetchall()
        except sqlite3.Error:
            return None

    def account(self, username: str) -> AccountRow | None:
        """The account named *username*, if there is one."""
        rows = self._rows(
            "SELECT id, username, display_name, role, password_hash, active, "
            "locked_at IS NOT NULL FROM users WHERE username = ?",
            (username,),
        )
        if not rows:
            return None
        ident, name, display, role, password_hash, active, locked = rows[0]
        return AccountRow(ident, name, display, role, password_hash, bool(active), bool(locked))

    def first_page(self, query: IncidentQuery, limit: int) -> IncidentPage | None:
        """The register's first *limit* rows for *query*; ``None`` if it is not built here."""
        # Imported here, not above: the password check that comes first should not wait.
        from qa_desktop.persistence.register_rows import (
            NEXT_DEADLINE_SQL,
            SET_FILTER_COLUMNS,
            SUMMARY_FIELDS,
            page,
        )

        if query.text.strip() or query.known_from is not None or query.known_to is not None:
            return None
        conditions: list[str] = []
        params: list[object] = []
        for field, column in SET_FILTER_COLUMNS:
            values: tuple[str, ...] = getattr(query, field)
            if values:
                conditions.append(f"incidents.{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        sort = query.sort.value
        if sort not in SUMMARY_FIELDS:
            return None
        direction = "DESC" if query.descending else "ASC"
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        statement = (
            f"SELECT {', '.join(f'incidents.{name}' for name in SUMMARY_FIELDS)}, "
            f"{NEXT_DEADLINE_SQL} FROM incidents{where} "
            f"ORDER BY incidents.{sort} {direction}, incidents.id {direction} LIMIT ?"
        )
        rows = self._rows(statement, (*params, limit + 1))
        return None if rows is None else page(rows, limit, sort)
