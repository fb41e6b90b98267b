"""GraphML, DOT and node-link JSON: exact round trips, and every bad file refused whole."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qa_desktop.analysis.graph_ops import (
    CauseGraph,
    add_cause,
    add_countermeasure,
    add_yokoten,
    link_cause,
    move_nodes,
    new_graph,
    set_gate,
    set_layer_review,
)
from qa_desktop.analysis.interchange import (
    MAX_FILE_BYTES,
    GraphFileRefused,
    GraphFormat,
    export_draft,
    export_graph,
    import_draft,
    import_graph,
    read_graph_file,
    write_graph_file,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
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
)
from qa_desktop.domain.errors import QaError

FORMATS = list(GraphFormat)
MARKUP = "<b>&amp;\"' \\n \\\" ]]> -- ->"


FIRE_CAUSE = "端子台のネジが緩み、接触抵抗で発熱した。\r\n再現試験済み。"


def full_analysis(description: str = FIRE_CAUSE) -> CauseGraph:
    """Every kind of element, Japanese and markup text, gates, positions, dates, evidence."""
    root = IncidentRoot(
        reference="INC-2026-0042",
        title=f"ヒーター発火 {MARKUP}",
        product="FH-200 ヒーター",
        model="FH-200J",
        business_unit="家電事業部",
        occurred_on=date(2026, 1, 12),
        x=0.0,
        y=-12.5,
    )
    graph = new_graph(root)
    photo = Evidence("端子_拡大.jpg", EvidenceKind.PHOTO, "山田 太郎", "ab" * 32, date(2026, 1, 14))
    causes = [
        CauseNode(
            "C1", CauseLayer.TECHNICAL, "端子のネジが緩んだ 🔥", CauseStatus.CONFIRMED,
            description, "山田", "端子台", "緩み", (photo,), date(2026, 1, 13), date(2026, 2, 1),
            280.0, 0.1 + 0.2,
        ),
        CauseNode(
            "C2", CauseLayer.PROCESS, f"トルク未確認 {MARKUP}", CauseStatus.HYPOTHESIS,
            "\tindented\nsecond line\n", owner="佐藤",
        ),
        CauseNode("C3", CauseLayer.FRAMEWORK, "監査規定なし", CauseStatus.UNKNOWN),
        CauseNode("C4", CauseLayer.MOTIVATION, "納期優先", CauseStatus.RULED_OUT, x=1e300, y=-0.0),
    ]
    graph = add_cause(graph, causes[0], effect=ROOT_ID).graph
    graph = add_cause(graph, causes[1], effect=ROOT_ID).graph
    graph = add_cause(graph, causes[2], effect="C1").graph
    graph = add_cause(graph, causes[3], effect="C3").graph
    graph = link_cause(graph, "C2", "C3").graph
    graph = set_gate(graph, ROOT_ID, ["C1", "C2"], GateKind.AND).graph
    check = EffectivenessCheck("1,000 h 振動試験で緩みなし", date(2026, 4, 1), CheckResult.PASSED)
    measure = Countermeasure(
        "M1", "トルク管理", "品証 鈴木", date(2026, 3, 1), RiskReductionStep.SAFEGUARD, check,
        frozenset({"C1", "C3"}), "全数トルク確認",
    )
    graph = add_countermeasure(graph, measure).graph
    graph = add_countermeasure(graph, Countermeasure("M2", "Design out the screw")).graph
    candidate = YokotenCandidate(
        "Y1", "FH-300", "FH-300J", "空調事業部", "C3", "端子台", YokotenDecision.SKIP, "溶接端子"
    )
    graph = add_yokoten(graph, candidate).graph
    graph = add_yokoten(graph, YokotenCandidate("Y2", business_unit="Group company A")).graph
    reason = "自動化ライン\n人手なし"
    review = LayerReview(CauseLayer.MOTIVATION, LayerVerdict.NOT_APPLICABLE, reason)
    graph = set_layer_review(graph, review).graph
    examined = LayerReview(CauseLayer.TECHNICAL, LayerVerdict.EXAMINED)
    return set_layer_review(graph, examined).graph


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip_is_exact(fmt: GraphFormat) -> None:
    graph = full_analysis()
    data = export_graph(graph, fmt)
    assert import_graph(data, fmt) == graph
    assert export_graph(import_graph(data, fmt), fmt) == data  # stable output, diffable files


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_two_thousand_character_description_survives(fmt: GraphFormat) -> None:
    text = ("説明<&>\"'\n" * 250)[:2_000]
    graph = full_analysis(text)
    assert import_graph(export_graph(graph, fmt), fmt).causes["C1"].description == text


# Text a user can type and the editor stores (no control characters but tab, newline, CR),
# mixed with the pieces that trouble XML, DOT and JSON writers.
stored_text = st.lists(
    st.text(
        st.characters(
            codec="utf-8",
            exclude_categories=("Cs", "Cc"),
            exclude_characters="\ufffe\uffff",
        ),
        max_size=20,
    )
    | st.sampled_from(["\n", "\r\n", "\r", "\t", "<", "&", '"', "'", "\\", "\\n", "]]>", "&amp;"]),
    max_size=12,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(title=stored_text.filter(str.strip), description=stored_text)
def test_any_text_a_user_types_round_trips_in_every_format(title: str, description: str) -> None:
    title = " ".join(title.split()) or "x"  # titles are single lines
    graph = new_graph(IncidentRoot("INC-2026-0001", title))
    node = CauseNode("C1", CauseLayer.PROCESS, title, CauseStatus.CONFIRMED, description)
    graph = add_cause(graph, node, effect=ROOT_ID).graph
    for fmt in FORMATS:
        assert import_graph(export_graph(graph, fmt), fmt) == graph


def test_other_tools_read_the_exports() -> None:
    graph = full_analysis()
    from_json = nx.node_link_graph(json.loads(export_graph(graph, GraphFormat.JSON)), edges="edges")
    assert from_json.is_directed()
    assert from_json.nodes["C1"]["layer"] == "technical"
    assert from_json.has_edge(ROOT_ID, "C1")
    from_graphml = nx.read_graphml(io.BytesIO(export_graph(graph, GraphFormat.GRAPHML)))
    assert from_graphml.nodes["C2"]["title"] == graph.causes["C2"].title
    assert from_graphml.nodes["C1"]["x"] == 280.0  # declared attr.type="double"
    assert from_graphml.edges[ROOT_ID, "C1"]["gate_kind"] == "and"


def test_graphml_renumbered_by_an_editor_imports_with_its_structure() -> None:
    graph = full_analysis()
    text = export_graph(graph, GraphFormat.GRAPHML).decode()
    renumbered = {ROOT_ID: "n0", "C1": "n1", "C2": "n2", "C3": "n3", "C4": "n4"}
    for old, new in renumbered.items():
        text = re.sub(rf'(id|source|target)="{old}"', rf'\1="{new}"', text)
    imported = import_graph(text.encode(), GraphFormat.GRAPHML)
    assert imported.incident == graph.incident
    assert imported.causes["n1"].title == graph.causes["C1"].title
    assert len(imported.links) == len(graph.links)
    assert imported.countermeasures["M1"].removes == frozenset({"n1", "n3"})


def test_every_graphml_attribute_is_declared_with_its_type() -> None:
    text = export_graph(full_analysis(), GraphFormat.GRAPHML).decode()
    import xml.etree.ElementTree as ET  # our own export, safe to parse with the standard parser

    root = ET.fromstring(text)
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    keys = {k.get("id"): k.get("attr.type") for k in root.iter(f"{ns}key")}
    used = {d.get("key") for d in root.iter(f"{ns}data")}
    assert used <= set(keys)
    assert all(kind in ("string", "double", "int") for kind in keys.values())
    assert keys["n_x"] == "double"


def test_dot_export_quotes_labels_for_graphviz() -> None:
    text = export_graph(full_analysis(), GraphFormat.DOT).decode("utf-8")
    assert text.startswith("// ")
    assert "digraph cause_graph {" in text
    assert 'rankdir="LR"' in text
    assert 'qa_title="トルク未確認 <b>&amp;\\"\' \\\\n \\\\\\" ]]> -- ->"' in text
    assert "\r" not in text  # line breaks in text are escaped, one statement per line
    assert '"incident" -> "C1"' in text


# ------------------------------------------------------------------------- refusals


def refused(data: bytes, fmt: GraphFormat, *fragments: str) -> GraphFileRefused:
    with pytest.raises(GraphFileRefused) as caught:
        import_graph(data, fmt)
    message = str(caught.value)
    assert message.startswith(f"The {fmt.display_name} file was refused and nothing was imported")
    for fragment in fragments:
        assert fragment in message
    return caught.value


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="incident"><data key="t">&lol3;</data></node></graph></graphml>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="incident"><data key="t">&secret;</data></node></graph></graphml>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE graphml SYSTEM "http://example.invalid/graphml.dtd">
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed"/></graphml>"""


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_DTD])
def test_hostile_xml_is_refused(data: bytes) -> None:
    refused(data, GraphFormat.GRAPHML, "refused for safety")


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"<graphml><graph", "not well-formed XML"),
        (b"<svg/>", "not GraphML"),
        (b'<graphml><graph edgedefault="undirected"/></graphml>', "undirected"),
        (b"\xff\xfe not xml", "not well-formed XML"),
    ],
)
def test_malformed_graphml_is_refused(data: bytes, fragment: str) -> None:
    refused(data, GraphFormat.GRAPHML, fragment)


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"graph g { a -- b }", "digraph"),
        (b'digraph { "incident" [qa_kind="incident", qa_title="x"', "expected"),
        (b'digraph { "incident" [qa_title="unterminated] }', "unclosed quote"),
        (b"digraph { subgraph s { a } }", "subgraph"),
        (b"digraph { a:port -> b }", "ports"),
        (b"digraph { a -- b }", "undirected"),
        (b"digraph { } trailing", "after the closing brace"),
        (b"\xff\xfe", "not UTF-8"),
    ],
)
def test_malformed_dot_is_refused(data: bytes, fragment: str) -> None:
    refused(data, GraphFormat.DOT, fragment)


@pytest.mark.parametrize(
    ("document", "fragment"),
    [
        ("{", "not valid JSON"),
        ("[]", "not a QA Desktop cause graph"),
        ('{"format": "qa-desktop/cause-graph", "version": 1}', "'nodes' list"),
        ('{"format": "qa-desktop/cause-graph", "nodes": [], "edges": []}', "no 'version'"),
        ('{"format": "qa-desktop/cause-graph", "version": 99, "nodes": [], "edges": []}',
         "version 99"),
        ('{"format": "qa-desktop/cause-graph", "version": 1, "nodes": [{"id": "incident", '
         '"kind": "incident", "title": "t", "x": NaN, "y": 1}], "edges": []}', "NaN"),
        ("[" * 100_000 + "]" * 100_000, "nests too deeply"),
    ],
)
def test_malformed_json_is_refused(document: str, fragment: str) -> None:
    refused(document.encode(), GraphFormat.JSON, fragment)


def json_document() -> dict[str, object]:
    loaded = json.loads(export_graph(full_analysis(), GraphFormat.JSON))
    assert isinstance(loaded, dict)
    return loaded


def test_unknown_layers_statuses_and_kinds_are_refused_with_every_problem_named() -> None:
    document = json_document()
    nodes = document["nodes"]
    assert isinstance(nodes, list)
    nodes[1]["layer"] = "weather"
    nodes[2]["status"] = "probably"
    nodes[3]["kind"] = "rumour"
    error = refused(
        json.dumps(document).encode(),
        GraphFormat.JSON,
        "cause C1: unknown layer 'weather' (expected technical, process, framework, motivation)",
        "cause C2: unknown status 'probably'",
        "node 'C3' has unknown kind 'rumour'",
    )
    assert len(error.problems) >= 3


def with_extra_edge(fmt: GraphFormat, source: str, target: str) -> bytes:
    """The full analysis exported in *fmt* with one more "caused by" link."""
    text = export_graph(full_analysis(), fmt).decode()
    if fmt is GraphFormat.DOT:
        link = f'  "{source}" -> "{target}" [qa_kind="caused_by"];'
        return text.replace("\n}", f"\n{link}\n}}").encode()
    if fmt is GraphFormat.GRAPHML:
        data = '<data key="e_kind">caused_by</data>'
        edge = f'<edge source="{source}" target="{target}">{data}</edge>'
        return text.replace("</graph>", edge + "</graph>").encode()
    document = json.loads(text)
    document["edges"].append({"source": source, "target": target, "kind": "caused_by"})
    return json.dumps(document).encode()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cyclic_graph_is_refused_in_every_format(fmt: GraphFormat) -> None:
    refused(with_extra_edge(fmt, "C4", "C1"), fmt, "cycle")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_link_to_a_missing_node_is_refused(fmt: GraphFormat) -> None:
    refused(with_extra_edge(fmt, "C1", "C77"), fmt, "C1 → C77", "not in the file")


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_cause_not_connected_to_the_incident_is_refused(fmt: GraphFormat) -> None:
    orphan = CauseNode("C9", CauseLayer.PROCESS, "Orphan")
    with pytest.raises(GraphFileRefused, match="C9 “Orphan” is not connected"):
        export_graph(add_cause(full_analysis(), orphan).graph, fmt)  # would not import again
    text = export_graph(add_cause(full_analysis(), orphan, effect="C1").graph, fmt).decode()
    if fmt is GraphFormat.JSON:
        document = json.loads(text)
        document["edges"] = [e for e in document["edges"] if e["target"] != "C9"]
        text = json.dumps(document)
    else:
        dot_link, graphml_link = r'  "C1" -> "C9" \[.*?\];\n', r'<edge [^>]*target="C9">.*?</edge>'
        link = dot_link if fmt is GraphFormat.DOT else graphml_link
        text, removed = re.subn(link, "", text, flags=re.DOTALL)
        assert removed == 1
    refused(text.encode(), fmt, "cause C9 “Orphan” is not connected to the incident")


def test_files_over_the_size_limit_are_refused_before_parsing() -> None:
    data = b" " * (MAX_FILE_BYTES + 1)
    for fmt in FORMATS:
        refused(data, fmt, "the limit is 20 MB")


def test_files_with_too_many_nodes_are_refused() -> None:
    node = {"kind": "cause", "layer": "process", "title": "t"}
    nodes = [{"id": f"C{i}", **node} for i in range(20_001)]
    document = {"format": "qa-desktop/cause-graph", "version": 1, "nodes": nodes, "edges": []}
    refused(json.dumps(document).encode(), GraphFormat.JSON, "20,001 nodes; the limit is 20,000")


def test_files_are_read_and_written_by_suffix(tmp_path: Path) -> None:
    graph = move_nodes(full_analysis(), {"C2": (560.0, 100.0)}).graph
    for name in ("analysis.graphml", "analysis.gv", "analysis.dot", "analysis.JSON"):
        write_graph_file(tmp_path / name, graph)
        assert read_graph_file(tmp_path / name) == graph
    with pytest.raises(QaError, match=r"use \.graphml, \.gv, \.dot or \.json"):
        read_graph_file(tmp_path / "analysis.xlsx")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (MAX_FILE_BYTES + 1))
    with pytest.raises(GraphFileRefused, match="limit is 20 MB"):
        read_graph_file(big)


def test_a_draft_with_causes_not_yet_connected_is_stored_and_read_back() -> None:
    graph = full_analysis()
    orphan = CauseNode("C9", CauseLayer.PROCESS, "Not linked yet <b>&amp;</b> 未接続")
    graph = add_cause(graph, orphan).graph
    with pytest.raises(GraphFileRefused, match="not connected"):
        export_graph(graph, GraphFormat.JSON)
    assert import_draft(export_draft(graph)) == graph
    # A stored draft is still checked for everything else: a cycle never reads back.
    data = json.loads(export_draft(graph))
    data["edges"].append({"source": "C3", "target": "C1", "kind": "caused_by"})
    with pytest.raises(GraphFileRefused, match="cycle"):
        import_draft(json.dumps(data).encode())
