"""Deadline arithmetic: from the first moment the company knew to the legal due instant.

Days are counted in the regulator's time zone (named by the rule), never in the user's or
in UTC: an awareness at 00:30 in Tokyo is a day later for Japanese law than one at 23:30,
although both fall on the same UTC date. A due *date* ends at 23:59:59.999 local time.

Two dates are kept: the calendar due date (the plain count) and the legal due date (after a
due day on a holiday moved, or closed days were left out of the count). Users are warned
from the calendar date and held to the legal one, so a doubtful move never causes a miss.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from qa_desktop.domain.calendars import ClosedDay, HolidayCalendar, weekday_name
from qa_desktop.domain.clock_rules import ClockRule, CountingMethod, Jurisdiction

#: What a clock says when it has nothing to start from.
CANNOT_START = "Cannot start: the first known time is missing."

_END_OF_DAY = time(23, 59, 59, 999_000)
_LAST_INSTANT = timedelta(milliseconds=1)
# Longest stretch of closed days a working-hours count walks through before giving up.
_MAX_CLOSED_RUN = 60


class DeadlineKind(StrEnum):
    """Whether a clock has a due instant, is due at once, or cannot start."""

    DATED = "dated"
    IMMEDIATE = "immediate"
    CANNOT_START = "cannot_start"


@dataclass(frozen=True, slots=True)
class ReportingDeadline:
    """The result of running one rule from one ``first_known_at``.

    Instants are UTC; dates are local to ``time_zone``. ``moved_by`` names the law that moved
    the due date (or left days out of the count) and ``move_reason`` says which days and why;
    both are empty when nothing moved. ``rule_id`` and ``rule_version`` identify the exact rule
    used, so a running clock keeps the rule it started with.
    """

    rule_id: str
    rule_version: int
    jurisdiction: Jurisdiction
    title: str
    citation: str
    time_zone: str
    kind: DeadlineKind
    first_known_at: datetime | None = None
    known_on: date | None = None
    calendar_due_date: date | None = None
    calendar_due_at: datetime | None = None
    due_date: date | None = None
    due_at: datetime | None = None
    moved_by: str = ""
    move_reason: str = ""
    passed_over: tuple[ClosedDay, ...] = ()
    verify: bool = False
    problem: str = ""

    @property
    def due_immediately(self) -> bool:
        """True for "without undue delay" and "forthwith" duties."""
        return self.kind is DeadlineKind.IMMEDIATE

    @property
    def can_start(self) -> bool:
        """False when the first known time is missing."""
        return self.kind is not DeadlineKind.CANNOT_START

    @property
    def moved(self) -> bool:
        """True when the legal due instant is later than the plain count gives."""
        return bool(self.moved_by)

    @property
    def summary(self) -> str:
        """One plain sentence for lists and logs."""
        if self.kind is DeadlineKind.CANNOT_START:
            return f"{self.title}: {self.problem}"
        assert self.due_at is not None
        if self.kind is DeadlineKind.IMMEDIATE:
            return f"{self.title}: due immediately ({self.citation})."
        local = self.due_at.astimezone(ZoneInfo(self.time_zone))
        text = (
            f"{self.title}: due {weekday_name(local.date())} {local:%Y-%m-%d %H:%M} "
            f"{self.time_zone} ({self.citation})."
        )
        return f"{text} {self.move_reason}" if self.move_reason else text


def compute_deadline(rule: ClockRule, first_known_at: datetime | None) -> ReportingDeadline:
    """Run *rule* from *first_known_at* (an aware datetime); a missing time cannot start.

    Raises :class:`ValueError` for a naive datetime: guessing its zone could shift a day.
    """
    if first_known_at is None:
        return _deadline(rule, DeadlineKind.CANNOT_START, problem=CANNOT_START)
    if first_known_at.tzinfo is None or first_known_at.utcoffset() is None:
        raise ValueError("first_known_at must carry a time zone.")
    zone = ZoneInfo(rule.time_zone)
    known_at = first_known_at.astimezone(UTC)
    if rule.counting is CountingMethod.IMMEDIATE:
        return _deadline(
            rule,
            DeadlineKind.IMMEDIATE,
            known_at=known_at,
            zone=zone,
            calendar_due_at=known_at,
            due_at=known_at,
        )
    if rule.counting is CountingMethod.WORKING_HOURS:
        return _working_hours(rule, _calendar_of(rule), zone, known_at)
    known_on = known_at.astimezone(zone).date()
    if rule.counting is CountingMethod.CALENDAR_DAYS_INCLUDING_DAY_KNOWN:
        calendar_due = known_on + timedelta(days=rule.period - 1)
    else:
        calendar_due = known_on + timedelta(days=rule.period)
    due = calendar_due
    passed: tuple[ClosedDay, ...] = ()
    reason = ""
    if rule.counting is CountingMethod.WORKING_DAYS_AFTER_DAY_KNOWN:
        due, passed = _calendar_of(rule).add_open_days(known_on, rule.period)
        reason = _skip_reason(passed, due)
    elif rule.move_to_open_day:
        calendar = _calendar_of(rule)
        due, passed = calendar.next_open_day(calendar_due)
        reason = _move_reason(calendar, passed, due, rule.move_citation)
    return _deadline(
        rule,
        DeadlineKind.DATED,
        known_at=known_at,
        zone=zone,
        calendar_due_at=end_of_day(calendar_due, zone),
        due_at=end_of_day(due, zone),
        passed_over=passed,
        move_reason=reason,
    )


def end_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The last instant (23:59:59.999 local) of *day* in *zone*, as UTC."""
    return datetime.combine(day, _END_OF_DAY, tzinfo=zone).astimezone(UTC)


def start_of_day(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of *day* in *zone*, as UTC."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def _working_hours(
    rule: ClockRule, calendar: HolidayCalendar, zone: ZoneInfo, known_at: datetime
) -> ReportingDeadline:
    # Real elapsed time is counted (so a 23- or 25-hour DST day counts as it is), but the
    # whole of every closed day in the regulator's zone is left out.
    remaining = timedelta(hours=rule.period)
    cursor = known_at
    day = known_at.astimezone(zone).date()
    passed: list[ClosedDay] = []
    closed_run = 0
    while True:
        day_end = start_of_day(day + timedelta(days=1), zone)
        closed = calendar.closed_day(day)
        if closed is not None:
            passed.append(closed)
            closed_run += 1
            if closed_run > _MAX_CLOSED_RUN:
                raise ValueError(f"Calendar {calendar.calendar_id} has no open day to count.")
        elif remaining <= day_end - cursor:
            due_at = _end_of_span(cursor + remaining, zone)
            break
        else:
            remaining -= day_end - cursor
            closed_run = 0
        cursor = day_end
        day += timedelta(days=1)
    return _deadline(
        rule,
        DeadlineKind.DATED,
        known_at=known_at,
        zone=zone,
        calendar_due_at=_end_of_span(known_at + timedelta(hours=rule.period), zone),
        due_at=due_at,
        passed_over=tuple(passed),
        move_reason=_skip_reason(tuple(passed), due_at.astimezone(zone).date()),
    )


def _end_of_span(instant: datetime, zone: ZoneInfo) -> datetime:
    # A period ending exactly at local midnight ends with the day before it, not on the
    # next (possibly closed) day.
    if instant.astimezone(zone).time() == time(0):
        return instant - _LAST_INSTANT
    return instant


def _calendar_of(rule: ClockRule) -> HolidayCalendar:
    if rule.calendar is None:
        raise ValueError(f"Rule {rule.rule_id} counts working days but names no calendar.")
    return rule.calendar


def _move_reason(
    calendar: HolidayCalendar, passed: tuple[ClosedDay, ...], due: date, citation: str
) -> str:
    if not passed:
        return ""
    first, *others = passed
    text = f"{_closed_day_text(first)} is {calendar.closed_term}"
    if others:
        verb = "is" if len(others) == 1 else "are"
        text += f" (so {verb} " + ", ".join(_closed_day_text(o) for o in others) + ")"
    return f"{text}; moved to {weekday_name(due)} {due.isoformat()} ({citation})."


def _closed_day_text(closed: ClosedDay) -> str:
    # "Saturday" already says why a weekend day is closed.
    text = f"{weekday_name(closed.day)} {closed.day.isoformat()}"
    return text if closed.reason == "weekend" else f"{text} ({closed.reason})"


def _skip_reason(passed: tuple[ClosedDay, ...], due: date) -> str:
    if not passed:
        return ""
    days = ", ".join(skipped.describe() for skipped in passed)
    return f"Not counted: {days}; due {weekday_name(due)} {due.isoformat()}."


def _deadline(
    rule: ClockRule,
    kind: DeadlineKind,
    *,
    known_at: datetime | None = None,
    zone: ZoneInfo | None = None,
    calendar_due_at: datetime | None = None,
    due_at: datetime | None = None,
    passed_over: tuple[ClosedDay, ...] = (),
    move_reason: str = "",
    problem: str = "",
) -> ReportingDeadline:
    def local_day(instant: datetime | None) -> date | None:
        return instant.astimezone(zone).date() if instant and zone else None

    moved = due_at != calendar_due_at
    return ReportingDeadline(
        rule_id=rule.rule_id,
        rule_version=rule.version,
        jurisdiction=rule.jurisdiction,
        title=rule.title,
        citation=rule.citation,
        time_zone=rule.time_zone,
        kind=kind,
        first_known_at=known_at,
        known_on=local_day(known_at),
        calendar_due_date=local_day(calendar_due_at),
        calendar_due_at=calendar_due_at,
        due_date=local_day(due_at),
        due_at=due_at,
        moved_by=rule.move_citation if moved else "",
        move_reason=move_reason if moved else "",
        passed_over=passed_over if moved else (),
        verify=rule.verify,
        problem=problem,
    )
