"""Working-day calendars of regulators: which days a deadline may not fall on.

A calendar combines weekend days, the public holidays of the ``holidays`` package (kept
current by its maintainers, so no hand-kept tables here) and fixed yearly closures such as
the Japanese administrative organs' year-end days (29 December to 3 January). The rule data
names the calendar a clock uses; nothing here knows a particular country.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import holidays

#: Weekday names as the rule data spells them, in ``date.weekday()`` order.
WEEKDAY_NAMES: tuple[str, ...] = (
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
)

# A run of closed days longer than this means a broken calendar (every day closed), not a
# long holiday; stopping keeps a bad rule file from hanging the application.
_MAX_CLOSED_RUN = 60


@dataclass(frozen=True, slots=True)
class ClosedPeriod:
    """A closure repeated every year, from one month-day to another (may wrap the new year)."""

    name: str
    start: tuple[int, int]
    end: tuple[int, int]

    def contains(self, day: date) -> bool:
        """True when *day* lies in this period (both ends included)."""
        key = (day.month, day.day)
        if self.start <= self.end:
            return self.start <= key <= self.end
        return key >= self.start or key <= self.end


@dataclass(frozen=True, slots=True)
class ClosedDay:
    """A day a calendar treats as closed, with the reason shown to users."""

    day: date
    reason: str

    def describe(self) -> str:
        """For example ``Saturday 2026-09-12 (weekend)``."""
        return f"{weekday_name(self.day)} {self.day.isoformat()} ({self.reason})"


@dataclass(frozen=True, slots=True)
class HolidayCalendar:
    """The days on which a regulator's deadlines are not due.

    ``closed_term`` completes the sentence "Saturday 2026-09-12 is ..." (for example
    "an agency holiday"); ``citation`` names the law that defines the closed days.
    """

    calendar_id: str
    name: str
    closed_term: str
    citation: str
    weekend: frozenset[int]
    holidays_country: str = ""
    holidays_subdivision: str = ""
    holidays_categories: tuple[str, ...] = ("public",)
    closed_periods: tuple[ClosedPeriod, ...] = ()
    verify: bool = False
    verify_note: str = ""

    def closure_reason(self, day: date) -> str | None:
        """Why *day* is closed (weekend, a holiday's name, a yearly closure), or ``None``."""
        reasons: list[str] = []
        if day.weekday() in self.weekend:
            reasons.append("weekend" if day.weekday() >= 5 else f"closed on {weekday_name(day)}s")
        if self.holidays_country:
            name = _public_holidays(
                self.holidays_country, self.holidays_subdivision, self.holidays_categories
            ).get(day)
            if name:
                reasons.append(str(name))
        reasons.extend(period.name for period in self.closed_periods if period.contains(day))
        return "; ".join(reasons) if reasons else None

    def is_closed(self, day: date) -> bool:
        """True when no deadline of this calendar can fall on *day*."""
        return self.closure_reason(day) is not None

    def closed_day(self, day: date) -> ClosedDay | None:
        """*day* with its closure reason, or ``None`` when it is open."""
        reason = self.closure_reason(day)
        return ClosedDay(day, reason) if reason else None

    def next_open_day(self, day: date) -> tuple[date, tuple[ClosedDay, ...]]:
        """The first open day on or after *day*, and the closed days passed over.

        Idempotent: an open day is returned unchanged with nothing passed over.
        """
        passed: list[ClosedDay] = []
        current = day
        while (closed := self.closed_day(current)) is not None:
            passed.append(closed)
            if len(passed) > _MAX_CLOSED_RUN:
                raise ValueError(
                    f"Calendar {self.calendar_id} has no open day within {_MAX_CLOSED_RUN} "
                    f"days of {day.isoformat()}."
                )
            current += timedelta(days=1)
        return current, tuple(passed)

    def add_open_days(self, day: date, count: int) -> tuple[date, tuple[ClosedDay, ...]]:
        """The *count*-th open day after *day*, and the closed days not counted on the way."""
        passed: list[ClosedDay] = []
        current = day
        for _ in range(count):
            current, skipped = self.next_open_day(current + timedelta(days=1))
            passed.extend(skipped)
        return current, tuple(passed)


def weekday_name(day: date) -> str:
    """The English weekday name of *day*, capitalised (``Saturday``)."""
    return WEEKDAY_NAMES[day.weekday()].capitalize()


def check_holiday_source(country: str, subdivision: str, categories: tuple[str, ...]) -> str | None:
    """A sentence saying why the ``holidays`` package cannot supply this calendar, or ``None``."""
    supported = holidays.list_supported_countries()
    if country not in supported:
        return f"the holidays package has no calendar for country code {country!r}"
    if subdivision and subdivision not in supported[country]:
        known = ", ".join(supported[country]) or "none"
        return (
            f"country {country} has no subdivision {subdivision!r} in the holidays package "
            f"(known: {known})"
        )
    try:
        _public_holidays(country, subdivision, categories)
    except (ValueError, NotImplementedError) as exc:
        return f"the holidays package refuses this calendar: {exc}"
    return None


@lru_cache(maxsize=32)
def _public_holidays(country: str, subdivision: str, categories: tuple[str, ...]) -> Any:
    # One object per calendar: the package fills in further years on first lookup.
    return holidays.country_holidays(country, subdiv=subdivision or None, categories=categories)
