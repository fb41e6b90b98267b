"""Loading the rule data files that QA heads edit: reporting clocks, R-Map, Safety Gate.

A wrong rule could let a legal deadline pass unnoticed, so a file that parses but says
something impossible (an unknown counting method, "10 dayz", a rule without its citation, a
grid cell "D") is refused as a whole, with a :class:`DefinitionError` naming the file and the
line to correct. Nothing is guessed or skipped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qa_desktop.domain.calendars import (
    WEEKDAY_NAMES,
    ClosedPeriod,
    HolidayCalendar,
    check_holiday_source,
)
from qa_desktop.domain.clock_rules import ClockRule, CountingMethod, Jurisdiction, ProductScope
from qa_desktop.workflow.risk_rules import load_rmap, load_safety_gate
from qa_desktop.workflow.rule_reader import (
    CLOCKS_FILE,
    RMAP_FILE,
    SAFETY_GATE_FILE,
    KeyPath,
    RuleReader,
    rules_dir,
)
from qa_desktop.workflow.toml_source import load_toml

__all__ = [
    "CLOCKS_FILE",
    "RMAP_FILE",
    "SAFETY_GATE_FILE",
    "ClockRuleBook",
    "load_clock_rules",
    "load_rmap",
    "load_safety_gate",
    "rules_dir",
]

_DURATION = re.compile(r"^\s*([+-]?\d+)\s+([a-z]+)\s*$")
_UNITS = {"day": "days", "days": "days", "hour": "hours", "hours": "hours"}
_RULE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_MONTH_DAY = re.compile(r"^(\d{2})-(\d{2})$")


@dataclass(frozen=True, slots=True)
class ClockRuleBook:
    """Every reporting rule of one file, with the calendars they use."""

    path: Path
    calendars: Mapping[str, HolidayCalendar]
    rules: tuple[ClockRule, ...]

    def rule(self, rule_id: str) -> ClockRule:
        """The rule with *rule_id*; :class:`KeyError` when the file has none."""
        for rule in self.rules:
            if rule.rule_id == rule_id:
                return rule
        raise KeyError(rule_id)


# ----------------------------------------------------------------------- reporting clocks


def load_clock_rules(path: Path | None = None) -> ClockRuleBook:
    """Load and check the reporting-clock rules (the shipped file by default)."""
    doc = load_toml(path or rules_dir() / CLOCKS_FILE)
    reader = RuleReader(doc)
    reader.keys(doc.data, "the file", (), ("clock",), ("calendars",))
    raw_calendars = reader.table(doc.data.get("calendars", {}), "calendars", "calendars")
    calendars = {
        cid: _calendar(reader, cid, reader.table(raw, f"calendar {cid!r}", "calendars", cid))
        for cid, raw in raw_calendars.items()
    }
    entries = reader.array(doc.data["clock"], "clock", "clock")
    rules: list[ClockRule] = []
    first_line: dict[str, int | None] = {}
    for index, raw in enumerate(entries):
        rule = _clock_rule(reader, index, reader.table(raw, "clock", "clock", index), calendars)
        if rule.rule_id in first_line:
            raise doc.error(
                f"duplicate rule id {rule.rule_id!r} (first defined on line "
                f"{first_line[rule.rule_id]})",
                "clock",
                index,
                "id",
            )
        first_line[rule.rule_id] = doc.line_of("clock", index, "id")
        rules.append(rule)
    return ClockRuleBook(doc.path, calendars, tuple(rules))


def _calendar(reader: RuleReader, cid: str, raw: dict[str, Any]) -> HolidayCalendar:
    where: KeyPath = ("calendars", cid)
    what = f"calendar {cid!r}"
    reader.keys(
        raw,
        what,
        where,
        ("name", "closed_term", "citation", "weekend", "verify"),
        (
            "holidays_country",
            "holidays_subdivision",
            "holidays_categories",
            "closed_periods",
            "verify_note",
        ),
    )
    weekend = raw["weekend"]
    if not isinstance(weekend, list) or any(day not in WEEKDAY_NAMES for day in weekend):
        raise reader.doc.error(
            f'{what}: weekend must list weekday names such as "sunday"', *where, "weekend"
        )
    if len(set(weekend)) == len(WEEKDAY_NAMES):
        raise reader.doc.error(f"{what}: a calendar needs at least one open day", *where, "weekend")
    categories = raw.get("holidays_categories", ["public"])
    if not isinstance(categories, list) or not all(isinstance(c, str) for c in categories):
        raise reader.doc.error(
            f"{what}: holidays_categories must list names", *where, "holidays_categories"
        )
    country = reader.text(raw, "holidays_country", what, *where)
    subdivision = reader.text(raw, "holidays_subdivision", what, *where)
    if country:
        problem = check_holiday_source(country, subdivision, tuple(categories))
        if problem:
            raise reader.doc.error(f"{what}: {problem}", *where, "holidays_country")
    verify = reader.boolean(raw, "verify", what, *where)
    if verify and not reader.text(raw, "verify_note", what, *where):
        raise reader.doc.error(f"{what}: verify = true needs a verify_note", *where, "verify")
    return HolidayCalendar(
        calendar_id=cid,
        name=reader.required_text(raw, "name", what, *where),
        closed_term=reader.required_text(raw, "closed_term", what, *where),
        citation=reader.required_text(raw, "citation", what, *where),
        weekend=frozenset(WEEKDAY_NAMES.index(day) for day in weekend),
        holidays_country=country,
        holidays_subdivision=subdivision,
        holidays_categories=tuple(categories),
        closed_periods=_closed_periods(reader, raw.get("closed_periods", []), what, where),
        verify=verify,
        verify_note=reader.text(raw, "verify_note", what, *where),
    )


def _closed_periods(
    reader: RuleReader, raw: Any, what: str, where: KeyPath
) -> tuple[ClosedPeriod, ...]:
    at = (*where, "closed_periods")
    if not isinstance(raw, list):
        raise reader.doc.error(f"{what}: closed_periods must be a list", *at)
    periods = []
    for item in raw:
        period = reader.table(item, f"{what}: each closed period", *at)
        reader.keys(period, f"{what}: a closed period", at, ("from", "to", "name"))
        ends = [_month_day(reader, period[key], what, at) for key in ("from", "to")]
        periods.append(
            ClosedPeriod(reader.required_text(period, "name", what, *at), ends[0], ends[1])
        )
    return tuple(periods)


def _month_day(reader: RuleReader, value: Any, what: str, at: KeyPath) -> tuple[int, int]:
    match = _MONTH_DAY.match(value) if isinstance(value, str) else None
    try:
        if match is None:
            raise ValueError(value)
        # 2000 is a leap year, so 02-29 is accepted.
        day = date(2000, int(match.group(1)), int(match.group(2)))
    except ValueError:
        raise reader.doc.error(
            f'{what}: {value!r} is not a month-day such as "12-29"', *at
        ) from None
    return day.month, day.day


def _clock_rule(
    reader: RuleReader, index: int, raw: dict[str, Any], calendars: Mapping[str, HolidayCalendar]
) -> ClockRule:
    where: KeyPath = ("clock", index)
    rule_id = raw.get("id")
    if not isinstance(rule_id, str) or not _RULE_ID.match(rule_id):
        raise reader.doc.error(
            f"clock {index + 1}: id must be letters, digits, '-', '_' or '.' (at most 64)",
            *where,
            "id",
        )
    what = f"rule {rule_id!r}"
    reader.keys(
        raw,
        what,
        where,
        (
            "id",
            "jurisdiction",
            "title",
            "regulator",
            "citation",
            "scope",
            "version",
            "effective_from",
            "counting",
            "time_zone",
            "verify",
        ),
        ("period", "calendar", "move", "move_citation", "condition", "notes", "verify_note"),
    )
    version, effective_from, citation, verify = reader.metadata(raw, what, *where)
    counting = reader.choice(raw, "counting", CountingMethod, what, *where)
    period = _period(reader, raw, counting, what, where)
    move = raw.get("move", "none")
    if move not in ("none", "next_open_day"):
        raise reader.doc.error(
            f"{what}: unknown move {move!r} (known: none, next_open_day)", *where, "move"
        )
    if move == "next_open_day" and (
        counting is CountingMethod.IMMEDIATE or counting.skips_closed_days
    ):
        raise reader.doc.error(
            f"{what}: counting {counting.value!r} does not move a due date", *where, "move"
        )
    needs_calendar = move == "next_open_day" or counting.skips_closed_days
    calendar = _rule_calendar(reader, raw, calendars, what, where, required=needs_calendar)
    move_citation = reader.text(raw, "move_citation", what, *where)
    if needs_calendar and not move_citation:
        raise reader.doc.error(
            f"{what}: move_citation must name the law that moves or skips days", *where
        )
    return ClockRule(
        rule_id=rule_id,
        version=version,
        effective_from=effective_from,
        jurisdiction=reader.choice(raw, "jurisdiction", Jurisdiction, what, *where),
        title=reader.required_text(raw, "title", what, *where),
        regulator=reader.required_text(raw, "regulator", what, *where),
        citation=citation,
        scope=reader.choice(raw, "scope", ProductScope, what, *where),
        counting=counting,
        period=period,
        time_zone=_time_zone(reader, raw, what, where),
        calendar=calendar,
        move_to_open_day=move == "next_open_day",
        move_citation=move_citation,
        condition=reader.text(raw, "condition", what, *where),
        notes=reader.text(raw, "notes", what, *where),
        verify=verify,
        verify_note=reader.text(raw, "verify_note", what, *where),
    )


def _period(
    reader: RuleReader, raw: dict[str, Any], counting: CountingMethod, what: str, where: KeyPath
) -> int:
    value = raw.get("period")
    if counting is CountingMethod.IMMEDIATE:
        if value is not None:
            raise reader.doc.error(f"{what}: an immediate rule has no period", *where, "period")
        return 0
    match = _DURATION.match(value) if isinstance(value, str) else None
    if match is None or match.group(2) not in _UNITS:
        raise reader.doc.error(
            f"{what}: invalid duration {value!r}; write a whole number and a unit, such as "
            '"10 days" or "24 hours"',
            *where,
            "period",
        )
    amount = int(match.group(1))
    if amount <= 0:
        raise reader.doc.error(f"{what}: the duration {value!r} must be positive", *where, "period")
    if _UNITS[match.group(2)] != counting.unit:
        raise reader.doc.error(
            f"{what}: counting {counting.value!r} needs a period in {counting.unit}, not {value!r}",
            *where,
            "period",
        )
    return amount


def _rule_calendar(
    reader: RuleReader,
    raw: dict[str, Any],
    calendars: Mapping[str, HolidayCalendar],
    what: str,
    where: KeyPath,
    *,
    required: bool,
) -> HolidayCalendar | None:
    name = raw.get("calendar")
    if name is None:
        if required:
            raise reader.doc.error(f"{what}: this counting or move needs a calendar", *where)
        return None
    if name not in calendars:
        known = ", ".join(calendars) or "none"
        raise reader.doc.error(
            f"{what}: unknown calendar {name!r} (known: {known})", *where, "calendar"
        )
    return calendars[name]


def _time_zone(reader: RuleReader, raw: dict[str, Any], what: str, where: KeyPath) -> str:
    name = reader.required_text(raw, "time_zone", what, *where)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise reader.doc.error(f"{what}: unknown time zone {name!r}", *where, "time_zone") from None
    return name
