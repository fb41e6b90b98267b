"""Faults a QA engineer can meet: a full disk, a dropped server connection, lock-outs."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, event, text

from qa_desktop.domain.errors import AuthenticationFailed, StorageError
from qa_desktop.domain.register import IncidentQuery
from qa_desktop.persistence.database import Database, make_engine, resolve_url
from qa_desktop.persistence.migrate import open_database
from qa_desktop.services import QaServices
from tests.conftest import PASSWORD, make_draft


def test_a_full_disk_refuses_the_save_and_keeps_everything_saved_before(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    path = tmp_path / "full.sqlite3"
    database, _ = open_database(resolve_url(str(path)))
    services = QaServices(database)
    admin = services.accounts.create_first_administrator("admin", "Admin", PASSWORD)
    from qa_desktop.domain.roles import Role

    services.accounts.add_user(admin, "eng", "Eng", PASSWORD, Role.QA_ENGINEER)
    eng = services.accounts.sign_in("eng", PASSWORD)
    kept = services.incidents.create(eng, make_draft(title="saved before the disk filled"))
    pages = database.read(lambda s: s.execute(text("PRAGMA page_count")).scalar())
    database.dispose()

    # The same file, on a "disk" that holds only a few more pages.
    url = resolve_url(str(path))
    engine = make_engine(url)

    @event.listens_for(engine, "connect")
    def small_disk(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {int(pages) + 2}")

    full = QaServices(Database(url, engine))
    request.addfinalizer(full.database.dispose)

    def log_until_the_disk_is_full() -> None:
        for _ in range(50):
            full.incidents.create(eng, make_draft(description="z" * 19_000))

    with pytest.raises(StorageError, match="disk is full"):
        log_until_the_disk_is_full()
    assert full.incidents.get(eng, kept.reference).draft.title == "saved before the disk filled"
    with full.database.engine.connect() as c:
        assert c.execute(text("PRAGMA integrity_check")).scalar() == "ok"


def test_a_dropped_postgresql_connection_reruns_the_whole_unit_of_work(services, people) -> None:  # type: ignore[no-untyped-def]
    if services.database.backend != "postgresql":
        pytest.skip("PostgreSQL only")
    engineer = people["engineer"]
    admin_engine = create_engine(services.database.url)
    attempts: list[int] = []
    original = services.incidents._apply

    def apply_then_lose_connection(session, *args, **kwargs):  # type: ignore[no-untyped-def]
        result = original(session, *args, **kwargs)
        attempts.append(1)
        if len(attempts) == 1:
            pid = session.execute(text("SELECT pg_backend_pid()")).scalar()
            with admin_engine.begin() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return result

    record = services.incidents.create(engineer, make_draft())
    services.incidents._apply = apply_then_lose_connection
    try:
        saved = services.incidents.update(
            engineer, record.reference, record.version, {"injuries": 3}
        )
    finally:
        services.incidents._apply = original
        admin_engine.dispose()
    assert len(attempts) >= 2
    assert saved.version == record.version + 1
    history = services.incidents.history(engineer, record.reference)
    assert [h.field for h in history].count("injuries") == 1


def test_five_wrong_passwords_lock_the_account_and_are_audited(services, people) -> None:  # type: ignore[no-untyped-def]
    for _ in range(4):
        with pytest.raises(AuthenticationFailed, match="wrong password"):
            services.accounts.sign_in("engineer", "nope")
    with pytest.raises(AuthenticationFailed, match="now locked"):
        services.accounts.sign_in("engineer", "nope")
    with pytest.raises(AuthenticationFailed, match="locked"):
        services.accounts.sign_in("engineer", PASSWORD)
    services.accounts.unlock(people["admin"], "engineer")
    assert services.accounts.sign_in("engineer", PASSWORD).username == "engineer"
    with services.database.engine.connect() as c:
        actions = [
            r[0]
            for r in c.execute(
                text("SELECT action FROM audit_entries WHERE entity = 'user' ORDER BY id")
            )
        ]
    assert actions.count("sign_in_failed") == 5
    assert "account_locked" in actions


def test_passwords_are_stored_as_argon2id_hashes(services, people) -> None:  # type: ignore[no-untyped-def]
    with services.database.engine.connect() as c:
        hashes = [r[0] for r in c.execute(text("SELECT password_hash FROM users"))]
    assert hashes
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert all(PASSWORD not in h for h in hashes)


def test_counting_and_reading_work_for_every_role(services, people) -> None:  # type: ignore[no-untyped-def]
    services.incidents.create(people["engineer"], make_draft())
    for person in people.values():
        assert services.incidents.count(person, IncidentQuery()) == 1
