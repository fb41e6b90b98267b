"""Properties every reporting deadline keeps, for any moment, zone, holiday or DST change."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from qa_desktop.domain.clocks import (
    ClockRule,
    CountingMethod,
    DeadlineKind,
    HolidayCalendar,
    compute_deadline,
)
from qa_desktop.domain.deadlines import start_of_day
from qa_desktop.workflow.rules import load_clock_rules

BOOK = load_clock_rules()
DATED_RULES = [rule for rule in BOOK.rules if rule.counting is not CountingMethod.IMMEDIATE]
JAPAN = BOOK.rule("JP-CPSA-35")

# Moments close to the awkward days: year-end closure, Golden Week, Thanksgiving, Labor
# Day, and the DST changes of New York, Sydney and Toronto.
ANCHORS = [
    datetime(2026, 12, 28, 12, tzinfo=UTC),
    datetime(2027, 4, 28, 12, tzinfo=UTC),
    datetime(2026, 11, 25, 12, tzinfo=UTC),
    datetime(2026, 9, 4, 12, tzinfo=UTC),
    datetime(2026, 3, 7, 12, tzinfo=UTC),
    datetime(2026, 11, 1, 6, tzinfo=UTC),
    datetime(2026, 10, 3, 14, tzinfo=UTC),
    datetime(2027, 4, 3, 14, tzinfo=UTC),
]

anywhere = st.datetimes(
    min_value=datetime(2000, 1, 1),
    max_value=datetime(2090, 12, 31),
    timezones=st.timezones(),
    allow_imaginary=False,
)
near_awkward_days = st.builds(
    lambda anchor, minutes, zone: (anchor + timedelta(minutes=minutes)).astimezone(zone),
    st.sampled_from(ANCHORS),
    st.integers(min_value=-5 * 24 * 60, max_value=5 * 24 * 60),
    st.timezones(),
)
first_known = st.one_of(anywhere, near_awkward_days)
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


def _due(rule: ClockRule, known: datetime) -> tuple[datetime, date]:
    deadline = compute_deadline(rule, known)
    assert deadline.due_at is not None
    assert deadline.due_date is not None
    return deadline.due_at, deadline.due_date


@PROPERTY_SETTINGS
@given(st.sampled_from(DATED_RULES), first_known)
def test_legal_due_is_never_before_the_calendar_due(rule: ClockRule, known: datetime) -> None:
    deadline = compute_deadline(rule, known)

    assert deadline.kind is DeadlineKind.DATED
    assert deadline.due_at is not None
    assert deadline.calendar_due_at is not None
    assert deadline.calendar_due_date is not None
    zone = ZoneInfo(rule.time_zone)
    assert deadline.due_at >= start_of_day(deadline.calendar_due_date, zone)
    assert deadline.due_at >= deadline.calendar_due_at
    assert deadline.due_at > known


@PROPERTY_SETTINGS
@given(
    st.sampled_from([r for r in DATED_RULES if r.move_to_open_day or r.counting.skips_closed_days]),
    first_known,
)
def test_a_moving_rule_never_ends_on_a_closed_day(rule: ClockRule, known: datetime) -> None:
    due_at, due_date = _due(rule, known)

    assert rule.calendar is not None
    assert due_at.astimezone(ZoneInfo(rule.time_zone)).date() == due_date
    assert not rule.calendar.is_closed(due_date), rule.calendar.closure_reason(due_date)


@PROPERTY_SETTINGS
@given(
    st.sampled_from(list(BOOK.calendars.values())),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)),
)
def test_moving_to_the_next_open_day_is_idempotent(calendar: HolidayCalendar, day: date) -> None:
    once, _ = calendar.next_open_day(day)
    twice, passed_again = calendar.next_open_day(once)

    assert once >= day
    assert twice == once
    assert passed_again == ()


@PROPERTY_SETTINGS
@given(first_known)
def test_japan_calendar_due_is_nine_days_after_the_day_of_knowledge(known: datetime) -> None:
    deadline = compute_deadline(JAPAN, known)

    day_known = known.astimezone(ZoneInfo("Asia/Tokyo")).date()
    assert deadline.known_on == day_known
    assert deadline.calendar_due_date == day_known + timedelta(days=9)


@PROPERTY_SETTINGS
@given(st.sampled_from(BOOK.rules), first_known, st.integers(min_value=0, max_value=10 * 24 * 60))
def test_a_later_first_known_time_never_gives_an_earlier_due(
    rule: ClockRule, known: datetime, later_by_minutes: int
) -> None:
    later = known + timedelta(minutes=later_by_minutes)
    early_deadline = compute_deadline(rule, known)
    late_deadline = compute_deadline(rule, later)

    assert early_deadline.due_at is not None
    assert late_deadline.due_at is not None
    assert early_deadline.due_date is not None
    assert late_deadline.due_date is not None
    assert late_deadline.due_at >= early_deadline.due_at
    assert late_deadline.due_date >= early_deadline.due_date
