"""Online backups: a consistent copy taken while the database stays in use."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from qa_desktop.domain.errors import StorageError
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence.database import Database
from qa_desktop.services.accounts import require
from qa_desktop.services.results import CurrentUser


class BackupService:
    """SQLite's online backup API for files; ``pg_dump`` for a PostgreSQL server."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def backup(self, actor: CurrentUser, target: Path) -> Path:
        """Write a backup to *target* (refused if it exists); returns the path written."""
        require(actor, Permission.BACKUP)
        target = target.expanduser().resolve()
        if target.exists():
            raise StorageError(f"{target} exists already; choose a new file name.")
        if not target.parent.is_dir():
            raise StorageError(f"The folder {target.parent} does not exist.")
        partial = target.with_name(target.name + ".partial")
        try:
            if self._db.backend == "sqlite":
                self._sqlite(partial)
            else:
                self._postgresql(partial)
            os.replace(partial, target)
        except OSError as exc:
            raise StorageError(
                f"The backup could not be written to {target}: {exc.strerror}"
            ) from exc
        finally:
            partial.unlink(missing_ok=True)
        return target

    def _sqlite(self, partial: Path) -> None:
        source = sqlite3.connect(self._db.url.database or "")
        try:
            dest = sqlite3.connect(partial)
            try:
                # Pages are copied in steps so writers are not blocked for the whole copy.
                source.backup(dest, pages=4096)
                dest.execute("PRAGMA journal_mode = DELETE")
                ok = dest.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                dest.close()
        except sqlite3.Error as exc:
            raise StorageError(f"The backup failed: {exc}") from exc
        finally:
            source.close()
        if ok != "ok":
            raise StorageError(f"The backup copy failed its integrity check: {ok}")

    def _postgresql(self, partial: Path) -> None:
        pg_dump = shutil.which("pg_dump")
        if pg_dump is None:
            raise StorageError("pg_dump is not installed (Debian package postgresql-client).")
        url = self._db.url.set(drivername="postgresql")
        env = dict(os.environ)
        if url.password:
            env["PGPASSWORD"] = str(url.password)
        options = url.query.get("options")
        if options:
            env["PGOPTIONS"] = str(options)
        dsn = url.set(password=None, query={}).render_as_string(hide_password=False)
        command = [pg_dump, "--format=custom", "--no-owner", f"--file={partial}", dsn]
        if options and "search_path=" in str(options):
            schema = str(options).split("search_path=", 1)[1].split()[0]
            command.insert(1, f"--schema={schema}")
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
        if result.returncode != 0:
            raise StorageError(f"pg_dump failed: {result.stderr.strip()}")
