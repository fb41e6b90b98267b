"""``qa-desktop clocks`` writes due times exactly as ``%Y-%m-%d %H:%M %Z`` would.

The listing formats each due instant field by field (a hundred thousand lines need it fast);
this keeps it character for character what ``strftime`` writes, in every zone and season.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from qa_desktop.cli.clocks import _stamp

ZONES: list[tzinfo | str] = [
    "Asia/Tokyo",
    "America/New_York",
    "America/Toronto",
    "Europe/Berlin",
    "Europe/London",
    "Australia/Sydney",
    "UTC",
    ZoneInfo("Europe/Berlin"),
    timezone(timedelta(hours=5, minutes=30), "IST"),
    timezone(timedelta(hours=-3)),
    UTC,
]
MOMENTS = st.datetimes(
    min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@settings(max_examples=300, deadline=None)
@given(MOMENTS, st.sampled_from(ZONES))
def test_a_due_time_reads_as_strftime_writes_it(moment: datetime, zone: tzinfo | str) -> None:
    local = moment.astimezone(ZoneInfo(zone) if isinstance(zone, str) else zone)

    assert _stamp(moment, zone) == f"{local:%Y-%m-%d %H:%M %Z}"


def test_the_hour_clocks_change_and_no_due_time() -> None:
    # Berlin leaves summer time at 03:00 CEST on 2026-10-25: 00:59 and 01:00 UTC.
    assert _stamp(datetime(2026, 10, 25, 0, 59, 59, tzinfo=UTC), "Europe/Berlin") == (
        "2026-10-25 02:59 CEST"
    )
    assert _stamp(datetime(2026, 10, 25, 1, 0, tzinfo=UTC), "Europe/Berlin") == (
        "2026-10-25 02:00 CET"
    )
    assert _stamp(None, "Asia/Tokyo") == "-"
