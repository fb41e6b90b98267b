"""Connections, transactions and the translation of database faults into user errors.

SQLite is the embedded default, one file in the user's data folder; a team points every
client at a shared PostgreSQL server instead. A *unit of work* is one transaction: it
commits whole or not at all, and on PostgreSQL a dropped connection makes the whole unit
run again from the start (never half a save).
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, Executable, Row, create_engine, event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry

from qa_desktop.domain.errors import StorageError
from qa_desktop.persistence.files import (
    default_sqlite_path,
    sqlite_file_path,
)

log = logging.getLogger(__name__)
T = TypeVar("T")

ENV_DB = "QA_DESKTOP_DB"
BUSY_TIMEOUT_MS = 10_000
RETRIES = 3


def resolve_url(value: str | None = None) -> URL:
    """The database URL from *value*, else ``QA_DESKTOP_DB``, else the embedded default.

    A plain file path means an SQLite file; ``postgresql://`` selects psycopg 3.
    """
    raw = value or os.environ.get(ENV_DB) or str(default_sqlite_path())
    if "://" not in raw:
        # Built, not parsed: "?" and "#" are legal in a folder name but not in a URL string.
        return URL.create("sqlite", database=str(sqlite_file_path(raw)))
    url = make_url(raw)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StorageError(
            f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL"
        )
    return url


def describe_url(url: URL) -> str:
    """The database as a person would name it: the file, or server/database (no password)."""
    if url.get_backend_name() == "sqlite":
        return url.database or ":memory:"
    return f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}"


def _sqlite_on_connect(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy's begin event issue BEGIN itself, so DDL is transactional and writes
    # can take the lock up front (BEGIN IMMEDIATE) instead of failing mid-transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    # A read-only file keeps its journal mode; opening reports it as read-only later.
    with contextlib.suppress(sqlite3.OperationalError):
        cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    options = conn.get_execution_options()
    if options.get("qa_single_statement"):
        return  # one SELECT is atomic on its own; a transaction around it only costs time
    conn.exec_driver_sql("BEGIN IMMEDIATE" if options.get("qa_write") else "BEGIN")


def make_engine(url: URL) -> Engine:
    """An engine configured for QA Desktop's transaction rules on either backend."""
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_on_connect)
        event.listen(engine, "begin", _sqlite_on_begin)
        return engine
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=4,
        max_overflow=4,
        connect_args={"connect_timeout": 10, "application_name": "qa-desktop"},
    )


def storage_error(exc: BaseException) -> StorageError | None:
    """The user-facing error for a database fault, or ``None`` when it is a bug."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "database or disk is full" in text or "no space left" in text:
        return StorageError(
            "The disk is full: the change was not saved and nothing already saved was lost. "
            "Free some space and try again."
        )
    if "database is locked" in text or "database table is locked" in text:
        return StorageError(
            "The database is locked by another program; nothing was changed. "
            "Close the other program or try again in a moment."
        )
    if "readonly" in text or "read-only" in text:
        return StorageError("The database is read-only; nothing was changed.")
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return StorageError(
            "The connection to the database server was lost; the change was not saved."
        )
    if isinstance(exc, OperationalError):
        return StorageError(f"The database reported a problem; nothing was changed: {text}")
    return None


class Database:
    """One database: hands out sessions and runs units of work."""

    def __init__(self, url: URL, engine: Engine | None = None) -> None:
        self.url = url
        self.engine = engine or make_engine(url)
        self._write_engine = self.engine.execution_options(qa_write=True)
        self._statement_engine = self.engine.execution_options(qa_single_statement=True)

    @property
    def backend(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.url.get_backend_name()

    @property
    def display_name(self) -> str:
        """How the window title and messages name this database."""
        return describe_url(self.url)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for reads; its transaction is rolled back at the end."""
        session = Session(self.engine, expire_on_commit=False)
        try:
            yield session
        except OperationalError as exc:
            error = storage_error(exc)
            raise (error or exc) from exc
        finally:
            session.close()

    def read(self, work: Callable[[Session], T]) -> T:
        """Run read-only *work*, retried once when a pooled connection turned out dead."""
        for attempt in range(RETRIES):
            try:
                with self.reading() as session:
                    return work(session)
            except StorageError as exc:
                cause = exc.__cause__
                if not self._retryable(cause) or attempt == RETRIES - 1:
                    raise
                time.sleep(0.2 * (attempt + 1))
        raise AssertionError("unreachable")  # pragma: no cover

    def query(
        self, statement: Executable, params: dict[str, Any] | None = None
    ) -> Sequence[Row[Any]]:
        """Run one read-only statement on a pooled connection (no ORM session).

        The register's hot path: a session costs more than the query it would carry.
        """
        for attempt in range(RETRIES):
            try:
                with self._statement_engine.connect() as connection:
                    return connection.execute(statement, params or {}).all()
            except DBAPIError as exc:
                if self._retryable(exc) and attempt < RETRIES - 1:
                    time.sleep(0.2 * (attempt + 1))
                    continue
                error = storage_error(exc)
                if error is None:
                    raise
                raise error from exc
        raise AssertionError("unreachable")  # pragma: no cover

    def write(self, work: Callable[[Session], T]) -> T:
        """Run *work* as one transaction and commit it; all of it is saved or none.

        A connection dropped by the server (PostgreSQL) reruns the whole unit; other
        faults (disk full, locked, read-only) become a :class:`StorageError`.
        """
        for attempt in range(RETRIES):
            session = Session(self._write_engine, expire_on_commit=False)
            try:
                result = work(session)
                session.commit()
                return result
            except DBAPIError as exc:
                session.rollback()
                if self._retryable(exc) and attempt < RETRIES - 1:
                    log.warning("connection lost; running the unit of work again: %s", exc)
                    time.sleep(0.2 * (attempt + 1))
                    continue
                error = storage_error(exc)
                if error is None:
                    raise
                raise error from exc
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()
        raise AssertionError("unreachable")  # pragma: no cover

    def _retryable(self, exc: BaseException | None) -> bool:
        return (
            self.backend == "postgresql"
            and isinstance(exc, DBAPIError)
            and bool(exc.connection_invalidated)
        )

    def raw_connection_info(self) -> dict[str, Any]:
        """Facts for the About box and bug reports."""
        return {"backend": self.backend, "database": self.display_name}

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()
