"""Which laws' "serious" definitions an incident's harm facts meet, market by market.

The result is a proposal for the engineer, who confirms or overrides it with a reason: the
harm facts cannot see everything a definition turns on (whether a hospital stay was needed,
whether a malfunction could recur). So every finding lists the facts that met the definition
(``reasons``) and the facts worth a second look that did not (``notes``), and the GUI can show
both. Where a definition is vague, the checks lean towards proposing a report: an override
costs a signature, a missed report costs far more.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from qa_desktop.domain.clock_rules import (
    ClockRule,
    Jurisdiction,
    ProductScope,
    jurisdiction_of_market,
    rules_for,
)
from qa_desktop.domain.incident import HarmFacts, IncidentDraft

#: Japan's threshold for an injury to be serious: days of treatment, medication included.
JP_SERIOUS_TREATMENT_DAYS = 30


@dataclass(frozen=True, slots=True)
class LawFinding:
    """One law's definition checked against the harm facts.

    ``rules`` are the clock rules that start when the definition is met (empty when no rule
    data was given).
    """

    jurisdiction: Jurisdiction
    scope: ProductScope
    law: str
    definition: str
    met: bool
    reasons: tuple[str, ...]
    notes: tuple[str, ...]
    rules: tuple[ClockRule, ...] = ()


@dataclass(frozen=True, slots=True)
class Applicability:
    """For one market: the laws checked and what they found.

    ``jurisdiction`` is ``None`` for a market without reporting rules here. ``added_from_country``
    marks a market proposed only because the incident happened there.
    """

    market: str
    jurisdiction: Jurisdiction | None
    findings: tuple[LawFinding, ...]
    added_from_country: bool = False

    @property
    def reportable(self) -> bool:
        """True when any law's definition is met in this market."""
        return any(finding.met for finding in self.findings)

    @property
    def reasons(self) -> tuple[str, ...]:
        """The harm facts that met a definition, each once."""
        return tuple(dict.fromkeys(r for f in self.findings if f.met for r in f.reasons))

    @property
    def rules(self) -> tuple[ClockRule, ...]:
        """The clock rules proposed for this market."""
        return tuple(rule for f in self.findings if f.met for rule in f.rules)


@dataclass(frozen=True, slots=True)
class _Law:
    jurisdiction: Jurisdiction
    scope: ProductScope
    name: str
    definition: str
    check: Callable[[HarmFacts], tuple[list[str], list[str]]]


def _deaths(harm: HarmFacts) -> list[str]:
    if harm.deaths <= 0:
        return []
    return ["1 death" if harm.deaths == 1 else f"{harm.deaths} deaths"]


def _treated_injury(harm: HarmFacts, what: str) -> list[str]:
    if harm.max_treatment_days <= 0:
        return []
    return [f"{what} ({harm.max_treatment_days} days of treatment)"]


def _lasting_harm(harm: HarmFacts) -> list[str]:
    reasons = ["permanent disability"] if harm.permanent_disability else []
    if harm.co_poisoning:
        reasons.append("carbon-monoxide poisoning")
    return reasons


def _untreated_injury_note(harm: HarmFacts) -> list[str]:
    if harm.injuries > 0 and harm.max_treatment_days <= 0:
        return [
            "Injuries are recorded without treatment days; confirm none needed medical treatment."
        ]
    return []


def _property_only_note(harm: HarmFacts, question: str) -> list[str]:
    harmed = harm.deaths or harm.injuries or harm.fire or harm.co_poisoning
    if harm.property_damage and not harmed:
        return [f"Property damage without harm to people: {question}"]
    return []


def _japan(harm: HarmFacts) -> tuple[list[str], list[str]]:
    reasons = _deaths(harm)
    notes: list[str] = []
    if harm.max_treatment_days >= JP_SERIOUS_TREATMENT_DAYS:
        reasons.append(
            f"injury needing {harm.max_treatment_days} days of treatment "
            f"({JP_SERIOUS_TREATMENT_DAYS} or more)"
        )
    elif harm.max_treatment_days > 0:
        notes.append(
            f"Treatment of {harm.max_treatment_days} days is under {JP_SERIOUS_TREATMENT_DAYS}; "
            "recheck if the treatment continues."
        )
    reasons += _lasting_harm(harm)
    if harm.fire and harm.fire_service_confirmed:
        reasons.append("fire confirmed by the fire service")
    elif harm.fire:
        notes.append("The fire is not confirmed by the fire service; recheck when it reports.")
    return reasons, notes + _untreated_injury_note(harm)


def _health_effects(harm: HarmFacts) -> list[str]:
    return (
        _deaths(harm)
        + _treated_injury(harm, "injury needing medical treatment")
        + _lasting_harm(harm)
    )


def _eu(harm: HarmFacts) -> tuple[list[str], list[str]]:
    notes = _untreated_injury_note(harm)
    if harm.fire and not (harm.deaths or harm.injuries or harm.co_poisoning):
        notes.append("A fire without harm to people: assess the product's risk (Safety Gate).")
    return _health_effects(harm), notes


def _australia(harm: HarmFacts) -> tuple[list[str], list[str]]:
    notes = _untreated_injury_note(harm)
    if harm.fire and not (harm.deaths or harm.injuries or harm.co_poisoning):
        notes.append("A fire without harm to people is not a death, injury or illness.")
    return _health_effects(harm), notes


def _hazard(harm: HarmFacts) -> list[str]:
    reasons = _health_effects(harm)
    if harm.fire:
        reasons.append("fire (could have caused death or serious injury)")
    return reasons


def _canada(harm: HarmFacts) -> tuple[list[str], list[str]]:
    notes = _untreated_injury_note(harm) + _property_only_note(
        harm, "could it reasonably have resulted in serious adverse health effects?"
    )
    return _hazard(harm), notes


def _us_cpsa(harm: HarmFacts) -> tuple[list[str], list[str]]:
    notes = _untreated_injury_note(harm) + _property_only_note(
        harm, "could the defect create a substantial product hazard?"
    )
    return _hazard(harm), notes


def _us_fda(harm: HarmFacts) -> tuple[list[str], list[str]]:
    reasons = (
        _deaths(harm)
        + _treated_injury(harm, "serious injury needing medical intervention")
        + (["permanent impairment"] if harm.permanent_disability else [])
    )
    notes = [
        "A malfunction that would likely cause death or serious injury if it recurred is also "
        "reportable; the harm facts do not record malfunctions."
    ]
    return reasons, notes + _untreated_injury_note(harm)


def _great_britain(harm: HarmFacts) -> tuple[list[str], list[str]]:
    reasons = _hazard(harm)
    if harm.injuries > 0 and harm.max_treatment_days <= 0:
        reasons.append("injury")
    notes = _property_only_note(harm, "is the product dangerous?")
    return reasons, notes


_LAWS: tuple[_Law, ...] = (
    _Law(
        Jurisdiction.JP,
        ProductScope.CONSUMER_PRODUCT,
        "Consumer Product Safety Act art. 35 (serious product accident)",
        "Death; injury or illness needing 30 days or more of treatment; permanent disability; "
        "carbon-monoxide poisoning; fire confirmed by the fire service. Report even when the "
        "cause is unknown, unless a QA head signs that it was clearly not a product defect.",
        _japan,
    ),
    _Law(
        Jurisdiction.US,
        ProductScope.CONSUMER_PRODUCT,
        "Consumer Product Safety Act section 15(b), 16 CFR 1115",
        "A defect that could create a substantial product hazard, or an unreasonable risk of "
        "serious injury or death.",
        _us_cpsa,
    ),
    _Law(
        Jurisdiction.US,
        ProductScope.MEDICAL_DEVICE,
        "21 CFR 803 (medical device reporting)",
        "A device may have caused or contributed to a death or serious injury, or malfunctioned "
        "in a way that would likely cause one if it recurred.",
        _us_fda,
    ),
    _Law(
        Jurisdiction.EU,
        ProductScope.CONSUMER_PRODUCT,
        "General Product Safety Regulation (EU) 2023/988 art. 20",
        "An accident causing death or serious adverse effects on health and safety, permanent "
        "or temporary.",
        _eu,
    ),
    _Law(
        Jurisdiction.AU,
        ProductScope.CONSUMER_PRODUCT,
        "Australian Consumer Law s131",
        "Death, serious injury or serious illness that was or may have been caused by use or "
        "foreseeable misuse of the product.",
        _australia,
    ),
    _Law(
        Jurisdiction.CA,
        ProductScope.CONSUMER_PRODUCT,
        "Canada Consumer Product Safety Act s14",
        "An incident that resulted or may reasonably have resulted in death or serious adverse "
        "health effects, including serious injury.",
        _canada,
    ),
    _Law(
        Jurisdiction.GB,
        ProductScope.CONSUMER_PRODUCT,
        "General Product Safety Regulations 2005 reg. 9",
        "The product poses risks incompatible with the general safety requirement (a dangerous "
        "product).",
        _great_britain,
    ),
)


def assess_markets(
    harm: HarmFacts,
    markets: Iterable[str],
    rules: Iterable[ClockRule] = (),
    *,
    medical_device: bool = False,
    first_known_at: datetime | None = None,
) -> tuple[Applicability, ...]:
    """One :class:`Applicability` per market, in the order given.

    EU member-state codes count as the EU. Medical-device rules are checked only when
    *medical_device* is true. With *first_known_at*, only rules in force then are proposed.
    """
    all_rules = tuple(rules)
    return tuple(
        _assess(harm, market, all_rules, medical_device, first_known_at) for market in markets
    )


def assess_incident(
    draft: IncidentDraft, rules: Iterable[ClockRule] = (), *, medical_device: bool = False
) -> tuple[Applicability, ...]:
    """:func:`assess_markets` for *draft*'s markets plus the country where it happened.

    The country is added when it is not listed, because a product that caused harm there was
    evidently on that market; the applicability says so, and the engineer can drop it.
    """
    markets = list(draft.markets)
    added = _market_key(draft.country) not in {_market_key(m) for m in markets}
    result = assess_markets(
        draft.harm,
        [*markets, draft.country] if added else markets,
        rules,
        medical_device=medical_device,
        first_known_at=draft.first_known_at,
    )
    if not added:
        return result
    last = result[-1]
    return (*result[:-1], Applicability(last.market, last.jurisdiction, last.findings, True))


def _market_key(market: str) -> str:
    # A member state is already covered when the EU (or another member state) is listed.
    return str(jurisdiction_of_market(market) or market)


def proposed_rules(applicabilities: Iterable[Applicability]) -> tuple[ClockRule, ...]:
    """The clock rules to start, each once (several EU markets share one rule)."""
    unique: dict[str, ClockRule] = {}
    for applicability in applicabilities:
        for rule in applicability.rules:
            unique.setdefault(rule.rule_id, rule)
    return tuple(unique.values())


def _assess(
    harm: HarmFacts,
    market: str,
    rules: tuple[ClockRule, ...],
    medical_device: bool,
    first_known_at: datetime | None,
) -> Applicability:
    jurisdiction = jurisdiction_of_market(market)
    findings: list[LawFinding] = []
    for law in _LAWS:
        if law.jurisdiction is not jurisdiction:
            continue
        if law.scope is ProductScope.MEDICAL_DEVICE and not medical_device:
            continue
        reasons, notes = law.check(harm)
        met = bool(reasons)
        findings.append(
            LawFinding(
                jurisdiction=law.jurisdiction,
                scope=law.scope,
                law=law.name,
                definition=law.definition,
                met=met,
                reasons=tuple(reasons),
                notes=tuple(notes),
                rules=rules_for(rules, law.jurisdiction, law.scope, first_known_at) if met else (),
            )
        )
    return Applicability(market, jurisdiction, tuple(findings))
