"""Opening a database: check that it is ours, back it up, and bring its schema up to date.

A database is refused, unchanged, when it is not a QA Desktop database, is read-only and
needs an upgrade, or was written by a newer version. Before an upgrade an SQLite file is
copied with SQLite's online backup; the upgrade itself runs in one transaction, so a
failure leaves the old database exactly as it was.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import URL, Connection
from sqlalchemy.exc import DatabaseError, OperationalError

from qa_desktop.domain.errors import DatabaseRefused, StorageError
from qa_desktop.persistence.database import Database, storage_error
from qa_desktop.persistence.files import (
    MIGRATIONS,
    SQLITE_APPLICATION_ID,
    known_revisions,
    read_only_uri,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
APPLICATION_MARK = "qa-desktop"


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The schema revision this version of the application writes."""
    return known_revisions()[-1]


@dataclass(frozen=True, slots=True)
class OpenReport:
    """What opening did: created a new database, upgraded (with the backup path), or neither."""

    created: bool
    upgraded_from: str | None
    backup: Path | None


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise DatabaseRefused(f"{path} cannot be read: {exc.strerror}") from exc
    if header != b"SQLite format 3\x00":
        raise DatabaseRefused(f"{path} is not a QA Desktop database (it is not an SQLite file).")
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, timeout=2)
        try:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(f"{path} cannot be opened as a database: {exc}") from exc
    if app_id != SQLITE_APPLICATION_ID and tables:
        raise DatabaseRefused(
            f"{path} is an SQLite database of another program, not a QA Desktop database; "
            "it was not changed."
        )


def _current_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _has_foreign_tables(connection: Connection) -> bool:
    names = set(inspect(connection).get_table_names())
    return bool(names) and "qa_meta" not in names


def _backup_sqlite(path: Path, revision: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.stem}.before-{revision}-{stamp}{path.suffix}")
    source = sqlite3.connect(path)
    try:
        dest = sqlite3.connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
    return target


def open_database(url: URL, *, create: bool = True) -> tuple[Database, OpenReport]:
    """Open (and if need be create or upgrade) the database at *url*.

    Raises :class:`DatabaseRefused` with a message saying why when it cannot be used.
    """
    sqlite_path: Path | None = None
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        sqlite_path = Path(url.database or "")
        if not sqlite_path.exists() and not create:
            raise DatabaseRefused(f"{sqlite_path} does not exist.")
        _check_sqlite_file(sqlite_path)
    database = Database(url)
    try:
        report = _upgrade(database, sqlite_path)
    except (DatabaseRefused, StorageError):
        database.dispose()
        raise
    except (OperationalError, DatabaseError) as exc:
        database.dispose()
        error = storage_error(exc)
        if error is not None:
            raise DatabaseRefused(f"{database.display_name}: {error}") from exc
        raise DatabaseRefused(f"{database.display_name} cannot be opened: {exc.orig}") from exc
    return database, report


def _upgrade(database: Database, sqlite_path: Path | None) -> OpenReport:
    head = head_revision()
    with database.engine.connect() as probe:
        current = _current_revision(probe)
        foreign = current is None and _has_foreign_tables(probe)
        probe.rollback()
    if foreign:
        raise DatabaseRefused(
            f"{database.display_name} holds tables of another program, not a QA Desktop "
            "database; it was not changed."
        )
    if sqlite_path is not None and sqlite_path.exists():
        _refuse_read_only(sqlite_path, database)
    if current == head:
        return OpenReport(created=False, upgraded_from=None, backup=None)
    if current is not None and current not in known_revisions():
        raise DatabaseRefused(
            f"{database.display_name} was written by a newer version of QA Desktop "
            f"(schema {current}); this version understands up to {head}. "
            "Nothing was changed: please update QA Desktop."
        )
    backup = None
    if current is not None and sqlite_path is not None:
        backup = _backup_sqlite(sqlite_path, current)
        log.info("backed up %s to %s before upgrading", sqlite_path, backup)
    try:
        with database.engine.execution_options(qa_write=True).connect() as connection:
            from alembic import command

            with connection.begin():
                command.upgrade(_alembic_config(connection), "head")
                if current is None:
                    _mark_new(connection)
    except Exception as exc:
        where = f" A copy taken before the attempt is at {backup}." if backup else ""
        raise DatabaseRefused(
            f"Upgrading {database.display_name} from schema {current} failed and was rolled "
            f"back; the database is unchanged.{where} Cause: {exc}"
        ) from exc
    return OpenReport(created=current is None, upgraded_from=current, backup=backup)


def _refuse_read_only(path: Path, database: Database) -> None:
    # Sign-in alone writes (failed attempts, lock-outs), so a read-only file cannot be used.
    # The permission bits count even for root: a file marked read-only is meant to stay so.
    writable_bits = path.stat().st_mode & 0o222
    if not writable_bits or not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise DatabaseRefused(
            f"{database.display_name} is read-only; QA Desktop needs to write to it (sign-ins "
            "and changes are recorded). Nothing was changed: open a writable copy."
        )


def _mark_new(connection: Connection) -> None:
    connection.execute(
        text("INSERT INTO qa_meta (key, value) VALUES ('application', :mark)"),
        {"mark": APPLICATION_MARK},
    )
    connection.execute(
        text("INSERT INTO qa_meta (key, value) VALUES ('created_at', :at)"),
        {"at": datetime.now(UTC).isoformat()},
    )
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA application_id = {SQLITE_APPLICATION_ID}")
