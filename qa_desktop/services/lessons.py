"""Learning from past analyses: search, similar past incidents, causes that recur.

- :meth:`LessonService.search` finds analyses by product, component, failure mode, cause
  text and layer (normalised substrings, so Japanese and full-width text match).
- :meth:`LessonService.similar_incidents` ranks past analyses against an incident exactly
  as :func:`qa_desktop.analysis.recurrence.similar_incidents` would (same product 3, each
  shared component or failure mode 2, each shared title word its rarity), but through the
  term index: one grouped query over the index picks the candidates, and only the few
  shown are read whole. Its cost follows how many analyses share the incident's terms,
  not how many incidents or analyses are stored.
- :meth:`LessonService.recurring_causes` is the cross-incident view: the confirmed causes of
  every analysis taken together and grouped by what they say, component or failure mode.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.orm import Session

from qa_desktop.analysis.graph_ops import CauseGraph, new_graph
from qa_desktop.analysis.recurrence import (
    PastAnalysis,
    RecurringCause,
    rarity,
    recurring_causes,
    search_terms,
    similarity_keys,
)
from qa_desktop.domain.cause_graph import (
    CauseLayer,
    CauseNode,
    CauseStatus,
    IncidentRoot,
    id_sort_key,
)
from qa_desktop.domain.errors import FieldError, ValidationFailed
from qa_desktop.domain.roles import Permission
from qa_desktop.persistence import analysis_store as store
from qa_desktop.persistence.analysis_queries import (
    analysis_count,
    analysis_heads,
    best_scoring,
    confirmed_cause_rows,
    search_rows,
    term_frequencies,
    terms_held,
)
from qa_desktop.persistence.database import Database
from qa_desktop.persistence.response_records import incident_row
from qa_desktop.services.accounts import require
from qa_desktop.services.analysis_results import (
    AnalysisHit,
    AnalysisStatus,
    MatchedCause,
    SimilarIncident,
)
from qa_desktop.services.results import CurrentUser

__all__ = ["LessonService"]

_PRODUCT_WEIGHT = 3.0
_MATCH_WEIGHT = 2.0
_LAYER_ORDER = {layer: i for i, layer in enumerate(CauseLayer)}
# A dictionary lookup: converting 100,000 stored values through the enum costs a third of a second.
_LAYERS = {layer.value: layer for layer in CauseLayer}


class LessonService:
    """Searches and views across every stored analysis (read-only)."""

    def __init__(self, database: Database, now: Callable[[], datetime]) -> None:
        self._db = database
        self._now = now

    def search(
        self,
        user: CurrentUser,
        *,
        product: str = "",
        component: str = "",
        failure_mode: str = "",
        text: str = "",
        layer: CauseLayer | str | None = None,
        limit: int = 200,
    ) -> list[AnalysisHit]:
        """Analyses matching every given filter, newest incident first, with matching causes."""
        require(user, Permission.VIEW_INCIDENTS)
        layer_value = ""
        if layer:
            try:
                layer_value = CauseLayer(layer).value
            except ValueError:
                raise ValidationFailed(
                    [FieldError("layer", "choice", f"{layer!r} is not a layer")]
                ) from None

        def work(session: Session) -> list[AnalysisHit]:
            found = search_rows(
                session,
                product=product,
                component=component,
                failure_mode=failure_mode,
                text=text,
                layer=layer_value,
                limit=limit,
            )
            return [
                AnalysisHit(
                    reference=head.reference,
                    title=head.title,
                    product=head.product_name,
                    year=head.year,
                    status=AnalysisStatus(head.status),
                    causes=tuple(
                        MatchedCause(
                            c.cause_id,
                            CauseLayer(c.layer),
                            CauseStatus(c.status),
                            c.title,
                            c.component,
                            c.failure_mode,
                        )
                        for c in sorted(
                            causes,
                            key=lambda c: (
                                _LAYER_ORDER[CauseLayer(c.layer)],
                                id_sort_key(c.cause_id),
                            ),
                        )
                    ),
                )
                for head, causes in found
            ]

        return self._db.read(work)

    def similar_incidents(
        self, user: CurrentUser, reference: str, limit: int = 10
    ) -> list[SimilarIncident]:
        """Past analyses most like incident *reference*, best first, with what was found then.

        The incident is described by its product, title and description and, when it has an
        analysis already, the components, failure modes and cause titles found so far.
        """
        require(user, Permission.VIEW_INCIDENTS)
        limit = max(1, min(limit, 100))

        def work(session: Session) -> list[SimilarIncident]:
            incident = incident_row(session, reference)
            row = store.find_analysis(session, incident.id)
            if row is not None:
                graph = store.with_incident_facts(store.stored_graph(row), incident)
            else:
                graph = new_graph(store.incident_root(incident))
            text = "\n".join(
                [incident.title, incident.description, *(c.title for c in graph.causes.values())]
            )
            return _similar(session, graph, text, row.id if row else None, limit)

        return self._db.read(work)

    def recurring_causes(
        self, user: CurrentUser, limit: int | None = 100, min_incidents: int = 2
    ) -> list[RecurringCause]:
        """Confirmed causes recurring across incidents, widest spread first (all analyses).

        *limit* keeps the widest groups only (``None``: every group).
        """
        require(user, Permission.VIEW_INCIDENTS)
        rows = confirmed_cause_rows(self._db)
        history: list[PastAnalysis] = []
        current_id: int | None = None
        causes: dict[str, CauseNode] = {}
        for analysis_id, ref, product, year, cause_id, layer, title, component, mode in rows:
            if analysis_id != current_id:
                current_id, causes = analysis_id, {}
                # A bare graph: the grouping reads only the causes, not the whole document.
                graph = CauseGraph(IncidentRoot(ref, ref, product), causes)
                history.append(PastAnalysis(ref, product, year, graph))
            causes[cause_id] = CauseNode(
                cause_id,
                _LAYERS[layer],
                title,
                CauseStatus.CONFIRMED,
                component=component,
                failure_mode=mode,
            )
        return recurring_causes(history, min_incidents=max(2, min_incidents), limit=limit)


def _similar(
    session: Session, graph: CauseGraph, text: str, own_id: int | None, limit: int
) -> list[SimilarIncident]:
    product, components, modes = similarity_keys(graph)
    words = {f"w:{word}": word for word in search_terms(text)}
    frequencies = term_frequencies(session, words)
    own_terms = terms_held(session, [own_id], words)[own_id] if own_id is not None else set()
    total = analysis_count(session) - (1 if own_id is not None else 0)
    weights: dict[str, float] = {}
    for term, count in frequencies.items():
        past = count - (term in own_terms)  # the incident's own analysis is not a past one
        if past > 0:
            weights[term] = rarity(total, past)
    if product:
        weights[f"p:{product}"] = _PRODUCT_WEIGHT
    weights.update({f"c:{c}": _MATCH_WEIGHT for c in components})
    weights.update({f"f:{m}": _MATCH_WEIGHT for m in modes})
    candidates = best_scoring(session, weights, exclude=own_id, limit=max(50, limit * 5))
    held = terms_held(session, candidates, weights)
    heads = analysis_heads(session, candidates)
    scored = []
    for analysis_id in candidates:
        head = heads[analysis_id]
        score, reasons = _score(head.product_name, held[analysis_id], weights, words, product)
        if score > 0:
            scored.append((-round(score, 6), -head.year, head.reference, analysis_id, reasons))
    scored.sort(key=lambda entry: entry[:3])
    results = []
    for negated, _, _, analysis_id, reasons in scored[:limit]:
        head = heads[analysis_id]
        earlier = store.graph_from_document(head.document)
        confirmed = sorted(
            (c for c in earlier.causes.values() if c.status is CauseStatus.CONFIRMED),
            key=lambda c: (_LAYER_ORDER[c.layer], id_sort_key(c.id)),
        )
        results.append(
            SimilarIncident(
                reference=head.reference,
                title=head.title,
                product=head.product_name,
                year=head.year,
                score=-negated,
                reasons=tuple(reasons),
                confirmed_causes=tuple(confirmed),
                countermeasures=tuple(
                    sorted(earlier.countermeasures.values(), key=lambda m: id_sort_key(m.id))
                ),
            )
        )
    return results


def _score(
    past_product: str,
    held: set[str],
    weights: dict[str, float],
    words: dict[str, str],
    product: str,
) -> tuple[float, list[str]]:
    # The same sums in the same order as recurrence.similar_incidents, so scores agree.
    score, reasons = 0.0, []
    if product and f"p:{product}" in held:
        score += _PRODUCT_WEIGHT
        reasons.append(f"same product {past_product}")
    for prefix, label in (("c:", "component"), ("f:", "failure mode")):
        for term in sorted(t for t in held if t.startswith(prefix)):
            score += _MATCH_WEIGHT
            reasons.append(f"shared {label} {term[2:]}")
    present = sorted(words[t] for t in held if t in words)
    if present:
        score += sum(weights[f"w:{w}"] for w in present)
        reasons.append("shared cause words: " + ", ".join(present))
    return score, reasons
