"""``qa-desktop clocks``: every running regulator clock by time left, for a scheduled job.

Prints the deadlines view, most urgent first (clocks that cannot start, then overdue ones,
then the rest), with each due time in the regulator's zone and the reader's. Exits 3 when
any clock is overdue, so a scheduler can raise the alarm; 0 otherwise; 1 on an error. Rows
are streamed as they are read, so a hundred thousand clocks need no more memory than ten.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta, tzinfo
from functools import cache, lru_cache
from typing import Any, TextIO
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from qa_desktop.domain.clocks import ClockStatus
from qa_desktop.domain.errors import QaError, ValidationFailed
from qa_desktop.services.clock_views import format_time_left
from qa_desktop.services.reporting_clocks import DeadlineQuery, ReportingClockService
from qa_desktop.services.response_results import DeadlineRow
from qa_desktop.services.results import CurrentUser

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_OVERDUE = 3

#: Opens the database and signs in: the clock service and the person asking.
ClocksFactory = Callable[[argparse.Namespace], tuple[ReportingClockService, CurrentUser]]

#: How many distinct due instants keep their text (rows come by due instant).
_RECENT = 4_096
#: ``json.dumps(..., ensure_ascii=False)`` without building an encoder for every row.
_JSON = json.JSONEncoder(ensure_ascii=False)
_LABELS = {
    ClockStatus.CANNOT_START: "CANNOT START",
    ClockStatus.OVERDUE: "OVERDUE",
    ClockStatus.DUE_IMMEDIATELY: "DUE NOW",
    ClockStatus.RUNNING: "running",
}


def add_clocks_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``clocks`` command to the command line's sub-commands."""
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "clocks",
        help="every running regulator reporting clock by time left (exit 3 if any is overdue)",
        description="Every running regulator reporting clock across all incidents, most urgent "
        "first. Exit status: 0 none overdue, 3 some overdue, 1 error.",
    )
    parser.add_argument("--json", action="store_true", help="one JSON document")
    parser.add_argument(
        "--due-within",
        type=float,
        metavar="HOURS",
        help="only clocks due within HOURS from now (overdue ones included)",
    )
    parser.add_argument(
        "--jurisdiction",
        action="append",
        default=[],
        metavar="X",
        help="JP, US, EU, AU, CA or GB; repeatable",
    )
    parser.add_argument(
        "--business-unit", action="append", default=[], metavar="Y", help="repeatable"
    )
    parser.add_argument(
        "--time-zone",
        metavar="ZONE",
        help="show your due times in this zone, e.g. Europe/Berlin (default: this computer's)",
    )
    return parser


def run_clocks(args: argparse.Namespace, services_factory: ClocksFactory) -> int:
    """Run ``qa-desktop clocks``; the exit status."""
    try:
        zone = _zone(args.time_zone)
        within = None
        if args.due_within is not None:
            if not args.due_within >= 0:
                raise QaError("--due-within must be a number of hours, 0 or more")
            within = timedelta(hours=args.due_within)
        clocks, actor = services_factory(args)
        query = DeadlineQuery(tuple(args.jurisdiction), tuple(args.business_unit), within)
        rows = clocks.iter_deadlines(actor, query)
        writer = _write_json if args.json else _write_text
        overdue = writer(rows, zone, sys.stdout)
    except ValidationFailed as exc:
        for error in exc.errors:
            print(f"error: {error.field}: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except QaError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if overdue:
        print(f"{overdue} reporting clock(s) OVERDUE", file=sys.stderr)
        return EXIT_OVERDUE
    return EXIT_OK


def _zone(name: str | None) -> tzinfo:
    if not name:
        local = datetime.now(UTC).astimezone().tzinfo
        assert local is not None
        return local
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise QaError(f"unknown time zone {name!r}; use a name such as Asia/Tokyo") from None


@cache
def _named_zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _local(moment: datetime, zone: tzinfo | str) -> datetime:
    return moment.astimezone(_named_zone(zone) if isinstance(zone, str) else zone)


def _stamp(moment: datetime | None, zone: tzinfo | str) -> str:
    """*moment* as ``%Y-%m-%d %H:%M %Z`` in *zone*, formatted field by field (twice as fast)."""
    if moment is None:
        return "-"
    t = _local(moment, zone)
    return f"{t.year}-{t.month:02d}-{t.day:02d} {t.hour:02d}:{t.minute:02d} {t.tzname() or ''}"


# The rows come by due instant and clocks counted in days fall due at the same instant (the
# end of a local day), so each due instant is written out once for all the clocks sharing it.
@lru_cache(maxsize=_RECENT)
def _due_text(moment: datetime | None, regulator: str, zone: tzinfo) -> str:
    return f"{_stamp(moment, regulator):<22}  {_stamp(moment, zone):<22}"


@lru_cache(maxsize=_RECENT)
def _left(left: timedelta | None, problem: str, overdue: bool) -> str:
    if left is None:
        return problem or "now"
    text = format_time_left(left)
    return f"{text} late" if overdue else f"{text} left"


def _write_text(rows: Iterable[DeadlineRow], zone: tzinfo, out: TextIO) -> int:
    counts = dict.fromkeys(ClockStatus, 0)
    out.write(
        f"{'STATE':<12}  {'TIME':<16}  {'INCIDENT':<16}  {'JUR':<3}  {'RULE':<28}  "
        f"{'DUE (REGULATOR)':<22}  {'DUE (YOURS)':<22}  BUSINESS UNIT / TITLE\n"
    )
    for row in rows:
        counts[row.status] += 1
        left = _left(row.time_left, row.problem, row.overdue)
        rule = f"{row.rule_id} v{row.rule_version}"
        out.write(
            f"{_LABELS[row.status]:<12}  {left:<16}  "
            f"{row.reference:<16}  {row.jurisdiction:<3}  {rule:<28}  "
            f"{_due_text(row.due_at, row.time_zone, zone)}  "
            f"{row.business_unit or '-'} / {row.incident_title}\n"
        )
    total = sum(counts.values())
    out.write(
        f"{total} running clock(s): {counts[ClockStatus.OVERDUE]} OVERDUE, "
        f"{counts[ClockStatus.DUE_IMMEDIATELY]} due immediately, "
        f"{counts[ClockStatus.CANNOT_START]} cannot start (first known time missing).\n"
    )
    return counts[ClockStatus.OVERDUE]


@lru_cache(maxsize=_RECENT)
def _due_json(
    moment: datetime | None, regulator: str, zone: tzinfo
) -> tuple[str | None, str | None, str | None]:
    """The due instant in ISO form: in UTC, in the regulator's zone and in the reader's."""
    if moment is None:
        return None, None, None
    return (
        moment.astimezone(UTC).isoformat(),
        _local(moment, regulator).isoformat(),
        _local(moment, zone).isoformat(),
    )


def _row_json(row: DeadlineRow, zone: tzinfo) -> dict[str, Any]:
    due_utc, regulator, yours = _due_json(row.due_at, row.time_zone, zone)
    return {
        "reference": row.reference,
        "incident_title": row.incident_title,
        "product_name": row.product_name,
        "business_unit": row.business_unit,
        "jurisdiction": row.jurisdiction,
        "rule_id": row.rule_id,
        "rule_version": row.rule_version,
        "title": row.title,
        "citation": row.citation,
        "status": row.status.value,
        "overdue": row.overdue,
        "problem": row.problem,
        "due_at": due_utc,
        "due_at_regulator": regulator,
        "regulator_time_zone": row.time_zone,
        "due_at_yours": yours,
        "seconds_left": row.time_left.total_seconds() if row.time_left is not None else None,
        "past_calendar_due": row.past_calendar_due,
        "moved_by_holiday_rule": row.moved,
        "verify": row.verify,
    }


def _write_json(rows: Iterable[DeadlineRow], zone: tzinfo, out: TextIO) -> int:
    counts = dict.fromkeys(ClockStatus, 0)
    out.write('{"generated_at": ' + json.dumps(datetime.now(UTC).isoformat()) + ', "clocks": [')
    separator = "\n"
    for row in rows:
        counts[row.status] += 1
        out.write(separator + _JSON.encode(_row_json(row, zone)))
        separator = ",\n"
    summary = {
        "running": sum(counts.values()),
        "overdue": counts[ClockStatus.OVERDUE],
        "due_immediately": counts[ClockStatus.DUE_IMMEDIATELY],
        "cannot_start": counts[ClockStatus.CANNOT_START],
    }
    out.write('\n], "summary": ' + json.dumps(summary) + "}\n")
    return counts[ClockStatus.OVERDUE]
