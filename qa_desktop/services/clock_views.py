"""Reading stored reporting clocks at a moment: status, time left, the views callers get.

A page of the deadlines view can hold a thousand clocks and the command line streams a
hundred thousand, so a clock is read from its stored columns (kind, due instant, calendar due
instant) without rebuilding its rule; the reading agrees with
:func:`qa_desktop.domain.clocks.read_clock`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta
from functools import lru_cache, partial
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qa_desktop.domain.clocks import ClockStatus, DeadlineKind
from qa_desktop.persistence.clock_store import ClockState, incident_clocks
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.response_models import RegulatorFiling, ReportingClock
from qa_desktop.services.response_results import (
    ClockView,
    DeadlineRow,
    FilingView,
    IncidentClocks,
)

_ZERO = timedelta(0)
#: How many distinct due instants of a listing keep their reading (rows come by due instant).
_RECENT_READINGS = 1_024


def format_time_left(delta: timedelta) -> str:
    """A duration as people read a deadline: ``3 d 04 h``, ``5 h 07 min``, ``12 min``."""
    minutes = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours:02d} h"
    if hours:
        return f"{hours} h {minutes:02d} min"
    return f"{minutes} min"


def reading(
    kind: str, due_at: datetime | None, calendar_due_at: datetime | None, now: datetime
) -> tuple[ClockStatus, timedelta | None, bool]:
    """A running clock's status, time left and "past the calendar date" warning at *now*.

    The same reading as :func:`qa_desktop.domain.clocks.read_clock`, taken from the stored
    columns so a page of a hundred thousand clocks needs no rule objects.
    """
    if kind == DeadlineKind.CANNOT_START or due_at is None:
        return ClockStatus.CANNOT_START, None, False
    if kind == DeadlineKind.IMMEDIATE:
        return ClockStatus.DUE_IMMEDIATELY, None, True
    left = due_at - now
    warn = calendar_due_at is not None and now > calendar_due_at
    return (ClockStatus.OVERDUE if left < _ZERO else ClockStatus.RUNNING), left, warn


def deadline_rows(rows: Iterable[Sequence[Any]], now: datetime) -> Iterator[DeadlineRow]:
    """Rows of :data:`clock_queries.DEADLINE_COLUMNS` as the deadlines view shows them at *now*.

    The rows come by due instant and many clocks share one, so each (kind, due instant,
    calendar due instant) is read once.
    """
    read = lru_cache(maxsize=_RECENT_READINGS)(partial(reading, now=now))
    for row in rows:
        (
            clock_id,
            due_at,
            calendar_due_at,
            kind,
            jurisdiction,
            rule_id,
            rule_version,
            title,
            citation,
            time_zone,
            verify,
            moved_by,
            reference,
            incident_title,
            product_name,
            business_unit,
        ) = row
        status, left, warn = read(kind, due_at, calendar_due_at)
        yield DeadlineRow(
            clock_id=clock_id,
            reference=reference,
            incident_title=incident_title,
            product_name=product_name,
            business_unit=business_unit,
            jurisdiction=jurisdiction,
            rule_id=rule_id,
            rule_version=rule_version,
            title=title,
            citation=citation,
            time_zone=time_zone,
            status=status,
            due_at=due_at,
            calendar_due_at=calendar_due_at,
            time_left=left,
            past_calendar_due=warn,
            moved=bool(moved_by),
            verify=verify,
        )


def filing_view(row: RegulatorFiling) -> FilingView:
    """A filing's facts."""
    return FilingView(
        row.id,
        row.filed_at,
        row.filed_by,
        row.regulator_reference,
        row.document_name,
        row.document_size,
        row.document_sha256,
        row.recorded_at,
        row.recorded_by,
    )


def clock_view(
    clock: ReportingClock,
    filing: RegulatorFiling | None,
    qa_aware_at: datetime | None,
    now: datetime,
) -> ClockView:
    """One clock of an incident as its page shows it."""
    running = clock.state == ClockState.RUNNING
    status, left, warn = reading(clock.kind, clock.due_at, clock.calendar_due_at, now)
    share = None
    if clock.kind == DeadlineKind.DATED and clock.due_at and clock.first_known_at and qa_aware_at:
        window = (clock.due_at - clock.first_known_at).total_seconds()
        if window > 0:
            share = (qa_aware_at - clock.first_known_at).total_seconds() / window
    late = None
    if filing is not None and clock.due_at is not None and clock.kind == DeadlineKind.DATED:
        late = filing.filed_at - clock.due_at if filing.filed_at > clock.due_at else None
    return ClockView(
        id=clock.id,
        rule_id=clock.rule_id,
        rule_version=clock.rule_version,
        jurisdiction=clock.jurisdiction,
        title=clock.title,
        regulator=clock.regulator,
        citation=clock.citation,
        time_zone=clock.time_zone,
        state=clock.state,
        status=status if running else None,
        kind=clock.kind,
        first_known_at=clock.first_known_at,
        due_at=clock.due_at,
        calendar_due_at=clock.calendar_due_at,
        moved_by=clock.moved_by,
        move_reason=clock.move_reason,
        verify=clock.verify,
        time_left=left if running else None,
        past_calendar_due=warn if running else False,
        share_of_window_before_qa=share,
        started_at=clock.started_at,
        started_by=clock.started_by,
        stopped_at=clock.stopped_at,
        stopped_by=clock.stopped_by,
        stop_kind=clock.stop_kind,
        stop_reason=clock.stop_reason,
        decision_id=clock.decision_id,
        filing=filing_view(filing) if filing is not None else None,
        filed_late=late,
    )


def incident_clock_views(
    session: Session, incident: Incident, now: datetime
) -> tuple[ClockView, ...]:
    """Every clock of *incident*, most urgent running clock first, then stopped ones."""
    clocks = incident_clocks(session, incident.id)
    filings = {
        f.clock_id: f
        for f in session.scalars(
            select(RegulatorFiling).where(RegulatorFiling.incident_id == incident.id)
        )
    }
    views = [clock_view(c, filings.get(c.id), incident.qa_aware_at, now) for c in clocks]
    return tuple(sorted(views, key=_urgency))


def _urgency(view: ClockView) -> tuple[int, datetime | None, int]:
    if view.state != ClockState.RUNNING:
        return (2, None, view.id)
    if view.due_at is None:
        return (0, None, view.id)
    return (1, view.due_at, view.id)


def incident_clocks_view(session: Session, incident: Incident, now: datetime) -> IncidentClocks:
    """Every clock of *incident* with the delay between first known and QA aware."""
    gap = None
    if incident.qa_aware_at is not None and incident.first_known_at is not None:
        gap = incident.qa_aware_at - incident.first_known_at
    return IncidentClocks(
        incident.reference,
        incident.first_known_at,
        incident.qa_aware_at,
        gap,
        incident_clock_views(session, incident, now),
    )
