"""Reading a flat graph back into a checked cause graph, with every problem named.

Each node is read field by field; a problem is noted with the node's name and reading goes
on, so one refusal lists everything wrong with a file rather than the first fault only.
Nothing partial ever comes out: :func:`assemble` returns a graph or ``None``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from enum import Enum
from typing import Any, TypeVar

import networkx as nx

from qa_desktop.analysis.graph_ops import CauseGraph, integrity_problems
from qa_desktop.analysis.interchange_flat import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_EDGES,
    MAX_NODES,
    Attrs,
    FlatGraph,
    Malformed,
    Value,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseGate,
    CauseLayer,
    CauseLink,
    CauseNode,
    CauseStatus,
    CheckResult,
    Countermeasure,
    EffectivenessCheck,
    Evidence,
    EvidenceKind,
    GateKind,
    IncidentRoot,
    LayerReview,
    LayerVerdict,
    RiskReductionStep,
    YokotenCandidate,
    YokotenDecision,
    id_sort_key,
    validate_cause,
    validate_countermeasure,
    validate_gate,
    validate_incident_root,
    validate_review,
    validate_yokoten,
)
from qa_desktop.domain.errors import FieldError

_E = TypeVar("_E", bound=Enum)


def unconnected(graph: CauseGraph) -> list[str]:
    """A sentence for each cause not reachable from the incident (none if the graph is unsound)."""
    if integrity_problems(graph):
        return []
    reachable = nx.descendants(graph.caused_by(), ROOT_ID)
    return [
        f"{graph.describe(c)} is not connected to the incident"
        for c in sorted(graph.causes, key=id_sort_key)
        if c not in reachable
    ]


class _Fields:
    """Typed reads of one node's attributes; each problem is noted with the node's name."""

    def __init__(self, attrs: Attrs, where: str, problems: list[str]) -> None:
        self.attrs, self.where, self.problems = attrs, where, problems
        self.start = len(problems)

    @property
    def ok(self) -> bool:
        """Whether no problem was found in this node so far."""
        return len(self.problems) == self.start

    def text(self, name: str) -> str:
        value = self.attrs.get(name, "")
        return value if isinstance(value, str) else ""

    def number(self, name: str) -> float | None:
        value = self.attrs.get(name)
        return float(value) if isinstance(value, int | float) else None

    def choice(self, name: str, kind: type[_E], default: _E | None = None) -> _E:
        raw = self.attrs.get(name)
        if raw is None and default is not None:
            return default
        try:
            return kind(raw)
        except ValueError:
            allowed = ", ".join(str(m.value) for m in kind)
            self.problems.append(f"{self.where}: unknown {name} {raw!r} (expected {allowed})")
            return next(iter(kind))

    def day(self, name: str) -> date | None:
        raw = self.text(name)
        if not raw:
            return None
        try:
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                raise ValueError(raw)
            return date.fromisoformat(raw)
        except ValueError:
            self.problems.append(f"{self.where}: {name} {raw!r} is not a date like 2026-04-01")
            return None

    def check(self, errors: list[FieldError]) -> None:
        self.problems.extend(f"{self.where}: {e.field} {e.message}" for e in errors)


def assemble(flat: FlatGraph, *, connected: bool = True) -> CauseGraph | None:
    """The graph in *flat*, or ``None`` with the reasons added to ``flat.problems``.

    With *connected*, a cause not reachable from the incident is a problem too (files);
    a draft being worked on may hold causes not yet linked.
    """
    problems = flat.problems
    if len(flat.nodes) > MAX_NODES:
        raise Malformed(f"the file has {len(flat.nodes):,} nodes; the limit is {MAX_NODES:,}")
    if len(flat.edges) > MAX_EDGES:
        raise Malformed(f"the file has {len(flat.edges):,} links; the limit is {MAX_EDGES:,}")
    _check_header(flat.graph, problems)
    _rename_incident(flat)
    kinds = {node_id: attrs.get("kind") for node_id, attrs in flat.nodes.items()}
    if kinds.get(ROOT_ID) != "incident":
        problems.append(f"there is no incident node (a node with id {ROOT_ID!r} and kind incident)")
    parts: dict[str, dict[str, Any]] = {"cause": {}, "countermeasure": {}, "yokoten": {}}
    root = None
    for node_id, attrs in flat.nodes.items():
        kind = kinds[node_id]
        if kind == "incident" and node_id == ROOT_ID:
            root = _read_root(_Fields(attrs, "the incident", problems))
        elif kind in parts:
            fields = _Fields(attrs, f"{kind} {node_id}", problems)
            parts[str(kind)][node_id] = _NODE_READERS[str(kind)](node_id, fields)
        elif kind is None:
            problems.append(f"node {node_id!r} has no kind (incident, cause, countermeasure...)")
        else:
            problems.append(f"node {node_id!r} has unknown kind {kind!r}")
    links, gates = _read_edges(flat, kinds, parts, problems)
    reviews = _read_reviews(flat.graph, problems)
    if problems or root is None:
        return None
    graph = CauseGraph(root, parts["cause"], frozenset(links), gates, parts["countermeasure"],
                       parts["yokoten"], reviews)
    found = integrity_problems(graph) + (unconnected(graph) if connected else [])
    problems.extend(p.rstrip(".") for p in found)
    return None if problems else graph


def _rename_incident(flat: FlatGraph) -> None:
    """Give the incident node its usual id: editors such as yEd renumber node ids on saving."""
    incidents = [node for node, attrs in flat.nodes.items() if attrs.get("kind") == "incident"]
    if len(incidents) > 1:
        flat.problems.append(f"the file has {len(incidents)} incident nodes; an analysis has one")
    if len(incidents) != 1 or incidents[0] == ROOT_ID or ROOT_ID in flat.nodes:
        return
    old = incidents[0]
    flat.nodes = {ROOT_ID if k == old else k: v for k, v in flat.nodes.items()}
    flat.edges = [(ROOT_ID if s == old else s, t, a) for s, t, a in flat.edges]


def _check_header(attrs: Attrs, problems: list[str]) -> None:
    # Tools such as Gephi drop graph attributes, so a missing header is accepted.
    if attrs.get("format", FORMAT_NAME) != FORMAT_NAME:
        problems.append(f"the format is {attrs['format']!r}, not a QA Desktop cause graph")
    version = attrs.get("version", FORMAT_VERSION)
    if not isinstance(version, int) or not 1 <= version <= FORMAT_VERSION:
        problems.append(
            f"the file is format version {version!r}; this program reads versions up to "
            f"{FORMAT_VERSION} (a newer program may have written it)"
        )


def _read_root(f: _Fields) -> IncidentRoot | None:
    root = IncidentRoot(
        f.text("reference"), f.text("title"), f.text("product"), f.text("model"),
        f.text("business_unit"), f.day("occurred_on"), f.number("x"), f.number("y"),
    )
    f.check(validate_incident_root(root))
    return root if f.ok else None


def _read_cause(node_id: str, f: _Fields) -> CauseNode:
    node = CauseNode(
        node_id, f.choice("layer", CauseLayer), f.text("title"),
        f.choice("status", CauseStatus, CauseStatus.UNKNOWN), f.text("description"),
        f.text("owner"), f.text("component"), f.text("failure_mode"), _read_evidence(f),
        f.day("identified_on"), f.day("resolved_on"), f.number("x"), f.number("y"),
    )
    f.check(validate_cause(node))
    return node


def _read_evidence(f: _Fields) -> tuple[Evidence, ...]:
    raw = f.text("evidence")
    if not raw:
        return ()
    try:
        rows = json.loads(raw)
        if not isinstance(rows, list):
            raise TypeError
        return tuple(
            Evidence(
                str(row["label"]),
                EvidenceKind(row["kind"]),
                str(row["added_by"]),
                str(row.get("checksum", "")),
                date.fromisoformat(row["added_on"]) if row.get("added_on") else None,
            )
            for row in rows
        )
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        f.problems.append(f"{f.where}: the evidence list is not readable")
        return ()


def _read_measure(node_id: str, f: _Fields) -> Countermeasure:
    check = EffectivenessCheck(
        f.text("criterion"), f.day("check_on"), f.choice("result", CheckResult, CheckResult.PENDING)
    )
    measure = Countermeasure(
        node_id, f.text("title"), f.text("owner"), f.day("due_on"),
        f.choice("step", RiskReductionStep), check, frozenset(), f.text("description"),
    )
    f.check(validate_countermeasure(measure))
    return measure


def _read_candidate(node_id: str, f: _Fields) -> YokotenCandidate:
    candidate = YokotenCandidate(
        node_id, f.text("product"), f.text("model"), f.text("business_unit"), "",
        f.text("shared_component"),
        f.choice("decision", YokotenDecision, YokotenDecision.UNDECIDED), f.text("reason"),
    )
    f.check(validate_yokoten(candidate))
    return candidate


_EDGE_SOURCES = {"caused_by": ("incident", "cause"), "removes": ("countermeasure",),
                 "shares": ("yokoten",)}


def _read_edges(
    flat: FlatGraph, kinds: dict[str, Any], parts: dict[str, dict[str, Any]], problems: list[str]
) -> tuple[set[CauseLink], dict[str, CauseGate]]:
    links: set[CauseLink] = set()
    members: dict[str, tuple[str, str, set[str]]] = {}
    seen: set[tuple[str, str, Value]] = set()
    for source, target, attrs in flat.edges:
        kind = attrs.get("kind", "caused_by")
        problem = _edge_problem(source, target, kind, kinds, seen)
        seen.add((source, target, kind))
        if problem:
            problems.append(problem)
        elif kind == "caused_by":
            links.add(CauseLink(source, target))
            gate_id, gate_kind = attrs.get("gate", ""), str(attrs.get("gate_kind", ""))
            if isinstance(gate_id, str) and gate_id:
                effect, kind_seen, causes = members.setdefault(gate_id, (source, gate_kind, set()))
                if (effect, kind_seen) != (source, gate_kind):
                    problems.append(f"gate {gate_id} mixes links of different effects or kinds")
                causes.add(target)
        elif kind == "removes":
            measure = parts["countermeasure"].get(source)
            if measure is not None:
                removes = measure.removes | {target}
                parts["countermeasure"][source] = replace(measure, removes=removes)
        elif (candidate := parts["yokoten"].get(source)) is not None:
            if candidate.shared_cause:
                problems.append(f"yokoten candidate {source} shares more than one cause")
            parts["yokoten"][source] = replace(candidate, shared_cause=target)
    return links, _read_gates(members, kinds, problems)


def _edge_problem(
    source: str, target: str, kind: Value, kinds: dict[str, Any], seen: set[tuple[str, str, Value]]
) -> str:
    where = f"the link {source} → {target}"
    if kind not in _EDGE_SOURCES:
        return f"{where} has unknown kind {kind!r}"
    if source not in kinds or target not in kinds:
        return f"{where} names a node that is not in the file"
    if kinds[source] not in _EDGE_SOURCES[str(kind)] or kinds[target] != "cause":
        return f"{where} ({kind}) joins a {kinds[source]} to a {kinds[target]}"
    if (source, target, kind) in seen:
        return f"{where} appears twice"
    return ""


def _read_gates(
    members: dict[str, tuple[str, str, set[str]]], kinds: dict[str, Any], problems: list[str]
) -> dict[str, CauseGate]:
    gates: dict[str, CauseGate] = {}
    for gate_id, (effect, gate_kind, causes) in members.items():
        f = _Fields({"kind": gate_kind}, f"gate {gate_id}", problems)
        gate = CauseGate(gate_id, effect, f.choice("kind", GateKind), frozenset(causes))
        f.check(validate_gate(gate))
        if gate_id in kinds:
            problems.append(f"gate {gate_id} has the id of a node")
        gates[gate_id] = gate
    return gates


def _read_reviews(attrs: Attrs, problems: list[str]) -> dict[CauseLayer, LayerReview]:
    reviews: dict[CauseLayer, LayerReview] = {}
    for layer in CauseLayer:
        name = f"review_{layer.value}"
        if name not in attrs:
            continue
        f = _Fields(attrs, f"the {layer.value} layer review", problems)
        review = LayerReview(layer, f.choice(name, LayerVerdict), f.text(f"{name}_reason"))
        f.check(validate_review(review))
        reviews[layer] = review
    return reviews


_NODE_READERS: dict[str, Callable[[str, _Fields], Any]] = {
    "cause": _read_cause,
    "countermeasure": _read_measure,
    "yokoten": _read_candidate,
}
