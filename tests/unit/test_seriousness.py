"""Which markets' "serious" definitions the harm facts meet, and the clocks they propose."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from qa_desktop.domain.clock_rules import Jurisdiction, ProductScope
from qa_desktop.domain.incident import HarmFacts, IncidentDraft, IncidentSource
from qa_desktop.domain.seriousness import (
    Applicability,
    assess_incident,
    assess_markets,
    proposed_rules,
)
from qa_desktop.workflow.rules import ClockRuleBook, load_clock_rules

KNOWN = datetime(2026, 9, 3, 1, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def book() -> ClockRuleBook:
    return load_clock_rules()


def one(harm: HarmFacts, market: str, book: ClockRuleBook, **kwargs: bool) -> Applicability:
    (result,) = assess_markets(harm, [market], book.rules, first_known_at=KNOWN, **kwargs)
    return result


def rule_ids(applicability: Applicability) -> list[str]:
    return [rule.rule_id for rule in applicability.rules]


def test_japan_thirty_days_of_treatment_is_serious(book: ClockRuleBook) -> None:
    result = one(HarmFacts(injuries=1, max_treatment_days=30), "JP", book)

    assert result.reportable
    assert result.jurisdiction is Jurisdiction.JP
    assert result.reasons == ("injury needing 30 days of treatment (30 or more)",)
    assert rule_ids(result) == ["JP-CPSA-35"]


def test_japan_twenty_nine_days_is_not_serious_but_flagged(book: ClockRuleBook) -> None:
    result = one(HarmFacts(injuries=1, max_treatment_days=29), "JP", book)

    assert not result.reportable
    assert result.rules == ()
    (finding,) = result.findings
    assert any("29 days is under 30" in note for note in finding.notes)


def test_japan_fire_counts_only_when_the_fire_service_confirmed_it(book: ClockRuleBook) -> None:
    unconfirmed = one(HarmFacts(fire=True), "JP", book)
    confirmed = one(HarmFacts(fire=True, fire_service_confirmed=True), "JP", book)

    assert not unconfirmed.reportable
    assert "not confirmed by the fire service" in unconfirmed.findings[0].notes[0]
    assert confirmed.reportable
    assert confirmed.reasons == ("fire confirmed by the fire service",)


@pytest.mark.parametrize(
    ("harm", "reason"),
    [
        (HarmFacts(deaths=2), "2 deaths"),
        (HarmFacts(injuries=1, permanent_disability=True), "permanent disability"),
        (HarmFacts(co_poisoning=True), "carbon-monoxide poisoning"),
    ],
)
def test_japan_other_serious_facts(harm: HarmFacts, reason: str, book: ClockRuleBook) -> None:
    result = one(harm, "JP", book)

    assert result.reportable
    assert reason in result.reasons


def test_eu_member_states_fall_under_the_gpsr_and_share_one_clock(book: ClockRuleBook) -> None:
    harm = HarmFacts(injuries=1, max_treatment_days=3)
    results = assess_markets(harm, ["DE", "FR", "EU"], book.rules, first_known_at=KNOWN)

    assert [r.jurisdiction for r in results] == [Jurisdiction.EU] * 3
    assert all(r.reportable for r in results)
    assert [rule.rule_id for rule in proposed_rules(results)] == ["EU-GPSR-20"]
    assert results[0].reasons == ("injury needing medical treatment (3 days of treatment)",)


def test_gpsr_is_not_proposed_before_it_applied(book: ClockRuleBook) -> None:
    (result,) = assess_markets(
        HarmFacts(deaths=1), ["DE"], book.rules, first_known_at=datetime(2024, 6, 1, tzinfo=UTC)
    )

    assert result.reportable  # the facts are serious; only no GPSR clock existed yet
    assert result.rules == ()


def test_canada_counts_a_fire_that_may_reasonably_have_hurt_someone(book: ClockRuleBook) -> None:
    result = one(HarmFacts(fire=True), "CA", book)

    assert result.reportable
    assert result.reasons == ("fire (could have caused death or serious injury)",)
    assert rule_ids(result) == ["CA-CCPSA-14-INFO", "CA-CCPSA-14-REPORT"]


def test_australia_needs_a_death_injury_or_illness(book: ClockRuleBook) -> None:
    fire_only = one(HarmFacts(fire=True), "AU", book)
    treated = one(HarmFacts(injuries=1, max_treatment_days=1), "AU", book)

    assert not fire_only.reportable
    assert fire_only.findings[0].notes
    assert treated.reportable
    assert rule_ids(treated) == ["AU-ACL-131"]


def test_us_consumer_product_hazard_from_carbon_monoxide(book: ClockRuleBook) -> None:
    result = one(HarmFacts(co_poisoning=True), "US", book)

    assert result.reportable
    assert [f.scope for f in result.findings] == [ProductScope.CONSUMER_PRODUCT]
    assert rule_ids(result) == ["US-CPSA-15B-24H", "US-CPSA-15B-INVESTIGATION"]


def test_fda_rules_are_checked_only_for_medical_devices(book: ClockRuleBook) -> None:
    result = one(HarmFacts(deaths=1), "US", book, medical_device=True)

    assert [f.scope for f in result.findings] == [
        ProductScope.CONSUMER_PRODUCT,
        ProductScope.MEDICAL_DEVICE,
    ]
    assert "US-FDA-803-30D" in rule_ids(result)
    assert "US-FDA-803-5WD" in rule_ids(result)
    assert any("malfunction" in note for note in result.findings[1].notes)


def test_great_britain_any_injury_makes_the_product_dangerous(book: ClockRuleBook) -> None:
    result = one(HarmFacts(injuries=1), "GB", book)

    assert result.reportable
    assert result.reasons == ("injury",)
    assert rule_ids(result) == ["GB-GPSR-9"]


def test_a_market_without_rules_says_so(book: ClockRuleBook) -> None:
    result = one(HarmFacts(deaths=1), "CN", book)

    assert result.jurisdiction is None
    assert result.findings == ()
    assert not result.reportable


def test_no_harm_is_reportable_nowhere(book: ClockRuleBook) -> None:
    results = assess_markets(HarmFacts(), ["JP", "US", "EU", "AU", "CA", "GB"], book.rules)

    assert [r.market for r in results] == ["JP", "US", "EU", "AU", "CA", "GB"]
    assert not any(r.reportable for r in results)
    assert proposed_rules(results) == ()


def _draft(country: str, markets: tuple[str, ...]) -> IncidentDraft:
    return IncidentDraft(
        title="Heater cord overheats",
        product_name="Oil heater OH-12",
        source=IncidentSource.DEALER,
        country=country,
        occurred_at=None,
        first_known_at=KNOWN,
        qa_aware_at=None,
        markets=markets,
        harm=HarmFacts(deaths=1),
    )


def test_the_incident_country_is_proposed_when_not_listed(book: ClockRuleBook) -> None:
    results = assess_incident(_draft("US", ("JP",)), book.rules)

    assert [(r.market, r.added_from_country) for r in results] == [("JP", False), ("US", True)]
    assert results[1].reportable


def test_an_eu_country_is_covered_by_any_listed_eu_market(book: ClockRuleBook) -> None:
    results = assess_incident(_draft("DE", ("FR", "JP")), book.rules)

    assert [r.market for r in results] == ["FR", "JP"]
