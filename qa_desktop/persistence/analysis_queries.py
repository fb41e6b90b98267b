"""Queries across analyses: search, similarity candidates, recurrence, yokoten, deadlines.

All of them read the rows copied out of the analysis documents (causes, countermeasures,
terms), never the documents themselves, so their cost follows the index rather than the
size of every graph. Only the few analyses finally shown are read whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Row, case, func, select
from sqlalchemy.orm import Session

from qa_desktop.analysis.recurrence import normalise_text
from qa_desktop.domain.cause_graph import CauseStatus, CheckResult
from qa_desktop.persistence.analysis_models import (
    AnalysisCause,
    AnalysisCountermeasure,
    AnalysisTerm,
    CauseAnalysis,
)
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.models import Incident

#: A result row of any shape.
AnyRow = Row[*tuple[Any, ...]]
#: Most analyses one search returns.
MAX_SEARCH_HITS = 500


def search_rows(
    session: Session,
    *,
    product: str = "",
    component: str = "",
    failure_mode: str = "",
    text: str = "",
    layer: str = "",
    limit: int = 200,
) -> list[tuple[AnyRow, list[AnalysisCause]]]:
    """Analyses matching every given filter, newest incident first, with the matching causes.

    Texts match as normalised substrings (NFKC, case folded), so "heater" finds "Oil
    heater" and 発火 finds 発火のおそれ; *text* must find each of its words in one cause's
    title or description. Cause filters apply to the same cause together.
    """
    cause_filters = []
    for column, value in (
        (AnalysisCause.component_key, component),
        (AnalysisCause.failure_mode_key, failure_mode),
    ):
        if normalise_text(value):
            cause_filters.append(column.contains(normalise_text(value), autoescape=True))
    for word in normalise_text(text).split():
        cause_filters.append(AnalysisCause.text_key.contains(word, autoescape=True))
    if layer:
        cause_filters.append(AnalysisCause.layer == layer)
    analyses = select(
        CauseAnalysis.id,
        CauseAnalysis.status,
        CauseAnalysis.year,
        Incident.reference,
        Incident.title,
        Incident.product_name,
    ).join(Incident, Incident.id == CauseAnalysis.incident_id)
    if normalise_text(product):
        analyses = analyses.where(
            CauseAnalysis.product_key.contains(normalise_text(product), autoescape=True)
        )
    if cause_filters:
        matching = select(AnalysisCause.analysis_id).where(*cause_filters)
        analyses = analyses.where(CauseAnalysis.id.in_(matching))
    limit = max(1, min(limit, MAX_SEARCH_HITS))
    heads = session.execute(
        analyses.order_by(CauseAnalysis.year.desc(), Incident.reference.desc()).limit(limit)
    ).all()
    if not heads:
        return []
    causes = session.scalars(
        select(AnalysisCause)
        .where(AnalysisCause.analysis_id.in_([h.id for h in heads]), *cause_filters)
        .order_by(AnalysisCause.analysis_id, AnalysisCause.cause_id)
    ).all()
    by_analysis: dict[int, list[AnalysisCause]] = {}
    for cause in causes:
        by_analysis.setdefault(cause.analysis_id, []).append(cause)
    return [(head, by_analysis.get(head.id, [])) for head in heads]


# ----------------------------------------------------------------------------- similarity


def term_frequencies(session: Session, terms: Iterable[str]) -> dict[str, int]:
    """How many analyses hold each of *terms* (terms held by none are left out)."""
    wanted = sorted(set(terms))
    if not wanted:
        return {}
    rows = session.execute(
        select(AnalysisTerm.term, func.count())
        .where(AnalysisTerm.term.in_(wanted))
        .group_by(AnalysisTerm.term)
    ).all()
    return {term: int(count) for term, count in rows}


def analysis_count(session: Session) -> int:
    """How many analyses are stored."""
    return int(session.scalar(select(func.count()).select_from(CauseAnalysis)) or 0)


def best_scoring(
    session: Session, weights: Mapping[str, float], *, exclude: int | None, limit: int
) -> list[int]:
    """Ids of the analyses with the highest sum of *weights* over the terms they hold."""
    if not weights:
        return []
    score = func.sum(case(dict(weights), value=AnalysisTerm.term, else_=0.0)).label("score")
    statement = (
        select(AnalysisTerm.analysis_id, score)
        .where(AnalysisTerm.term.in_(sorted(weights)))
        .group_by(AnalysisTerm.analysis_id)
        .order_by(score.desc(), AnalysisTerm.analysis_id.desc())
        .limit(limit)
    )
    if exclude is not None:
        statement = statement.where(AnalysisTerm.analysis_id != exclude)
    return [int(row[0]) for row in session.execute(statement)]


def terms_held(
    session: Session, analysis_ids: Sequence[int], terms: Iterable[str]
) -> dict[int, set[str]]:
    """Which of *terms* each of *analysis_ids* holds."""
    held: dict[int, set[str]] = {analysis_id: set() for analysis_id in analysis_ids}
    wanted = sorted(set(terms))
    if not analysis_ids or not wanted:
        return held
    rows = session.execute(
        select(AnalysisTerm.analysis_id, AnalysisTerm.term).where(
            AnalysisTerm.analysis_id.in_(list(analysis_ids)), AnalysisTerm.term.in_(wanted)
        )
    )
    for analysis_id, term in rows:
        held[int(analysis_id)].add(term)
    return held


def analysis_heads(session: Session, analysis_ids: Sequence[int]) -> dict[int, AnyRow]:
    """Reference, title, product and year of each analysis in *analysis_ids*."""
    if not analysis_ids:
        return {}
    rows = session.execute(
        select(
            CauseAnalysis.id,
            CauseAnalysis.year,
            CauseAnalysis.document,
            Incident.reference,
            Incident.title,
            Incident.product_name,
        )
        .join(Incident, Incident.id == CauseAnalysis.incident_id)
        .where(CauseAnalysis.id.in_(list(analysis_ids)))
    ).all()
    return {int(row.id): row for row in rows}


# ----------------------------------------------------------------------------- recurrence


def confirmed_cause_rows(database: Database) -> Sequence[AnyRow]:
    """Every confirmed cause of every analysis with its incident's reference, product and year.

    Ordered by analysis, so the caller can group the rows in one pass. Run as one statement
    without an ORM session: the cross-incident view reads tens of thousands of rows.
    """
    return database.query(_CONFIRMED_CAUSES)


_CONFIRMED_CAUSES = (
    select(
        CauseAnalysis.id,
        Incident.reference,
        Incident.product_name,
        CauseAnalysis.year,
        AnalysisCause.cause_id,
        AnalysisCause.layer,
        AnalysisCause.title,
        AnalysisCause.component,
        AnalysisCause.failure_mode,
    )
    .select_from(AnalysisCause)
    .join(CauseAnalysis, CauseAnalysis.id == AnalysisCause.analysis_id)
    .join(Incident, Incident.id == CauseAnalysis.incident_id)
    .where(AnalysisCause.status == CauseStatus.CONFIRMED.value)
    .order_by(CauseAnalysis.id)
)


# ----------------------------------------------------------------------------- yokoten


def sharing_rows(
    session: Session,
    *,
    exclude: int | None,
    title_keys: Iterable[str],
    component_keys: Iterable[str],
) -> Sequence[AnyRow]:
    """Causes of other analyses that say the same as a confirmed cause, or share a component.

    A matching text counts when that cause is confirmed there too; a shared component when
    the cause there is not ruled out.
    """
    titles, components = sorted(set(title_keys)), sorted(set(component_keys))
    if not titles and not components:
        return []
    same_text = (AnalysisCause.status == CauseStatus.CONFIRMED.value) & (
        AnalysisCause.title_key.in_(titles)
    )
    same_component = (AnalysisCause.status != CauseStatus.RULED_OUT.value) & (
        AnalysisCause.component_key.in_(components)
    )
    statement = (
        select(
            Incident.reference,
            Incident.product_name,
            Incident.model,
            Incident.business_unit,
            AnalysisCause.status,
            AnalysisCause.title_key,
            AnalysisCause.component_key,
        )
        .select_from(AnalysisCause)
        .join(CauseAnalysis, CauseAnalysis.id == AnalysisCause.analysis_id)
        .join(Incident, Incident.id == CauseAnalysis.incident_id)
        .where(same_text | same_component)
        .order_by(Incident.reference, AnalysisCause.cause_id)
    )
    if exclude is not None:
        statement = statement.where(CauseAnalysis.id != exclude)
    return session.execute(statement).all()


# ----------------------------------------------------------------------------- deadlines


def overdue_rows(session: Session, today: date) -> Sequence[AnyRow]:
    """Countermeasures due before *today* whose effectiveness check has not passed."""
    return session.execute(
        select(
            Incident.reference,
            Incident.title,
            AnalysisCountermeasure.measure_id,
            AnalysisCountermeasure.title.label("measure_title"),
            AnalysisCountermeasure.owner,
            AnalysisCountermeasure.due_on,
            AnalysisCountermeasure.step,
            AnalysisCountermeasure.result,
        )
        .select_from(AnalysisCountermeasure)
        .join(CauseAnalysis, CauseAnalysis.id == AnalysisCountermeasure.analysis_id)
        .join(Incident, Incident.id == CauseAnalysis.incident_id)
        .where(
            AnalysisCountermeasure.due_on < today,
            AnalysisCountermeasure.result != CheckResult.PASSED.value,
        )
        .order_by(
            AnalysisCountermeasure.due_on, Incident.reference, AnalysisCountermeasure.measure_id
        )
    ).all()
