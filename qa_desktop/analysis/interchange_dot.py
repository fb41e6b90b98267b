"""DOT (Graphviz) for cause graphs: drawn left to right, data in ``qa_*`` attributes.

``label``, ``shape`` and ``style`` are only for drawing; the importer reads the subset of DOT
written here (one digraph of node and edge statements, no subgraphs or ports) and refuses
anything else as malformed rather than guessing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from qa_desktop.analysis.interchange_flat import (
    EDGE_ATTRS,
    GRAPH_ATTRS,
    MAX_EDGES,
    MAX_NODES,
    NODE_ATTRS,
    Attrs,
    FlatGraph,
    Malformed,
    decode,
    typed,
)
from qa_desktop.domain.cause_graph import ROOT_ID, CauseStatus


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


def write_dot(flat: FlatGraph) -> bytes:
    """*flat* as a UTF-8 DOT document."""
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
            raise Malformed(f"line {line}: unexpected text {snippet!r} (an unclosed quote?)")
        kind, value = str(match.lastgroup), match.group()
        if kind == "html":
            end, depth = position, 0
            for end in range(position, len(text)):
                depth += {"<": 1, ">": -1}.get(text[end], 0)
                if depth == 0:
                    break
            if depth:
                raise Malformed(f"line {line}: an HTML-like label is not closed")
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

    def fail(self, problem: str) -> Malformed:
        return Malformed(f"line {self.line}: {problem}")

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

    def parse(self) -> FlatGraph:
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

    def finish(self) -> FlatGraph:
        def ours(raw: dict[str, str]) -> dict[str, str]:
            return {k[3:]: v for k, v in raw.items() if k.startswith("qa_")}

        flat = FlatGraph(graph=typed(ours(self.raw_graph), GRAPH_ATTRS, "the graph", True))
        # A node only named by a link is not part of the analysis: the link is reported.
        for node_id in self.described:
            raw = self.raw_nodes[node_id]
            flat.nodes[node_id] = typed(ours(raw), NODE_ATTRS, f"node {node_id}", True)
        for source, target, raw in self.raw_edges:
            where = f"the link {source} → {target}"
            flat.edges.append((source, target, typed(ours(raw), EDGE_ATTRS, where, True)))
        return flat


def read_dot(data: bytes) -> FlatGraph:
    """The flat graph in DOT *data*; :class:`Malformed` when it cannot be one."""
    return _DotParser(decode(data)).parse()
