"""The rules an OCHIBO-HIROI analysis must satisfy before it can be closed.

:func:`closure_gaps` lists everything still missing, each as a plain English sentence that
names the cause, countermeasure or candidate concerned, so the review meeting knows exactly
what is left. The QA executive's signature is recorded by the services, not here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseStatus,
    CheckResult,
    LayerVerdict,
    YokotenDecision,
    id_sort_key,
)

# A deeper cause in one of these states means the cause above it is not yet the root.
_OPEN_OR_CONFIRMED = frozenset({CauseStatus.CONFIRMED, CauseStatus.HYPOTHESIS})


@dataclass(frozen=True, slots=True)
class ClosureGap:
    """One thing missing before closure: the rule, the element it concerns, the sentence."""

    rule: str
    subject: str
    message: str

    def __str__(self) -> str:
        return self.message


def root_causes(graph: CauseGraph) -> list[str]:
    """Ids of confirmed root causes: confirmed, with no deeper confirmed or hypothetical cause."""
    digraph = graph.caused_by()
    return sorted(
        cause_id
        for cause_id, node in graph.causes.items()
        if node.status is CauseStatus.CONFIRMED
        and not any(
            graph.causes[deeper].status in _OPEN_OR_CONFIRMED
            for deeper in digraph.successors(cause_id)
        )
    )


def closure_gaps(graph: CauseGraph) -> list[ClosureGap]:
    """Everything that stops *graph* from being closed; empty when it may be closed."""
    return [
        *_structure_gaps(graph),
        *_layer_gaps(graph),
        *_status_gaps(graph),
        *_countermeasure_gaps(graph),
        *_yokoten_gaps(graph),
    ]


def missing_for_closure(graph: CauseGraph) -> list[str]:
    """The sentences of :func:`closure_gaps`, in the same order."""
    return [gap.message for gap in closure_gaps(graph)]


def _structure_gaps(graph: CauseGraph) -> list[ClosureGap]:
    digraph = graph.caused_by()
    gaps: list[ClosureGap] = []
    try:
        cycle = nx.find_cycle(digraph)
    except nx.NetworkXNoCycle:
        pass
    else:
        path = " → ".join([str(edge[0]) for edge in cycle] + [str(cycle[0][0])])
        gaps.append(ClosureGap("acyclic", str(cycle[0][0]), f"The causes form a cycle: {path}."))
    reachable = nx.descendants(digraph, ROOT_ID)
    for cause_id in _ordered(c for c in graph.causes if c not in reachable):
        gaps.append(
            ClosureGap(
                "connected",
                cause_id,
                f"{_capital(graph.describe(cause_id))} is not connected to the incident.",
            )
        )
    return gaps


def _layer_gaps(graph: CauseGraph) -> list[ClosureGap]:
    gaps: list[ClosureGap] = []
    for layer in CauseLayer:
        confirmed = _ordered(
            c.id
            for c in graph.causes.values()
            if c.layer is layer and c.status is CauseStatus.CONFIRMED
        )
        review = graph.reviews.get(layer)
        not_applicable = review is not None and review.verdict is LayerVerdict.NOT_APPLICABLE
        name = layer.value
        if not_applicable and confirmed:
            gaps.append(
                ClosureGap(
                    "layer_examined",
                    name,
                    f"The {name} layer is marked not applicable but holds confirmed "
                    f"{graph.describe(confirmed[0])}.",
                )
            )
        elif not_applicable and review is not None and not review.reason.strip():
            gaps.append(
                ClosureGap(
                    "layer_examined",
                    name,
                    f"The {name} layer is marked not applicable without a reason.",
                )
            )
        elif not not_applicable and not confirmed:
            gaps.append(
                ClosureGap(
                    "layer_examined",
                    name,
                    f"The {name} layer has no confirmed cause and is not marked not applicable.",
                )
            )
    return gaps


def _status_gaps(graph: CauseGraph) -> list[ClosureGap]:
    gaps: list[ClosureGap] = []
    for cause_id in _ordered(graph.causes):
        status = graph.causes[cause_id].status
        if status is CauseStatus.UNKNOWN:
            text = f"{_capital(graph.describe(cause_id))} is still unknown (?)."
        elif status is CauseStatus.HYPOTHESIS:
            text = f"{_capital(graph.describe(cause_id))} is an unresolved hypothesis."
        else:
            continue
        gaps.append(ClosureGap("resolved", cause_id, text))
    return gaps


def _countermeasure_gaps(graph: CauseGraph) -> list[ClosureGap]:
    gaps: list[ClosureGap] = []
    removed = {c for m in graph.countermeasures.values() for c in m.removes}
    for cause_id in _ordered(root_causes(graph)):
        if cause_id not in removed:
            gaps.append(
                ClosureGap(
                    "countermeasure",
                    cause_id,
                    f"Confirmed root {graph.describe(cause_id)} has no countermeasure.",
                )
            )
    for measure_id in _ordered(graph.countermeasures):
        measure = graph.countermeasures[measure_id]
        named = _capital(graph.describe(measure_id))
        if not measure.removes:
            gaps.append(ClosureGap("linked", measure_id, f"{named} is not linked to any cause."))
        if not measure.check.criterion.strip():
            gaps.append(
                ClosureGap("effective", measure_id, f"{named} has no effectiveness criterion.")
            )
        if measure.check.result is not CheckResult.PASSED:
            gaps.append(
                ClosureGap(
                    "effective",
                    measure_id,
                    f"{named} has not passed its effectiveness check "
                    f"({measure.check.result.value}).",
                )
            )
    return gaps


def _yokoten_gaps(graph: CauseGraph) -> list[ClosureGap]:
    gaps: list[ClosureGap] = []
    for candidate_id in _ordered(graph.yokoten):
        candidate = graph.yokoten[candidate_id]
        named = _capital(graph.describe(candidate_id))
        if candidate.decision is YokotenDecision.UNDECIDED:
            gaps.append(ClosureGap("yokoten", candidate_id, f"{named} has no decision."))
        elif candidate.decision is YokotenDecision.SKIP and not candidate.reason.strip():
            text = f"{named} is skipped without a reason."
            gaps.append(ClosureGap("yokoten", candidate_id, text))
    return gaps


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ordered(ids: Iterable[str]) -> list[str]:
    return sorted(ids, key=id_sort_key)
