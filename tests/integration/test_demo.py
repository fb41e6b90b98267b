"""Demo data: accounts on a new database, and realistic, repeatable incidents."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest

from qa_desktop.domain.errors import PermissionDenied
from qa_desktop.domain.incident import (
    IncidentSource,
    IncidentStatus,
    Severity,
    validate_incident,
)
from qa_desktop.domain.register import IncidentQuery
from qa_desktop.persistence.references import format_reference
from qa_desktop.services.demo import DEMO_PASSWORD, FIRST_YEAR, DemoIncidents, fill_demo
from tests.conftest import make_draft

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)


def demo_drafts(seed: int, count: int):  # type: ignore[no-untyped-def]
    generator = DemoIncidents(seed, NOW)
    drafts = []
    for year, share in generator.per_year(count).items():
        references = [format_reference(year, n) for n in range(1, share + 1)]
        drafts.extend(generator.for_year(year, references))
    return drafts


def test_a_new_database_gets_demo_accounts_and_is_marked_as_a_demo(services):
    summary = fill_demo(services, 300, seed=3)
    assert summary == "demo database: 4 accounts (password demo-password), 300 incidents"
    shown = services.accounts.demo_accounts()
    assert [u.username for u in shown] == ["admin", "engineer", "head", "manager"]
    assert any("佐藤 花子" in u.display_name for u in shown)
    engineer = services.accounts.sign_in("engineer", DEMO_PASSWORD)
    assert services.incidents.count(engineer, IncidentQuery()) == 300
    assert services.incidents.count(engineer, IncidentQuery(severities=("serious",))) > 0
    record = services.incidents.get(engineer, format_reference(FIRST_YEAR, 1))
    assert record.created_by == "engineer"
    assert services.incidents.history(engineer, record.reference)[0].action == "import"


def test_a_database_with_accounts_needs_someone_allowed_to_import(services, people):
    existing = services.incidents.create(people["engineer"], make_draft())
    with pytest.raises(PermissionDenied):
        fill_demo(services, 10)
    with pytest.raises(PermissionDenied):
        fill_demo(services, 10, actor=people["manager"])
    assert fill_demo(services, 120, seed=9, actor=people["head"]) == "demo database: 120 incidents"
    assert services.accounts.demo_accounts() == []
    assert len(services.accounts.list_users(people["admin"])) == 4
    assert services.incidents.count(people["head"], IncidentQuery()) == 121
    # Demo references continue the counters instead of colliding with real incidents.
    later = services.incidents.create(people["engineer"], make_draft())
    assert later.reference != existing.reference


def test_the_same_seed_gives_the_same_valid_incidents():
    first, again = demo_drafts(41, 400), demo_drafts(41, 400)
    assert first == again
    assert demo_drafts(42, 400) != first
    for draft in first:
        assert validate_incident(draft, NOW) == [], draft


def test_demo_incidents_cover_the_register_and_serious_ones_are_justified():
    drafts = demo_drafts(2021, 4_000)
    assert {d.first_known_at.year for d in drafts} == set(range(FIRST_YEAR, NOW.year + 1))
    assert {d.source for d in drafts} == set(IncidentSource)
    assert {d.status for d in drafts} == set(IncidentStatus)
    assert {d.severity for d in drafts} == set(Severity)
    assert len({d.country for d in drafts}) >= 15
    assert len({d.business_unit for d in drafts}) == 5
    assert any(not d.title.isascii() for d in drafts)
    serious = [d for d in drafts if d.severity is Severity.SERIOUS]
    assert 0.01 <= len(serious) / len(drafts) <= 0.08
    for draft in serious:
        harm = draft.harm
        assert (
            harm.deaths
            or harm.max_treatment_days >= 30
            or harm.permanent_disability
            or harm.co_poisoning
            or harm.fire_service_confirmed
        ), draft
    kinds = Counter(
        "death"
        if d.harm.deaths
        else "co"
        if d.harm.co_poisoning
        else "fire"
        if d.harm.fire_service_confirmed
        else "injury"
        for d in serious
    )
    assert set(kinds) == {"death", "co", "fire", "injury"}
    for draft in drafts:
        assert draft.qa_aware_at is not None
        gap = draft.qa_aware_at - draft.first_known_at
        assert timedelta(0) <= gap <= timedelta(days=6)
