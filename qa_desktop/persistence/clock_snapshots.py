"""A clock rule frozen into JSON, so that a running clock keeps the rule it started with.

The rule file may be corrected while clocks run; recomputing a running clock (say after its
first-known time was corrected) must still use the period, counting and calendar that were
in force when it started. The snapshot holds every parameter of :class:`ClockRule` and its
calendar; only the public-holiday lists themselves come from the ``holidays`` package.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from qa_desktop.domain.calendars import ClosedPeriod, HolidayCalendar
from qa_desktop.domain.clock_rules import ClockRule, CountingMethod, Jurisdiction, ProductScope


def canonical_json(value: Any) -> str:
    """*value* as canonical JSON: sorted keys, no spacing, non-ASCII kept as typed."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def rule_snapshot(rule: ClockRule) -> str:
    """The rule's parameters as canonical JSON."""
    return canonical_json(
        {
            "rule_id": rule.rule_id,
            "version": rule.version,
            "effective_from": rule.effective_from.isoformat(),
            "jurisdiction": rule.jurisdiction.value,
            "title": rule.title,
            "regulator": rule.regulator,
            "citation": rule.citation,
            "scope": rule.scope.value,
            "counting": rule.counting.value,
            "period": rule.period,
            "time_zone": rule.time_zone,
            "calendar": _calendar_values(rule.calendar) if rule.calendar else None,
            "move_to_open_day": rule.move_to_open_day,
            "move_citation": rule.move_citation,
            "condition": rule.condition,
            "notes": rule.notes,
            "verify": rule.verify,
            "verify_note": rule.verify_note,
        }
    )


def rule_from_snapshot(text: str) -> ClockRule:
    """The :class:`ClockRule` a snapshot was taken of."""
    data = json.loads(text)
    calendar = data["calendar"]
    return ClockRule(
        rule_id=data["rule_id"],
        version=data["version"],
        effective_from=date.fromisoformat(data["effective_from"]),
        jurisdiction=Jurisdiction(data["jurisdiction"]),
        title=data["title"],
        regulator=data["regulator"],
        citation=data["citation"],
        scope=ProductScope(data["scope"]),
        counting=CountingMethod(data["counting"]),
        period=data["period"],
        time_zone=data["time_zone"],
        calendar=_calendar(calendar) if calendar else None,
        move_to_open_day=data["move_to_open_day"],
        move_citation=data["move_citation"],
        condition=data["condition"],
        notes=data["notes"],
        verify=data["verify"],
        verify_note=data["verify_note"],
    )


def _calendar_values(calendar: HolidayCalendar) -> dict[str, Any]:
    return {
        "calendar_id": calendar.calendar_id,
        "name": calendar.name,
        "closed_term": calendar.closed_term,
        "citation": calendar.citation,
        "weekend": sorted(calendar.weekend),
        "holidays_country": calendar.holidays_country,
        "holidays_subdivision": calendar.holidays_subdivision,
        "holidays_categories": list(calendar.holidays_categories),
        "closed_periods": [
            {"name": p.name, "start": list(p.start), "end": list(p.end)}
            for p in calendar.closed_periods
        ],
        "verify": calendar.verify,
        "verify_note": calendar.verify_note,
    }


def _calendar(data: dict[str, Any]) -> HolidayCalendar:
    return HolidayCalendar(
        calendar_id=data["calendar_id"],
        name=data["name"],
        closed_term=data["closed_term"],
        citation=data["citation"],
        weekend=frozenset(data["weekend"]),
        holidays_country=data["holidays_country"],
        holidays_subdivision=data["holidays_subdivision"],
        holidays_categories=tuple(data["holidays_categories"]),
        closed_periods=tuple(
            ClosedPeriod(p["name"], (p["start"][0], p["start"][1]), (p["end"][0], p["end"][1]))
            for p in data["closed_periods"]
        ),
        verify=data["verify"],
        verify_note=data["verify_note"],
    )
