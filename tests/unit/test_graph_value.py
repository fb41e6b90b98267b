"""Checking a cause graph assembled by any means before it is stored."""

from __future__ import annotations

from dataclasses import replace

from qa_desktop.analysis.graph_ops import CauseGraph, add_cause, graph_problems, new_graph
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseGate,
    CauseLayer,
    CauseLink,
    CauseNode,
    Countermeasure,
    GateKind,
    IncidentRoot,
    LayerReview,
    LayerVerdict,
)


def two_causes() -> CauseGraph:
    graph = new_graph(IncidentRoot("INC-2026-0001", "Cord overheats / コードが過熱"))
    graph = add_cause(graph, CauseNode("C1", CauseLayer.TECHNICAL, "Melted"), effect=ROOT_ID).graph
    return add_cause(graph, CauseNode("C2", CauseLayer.PROCESS, "Not inspected"), effect="C1").graph


def test_a_graph_made_by_the_edits_has_no_problems() -> None:
    assert graph_problems(two_causes()) == []


def test_every_broken_field_is_named_with_its_element() -> None:
    graph = two_causes()
    bad_cause = replace(graph.causes["C2"], title="", description="x" * 2_001)
    graph = replace(
        graph,
        causes={**graph.causes, "C2": bad_cause},
        countermeasures={"M1": Countermeasure("M2", "Filed wrongly")},
        reviews={CauseLayer.MOTIVATION: LayerReview(CauseLayer.PROCESS, LayerVerdict.EXAMINED)},
    )
    problems = {(e.field, e.rule) for e in graph_problems(graph)}
    assert problems == {
        ("cause C2: title", "required"),
        ("cause C2: description", "too_long"),
        ("countermeasure M1", "id"),
        ("review motivation", "layer"),
    }


def test_structural_faults_are_reported_too() -> None:
    graph = two_causes()
    cyclic = replace(graph, links=graph.links | {CauseLink("C2", "C1")})
    assert [e.rule for e in graph_problems(cyclic)] == ["integrity"]
    assert "cycle" in graph_problems(cyclic)[0].message
    lone_gate = replace(
        graph, gates={"G1": CauseGate("G1", ROOT_ID, GateKind.AND, frozenset({"C1"}))}
    )
    assert {e.field for e in graph_problems(lone_gate)} == {"gate G1: causes", "graph"}
