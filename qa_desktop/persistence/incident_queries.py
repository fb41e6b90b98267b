"""Register queries: filters, full-text search and keyset paging, on either backend.

Pages are fetched by key (``WHERE (sort, id) > (last sort, last id)``) rather than by
``OFFSET``, so the millionth row costs what the first does.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from qa_desktop.domain.register import IncidentQuery
from qa_desktop.domain.search_text import fts5_match, parse_query, tsquery
from qa_desktop.persistence.models import Incident

SUMMARY_COLUMNS = (
    Incident.id,
    Incident.reference,
    Incident.title,
    Incident.product_name,
    Incident.model,
    Incident.severity,
    Incident.status,
    Incident.source,
    Incident.country,
    Incident.first_known_at,
    Incident.qa_owner,
    Incident.business_unit,
    Incident.version,
)


def _in(column: Any, values: tuple[str, ...]) -> ColumnElement[bool] | None:
    if not values:
        return None
    condition: ColumnElement[bool] = (
        column.in_(values) if len(values) > 1 else column == values[0]
    )
    return condition


def filter_conditions(session: Session, flt: IncidentQuery) -> list[ColumnElement[bool]]:
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
    terms = parse_query(flt.text)
    if terms:
        if session.get_bind().dialect.name == "sqlite":
            matching = text(
                "SELECT rowid FROM incident_fts WHERE incident_fts MATCH :fts"
            ).bindparams(fts=fts5_match(terms))
            conditions.append(Incident.id.in_(matching.columns(literal_column("rowid"))))
        else:
            conditions.append(
                func.to_tsvector(literal_column("'simple'::regconfig"), Incident.search_text).op(
                    "@@"
                )(func.to_tsquery(literal_column("'simple'::regconfig"), tsquery(terms)))
            )
    return conditions


def page_statement(
    session: Session,
    flt: IncidentQuery,
    sort: str,
    descending: bool,
    after: tuple[Any, int] | None,
    limit: int,
) -> Select[*tuple[Any, ...]]:
    """The SELECT of one register page, ordered by (*sort*, id)."""
    column = getattr(Incident, sort)
    conditions = filter_conditions(session, flt)
    if after is not None:
        value, last_id = after
        if descending:
            conditions.append(or_(column < value, and_(column == value, Incident.id < last_id)))
        else:
            conditions.append(or_(column > value, and_(column == value, Incident.id > last_id)))
    order = (column.desc(), Incident.id.desc()) if descending else (column.asc(), Incident.id.asc())
    statement: Select[*tuple[Any, ...]] = (
        select(*SUMMARY_COLUMNS).where(*conditions).order_by(*order).limit(limit)
    )
    return statement


def count_statement(session: Session, flt: IncidentQuery) -> Select[*tuple[Any, ...]]:
    """The SELECT counting the incidents that match *flt*."""
    return select(func.count()).select_from(Incident).where(*filter_conditions(session, flt))
