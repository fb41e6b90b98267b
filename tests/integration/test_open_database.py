"""Opening databases: ours are created and upgraded safely; anything else is refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from qa_desktop.domain.errors import DatabaseRefused
from qa_desktop.persistence.database import resolve_url
from qa_desktop.persistence.migrate import head_revision, open_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_sqlite_file_is_created_with_wal_foreign_keys_and_our_mark(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "qa.sqlite3"
    database, report = open_database(resolve_url(str(path)))
    assert report.created
    with database.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    database.dispose()
    again, report = open_database(resolve_url(str(path)))
    assert not report.created
    assert report.upgraded_from is None
    again.dispose()


def test_a_file_that_is_not_sqlite_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"quarterly notes, not a database\n" * 10)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="not a QA Desktop database"):
        open_database(resolve_url(str(path)))
    assert digest(path) == before


@pytest.mark.parametrize("folder", ["", "QA #1 ? 100%"])
def test_another_programs_sqlite_database_is_refused_and_unchanged(
    tmp_path: Path, folder: str
) -> None:
    # A folder name with "#", "?" or "%" must not cut the file's name short.
    path = tmp_path / folder / "other.db"
    path.parent.mkdir(exist_ok=True)
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(resolve_url(str(path)))
    assert digest(path) == before


def test_a_database_from_a_newer_version_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "newer.sqlite3"
    database, _ = open_database(resolve_url(str(path)))
    with database.engine.begin() as c:
        c.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    database.dispose()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="newer version"):
        open_database(resolve_url(str(path)))
    assert digest(path) == before


def test_a_read_only_database_is_refused_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite3"
    database, _ = open_database(resolve_url(str(path)))
    database.dispose()
    path.chmod(0o444)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="read-only"):
        open_database(resolve_url(str(path)))
    assert digest(path) == before


def test_a_failed_upgrade_is_rolled_back_and_a_backup_was_taken(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    database, _ = open_database(resolve_url(str(path)))
    with database.engine.begin() as c:
        c.execute(text("INSERT INTO qa_meta (key, value) VALUES ('keep', 'me')"))
        # Pretend the file is at an older schema whose upgrade will fail half-way.
        c.execute(text("UPDATE alembic_version SET version_num = '0000'"))
    database.dispose()

    import qa_desktop.persistence.migrate as migrate

    real = migrate.known_revisions
    monkeypatch.setattr(migrate, "known_revisions", lambda: ["0000", *real()])

    def exploding_upgrade(config, revision):  # type: ignore[no-untyped-def]
        connection = config.attributes["connection"]
        connection.execute(text("CREATE TABLE half_done (x INTEGER)"))
        connection.execute(
            text("UPDATE alembic_version SET version_num = :v"), {"v": head_revision()}
        )
        raise RuntimeError("disk hiccup during migration")

    monkeypatch.setattr("alembic.command.upgrade", exploding_upgrade)
    with pytest.raises(DatabaseRefused, match="rolled back") as caught:
        open_database(resolve_url(str(path)))
    assert "A copy taken before the attempt" in str(caught.value)
    con = sqlite3.connect(path)
    try:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "half_done" not in tables
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0000"
        assert con.execute("SELECT value FROM qa_meta WHERE key='keep'").fetchone()[0] == "me"
    finally:
        con.close()
    backups = list(tmp_path.glob("old.before-0000-*.sqlite3"))
    assert len(backups) == 1


def test_a_locked_database_gives_a_clear_message_and_saves_nothing(
    tmp_path: Path,
) -> None:
    from qa_desktop.domain.errors import StorageError
    from qa_desktop.persistence.database import BUSY_TIMEOUT_MS

    path = tmp_path / "locked.sqlite3"
    database, _ = open_database(resolve_url(str(path)))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        database.engine.pool.dispose()
        from sqlalchemy import event

        @event.listens_for(database.engine, "connect")
        def short_wait(dbapi_connection, _record):  # type: ignore[no-untyped-def]
            dbapi_connection.execute("PRAGMA busy_timeout = 100")

        assert BUSY_TIMEOUT_MS > 100
        with pytest.raises(StorageError, match="locked"):
            database.write(lambda s: s.execute(text("INSERT INTO qa_meta VALUES ('x', 'y')")))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (
        database.read(
            lambda s: s.execute(text("SELECT count(*) FROM qa_meta WHERE key='x'")).scalar()
        )
        == 0
    )
    database.dispose()


def test_a_postgresql_database_holding_other_tables_is_refused(database_url: str) -> None:
    if "://" not in database_url:
        pytest.skip("PostgreSQL only")
    from sqlalchemy import create_engine

    engine = create_engine(resolve_url(database_url))
    with engine.begin() as c:
        c.execute(text("CREATE TABLE payroll (id integer)"))
    engine.dispose()
    with pytest.raises(DatabaseRefused, match="another program"):
        open_database(resolve_url(database_url))


def test_revisions_are_named_after_their_files_so_start_up_needs_no_alembic() -> None:
    from alembic.script import ScriptDirectory

    from qa_desktop.persistence.migrate import _alembic_config, known_revisions

    script = ScriptDirectory.from_config(_alembic_config())
    assert [r.revision for r in reversed(list(script.walk_revisions()))] == known_revisions()
    assert script.get_current_head() == head_revision()
