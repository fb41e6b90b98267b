"""The incident's field rules, as a QA engineer meets them when logging an incident."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from qa_desktop.domain.errors import ValidationFailed
from qa_desktop.domain.incident import (
    TEXT_LIMITS,
    IncidentDraft,
    awareness_gap_hours,
    flatten,
    require_valid,
    unflatten,
    validate_incident,
)
from tests.conftest import make_draft


def rules(draft: IncidentDraft) -> set[tuple[str, str]]:
    return {(e.field, e.rule) for e in validate_incident(draft)}


def test_a_complete_draft_is_valid() -> None:
    assert validate_incident(make_draft()) == []


def test_occurred_at_in_the_future_is_refused() -> None:
    draft = make_draft(occurred_at=datetime.now(UTC) + timedelta(hours=2))
    assert ("occurred_at", "not_in_future") in rules(draft)


def test_qa_cannot_learn_before_the_company_first_knew() -> None:
    known = datetime(2026, 9, 3, 9, 0, tzinfo=UTC)
    draft = make_draft(
        first_known_at=known,
        qa_aware_at=known - timedelta(minutes=1),
        occurred_at=known - timedelta(days=1),
    )
    assert ("qa_aware_at", "after_first_known") in rules(draft)


def test_times_in_different_zones_are_compared_as_instants() -> None:
    tokyo = timezone(timedelta(hours=9))
    known = datetime(2026, 9, 3, 9, 0, tzinfo=tokyo)  # 00:00 UTC
    aware = datetime(2026, 9, 3, 0, 30, tzinfo=UTC)  # 30 minutes later
    draft = make_draft(
        first_known_at=known, qa_aware_at=aware, occurred_at=known - timedelta(days=1)
    )
    assert validate_incident(draft) == []
    assert awareness_gap_hours(draft) == 0.5


def test_negative_units_and_unknown_country_name_field_and_rule() -> None:
    found = rules(make_draft(units_in_field=-5, country="ZZ", markets=("JP", "XX")))
    assert {
        ("units_in_field", "non_negative"),
        ("country", "iso3166"),
        ("markets", "iso3166"),
    } <= found


def test_eu_is_a_market_but_not_a_country() -> None:
    assert validate_incident(make_draft(markets=("EU",))) == []
    assert ("country", "iso3166") in rules(make_draft(country="EU"))


def test_a_naive_time_is_refused_rather_than_guessed() -> None:
    naive = datetime(2026, 1, 1, 12, 0)
    assert ("first_known_at", "time_zone") in rules(make_draft(first_known_at=naive))


@pytest.mark.parametrize("field", ["title", "product_name", "model", "description"])
def test_each_text_field_states_its_limit(field: str) -> None:
    limit = TEXT_LIMITS[field]
    errors = validate_incident(make_draft(**{field: "あ" * (limit + 1)}))
    messages = [e.message for e in errors if e.field == field]
    assert messages
    assert f"{limit:,}" in messages[0]


def test_control_characters_are_refused_but_newlines_allowed_in_descriptions() -> None:
    assert ("title", "control_characters") in rules(make_draft(title="bad\x00title"))
    assert ("title", "single_line") in rules(make_draft(title="two\nlines"))
    assert validate_incident(make_draft(description="line 1\nline 2\tend")) == []


def test_right_to_left_text_emoji_and_markup_are_ordinary_text() -> None:
    text = "שלום <b>&amp;</b> 🔥 発火"
    assert validate_incident(make_draft(title=text)) == []


def test_fire_service_confirmation_needs_a_fire() -> None:
    assert ("fire_service_confirmed", "needs_fire") in rules(
        make_draft(fire_service_confirmed=True)
    )


def test_reference_format_is_checked() -> None:
    assert ("reference", "format") in rules(make_draft(reference="42"))
    assert validate_incident(make_draft(reference="INC-2026-0042")) == []


def test_require_valid_lists_every_error_at_once() -> None:
    with pytest.raises(ValidationFailed) as caught:
        require_valid(make_draft(title="", product_name="", units_in_field=-1))
    assert {e.field for e in caught.value.errors} >= {"title", "product_name", "units_in_field"}


def test_flatten_and_unflatten_are_inverse() -> None:
    draft = make_draft(deaths=1, fire=True, markets=("JP", "EU"))
    assert unflatten(flatten(draft)) == draft
