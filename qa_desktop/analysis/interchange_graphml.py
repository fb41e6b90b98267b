"""GraphML for cause graphs: every attribute declared as a typed ``<key>``.

yEd, Gephi and Cytoscape read the files and show the ``label`` attribute. Reading goes
through ``defusedxml`` with DTDs forbidden: entity declarations (the "billion laughs") and
external references are refused before anything is expanded or fetched.
"""

from __future__ import annotations

from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as SafeXml

from qa_desktop.analysis.interchange_flat import (
    EDGE_ATTRS,
    GRAPH_ATTRS,
    MAX_NODES,
    NODE_ATTRS,
    FlatGraph,
    Malformed,
    Value,
    typed,
)

_GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"


def _xml_text(text: str) -> str:
    # A carriage return would be normalised away by every XML parser unless written as &#13;.
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace('"', "&quot;").replace("\r", "&#13;")
    )


def _xml_value(value: Value) -> str:
    return _xml_text(value) if isinstance(value, str) else repr(value)


def write_graphml(flat: FlatGraph) -> bytes:
    """*flat* as a UTF-8 GraphML document."""
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
        raise Malformed(
            "the file declares a DTD, entities or external references, which GraphML does not "
            "need; it was refused for safety"
        ) from None
    except ParseError as error:
        raise Malformed(f"the file is not well-formed XML ({error})") from None
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
                raise Malformed(f"{where} uses the undeclared key {key_id!r}")
            if self.keys[key_id][0] in (domain, "all"):
                values[self.keys[key_id][1]] = item.text or ""
        return values


def read_graphml(data: bytes) -> FlatGraph:
    """The flat graph in GraphML *data*; :class:`Malformed` when it cannot be one."""
    root = _parse_xml(data)
    ns = f"{{{_GRAPHML_NS}}}" if root.tag.startswith("{") else ""
    if root.tag != f"{ns}graphml":
        raise Malformed("the file is XML but not GraphML (no <graphml> root element)")
    graphs = root.findall(f"{ns}graph")
    if len(graphs) != 1:
        raise Malformed(f"the file holds {len(graphs)} graphs; a cause graph file holds one")
    (graph,) = graphs
    if graph.get("edgedefault") != "directed":
        raise Malformed("the graph is undirected; cause graphs are directed")
    nested = graph.find(f".//{ns}node/{ns}graph")
    if graph.find(f".//{ns}hyperedge") is not None or nested is not None:
        raise Malformed("hyperedges and nested graphs are not part of a cause graph")
    nodes, edges = graph.findall(f"{ns}node"), graph.findall(f"{ns}edge")
    if len(nodes) > MAX_NODES:
        raise Malformed(f"the file has {len(nodes):,} nodes; the limit is {MAX_NODES:,}")
    data_of = _GraphmlData(root, ns).of
    graph_attrs = typed(data_of(graph, "graph", "the graph"), GRAPH_ATTRS, "the graph", True)
    flat = FlatGraph(graph=graph_attrs)
    for node in nodes:
        node_id = node.get("id")
        if not node_id or node_id in flat.nodes:
            raise Malformed(f"a node has no id or a repeated id ({node_id!r})")
        raw = data_of(node, "node", f"node {node_id}")
        flat.nodes[node_id] = typed(raw, NODE_ATTRS, f"node {node_id}", True)
    for edge in edges:
        source, target = edge.get("source", ""), edge.get("target", "")
        where = f"the link {source} → {target}"
        if edge.get("directed", "true") == "false":
            raise Malformed(f"{where} is undirected")
        raw = data_of(edge, "edge", where)
        flat.edges.append((source, target, typed(raw, EDGE_ATTRS, where, True)))
    return flat
