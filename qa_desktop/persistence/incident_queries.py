"""Register queries: filters, full-text search and keyset paging, on either backend.

Pages are fetched by key (``WHERE (sort, id) > (last sort, last id)``) rather than by
``OFFSET``, so the millionth row costs what the first does.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)

from qa_desktop.domain.register import IncidentPage, IncidentQuery, IncidentSummary, PageCursor
from qa_desktop.domain.search_text import SearchTerm, fts5_match, parse_query, tsquery
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.models import Incident

SUMMARY_COLUMNS: tuple[Any, ...] = (
    Incident.id,
    Incident.reference,
    Incident.title,
    Incident.product_name,
    Incident.model,
    Incident.severity,
    Incident.status,
    Incident.source,
    Incident.country,
    # Read untyped and converted in _summary: per-row type processing would cost more than
    # the query itself on the register's hot path.
    literal_column("incidents.first_known_at"),
    Incident.qa_owner,
    Incident.business_unit,
    Incident.version,
)


def _in(column: Any, values: tuple[str, ...]) -> ColumnElement[bool] | None:
    if not values:
        return None
    condition: ColumnElement[bool] = column.in_(values) if len(values) > 1 else column == values[0]
    return condition


_FTS = table("incident_fts", column("rowid"))
_FTS_MATCH = literal_column("incident_fts").op("MATCH")
_SEARCH_KEY: ColumnElement[Any] = literal_column("incidents.search_key")
#: The multiplier of the first-known second in SQLite's ``search_key`` (see migration 0001).
SEARCH_KEY_SCALE = 2**31


def search_key(first_known_at: datetime, incident_id: int) -> int:
    """SQLite's ``incidents.search_key`` for a row: whole first-known seconds, then the id."""
    return calendar.timegm(first_known_at.utctimetuple()) * SEARCH_KEY_SCALE + incident_id


def filter_conditions(
    dialect: str, flt: IncidentQuery, *, with_text: bool = True
) -> list[ColumnElement[bool]]:
    """The WHERE conditions for *flt* on the session's backend."""
    conditions = [
        c
        for c in (
            _in(Incident.status, flt.statuses),
            _in(Incident.severity, flt.severities),
            _in(Incident.product_name, flt.products),
            _in(Incident.source, flt.sources),
            _in(Incident.country, flt.countries),
            _in(Incident.qa_owner, flt.owners),
            _in(Incident.business_unit, flt.business_units),
        )
        if c is not None
    ]
    if flt.known_from is not None:
        conditions.append(Incident.first_known_at >= flt.known_from)
    if flt.known_to is not None:
        conditions.append(Incident.first_known_at < flt.known_to)
    terms = parse_query(flt.text) if with_text else []
    if terms:
        if dialect == "sqlite":
            matching = select(_FTS.c.rowid).select_from(_FTS).where(_FTS_MATCH(fts5_match(terms)))
            conditions.append(_SEARCH_KEY.in_(matching))
        else:
            conditions.append(
                func.to_tsvector(literal_column("'simple'::regconfig"), Incident.search_text).op(
                    "@@"
                )(func.to_tsquery(literal_column("'simple'::regconfig"), tsquery(terms)))
            )
    return conditions


def page_statement(
    dialect: str,
    flt: IncidentQuery,
    sort: str,
    descending: bool,
    after: tuple[Any, int] | None,
    limit: int,
) -> Select[*tuple[Any, ...]]:
    """The SELECT of one register page, ordered by (*sort*, id)."""
    terms = parse_query(flt.text)
    if terms and sort == "first_known_at" and dialect == "sqlite":
        return _sqlite_search_newest(dialect, flt, terms, descending, after, limit)
    sort_column = getattr(Incident, sort)
    conditions = filter_conditions(dialect, flt)
    if after is not None:
        value, last_id = after
        if descending:
            conditions.append(
                or_(sort_column < value, and_(sort_column == value, Incident.id < last_id))
            )
        else:
            conditions.append(
                or_(sort_column > value, and_(sort_column == value, Incident.id > last_id))
            )
    order = (
        (sort_column.desc(), Incident.id.desc())
        if descending
        else (sort_column.asc(), Incident.id.asc())
    )
    statement: Select[*tuple[Any, ...]] = (
        select(*SUMMARY_COLUMNS).where(*conditions).order_by(*order).limit(limit)
    )
    return statement


def _sqlite_search_newest(
    dialect: str,
    flt: IncidentQuery,
    terms: list[SearchTerm],
    descending: bool,
    after: tuple[Any, int] | None,
    limit: int,
) -> Select[*tuple[Any, ...]]:
    # Walk the full-text index in rowid (= first-known) order and stop at the page size;
    # within one first-known second, incidents follow their id.
    conditions = [_FTS_MATCH(fts5_match(terms)), *filter_conditions(dialect, flt, with_text=False)]
    if after is not None:
        key = search_key(after[0], after[1])
        conditions.append(_FTS.c.rowid < key if descending else _FTS.c.rowid > key)
    order = _FTS.c.rowid.desc() if descending else _FTS.c.rowid.asc()
    statement: Select[*tuple[Any, ...]] = (
        select(*SUMMARY_COLUMNS)
        .select_from(_FTS.join(Incident, _FTS.c.rowid == _SEARCH_KEY))
        .where(*conditions)
        .order_by(order)
        .limit(limit)
    )
    return statement


def count_statement(dialect: str, flt: IncidentQuery) -> Select[*tuple[Any, ...]]:
    """The SELECT counting the incidents that match *flt*."""
    return select(func.count()).select_from(Incident).where(*filter_conditions(dialect, flt))


def _moment(value: str | datetime) -> datetime:
    if isinstance(value, str):  # SQLite keeps naive UTC text
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    return value.astimezone(UTC)


def _summary(row: Sequence[Any]) -> IncidentSummary:
    # Columns in SUMMARY_COLUMNS order; index 9 is first_known_at, read untyped.
    values = list(row)
    values[9] = _moment(values[9])
    values.append(None)  # next_deadline: the register fills it from the clocks
    return IncidentSummary._make(values)


def fetch_page(
    database: Database, flt: IncidentQuery, after: PageCursor | None, limit: int
) -> IncidentPage:
    """One register page for *flt* after *after*, and the cursor of the next one."""
    sort = flt.sort.value
    cursor = None if after is None else (after.value, after.id)
    statement = page_statement(database.backend, flt, sort, flt.descending, cursor, limit + 1)
    rows = database.query(statement)
    summaries = tuple(_summary(r) for r in rows[:limit])
    next_cursor = None
    if len(rows) > limit and summaries:
        last = summaries[-1]
        next_cursor = PageCursor(getattr(last, sort), last.id)
    return IncidentPage(summaries, next_cursor)


def count_matching(database: Database, flt: IncidentQuery) -> int:
    """How many incidents match *flt*."""
    rows = database.query(count_statement(database.backend, flt))
    return int(rows[0][0]) if rows else 0
