"""The closing rules: exactly what is still missing, named so the review knows what to do."""

from __future__ import annotations

from dataclasses import replace

from qa_desktop.analysis.closure import closure_gaps, missing_for_closure, root_causes
from qa_desktop.analysis.graph_ops import (
    CauseGraph,
    add_cause,
    add_countermeasure,
    add_yokoten,
    delete_cause,
    edit_cause,
    edit_countermeasure,
    edit_yokoten,
    link_cause,
    new_graph,
    set_layer_review,
    unlink_cause,
)
from qa_desktop.domain.cause_graph import (
    ROOT_ID,
    CauseLayer,
    CauseNode,
    CauseStatus,
    CheckResult,
    Countermeasure,
    EffectivenessCheck,
    IncidentRoot,
    LayerReview,
    LayerVerdict,
    YokotenCandidate,
    YokotenDecision,
)

CONFIRMED = CauseStatus.CONFIRMED
PASSED = EffectivenessCheck("No loosening in 1,000 h vibration test", None, CheckResult.PASSED)


def closable() -> CauseGraph:
    """A finished analysis: one confirmed chain through all four layers, measures passed."""
    graph = new_graph(IncidentRoot("INC-2026-0042", "Heater caught fire", "FH-200"))
    chain = [
        ("C1", CauseLayer.TECHNICAL, "Terminal screw loosened", ROOT_ID),
        ("C2", CauseLayer.PROCESS, "Torque not checked at assembly", "C1"),
        ("C3", CauseLayer.FRAMEWORK, "No rule for torque audits", "C2"),
        ("C4", CauseLayer.MOTIVATION, "Line pressed to meet launch date", "C3"),
    ]
    for cause_id, layer, title, effect in chain:
        graph = add_cause(graph, CauseNode(cause_id, layer, title, CONFIRMED), effect=effect).graph
    measure = Countermeasure("M1", "Launch gate includes torque audit", check=PASSED,
                             removes=frozenset({"C4"}))
    graph = add_countermeasure(graph, measure).graph
    candidate = YokotenCandidate("Y1", product="FH-300", shared_cause="C1",
                                 decision=YokotenDecision.APPLY)
    return add_yokoten(graph, candidate).graph


def test_a_finished_analysis_may_be_closed() -> None:
    assert missing_for_closure(closable()) == []
    assert root_causes(closable()) == ["C4"]


def test_a_new_analysis_lists_every_layer_as_unexamined() -> None:
    graph = new_graph(IncidentRoot("INC-2026-0001", "Fan stopped"))
    assert missing_for_closure(graph) == [
        "The technical layer has no confirmed cause and is not marked not applicable.",
        "The process layer has no confirmed cause and is not marked not applicable.",
        "The framework layer has no confirmed cause and is not marked not applicable.",
        "The motivation layer has no confirmed cause and is not marked not applicable.",
    ]


def test_open_causes_are_named_with_their_status() -> None:
    graph = closable()
    graph = add_cause(graph, CauseNode("C5", CauseLayer.TECHNICAL, "Cord worn"), effect="C1").graph
    graph = add_cause(
        graph,
        CauseNode("C6", CauseLayer.TECHNICAL, "Solder crack", CauseStatus.HYPOTHESIS),
        effect="C1",
    ).graph
    ruled_out = CauseNode("C7", CauseLayer.TECHNICAL, "Wrong fuse", CauseStatus.RULED_OUT)
    graph = add_cause(graph, ruled_out, effect="C1").graph
    assert missing_for_closure(graph) == [
        "Cause C5 “Cord worn” is still unknown (?).",
        "Cause C6 “Solder crack” is an unresolved hypothesis.",
    ]


def test_a_confirmed_root_cause_needs_a_countermeasure() -> None:
    # C1 has a deeper hypothesis, so only once it is ruled out does C1 become a root cause.
    graph = add_cause(
        closable(),
        CauseNode("C5", CauseLayer.TECHNICAL, "Vibration", CauseStatus.HYPOTHESIS),
        effect="C1",
    ).graph
    graph = unlink_cause(graph, "C1", "C2").graph
    graph = link_cause(graph, ROOT_ID, "C2").graph
    assert "C1" not in root_causes(graph)
    ruled_out = replace(graph.causes["C5"], status=CauseStatus.RULED_OUT)
    graph = edit_cause(graph, ruled_out).graph
    assert root_causes(graph) == ["C1", "C4"]
    assert missing_for_closure(graph) == [
        "Confirmed root cause C1 “Terminal screw loosened” has no countermeasure."
    ]


def test_a_countermeasure_is_done_only_when_its_check_has_passed() -> None:
    graph = closable()
    pending = replace(graph.countermeasures["M1"], check=EffectivenessCheck())
    graph = edit_countermeasure(graph, pending).graph
    assert missing_for_closure(graph) == [
        "Countermeasure M1 “Launch gate includes torque audit” has no effectiveness criterion.",
        "Countermeasure M1 “Launch gate includes torque audit” has not passed its "
        "effectiveness check (pending).",
    ]
    failed = replace(pending, check=replace(PASSED, result=CheckResult.FAILED))
    graph = edit_countermeasure(graph, failed).graph
    assert [gap.rule for gap in closure_gaps(graph)] == ["effective"]
    assert "(failed)" in missing_for_closure(graph)[0]


def test_layers_marked_not_applicable_need_a_reason_and_no_confirmed_cause() -> None:
    graph = set_layer_review(
        closable(), LayerReview(CauseLayer.MOTIVATION, LayerVerdict.NOT_APPLICABLE, "")
    ).graph
    assert missing_for_closure(graph) == [
        "The motivation layer is marked not applicable but holds confirmed "
        "cause C4 “Line pressed to meet launch date”."
    ]
    graph = set_layer_review(
        closable(), LayerReview(CauseLayer.PROCESS, LayerVerdict.NOT_APPLICABLE, " ")
    ).graph
    graph = link_cause(delete_cause(graph, "C2").graph, "C1", "C3").graph
    assert missing_for_closure(graph) == [
        "The process layer is marked not applicable without a reason."
    ]
    reasoned = LayerReview(CauseLayer.PROCESS, LayerVerdict.NOT_APPLICABLE, "Bought-in part")
    assert missing_for_closure(set_layer_review(graph, reasoned).graph) == []


def test_every_yokoten_candidate_needs_a_decision_and_a_skip_needs_a_reason() -> None:
    graph = closable()
    undecided = replace(graph.yokoten["Y1"], decision=YokotenDecision.UNDECIDED)
    assert missing_for_closure(edit_yokoten(graph, undecided).graph) == [
        "Yokoten candidate Y1 (FH-300) has no decision."
    ]
    skipped = replace(undecided, decision=YokotenDecision.SKIP)
    assert missing_for_closure(edit_yokoten(graph, skipped).graph) == [
        "Yokoten candidate Y1 (FH-300) is skipped without a reason."
    ]
    reasoned = replace(skipped, reason="FH-300 uses a welded terminal")
    assert missing_for_closure(edit_yokoten(graph, reasoned).graph) == []


def test_a_cause_not_connected_to_the_incident_blocks_closure() -> None:
    graph = closable()
    graph = unlink_cause(graph, "C3", "C4").graph
    gaps = closure_gaps(graph)
    assert [(gap.rule, gap.subject) for gap in gaps] == [
        ("connected", "C4"),
        ("countermeasure", "C3"),
    ]
    assert str(gaps[0]) == (
        "Cause C4 “Line pressed to meet launch date” is not connected to the incident."
    )
