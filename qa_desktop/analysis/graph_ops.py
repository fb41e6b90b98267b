"""The edits an analyst makes to a cause graph, each with the patch that undoes it.

Every edit returns an :class:`Edit`: the new graph and the :class:`GraphPatch` that undoes
it. A patch lists each element it changed with its value before and after, so undo puts back
exactly what was there (deleting a cause takes its links, gate memberships and countermeasure
references with it; undo restores all of them). Refusals (a link that would close a cycle, an
unknown id) are raised before anything changes, and no edit can leave a link, gate,
countermeasure or yokoten candidate pointing at a cause that is gone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import networkx as nx

from qa_desktop.analysis.graph_value import (
    CauseGraph,
    Edit,
    GraphEditRefused,
    GraphPart,
    GraphPatch,
    PartChange,
    apply_changes,
    apply_patch,
    graph_problems,
    integrity_problems,
    new_graph,
    require_valid,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    TEXT_LIMITS,
    CauseGate,
    CauseLayer,
    CauseLink,
    CauseNode,
    Countermeasure,
    GateKind,
    IncidentRoot,
    LayerReview,
    YokotenCandidate,
    YokotenDecision,
    validate_cause,
    validate_countermeasure,
    validate_gate,
    validate_incident_root,
    validate_review,
    validate_yokoten,
)
from qa_desktop.domain.errors import NotFound

__all__ = [
    "CauseGraph",
    "Edit",
    "GraphEditRefused",
    "GraphPart",
    "GraphPatch",
    "PartChange",
    "add_cause",
    "add_countermeasure",
    "add_yokoten",
    "apply_patch",
    "clear_layer_review",
    "decide_yokoten",
    "delete_cause",
    "delete_countermeasure",
    "delete_yokoten",
    "edit_cause",
    "edit_countermeasure",
    "edit_incident",
    "edit_yokoten",
    "graph_problems",
    "integrity_problems",
    "link_cause",
    "move_nodes",
    "new_graph",
    "next_id",
    "remove_gate",
    "set_gate",
    "set_layer_review",
    "unlink_cause",
]


def _commit(graph: CauseGraph, changes: list[PartChange]) -> Edit:
    return Edit(apply_changes(graph, changes), GraphPatch(tuple(changes)).inverted())


def _require_new_id(graph: CauseGraph, new_id: str) -> None:
    if new_id in graph.ids_in_use():
        raise GraphEditRefused(f"The id {new_id} is already used in this analysis.")


def _require_cause(graph: CauseGraph, cause_id: str) -> CauseNode:
    if cause_id not in graph.causes:
        raise NotFound(f"There is no cause {cause_id} in this analysis.")
    return graph.causes[cause_id]


def _require_node(graph: CauseGraph, node_id: str) -> None:
    if not graph.has_node(node_id):
        raise NotFound(f"There is no cause {node_id} in this analysis.")


def next_id(graph: CauseGraph, prefix: str) -> str:
    """A free id such as ``C12``: *prefix* followed by one more than the highest number used."""
    pattern = re.compile(rf"^{re.escape(prefix)}(\d+)$")
    numbers = [int(m.group(1)) for i in graph.ids_in_use() if (m := pattern.match(i))]
    return f"{prefix}{max(numbers, default=0) + 1}"


# ----------------------------------------------------------------------------- causes


def add_cause(graph: CauseGraph, node: CauseNode, *, effect: str | None = None) -> Edit:
    """Add *node*; with *effect*, also link it as a cause of that node (one undo step)."""
    require_valid(validate_cause(node))
    _require_new_id(graph, node.id)
    changes = [PartChange(GraphPart.CAUSES, node.id, None, node)]
    if effect is not None:
        _require_node(graph, effect)
        changes.append(PartChange(GraphPart.LINKS, CauseLink(effect, node.id), None, True))
    return _commit(graph, changes)


def edit_cause(graph: CauseGraph, node: CauseNode) -> Edit:
    """Replace the cause with the same id by *node* (text, layer, status, evidence...)."""
    before = _require_cause(graph, node.id)
    require_valid(validate_cause(node))
    return _commit(graph, [PartChange(GraphPart.CAUSES, node.id, before, node)])


def delete_cause(graph: CauseGraph, cause_id: str) -> Edit:
    """Delete a cause with its links; gates, countermeasures and candidates forget it."""
    node = _require_cause(graph, cause_id)
    digraph = graph.caused_by()
    changes: list[PartChange] = []
    for gate in graph.gates.values():
        if gate.effect == cause_id:
            changes.append(PartChange(GraphPart.GATES, gate.id, gate, None))
        elif cause_id in gate.causes:
            changes.append(_shrink_gate(gate, {cause_id}))
    links = [CauseLink(effect, cause_id) for effect in digraph.predecessors(cause_id)]
    links += [CauseLink(cause_id, cause) for cause in digraph.successors(cause_id)]
    for link in sorted(links, key=lambda k: (k.effect, k.cause)):
        changes.append(PartChange(GraphPart.LINKS, link, True, None))
    for measure in graph.countermeasures.values():
        if cause_id in measure.removes:
            after = replace(measure, removes=measure.removes - {cause_id})
            changes.append(PartChange(GraphPart.COUNTERMEASURES, measure.id, measure, after))
    for candidate in graph.yokoten.values():
        if candidate.shared_cause == cause_id:
            after_candidate = replace(candidate, shared_cause="")
            changes.append(PartChange(GraphPart.YOKOTEN, candidate.id, candidate, after_candidate))
    changes.append(PartChange(GraphPart.CAUSES, cause_id, node, None))
    return _commit(graph, changes)


def move_nodes(graph: CauseGraph, positions: Mapping[str, tuple[float, float]]) -> Edit:
    """Set saved positions (the incident included), e.g. after dragging or an automatic layout."""
    changes: list[PartChange] = []
    for node_id, (x, y) in positions.items():
        _require_node(graph, node_id)
        if node_id == ROOT_ID:
            moved_root = replace(graph.incident, x=float(x), y=float(y))
            require_valid(validate_incident_root(moved_root))
            if moved_root != graph.incident:
                changes.append(PartChange(GraphPart.INCIDENT, ROOT_ID, graph.incident, moved_root))
            continue
        node = graph.causes[node_id]
        moved = replace(node, x=float(x), y=float(y))
        require_valid(validate_cause(moved))
        if moved != node:
            changes.append(PartChange(GraphPart.CAUSES, node_id, node, moved))
    return _commit(graph, changes)


def edit_incident(graph: CauseGraph, incident: IncidentRoot) -> Edit:
    """Replace the incident node's text or position."""
    require_valid(validate_incident_root(incident))
    return _commit(graph, [PartChange(GraphPart.INCIDENT, ROOT_ID, graph.incident, incident)])


# ----------------------------------------------------------------------------- links, gates


def link_cause(graph: CauseGraph, effect: str, cause: str) -> Edit:
    """Record that *effect* is caused by *cause*; refused if it would make a cycle."""
    _require_node(graph, effect)
    _require_cause(graph, cause)
    link = CauseLink(effect, cause)
    if effect == cause:
        raise GraphEditRefused(f"{graph.describe(cause)} cannot be a cause of itself.")
    if link in graph.links:
        raise GraphEditRefused(
            f"{graph.describe(cause)} is already a cause of {graph.describe(effect)}."
        )
    if nx.has_path(graph.caused_by(), cause, effect):
        raise GraphEditRefused(
            f"{graph.describe(cause)} cannot be a cause of {graph.describe(effect)}: "
            f"{effect} is already among its causes, so the link would make a cycle."
        )
    return _commit(graph, [PartChange(GraphPart.LINKS, link, None, True)])


def unlink_cause(graph: CauseGraph, effect: str, cause: str) -> Edit:
    """Remove a "caused by" link; a gate left with fewer than two causes goes with it."""
    link = CauseLink(effect, cause)
    if link not in graph.links:
        raise NotFound(f"{cause} is not linked as a cause of {effect}.")
    return _commit(graph, _unlink_changes(graph, link))


def _unlink_changes(graph: CauseGraph, link: CauseLink) -> list[PartChange]:
    changes: list[PartChange] = []
    for gate in graph.gates.values():
        if gate.effect == link.effect and link.cause in gate.causes:
            changes.append(_shrink_gate(gate, {link.cause}))
    changes.append(PartChange(GraphPart.LINKS, link, True, None))
    return changes


def _shrink_gate(gate: CauseGate, leaving: set[str]) -> PartChange:
    remaining = gate.causes - leaving
    after = replace(gate, causes=remaining) if len(remaining) >= 2 else None
    return PartChange(GraphPart.GATES, gate.id, gate, after)


def set_gate(
    graph: CauseGraph,
    effect: str,
    causes: Iterable[str],
    kind: GateKind,
    gate_id: str | None = None,
) -> Edit:
    """Join causes of *effect* under an AND/OR gate (new, or *gate_id* replaced).

    A cause sits in at most one gate per effect: it leaves any other gate it was in.
    """
    _require_node(graph, effect)
    members = frozenset(causes)
    unlinked = sorted(c for c in members if CauseLink(effect, c) not in graph.links)
    if unlinked:
        raise GraphEditRefused(
            f"A gate joins causes of one effect; {', '.join(unlinked)} "
            f"{'is' if len(unlinked) == 1 else 'are'} not linked to {effect}."
        )
    before = None
    if gate_id is None:
        gate_id = next_id(graph, "G")
    elif gate_id in graph.gates:
        before = graph.gates[gate_id]
        if before.effect != effect:
            raise GraphEditRefused(f"Gate {gate_id} belongs to {before.effect}, not {effect}.")
    else:
        _require_new_id(graph, gate_id)
    gate = CauseGate(gate_id, effect, kind, members)
    require_valid(validate_gate(gate))
    changes = [
        _shrink_gate(other, set(members))
        for other in graph.gates.values()
        if other.id != gate_id and other.effect == effect and other.causes & members
    ]
    changes.append(PartChange(GraphPart.GATES, gate_id, before, gate))
    return _commit(graph, changes)


def remove_gate(graph: CauseGraph, gate_id: str) -> Edit:
    """Remove a gate; its causes stay linked to the effect."""
    if gate_id not in graph.gates:
        raise NotFound(f"There is no gate {gate_id} in this analysis.")
    return _commit(graph, [PartChange(GraphPart.GATES, gate_id, graph.gates[gate_id], None)])


# ----------------------------------------------------------------------------- the rest


def _replace_element(graph: CauseGraph, part: GraphPart, key: Any, after: Any, noun: str) -> Edit:
    """Add (key new), replace (key present, *after* given) or delete (*after* is None)."""
    before = getattr(graph, part.value).get(key)
    if before is None and after is None:
        raise NotFound(f"There is no {noun} {key} in this analysis.")
    return _commit(graph, [PartChange(part, key, before, after)])


def _check_removes(graph: CauseGraph, measure: Countermeasure) -> None:
    missing = sorted(c for c in measure.removes if c not in graph.causes)
    if missing:
        raise NotFound(
            f"Countermeasure {measure.id} names causes not in this analysis: {', '.join(missing)}."
        )


def add_countermeasure(graph: CauseGraph, measure: Countermeasure) -> Edit:
    """Add a countermeasure linked to the causes it removes."""
    require_valid(validate_countermeasure(measure))
    _require_new_id(graph, measure.id)
    _check_removes(graph, measure)
    return _replace_element(graph, GraphPart.COUNTERMEASURES, measure.id, measure, "")


def edit_countermeasure(graph: CauseGraph, measure: Countermeasure) -> Edit:
    """Replace the countermeasure with the same id (owner, dates, check result, causes...)."""
    if measure.id not in graph.countermeasures:
        raise NotFound(f"There is no countermeasure {measure.id} in this analysis.")
    require_valid(validate_countermeasure(measure))
    _check_removes(graph, measure)
    return _replace_element(graph, GraphPart.COUNTERMEASURES, measure.id, measure, "")


def delete_countermeasure(graph: CauseGraph, measure_id: str) -> Edit:
    """Delete a countermeasure."""
    return _replace_element(graph, GraphPart.COUNTERMEASURES, measure_id, None, "countermeasure")


def _check_candidate(graph: CauseGraph, candidate: YokotenCandidate) -> None:
    require_valid(validate_yokoten(candidate))
    if candidate.shared_cause and candidate.shared_cause not in graph.causes:
        raise NotFound(f"There is no cause {candidate.shared_cause} in this analysis.")


def add_yokoten(graph: CauseGraph, candidate: YokotenCandidate) -> Edit:
    """Add a horizontal-deployment candidate."""
    _check_candidate(graph, candidate)
    _require_new_id(graph, candidate.id)
    return _replace_element(graph, GraphPart.YOKOTEN, candidate.id, candidate, "")


def edit_yokoten(graph: CauseGraph, candidate: YokotenCandidate) -> Edit:
    """Replace a candidate, e.g. to record the decision and its reason."""
    if candidate.id not in graph.yokoten:
        raise NotFound(f"There is no yokoten candidate {candidate.id} in this analysis.")
    _check_candidate(graph, candidate)
    return _replace_element(graph, GraphPart.YOKOTEN, candidate.id, candidate, "")


def decide_yokoten(
    graph: CauseGraph, candidate_id: str, decision: YokotenDecision, reason: str = ""
) -> Edit:
    """Record the decision on a candidate; "apply" also opens its follow-up.

    The follow-up is a countermeasure that carries the lesson to the other product, linked to
    the shared cause: it has an owner, a due date and an effectiveness check to fill in, and
    the closure rules hold the analysis open until that check has passed. Undo removes both.
    """
    before = graph.yokoten.get(candidate_id)
    if before is None:
        raise NotFound(f"There is no yokoten candidate {candidate_id} in this analysis.")
    after = replace(before, decision=decision, reason=reason)
    _check_candidate(graph, after)
    changes = [PartChange(GraphPart.YOKOTEN, candidate_id, before, after)]
    if decision is YokotenDecision.APPLY and before.decision is not YokotenDecision.APPLY:
        follow_up = Countermeasure(
            id=next_id(graph, "CM"),
            title=f"Yokoten {candidate_id}: apply to {after.target}"[: TEXT_LIMITS["title"]],
            removes=frozenset({after.shared_cause}) if after.shared_cause else frozenset(),
            description=(
                f"Follow-up of yokoten candidate {candidate_id} "
                f"(shared {'cause ' + after.shared_cause if after.shared_cause else 'component'}"
                f"{': ' + after.shared_component if after.shared_component else ''})."
            ),
        )
        require_valid(validate_countermeasure(follow_up))
        changes.append(PartChange(GraphPart.COUNTERMEASURES, follow_up.id, None, follow_up))
    return _commit(graph, changes)


def delete_yokoten(graph: CauseGraph, candidate_id: str) -> Edit:
    """Delete a yokoten candidate."""
    return _replace_element(graph, GraphPart.YOKOTEN, candidate_id, None, "yokoten candidate")


def set_layer_review(graph: CauseGraph, review: LayerReview) -> Edit:
    """Record the verdict on one layer (examined, or not applicable with a reason)."""
    require_valid(validate_review(review))
    return _replace_element(graph, GraphPart.REVIEWS, review.layer, review, "")


def clear_layer_review(graph: CauseGraph, layer: CauseLayer) -> Edit:
    """Forget the verdict on *layer*."""
    return _replace_element(graph, GraphPart.REVIEWS, layer, None, "review of the layer")
