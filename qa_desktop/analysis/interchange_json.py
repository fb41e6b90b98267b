"""Node-link JSON for cause graphs: networkx ``node_link_data`` plus a format header.

The document has ``directed``, ``multigraph``, ``graph``, ``nodes`` and ``edges`` as
networkx writes them, and ``format``/``version`` fields so that another program's JSON is
not mistaken for an analysis. NaN and infinities are refused: JSON has no such numbers.
"""

from __future__ import annotations

import json

from qa_desktop.analysis.interchange_flat import (
    EDGE_ATTRS,
    FORMAT_NAME,
    FORMAT_VERSION,
    GRAPH_ATTRS,
    MAX_NODES,
    NODE_ATTRS,
    FlatGraph,
    Malformed,
    decode,
    typed,
)


def write_json(flat: FlatGraph) -> bytes:
    """*flat* as a UTF-8 node-link JSON document."""
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
    raise Malformed(f"the file holds {name}, which is not a number JSON allows")


def read_json(data: bytes) -> FlatGraph:
    """The flat graph in JSON *data*; :class:`Malformed` when it cannot be one."""
    try:
        document = json.loads(decode(data), parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        raise Malformed(f"the file is not valid JSON (line {error.lineno}: {error.msg})") from None
    except RecursionError:
        raise Malformed("the file nests too deeply to be a cause graph") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise Malformed(f"the file is not a QA Desktop cause graph (no format {FORMAT_NAME!r})")
    nodes, edges = document.get("nodes"), document.get("edges", document.get("links"))
    graph = document.get("graph", {})
    if not isinstance(nodes, list) or not isinstance(edges, list) or not isinstance(graph, dict):
        raise Malformed("the file needs a 'nodes' list, an 'edges' list and a 'graph' object")
    if document.get("directed") is False or document.get("multigraph") is True:
        raise Malformed("a cause graph is directed and has no parallel links")
    if "version" not in document:
        raise Malformed("the file has no 'version' field")
    header = {"format": document["format"], "version": document["version"]}
    flat = FlatGraph(graph=typed({**graph, **header}, GRAPH_ATTRS, "the graph", False))
    if len(nodes) > MAX_NODES:
        raise Malformed(f"the file has {len(nodes):,} nodes; the limit is {MAX_NODES:,}")
    for number, node in enumerate(nodes, start=1):
        if not isinstance(node, dict) or not isinstance(node.get("id"), str):
            raise Malformed(f"node {number} is not an object with a text 'id'")
        if node["id"] in flat.nodes:
            raise Malformed(f"the node id {node['id']!r} appears twice")
        flat.nodes[node["id"]] = typed(node, NODE_ATTRS, f"node {node['id']}", False)
    for number, edge in enumerate(edges, start=1):
        if not isinstance(edge, dict) or not all(
            isinstance(edge.get(end), str) for end in ("source", "target")
        ):
            raise Malformed(f"link {number} is not an object with text 'source' and 'target'")
        attrs = typed(edge, EDGE_ATTRS, f"link {number}", False)
        flat.edges.append((edge["source"], edge["target"], attrs))
    return flat
