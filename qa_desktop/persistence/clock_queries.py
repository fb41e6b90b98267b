"""The deadlines view's queries: every running clock across all incidents, by time left.

Clocks that cannot start (no first-known time) come first, by id; then every other running
clock by (due_at, id), walking the (state, due_at, id) index. Pages continue by key, never by
offset, so the hundredth page costs what the first does, and the command line streams all
clocks the same way in large batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Row, Select, case, func, or_, select, type_coerce
from sqlalchemy.engine import Dialect

from qa_desktop.domain.clocks import DeadlineKind
from qa_desktop.persistence.clock_store import ClockState
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.models import Incident, UtcDateTime
from qa_desktop.persistence.response_models import ReportingClock

_Statement = Select[*tuple[Any, ...]]
#: How many distinct stored due instants keep their converted value (rows come by due instant).
_RECENT_INSTANTS = 4_096

#: Phase of a page cursor: clocks that cannot start, then dated and immediate ones.
BLOCKED, TIMED = 0, 1
STREAM_BATCH = 10_000

# Plain table columns, not ORM attributes: matching ORM-annotated result columns costs more
# than the query itself on this path.
_C = ReportingClock.__table__.c
_I = Incident.__table__.c
_CLOCKS = ReportingClock.__table__
_INCIDENTS = Incident.__table__


class _RecurringInstant(UtcDateTime):
    """A :class:`UtcDateTime` whose stored values recur from row to row.

    Clocks counted in days fall due at the same instant (the end of a local day) and the rows
    come by due instant, so each recent stored value is converted once and its datetime
    reused: converting all of them took more than half as long as the query itself.
    """

    cache_ok = True

    def result_processor(
        self, dialect: Dialect, coltype: Any
    ) -> Callable[[Any], datetime | None] | None:
        convert = super().result_processor(dialect, coltype)
        return None if convert is None else lru_cache(maxsize=_RECENT_INSTANTS)(convert)


_INSTANT = _RecurringInstant()
#: Columns of a deadline row, in this order.
DEADLINE_COLUMNS = (
    _C.id,
    type_coerce(_C.due_at, _INSTANT).label("due_at"),
    type_coerce(_C.calendar_due_at, _INSTANT).label("calendar_due_at"),
    _C.kind,
    _C.jurisdiction,
    _C.rule_id,
    _C.rule_version,
    _C.title,
    _C.citation,
    _C.time_zone,
    _C.verify,
    _C.moved_by,
    _I.reference,
    _I.title,
    _I.product_name,
    _I.business_unit,
)


@dataclass(frozen=True, slots=True)
class ClockFilter:
    """Which running clocks to list: by jurisdiction, business unit, and due before a moment."""

    jurisdictions: tuple[str, ...] = ()
    business_units: tuple[str, ...] = ()
    due_before: datetime | None = None


@dataclass(frozen=True, slots=True)
class ClockKey:
    """Where a page ended: its phase, and the last row's due instant and clock id."""

    phase: int
    due_at: datetime | None
    clock_id: int


def _filtered(statement: _Statement, where: ClockFilter) -> _Statement:
    if where.jurisdictions:
        statement = statement.where(_C.jurisdiction.in_(where.jurisdictions))
    if where.business_units:
        statement = statement.where(_I.business_unit.in_(where.business_units))
    return statement


def _base(where: ClockFilter) -> _Statement:
    statement = (
        select(*DEADLINE_COLUMNS)
        .select_from(_CLOCKS)
        .join(_INCIDENTS, _I.id == _C.incident_id)
        .where(_C.state == ClockState.RUNNING.value)
    )
    return _filtered(statement, where)


def blocked_statement(where: ClockFilter, after_id: int | None, limit: int) -> _Statement:
    """Running clocks that cannot start (no due instant), by id."""
    statement = _base(where).where(_C.due_at.is_(None))
    if after_id is not None:
        statement = statement.where(_C.id > after_id)
    return statement.order_by(_C.id).limit(limit)


def timed_statement(
    where: ClockFilter, after: tuple[datetime, int] | None, limit: int
) -> _Statement:
    """Running clocks with a due instant, by (due_at, id), after the key *after*."""
    statement = _base(where).where(_C.due_at.is_not(None))
    if where.due_before is not None:
        statement = statement.where(_C.due_at <= where.due_before)
    if after is not None:
        due, clock_id = after
        # The plain range on due_at lets both backends start the index walk at the key.
        statement = statement.where(_C.due_at >= due, or_(_C.due_at > due, _C.id > clock_id))
    return statement.order_by(_C.due_at, _C.id).limit(limit)


def fetch_page(
    database: Database, where: ClockFilter, after: ClockKey | None, limit: int
) -> tuple[list[Row[*tuple[Any, ...]]], ClockKey | None]:
    """One page of deadline rows and the key to continue from (``None`` at the end)."""
    rows: list[Row[*tuple[Any, ...]]] = []
    if after is None or after.phase == BLOCKED:
        after_id = after.clock_id if after is not None else None
        rows.extend(database.query(blocked_statement(where, after_id, limit + 1)))
        if len(rows) > limit:
            last = rows[limit - 1]
            return rows[:limit], ClockKey(BLOCKED, None, last.id)
        after = None
    key = (after.due_at, after.clock_id) if after is not None and after.due_at else None
    room = limit - len(rows)
    rows.extend(database.query(timed_statement(where, key, room + 1)))
    if len(rows) > limit:
        last = rows[limit - 1]
        return rows[:limit], ClockKey(TIMED, last.due_at, last.id)
    return rows, None


def stream_rows(
    database: Database, where: ClockFilter, batch: int = STREAM_BATCH
) -> Iterator[Row[*tuple[Any, ...]]]:
    """Every matching running clock in deadline order, fetched in batches by key."""
    key: ClockKey | None = None
    while True:
        rows, key = fetch_page(database, where, key, batch)
        yield from rows
        if key is None:
            return


def count_running(database: Database, where: ClockFilter, now: datetime) -> Sequence[int]:
    """(running, overdue, due immediately, cannot start) over the matching running clocks.

    Grouped by kind, so that without a business-unit filter the (state, kind, jurisdiction,
    due_at) index answers alone, without reading a single clock row.
    """
    statement = (
        select(_C.kind, func.count(), func.sum(case((_C.due_at < now, 1), else_=0)))
        .select_from(_CLOCKS)
        .where(_C.state == ClockState.RUNNING.value)
        .group_by(_C.kind)
    )
    if where.business_units:
        statement = statement.join(_INCIDENTS, _I.id == _C.incident_id)
    statement = _filtered(statement, where)
    if where.due_before is not None:
        statement = statement.where(or_(_C.due_at.is_(None), _C.due_at <= where.due_before))
    counts = {
        kind: (int(total), int(past or 0))
        for kind, total, past in (tuple(row) for row in database.query(statement))
    }
    return (
        sum(total for total, _ in counts.values()),
        counts.get(DeadlineKind.DATED.value, (0, 0))[1],
        counts.get(DeadlineKind.IMMEDIATE.value, (0, 0))[0],
        counts.get(DeadlineKind.CANNOT_START.value, (0, 0))[0],
    )
