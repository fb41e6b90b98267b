"""Reporting deadlines computed from the shipped rules: the worked examples and more."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qa_desktop.domain.clocks import (
    CANNOT_START,
    ClockStatus,
    DeadlineKind,
    Jurisdiction,
    ProductScope,
    ReportingDeadline,
    awareness_delay,
    compute_deadline,
    compute_deadlines,
    is_overdue,
    read_clock,
    rules_for,
    time_left,
)
from qa_desktop.domain.incident import IncidentDraft, IncidentSource
from qa_desktop.workflow.rules import ClockRuleBook, load_clock_rules

TOKYO = ZoneInfo("Asia/Tokyo")
NEW_YORK = ZoneInfo("America/New_York")
SYDNEY = ZoneInfo("Australia/Sydney")
TORONTO = ZoneInfo("America/Toronto")


@pytest.fixture(scope="module")
def book() -> ClockRuleBook:
    return load_clock_rules()


def run(book: ClockRuleBook, rule_id: str, first_known_at: datetime | None) -> ReportingDeadline:
    return compute_deadline(book.rule(rule_id), first_known_at)


def local_end(day: date, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, 23, 59, 59, 999_000, tzinfo=zone)


# ---------------------------------------------------------------- worked examples


def test_japan_tenth_day_on_saturday_is_legally_due_monday(book: ClockRuleBook) -> None:
    deadline = run(book, "JP-CPSA-35", datetime(2026, 9, 3, 15, 0, tzinfo=TOKYO))

    assert deadline.calendar_due_date == date(2026, 9, 12)
    assert deadline.due_date == date(2026, 9, 14)
    assert deadline.due_at == local_end(date(2026, 9, 14), TOKYO)
    assert deadline.due_at.tzinfo == UTC
    assert deadline.calendar_due_at == local_end(date(2026, 9, 12), TOKYO)
    assert deadline.time_zone == "Asia/Tokyo"
    assert deadline.moved_by == "Act on Holidays of Administrative Organs art. 2"
    assert deadline.move_reason.startswith("Saturday 2026-09-12 is an agency holiday")
    assert "moved to Monday 2026-09-14 (Act on Holidays of Administrative Organs art. 2)" in (
        deadline.move_reason
    )
    assert (deadline.rule_id, deadline.rule_version) == ("JP-CPSA-35", 1)
    assert deadline.verify


def test_australia_aware_thursday_is_due_monday(book: ClockRuleBook) -> None:
    deadline = run(book, "AU-ACL-131", datetime(2026, 9, 3, 11, 0, tzinfo=SYDNEY))

    assert deadline.calendar_due_date == date(2026, 9, 5)
    assert deadline.due_date == date(2026, 9, 7)
    assert deadline.due_date.strftime("%A") == "Monday"
    assert "Saturday 2026-09-05 is not a business day" in deadline.move_reason


def test_australia_aware_sunday_is_due_tuesday(book: ClockRuleBook) -> None:
    deadline = run(book, "AU-ACL-131", datetime(2026, 9, 6, 11, 0, tzinfo=SYDNEY))

    assert deadline.due_date == date(2026, 9, 8)
    assert not deadline.moved


def test_canada_information_due_saturday_and_report_moved_from_sunday(
    book: ClockRuleBook,
) -> None:
    known = datetime(2026, 9, 3, 9, 0, tzinfo=TORONTO)
    information = run(book, "CA-CCPSA-14-INFO", known)
    report = run(book, "CA-CCPSA-14-REPORT", known)

    # Saturday is not a holiday under the Interpretation Act: the 2-day clock stays put.
    assert information.due_date == date(2026, 9, 5)
    assert not information.moved
    assert report.calendar_due_date == date(2026, 9, 13)
    assert report.due_date == date(2026, 9, 14)
    assert "Sunday 2026-09-13 is a holiday under the Interpretation Act" in report.move_reason
    assert "s26" in report.moved_by


# ---------------------------------------------------------------- holidays


def test_japan_golden_week_moves_past_the_substitute_holiday(book: ClockRuleBook) -> None:
    deadline = run(book, "JP-CPSA-35", datetime(2026, 4, 26, 10, 0, tzinfo=TOKYO))

    assert deadline.calendar_due_date == date(2026, 5, 5)
    assert deadline.due_date == date(2026, 5, 7)
    assert "Children's Day" in deadline.move_reason
    assert "Substitute Holiday" in deadline.move_reason


def test_japan_year_end_closure_is_an_agency_holiday(book: ClockRuleBook) -> None:
    # 29 December is no national holiday; only the administrative organs' closure moves it.
    deadline = run(book, "JP-CPSA-35", datetime(2026, 12, 20, 10, 0, tzinfo=TOKYO))

    assert deadline.calendar_due_date == date(2026, 12, 29)
    assert deadline.due_date == date(2027, 1, 4)
    assert "year-end and New Year closure" in deadline.move_reason


def test_us_24_hours_leave_out_thanksgiving(book: ClockRuleBook) -> None:
    deadline = run(book, "US-CPSA-15B-24H", datetime(2026, 11, 25, 14, 0, tzinfo=NEW_YORK))

    assert deadline.calendar_due_at == datetime(2026, 11, 26, 14, 0, tzinfo=NEW_YORK)
    assert deadline.due_at == datetime(2026, 11, 27, 14, 0, tzinfo=NEW_YORK)
    assert [closed.day for closed in deadline.passed_over] == [date(2026, 11, 26)]
    assert "Thanksgiving" in deadline.move_reason


def test_us_24_hours_from_a_saturday_run_through_the_next_working_day(
    book: ClockRuleBook,
) -> None:
    # Saturday, Sunday and Labor Day are left out; Tuesday is the whole counted day.
    deadline = run(book, "US-CPSA-15B-24H", datetime(2026, 9, 5, 10, 0, tzinfo=NEW_YORK))

    assert deadline.due_at == local_end(date(2026, 9, 8), NEW_YORK)
    assert "Labor Day" in deadline.move_reason


def test_us_24_hours_ending_at_midnight_end_with_the_day_before(book: ClockRuleBook) -> None:
    deadline = run(book, "US-CPSA-15B-24H", datetime(2026, 9, 4, 0, 0, tzinfo=NEW_YORK))

    # Friday 00:00 + 24 h is the end of Friday, not the Saturday that follows it.
    assert deadline.due_at == local_end(date(2026, 9, 4), NEW_YORK)
    assert deadline.due_date == date(2026, 9, 4)
    assert not deadline.moved


def test_fda_five_work_days_skip_thanksgiving_and_the_weekend(book: ClockRuleBook) -> None:
    deadline = run(book, "US-FDA-803-5WD", datetime(2026, 11, 23, 9, 0, tzinfo=NEW_YORK))

    assert deadline.calendar_due_date == date(2026, 11, 28)
    assert deadline.due_date == date(2026, 12, 1)


def test_fda_thirty_calendar_days_do_not_move(book: ClockRuleBook) -> None:
    deadline = run(book, "US-FDA-803-30D", datetime(2026, 9, 3, 9, 0, tzinfo=NEW_YORK))

    assert deadline.due_date == date(2026, 10, 3)  # a Saturday, and that is the date
    assert not deadline.moved


# ---------------------------------------------------------------- time zones and DST


def test_days_are_counted_in_tokyo_not_in_utc(book: ClockRuleBook) -> None:
    # Both instants fall on 2 September in UTC; for Japanese law they are a day apart.
    late_evening = run(book, "JP-CPSA-35", datetime(2026, 9, 2, 14, 30, tzinfo=UTC))
    after_midnight = run(book, "JP-CPSA-35", datetime(2026, 9, 2, 15, 30, tzinfo=UTC))

    assert late_evening.known_on == date(2026, 9, 2)
    assert late_evening.due_date == date(2026, 9, 11)
    assert after_midnight.known_on == date(2026, 9, 3)
    assert after_midnight.due_date == date(2026, 9, 14)


def test_new_york_spring_forward_counts_real_hours(book: ClockRuleBook) -> None:
    # 12 hours on Friday (EST), the weekend with the change skipped, 12 on Monday (EDT).
    deadline = run(book, "US-CPSA-15B-24H", datetime(2026, 3, 6, 12, 0, tzinfo=NEW_YORK))

    assert deadline.due_at == datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    assert deadline.due_at == datetime(2026, 3, 9, 12, 0, tzinfo=NEW_YORK)


def test_new_york_fall_back_counts_real_hours(book: ClockRuleBook) -> None:
    deadline = run(book, "US-CPSA-15B-24H", datetime(2026, 10, 30, 12, 0, tzinfo=NEW_YORK))

    assert deadline.due_at == datetime(2026, 11, 2, 17, 0, tzinfo=UTC)


def test_sydney_due_date_ends_in_daylight_saving_time(book: ClockRuleBook) -> None:
    # Known on the Saturday before clocks go forward (Sunday 2026-10-04); the due day ends
    # at 23:59:59.999 AEDT (UTC+11), not AEST. Monday 5 October is Labour Day in NSW and
    # the ACT only, which the national calendar does not count.
    deadline = run(book, "AU-ACL-131", datetime(2026, 10, 3, 23, 30, tzinfo=SYDNEY))

    assert deadline.due_date == date(2026, 10, 5)
    assert deadline.due_at == datetime(2026, 10, 5, 12, 59, 59, 999_000, tzinfo=UTC)


# ---------------------------------------------------------------- states and readings


def test_missing_first_known_time_is_a_state_not_an_error(book: ClockRuleBook) -> None:
    deadlines = compute_deadlines(book.rules, None)
    now = datetime(2026, 9, 3, tzinfo=UTC)

    assert len(deadlines) == len(book.rules)
    for deadline in deadlines:
        assert deadline.kind is DeadlineKind.CANNOT_START
        assert deadline.problem == CANNOT_START
        assert deadline.due_at is None
        assert read_clock(deadline, now).status is ClockStatus.CANNOT_START
        assert time_left(deadline, now) is None
        assert "first known time is missing" in deadline.summary


def test_naive_first_known_time_is_refused(book: ClockRuleBook) -> None:
    with pytest.raises(ValueError, match="time zone"):
        run(book, "JP-CPSA-35", datetime(2026, 9, 3, 10, 0))


@pytest.mark.parametrize("rule_id", ["EU-GPSR-20", "GB-GPSR-9"])
def test_without_undue_delay_is_due_immediately_and_stays_so(
    book: ClockRuleBook, rule_id: str
) -> None:
    known = datetime(2026, 9, 3, 10, 0, tzinfo=UTC)
    deadline = run(book, rule_id, known)
    a_week_later = known + timedelta(days=7)

    assert deadline.due_immediately
    assert deadline.due_at == known
    assert read_clock(deadline, a_week_later).status is ClockStatus.DUE_IMMEDIATELY
    assert not is_overdue(deadline, a_week_later)
    assert "due immediately" in deadline.summary


def test_time_left_warning_and_overdue(book: ClockRuleBook) -> None:
    deadline = run(book, "JP-CPSA-35", datetime(2026, 9, 3, 15, 0, tzinfo=TOKYO))

    before_tenth_day_ends = datetime(2026, 9, 12, 12, 0, tzinfo=TOKYO)
    reading = read_clock(deadline, before_tenth_day_ends)
    assert reading.status is ClockStatus.RUNNING
    assert not reading.past_calendar_due

    sunday = datetime(2026, 9, 13, 12, 0, tzinfo=TOKYO)
    reading = read_clock(deadline, sunday)
    assert reading.status is ClockStatus.RUNNING
    assert reading.past_calendar_due  # warn: only the holiday move is left
    assert reading.time_left == timedelta(days=1, hours=11, minutes=59, seconds=59.999)

    just_after = datetime(2026, 9, 15, 0, 0, tzinfo=TOKYO)
    assert is_overdue(deadline, just_after)
    reading = read_clock(deadline, just_after)
    assert reading.status is ClockStatus.OVERDUE
    assert reading.time_left is not None
    assert reading.time_left < timedelta(0)
    assert not is_overdue(deadline, datetime(2026, 9, 14, 23, 59, 59, tzinfo=TOKYO))


def test_awareness_delay_shows_the_window_lost_before_qa_knew(book: ClockRuleBook) -> None:
    known = datetime(2026, 9, 3, 9, 0, tzinfo=TOKYO)
    draft = IncidentDraft(
        title="Heater cord overheats",
        product_name="Oil heater OH-12",
        source=IncidentSource.CALL_CENTRE,
        country="JP",
        occurred_at=None,
        first_known_at=known,
        qa_aware_at=known + timedelta(hours=48),
    )
    deadline = run(book, "JP-CPSA-35", known)
    delay = awareness_delay(draft, deadline)

    assert delay is not None
    assert delay.hours == 48
    assert deadline.due_at is not None
    window_hours = (deadline.due_at - known).total_seconds() / 3600
    assert delay.share_of_window == pytest.approx(48 / window_hours)
    assert awareness_delay(draft.with_changes(qa_aware_at=None), deadline) is None


def test_a_rule_applies_only_to_clocks_started_after_it_takes_effect(
    book: ClockRuleBook,
) -> None:
    before_gpsr = datetime(2024, 12, 12, 12, 0, tzinfo=UTC)
    after_gpsr = datetime(2024, 12, 13, 12, 0, tzinfo=UTC)

    assert rules_for(book.rules, Jurisdiction.EU, ProductScope.CONSUMER_PRODUCT, before_gpsr) == ()
    assert [
        r.rule_id
        for r in rules_for(book.rules, Jurisdiction.EU, ProductScope.CONSUMER_PRODUCT, after_gpsr)
    ] == ["EU-GPSR-20"]
