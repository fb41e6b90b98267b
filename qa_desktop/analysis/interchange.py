"""Export and import of cause graphs as GraphML, DOT and node-link JSON.

All three formats carry the same content without loss: the incident, causes (layer, status,
texts, evidence, dates, positions), "caused by" links with their AND/OR gates,
countermeasures (linked to the causes they remove by ``removes`` edges), yokoten candidates
(linked to a shared cause by a ``shares`` edge) and the layer reviews (graph attributes).

- **GraphML** (``.graphml``): every attribute is declared as a ``<key>`` with its
  ``attr.type``; yEd, Gephi and Cytoscape read it and show the ``label`` attribute.
  Parsed with ``defusedxml``: DTDs, entity declarations and external references are refused.
- **DOT** (``.gv``, ``.dot``): Graphviz draws it left to right; data attributes are
  prefixed ``qa_``. The importer reads the subset written here (no subgraphs or ports).
- **Node-link JSON** (``.json``): the shape of networkx ``node_link_data`` (``nodes`` and
  ``edges``) plus ``format`` and ``version`` fields.

Limits: a file over 20 MB (:data:`MAX_FILE_BYTES`), with more than 20,000 nodes
(:data:`MAX_NODES`) or more than 100,000 links (:data:`MAX_EDGES`) is refused, as is a graph
that is malformed, cyclic, has a cause not connected to the incident, or uses an unknown
layer, status or other value. A refusal raises :class:`GraphFileRefused` listing the problems
and returns nothing: an import never yields a partial graph. Export refuses the same way,
so every exported file imports again.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from enum import Enum, StrEnum
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeXml
import networkx as nx

from qa_desktop.analysis.graph_ops import CauseGraph, integrity_problems
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
from qa_desktop.domain.errors import FieldError, QaError

#: Largest file accepted for import, in bytes (20 MB).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Most nodes (incident, causes, countermeasures, yokoten candidates) in one file.
MAX_NODES = 20_000
#: Most links of all kinds in one file.
MAX_EDGES = 100_000
#: The ``format`` field of every exported file, and the newest ``version`` this code reads.
FORMAT_NAME = "qa-desktop/cause-graph"
FORMAT_VERSION = 1

_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_MAX_REPORTED = 12

Value = str | float | int
Attrs = dict[str, Value]
_E = TypeVar("_E", bound=Enum)


class GraphFormat(StrEnum):
    """The interchange formats; the value is the usual file suffix without the dot."""

    GRAPHML = "graphml"
    DOT = "dot"
    JSON = "json"

    @property
    def display_name(self) -> str:
        """The format's name as people write it."""
        return {"graphml": "GraphML", "dot": "DOT", "json": "node-link JSON"}[self.value]


class GraphFileRefused(QaError):
    """A cause-graph file was refused as a whole; ``problems`` says why. Nothing was imported."""

    def __init__(self, action: str, problems: list[str]) -> None:
        self.problems = list(problems)
        shown = "; ".join(problems[:_MAX_REPORTED])
        more = len(problems) - _MAX_REPORTED
        suffix = f"; and {more} more problem(s)" if more > 0 else ""
        super().__init__(f"{action}: {shown}{suffix}")


# Every attribute: its type in GraphML terms. Dates are ISO text ("2026-04-01").
_TEXT_ATTRS = (
    "kind label title reference product model business_unit occurred_on layer status description "
    "owner component failure_mode evidence identified_on resolved_on due_on step criterion "
    "check_on result shared_component decision reason"
)
NODE_ATTRS: dict[str, str] = {
    **dict.fromkeys(_TEXT_ATTRS.split(" "), "string"),
    "x": "double",
    "y": "double",
}
EDGE_ATTRS: dict[str, str] = {"kind": "string", "gate": "string", "gate_kind": "string"}
GRAPH_ATTRS: dict[str, str] = {
    "format": "string",
    "version": "int",
    **{f"review_{layer.value}": "string" for layer in CauseLayer},
    **{f"review_{layer.value}_reason": "string" for layer in CauseLayer},
}


@dataclass
class _Flat:
    """The graph as typed attribute dictionaries: what every format reads and writes."""

    graph: Attrs = field(default_factory=dict)
    nodes: dict[str, Attrs] = field(default_factory=dict)
    edges: list[tuple[str, str, Attrs]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


# ============================================================================ public API


def export_graph(graph: CauseGraph, fmt: GraphFormat) -> bytes:
    """The analysis as a UTF-8 file in *fmt*; refused if it could not be imported again."""
    problems = integrity_problems(graph) + _unconnected(graph)
    count = 1 + len(graph.causes) + len(graph.countermeasures) + len(graph.yokoten)
    if count > MAX_NODES:
        problems.append(f"the analysis has {count:,} nodes; files hold at most {MAX_NODES:,}")
    if problems:
        raise GraphFileRefused(f"The analysis cannot be exported as {fmt.display_name}", problems)
    return _WRITERS[fmt](_flatten(graph))


def import_graph(data: bytes, fmt: GraphFormat) -> CauseGraph:
    """The analysis in *data*, or :class:`GraphFileRefused` with every problem found."""
    action = f"The {fmt.display_name} file was refused and nothing was imported"
    if len(data) > MAX_FILE_BYTES:
        raise GraphFileRefused(action, [_too_big(len(data))])
    try:
        flat = _READERS[fmt](data)
        graph = _assemble(flat)
    except _Malformed as error:
        raise GraphFileRefused(action, [str(error)]) from None
    if flat.problems or graph is None:
        raise GraphFileRefused(action, flat.problems or ["the file holds no cause graph"])
    return graph


def format_for_path(path: Path) -> GraphFormat:
    """The format a file name implies: ``.graphml``, ``.gv``/``.dot`` or ``.json``."""
    try:
        return _SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise QaError(
            f"{path.name} is not a cause-graph file: use .graphml, .gv, .dot or .json."
        ) from None


def read_graph_file(path: Path, fmt: GraphFormat | None = None) -> CauseGraph:
    """Import the file at *path*; the size limit is checked before anything is read."""
    fmt = fmt or format_for_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            action = f"{path.name} was refused and nothing was imported"
            raise GraphFileRefused(action, [_too_big(size)])
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise QaError(f"{path.name} could not be read: {error.strerror or error}.") from None
    return import_graph(data, fmt)


def write_graph_file(path: Path, graph: CauseGraph, fmt: GraphFormat | None = None) -> None:
    """Export *graph* to *path* in *fmt* (by default the one its suffix names)."""
    data = export_graph(graph, fmt or format_for_path(path))
    try:
        path.write_bytes(data)
    except OSError as error:
        raise QaError(f"{path.name} could not be written: {error.strerror or error}.") from None


_SUFFIXES = {
    ".graphml": GraphFormat.GRAPHML,
    ".gv": GraphFormat.DOT,
    ".dot": GraphFormat.DOT,
    ".json": GraphFormat.JSON,
}


class _Malformed(Exception):
    """The file cannot be read at all; the message says where and why."""


def _too_big(size: int) -> str:
    return f"the file is {size / 1_048_576:.1f} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB"


def _unconnected(graph: CauseGraph) -> list[str]:
    if integrity_problems(graph):
        return []
    reachable = nx.descendants(graph.caused_by(), ROOT_ID)
    return [
        f"{graph.describe(c)} is not connected to the incident"
        for c in sorted(graph.causes, key=id_sort_key)
        if c not in reachable
    ]


# ============================================================================ graph <-> flat


def _put(attrs: Attrs, **values: Value | date | None) -> Attrs:
    # Empty texts and absent dates or positions are left out; the importer reads them back.
    for name, value in values.items():
        if isinstance(value, date):
            attrs[name] = value.isoformat()
        elif value is not None and value != "":
            attrs[name] = value
    return attrs


def _flatten(graph: CauseGraph) -> _Flat:
    flat = _Flat(graph={"format": FORMAT_NAME, "version": FORMAT_VERSION})
    for layer, review in sorted(graph.reviews.items()):
        _put(flat.graph, **{f"review_{layer.value}": review.verdict.value})
        _put(flat.graph, **{f"review_{layer.value}_reason": review.reason})
    root = graph.incident
    flat.nodes[ROOT_ID] = _put(
        {"kind": "incident", "label": root.title, "title": root.title},
        reference=root.reference, product=root.product, model=root.model,
        business_unit=root.business_unit, occurred_on=root.occurred_on, x=root.x, y=root.y,
    )
    for c in _in_order(graph.causes.values()):
        flat.nodes[c.id] = _put(
            {"kind": "cause", "label": c.title, "title": c.title, "layer": c.layer.value,
             "status": c.status.value},
            description=c.description, owner=c.owner, component=c.component,
            failure_mode=c.failure_mode, evidence=_evidence_text(c.evidence),
            identified_on=c.identified_on, resolved_on=c.resolved_on, x=c.x, y=c.y,
        )
    for m in _in_order(graph.countermeasures.values()):
        flat.nodes[m.id] = _put(
            {"kind": "countermeasure", "label": m.title, "title": m.title, "step": m.step.value,
             "result": m.check.result.value},
            owner=m.owner, due_on=m.due_on, criterion=m.check.criterion, check_on=m.check.check_on,
            description=m.description,
        )
    for y in _in_order(graph.yokoten.values()):
        flat.nodes[y.id] = _put(
            {"kind": "yokoten", "label": y.target, "decision": y.decision.value},
            product=y.product, model=y.model, business_unit=y.business_unit,
            shared_component=y.shared_component, reason=y.reason,
        )
    gate_of = {(g.effect, c): g for g in graph.gates.values() for c in g.causes}
    for link in sorted(graph.links, key=_link_order):
        gate = gate_of.get((link.effect, link.cause))
        attrs: Attrs = {"kind": "caused_by"}
        if gate is not None:
            attrs.update(gate=gate.id, gate_kind=gate.kind.value)
        flat.edges.append((link.effect, link.cause, attrs))
    for m in _in_order(graph.countermeasures.values()):
        for cause in sorted(m.removes, key=id_sort_key):
            flat.edges.append((m.id, cause, {"kind": "removes"}))
    for y in _in_order(graph.yokoten.values()):
        if y.shared_cause:
            flat.edges.append((y.id, y.shared_cause, {"kind": "shares"}))
    return flat


def _link_order(link: CauseLink) -> tuple[bool, tuple[str | int, ...], tuple[str | int, ...]]:
    return (link.effect != ROOT_ID, id_sort_key(link.effect), id_sort_key(link.cause))


def _in_order(items: Any) -> list[Any]:
    return sorted(items, key=lambda item: id_sort_key(item.id))


def _evidence_text(evidence: tuple[Evidence, ...]) -> str:
    rows = [
        {"label": e.label, "kind": e.kind.value, "added_by": e.added_by, "checksum": e.checksum,
         "added_on": e.added_on.isoformat() if e.added_on else None}
        for e in evidence
    ]
    return json.dumps(rows, ensure_ascii=False) if rows else ""


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


def _assemble(flat: _Flat) -> CauseGraph | None:
    problems = flat.problems
    if len(flat.nodes) > MAX_NODES:
        raise _Malformed(f"the file has {len(flat.nodes):,} nodes; the limit is {MAX_NODES:,}")
    if len(flat.edges) > MAX_EDGES:
        raise _Malformed(f"the file has {len(flat.edges):,} links; the limit is {MAX_EDGES:,}")
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
    problems.extend(p.rstrip(".") for p in integrity_problems(graph) + _unconnected(graph))
    return None if problems else graph


def _rename_incident(flat: _Flat) -> None:
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
    flat: _Flat, kinds: dict[str, Any], parts: dict[str, dict[str, Any]], problems: list[str]
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


def _typed(raw: dict[str, Any], schema: dict[str, str], where: str, from_text: bool) -> Attrs:
    """Known attributes converted to their schema type; unknown ones (from other tools) dropped."""
    attrs: Attrs = {}
    for name, value in raw.items():
        kind = schema.get(name)
        if kind is None:
            continue
        try:
            attrs[name] = _convert(value, kind, from_text)
        except (TypeError, ValueError):
            raise _Malformed(f"{where}: {name} {value!r} is not a valid {kind}") from None
    return attrs


def _convert(value: object, kind: str, from_text: bool) -> Value:
    if isinstance(value, bool):
        raise TypeError(value)
    if kind == "string":
        if isinstance(value, str):
            return value
    elif kind == "int" and (isinstance(value, int) or (from_text and isinstance(value, str))):
        return int(value)
    elif kind == "double" and (isinstance(value, int | float) or from_text):
        number = float(value)  # type: ignore[arg-type]  # a non-number raises TypeError here
        if not math.isfinite(number):
            raise ValueError(value)
        return number
    raise TypeError(value)


# ============================================================================ GraphML


def _xml_text(text: str) -> str:
    # A carriage return would be normalised away by every XML parser unless written as &#13;.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("\r", "&#13;")
    )


def _xml_value(value: Value) -> str:
    return _xml_text(value) if isinstance(value, str) else repr(value)


def _write_graphml(flat: _Flat) -> bytes:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<graphml xmlns="{_GRAPHML_NS}" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        f'xsi:schemaLocation="{_GRAPHML_NS} {_GRAPHML_NS}/1.0/graphml.xsd">',
    ]
    for domain, schema in (("graph", GRAPH_ATTRS), ("node", NODE_ATTRS), ("edge", EDGE_ATTRS)):
        out += [
            f'  <key id="{domain[0]}_{name}" for="{domain}" attr.name="{name}" '
            f'attr.type="{kind}"/>'
            for name, kind in schema.items()
        ]
    out.append('  <graph id="cause_graph" edgedefault="directed">')
    out += [f'    <data key="g_{k}">{_xml_value(v)}</data>' for k, v in flat.graph.items()]
    for node_id, attrs in flat.nodes.items():
        out.append(f'    <node id="{_xml_text(node_id)}">')
        out += [f'      <data key="n_{k}">{_xml_value(v)}</data>' for k, v in attrs.items()]
        out.append("    </node>")
    for number, (source, target, attrs) in enumerate(flat.edges, start=1):
        out.append(f'    <edge id="e{number}" source="{source}" target="{target}">')
        out += [f'      <data key="e_{k}">{_xml_value(v)}</data>' for k, v in attrs.items()]
        out.append("    </edge>")
    out += ["  </graph>", "</graphml>", ""]
    return "\n".join(out).encode("utf-8")


def _parse_xml(data: bytes) -> Element:
    try:
        root: Element = SafeXml.fromstring(data, forbid_dtd=True)
    except defusedxml.DefusedXmlException:
        raise _Malformed(
            "the file declares a DTD, entities or external references, which GraphML does not "
            "need; it was refused for safety"
        ) from None
    except ParseError as error:
        raise _Malformed(f"the file is not well-formed XML ({error})") from None
    return root


class _GraphmlData:
    """The declared keys of a GraphML file and their defaults, to read ``<data>`` elements."""

    def __init__(self, root: Element, ns: str) -> None:
        self.ns = ns
        self.keys: dict[str, tuple[str, str]] = {}
        self.defaults: dict[str, dict[str, str]] = {"graph": {}, "node": {}, "edge": {}}
        for key in root.iter(f"{ns}key"):
            domain, name = key.get("for", "all"), key.get("attr.name", "")
            self.keys[key.get("id", "")] = (domain, name)
            default = key.find(f"{ns}default")
            for target in ("graph", "node", "edge") if domain == "all" else (domain,):
                if default is not None and target in self.defaults:
                    self.defaults[target][name] = default.text or ""

    def of(self, element: Element, domain: str, where: str) -> dict[str, str]:
        """The attribute values of one graph, node or edge, by attribute name."""
        values = dict(self.defaults[domain])
        for item in element.findall(f"{self.ns}data"):
            key_id = item.get("key", "")
            if key_id not in self.keys:
                raise _Malformed(f"{where} uses the undeclared key {key_id!r}")
            if self.keys[key_id][0] in (domain, "all"):
                values[self.keys[key_id][1]] = item.text or ""
        return values


def _read_graphml(data: bytes) -> _Flat:
    root = _parse_xml(data)
    ns = f"{{{_GRAPHML_NS}}}" if root.tag.startswith("{") else ""
    if root.tag != f"{ns}graphml":
        raise _Malformed("the file is XML but not GraphML (no <graphml> root element)")
    graphs = root.findall(f"{ns}graph")
    if len(graphs) != 1:
        raise _Malformed(f"the file holds {len(graphs)} graphs; a cause graph file holds one")
    (graph,) = graphs
    if graph.get("edgedefault") != "directed":
        raise _Malformed("the graph is undirected; cause graphs are directed")
    nested = graph.find(f".//{ns}node/{ns}graph")
    if graph.find(f".//{ns}hyperedge") is not None or nested is not None:
        raise _Malformed("hyperedges and nested graphs are not part of a cause graph")
    nodes, edges = graph.findall(f"{ns}node"), graph.findall(f"{ns}edge")
    if len(nodes) > MAX_NODES:
        raise _Malformed(f"the file has {len(nodes):,} nodes; the limit is {MAX_NODES:,}")
    data_of = _GraphmlData(root, ns).of
    flat = _Flat(graph=_typed(data_of(graph, "graph", "the graph"), GRAPH_ATTRS, "the graph", True))
    for node in nodes:
        node_id = node.get("id")
        if not node_id or node_id in flat.nodes:
            raise _Malformed(f"a node has no id or a repeated id ({node_id!r})")
        raw = data_of(node, "node", f"node {node_id}")
        flat.nodes[node_id] = _typed(raw, NODE_ATTRS, f"node {node_id}", True)
    for edge in edges:
        source, target = edge.get("source", ""), edge.get("target", "")
        where = f"the link {source} → {target}"
        if edge.get("directed", "true") == "false":
            raise _Malformed(f"{where} is undirected")
        raw = data_of(edge, "edge", where)
        flat.edges.append((source, target, _typed(raw, EDGE_ATTRS, where, True)))
    return flat


# ============================================================================ DOT


def _dot_quote(text: str) -> str:
    # Graphviz reads \\ as a backslash and \n, \r as line breaks; only \" is special to the lexer.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("\r", "\\r") + '"'


def _dot_attrs(attrs: Attrs, extra: dict[str, str]) -> str:
    items = [f"qa_{k}={_dot_quote(v if isinstance(v, str) else repr(v))}" for k, v in attrs.items()]
    items += [f"{k}={_dot_quote(v)}" for k, v in extra.items()]
    return "[" + ", ".join(items) + "]"


_DOT_SHAPES = {"incident": "doubleoctagon", "cause": "box", "countermeasure": "note",
               "yokoten": "folder"}


def _write_dot(flat: _Flat) -> bytes:
    out = [
        "// OCHIBO-HIROI cause graph; qa_* attributes carry the analysis.",
        "digraph cause_graph {",
        f"  graph {_dot_attrs(flat.graph, {'rankdir': 'LR', 'charset': 'UTF-8'})};",
        '  node [fontname="IPAexGothic"];',
    ]
    for node_id, attrs in flat.nodes.items():
        status = attrs.get("status")
        mark = f"[{attrs['layer']}, {CauseStatus(str(status)).symbol}]\n" if status else ""
        name = attrs.get("reference", node_id) if node_id == ROOT_ID else node_id
        extra = {"label": f"{name} {mark}{attrs['label']}"}
        extra["shape"] = _DOT_SHAPES[str(attrs["kind"])]
        data = {k: v for k, v in attrs.items() if k != "label"}
        out.append(f"  {_dot_quote(node_id)} {_dot_attrs(data, extra)};")
    for source, target, attrs in flat.edges:
        extra = {}
        if "gate" in attrs:
            extra["label"] = f"{attrs['gate_kind']} {attrs['gate']}".upper()
        if attrs["kind"] != "caused_by":
            extra["style"] = "dashed"
        out.append(f"  {_dot_quote(source)} -> {_dot_quote(target)} {_dot_attrs(attrs, extra)};")
    out += ["}", ""]
    return "\n".join(out).encode("utf-8")


_DOT_TOKEN = re.compile(
    r"""(?P<space>\s+|//[^\n]*|/\*.*?\*/|^\#[^\n]*)
      |(?P<string>"(?:[^"\\]|\\.)*")
      |(?P<arrow>->|--)
      |(?P<punct>[{}\[\]=;,:+])
      |(?P<number>-?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?))
      |(?P<name>[A-Za-z_\u0080-\U0010ffff][A-Za-z_0-9\u0080-\U0010ffff]*)
      |(?P<html><)""",
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)
_DOT_UNESCAPE = re.compile(r"\\(\\|\"|n|r|\r?\n)")
_KEYWORDS = {"strict", "graph", "digraph", "node", "edge", "subgraph"}


def _dot_unescape(match: re.Match[str]) -> str:
    # A backslash before a line break continues the line: it stands for nothing.
    return {"\\": "\\", '"': '"', "n": "\n", "r": "\r"}.get(match.group(1), "")


def _dot_tokens(text: str) -> Iterator[tuple[str, str, int]]:
    """(kind, value, line) for each token; a quoted string's value is unescaped."""
    position, line = 0, 1
    while position < len(text):
        match = _DOT_TOKEN.match(text, position)
        if match is None:
            snippet = text[position : position + 10]
            raise _Malformed(f"line {line}: unexpected text {snippet!r} (an unclosed quote?)")
        kind, value = str(match.lastgroup), match.group()
        if kind == "html":
            end, depth = position, 0
            for end in range(position, len(text)):
                depth += {"<": 1, ">": -1}.get(text[end], 0)
                if depth == 0:
                    break
            if depth:
                raise _Malformed(f"line {line}: an HTML-like label is not closed")
            value, kind = text[position + 1 : end], "id"
            match_end = end + 1
        else:
            match_end = match.end()
        if kind == "string":
            value = _DOT_UNESCAPE.sub(_dot_unescape, value[1:-1])
            kind = "id"
        elif kind in ("number", "name"):
            kind = "keyword" if value.lower() in _KEYWORDS else "id"
            value = value.lower() if kind == "keyword" else value
        if kind != "space":
            yield kind, value, line
        line += text.count("\n", position, match_end)
        position = match_end
    yield "end", "", line


class _DotParser:
    """A reader for the DOT subset this module writes: one digraph, node and edge statements."""

    def __init__(self, text: str) -> None:
        self.tokens = _dot_tokens(text)
        self.kind, self.value, self.line = next(self.tokens)
        self.raw_graph: dict[str, str] = {}
        self.raw_nodes: dict[str, dict[str, str]] = {}
        self.described: set[str] = set()  # nodes with a statement of their own
        self.raw_edges: list[tuple[str, str, dict[str, str]]] = []
        self.defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}

    def fail(self, problem: str) -> _Malformed:
        return _Malformed(f"line {self.line}: {problem}")

    def advance(self) -> tuple[str, str]:
        current = (self.kind, self.value)
        self.kind, self.value, self.line = next(self.tokens)
        return current

    def expect(self, kind: str, value: str | None = None) -> str:
        if self.kind != kind or (value is not None and self.value != value):
            wanted = value or kind
            raise self.fail(f"expected {wanted!r} but found {self.value or 'the end'!r}")
        return self.advance()[1]

    def identifier(self) -> str:
        text = self.expect("id")
        while self.kind == "punct" and self.value == "+":
            self.advance()
            text += self.expect("id")
        return text

    def parse(self) -> _Flat:
        if self.kind == "keyword" and self.value == "strict":
            self.advance()
        if self.value != "digraph":
            raise self.fail("a cause graph is a digraph; this file does not start with 'digraph'")
        self.advance()
        if self.kind == "id":
            self.identifier()
        self.expect("punct", "{")
        while not (self.kind == "punct" and self.value == "}"):
            self.statement()
            if self.kind == "punct" and self.value == ";":
                self.advance()
        self.advance()
        if self.kind != "end":
            raise self.fail("text after the closing brace")
        return self.finish()

    def statement(self) -> None:
        if self.kind == "keyword":
            self.defaults_statement(self.advance()[1])
            return
        if self.kind == "punct" and self.value == "{":
            raise self.fail("subgraphs are not supported in a cause graph file")
        first = self.identifier()
        if self.kind == "punct" and self.value == "=":
            self.advance()
            self.raw_graph[first] = self.identifier()
            return
        chain = [first]
        while self.kind == "arrow":
            if self.advance()[1] == "--":
                raise self.fail("'--' is an undirected link; cause graphs are directed")
            chain.append(self.identifier())
        if self.kind == "punct" and self.value == ":":
            raise self.fail("node ports are not supported in a cause graph file")
        attrs = self.attributes()
        for node_id in chain:
            if node_id not in self.raw_nodes:
                if len(self.raw_nodes) >= MAX_NODES:
                    raise self.fail(f"the file has more than {MAX_NODES:,} nodes")
                self.raw_nodes[node_id] = dict(self.defaults["node"])
        if len(chain) == 1:
            self.raw_nodes[first].update(attrs)
            self.described.add(first)
        for source, target in pairwise(chain):
            self.raw_edges.append((source, target, {**self.defaults["edge"], **attrs}))
            if len(self.raw_edges) > MAX_EDGES:
                raise self.fail(f"the file has more than {MAX_EDGES:,} links")

    def defaults_statement(self, keyword: str) -> None:
        if keyword not in ("graph", "node", "edge"):
            raise self.fail(f"'{keyword}' is not supported in a cause graph file")
        attrs = self.attributes()
        if keyword == "graph":
            self.raw_graph.update(attrs)
        else:
            self.defaults[keyword].update(attrs)

    def attributes(self) -> dict[str, str]:
        attrs: dict[str, str] = {}
        while self.kind == "punct" and self.value == "[":
            self.advance()
            while not (self.kind == "punct" and self.value == "]"):
                name = self.identifier() if self.kind == "id" else self.expect("keyword")
                self.expect("punct", "=")
                attrs[name] = self.identifier()
                if self.kind == "punct" and self.value in (",", ";"):
                    self.advance()
            self.advance()
        return attrs

    def finish(self) -> _Flat:
        def ours(raw: dict[str, str]) -> dict[str, str]:
            return {k[3:]: v for k, v in raw.items() if k.startswith("qa_")}

        flat = _Flat(graph=_typed(ours(self.raw_graph), GRAPH_ATTRS, "the graph", True))
        # A node only named by a link is not part of the analysis: the link is reported.
        for node_id in self.described:
            raw = self.raw_nodes[node_id]
            flat.nodes[node_id] = _typed(ours(raw), NODE_ATTRS, f"node {node_id}", True)
        for source, target, raw in self.raw_edges:
            where = f"the link {source} → {target}"
            flat.edges.append((source, target, _typed(ours(raw), EDGE_ATTRS, where, True)))
        return flat


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _Malformed(f"the file is not UTF-8 text (byte {error.start:,})") from None


def _read_dot(data: bytes) -> _Flat:
    return _DotParser(_decode(data)).parse()


# ============================================================================ node-link JSON


def _write_json(flat: _Flat) -> bytes:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "directed": True,
        "multigraph": False,
        "graph": {k: v for k, v in flat.graph.items() if k not in ("format", "version")},
        "nodes": [{"id": node_id, **attrs} for node_id, attrs in flat.nodes.items()],
        "edges": [{"source": s, "target": t, **attrs} for s, t, attrs in flat.edges],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _refuse_constant(name: str) -> None:
    raise _Malformed(f"the file holds {name}, which is not a number JSON allows")


def _read_json(data: bytes) -> _Flat:
    try:
        document = json.loads(_decode(data), parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise _Malformed(f"the file is not valid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise _Malformed("the file nests too deeply to be a cause graph") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise _Malformed(f"the file is not a QA Desktop cause graph (no format {FORMAT_NAME!r})")
    nodes, edges = document.get("nodes"), document.get("edges", document.get("links"))
    graph = document.get("graph", {})
    if not isinstance(nodes, list) or not isinstance(edges, list) or not isinstance(graph, dict):
        raise _Malformed("the file needs a 'nodes' list, an 'edges' list and a 'graph' object")
    if document.get("directed") is False or document.get("multigraph") is True:
        raise _Malformed("a cause graph is directed and has no parallel links")
    if "version" not in document:
        raise _Malformed("the file has no 'version' field")
    header = {"format": document["format"], "version": document["version"]}
    flat = _Flat(graph=_typed({**graph, **header}, GRAPH_ATTRS, "the graph", False))
    if len(nodes) > MAX_NODES:
        raise _Malformed(f"the file has {len(nodes):,} nodes; the limit is {MAX_NODES:,}")
    for number, node in enumerate(nodes, start=1):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            raise _Malformed(f"node {number} is not an object with a text 'id'")
        if node["id"] in flat.nodes:
            raise _Malformed(f"the node id {node['id']!r} appears twice")
        flat.nodes[node["id"]] = _typed(node, NODE_ATTRS, f"node {node['id']}", False)
    for number, edge in enumerate(edges, start=1):
        if not isinstance(edge, dict) or not all(
            isinstance(edge.get(end), str) for end in ("source", "target")
        ):
            raise _Malformed(f"link {number} is not an object with text 'source' and 'target'")
        attrs = _typed(edge, EDGE_ATTRS, f"link {number}", False)
        flat.edges.append((edge["source"], edge["target"], attrs))
    return flat


_NODE_READERS: dict[str, Callable[[str, _Fields], Any]] = {
    "cause": _read_cause,
    "countermeasure": _read_measure,
    "yokoten": _read_candidate,
}
_READERS: dict[GraphFormat, Callable[[bytes], _Flat]] = {
    GraphFormat.GRAPHML: _read_graphml,
    GraphFormat.DOT: _read_dot,
    GraphFormat.JSON: _read_json,
}
_WRITERS: dict[GraphFormat, Callable[[_Flat], bytes]] = {
    GraphFormat.GRAPHML: _write_graphml,
    GraphFormat.DOT: _write_dot,
    GraphFormat.JSON: _write_json,
}
