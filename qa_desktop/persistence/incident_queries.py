"""Register queries: filters, full-text search and keyset paging, on either backend.

Pages are fetched by key (``WHERE (sort, id) > (last sort, last id)``) rather than by
``OFFSET``, so the millionth row costs what the first does.

Statements are built once per *shape* (backend, order, which filters are set) with bound
parameters for every value, and cached: building and hashing a fresh statement for each
page would cost more than running it.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    bindparam,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
)

from qa_desktop.domain.register import IncidentPage, IncidentQuery, PageCursor
from qa_desktop.domain.search_text import fts5_match, parse_query, tsquery
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.models import Incident
from qa_desktop.persistence.register_rows import (
    NEXT_DEADLINE_SQL,
    SET_FILTER_COLUMNS,
    SUMMARY_FIELDS,
    page,
)

SUMMARY_COLUMNS: tuple[Any, ...] = (
    *(
        # first_known_at is read untyped and converted by register_rows.summary: per-row
        # type processing would cost more than the query itself on the register's hot path.
        literal_column("incidents.first_known_at")
        if name == "first_known_at"
        else getattr(Incident, name)
        for name in SUMMARY_FIELDS
    ),
    literal_column(NEXT_DEADLINE_SQL),
)

#: Filters that match a column against a set of values: (query field, column).
_SET_FILTERS: tuple[tuple[str, Any], ...] = tuple(
    (field, getattr(Incident, column)) for field, column in SET_FILTER_COLUMNS
)

_FTS = table("incident_fts", column("rowid"))
_FTS_MATCH = literal_column("incident_fts").op("MATCH")
_SEARCH_KEY: ColumnElement[Any] = literal_column("incidents.search_key")
_SIMPLE: ColumnElement[Any] = literal_column("'simple'::regconfig")
#: The multiplier of the first-known second in SQLite's ``search_key`` (see migration 0001).
SEARCH_KEY_SCALE = 2**31


def search_key(first_known_at: datetime, incident_id: int) -> int:
    """SQLite's ``incidents.search_key`` for a row: whole first-known seconds, then the id."""
    return calendar.timegm(first_known_at.utctimetuple()) * SEARCH_KEY_SCALE + incident_id


@dataclass(frozen=True, slots=True)
class _Shape:
    """Everything that changes the SQL text of a register query (values do not)."""

    backend: str
    sort: str
    descending: bool
    set_filters: tuple[str, ...]
    known_from: bool
    known_to: bool
    text: bool
    after: bool


def _bound(flt: IncidentQuery, backend: str) -> tuple[_Shape, dict[str, Any]]:
    """The shape of *flt* (without paging) and the values to bind."""
    params: dict[str, Any] = {}
    sets = []
    for name, _column in _SET_FILTERS:
        values = getattr(flt, name)
        if values:
            sets.append(name)
            params[name] = list(values)
    if flt.known_from is not None:
        params["known_from"] = flt.known_from
    if flt.known_to is not None:
        params["known_to"] = flt.known_to
    terms = parse_query(flt.text)
    if terms:
        params["text"] = fts5_match(terms) if backend == "sqlite" else tsquery(terms)
    shape = _Shape(
        backend,
        flt.sort.value,
        flt.descending,
        tuple(sets),
        flt.known_from is not None,
        flt.known_to is not None,
        bool(terms),
        after=False,
    )
    return shape, params


def _conditions(shape: _Shape, *, with_text: bool = True) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = [
        column_.in_(bindparam(name, expanding=True))
        for name, column_ in _SET_FILTERS
        if name in shape.set_filters
    ]
    if shape.known_from:
        conditions.append(Incident.first_known_at >= bindparam("known_from"))
    if shape.known_to:
        conditions.append(Incident.first_known_at < bindparam("known_to"))
    if shape.text and with_text:
        if shape.backend == "sqlite":
            matching = select(_FTS.c.rowid).select_from(_FTS).where(_FTS_MATCH(bindparam("text")))
            conditions.append(_SEARCH_KEY.in_(matching))
        else:
            vector = func.to_tsvector(_SIMPLE, Incident.search_text)
            conditions.append(vector.op("@@")(func.to_tsquery(_SIMPLE, bindparam("text"))))
    return conditions


@lru_cache(maxsize=256)
def _page_statement(shape: _Shape) -> Select[*tuple[Any, ...]]:
    if shape.text and shape.sort == "first_known_at" and shape.backend == "sqlite":
        return _sqlite_search_newest(shape)
    sort_column = getattr(Incident, shape.sort)
    conditions = _conditions(shape)
    if shape.after:
        value = bindparam("after_value", type_=sort_column.type)
        last_id: Any = bindparam("after_id")
        if shape.descending:
            conditions.append(
                or_(sort_column < value, and_(sort_column == value, Incident.id < last_id))
            )
        else:
            conditions.append(
                or_(sort_column > value, and_(sort_column == value, Incident.id > last_id))
            )
    order = (
        (sort_column.desc(), Incident.id.desc())
        if shape.descending
        else (sort_column.asc(), Incident.id.asc())
    )
    statement: Select[*tuple[Any, ...]] = (
        select(*SUMMARY_COLUMNS).where(*conditions).order_by(*order).limit(bindparam("limit"))
    )
    return statement


def _sqlite_search_newest(shape: _Shape) -> Select[*tuple[Any, ...]]:
    # Walk the full-text index in rowid (= first-known) order and stop at the page size;
    # within one first-known second, incidents follow their id.
    conditions = [_FTS_MATCH(bindparam("text")), *_conditions(shape, with_text=False)]
    if shape.after:
        key: Any = bindparam("after_key")
        conditions.append(_FTS.c.rowid < key if shape.descending else _FTS.c.rowid > key)
    order = _FTS.c.rowid.desc() if shape.descending else _FTS.c.rowid.asc()
    statement: Select[*tuple[Any, ...]] = (
        select(*SUMMARY_COLUMNS)
        .select_from(_FTS.join(Incident, _FTS.c.rowid == _SEARCH_KEY))
        .where(*conditions)
        .order_by(order)
        .limit(bindparam("limit"))
    )
    return statement


@lru_cache(maxsize=256)
def _count_statement(shape: _Shape) -> Select[*tuple[Any, ...]]:
    statement: Select[*tuple[Any, ...]] = (
        select(func.count()).select_from(Incident).where(*_conditions(shape))
    )
    return statement


def page_query(
    backend: str, flt: IncidentQuery, after: PageCursor | None, limit: int
) -> tuple[Select[*tuple[Any, ...]], dict[str, Any]]:
    """The statement of one register page and the values to execute it with."""
    shape, params = _bound(flt, backend)
    if after is not None:
        shape = replace(shape, after=True)
        if shape.text and shape.sort == "first_known_at" and backend == "sqlite":
            params["after_key"] = search_key(after.value, after.id)  # type: ignore[arg-type]
        else:
            params["after_value"] = after.value
            params["after_id"] = after.id
    params["limit"] = limit
    return _page_statement(shape), params


def fetch_page(
    database: Database, flt: IncidentQuery, after: PageCursor | None, limit: int
) -> IncidentPage:
    """One register page for *flt* after *after*, and the cursor of the next one."""
    statement, params = page_query(database.backend, flt, after, limit + 1)
    return page(database.query(statement, params), limit, flt.sort.value)


def count_matching(database: Database, flt: IncidentQuery) -> int:
    """How many incidents match *flt*."""
    shape, params = _bound(flt, database.backend)
    rows = database.query(_count_statement(shape), params)
    return int(rows[0][0]) if rows else 0
