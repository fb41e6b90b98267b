"""The cause graph as an immutable value: its parts, undo patches and structural checks.

Every edit (``qa_desktop.analysis.graph_ops``) produces a :class:`GraphPatch` listing each
element it changed with its value before and after; :func:`apply_patch` applies one (an undo
or a redo) and refuses it when the graph no longer holds the "before" values.
:func:`integrity_problems` finds structural faults (dangling references, bad gates, cycles)
and :func:`graph_problems` adds every field rule, so a graph built by any means can be
checked before it is stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

import networkx as nx

from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseGate,
    CauseLayer,
    CauseLink,
    CauseNode,
    Countermeasure,
    IncidentRoot,
    LayerReview,
    YokotenCandidate,
    id_sort_key,
    validate_cause,
    validate_countermeasure,
    validate_gate,
    validate_incident_root,
    validate_review,
    validate_yokoten,
)
from qa_desktop.domain.errors import FieldError, QaError, ValidationFailed


class GraphEditRefused(QaError):
    """The edit would break the graph (a cycle, a duplicate, a stale undo); nothing changed."""


class GraphPart(StrEnum):
    """The collections of a :class:`CauseGraph`; values are the attribute names."""

    INCIDENT = "incident"
    CAUSES = "causes"
    LINKS = "links"
    GATES = "gates"
    COUNTERMEASURES = "countermeasures"
    YOKOTEN = "yokoten"
    REVIEWS = "reviews"


@dataclass(frozen=True)
class CauseGraph:
    """One OCHIBO-HIROI analysis. Treat it as immutable: edits return a new graph.

    Mappings are keyed by id (reviews by layer). Equality compares content, not order; the
    hash covers the incident and the links only, so equal graphs hash alike.
    """

    incident: IncidentRoot
    causes: Mapping[str, CauseNode] = field(default_factory=dict, hash=False)
    links: frozenset[CauseLink] = frozenset()
    gates: Mapping[str, CauseGate] = field(default_factory=dict, hash=False)
    countermeasures: Mapping[str, Countermeasure] = field(default_factory=dict, hash=False)
    yokoten: Mapping[str, YokotenCandidate] = field(default_factory=dict, hash=False)
    reviews: Mapping[CauseLayer, LayerReview] = field(default_factory=dict, hash=False)
    _digraph: Any = field(default=None, init=False, repr=False, compare=False)

    def caused_by(self) -> nx.DiGraph:
        """The incident and causes as a frozen networkx DiGraph, edges effect -> cause."""
        if self._digraph is None:
            digraph = nx.DiGraph()
            digraph.add_node(ROOT_ID)
            digraph.add_nodes_from(self.causes)
            digraph.add_edges_from((link.effect, link.cause) for link in self.links)
            # Safe to cache: the graph value never changes after construction.
            object.__setattr__(self, "_digraph", nx.freeze(digraph))
        return self._digraph

    def has_node(self, node_id: str) -> bool:
        """Whether *node_id* is the incident or one of the causes."""
        return node_id == ROOT_ID or node_id in self.causes

    def describe(self, node_id: str) -> str:
        """A node, countermeasure or candidate named for a message: id and quoted title."""
        if node_id == ROOT_ID:
            return f"the incident “{self.incident.title}”"
        if node_id in self.causes:
            return f"cause {node_id} “{self.causes[node_id].title}”"
        if node_id in self.countermeasures:
            return f"countermeasure {node_id} “{self.countermeasures[node_id].title}”"
        if node_id in self.yokoten:
            return f"yokoten candidate {node_id} ({self.yokoten[node_id].target})"
        return node_id

    def ids_in_use(self) -> set[str]:
        """Every id taken in this graph (one namespace for all kinds of element)."""
        return {ROOT_ID, *self.causes, *self.gates, *self.countermeasures, *self.yokoten}


def new_graph(incident: IncidentRoot) -> CauseGraph:
    """An empty analysis of *incident*."""
    require_valid(validate_incident_root(incident))
    return CauseGraph(incident=incident)


@dataclass(frozen=True, slots=True)
class PartChange:
    """One element of one part: its value before and after (``None`` = absent)."""

    part: GraphPart
    key: Any
    before: Any
    after: Any


@dataclass(frozen=True, slots=True)
class GraphPatch:
    """A list of element changes; applying :meth:`inverted` undoes it exactly."""

    changes: tuple[PartChange, ...]

    def inverted(self) -> GraphPatch:
        """The patch that restores what this one changed, in reverse order."""
        return GraphPatch(
            tuple(PartChange(c.part, c.key, c.after, c.before) for c in reversed(self.changes))
        )


@dataclass(frozen=True, slots=True)
class Edit:
    """The graph after an edit and the patch that undoes it."""

    graph: CauseGraph
    undo: GraphPatch


def apply_patch(graph: CauseGraph, patch: GraphPatch) -> Edit:
    """Apply an undo or redo patch; refused if *graph* no longer holds its "before" values.

    The result is checked as a whole, so even a patch from elsewhere cannot leave a cycle or
    a dangling reference.
    """
    new = apply_changes(graph, patch.changes)
    problems = integrity_problems(new)
    if problems:
        raise GraphEditRefused(f"The change cannot be applied: {problems[0]}")
    return Edit(new, patch.inverted())


def apply_changes(graph: CauseGraph, changes: Iterable[PartChange]) -> CauseGraph:
    """*graph* with *changes* applied; refused when an element no longer holds its "before"."""
    parts: dict[GraphPart, Any] = {}
    for change in changes:
        if change.part is GraphPart.INCIDENT:
            current = parts.get(GraphPart.INCIDENT, graph.incident)
            if current != change.before:
                raise GraphEditRefused("The incident was changed since; the edit does not fit.")
            parts[GraphPart.INCIDENT] = change.after
            continue
        if change.part not in parts:
            original = getattr(graph, change.part.value)
            parts[change.part] = set(original) if change.part is GraphPart.LINKS else dict(original)
        part = parts[change.part]
        if change.part is GraphPart.LINKS:
            present = change.key in part
            if present != (change.before is not None):
                raise GraphEditRefused(f"The link {arrow(change.key)} was changed since.")
            part.discard(change.key)
            if change.after is not None:
                part.add(change.key)
            continue
        if part.get(change.key) != change.before:
            raise GraphEditRefused(f"{change.key} was changed since; the edit does not fit.")
        if change.after is None:
            del part[change.key]
        else:
            part[change.key] = change.after
    if GraphPart.LINKS in parts:
        parts[GraphPart.LINKS] = frozenset(parts[GraphPart.LINKS])
    return replace(graph, **{p.value: v for p, v in parts.items()})


def arrow(link: CauseLink) -> str:
    """A link as people read it: ``effect → cause``."""
    return f"{link.effect} → {link.cause}"


def require_valid(errors: list[FieldError]) -> None:
    """Raise :class:`ValidationFailed` when *errors* is not empty."""
    if errors:
        raise ValidationFailed(errors)


# ----------------------------------------------------------------------------- integrity


def integrity_problems(graph: CauseGraph) -> list[str]:
    """Structural faults: dangling references, bad gates, cycles. Empty for a sound graph."""
    problems = [
        f"Cause {n.id} is filed under the id {k}." for k, n in graph.causes.items() if k != n.id
    ]
    for link in sorted(graph.links, key=lambda k: (k.effect, k.cause)):
        if not graph.has_node(link.effect) or link.cause not in graph.causes:
            problems.append(f"The link {arrow(link)} points at a cause that does not exist.")
    problems += _gate_problems(graph)
    for measure in graph.countermeasures.values():
        if any(c not in graph.causes for c in measure.removes):
            problems.append(f"Countermeasure {measure.id} names a cause that does not exist.")
    for candidate in graph.yokoten.values():
        if candidate.shared_cause and candidate.shared_cause not in graph.causes:
            problems.append(f"Yokoten candidate {candidate.id} names a cause that does not exist.")
    if not problems:
        try:
            cycle = nx.find_cycle(graph.caused_by())
        except nx.NetworkXNoCycle:
            return problems
        path = " → ".join([str(edge[0]) for edge in cycle] + [str(cycle[0][0])])
        problems.append(f"The causes form a cycle: {path}.")
    return problems


def _gate_problems(graph: CauseGraph) -> list[str]:
    problems: list[str] = []
    gated: set[tuple[str, str]] = set()
    for gate in graph.gates.values():
        for cause in gate.causes:
            if (gate.effect, cause) in gated:
                problems.append(f"{cause} sits in two gates of {gate.effect}.")
            gated.add((gate.effect, cause))
        if len(gate.causes) < 2:
            problems.append(f"Gate {gate.id} joins fewer than two causes.")
        if any(CauseLink(gate.effect, c) not in graph.links for c in gate.causes):
            problems.append(f"Gate {gate.id} joins causes not linked to {gate.effect}.")
    return problems


def graph_problems(graph: CauseGraph) -> list[FieldError]:
    """Every field rule and structural fault of *graph*; empty when it may be stored.

    Graphs made by the edits are valid already; this checks one assembled by other means
    (an editor's own code, a file) with each problem naming its element.
    """
    errors = [_named("incident", e) for e in validate_incident_root(graph.incident)]
    for key, node in sorted(graph.causes.items(), key=lambda item: id_sort_key(item[0])):
        errors += [_named(f"cause {key}", e) for e in validate_cause(node)]
    for key, gate in sorted(graph.gates.items()):
        errors += [_named(f"gate {key}", e) for e in validate_gate(gate)]
    for key, measure in sorted(graph.countermeasures.items()):
        errors += [_named(f"countermeasure {key}", e) for e in validate_countermeasure(measure)]
        if key != measure.id:
            errors.append(FieldError(f"countermeasure {key}", "id", "is filed under another id"))
    for key, candidate in sorted(graph.yokoten.items()):
        errors += [_named(f"yokoten {key}", e) for e in validate_yokoten(candidate)]
        if key != candidate.id:
            errors.append(FieldError(f"yokoten {key}", "id", "is filed under another id"))
    for layer, review in graph.reviews.items():
        errors += [_named(f"review {layer}", e) for e in validate_review(review)]
        if layer != review.layer:
            errors.append(FieldError(f"review {layer}", "layer", "is filed under another layer"))
    errors += [FieldError("graph", "integrity", p) for p in integrity_problems(graph)]
    return errors


def _named(element: str, error: FieldError) -> FieldError:
    return FieldError(f"{element}: {error.field}", error.rule, error.message)
