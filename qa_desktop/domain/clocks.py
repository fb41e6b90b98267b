"""Regulator reporting clocks: the one place callers import deadline rules and arithmetic from.

The rule shapes live in :mod:`~qa_desktop.domain.clock_rules`, the calendars in
:mod:`~qa_desktop.domain.calendars` and the arithmetic in :mod:`~qa_desktop.domain.deadlines`;
this module adds what a running clock shows: time left, overdue, and how much of the window
was lost before QA heard of the incident.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from qa_desktop.domain.calendars import ClosedDay, ClosedPeriod, HolidayCalendar
from qa_desktop.domain.clock_rules import (
    EU_MEMBER_STATES,
    ClockRule,
    CountingMethod,
    Jurisdiction,
    ProductScope,
    jurisdiction_of_market,
    rules_for,
)
from qa_desktop.domain.deadlines import (
    CANNOT_START,
    DeadlineKind,
    ReportingDeadline,
    compute_deadline,
    end_of_day,
)
from qa_desktop.domain.incident import IncidentDraft, awareness_gap_hours

__all__ = [
    "CANNOT_START",
    "EU_MEMBER_STATES",
    "AwarenessDelay",
    "ClockReading",
    "ClockRule",
    "ClockStatus",
    "ClosedDay",
    "ClosedPeriod",
    "CountingMethod",
    "DeadlineKind",
    "HolidayCalendar",
    "Jurisdiction",
    "ProductScope",
    "ReportingDeadline",
    "awareness_delay",
    "compute_deadline",
    "compute_deadlines",
    "end_of_day",
    "is_overdue",
    "jurisdiction_of_market",
    "read_clock",
    "rules_for",
    "time_left",
]


class ClockStatus(StrEnum):
    """What a clock shows at a given moment."""

    CANNOT_START = "cannot_start"
    RUNNING = "running"
    DUE_IMMEDIATELY = "due_immediately"
    OVERDUE = "overdue"


@dataclass(frozen=True, slots=True)
class ClockReading:
    """A clock read at ``now``.

    ``time_left`` is negative once overdue and ``None`` when there is no due instant to
    count to. ``past_calendar_due`` turns on once the plain count has run out although a
    holiday move still leaves legal time: the moment to warn.
    """

    status: ClockStatus
    time_left: timedelta | None
    past_calendar_due: bool


def compute_deadlines(
    rules: Iterable[ClockRule], first_known_at: datetime | None
) -> tuple[ReportingDeadline, ...]:
    """One deadline per rule, all started from the same *first_known_at*."""
    return tuple(compute_deadline(rule, first_known_at) for rule in rules)


def time_left(deadline: ReportingDeadline, now: datetime) -> timedelta | None:
    """Time until the legal due instant (negative when overdue); ``None`` if none applies.

    An immediate duty has no instant to count to, so it has no time left either way.
    """
    _require_aware(now)
    if deadline.kind is not DeadlineKind.DATED or deadline.due_at is None:
        return None
    return deadline.due_at - now


def is_overdue(deadline: ReportingDeadline, now: datetime) -> bool:
    """True once *now* is after the legal due instant of a dated clock."""
    left = time_left(deadline, now)
    return left is not None and left < timedelta(0)


def read_clock(deadline: ReportingDeadline, now: datetime) -> ClockReading:
    """The status, time left and early warning of *deadline* at *now* (an aware datetime).

    An immediate duty ("without undue delay", "forthwith") reads as due immediately for as
    long as it runs: the law gives no instant after which it becomes late, so it stays the
    most urgent kind of clock instead of turning overdue.
    """
    _require_aware(now)
    if deadline.kind is DeadlineKind.CANNOT_START:
        return ClockReading(ClockStatus.CANNOT_START, None, past_calendar_due=False)
    if deadline.kind is DeadlineKind.IMMEDIATE:
        return ClockReading(ClockStatus.DUE_IMMEDIATELY, None, past_calendar_due=True)
    left = time_left(deadline, now)
    assert left is not None
    assert deadline.calendar_due_at is not None
    status = ClockStatus.OVERDUE if left < timedelta(0) else ClockStatus.RUNNING
    return ClockReading(status, left, past_calendar_due=now > deadline.calendar_due_at)


@dataclass(frozen=True, slots=True)
class AwarenessDelay:
    """How long QA heard of an incident after the company first knew of it.

    ``share_of_window`` is the part of the reporting window (first known to legal due)
    already used when QA learned of it; ``None`` for clocks without a due instant.
    """

    hours: float
    share_of_window: float | None


def awareness_delay(draft: IncidentDraft, deadline: ReportingDeadline) -> AwarenessDelay | None:
    """The internal delay between ``first_known_at`` and ``qa_aware_at``, or ``None`` if QA
    has not been told yet."""
    hours = awareness_gap_hours(draft)
    if hours is None:
        return None
    share: float | None = None
    if deadline.kind is DeadlineKind.DATED and deadline.due_at and deadline.first_known_at:
        window = (deadline.due_at - deadline.first_known_at).total_seconds()
        if window > 0:
            share = hours * 3600 / window
    return AwarenessDelay(hours, share)


def _require_aware(now: datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must carry a time zone.")
