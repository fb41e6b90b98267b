"""An import interrupted by a killed process or a full disk leaves the database as it was."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from qa_desktop.domain.errors import StorageError
from qa_desktop.domain.register import IncidentQuery
from qa_desktop.persistence.database import Database, make_engine, resolve_url
from qa_desktop.persistence.migrate import open_database
from qa_desktop.persistence.references import format_reference
from qa_desktop.services import QaServices
from qa_desktop.services.demo import DemoIncidents
from qa_desktop.services.interchange_rows import READ_ONLY_FIELDS, flat_values
from qa_desktop.services.interchange_writer import IncidentWriter
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def write_incidents(path: Path, count: int, first_number: int = 1) -> None:
    """*count* realistic incidents of last year as a CSV import file."""
    now = datetime.now(UTC)
    year = now.year - 1
    references = [format_reference(year, first_number + n) for n in range(count)]
    writer = IncidentWriter(path, "csv", now)
    for draft in DemoIncidents(seed=5, now=now).for_year(year, references):
        writer.write({**flat_values(draft), **dict.fromkeys(READ_ONLY_FIELDS)})
    writer.close()


def new_database(path: Path) -> None:
    """A QA Desktop database file with one administrator."""
    database, _ = open_database(resolve_url(str(path)))
    try:
        QaServices(database).accounts.create_first_administrator("admin", "Ada Admin", PASSWORD)
    finally:
        database.dispose()


def assert_whole(path: Path) -> int:
    """Check the file, its full-text index and triggers; returns the incident count."""
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.execute("INSERT INTO incident_fts(incident_fts) VALUES ('integrity-check')")
        triggers = {
            r[0]
            for r in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        assert {"incidents_fts_insert", "incidents_fts_update"} <= triggers
        return int(connection.execute("SELECT count(*) FROM incidents").fetchone()[0])
    finally:
        connection.close()


@pytest.mark.slow
def test_killing_the_importing_process_leaves_all_or_nothing(tmp_path: Path) -> None:
    database = tmp_path / "qa.sqlite3"
    source = tmp_path / "incidents.csv"
    new_database(database)
    rows = 50_000
    write_incidents(source, rows)
    wal = database.with_name(database.name + "-wal")
    before = wal.stat().st_size if wal.exists() else 0
    env = {
        **os.environ,
        "QA_DESKTOP_USER": "admin",
        "QA_DESKTOP_PASSWORD": PASSWORD,
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "qa_desktop.app", "--db", str(database), "import", str(source)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    # Uncommitted pages spill into the write-ahead log while the import is under way.
    while process.poll() is None and time.monotonic() < deadline:
        if wal.exists() and wal.stat().st_size > before + 4_000_000:
            break
        time.sleep(0.005)
    interrupted = process.poll() is None
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert interrupted, "the import ended before it could be killed: " + (
        process.stderr.read().decode() if process.stderr else ""
    )
    if process.stderr:
        process.stderr.close()
    assert assert_whole(database) in (0, rows)
    # The database is usable as before: the same file imports completely now.
    opened, _ = open_database(resolve_url(str(database)))
    try:
        services = QaServices(opened)
        admin = services.accounts.sign_in("admin", PASSWORD)
        if services.incidents.count(admin, IncidentQuery()) == 0:
            small = tmp_path / "small.csv"
            write_incidents(small, 3)
            assert services.interchange.import_file(admin, small).created == 3
    finally:
        opened.dispose()
    assert assert_whole(database) in (3, rows)


def test_a_full_disk_refuses_the_import_and_keeps_what_was_saved(tmp_path: Path) -> None:
    path = tmp_path / "qa.sqlite3"
    new_database(path)
    url = resolve_url(str(path))
    first = tmp_path / "first.csv"
    write_incidents(first, 10)
    opened, _ = open_database(url)
    try:
        services = QaServices(opened)
        services.interchange.import_file(services.accounts.sign_in("admin", PASSWORD), first)
    finally:
        opened.dispose()
    connection = sqlite3.connect(path)
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.close()

    engine = make_engine(url)

    def little_room(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        # Each connection has its own limit, so every pooled one must get it.
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 30}")

    event.listen(engine, "connect", little_room)
    database = Database(url, engine)
    try:
        services = QaServices(database)
        admin = services.accounts.sign_in("admin", PASSWORD)
        second = tmp_path / "second.csv"
        write_incidents(second, 3_000, first_number=100)
        with pytest.raises(StorageError, match="disk is full") as caught:
            services.interchange.import_file(admin, second)
        assert "nothing already saved was lost" in str(caught.value)
        assert services.incidents.count(admin, IncidentQuery()) == 10
    finally:
        database.dispose()
    assert assert_whole(path) == 10
