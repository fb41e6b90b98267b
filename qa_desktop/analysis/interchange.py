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
so every exported file imports again. :func:`export_draft` and :func:`import_draft` store a
draft (causes may be unconnected) in the JSON format, everything else checked as for files.

This module is the API; each format lives in its own module (``interchange_graphml``,
``interchange_dot``, ``interchange_json``) over the shared flat shape of
``interchange_flat``, and ``interchange_read`` turns that shape back into a checked graph.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from qa_desktop.analysis.graph_ops import CauseGraph, integrity_problems
from qa_desktop.analysis.interchange_dot import read_dot, write_dot
from qa_desktop.analysis.interchange_flat import (
    EDGE_ATTRS,
    FORMAT_NAME,
    FORMAT_VERSION,
    GRAPH_ATTRS,
    MAX_EDGES,
    MAX_FILE_BYTES,
    MAX_NODES,
    NODE_ATTRS,
    FlatGraph,
    Malformed,
    flatten,
    too_big,
)
from qa_desktop.analysis.interchange_graphml import read_graphml, write_graphml
from qa_desktop.analysis.interchange_json import read_json, write_json
from qa_desktop.analysis.interchange_read import assemble, unconnected
from qa_desktop.domain.errors import QaError

__all__ = [
    "EDGE_ATTRS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "GRAPH_ATTRS",
    "MAX_EDGES",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "NODE_ATTRS",
    "GraphFileRefused",
    "GraphFormat",
    "export_draft",
    "export_graph",
    "format_for_path",
    "import_draft",
    "import_graph",
    "read_graph_file",
    "write_graph_file",
]

_MAX_REPORTED = 12


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



# ============================================================================ public API


def export_graph(graph: CauseGraph, fmt: GraphFormat) -> bytes:
    """The analysis as a UTF-8 file in *fmt*; refused if it could not be imported again."""
    problems = integrity_problems(graph) + unconnected(graph)
    count = _node_count(graph)
    if count > MAX_NODES:
        problems.append(f"the analysis has {count:,} nodes; files hold at most {MAX_NODES:,}")
    if problems:
        raise GraphFileRefused(f"The analysis cannot be exported as {fmt.display_name}", problems)
    return _WRITERS[fmt](flatten(graph))


def import_graph(data: bytes, fmt: GraphFormat) -> CauseGraph:
    """The analysis in *data*, or :class:`GraphFileRefused` with every problem found."""
    action = f"The {fmt.display_name} file was refused and nothing was imported"
    return _read(data, fmt, action, connected=True)


def _read(data: bytes, fmt: GraphFormat, action: str, *, connected: bool) -> CauseGraph:
    if len(data) > MAX_FILE_BYTES:
        raise GraphFileRefused(action, [too_big(len(data))])
    try:
        flat = _READERS[fmt](data)
        graph = assemble(flat, connected=connected)
    except Malformed as error:
        raise GraphFileRefused(action, [str(error)]) from None
    if flat.problems or graph is None:
        raise GraphFileRefused(action, flat.problems or ["the file holds no cause graph"])
    return graph


def _node_count(graph: CauseGraph) -> int:
    return 1 + len(graph.causes) + len(graph.countermeasures) + len(graph.yokoten)


def export_draft(graph: CauseGraph) -> bytes:
    """*graph* as node-link JSON even while causes are not yet connected (a saved draft).

    Everything else is checked as for :func:`export_graph`, so a stored draft always reads
    back with :func:`import_draft`.
    """
    problems = integrity_problems(graph)
    count = _node_count(graph)
    if count > MAX_NODES:
        problems.append(f"the analysis has {count:,} nodes; the limit is {MAX_NODES:,}")
    if problems:
        raise GraphFileRefused("The analysis cannot be stored", problems)
    return write_json(flatten(graph))


def import_draft(data: bytes) -> CauseGraph:
    """The draft analysis in node-link JSON *data*; causes may be unconnected, nothing else."""
    return _read(data, GraphFormat.JSON, "The stored analysis cannot be read", connected=False)


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
            raise GraphFileRefused(action, [too_big(size)])
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


_READERS: dict[GraphFormat, Callable[[bytes], FlatGraph]] = {
    GraphFormat.GRAPHML: read_graphml,
    GraphFormat.DOT: read_dot,
    GraphFormat.JSON: read_json,
}
_WRITERS: dict[GraphFormat, Callable[[FlatGraph], bytes]] = {
    GraphFormat.GRAPHML: write_graphml,
    GraphFormat.DOT: write_dot,
    GraphFormat.JSON: write_json,
}
