"""The incident record on a real database: logging, changing, conflicts and the audit trail."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from qa_desktop.domain.errors import (
    ConflictError,
    DuplicateReference,
    PermissionDenied,
    ReasonRequired,
    ValidationFailed,
)
from qa_desktop.domain.incident import IncidentStatus
from qa_desktop.domain.register import IncidentQuery
from tests.conftest import make_draft


def test_logged_incident_reads_back_exactly_with_a_generated_reference(services, people):
    engineer = people["engineer"]
    draft = make_draft(title='Smoke <b>&amp;</b> "quotes" 発火のおそれ 🔥', markets=("JP", "EU"))
    record = services.incidents.create(engineer, draft)
    assert record.reference.startswith("INC-")
    again = services.incidents.get(engineer, record.reference)
    assert again.draft.title == draft.title
    assert again.draft.markets == ("JP", "EU")
    assert again.draft.first_known_at == draft.first_known_at
    assert again.draft.first_known_at.tzinfo is not None
    assert again.created_by == "engineer"


def test_references_are_consecutive_and_a_duplicate_is_refused(services, people):
    engineer = people["engineer"]
    first = services.incidents.create(engineer, make_draft())
    second = services.incidents.create(engineer, make_draft())
    assert int(second.reference.rsplit("-", 1)[1]) == int(first.reference.rsplit("-", 1)[1]) + 1
    with pytest.raises(DuplicateReference):
        services.incidents.create(engineer, make_draft(reference=first.reference))


def test_second_save_of_the_same_version_is_refused_as_a_conflict(services, people):
    engineer, head = people["engineer"], people["head"]
    record = services.incidents.create(engineer, make_draft())
    services.incidents.update(head, record.reference, record.version, {"title": "Head's title"})
    with pytest.raises(ConflictError) as caught:
        services.incidents.update(engineer, record.reference, record.version, {"title": "Mine"})
    assert "head" in str(caught.value)
    assert services.incidents.get(engineer, record.reference).draft.title == "Head's title"


def test_bulk_update_with_one_stale_version_changes_nothing(services, people):
    engineer = people["engineer"]
    a = services.incidents.create(engineer, make_draft())
    b = services.incidents.create(engineer, make_draft())
    services.incidents.update(engineer, b.reference, b.version, {"qa_owner": "someone"})
    with pytest.raises(ConflictError):
        services.incidents.bulk_update(
            engineer, [(a.reference, a.version), (b.reference, b.version)], {"qa_owner": "eri"}
        )
    assert services.incidents.get(engineer, a.reference).draft.qa_owner == ""


def test_changes_past_intake_need_a_reason_and_are_audited(services, people):
    engineer = people["engineer"]
    record = services.incidents.create(engineer, make_draft())
    with pytest.raises(ValidationFailed, match="response flow"):
        services.incidents.update(
            engineer, record.reference, record.version, {"status": IncidentStatus.CLASSIFICATION}
        )
    services.response.flow.take(engineer, record.reference, "submit_for_classification")
    record = services.incidents.get(engineer, record.reference)
    assert record.draft.status is IncidentStatus.CLASSIFICATION
    with pytest.raises(ReasonRequired):
        services.incidents.update(engineer, record.reference, record.version, {"injuries": 2})
    services.incidents.update(
        engineer, record.reference, record.version, {"injuries": 2}, reason="Hospital report"
    )
    history = services.incidents.history(engineer, record.reference)
    last = history[-1]
    assert (last.field, last.old_value, last.new_value, last.reason) == (
        "injuries",
        "0",
        "2",
        "Hospital report",
    )
    assert last.actor == "engineer"
    assert last.at.tzinfo is not None


def test_the_audit_trail_cannot_be_edited_or_deleted_even_with_sql(services, people):
    services.incidents.create(people["engineer"], make_draft())
    for statement in ("UPDATE audit_entries SET actor = 'x'", "DELETE FROM audit_entries"):
        with pytest.raises(Exception, match="append-only"), services.database.engine.begin() as c:
            c.execute(text(statement))
    with services.database.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM audit_entries")).scalar() > 0


def test_invalid_values_name_the_field_and_the_rule(services, people):
    with pytest.raises(ValidationFailed) as caught:
        services.incidents.create(people["engineer"], make_draft(units_in_field=-1, country="XX"))
    rules = {(e.field, e.rule) for e in caught.value.errors}
    assert ("units_in_field", "non_negative") in rules
    assert ("country", "iso3166") in rules


def test_a_manager_may_read_but_not_log_incidents(services, people):
    with pytest.raises(PermissionDenied):
        services.incidents.create(people["manager"], make_draft())
    assert services.incidents.count(people["manager"], IncidentQuery()) == 0


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("発火", True),
        ("火", True),
        ("のおそれ", True),
        ("overh", True),
        ("ストーブ", False),
        ('OR AND NOT "', False),
    ],
)
def test_full_text_search_finds_japanese_and_english_substrings(services, people, query, found):
    engineer = people["engineer"]
    services.incidents.create(engineer, make_draft(title="発火のおそれ: cord overheats"))
    assert (services.incidents.count(engineer, IncidentQuery(text=query)) == 1) is found


def test_register_pages_by_key_cover_every_incident_once(services, people):
    engineer = people["engineer"]
    made = {services.incidents.create(engineer, make_draft()).reference for _ in range(7)}
    seen: list[str] = []
    cursor = None
    while True:
        page = services.incidents.page(engineer, IncidentQuery(), after=cursor, limit=3)
        seen.extend(r.reference for r in page.rows)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert sorted(seen) == sorted(made)
    assert len(seen) == len(set(seen))


def test_search_pages_newest_first_without_gaps_or_repeats(services, people) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    engineer = people["engineer"]
    base = datetime(2026, 3, 1, 9, 0, 0, tzinfo=UTC)
    made = []
    for n in range(9):
        # Three incidents share each first-known second: the id breaks the tie.
        known = base + timedelta(seconds=n // 3)
        draft = make_draft(
            title=f"発火 case {n}", first_known_at=known, occurred_at=known, qa_aware_at=known
        )
        made.append(services.incidents.create(engineer, draft).reference)
    services.incidents.create(engineer, make_draft(title="unrelated"))
    seen: list[str] = []
    cursor = None
    while True:
        page = services.incidents.page(
            engineer, IncidentQuery(text="発火"), after=cursor, limit=2
        )
        seen.extend(r.reference for r in page.rows)
        if page.next_cursor is None:
            break
        cursor = page.next_cursor
    assert seen == list(reversed(made))


def test_filters_combine_and_any_sort_pages_by_key(services, people) -> None:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime, timedelta

    from qa_desktop.domain.register import SortKey

    engineer = people["engineer"]
    base = datetime(2025, 5, 1, tzinfo=UTC)
    for n, (country, status) in enumerate(
        [("JP", "intake"), ("US", "intake"), ("JP", "closed"), ("JP", "intake"), ("DE", "intake")]
    ):
        known = base + timedelta(days=n)
        record = services.incidents.create(
            engineer,
            make_draft(
                title=f"T{4 - n}", country=country, first_known_at=known, occurred_at=known,
                qa_aware_at=known,
            ),
        )
        if status == "closed":
            services.incidents.update(engineer, record.reference, 1, {"severity": "high"})
    query = IncidentQuery(
        countries=("JP",),
        severities=("unclassified",),
        known_from=base,
        known_to=base + timedelta(days=4),
        sort=SortKey.TITLE, descending=False,
    )
    assert services.incidents.count(engineer, query) == 2
    first = services.incidents.page(engineer, query, limit=1)
    second = services.incidents.page(engineer, query, after=first.next_cursor, limit=1)
    assert [first.rows[0].title, second.rows[0].title] == ["T1", "T4"]
    assert second.next_cursor is None
