"""The start-up read ahead: the same first page the services give, or nothing at all.

The window shows this page before the database layer has loaded, so it must equal what
``services.incidents.page`` returns for every order and filter it accepts, and it must
decline (``None``) whatever it cannot settle, leaving the refusal to the full sign-in.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from qa_desktop.domain.incident import IncidentSource
from qa_desktop.domain.register import IncidentQuery, SortKey
from qa_desktop.services.quick_start import QuickStarter
from qa_desktop.services.response import ResponseServices
from tests.conftest import PASSWORD, make_draft

FIRE = {"fire": True, "fire_service_confirmed": True}
PAGE = 7


@pytest.fixture
def backend_fixed() -> str:
    """These tests are about the SQLite file itself (a server is declined, tested below)."""
    return "sqlite"


@pytest.fixture
def register(services, people, database_url: str) -> str:  # type: ignore[no-untyped-def]
    """Twenty varied incidents, two of them serious with running regulator clocks."""
    engineer = people["engineer"]
    start = datetime.now(UTC) - timedelta(days=30)
    for number in range(20):
        known = start + timedelta(hours=number * 7)
        services.incidents.create(
            engineer,
            make_draft(
                title=f"Incident {number:02d} <b>&amp; 発火",
                product_name=("Oil heater", "Kettle", "Drill")[number % 3],
                model="" if number % 4 else f"M-{number}",
                source=(IncidentSource.CUSTOMER, IncidentSource.DEALER)[number % 2],
                country=("JP", "US", "DE")[number % 3],
                qa_owner=("eri", "ken", "")[number % 3],
                business_unit=("Home", "Medical")[number % 2],
                first_known_at=known,
                qa_aware_at=known,
                occurred_at=None,
            ),
        )
    response = ResponseServices(services.database, services.now)
    for _ in range(2):
        reference = services.incidents.create(engineer, make_draft(**FIRE)).reference
        proposal = response.classification.propose(engineer, reference)
        response.classification.confirm(engineer, reference, proposal.incident_version)
    return database_url


def _starter(location: str, username: str = "engineer", password: str = PASSWORD) -> QuickStarter:
    return QuickStarter(location, username, password)


def _sign_in(starter: QuickStarter) -> Any:
    """The person if the account is read and the password checks out, as a start does it."""
    if not starter.read_account():
        return None
    claimed = starter.claimed_user()
    return claimed if starter.verify() else None


QUERIES = [
    *(IncidentQuery(sort=key, descending=down) for key in SortKey for down in (True, False)),
    IncidentQuery(countries=("JP", "US"), sources=("customer",)),
    IncidentQuery(products=("Kettle",), sort=SortKey.TITLE, descending=False),
    IncidentQuery(owners=("ken",), business_units=("Medical",), statuses=("open", "logged")),
    IncidentQuery(severities=("no such severity",)),
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: f"{q.sort.value}-{q.descending}")
def test_the_first_page_read_ahead_equals_the_services_page(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str, query: IncidentQuery
) -> None:
    starter = _starter(register)
    assert _sign_in(starter) == people["engineer"]
    quick = starter.first_page(query, PAGE)
    starter.close()

    expected = services.incidents.page(people["engineer"], query, limit=PAGE)
    assert quick is not None
    assert quick.page == expected
    assert quick.query == query
    assert quick.location == str(Path(register).resolve())


def test_the_page_carries_each_incidents_next_running_deadline(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str
) -> None:
    starter = _starter(register)
    _sign_in(starter)
    quick = starter.first_page(IncidentQuery(), 100)
    starter.close()

    assert quick is not None
    deadlines = [row.next_deadline for row in quick.page.rows if row.next_deadline is not None]
    assert len(deadlines) == 2
    assert all(moment.tzinfo is UTC for moment in deadlines)


def _failed_attempts(location: str, username: str) -> Any:
    with sqlite3.connect(location) as con:
        return con.execute(
            "SELECT failed_attempts FROM users WHERE username = ?", (username,)
        ).fetchone()[0]


@pytest.mark.parametrize(
    ("username", "password"),
    [("engineer", "not the password"), ("nobody", PASSWORD), ("engineer", "")],
)
def test_a_wrong_password_or_unknown_account_is_declined_and_not_counted(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str, username: str, password: str
) -> None:
    starter = _starter(register, username, password)

    assert _sign_in(starter) is None
    # Even with the account read, no page is given out without the password.
    assert starter.first_page(IncidentQuery(), PAGE) is None
    # Counting failures and locking accounts is the full sign-in's job, which follows.
    assert _failed_attempts(register, "engineer") == 0


def test_a_locked_account_is_declined_even_with_the_right_password(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str
) -> None:
    with sqlite3.connect(register) as con:
        con.execute(
            "UPDATE users SET locked_at = '2026-01-01 00:00:00' WHERE username = 'engineer'"
        )

    assert _sign_in(_starter(register)) is None


@pytest.mark.parametrize(
    "query",
    [
        IncidentQuery(text="heater"),
        IncidentQuery(known_from=datetime(2026, 1, 1, tzinfo=UTC)),
    ],
)
def test_searches_and_date_ranges_are_left_to_the_services(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str, query: IncidentQuery
) -> None:
    starter = _starter(register)
    assert _sign_in(starter) is not None

    assert starter.first_page(query, PAGE) is None
    starter.close()


def test_a_database_that_needs_an_upgrade_is_left_to_the_services(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str
) -> None:
    services.database.dispose()
    with sqlite3.connect(register) as con:
        con.execute("UPDATE alembic_version SET version_num = '0001'")

    assert _sign_in(_starter(register)) is None


def test_a_read_only_file_is_left_to_the_services_which_refuse_it(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str
) -> None:
    services.database.dispose()
    os.chmod(register, 0o444)
    try:
        if os.access(register, os.W_OK):
            pytest.skip("running as a user who may write read-only files")
        assert _sign_in(_starter(register)) is None
    finally:
        os.chmod(register, 0o644)


@pytest.mark.parametrize(
    "location",
    [
        "postgresql://qa@localhost/qa",
        "missing-folder/none.sqlite3",
        "not-a-database.sqlite3",
        "foreign.sqlite3",
    ],
)
def test_servers_missing_and_foreign_files_are_left_to_the_services(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, location: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "not-a-database.sqlite3").write_bytes(b"just some text, not SQLite")
    with sqlite3.connect(tmp_path / "foreign.sqlite3") as con:
        con.execute("CREATE TABLE users (id INTEGER, username TEXT)")

    assert _sign_in(_starter(location)) is None
    assert not (tmp_path / "missing-folder").exists()


def test_a_file_whose_path_has_uri_characters_is_read(  # type: ignore[no-untyped-def]
    services, people, register: str, backend_fixed: str, tmp_path: Path
) -> None:
    services.database.dispose()
    odd = tmp_path / "QA #1 ? 100% 品質" / "register.sqlite3"
    odd.parent.mkdir()
    Path(register).rename(odd)
    for suffix in ("-wal", "-shm"):
        if Path(register + suffix).exists():
            Path(register + suffix).rename(str(odd) + suffix)

    starter = _starter(str(odd))
    assert _sign_in(starter) == people["engineer"]
    quick = starter.first_page(IncidentQuery(), PAGE)
    starter.close()
    assert quick is not None
    assert len(quick.page.rows) == PAGE
