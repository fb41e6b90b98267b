"""The flat shape every cause-graph file format reads and writes, and the graph to it.

A :class:`FlatGraph` is the analysis as typed attribute dictionaries: graph attributes, nodes
by id and links as (source, target, attributes). Each format module turns it into bytes and
back; :mod:`qa_desktop.analysis.interchange` turns it back into a checked
:class:`~qa_desktop.analysis.graph_ops.CauseGraph`. The attribute schema (names and GraphML
types) is shared by all three formats, so a file carries the same content whichever is used.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from qa_desktop.analysis.graph_ops import CauseGraph
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseLink,
    Evidence,
    id_sort_key,
)

#: Largest file accepted for import, in bytes (20 MB).
MAX_FILE_BYTES = 20 * 1024 * 1024
#: Most nodes (incident, causes, countermeasures, yokoten candidates) in one file.
MAX_NODES = 20_000
#: Most links of all kinds in one file.
MAX_EDGES = 100_000
#: The ``format`` field of every exported file, and the newest ``version`` this code reads.
FORMAT_NAME = "qa-desktop/cause-graph"
FORMAT_VERSION = 1

Value = str | float | int
Attrs = dict[str, Value]

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
class FlatGraph:
    """The graph as typed attribute dictionaries: what every format reads and writes."""

    graph: Attrs = field(default_factory=dict)
    nodes: dict[str, Attrs] = field(default_factory=dict)
    edges: list[tuple[str, str, Attrs]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class Malformed(Exception):
    """The file cannot be read at all; the message says where and why."""


def too_big(size: int) -> str:
    """The sentence refusing a file of *size* bytes."""
    return f"the file is {size / 1_048_576:.1f} MB; the limit is {MAX_FILE_BYTES // 1_048_576} MB"


def decode(data: bytes) -> str:
    """*data* as text; a file that is not UTF-8 is malformed (a byte-order mark is allowed)."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Malformed(f"the file is not UTF-8 text (byte {error.start:,})") from None


# ============================================================================ graph -> flat


def _put(attrs: Attrs, **values: Value | date | None) -> Attrs:
    # Empty texts and absent dates or positions are left out; the importer reads them back.
    for name, value in values.items():
        if isinstance(value, date):
            attrs[name] = value.isoformat()
        elif value is not None and value != "":
            attrs[name] = value
    return attrs


def flatten(graph: CauseGraph) -> FlatGraph:
    """*graph* in the flat shape, sorted by id so that files diff well."""
    flat = FlatGraph(graph={"format": FORMAT_NAME, "version": FORMAT_VERSION})
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


# ============================================================================ typed values


def typed(raw: dict[str, Any], schema: dict[str, str], where: str, from_text: bool) -> Attrs:
    """Known attributes converted to their schema type; unknown ones (from other tools) dropped."""
    attrs: Attrs = {}
    for name, value in raw.items():
        kind = schema.get(name)
        if kind is None:
            continue
        try:
            attrs[name] = _convert(value, kind, from_text)
        except (TypeError, ValueError):
            raise Malformed(f"{where}: {name} {value!r} is not a valid {kind}") from None
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
