"""Shared fixtures: a real SQLite file and a real PostgreSQL schema for every persistence test.

PostgreSQL tests connect to the server named by ``QA_DESKTOP_TEST_PG_URL`` (``.ci/run``
starts one). Without it they are skipped with the reason, except under ``CI=true``, where
a missing server fails the run instead of passing silently.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qa_desktop.domain.incident import IncidentDraft, IncidentSource
from qa_desktop.domain.roles import Role
from qa_desktop.services.accounts import use_fast_hashing_for_tests

use_fast_hashing_for_tests()

PG_ENV = "QA_DESKTOP_TEST_PG_URL"
BACKENDS = ["sqlite", "postgresql"]


def pg_base_url() -> str | None:
    """The test server's URL, or ``None``; fails under CI when it is missing."""
    url = os.environ.get(PG_ENV)
    if not url and os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {PG_ENV} is not set: the PostgreSQL tests must run in CI")
    return url


class PgSchema:
    """A throw-away schema on the test server; its URL selects it via search_path."""

    def __init__(self, base_url: str) -> None:
        from sqlalchemy import create_engine

        self.name = f"t_{uuid.uuid4().hex[:12]}"
        self._admin = create_engine(base_url.replace("postgresql://", "postgresql+psycopg://", 1))
        with self._admin.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA "{self.name}"')
        sep = "&" if "?" in base_url else "?"
        self.url = f"{base_url}{sep}options=-csearch_path%3D{self.name}"

    def drop(self) -> None:
        """Remove the schema and everything in it."""
        with self._admin.begin() as connection:
            connection.exec_driver_sql(f'DROP SCHEMA "{self.name}" CASCADE')
        self._admin.dispose()


@pytest.fixture
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of an empty database on the backend named by the test's parameter."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        yield str(tmp_path / "qa.sqlite3")
        return
    base = pg_base_url()
    if not base:
        pytest.skip(f"no PostgreSQL server: set {PG_ENV} (.ci/run does)")
    schema = PgSchema(base)
    try:
        yield schema.url
    finally:
        schema.drop()


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that asks for a database runs once per backend."""
    if "database_url" in metafunc.fixturenames and "backend_fixed" not in metafunc.fixturenames:
        metafunc.parametrize("database_url", BACKENDS, indirect=True)


@pytest.fixture
def services(database_url: str):  # type: ignore[no-untyped-def]
    """The service façade over a freshly created database."""
    from qa_desktop.persistence.database import resolve_url
    from qa_desktop.persistence.migrate import open_database
    from qa_desktop.services import QaServices

    database, _ = open_database(resolve_url(database_url))
    try:
        yield QaServices(database)
    finally:
        database.dispose()


PASSWORD = "correct horse"


@pytest.fixture
def people(services):  # type: ignore[no-untyped-def]
    """One signed-in person per role: admin, engineer, head, manager."""
    admin = services.accounts.create_first_administrator("admin", "Ada Admin", PASSWORD)
    for username, name, role in (
        ("engineer", "Eri Engineer", Role.QA_ENGINEER),
        ("head", "Hiro Head", Role.QA_HEAD),
        ("manager", "Mei Manager", Role.MANAGER),
    ):
        services.accounts.add_user(admin, username, name, PASSWORD, role)
    return {
        "admin": admin,
        "engineer": services.accounts.sign_in("engineer", PASSWORD),
        "head": services.accounts.sign_in("head", PASSWORD),
        "manager": services.accounts.sign_in("manager", PASSWORD),
    }


def make_draft(**changes: object) -> IncidentDraft:
    """A valid incident draft; *changes* override its fields (harm facts by name too)."""
    now = datetime.now(UTC)
    draft = IncidentDraft(
        title="Heater cord overheats / コードが過熱",
        product_name="Oil heater OH-12",
        model="OH-12B",
        source=IncidentSource.CUSTOMER,
        country="JP",
        markets=("JP", "US"),
        occurred_at=now - timedelta(days=3),
        first_known_at=now - timedelta(days=2),
        qa_aware_at=now - timedelta(days=1),
        units_in_field=12_000,
        description="The cord near the plug melted during use.",
    )
    return draft.with_changes(**changes)
