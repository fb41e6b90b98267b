"""Regulator reporting rules as data: who must be told, by when, and how days are counted.

The rules themselves live in ``workflows/rules/reporting_clocks.toml`` so that a QA head can
correct a law's deadline without a release; this module only gives them a shape. A rule
carries its citation, a version and the date it takes effect, so that a clock records the
exact rule it was started with.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from qa_desktop.domain.calendars import HolidayCalendar


class Jurisdiction(StrEnum):
    """A legal system with its own reporting duties (the EU counts as one)."""

    JP = "JP"
    US = "US"
    EU = "EU"
    AU = "AU"
    CA = "CA"
    GB = "GB"

    @property
    def display_name(self) -> str:
        """The name users read."""
        return _JURISDICTION_NAMES[self]


_JURISDICTION_NAMES = {
    Jurisdiction.JP: "Japan",
    Jurisdiction.US: "United States",
    Jurisdiction.EU: "European Union",
    Jurisdiction.AU: "Australia",
    Jurisdiction.CA: "Canada",
    Jurisdiction.GB: "United Kingdom (Great Britain)",
}

#: ISO 3166 codes of the EU member states; a market given as one of them falls under EU law.
EU_MEMBER_STATES = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "CY",
        "CZ",
        "DE",
        "DK",
        "EE",
        "ES",
        "FI",
        "FR",
        "GR",
        "HR",
        "HU",
        "IE",
        "IT",
        "LT",
        "LU",
        "LV",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SE",
        "SI",
        "SK",
    }
)


def jurisdiction_of_market(market: str) -> Jurisdiction | None:
    """The jurisdiction whose rules cover *market*, or ``None`` when no rules are kept for it."""
    if market == "EU" or market in EU_MEMBER_STATES:
        return Jurisdiction.EU
    try:
        return Jurisdiction(market)
    except ValueError:
        return None


class CountingMethod(StrEnum):
    """How a rule's period turns into a due date."""

    #: "Without undue delay", "forthwith": no count; due as soon as the company knows.
    IMMEDIATE = "immediate"
    #: Calendar days, the day of knowledge being day 1 (Japan: 10 days = day of knowledge + 9).
    CALENDAR_DAYS_INCLUDING_DAY_KNOWN = "calendar_days_including_day_known"
    #: Calendar days counted from the day after the day of knowledge.
    CALENDAR_DAYS_AFTER_DAY_KNOWN = "calendar_days_after_day_known"
    #: Open days of the rule's calendar, counted from the day after the day of knowledge.
    WORKING_DAYS_AFTER_DAY_KNOWN = "working_days_after_day_known"
    #: Elapsed hours from the moment of knowledge, closed days of the calendar not counted.
    WORKING_HOURS = "working_hours"

    @property
    def unit(self) -> str:
        """``days``, ``hours`` or empty for an immediate rule."""
        if self is CountingMethod.IMMEDIATE:
            return ""
        return "hours" if self is CountingMethod.WORKING_HOURS else "days"

    @property
    def skips_closed_days(self) -> bool:
        """True when closed days are left out of the count itself."""
        return self in (CountingMethod.WORKING_DAYS_AFTER_DAY_KNOWN, CountingMethod.WORKING_HOURS)


class ProductScope(StrEnum):
    """Which products a rule covers."""

    CONSUMER_PRODUCT = "consumer_product"
    MEDICAL_DEVICE = "medical_device"


@dataclass(frozen=True, slots=True)
class ClockRule:
    """One legal reporting duty: its period, counting, calendar and citation.

    ``move_to_open_day`` says that a due date on a closed day of ``calendar`` moves to the
    next open day, as ``move_citation`` allows. ``verify`` marks facts that a reviewer must
    still check in the primary legal text (``verify_note`` says which).
    """

    rule_id: str
    version: int
    effective_from: date
    jurisdiction: Jurisdiction
    title: str
    regulator: str
    citation: str
    scope: ProductScope
    counting: CountingMethod
    period: int
    time_zone: str
    calendar: HolidayCalendar | None = None
    move_to_open_day: bool = False
    move_citation: str = ""
    condition: str = ""
    notes: str = ""
    verify: bool = False
    verify_note: str = ""

    @property
    def period_text(self) -> str:
        """The period as the rule file writes it (``10 days``), or ``immediately``."""
        if self.counting is CountingMethod.IMMEDIATE:
            return "immediately"
        unit = self.counting.unit
        return f"{self.period} {unit[:-1] if self.period == 1 else unit}"

    def in_force_at(self, first_known_at: datetime) -> bool:
        """True when the rule applies to a clock started at *first_known_at* (aware).

        The start is dated in the regulator's zone, as the rule's own days are.
        """
        return first_known_at.astimezone(ZoneInfo(self.time_zone)).date() >= self.effective_from


def rules_for(
    rules: Iterable[ClockRule],
    jurisdiction: Jurisdiction,
    scope: ProductScope,
    known_at: datetime | None = None,
) -> tuple[ClockRule, ...]:
    """The rules of *jurisdiction* for *scope* in file order; with *known_at*, only those in
    force for a clock started then."""
    return tuple(
        rule
        for rule in rules
        if rule.jurisdiction is jurisdiction
        and rule.scope is scope
        and (known_at is None or rule.in_force_at(known_at))
    )
